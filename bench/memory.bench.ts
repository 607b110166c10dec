/**
 * Row 9: memory.
 *   - engine heap per 1M buffered records: a rateStream of word lines on a manual clock, its blocks cut and
 *     stored by the receiver (MEMORY_AND_DISK_SER_2, local[2]) but not yet processed; heap growth after a full
 *     GC, scaled to 1M lines, next to the same lines held in a plain array (the payload);
 *   - engine heap per 1M state keys: mapWithState and updateStateByKey holding K integer keys;
 *   - eviction: an RDD cached on an executor with a small block memory (spark.studio.executor.memoryMiB)
 *     must leave the block manager within its limit, evicting least-recently-used blocks.
 * Heap is measured in this process with a forced GC (v8 --expose-gc set at run time).
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { ManualClock, Seconds, SparkConf, SparkContext, StateSpec, Some, StorageLevel, StreamingContext, type Option } from '../engine/index';
import type { State } from '../engine/streaming/dstream/stateSpec';
import { manualStream } from './harness';
import type { BenchOptions, BenchRow } from './run';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapUsed(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

const MiB = 1024 * 1024;

/** Heap growth (bytes) while the receiver has buffered `lines` lines. */
async function bufferedRecords(lines: number): Promise<{ engine: number; payload: number; stored: number }> {
  const rate = lines;   // one second of input
  const conf = new SparkConf().setMaster('local[2]').setAppName('bench-memory')
    .set('spark.streaming.clock', 'manual').set('spark.studio.recordsSample', 'false');
  const ssc = new StreamingContext(conf, Seconds(10));
  ssc.stdout = () => undefined;
  let stored = 0;
  ssc.addStreamingListener((e) => { if (e.type === 'blockReceived') stored += e.records; });
  ssc.rateStream(rate, { words: true }).count().foreachRDD(async (rdd) => { await rdd.count(); });
  await ssc.start();
  const before = heapUsed();
  const clock = ssc.clock as ManualClock;
  // One second of blocks (5 × 200 ms), well before the first batch at 10 s.
  for (let t = 200; t <= 1200; t += 200) { clock.setTime(t); await new Promise((r) => setTimeout(r, 0)); }
  const engine = heapUsed() - before;
  await ssc.stop();
  // The payload: the same number of lines in a plain array.
  const { zipfLines } = await import('./data');
  const b2 = heapUsed();
  const plain = zipfLines(lines, { vocabulary: 1000, seed: 99 }).slice();
  const payload = heapUsed() - b2;
  if (plain.length !== lines) throw new Error('unreachable');
  return { engine, payload, stored };
}

/** Heap growth (bytes) of a state stream holding `keys` integer keys with integer states. */
async function stateKeys(kind: 'mapWithState' | 'updateStateByKey', keys: number): Promise<number> {
  const s = await manualStream<[number, number]>((input) => {
    if (kind === 'mapWithState') {
      input.mapWithState(StateSpec.function((_k: number, v: Option<number>, st: State<number>) => { st.update(v.getOrElse(0)); return null; }))
        .foreachRDD(async (rdd) => { await rdd.count(); });
    } else {
      input.updateStateByKey((vs: number[], st: Option<number>) => Some(st.getOrElse(0) + vs.length)).foreachRDD(async (rdd) => { await rdd.count(); });
    }
  });
  try {
    await s.batch([[0, 1]]);
    const before = heapUsed();
    let data: [number, number][] | undefined = Array.from({ length: keys }, (_, i) => [i, i] as [number, number]);
    await s.batch(data);
    data = undefined;
    // Enough small batches that the loading batch's input RDD and shuffle are forgotten (the state streams
    // remember 2 checkpoint intervals = 20 batches); only the latest state versions stay cached.
    for (let i = 0; i < 22; i++) await s.batch([[i, 2]]);
    return heapUsed() - before;
  } finally { await s.stop(); }
}

/** Caches `partitions` partitions of ~`blockMiB` each on an executor with `limitMiB` of block memory. */
async function eviction(limitMiB: number, partitions: number, blockMiB: number) {
  const sc = new SparkContext(new SparkConf().setMaster('local[1]').setAppName('bench-eviction').set('spark.studio.executor.memoryMiB', String(limitMiB)));
  await sc.whenReady();
  let evicted = 0;
  sc.addSparkListener((e) => { if (e.type === 'blockUpdated' && e.storageLevel === 'NONE') evicted++; });
  const perPartition = Math.round((blockMiB * MiB) / 56);   // a [number, string] tuple estimates at ~56 bytes
  const rdd = sc.parallelize(Array.from({ length: partitions * perPartition }, (_, i) => i), partitions)
    .map((i: number) => [i, 'v' + (i % 100)] as [number, string]).persist(StorageLevel.MEMORY_ONLY);
  const n = await rdd.count();
  const bm = (sc.backend.executors()[0] as unknown as { id: string });
  const used = (sc.backend as unknown as { executor?: { blockManager: { memoryUsed: number; blockIds(): string[] } } }).executor?.blockManager;
  const memoryUsed = used?.memoryUsed ?? NaN;
  const cached = used?.blockIds().filter((id) => id.startsWith('rdd_')).length ?? NaN;
  const again = await rdd.count();   // evicted partitions are recomputed from lineage
  await sc.stop();
  return { n, again, memoryUsed, cached, evicted, executor: bm.id };
}

export async function rows({ quick }: BenchOptions): Promise<BenchRow[]> {
  const out: BenchRow[] = [];
  const lines = quick ? 100_000 : 1_000_000;
  const scale = 1_000_000 / lines;
  const buf = await bufferedRecords(lines);
  out.push({
    id: '9.heap-per-1M-buffered', name: 'engine heap per 1M buffered records (received lines of 10 words, not yet processed)',
    value: (buf.engine * (1_000_000 / buf.stored)) / MiB, unit: 'MiB', target: '', met: null,
    note: `${buf.stored.toLocaleString('en-US')} lines buffered in blocks on local[2]'s one executor (one copy: no second executor to replicate to); ` +
      `the lines alone in an array: ${((buf.payload * scale) / MiB).toFixed(0)} MiB per 1M`,
  });
  // updateStateByKey keeps every remembered batch's state (serialized, as Spark does): 200k keys bound the heap.
  const keys = quick ? 20_000 : 200_000;
  for (const kind of ['mapWithState', 'updateStateByKey'] as const) {
    const bytes = await stateKeys(kind, keys);
    out.push({
      id: `9.heap-per-1M-state-keys-${kind}`, name: `engine heap per 1M state keys, ${kind} (integer keys and states)`,
      value: (bytes * (1_000_000 / keys)) / MiB, unit: 'MiB',
      ...(kind === 'updateStateByKey' ? { target: '≤ 400', met: (bytes * (1_000_000 / keys)) / MiB <= 400 } : { target: '', met: null }),
      note: `${keys.toLocaleString('en-US')} keys measured, scaled to 1M; ${Math.round(bytes / keys)} bytes per key, after 22 more batches (older versions and the loading input forgotten)`,
    });
  }
  const limit = 16;
  const ev = await eviction(limit, 8, quick ? 3 : 4);
  out.push({
    id: '9.eviction', name: `cached blocks on an executor with ${limit} MiB of block memory: memory used ÷ limit`,
    value: ev.memoryUsed / (limit * MiB), unit: 'ratio', target: '≤ 1, blocks evicted', met: ev.memoryUsed <= limit * MiB && ev.evicted > 0 && ev.again === ev.n,
    note: `8 partitions of ~${quick ? 3 : 4} MiB cached with MEMORY_ONLY: ${ev.cached} kept, ${ev.evicted} evictions (LRU), recount after eviction ${ev.again === ev.n ? 'equal' : 'DIFFERENT'} (recomputed from lineage)`,
  });
  return out;
}
