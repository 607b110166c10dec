# DirectKafkaExactlyOnce — a DStream Studio pipeline exported as a PySpark 3.5 application (pyspark.streaming, DStream API).
#
# How to run (README): pip install pyspark==3.5.9 (or use a Spark 3.5 installation), then
#   spark-submit --master local[2] direct_kafka_exactly_once.py
#   On a cluster pass its master URL instead (--master spark://host:7077, yarn, k8s://...).
#
# PySpark calls two-argument foreachRDD functions as f(time, rdd); Option values are plain values or None.
#
# Kafka: PySpark 3.x has no KafkaUtils (the DStream Kafka integration was removed from Python in Spark 3.0).
# Read Kafka with Structured Streaming instead (package org.apache.spark:spark-sql-kafka-0-10_2.12:3.5.1):
#   spark.readStream.format('kafka').option('kafka.bootstrap.servers', 'localhost:9092')
#     .option('subscribe', 'events').load().selectExpr('CAST(key AS STRING)', 'CAST(value AS STRING)')
#
# 2 functions could not be translated mechanically and raise NotImplementedError (look for "TODO translate"):
#    amounts (map.f)
#    upsert (foreachRDD.f)

from pyspark import SparkConf, SparkContext
from pyspark.streaming import StreamingContext

def amounts_fn(r):
    # TODO translate (property .key) from TypeScript:
    #   r => [r.key, Number(r.value.split(' ')[2])]
    raise NotImplementedError('TODO: translate amounts_fn from TypeScript')


def upsert_totals_fn(rdd, time):
    # TODO translate (async or generator functions) from TypeScript:
    #   async (rdd, time) => {
    #     // Idempotent output: an upsert keyed by (batch time, user). Replaying a batch after a failure
    #     // writes the same rows again, so the result is exactly-once although delivery is at-least-once.
    #     const rows = await rdd.collect();
    #     for (const [user, total] of rows) ssc.stdout(`UPSERT totals(batch=${time.milliseconds}, user=${user}) = ${total}\n`);
    #   }
    raise NotImplementedError('TODO: translate upsert_totals_fn from TypeScript')


def main():
    conf = SparkConf().setAppName('DirectKafkaExactlyOnce').setIfMissing('spark.master', 'local[2]')
    sc = SparkContext(conf=conf)
    ssc = StreamingContext(sc, 1)
    build(ssc)
    ssc.start()
    ssc.awaitTermination()


def build(ssc):
    """The pipeline's streams and outputs on ssc (a test harness calls it on its own context)."""
    # node: payments
    # TODO: directKafkaStream (PySpark 3.x has no Kafka DStream; use Structured Streaming) is simulated in DStream Studio and has no PySpark DStream counterpart; replace this socket source with your real input.
    payments = ssc.socketTextStream('localhost', 9999)
    # node: amounts
    amounts = payments.map(amounts_fn)
    # node: totals
    totals = amounts.reduceByKey(lambda a, b: a + b)
    # node: upsert
    totals.foreachRDD(lambda time, rdd: (upsert_totals_fn)(rdd, time))


if __name__ == '__main__':
    main()
