/**
 * Shared by the benchmark files: a streaming context on a manual clock fed one RDD per batch through
 * queueStream, with each batch timed from the clock reaching its time to its jobs done.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ManualClock, Seconds, SparkConf, StreamingContext, type DStream, type RDD } from '../engine/index';

export const median = (xs: number[]): number => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : NaN);

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

export function tempDir(prefix: string): string { return fs.mkdtempSync(path.join(os.tmpdir(), `dstream-bench-${prefix}-`)); }

export interface ManualStream<T> {
  ssc: StreamingContext;
  /** Queues `data` as the next batch (in `partitions` slices), runs it, resolves with its wall time in ms. */
  batch(data: T[], partitions?: number): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Builds `define(input)` over a queueStream on a manual clock (master `local[2]` unless given), with a checkpoint
 * directory (state streams need one) and record sampling off unless asked for.
 */
export async function manualStream<T>(define: (input: DStream<T>) => void,
  { master = 'local[2]', sample = false, settings = {} as Record<string, string> } = {}): Promise<ManualStream<T>> {
  const conf = new SparkConf().setMaster(master).setAppName('bench')
    .set('spark.streaming.clock', 'manual').set('spark.studio.recordsSample', String(sample));
  for (const [k, v] of Object.entries(settings)) conf.set(k, v);
  const ssc = new StreamingContext(conf, Seconds(1));
  ssc.stdout = () => undefined;
  const dir = tempDir('cp');
  ssc.checkpoint(dir);
  const queue: RDD<T>[] = [];
  define(ssc.queueStream(queue));
  await ssc.start();
  const clock = ssc.clock as ManualClock;
  return {
    ssc,
    async batch(data: T[], partitions = 2) {
      queue.push(ssc.sparkContext.parallelize(data, partitions));
      const t = ssc.jobGenerator.nextBatchTime;
      const done = ssc.jobScheduler.waitForBatch(t);
      const t0 = performance.now();
      clock.setTime(t);
      await done;
      return performance.now() - t0;
    },
    async stop() {
      await ssc.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const sleep = (ms: number) => new Promise<void>((r) => { setTimeout(r, ms); });

/**
 * Stops the streaming context (which waits for the queued batches), then its SparkContext. The SparkContext is
 * stopped only once no job is pending: stopping local-cluster workers under running tasks makes the task
 * scheduler relaunch them on the dead executors in a microtask loop (executor-lost failures do not count as
 * task failures), which blocks this process for good. A context that cannot drain in 60 s is left behind.
 */
export async function stopSafely(ssc: StreamingContext): Promise<boolean> {
  const drained = await Promise.race([ssc.stop(false, false).then(() => true), sleep(60_000).then(() => false)]);
  if (drained) await Promise.race([ssc.sparkContext.stop(), sleep(5000)]);
  else process.stderr.write('bench: a streaming context did not drain within 60 s; its workers are left running\n');
  return drained;
}
