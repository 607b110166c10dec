/**
 * Rows 1 and 2: word count over pre-generated Zipf lines (10 words each, seeded), as one
 * streaming batch on local[1], against
 *   1. the limit: a hand-written single loop with a Map, in the same process;
 *   2. the JS stream library a user would pick instead: RxJS (from → mergeMap → groupBy → reduce).
 * The three run alternately in one process; each value is the median of per-round ratios.
 */
import { from, groupBy, lastValueFrom, map, mergeMap, reduce, toArray } from 'rxjs';
import { performance } from 'node:perf_hooks';
import { ManualClock, Seconds, SparkConf, StreamingContext, type RDD } from '../engine/index';
import { zipfLines } from './data';
import { consume, ratioRow, type BenchOptions, type BenchRow } from './run';

/** The limit: one loop, one Map. */
export function loopWordCount(lines: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < lines.length; i++) {
    const words = lines[i].split(' ');
    for (let j = 0; j < words.length; j++) counts.set(words[j], (counts.get(words[j]) ?? 0) + 1);
  }
  return counts;
}

/** The RxJS pipeline a user would write (groupBy + reduce per group). */
export function rxWordCount(lines: readonly string[]): Promise<(readonly [string, number])[]> {
  return lastValueFrom(from(lines).pipe(
    mergeMap((l) => l.split(' ')),
    groupBy((w) => w),
    mergeMap((g) => g.pipe(reduce((n) => n + 1, 0), map((n) => [g.key, n] as const))),
    toArray(),
  ));
}

/**
 * A running streaming word count on a manual clock: each call queues one RDD of `lines` (one partition)
 * and steps one batch; resolves with the number of distinct words counted in that batch.
 */
export async function streamingWordCount(master = 'local[1]') {
  const conf = new SparkConf().setMaster(master).setAppName('bench-wordcount')
    .set('spark.streaming.clock', 'manual').set('spark.studio.recordsSample', 'false');
  const ssc = new StreamingContext(conf, Seconds(1));
  const queue: RDD<string>[] = [];
  let distinct = -1;
  ssc.queueStream(queue)
    .flatMap((l: string) => l.split(' '))
    .map((w: string) => [w, 1] as [string, number])
    .reduceByKey((a: number, b: number) => a + b, 1)
    .foreachRDD(async (rdd) => { distinct = (await rdd.collect()).length; });
  await ssc.start();
  const clock = ssc.clock as ManualClock;
  return {
    ssc,
    async run(lines: string[]): Promise<number> {
      distinct = -1;
      queue.push(ssc.sparkContext.parallelize(lines, 1));
      const time = ssc.jobGenerator.nextBatchTime;
      const done = ssc.jobScheduler.waitForBatch(time);
      clock.setTime(time);
      await done;
      return distinct;
    },
    stop: () => ssc.stop(),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function rows({ quick }: BenchOptions): Promise<BenchRow[]> {
  const nLines = quick ? 100_000 : 1_000_000;
  const rxLines = quick ? 30_000 : 200_000;
  const rounds = quick ? 5 : 9;
  const lines = zipfLines(nLines);
  const words = nLines * 10;
  const engine = await streamingWordCount('local[1]');
  try {
    const expected = loopWordCount(lines).size;
    const got = await engine.run(lines);
    if (got !== expected) throw new Error(`engine counted ${got} distinct words, the loop ${expected}`);

    // Row 1: alternate loop and engine; warm-up rounds first.
    for (let i = 0; i < 2; i++) { consume(loopWordCount(lines)); await engine.run(lines); }
    const r1: number[] = [], loopMs: number[] = [], engMs: number[] = [];
    for (let i = 0; i < rounds; i++) {
      let t0 = performance.now();
      consume(loopWordCount(lines));
      const tl = performance.now() - t0;
      t0 = performance.now();
      await engine.run(lines);
      const te = performance.now() - t0;
      loopMs.push(tl); engMs.push(te); r1.push(tl / te);
    }

    // Row 2: RxJS is much slower, so it runs on fewer lines; compare records/s, each against the engine on the same lines.
    const sub = lines.slice(0, rxLines);
    const rxDistinct = (await rxWordCount(sub)).length;
    if (rxDistinct !== loopWordCount(sub).size) throw new Error('RxJS word count disagrees with the loop');
    await engine.run(sub);
    const r2: number[] = [], rxMs: number[] = [], engSubMs: number[] = [];
    const rxRounds = quick ? 3 : 5;
    for (let i = 0; i < rxRounds; i++) {
      let t0 = performance.now();
      consume(await rxWordCount(sub));
      const tr = performance.now() - t0;
      t0 = performance.now();
      await engine.run(sub);
      const te = performance.now() - t0;
      rxMs.push(tr); engSubMs.push(te); r2.push(tr / te);
    }

    const engineRate = words / (median(engMs) / 1000);
    const loopRate = words / (median(loopMs) / 1000);
    const rxRate = (rxLines * 10) / (median(rxMs) / 1000);
    return [
      ratioRow('1.throughput-vs-loop', 'word count: engine local[1] records/s ÷ hand-written Map loop', median(r1), { op: '>=', limit: 0.9 },
        `${nLines.toLocaleString('en-US')} lines × 10 Zipf words, one batch; median of ${rounds}: engine ${median(engMs).toFixed(0)} ms, loop ${median(loopMs).toFixed(0)} ms`),
      { id: '1.engine-records-per-s', name: 'word count: engine local[1] words/s', value: engineRate, unit: 'records/s', target: '', met: null,
        note: `loop: ${Math.round(loopRate).toLocaleString('en-US')} words/s` },
      ratioRow('2.engine-vs-rxjs', 'word count: engine records/s ÷ RxJS records/s', median(r2), { op: '>=', limit: 2 },
        `${rxLines.toLocaleString('en-US')} lines; RxJS from/mergeMap/groupBy/reduce ${median(rxMs).toFixed(0)} ms (${Math.round(rxRate).toLocaleString('en-US')} words/s) vs engine ${median(engSubMs).toFixed(0)} ms`),
    ];
  } finally {
    await engine.stop();
  }
}
