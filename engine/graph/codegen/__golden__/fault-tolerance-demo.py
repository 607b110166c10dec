# FaultToleranceDemo — a DStream Studio pipeline exported as a PySpark 3.5 application (pyspark.streaming, DStream API).
#
# How to run (README): pip install pyspark==3.5.9 (or use a Spark 3.5 installation), then
#   spark-submit --master local[*] fault_tolerance_demo.py [checkpoint dir]
#   On a cluster pass its master URL instead (--master spark://host:7077, yarn, k8s://...).
#   (the studio ran on local-cluster[2,2,1024], a test-only master; spark.default.parallelism=4 keeps its partitioning)
#   The checkpoint directory must be on the cluster's file system: pass e.g. hdfs:///checkpoints/fault_tolerance_demo as the first argument (default checkpoints/fault-tolerance-demo, a local path).
#
# PySpark calls two-argument foreachRDD functions as f(time, rdd); Option values are plain values or None.

import json
import sys

from pyspark import SparkConf, SparkContext
from pyspark.streaming import StreamingContext

def main():
    conf = SparkConf().setAppName('FaultToleranceDemo').setIfMissing('spark.master', 'local[*]').setIfMissing('spark.default.parallelism', '4').set('spark.streaming.receiver.writeAheadLog.enable', 'true').set('spark.task.maxFailures', '4')
    sc = SparkContext(conf=conf)
    ssc = StreamingContext(sc, 1)
    ssc.checkpoint(sys.argv[1] if len(sys.argv) > 1 else 'checkpoints/fault-tolerance-demo')
    build(ssc)
    ssc.start()
    ssc.awaitTermination()


def build(ssc):
    """The pipeline's streams and outputs on ssc (a test harness calls it on its own context)."""
    # node: tweets
    # twitterStream: PySpark has no Twitter source. This stand-in reads one tweet per line as JSON with the studio's
    # record shape {"id", "user", "text", "hashtags", "createdAt", "lang"} and parses it with json.loads, so the
    # functions below see dicts (t['text'], t['hashtags'], ...). Feed it with a tiny line server, e.g.
    #   nc -lk 9999 < tweets.jsonl
    # or from Kafka, one JSON tweet per message:
    #   kafka-console-consumer.sh --bootstrap-server localhost:9092 --topic tweets | nc -lk 9999
    tweets = ssc.socketTextStream('localhost', 9999).map(json.loads)
    # node: tags
    hash_tags = tweets.flatMap(lambda t: [w for w in t['text'].split(' ') if w.startswith('#')])
    # node: pairs
    tag_pairs = hash_tags.map(lambda tag: (tag, 1))
    # node: window
    last_three_seconds = tag_pairs.reduceByKeyAndWindow(lambda a, b: a + b, None, 3, 1)
    # node: print
    last_three_seconds.pprint()


if __name__ == '__main__':
    main()
