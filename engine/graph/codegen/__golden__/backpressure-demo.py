# BackPressureDemo — a DStream Studio pipeline exported as a PySpark 3.5 application (pyspark.streaming, DStream API).
#
# How to run (README): pip install pyspark==3.5.9 (or use a Spark 3.5 installation), then
#   spark-submit --master local[2] back_pressure_demo.py
#   On a cluster pass its master URL instead (--master spark://host:7077, yarn, k8s://...).
#
# PySpark calls two-argument foreachRDD functions as f(time, rdd); Option values are plain values or None.
#
# 1 function could not be translated mechanically and raises NotImplementedError (look for "TODO translate"):
#    slow (mapPartitions.f)

from pyspark import SparkConf, SparkContext
from pyspark.streaming import StreamingContext

def work_fn(it):
    # TODO translate (spread or holes in array literals) from TypeScript:
    #   it => [...it].map(x => x)
    raise NotImplementedError('TODO: translate work_fn from TypeScript')


def main():
    conf = SparkConf().setAppName('BackPressureDemo').setIfMissing('spark.master', 'local[2]').set('spark.streaming.backpressure.enabled', 'true').set('spark.streaming.backpressure.initialRate', '500').set('spark.streaming.receiver.maxRate', '2000').set('spark.studio.simulatedCostPerRecordMs', '1')
    sc = SparkContext(conf=conf)
    ssc = StreamingContext(sc, 1)
    build(ssc)
    ssc.start()
    ssc.awaitTermination()


def build(ssc):
    """The pipeline's streams and outputs on ssc (a test harness calls it on its own context)."""
    # node: rate
    # TODO: rateStream(2000) is simulated in DStream Studio and has no PySpark DStream counterpart; replace this socket source with your real input.
    events = ssc.socketTextStream('localhost', 9999)
    # node: slow
    work = events.mapPartitions(work_fn)
    # node: count
    per_batch = work.count()
    # node: print
    per_batch.pprint()


if __name__ == '__main__':
    main()
