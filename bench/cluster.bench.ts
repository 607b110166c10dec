/**
 * Rows 3 and 4: worker executors. Row 1's word count (lines of 10 Zipf words, flatMap → map →
 * reduceByKey) on local-cluster[2,1,1024] (two worker_threads executors, one slot each) against local[1]
 * (one slot in the driver's thread), per job of 100k and 1M lines; the same for 1M single words (a job that
 * does almost nothing per record, so it measures the cost of moving records to the workers); the round trip of one task to a worker executor; the share of the map
 * stage during which both executors compute at once; and the cost of moving records across a worker
 * boundary: the codec's packed encodings (one JSON string for tuples, a dictionary for repeating strings)
 * against a bare structured clone of the same array (what the codec did for plain data before packing).
 * Measured back to back in one process; reported against the targets, never asserted.
 */
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { SparkConf, SparkContext } from '../engine/index';
import { decode, encode } from '../engine/cluster/codec';
import type { TaskDesc } from '../engine/rdd/plan';
import { compare, measure, ratioRow, type BenchOptions, type BenchRow } from './run';
import { zipfLines } from './data';

function words(n: number): string[] {
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = `w${(i * 7919) % 1000}`;
  return out;
}

async function newContext(master: string): Promise<SparkContext> {
  const sc = new SparkContext(new SparkConf().setMaster(master).setAppName('cluster-bench'));
  await sc.whenReady();
  return sc;
}

async function wordCount(sc: SparkContext, data: string[]): Promise<number> {
  return sc.parallelize(data, 2).map((w) => [w, 1] as [string, number]).reduceByKey((a, b) => a + b, 2).count();
}

async function lineWordCount(sc: SparkContext, lines: string[]): Promise<number> {
  return sc.parallelize(lines, 2).flatMap((l) => l.split(' ')).map((w) => [w, 1] as [string, number]).reduceByKey((a, b) => a + b, 2).count();
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
}

export async function rows({ quick }: BenchOptions): Promise<BenchRow[]> {
  const out: BenchRow[] = [];
  const local = await newContext('local[1]');
  const cluster = await newContext('local-cluster[2,1,1024]');
  try {
    const sizes: [string, number, number, number][] = quick ? [['100k', 10_000, 1.25, 2], ['1M', 50_000, 0.6, 2]] : [['100k', 100_000, 1.25, 5], ['1M', 1_000_000, 0.6, 5]];
    for (const [label, n, limit, rounds] of sizes) {
      const lines = zipfLines(n);
      // Alternating rounds (compare) so that both masters see the same machine load.
      const r = await compare(() => lineWordCount(cluster, lines), () => lineWordCount(local, lines), { rounds, warmup: 1 });
      out.push(ratioRow(`3.worker-vs-local-${label}`, `word count of ${label} lines (10 words), local-cluster[2,1,1024] ÷ local[1]`, r.ratio,
        { op: '<=', limit }, `${r.aMs.toFixed(1)} ms vs ${r.bMs.toFixed(1)} ms${quick ? ` (quick: ${n} lines)` : ''}`));
    }
    {
      const n = quick ? 100_000 : 1_000_000;
      const data = words(n);
      const r = await compare(() => wordCount(cluster, data), () => wordCount(local, data), { rounds: quick ? 2 : 5, warmup: 1 });
      out.push(ratioRow('3.worker-vs-local-1M-words', `word count of ${quick ? '100k' : '1M'} single words (transfer-bound), local-cluster[2,1,1024] ÷ local[1]`, r.ratio,
        { op: '<=', limit: 0.8 }, `${r.aMs.toFixed(1)} ms vs ${r.bMs.toFixed(1)} ms`));
    }

    // Do the two executors compute at once? Share of the map stage's span during which both of its tasks run.
    {
      const data = words(quick ? 100_000 : 1_000_000);
      const spans = new Map<number, [number, number]>();
      let mapStage = -1;
      const off = cluster.addSparkListener((e) => {
        if (e.type === 'stageSubmitted' && e.isShuffleMap) { mapStage = e.stageId; spans.clear(); }
        if (e.type === 'taskStart' && e.stageId === mapStage) spans.set(e.partition, [performance.now(), Number.NaN]);
        if (e.type === 'taskEnd' && e.stageId === mapStage) { const s = spans.get(e.partition); if (s) s[1] = performance.now(); }
      });
      const overlaps: number[] = [];
      for (let i = 0; i < 3; i++) {
        await wordCount(cluster, data);
        const [a, b] = [...spans.values()];
        if (!a || !b) continue;
        const both = Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
        overlaps.push(both / (Math.max(a[1], b[1]) - Math.min(a[0], b[0])));
      }
      off();
      const o = percentile(overlaps, 0.5);
      out.push({ id: '3.map-stage-overlap', name: 'map stage on local-cluster[2,1,1024]: share of its span with both tasks running', value: Number((o * 100).toFixed(0)), unit: '%',
        target: '≥ 90', met: o >= 0.9, note: 'from taskStart/taskEnd on the driver; the rest is the driver encoding one task after the other' });
    }

    // Task dispatch: one trivial task (count of an empty partition) to a worker executor and back.
    const handle = cluster.taskScheduler.liveExecutors()[0];
    const task = (id: number): TaskDesc => ({ kind: 'result', op: { t: 'count' }, taskId: 1_000_000 + id, jobId: 0, stageId: 0, stageAttemptId: 0, partition: 0, attempt: 0, plan: { k: 'empty' } });
    const n = quick ? 100 : 1000;
    // The limit: a bare postMessage round trip to an echoing worker_threads worker, alternating with the tasks.
    const echo = new Worker("require('node:worker_threads').parentPort.on('message', (m) => require('node:worker_threads').parentPort.postMessage(m));", { eval: true });
    const bare = () => new Promise<void>((resolve) => { echo.once('message', () => resolve()); echo.postMessage({ t: 'ping' }); });
    for (let i = 0; i < 20; i++) { await handle.runTask(task(i)); await bare(); }
    const lat: number[] = [], bareLat: number[] = [];
    for (let i = 0; i < n; i++) {
      let t0 = performance.now();
      await handle.runTask(task(i));
      lat.push((performance.now() - t0) * 1000);
      t0 = performance.now();
      await bare();
      bareLat.push((performance.now() - t0) * 1000);
    }
    await echo.terminate();
    const p50 = percentile(lat, 0.5), p99 = percentile(lat, 0.99), bareP50 = percentile(bareLat, 0.5);
    out.push({ id: '4.task-dispatch-p50', name: 'task dispatch round trip to a worker executor, p50', value: Math.round(p50), unit: 'µs', target: '≤ 60', met: p50 <= 60,
      note: `bare postMessage round trip to an echoing worker in the same rounds: p50 ${Math.round(bareP50)} µs` });
    out.push({ id: '4.task-dispatch-p99', name: 'task dispatch round trip to a worker executor, p99', value: Math.round(p99), unit: 'µs', target: '', met: null });
  } finally {
    await cluster.stop();
    await local.stop();
  }

  // Moving records across a worker boundary: codec (packed) + structured clone + decode, against a bare
  // structuredClone of the same array (the codec's cost for plain data before packing was that plus one walk).
  const n = quick ? 20_000 : 100_000;
  const per100k = (ms: number) => (ms * 100_000) / n;
  const sets: [string, string, unknown[]][] = [
    ['3.clone-cost', '100k (word, count) tuples', words(n).map((w, i) => [w, i] as [string, number])],
    ['3.clone-cost-words', '100k words (1,000 distinct)', words(n)],
  ];
  for (const [id, what, records] of sets) {
    const codec = await measure(() => decode(structuredClone(encode(records))), { rounds: 5, warmup: 1 });
    const bare = await measure(() => structuredClone(records), { rounds: 5, warmup: 1 });
    out.push({ id, name: `record codec + structured clone of ${what}`, value: Number(per100k(codec.medianMs).toFixed(2)), unit: 'ms', target: '', met: null,
      note: `bare structuredClone ${per100k(bare.medianMs).toFixed(2)} ms: packed ×${(codec.medianMs / bare.medianMs).toFixed(2)} of it` });
  }
  return out;
}
