// Builds a Scala program exported by DStream Studio (put it in src/main/scala/), pinned to the Spark release
// `npm run test:spark` runs every export on. sbt package, then:
//   spark-submit --class <ObjectName> --master local[*] target/scala-2.12/dstream-studio-export_2.12-0.1.jar
name := "dstream-studio-export"
version := "0.1"
scalaVersion := "2.12.18"
libraryDependencies += "org.apache.spark" %% "spark-streaming" % "3.5.9" % "provided"
