import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { None, Some, type Option } from '../core/option';
import { StreamingInternals, type StateRecord } from './internals';
import type { State } from './dstream/stateSpec';

const { updateRecord, initialRecord, statePairs } = StreamingInternals;

/** A running sum that removes the key when the value is negative. */
const sumOrRemove = (_k: unknown, v: Option<number>, s: State<number>) => {
  const x = v.getOrElse(0);
  if (x < 0) { if (s.exists()) s.remove(); return null; }
  const n = (s.exists() ? s.get() : 0) + x;
  s.update(n);
  return n;
};

const sorted = (pairs: [unknown, unknown][]) => pairs.map(([k, v]) => JSON.stringify([k, v])).sort();

describe('mapWithState persistent state map', () => {
  it('every version stays exact while later versions are built on it (random updates, removes, tuple keys)', () => {
    const rng = new Rng(5);
    const reference: Map<string, [unknown, number]>[] = [];
    const versions: StateRecord[][] = [];
    let model = new Map<string, [unknown, number]>();
    let rec = initialRecord([[1, 10], [[2, 'x'], 5]], 0);
    model.set(JSON.stringify(1), [1, 10]);
    model.set(JSON.stringify([2, 'x']), [[2, 'x'], 5]);
    for (let batch = 1; batch <= 300; batch++) {
      const n = rng.nextInt(batch % 50 === 0 ? 2000 : 60);
      const data: [unknown, number][] = [];
      for (let i = 0; i < n; i++) {
        const id = rng.nextInt(400);
        const key = id % 3 === 0 ? [id, 'x'] : id;
        data.push([key, rng.nextInt(10) - 2]);
      }
      rec = updateRecord(rec, data, sumOrRemove as never, false, batch * 1000, null, false);
      model = new Map(model);
      for (const [k, v] of data) {
        const sk = JSON.stringify(k);
        if (v < 0) model.delete(sk);
        else model.set(sk, [k, (model.get(sk)?.[1] ?? 0) + v]);
      }
      versions.push(rec);
      reference.push(model);
    }
    // Old versions still read as they were (as when a cached older state RDD is read again).
    for (let i = 0; i < versions.length; i += 7) {
      expect(sorted(statePairs(versions[i][0]))).toEqual(sorted([...reference[i].values()]));
    }
    expect(sorted(statePairs(rec[0]))).toEqual(sorted([...model.values()]));
    expect(String(rec[0])).toBe(`MapWithStateRDDRecord(${model.size} states, ${rec[0].mapped.length} mapped)`);
    expect((rec[0].states as { depth: number }).depth).toBeLessThanOrEqual(24);
    // A new version on an old one (a recomputed batch) does not disturb the newer ones.
    const again = updateRecord(versions[10], [[1, 1]], sumOrRemove as never, false, 99_000, null, false);
    expect(sorted(statePairs(versions[11][0]))).toEqual(sorted([...reference[11].values()]));
    expect(statePairs(again[0]).length).toBeGreaterThan(0);
  });

  it('round-trips through JSON (data checkpoints) and structured clone (worker executors)', () => {
    let rec = initialRecord([['a', 1]], 0);
    for (let b = 1; b <= 40; b++) rec = updateRecord(rec, [['k' + (b % 7), 1], ['a', 1]], sumOrRemove as never, false, b * 1000, null, false);
    const expected = sorted(statePairs(rec[0]));
    const fromJson = JSON.parse(JSON.stringify(rec)) as StateRecord[];
    expect(Array.isArray(fromJson[0].states)).toBe(true);
    expect(sorted(statePairs(fromJson[0]))).toEqual(expected);
    expect(sorted(statePairs(structuredClone(rec)[0]))).toEqual(expected);
    const next = updateRecord(fromJson, [['a', 1]], sumOrRemove as never, false, 50_000, null, false);
    expect(statePairs(next[0]).find(([k]) => k === 'a')?.[1]).toBe(42);
  });

  it('times out idle states on full-scan batches only', () => {
    const seen: unknown[] = [];
    const fn = (k: unknown, v: Option<number>, s: State<number>) => {
      if (s.isTimingOut()) { seen.push(k); return None; }
      s.update(v.getOrElse(0));
      return Some(k);
    };
    let rec = initialRecord([], 0);
    rec = updateRecord(rec, [['old', 1], ['new', 1]], fn as never, false, 1000, null, false);
    rec = updateRecord(rec, [['new', 2]], fn as never, false, 5000, 3000, false);
    expect(seen).toEqual([]);
    rec = updateRecord(rec, [['new', 3]], fn as never, false, 6000, 3000, true);
    expect(seen).toEqual(['old']);
    expect(statePairs(rec[0])).toEqual([['new', 3]]);
  });
});
