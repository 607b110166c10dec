// NetworkWordCount — a DStream Studio pipeline exported as a Spark Streaming 3.5 application (DStream API).
//
// build.sbt:
//   name := "networkwordcount"
//   version := "0.1"
//   scalaVersion := "2.12.18"
//   libraryDependencies += "org.apache.spark" %% "spark-streaming" % "3.5.1" % "provided"
//
// Build and run:
//   sbt package
//   spark-submit --class NetworkWordCount --master local[2] target/scala-2.12/networkwordcount_2.12-0.1.jar

import org.apache.spark.SparkConf
import org.apache.spark.streaming.{Milliseconds, Minutes, Seconds, StreamingContext}
import scala.collection.mutable

object NetworkWordCount {
  def main(args: Array[String]): Unit = {
    val conf = new SparkConf().setAppName("NetworkWordCount").setIfMissing("spark.master", "local[2]")
    val ssc = new StreamingContext(conf, Seconds(1))

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

    ssc.start()
    ssc.awaitTermination()
  }
}
