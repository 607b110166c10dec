// FaultToleranceDemo — a DStream Studio pipeline exported as a Spark Streaming 3.5 application (DStream API).
//
// build.sbt:
//   name := "faulttolerancedemo"
//   version := "0.1"
//   scalaVersion := "2.12.18"
//   libraryDependencies += "org.apache.spark" %% "spark-streaming" % "3.5.9" % "provided"
//   libraryDependencies += "org.apache.bahir" %% "spark-streaming-twitter" % "2.4.0"   // Apache Bahir (built for Spark 2.4; see bahir.apache.org)
//
// How to run (README):
//   1. Put this file in src/main/scala/ next to the build.sbt above (or use the pom.xml in DStream Studio's spark/
//      folder: mvn package), then: sbt package
//   2. spark-submit --class FaultToleranceDemo --master local[*] target/scala-2.12/faulttolerancedemo_2.12-0.1.jar [checkpoint dir]
//      On a cluster pass its master URL instead (--master spark://host:7077, yarn, k8s://...).
//      (the studio ran on local-cluster[2,2,1024], a test-only master; spark.default.parallelism=4 keeps its partitioning and so its output order)
//   3. The checkpoint directory must be on the cluster's file system: pass e.g. hdfs:///checkpoints/faulttolerancedemo as the first argument (default checkpoints/fault-tolerance-demo, a local path).

import org.apache.spark.SparkConf
import org.apache.spark.streaming.twitter.TwitterUtils
import org.apache.spark.streaming.{Milliseconds, Minutes, Seconds, StreamingContext}

object FaultToleranceDemo {
  def main(args: Array[String]): Unit = {
    val conf = new SparkConf().setAppName("FaultToleranceDemo").setIfMissing("spark.master", "local[*]").setIfMissing("spark.default.parallelism", "4").set("spark.streaming.receiver.writeAheadLog.enable", "true").set("spark.task.maxFailures", "4")
    val ssc = new StreamingContext(conf, Seconds(1))
    ssc.checkpoint(if (args.nonEmpty) args(0) else "checkpoints/fault-tolerance-demo")
    build(ssc)
    ssc.start()
    ssc.awaitTermination()
  }

  /** The pipeline's streams and outputs on `ssc` (a test harness calls it on its own context). */
  def build(ssc: StreamingContext): Unit = {
    // node: tweets
    // Apache Bahir spark-streaming-twitter: records are twitter4j Status (the exporter maps the studio's tweet fields:
    // text → getText, hashtags → getHashtagEntities, ...); credentials come from twitter4j.properties or the
    // twitter4j.oauth.* system properties.
    val tweets = TwitterUtils.createStream(ssc, None)
    // node: tags
    val hashTags = tweets.flatMap(t => t.getText.split(" ").filter(w => w.startsWith("#")))
    // node: pairs
    val tagPairs = hashTags.map(tag => (tag, 1))
    // node: window
    val lastThreeSeconds = tagPairs.reduceByKeyAndWindow((a: Int, b: Int) => a + b, Seconds(3), Seconds(1))
    // node: print
    lastThreeSeconds.print()
  }
}
