// BackPressureDemo — a DStream Studio pipeline exported as a Spark Streaming 3.5 application (DStream API).
//
// build.sbt:
//   name := "backpressuredemo"
//   version := "0.1"
//   scalaVersion := "2.12.18"
//   libraryDependencies += "org.apache.spark" %% "spark-streaming" % "3.5.9" % "provided"
//
// How to run (README):
//   1. Put this file in src/main/scala/ next to the build.sbt above (or use the pom.xml in DStream Studio's spark/
//      folder: mvn package), then: sbt package
//   2. spark-submit --class BackPressureDemo --master local[2] target/scala-2.12/backpressuredemo_2.12-0.1.jar
//      On a cluster pass its master URL instead (--master spark://host:7077, yarn, k8s://...).
//
// 1 function could not be translated mechanically and throws NotImplementedError (look for "TODO translate"):
//    slow (mapPartitions.f)

import org.apache.spark.SparkConf
import org.apache.spark.storage.StorageLevel
import org.apache.spark.streaming.receiver.Receiver
import org.apache.spark.streaming.{Milliseconds, Minutes, Seconds, StreamingContext}

object BackPressureDemo {
  def main(args: Array[String]): Unit = {
    val conf = new SparkConf().setAppName("BackPressureDemo").setIfMissing("spark.master", "local[2]").set("spark.streaming.backpressure.enabled", "true").set("spark.streaming.backpressure.initialRate", "500").set("spark.streaming.receiver.maxRate", "2000").set("spark.studio.simulatedCostPerRecordMs", "1")
    val ssc = new StreamingContext(conf, Seconds(1))
    build(ssc)
    ssc.start()
    ssc.awaitTermination()
  }

  /** The pipeline's streams and outputs on `ssc` (a test harness calls it on its own context). */
  def build(ssc: StreamingContext): Unit = {
    // node: rate
    // rateStream is simulated in DStream Studio: RateReceiver is a custom receiver stub (see the end of this file).
    val events = ssc.receiverStream(new RateReceiver(2000))
    // node: slow
    val work = events.mapPartitions({ it => ??? /* TODO translate (spread or holes in array literals): it => [...it].map(x => x) */ })
    // node: count
    val perBatch = work.count()
    // node: print
    perBatch.print()
  }
}

/**
 * Stands in for DStream Studio's simulated rateStream (a seeded source): a custom receiver that stores
 * `rowsPerSecond` increasing numbers per second. Replace it with your real input.
 */
class RateReceiver(rowsPerSecond: Int, storageLevel: StorageLevel = StorageLevel.MEMORY_AND_DISK_SER_2)
    extends Receiver[Long](storageLevel) {
  @volatile private var running = false
  def onStart(): Unit = {
    running = true
    new Thread("RateReceiver") {
      override def run(): Unit = {
        var value = 0L
        while (running && !isStopped()) {
          for (_ <- 1 to rowsPerSecond) { store(value); value += 1 }
          Thread.sleep(1000)
        }
      }
    }.start()
  }
  def onStop(): Unit = { running = false }
}
