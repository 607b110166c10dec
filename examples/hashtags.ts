/**
 * The lecture's programming example: popular Twitter hashtags (Spark's TwitterPopularTags), on the
 * engine's seeded simulated tweet stream.
 *
 *   tweets ─flatMap(hashtags)─┬─ map((tag, 1)).reduceByKeyAndWindow(+, 60 s) ─ transform(sortBy count desc) ─ print(10)
 *                             ├─ countByValueAndWindow(10 s, 1 s) ─ transform(sortBy count desc) ─ print(10)
 *                             └─ countByValue() ─ foreachRDD(top 10 of this batch)     (the lecture's form)
 *
 *   npm run pipeline -- examples/hashtags.ts            (DSTREAM_BATCHES=3, DSTREAM_MASTER, DSTREAM_SEED)
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SparkConf, StreamingContext, Seconds } from '../engine/index';

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

export async function main(opts: ExampleOptions = {}): Promise<void> {
  const batches = opts.batches ?? Number(process.env.DSTREAM_BATCHES ?? 3);
  const master = opts.master ?? process.env.DSTREAM_MASTER ?? 'local[2]';
  const seed = opts.seed ?? Number(process.env.DSTREAM_SEED ?? 42);

  const conf = new SparkConf().setMaster(master).setAppName('TwitterPopularTags').set('spark.streaming.clock', 'manual');
  const ssc = new StreamingContext(conf, Seconds(1));
  if (opts.stdout) ssc.stdout = opts.stdout;
  // countByValueAndWindow keeps running window counts with an inverse reduce: it needs a checkpoint directory.
  ssc.checkpoint(mkdtempSync(join(tmpdir(), 'hashtags-')));

  const stream = ssc.twitterStream({ seed });
  const hashTags = stream.flatMap((status: { text: string }) => status.text.split(' ').filter((w) => w.startsWith('#')));

  // Popular hashtags of the last 60 seconds, recomputed every batch: (count, tag), most tweeted first.
  const topCounts60 = hashTags.map((tag: string) => [tag, 1] as [string, number])
    .reduceByKeyAndWindow((a: number, b: number) => a + b, Seconds(60))
    .map((tc: [string, number]) => [tc[1], tc[0]] as [number, string])
    .transform((rdd) => rdd.sortBy((ct: [number, string]) => ct[0], false));
  topCounts60.print(10);

  // The same with countByValueAndWindow over 10 seconds.
  const topCounts10 = hashTags.countByValueAndWindow(Seconds(10), Seconds(1))
    .transform((rdd) => rdd.sortBy((tc: [string, number]) => tc[1], false));
  topCounts10.print(10);

  // The lecture's form: ssc.twitterStream().flatMap(getTags).countByValue().foreachRDD(...)
  hashTags.countByValue().foreachRDD(async (rdd, time) => {
    const topList: [string, number][] = await rdd.sortBy((tc: [string, number]) => tc[1], false).take(10);
    const total = await rdd.count();
    const ms = typeof time === 'number' ? time : (time as { milliseconds: number }).milliseconds;
    // Runs on the driver, so it may use ssc (print()'s own sink: complete lines ending in a newline).
    ssc.stdout(`Popular topics in batch ${ms} ms (${total} total):\n` +
      topList.map(([tag, count]) => `${tag} (${count} tweets)\n`).join('') + '\n');
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
