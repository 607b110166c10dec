# NetworkWordCount — a DStream Studio pipeline exported as a PySpark 3.5 application (pyspark.streaming, DStream API).
#
# How to run (README): pip install pyspark==3.5.9 (or use a Spark 3.5 installation), then
#   spark-submit --master local[2] network_word_count.py
#   On a cluster pass its master URL instead (--master spark://host:7077, yarn, k8s://...).
#
# PySpark calls two-argument foreachRDD functions as f(time, rdd); Option values are plain values or None.

from pyspark import SparkConf, SparkContext
from pyspark.streaming import StreamingContext

def main():
    conf = SparkConf().setAppName('NetworkWordCount').setIfMissing('spark.master', 'local[2]')
    sc = SparkContext(conf=conf)
    ssc = StreamingContext(sc, 1)
    build(ssc)
    ssc.start()
    ssc.awaitTermination()


def build(ssc):
    """The pipeline's streams and outputs on ssc (a test harness calls it on its own context)."""
    # node: lines
    lines = ssc.queueStream([ssc.sparkContext.parallelize(b) for b in [['hello world', 'hello spark streaming'], ['spark streaming counts words', 'hello dstream'], ['a stream is a sequence of RDDs', 'hello again']]], oneAtATime=True)
    # node: words
    words = lines.flatMap(lambda l: l.split(' '))
    # node: pairs
    pairs = words.map(lambda w: (w, 1))
    # node: counts
    word_counts = pairs.reduceByKey(lambda a, b: a + b)
    # node: print
    word_counts.pprint()


if __name__ == '__main__':
    main()
