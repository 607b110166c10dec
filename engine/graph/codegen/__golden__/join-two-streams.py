# JoinImpressionsAndClicks — a DStream Studio pipeline exported as a PySpark 3.5 application (pyspark.streaming, DStream API).
#
# How to run (README): pip install pyspark==3.5.9 (or use a Spark 3.5 installation), then
#   spark-submit --master local[2] join_impressions_and_clicks.py
#   On a cluster pass its master URL instead (--master spark://host:7077, yarn, k8s://...).
#
# PySpark calls two-argument foreachRDD functions as f(time, rdd); Option values are plain values or None.

from pyspark import SparkConf, SparkContext
from pyspark.streaming import StreamingContext

def main():
    conf = SparkConf().setAppName('JoinImpressionsAndClicks').setIfMissing('spark.master', 'local[2]')
    sc = SparkContext(conf=conf)
    ssc = StreamingContext(sc, 1)
    build(ssc)
    ssc.start()
    ssc.awaitTermination()


def build(ssc):
    """The pipeline's streams and outputs on ssc (a test harness calls it on its own context)."""
    # node: impressions
    impressions = ssc.queueStream([ssc.sparkContext.parallelize(b) for b in [[('ad1', 'page-home'), ('ad2', 'page-news'), ('ad3', 'page-home')], [('ad1', 'page-sport'), ('ad4', 'page-news')], [('ad2', 'page-home')]]], oneAtATime=True)
    # node: clicks
    clicks = ssc.queueStream([ssc.sparkContext.parallelize(b) for b in [[('ad1', 'user-7'), ('ad3', 'user-2')], [('ad4', 'user-9'), ('ad5', 'user-1')], [('ad2', 'user-7'), ('ad2', 'user-3')]]], oneAtATime=True)
    # node: join
    clicked = impressions.join(clicks)
    # node: byPage
    page_clicks = clicked.map(lambda t: (t[1][0], 1))
    # node: perPage
    clicks_per_page = page_clicks.reduceByKey(lambda a, b: a + b)
    # node: print
    clicks_per_page.pprint()


if __name__ == '__main__':
    main()
