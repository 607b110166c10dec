// TwitterPopularTags — a DStream Studio pipeline exported as a Spark Streaming 3.5 application (DStream API).
//
// build.sbt:
//   name := "twitterpopulartags"
//   version := "0.1"
//   scalaVersion := "2.12.18"
//   libraryDependencies += "org.apache.spark" %% "spark-streaming" % "3.5.1" % "provided"
//   libraryDependencies += "org.apache.bahir" %% "spark-streaming-twitter" % "2.4.0"   // Apache Bahir (built for Spark 2.4; see bahir.apache.org)
//
// Build and run:
//   sbt package
//   spark-submit --class TwitterPopularTags --master local[*] target/scala-2.12/twitterpopulartags_2.12-0.1.jar
//   (the studio ran on local-cluster[2,2,1024]; on a cluster pass its master URL, e.g. --master spark://host:7077)

import org.apache.spark.SparkConf
import org.apache.spark.streaming.twitter.TwitterUtils
import org.apache.spark.streaming.{Milliseconds, Minutes, Seconds, StreamingContext}

object TwitterPopularTags {
  def main(args: Array[String]): Unit = {
    val conf = new SparkConf().setAppName("TwitterPopularTags").setIfMissing("spark.master", "local-cluster[2,2,1024]")
    val ssc = new StreamingContext(conf, Seconds(1))
    ssc.checkpoint("checkpoints/hashtags")

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
    val tagCounts = tagPairs.reduceByKeyAndWindow((a, b) => a + b, (a, b) => a - b, Seconds(10), Seconds(1), ssc.sparkContext.defaultParallelism, { case (tag, n) => n > 0 })
    // node: top
    val topTags = tagCounts.transform(rdd => rdd.sortBy({ case (tag, n) => n }, false))
    // node: print
    topTags.print()

    ssc.start()
    ssc.awaitTermination()
  }
}
