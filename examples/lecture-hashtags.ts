/**
 * The lecture's hashtag program, translated line by line from its Scala:
 *
 *   val tweets = ssc.twitterStream()
 *   val hashTags = tweets.flatMap(status => getTags(status))
 *   hashTags.saveAsHadoopFiles("hdfs://...")
 *
 * and its first form, `hashTags.foreach(hashTagRDD => { ... })`, which Spark 2.0 renamed foreachRDD (SPARK-13248;
 * this engine's DStream.foreach says so). `getTags` is a helper at the top of the program, as in the lecture: it
 * is shipped to the executors with the functions that call it, as Spark serialises a helper method.
 *
 * Two things the Scala leaves implicit: saveAsHadoopFiles is one of Spark's PairDStreamFunctions, so it writes
 * (key, value) pairs — here each batch's (hashtag, count), one `#tag<TAB>count` line each; and there is no HDFS
 * here — `hdfs://namenode:8020/user/spark/hashtags` is written to the local directory
 * `hdfs/namenode:8020/user/spark/hashtags-<batch ms>/` (part-0000N files and _SUCCESS).
 *
 *   npm run pipeline -- examples/lecture-hashtags.ts       (DSTREAM_BATCHES=3, DSTREAM_MASTER, DSTREAM_SEED)
 */
import { pathToFileURL } from 'node:url';
import { SparkConf, StreamingContext, Seconds, type Status } from '../engine/index';

export interface ExampleOptions {
  /** Batch intervals to run on the manual clock (env DSTREAM_BATCHES, default 3). */
  batches?: number;
  /** Where print() and the foreachRDD report write (default: the console). */
  stdout?: (text: string) => void;
  /** Master URL (env DSTREAM_MASTER, default local[2]: the tweet receiver takes one slot). */
  master?: string;
  /** Seed of the simulated tweets (env DSTREAM_SEED, default 42). */
  seed?: number;
}

/** The lecture's getTags: a tweet's hashtags (twitter4j's hashtag entities carry the tag without its '#'). */
const getTags = (status: Status): string[] => status.getHashtagEntities().map((tag) => `#${tag.getText()}`);

export const HADOOP_PREFIX = 'hdfs://namenode:8020/user/spark/hashtags';

export async function main(opts: ExampleOptions = {}): Promise<void> {
  const batches = opts.batches ?? Number(process.env.DSTREAM_BATCHES ?? 3);
  const master = opts.master ?? process.env.DSTREAM_MASTER ?? 'local[2]';
  const seed = opts.seed ?? Number(process.env.DSTREAM_SEED ?? 42);

  const conf = new SparkConf().setMaster(master).setAppName('LectureHashTags').set('spark.streaming.clock', 'manual');
  const ssc = new StreamingContext(conf, Seconds(1));
  if (opts.stdout) ssc.stdout = opts.stdout;

  const tweets = ssc.twitterStream({ seed });
  const hashTags = tweets.flatMap((status) => getTags(status));
  // saveAsHadoopFiles needs pairs (PairDStreamFunctions): each batch's (hashtag, count).
  hashTags.countByValue().saveAsHadoopFiles(HADOOP_PREFIX);

  // The lecture's first form, hashTags.foreach(hashTagRDD => { ... }): foreachRDD since Spark 2.0.
  hashTags.foreachRDD(async (hashTagRDD, time) => {
    const counts = await hashTagRDD.countByValue();
    const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 5);
    ssc.stdout(`Hashtags in batch ${time.milliseconds} ms: ${top.map(([tag, n]) => `${tag} (${n})`).join(', ')}\n`);
  });

  try {
    await ssc.start();
    await ssc.step(batches);
  } finally {
    await ssc.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => { console.error(e); process.exitCode = 1; });
}
