/**
 * A batch word count with SparkContext: Spark's JavaWordCount / the RDD programming guide's example, in TypeScript.
 *
 *   val counts = sc.parallelize(lines).flatMap(_.split(" ")).map((_, 1)).reduceByKey(_ + _)
 *   counts.collect().foreach(println)
 *
 * Prints one `(word,count)` per line, in the order Spark prints them for the same text on local[2]
 * (two partitions of lines, the reduce side iterating Spark's AppendOnlyMap).
 *
 *   npm run pipeline -- examples/wordcount-batch.ts            (DSTREAM_MASTER overrides local[2])
 */
import { pathToFileURL } from 'node:url';
import { SparkConf, SparkContext } from '../engine/index';

/** The text counted: the opening of Hamlet's soliloquy. */
export const TEXT = [
  'to be or not to be that is the question',
  'whether tis nobler in the mind to suffer',
  'the slings and arrows of outrageous fortune',
  'or to take arms against a sea of troubles',
];

export interface ExampleOptions {
  /** Where the counts are written (default: the process's stdout). */
  stdout?: (text: string) => void;
  /** Master URL (default local[2]; `npm run pipeline -- --master M` sets DSTREAM_MASTER, which wins). */
  master?: string;
  /** Lines to count (default TEXT). */
  lines?: string[];
}

export async function main(opts: ExampleOptions = {}): Promise<void> {
  const stdout = opts.stdout ?? ((text: string) => { process.stdout.write(text); });
  const conf = new SparkConf().setMaster(opts.master ?? 'local[2]').setAppName('WordCount');
  const sc = new SparkContext(conf);
  try {
    const lines = sc.parallelize(opts.lines ?? TEXT);
    const counts = lines
      .flatMap((line) => line.split(' '))
      .filter((word) => word.length > 0)
      .map((word) => [word, 1] as [string, number])
      .reduceByKey((a, b) => a + b);
    for (const [word, n] of await counts.collect()) stdout(`(${word},${n})\n`);
  } finally {
    await sc.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => { console.error(e); process.exitCode = 1; });
}
