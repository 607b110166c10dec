# FaultToleranceDemo — a DStream Studio pipeline exported as a PySpark 3.5 application (pyspark.streaming, DStream API).
#
# Run:
#   spark-submit --master local[*] fault_tolerance_demo.py
#   (the studio ran on local-cluster[2,2,1024]; on a cluster pass its master URL)
#
# PySpark calls two-argument foreachRDD functions as f(time, rdd); Option values are plain values or None.

import json

from pyspark import SparkConf, SparkContext
from pyspark.streaming import StreamingContext

def main():
    conf = SparkConf().setAppName('FaultToleranceDemo').setIfMissing('spark.master', 'local-cluster[2,2,1024]').set('spark.streaming.receiver.writeAheadLog.enable', 'true').set('spark.task.maxFailures', '4')
    sc = SparkContext(conf=conf)
    ssc = StreamingContext(sc, 1)
    ssc.checkpoint('checkpoints/fault-tolerance-demo')

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

    ssc.start()
    ssc.awaitTermination()


if __name__ == '__main__':
    main()
