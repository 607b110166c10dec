// StatefulNetworkWordCount — a DStream Studio pipeline exported as a Spark Streaming 3.5 application (DStream API).
//
// build.sbt:
//   name := "statefulnetworkwordcount"
//   version := "0.1"
//   scalaVersion := "2.12.18"
//   libraryDependencies += "org.apache.spark" %% "spark-streaming" % "3.5.1" % "provided"
//
// Build and run:
//   sbt package
//   spark-submit --class StatefulNetworkWordCount --master local[2] target/scala-2.12/statefulnetworkwordcount_2.12-0.1.jar

import org.apache.spark.SparkConf
import org.apache.spark.streaming.{Milliseconds, Minutes, Seconds, StreamingContext}
import scala.collection.mutable

object StatefulNetworkWordCount {
  def main(args: Array[String]): Unit = {
    val conf = new SparkConf().setAppName("StatefulNetworkWordCount").setIfMissing("spark.master", "local[2]")
    val ssc = new StreamingContext(conf, Seconds(1))
    ssc.checkpoint("checkpoints/stateful-wordcount")

    // node: lines
    val lines = ssc.queueStream(mutable.Queue(Seq(Seq("hello world", "hello spark"), Seq("hello streaming"), Seq("spark state survives batches"), Seq("world")).map(b => ssc.sparkContext.parallelize(b)): _*), true)
    // node: words
    val words = lines.flatMap(l => l.split(" "))
    // node: pairs
    val pairs = words.map(w => (w, 1))
    // node: totals
    val runningCounts = pairs.updateStateByKey((values: Seq[Int], state: Option[Int]) => Some(values.sum + state.getOrElse(0)))
    // node: print
    runningCounts.print()

    ssc.start()
    ssc.awaitTermination()
  }
}
