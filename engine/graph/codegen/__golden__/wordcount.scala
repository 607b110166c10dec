// NetworkWordCount — a DStream Studio pipeline exported as a Spark Streaming 3.5 application (DStream API).
//
// build.sbt:
//   name := "networkwordcount"
//   version := "0.1"
//   scalaVersion := "2.12.18"
//   libraryDependencies += "org.apache.spark" %% "spark-streaming" % "3.5.9" % "provided"
//
// How to run (README):
//   1. Put this file in src/main/scala/ next to the build.sbt above (or use the pom.xml in DStream Studio's spark/
//      folder: mvn package), then: sbt package
//   2. spark-submit --class NetworkWordCount --master local[2] target/scala-2.12/networkwordcount_2.12-0.1.jar
//      On a cluster pass its master URL instead (--master spark://host:7077, yarn, k8s://...).

import org.apache.spark.SparkConf
import org.apache.spark.streaming.{Milliseconds, Minutes, Seconds, StreamingContext}
import scala.collection.mutable

object NetworkWordCount {
  def main(args: Array[String]): Unit = {
    val conf = new SparkConf().setAppName("NetworkWordCount").setIfMissing("spark.master", "local[2]")
    val ssc = new StreamingContext(conf, Seconds(1))
    build(ssc)
    ssc.start()
    ssc.awaitTermination()
  }

  /** The pipeline's streams and outputs on `ssc` (a test harness calls it on its own context). */
  def build(ssc: StreamingContext): Unit = {
    // node: lines
    val lines = ssc.queueStream(mutable.Queue(Seq(Seq("hello world", "hello spark streaming"), Seq("spark streaming counts words", "hello dstream"), Seq("a stream is a sequence of RDDs", "hello again")).map(b => ssc.sparkContext.parallelize(b)): _*), true)
    // node: words
    val words = lines.flatMap(l => l.split(" "))
    // node: pairs
    val pairs = words.map(w => (w, 1))
    // node: counts
    val wordCounts = pairs.reduceByKey((a, b) => a + b)
    // node: print
    wordCounts.print()
  }
}
