# TwitterPopularTags — a DStream Studio pipeline exported as a PySpark 3.5 application (pyspark.streaming, DStream API).
#
# Run:
#   spark-submit --master local[*] twitter_popular_tags.py
#   (the studio ran on local-cluster[2,2,1024]; on a cluster pass its master URL)
#
# PySpark calls two-argument foreachRDD functions as f(time, rdd); Option values are plain values or None.
#
# 1 function could not be translated mechanically: look for "TODO translate".

from pyspark import SparkConf, SparkContext
from pyspark.streaming import StreamingContext

def hash_tags_fn(t):
    # TODO translate (property .text) from TypeScript:
    #   t => t.text.split(' ').filter(w => w.startsWith('#'))
    raise NotImplementedError('TODO: translate hash_tags_fn from TypeScript')


def main():
    conf = SparkConf().setAppName('TwitterPopularTags').setIfMissing('spark.master', 'local-cluster[2,2,1024]')
    sc = SparkContext(conf=conf)
    ssc = StreamingContext(sc, 1)
    ssc.checkpoint('checkpoints/hashtags')

    # node: tweets
    # TODO: twitterStream is simulated in DStream Studio and has no PySpark DStream counterpart; replace this socket source with your real input.
    tweets = ssc.socketTextStream('localhost', 9999)
    # node: tags
    hash_tags = tweets.flatMap(hash_tags_fn)
    # node: pairs
    tag_pairs = hash_tags.map(lambda tag: (tag, 1))
    # node: window
    tag_counts = tag_pairs.reduceByKeyAndWindow(lambda a, b: a + b, lambda a, b: a - b, 10, 1, None, lambda t: t[1] > 0)
    # node: top
    top_tags = tag_counts.transform(lambda rdd: rdd.sortBy(lambda t: t[1], False))
    # node: print
    top_tags.pprint()

    ssc.start()
    ssc.awaitTermination()


if __name__ == '__main__':
    main()
