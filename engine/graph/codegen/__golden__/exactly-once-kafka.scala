// DirectKafkaExactlyOnce — a DStream Studio pipeline exported as a Spark Streaming 3.5 application (DStream API).
//
// build.sbt:
//   name := "directkafkaexactlyonce"
//   version := "0.1"
//   scalaVersion := "2.12.18"
//   libraryDependencies += "org.apache.spark" %% "spark-streaming" % "3.5.9" % "provided"
//   libraryDependencies += "org.apache.spark" %% "spark-streaming-kafka-0-10" % "3.5.9"
//
// How to run (README):
//   1. Put this file in src/main/scala/ next to the build.sbt above (or use the pom.xml in DStream Studio's spark/
//      folder: mvn package), then: sbt package
//   2. spark-submit --class DirectKafkaExactlyOnce --master local[2] target/scala-2.12/directkafkaexactlyonce_2.12-0.1.jar
//      On a cluster pass its master URL instead (--master spark://host:7077, yarn, k8s://...).
//
// 2 functions could not be translated mechanically and throw NotImplementedError (look for "TODO translate"):
//    amounts (map.f)
//    upsert (foreachRDD.f)

import org.apache.kafka.common.serialization.StringDeserializer
import org.apache.spark.SparkConf
import org.apache.spark.streaming.kafka010.{ConsumerStrategies, KafkaUtils, LocationStrategies}
import org.apache.spark.streaming.{Milliseconds, Minutes, Seconds, StreamingContext}

object DirectKafkaExactlyOnce {
  def main(args: Array[String]): Unit = {
    val conf = new SparkConf().setAppName("DirectKafkaExactlyOnce").setIfMissing("spark.master", "local[2]")
    val ssc = new StreamingContext(conf, Seconds(1))
    build(ssc)
    ssc.start()
    ssc.awaitTermination()
  }

  /** The pipeline's streams and outputs on `ssc` (a test harness calls it on its own context). */
  def build(ssc: StreamingContext): Unit = {
    // node: payments
    val paymentsKafkaParams = Map[String, Object]("bootstrap.servers" -> "localhost:9092", "key.deserializer" -> classOf[StringDeserializer], "value.deserializer" -> classOf[StringDeserializer], "group.id" -> "dstream-studio", "enable.auto.commit" -> (false: java.lang.Boolean))
    val payments = KafkaUtils.createDirectStream[String, String](ssc, LocationStrategies.PreferConsistent, ConsumerStrategies.Subscribe[String, String](Seq("payments"), paymentsKafkaParams))
    // node: amounts
    val amounts = payments.map({ r => ??? /* TODO translate (property .key): r => [r.key, Number(r.value.split(' ')[2])] */ })
    // node: totals
    val totals = amounts.reduceByKey((a, b) => a + b)
    // node: upsert
    totals.foreachRDD({ (rdd, time) =>
      ??? /* TODO translate (async functions) from TypeScript:
         async (rdd, time) => {
           // Idempotent output: an upsert keyed by (batch time, user). Replaying a batch after a failure
           // writes the same rows again, so the result is exactly-once although delivery is at-least-once.
           const rows = await rdd.collect();
           for (const [user, total] of rows) ssc.stdout(`UPSERT totals(batch=${time.milliseconds}, user=${user}) = ${total}\n`);
         }
      */
    })
  }
}
