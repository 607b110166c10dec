# StatefulNetworkWordCount — a DStream Studio pipeline exported as a PySpark 3.5 application (pyspark.streaming, DStream API).
#
# Run:
#   spark-submit --master local[2] stateful_network_word_count.py
#
# PySpark calls two-argument foreachRDD functions as f(time, rdd); Option values are plain values or None.

from pyspark import SparkConf, SparkContext
from pyspark.streaming import StreamingContext

def main():
    conf = SparkConf().setAppName('StatefulNetworkWordCount').setIfMissing('spark.master', 'local[2]')
    sc = SparkContext(conf=conf)
    ssc = StreamingContext(sc, 1)
    ssc.checkpoint('checkpoints/stateful-wordcount')

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

    ssc.start()
    ssc.awaitTermination()


if __name__ == '__main__':
    main()
