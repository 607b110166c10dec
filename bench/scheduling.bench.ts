/**
 * Row 4, in-process part: scheduling overhead of an empty batch, end to end on a manual clock —
 * from the clock reaching the batch time (job generation) to the batch's output operation done — for the
 * NetworkWordCount pipeline (flatMap → map → reduceByKey → print) on local[2] with nothing received.
 * The task-dispatch latency to a worker executor is measured by bench/cluster.bench.ts.
 */
import { performance } from 'node:perf_hooks';
import { ManualClock, Seconds, SparkConf, StreamingContext, type RDD } from '../engine/index';
import type { BenchOptions, BenchRow } from './run';

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/** Times `n` empty batches; returns per-batch milliseconds. */
export async function emptyBatchTimes(n: number, { master = 'local[2]', sample = true } = {}): Promise<number[]> {
  const conf = new SparkConf().setMaster(master).setAppName('bench-empty-batch')
    .set('spark.streaming.clock', 'manual').set('spark.studio.recordsSample', String(sample));
  const ssc = new StreamingContext(conf, Seconds(1));
  ssc.stdout = () => undefined;
  const queue: RDD<string>[] = [];
  ssc.queueStream(queue)
    .flatMap((l: string) => l.split(' '))
    .map((w: string) => [w, 1] as [string, number])
    .reduceByKey((a: number, b: number) => a + b)
    .print();
  await ssc.start();
  const clock = ssc.clock as ManualClock;
  const times: number[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const t = ssc.jobGenerator.nextBatchTime;
      const done = ssc.jobScheduler.waitForBatch(t);
      const t0 = performance.now();
      clock.setTime(t);
      await done;
      times.push(performance.now() - t0);
    }
  } finally {
    await ssc.stop();
  }
  return times;
}

export async function rows({ quick }: BenchOptions): Promise<BenchRow[]> {
  const warm = quick ? 100 : 300;
  const n = quick ? 400 : 2000;
  const all = await emptyBatchTimes(warm + n);
  const times = all.slice(warm);
  const p50 = percentile(times, 50), p99 = percentile(times, 99);
  const noSample = (await emptyBatchTimes(warm + Math.floor(n / 2), { sample: false })).slice(warm);
  const note = `${n} empty batches after ${warm} warm-up, word count + print() on local[2], manual clock; ` +
    `without record sampling p50 ${percentile(noSample, 50).toFixed(3)} ms`;
  return [
    { id: '4.empty-batch-p50', name: 'empty batch end-to-end (generate → output op done) p50', value: p50, unit: 'ms', target: '≤ 1', met: p50 <= 1, note },
    { id: '4.empty-batch-p99', name: 'empty batch end-to-end p99', value: p99, unit: 'ms', target: '', met: null, note: `max ${Math.max(...times).toFixed(2)} ms` },
  ];
}
