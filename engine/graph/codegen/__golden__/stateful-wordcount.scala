// StatefulNetworkWordCount — a DStream Studio pipeline exported as a Spark Streaming 3.5 application (DStream API).
//
// build.sbt:
//   name := "statefulnetworkwordcount"
//   version := "0.1"
//   scalaVersion := "2.12.18"
//   libraryDependencies += "org.apache.spark" %% "spark-streaming" % "3.5.9" % "provided"
//
// How to run (README):
//   1. Put this file in src/main/scala/ next to the build.sbt above (or use the pom.xml in DStream Studio's spark/
//      folder: mvn package), then: sbt package
//   2. spark-submit --class StatefulNetworkWordCount --master local[2] target/scala-2.12/statefulnetworkwordcount_2.12-0.1.jar [checkpoint dir]
//      On a cluster pass its master URL instead (--master spark://host:7077, yarn, k8s://...).
//   3. The checkpoint directory must be on the cluster's file system: pass e.g. hdfs:///checkpoints/statefulnetworkwordcount as the first argument (default checkpoints/stateful-wordcount, a local path).

import org.apache.spark.SparkConf
import org.apache.spark.streaming.{Milliseconds, Minutes, Seconds, StreamingContext}
import scala.collection.mutable

object StatefulNetworkWordCount {
  def main(args: Array[String]): Unit = {
    val conf = new SparkConf().setAppName("StatefulNetworkWordCount").setIfMissing("spark.master", "local[2]")
    val ssc = new StreamingContext(conf, Seconds(1))
    ssc.checkpoint(if (args.nonEmpty) args(0) else "checkpoints/stateful-wordcount")
    build(ssc)
    ssc.start()
    ssc.awaitTermination()
  }

  /** The pipeline's streams and outputs on `ssc` (a test harness calls it on its own context). */
  def build(ssc: StreamingContext): Unit = {
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
  }
}
