# FaultToleranceDemo — a DStream Studio pipeline exported as a PySpark 3.5 application (pyspark.streaming, DStream API).
#
# Run:
#   spark-submit --master local[*] fault_tolerance_demo.py
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
    conf = SparkConf().setAppName('FaultToleranceDemo').setIfMissing('spark.master', 'local-cluster[2,2,1024]').set('spark.streaming.receiver.writeAheadLog.enable', 'true').set('spark.task.maxFailures', '4')
    sc = SparkContext(conf=conf)
    ssc = StreamingContext(sc, 1)
    ssc.checkpoint('checkpoints/fault-tolerance-demo')

    # node: tweets
    # TODO: twitterStream is simulated in DStream Studio and has no PySpark DStream counterpart; replace this socket source with your real input.
    tweets = ssc.socketTextStream('localhost', 9999)
    # node: tags
    hash_tags = tweets.flatMap(hash_tags_fn)
    # node: pairs
    tag_pairs = hash_tags.map(lambda tag: (tag, 1))
    # node: window
    last_three_seconds = tag_pairs.reduceByKeyAndWindow(lambda a, b: a + b, None, 3, 1)
    # node: print
    last_three_seconds.pprint()

    ssc.start()
    ssc.awaitTermination()


if __name__ == '__main__':
    main()
