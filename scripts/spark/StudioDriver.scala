package org.apache.spark.streaming

import org.apache.spark.SparkConf
import org.apache.spark.util.ManualClock
import org.apache.spark.streaming.scheduler.{StreamingListener, StreamingListenerBatchCompleted}
import java.util.concurrent.atomic.AtomicInteger

/**
 * Runs exported DStream Studio programs on one SparkContext (local[2]), each on a fresh StreamingContext on
 * Spark's ManualClock (as Spark's own TestSuiteBase does): `build(ssc)`, start, advance the clock one batch at a
 * time and wait for each batch to complete. Lives in Spark's package because ManualClock is private[spark].
 * Arguments: one `name:Object:batchMs:batches:checkpoint(0|1):parallelism:outputSlideMs,...` per case (parallelism: the studio run's
 * spark.default.parallelism, which decides how shuffles partition keys and so print()'s order); output: `@@@CASE name`, what the case printed, `@@@END name`.
 */
object StudioDriver {
  def main(args: Array[String]): Unit = {
    val conf = new SparkConf().setMaster("local[2]").setAppName("dstream-studio-oracle")
      .set("spark.streaming.clock", "org.apache.spark.util.ManualClock").set("spark.ui.enabled", "false")
    val sc = new org.apache.spark.SparkContext(conf)
    for (a <- args) {
      val Array(name, obj, ms, n, ckpt, par, slides) = a.split(":")
      // Spark posts onBatchCompleted only for batches with jobs: those whose time an output's slide divides
      val outSlides = slides.split(",").map(_.toLong)
      def expectedAfter(i: Int): Int = (1 to i).count(j => outSlides.exists(s => (j * ms.toLong) % s == 0))
      // read by the scheduler backend at each shuffle, so it can change between cases on one SparkContext
      sc.conf.set("spark.default.parallelism", par)
      val t0 = System.currentTimeMillis
      println(s"@@@CASE $name")
      val ssc = new StreamingContext(sc, Milliseconds(ms.toLong))
      // only stateful streams need a checkpoint directory (each checkpoint costs a write per batch)
      if (ckpt == "1") ssc.checkpoint(java.nio.file.Files.createTempDirectory("ckpt").toString)
      val done = new AtomicInteger(0)
      ssc.addStreamingListener(new StreamingListener {
        override def onBatchCompleted(b: StreamingListenerBatchCompleted): Unit = { done.incrementAndGet(); done.synchronized { done.notifyAll() } }
      })
      try {
        val cls = Class.forName(obj + "$")
        val inst = cls.getField("MODULE$").get(null)
        cls.getMethod("build", classOf[StreamingContext]).invoke(inst, ssc)
        ssc.start()
        val clock = ssc.scheduler.clock.asInstanceOf[ManualClock]
        for (i <- 1 to n.toInt) {
          clock.advance(ms.toLong)
          val want = expectedAfter(i)
          done.synchronized { val t0 = System.currentTimeMillis; while (done.get < want && System.currentTimeMillis - t0 < 30000) done.wait(100) }
        }
        if (done.get < expectedAfter(n.toInt)) println(s"@@@ERROR timed out after ${done.get} of ${expectedAfter(n.toInt)} batches with jobs")
      } catch { case e: Throwable => println(s"@@@ERROR ${Option(e.getCause).getOrElse(e)}".replace("\n", " ")) }
      finally { ssc.stop(stopSparkContext = false, stopGracefully = false) }
      println(s"@@@END $name")
      System.err.println(s"@@@TIME $name ${System.currentTimeMillis - t0}")
    }
    sc.stop()
  }
}
