/**
 * Stateful word count (Spark's StatefulNetworkWordCount, written with updateStateByKey).
 *
 * Lines arrive through a queue, one RDD per batch; words are counted per batch and added to a running
 * total kept by updateStateByKey. State needs a checkpoint directory (here a fresh one in the OS temp
 * directory). The state starts from an initial RDD, (hello,1) and (world,1), as Spark's example does.
 *
 *   npm run pipeline -- examples/stateful-wordcount.ts  (DSTREAM_BATCHES=3, DSTREAM_MASTER, DSTREAM_SEED)
 *
 * With DSTREAM_SEED set, the lines are drawn from a small vocabulary with that seed instead of the
 * fixed script below.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SparkConf, StreamingContext, Seconds, Some, HashPartitioner } from '../engine/index';
import type { RDD, Option } from '../engine/index';

export interface ExampleOptions {
  /** Batch intervals to run on the manual clock (env DSTREAM_BATCHES, default 3). */
  batches?: number;
  /** Where print() writes (default: the console). */
  stdout?: (text: string) => void;
  /** Master URL (env DSTREAM_MASTER, default local[2]). */
  master?: string;
  /** Seed for generated lines (env DSTREAM_SEED); without it the fixed script is used. */
  seed?: number;
  /** Checkpoint directory (default: a new directory under os.tmpdir()). */
  checkpointDir?: string;
}

export const SCRIPT: string[][] = [
  ['hello world', 'hello spark'],
  ['spark streaming', 'hello state'],
  ['world of state'],
];

/** Lines for batch i: the fixed script, or seeded random lines (mulberry32) when a seed is given. */
export function linesFor(batch: number, seed?: number): string[] {
  if (seed === undefined || Number.isNaN(seed)) return SCRIPT[batch % SCRIPT.length];
  const vocabulary = ['hello', 'world', 'spark', 'streaming', 'state', 'batch', 'rdd'];
  let a = (seed + batch * 0x9e3779b9) >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: 2 }, () => Array.from({ length: 3 }, () => vocabulary[Math.floor(next() * vocabulary.length)]).join(' '));
}

export async function main(opts: ExampleOptions = {}): Promise<void> {
  const batches = opts.batches ?? Number(process.env.DSTREAM_BATCHES ?? 3);
  const master = opts.master ?? process.env.DSTREAM_MASTER ?? 'local[2]';
  const seed = opts.seed ?? (process.env.DSTREAM_SEED !== undefined ? Number(process.env.DSTREAM_SEED) : undefined);

  const conf = new SparkConf().setMaster(master).setAppName('StatefulNetworkWordCount').set('spark.streaming.clock', 'manual');
  const ssc = new StreamingContext(conf, Seconds(1));
  if (opts.stdout) ssc.stdout = opts.stdout;
  ssc.checkpoint(opts.checkpointDir ?? mkdtempSync(join(tmpdir(), 'stateful-wordcount-')));

  // Initial state RDD for the update function
  const initialRDD = ssc.sparkContext.parallelize([['hello', 1], ['world', 1]] as [string, number][]);

  const queue: RDD<string>[] = [];
  const lines = ssc.queueStream(queue);
  const wordDstream = lines.flatMap((line: string) => line.split(' ')).map((x: string) => [x, 1] as [string, number]);

  // Update the cumulative count: called for every key that has new values or an existing state.
  const updateFunc = (values: number[], state: Option<number>) => {
    const currentCount = values.reduce((a, b) => a + b, 0);
    const previousCount = state.getOrElse(0);
    return Some(currentCount + previousCount);
  };
  const stateDstream = wordDstream.updateStateByKey(updateFunc, new HashPartitioner(ssc.sparkContext.defaultParallelism), initialRDD);
  stateDstream.print();

  try {
    await ssc.start();
    for (let i = 0; i < batches; i++) {
      queue.push(ssc.sparkContext.parallelize(linesFor(i, seed), 2));
      await ssc.step(1);
    }
  } finally {
    await ssc.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => { console.error(e); process.exitCode = 1; });
}
