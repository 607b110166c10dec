# StatefulNetworkWordCount — a DStream Studio pipeline exported as a PySpark 3.5 application (pyspark.streaming, DStream API).
#
# How to run (README): pip install pyspark==3.5.9 (or use a Spark 3.5 installation), then
#   spark-submit --master local[2] stateful_network_word_count.py [checkpoint dir]
#   On a cluster pass its master URL instead (--master spark://host:7077, yarn, k8s://...).
#   The checkpoint directory must be on the cluster's file system: pass e.g. hdfs:///checkpoints/stateful_network_word_count as the first argument (default checkpoints/stateful-wordcount, a local path).
#
# PySpark calls two-argument foreachRDD functions as f(time, rdd); Option values are plain values or None.

import sys

from pyspark import SparkConf, SparkContext
from pyspark.streaming import StreamingContext

def main():
    conf = SparkConf().setAppName('StatefulNetworkWordCount').setIfMissing('spark.master', 'local[2]')
    sc = SparkContext(conf=conf)
    ssc = StreamingContext(sc, 1)
    ssc.checkpoint(sys.argv[1] if len(sys.argv) > 1 else 'checkpoints/stateful-wordcount')
    build(ssc)
    ssc.start()
    ssc.awaitTermination()


def build(ssc):
    """The pipeline's streams and outputs on ssc (a test harness calls it on its own context)."""
    # node: lines
    lines = ssc.queueStream([ssc.sparkContext.parallelize(b) for b in [['hello world', 'hello spark'], ['hello streaming'], ['spark state survives batches'], ['world']]], oneAtATime=True)
    # node: words
    words = lines.flatMap(lambda l: l.split(' '))
    # node: pairs
    pairs = words.map(lambda w: (w, 1))
    # node: totals
    running_counts = pairs.updateStateByKey(lambda values, state: sum(values) + (state or 0))
    # node: print
    running_counts.pprint()


if __name__ == '__main__':
    main()
