// JoinImpressionsAndClicks — a DStream Studio pipeline exported as a Spark Streaming 3.5 application (DStream API).
//
// build.sbt:
//   name := "joinimpressionsandclicks"
//   version := "0.1"
//   scalaVersion := "2.12.18"
//   libraryDependencies += "org.apache.spark" %% "spark-streaming" % "3.5.9" % "provided"
//
// How to run (README):
//   1. Put this file in src/main/scala/ next to the build.sbt above (or use the pom.xml in DStream Studio's spark/
//      folder: mvn package), then: sbt package
//   2. spark-submit --class JoinImpressionsAndClicks --master local[2] target/scala-2.12/joinimpressionsandclicks_2.12-0.1.jar
//      On a cluster pass its master URL instead (--master spark://host:7077, yarn, k8s://...).

import org.apache.spark.SparkConf
import org.apache.spark.streaming.{Milliseconds, Minutes, Seconds, StreamingContext}
import scala.collection.mutable

object JoinImpressionsAndClicks {
  def main(args: Array[String]): Unit = {
    val conf = new SparkConf().setAppName("JoinImpressionsAndClicks").setIfMissing("spark.master", "local[2]")
    val ssc = new StreamingContext(conf, Seconds(1))
    build(ssc)
    ssc.start()
    ssc.awaitTermination()
  }

  /** The pipeline's streams and outputs on `ssc` (a test harness calls it on its own context). */
  def build(ssc: StreamingContext): Unit = {
    // node: impressions
    val impressions = ssc.queueStream(mutable.Queue(Seq(Seq(("ad1", "page-home"), ("ad2", "page-news"), ("ad3", "page-home")), Seq(("ad1", "page-sport"), ("ad4", "page-news")), Seq(("ad2", "page-home"))).map(b => ssc.sparkContext.parallelize(b)): _*), true)
    // node: clicks
    val clicks = ssc.queueStream(mutable.Queue(Seq(Seq(("ad1", "user-7"), ("ad3", "user-2")), Seq(("ad4", "user-9"), ("ad5", "user-1")), Seq(("ad2", "user-7"), ("ad2", "user-3"))).map(b => ssc.sparkContext.parallelize(b)): _*), true)
    // node: join
    val clicked = impressions.join(clicks)
    // node: byPage
    val pageClicks = clicked.map({ case (ad, (page, user)) => (page, 1) })
    // node: perPage
    val clicksPerPage = pageClicks.reduceByKey((a, b) => a + b)
    // node: print
    clicksPerPage.print()
  }
}
