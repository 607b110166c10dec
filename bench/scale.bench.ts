/**
 * Row 6: how batch time grows
 *   - with records per batch: word count over 10k → 10M words (1k → 1M lines of 10 Zipf words) in one batch,
 *     local[1]; expected linear, so the per-record cost at the largest size ÷ at 100k words should be ≈ 1;
 *   - with the number of keys, for reduceByKey (a batch of records over K keys) and for updateStateByKey and
 *     mapWithState (K keys of state, then batches of updates to 0.1% of them, at least 10): updateStateByKey
 *     rewrites every state each batch, mapWithState touches only the changed keys, so at 1M keys and 1k updates
 *     its per-batch cost must be ≤ 0.05× updateStateByKey's.
 * Quick mode caps records at 1M words and keys at 100k (the headline ratio then uses 100k keys / 100 updates).
 * The state streams checkpoint every 10 batches (their default); at most 9 batches run, so no data checkpoint
 * falls into the measured batches (its cost, O(keys), is the same for both and would hide the difference).
 */
import { Some, StateSpec, type Option } from '../engine/index';
import { uniformKeys, zipfLines } from './data';
import { manualStream, median } from './harness';
import { ratioRow, type BenchOptions, type BenchRow } from './run';
import type { State } from '../engine/streaming/dstream/stateSpec';

const fmt = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n));

/** Median batch time of word count over `lines` lines (records = words). */
async function wordCountScale(lineCounts: number[], rounds: (lines: number) => number) {
  const wc = await manualStream<string>((s) => s.flatMap((l) => l.split(' ')).map((w) => [w, 1] as [string, number])
    .reduceByKey((a, b) => a + b, 1).foreachRDD(async (rdd) => { await rdd.count(); }), { master: 'local[1]' });
  const out: { words: number; ms: number }[] = [];
  try {
    const all = zipfLines(Math.max(...lineCounts));
    await wc.batch(all.slice(0, 10_000), 1);
    for (const n of lineCounts) {
      const lines = all.slice(0, n);
      const times: number[] = [];
      for (let i = 0; i < rounds(n); i++) times.push(await wc.batch(lines, 1));
      out.push({ words: n * 10, ms: median(times) });
    }
  } finally { await wc.stop(); }
  return out;
}

type Op = 'reduceByKey' | 'updateStateByKey' | 'mapWithState';

/** Median time of a batch of updates over K keys of state (or, for reduceByKey, of a batch of `records` over K keys). */
async function keysScale(op: Op, keys: number, updates: number, measured: number, records: number): Promise<{ ms: number; loadMs: number }> {
  const s = await manualStream<[number, number]>((input) => {
    if (op === 'reduceByKey') input.reduceByKey((a, b) => a + b).foreachRDD(async (rdd) => { await rdd.count(); });
    else if (op === 'updateStateByKey') {
      input.updateStateByKey((vs: number[], st: Option<number>) => Some(st.getOrElse(0) + vs.length))
        .foreachRDD(async (rdd) => { await rdd.count(); });
    } else {
      input.mapWithState(StateSpec.function((_k: number, v: Option<number>, st: State<number>) => {
        const n = (st.exists() ? st.get() : 0) + v.getOrElse(0);
        st.update(n);
        return n;
      })).foreachRDD(async (rdd) => { await rdd.count(); });
    }
  });
  try {
    if (op === 'reduceByKey') {
      const data = uniformKeys(records, keys, 3).map((k) => [k, 1] as [number, number]);
      await s.batch(data);
      const times: number[] = [];
      for (let i = 0; i < measured; i++) times.push(await s.batch(data));
      return { ms: median(times), loadMs: NaN };
    }
    const load = Array.from({ length: keys }, (_, i) => [i, 1] as [number, number]);
    const loadMs = await s.batch(load);
    const times: number[] = [];
    for (let i = 0; i < measured + 1; i++) {
      const t = await s.batch(uniformKeys(updates, keys, 100 + i).map((k) => [k, 1] as [number, number]));
      if (i > 0) times.push(t);   // the first update batch also warms the update path
    }
    return { ms: median(times), loadMs };
  } finally { await s.stop(); }
}

export async function rows({ quick }: BenchOptions): Promise<BenchRow[]> {
  const out: BenchRow[] = [];

  // Records per batch.
  const lineCounts = quick ? [1_000, 10_000, 100_000] : [1_000, 10_000, 100_000, 1_000_000];
  const rec = await wordCountScale(lineCounts, (n) => (n >= 1_000_000 ? 3 : n >= 100_000 ? (quick ? 3 : 5) : 9));
  for (const r of rec) {
    out.push({ id: `6.records-${fmt(r.words)}`, name: `word count batch time, ${fmt(r.words)} words per batch (local[1])`, value: r.ms, unit: 'ms', target: '', met: null,
      note: `${((r.ms * 1e6) / r.words).toFixed(0)} ns/word` });
  }
  const ref = rec.find((r) => r.words === 100_000)!;
  const big = rec[rec.length - 1];
  out.push(ratioRow('6.records-linearity', `per-word cost at ${fmt(big.words)} ÷ at 100k words per batch`, (big.ms / big.words) / (ref.ms / ref.words), { op: '<=', limit: 1.5 },
    `linear growth ⇒ ≈ 1; ${quick ? 'quick mode stops at 1M words' : '10M words (1M lines) is the largest batch that fits the time budget of the suite (and ~1 GB heap)'}`));

  // Number of keys.
  const keyCounts = quick ? [10, 1_000, 100_000] : [10, 1_000, 100_000, 1_000_000];
  const measured = quick ? 3 : 5;
  const records = quick ? 100_000 : 200_000;
  const series: Record<Op, { keys: number; ms: number; loadMs: number }[]> = { reduceByKey: [], updateStateByKey: [], mapWithState: [] };
  for (const op of ['reduceByKey', 'updateStateByKey', 'mapWithState'] as Op[]) {
    for (const k of keyCounts) {
      const updates = Math.max(10, Math.round(k / 1000));
      const r = await keysScale(op, k, updates, op === 'updateStateByKey' && k >= 1_000_000 ? 3 : measured, records);
      series[op].push({ keys: k, ...r });
    }
  }
  for (const op of ['reduceByKey', 'updateStateByKey', 'mapWithState'] as Op[]) {
    const s = series[op];
    const what = op === 'reduceByKey' ? `a batch of ${fmt(records)} records over K keys` : 'state of K keys, batches updating K/1000 (≥ 10) of them';
    out.push({
      id: `6.keys-${op}`, name: `${op}: batch time at ${fmt(s[s.length - 1].keys)} keys ÷ at 10 keys`, value: s[s.length - 1].ms / s[0].ms, unit: 'ratio', target: '', met: null,
      note: `${what}; ${s.map((p) => `${fmt(p.keys)}: ${p.ms.toFixed(1)} ms`).join(', ')}` +
        (op === 'reduceByKey' ? '' : `; loading K keys: ${s.map((p) => `${p.loadMs.toFixed(0)}`).join(' / ')} ms`),
    });
  }
  const kMax = keyCounts[keyCounts.length - 1];
  const mws = series.mapWithState[series.mapWithState.length - 1];
  const usbk = series.updateStateByKey[series.updateStateByKey.length - 1];
  out.push(ratioRow('6.mapWithState-vs-updateStateByKey', `per-batch cost, ${fmt(kMax)} keys and ${fmt(Math.round(kMax / 1000))} updates: mapWithState ÷ updateStateByKey`,
    mws.ms / usbk.ms, { op: '<=', limit: 0.05 },
    `mapWithState ${mws.ms.toFixed(1)} ms vs updateStateByKey ${usbk.ms.toFixed(0)} ms (median per batch, local[2])${quick ? '; quick mode: 100k keys / 100 updates (full mode: 1M / 1k)' : ''}`));
  return out;
}
