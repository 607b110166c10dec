import { describe, expect, it } from 'vitest';
import { AppendOnlyMap, PartitionedAppendOnlyMap, hashKeyComparator } from './appendOnlyMap';
import { hashCodeOf, murmur3HashInt, partitionOf } from './hash';
import { Some } from './option';
import { errors } from './errors';

const add = (a: number, b: number) => a + b;

/** Spark's ParallelCollectionRDD slicing: [floor(i*len/n), floor((i+1)*len/n)). */
function slice<T>(data: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < n; i++) out.push(data.slice(Math.floor((i * data.length) / n), Math.floor(((i + 1) * data.length) / n)));
  return out;
}

/**
 * reduceByKey(f, numReducers) exactly as Spark's sort shuffle runs it with map-side combine:
 * map task = PartitionedAppendOnlyMap changeValue((partition, key)) then the destructive sort by
 * partition and key hashCode; reduce task = AppendOnlyMap changeValue over the map outputs in
 * map-task order, then iteration. Returns collect() order (reduce partitions concatenated).
 */
function simulateReduceByKey<K>(inputPartitions: [K, number][][], numReducers: number, f: (a: number, b: number) => number): [K, number][] {
  const mapOutputs = inputPartitions.map((records) => {
    const map = new PartitionedAppendOnlyMap<K, number>();
    let kv: [K, number] = records[0];
    const update = (had: boolean, old: number | undefined) => (had ? f(old as number, kv[1]) : kv[1]);
    for (const r of records) {
      kv = r;
      map.changeValue([partitionOf(r[0], numReducers), r[0]], update);
    }
    return map.destructiveSortedPartitions(numReducers, hashKeyComparator);
  });
  const result: [K, number][] = [];
  for (let r = 0; r < numReducers; r++) {
    const combined = new AppendOnlyMap<K, number>();
    for (const out of mapOutputs) for (const [k, c] of out[r]) combined.combine(k, c, null, f);
    result.push(...combined);
  }
  return result;
}

describe('golden: Spark reduceByKey order', () => {
  it('sc.makeRDD(1 to 1000, 10).map(x => (x % 10, 1)).reduceByKey(_ + _, 2).collect()', () => {
    const data = Array.from({ length: 1000 }, (_, i) => i + 1);
    const parts = slice(data, 10).map((p) => p.map((x) => [x % 10, 1] as [number, number]));
    expect(parts[0][0]).toEqual([1, 1]);
    expect(parts[9][99]).toEqual([0, 1]);
    const got = simulateReduceByKey(parts, 2, add);
    expect(got).toEqual([[4, 100], [0, 100], [6, 100], [8, 100], [2, 100], [1, 100], [3, 100], [7, 100], [9, 100], [5, 100]]);
  });

  it('keys 0..9 iterate in slot order; even and odd subsets keep the golden relative order', () => {
    const m = new AppendOnlyMap<number, number>();
    for (let k = 0; k < 10; k++) m.changeValue(k, () => k);
    const order = [...m].map(([k]) => k);
    expect(order).toEqual([4, 0, 1, 6, 3, 7, 9, 8, 5, 2]);
    expect(order.filter((k) => k % 2 === 0)).toEqual([4, 0, 6, 8, 2]);
    expect(order.filter((k) => k % 2 === 1)).toEqual([1, 3, 7, 9, 5]);
  });
});

describe('AppendOnlyMap', () => {
  it('initial capacity rounds up to a power of two; bad capacities are rejected', () => {
    const cases: [number, number][] = [[64, 64], [1, 1], [3, 4], [65, 128], [100, 128]];
    for (const [init, cap] of cases) expect(new AppendOnlyMap(init).tableCapacity).toBe(cap);
    expect(() => new AppendOnlyMap(0)).toThrow(errors.mapCapacityInvalid().message);
    expect(() => new AppendOnlyMap((1 << 29) + 1)).toThrow(errors.mapCapacityTooBig().message);
  });

  it('grows by doubling once size exceeds 0.7 * capacity', () => {
    const m = new AppendOnlyMap<number, number>();
    for (let i = 0; i < 43; i++) m.update(i, i);
    expect(m.atGrowThreshold).toBe(false);
    m.update(43, 43);
    expect(m.tableCapacity).toBe(64);
    expect(m.atGrowThreshold).toBe(true); // size 44 = (0.7 * 64).toInt
    m.update(44, 44);
    expect(m.tableCapacity).toBe(128);
    expect(m.atGrowThreshold).toBe(false);
  });

  it('update / apply / changeValue / size, null key first in iteration', () => {
    const m = new AppendOnlyMap<string | null, number>();
    m.update('a', 1);
    m.update('b', 2);
    m.update('a', 3);
    expect(m.size).toBe(2);
    expect(m.apply('a')).toBe(3);
    expect(m.apply('zzz')).toBeUndefined();
    expect(m.changeValue('b', (had, old) => (had ? (old as number) * 10 : -1))).toBe(20);
    expect(m.changeValue('c', (had, old) => (had ? (old as number) * 10 : -1))).toBe(-1);
    expect(m.changeValue(null, (had) => (had ? 1 : 0))).toBe(0);
    expect(m.changeValue(null, (had) => (had ? 1 : 0))).toBe(1);
    expect(m.size).toBe(4);
    expect(m.apply(null)).toBe(1);
    const entries = [...m];
    expect(entries[0]).toEqual([null, 1]);
    expect(new Set(entries.slice(1).map(([k]) => k))).toEqual(new Set(['a', 'b', 'c']));
  });

  it('combine, contains, get, forEach and toArray agree with iteration', () => {
    const m = new AppendOnlyMap<string | null, string>();
    const records: [string | null, string][] = [['a', 'x'], [null, 'n'], ['b', 'y'], ['a', 'z'], [null, 'm']];
    for (const [k, v] of records) m.combine(k, v, (s) => `[${s}]`, (c, s) => `${c}${s}`);
    expect(m.get('a')).toBe('[x]z');
    expect(m.get(null)).toBe('[n]m');
    expect(m.contains('b')).toBe(true);
    expect(m.contains('q')).toBe(false);
    expect(m.contains(null)).toBe(true);
    const seen: [string | null, string][] = [];
    m.forEach((k, v) => seen.push([k, v]));
    expect(seen).toEqual([...m]);
    expect(m.toArray()).toEqual([...m]);
    expect(seen[0]).toEqual([null, '[n]m']);
  });

  it('tuple, Option and NaN keys are compared structurally', () => {
    const m = new AppendOnlyMap<unknown, number>();
    const keys: unknown[] = [['a', 1], ['a', [1, 2]], Some('x'), NaN, 0.5, 'a'];
    for (const k of keys) m.update(k, 1);
    const same: unknown[] = [['a', 1], ['a', [1, 2]], Some('x'), NaN, 0.5, 'a'];
    for (const k of same) m.changeValue(k, (had, old) => (had ? (old as number) + 1 : 100));
    expect(m.size).toBe(keys.length);
    for (const k of same) expect(m.apply(k)).toBe(2);
  });

  it('keeps every key and value through many growths (against a JS Map)', () => {
    const m = new AppendOnlyMap<string, number>(2);
    const ref = new Map<string, number>();
    for (let i = 0; i < 20000; i++) {
      const k = `w${(i * 7919) % 5003}`;
      m.combine(k, 1, null, add);
      ref.set(k, (ref.get(k) ?? 0) + 1);
    }
    expect(m.size).toBe(ref.size);
    for (const [k, v] of m) expect(ref.get(k)).toBe(v);
    expect(m.tableCapacity).toBe(8192); // 5003 > 0.7 * 4096
  });

  it('iteration order equals a reference port that interleaves keys and values like Spark', () => {
    // Straight transcription of Spark's data array layout (key0, value0, key1, value1, ...).
    class RefMap {
      capacity = 64; mask = 63; size = 0; data: unknown[] = new Array(128).fill(null);
      change(k: unknown, f: (had: boolean, old: unknown) => unknown) {
        let pos = murmur3HashInt(hashCodeOf(k)) & this.mask;
        let i = 1;
        for (;;) {
          const cur = this.data[2 * pos];
          if (cur !== null && JSON.stringify(cur) === JSON.stringify(k)) { this.data[2 * pos + 1] = f(true, this.data[2 * pos + 1]); return; }
          if (cur === null) {
            this.data[2 * pos] = k; this.data[2 * pos + 1] = f(false, null);
            if (++this.size > Math.floor(0.7 * this.capacity)) this.grow();
            return;
          }
          pos = (pos + i) & this.mask; i++;
        }
      }
      grow() {
        const nc = this.capacity * 2, nm = nc - 1, nd: unknown[] = new Array(2 * nc).fill(null);
        for (let old = 0; old < this.capacity; old++) {
          const k = this.data[2 * old];
          if (k === null) continue;
          let p = murmur3HashInt(hashCodeOf(k)) & nm, i = 1;
          while (nd[2 * p] !== null) { p = (p + i) & nm; i++; }
          nd[2 * p] = k; nd[2 * p + 1] = this.data[2 * old + 1];
        }
        this.data = nd; this.capacity = nc; this.mask = nm;
      }
      entries() { const out: unknown[][] = []; for (let p = 0; p < this.capacity; p++) if (this.data[2 * p] !== null) out.push([this.data[2 * p], this.data[2 * p + 1]]); return out; }
    }
    const inputs: unknown[][] = [
      Array.from({ length: 300 }, (_, i) => `k${i % 211}`),
      Array.from({ length: 500 }, (_, i) => [i % 7, `x${i % 13}`]),
      Array.from({ length: 400 }, (_, i) => (i * 2654435761) % 1000003),
      ['Aa', 'BB', 'AaAa', 'BBBB', 'AaBB', 'BBAa'], // equal String.hashCode: collisions probe
    ];
    for (const keys of inputs) {
      const m = new AppendOnlyMap<unknown, number>();
      const r = new RefMap();
      for (const k of keys) {
        m.changeValue(k, (had, old) => (had ? (old as number) + 1 : 1));
        r.change(k, (had, old) => (had ? (old as number) + 1 : 1));
      }
      expect([...m]).toEqual(r.entries());
    }
  });

  it('destructiveSortedIterator sorts stably and invalidates the map', () => {
    const m = new AppendOnlyMap<string | null, number>();
    for (const [k, v] of [['b', 2], ['a', 1], ['c', 1], [null, 0]] as [string | null, number][]) m.update(k, v);
    const sorted = [...m.destructiveSortedIterator((x, y) => x[1] - y[1])];
    expect(sorted[0]).toEqual([null, 0]);
    expect(sorted.slice(1).map(([, v]) => v)).toEqual([1, 1, 2]);
    expect(() => m.apply('a')).toThrow(errors.mapDestroyed().message);
  });
});

describe('PartitionedAppendOnlyMap', () => {
  it('slot order equals an AppendOnlyMap keyed by the (partition, key) tuples', () => {
    const pm = new PartitionedAppendOnlyMap<string, number>();
    const m = new AppendOnlyMap<[number, string], number>();
    for (let i = 0; i < 1000; i++) {
      const key = `w${(i * 31) % 257}`;
      const p = partitionOf(key, 3);
      pm.combine([p, key], 1, null, add);
      m.combine([p, key], 1, null, add);
    }
    expect(pm.size).toBe(m.size);
    expect([...pm]).toEqual([...m]);
    expect(pm.apply([partitionOf('w0', 3), 'w0'])).toBe(m.apply([partitionOf('w0', 3), 'w0']));
  });

  it('the same key in two partitions is two entries', () => {
    const pm = new PartitionedAppendOnlyMap<string, number>();
    pm.insert(0, 'a', 1);
    pm.insert(1, 'a', 2);
    pm.insert(0, 'a', 3);
    expect(pm.size).toBe(2);
    expect(pm.apply([0, 'a'])).toBe(3);
    expect(pm.apply([1, 'a'])).toBe(2);
  });

  it('partitionedDestructiveSortedIterator without a key comparator: by partition, slot order within', () => {
    const pm = new PartitionedAppendOnlyMap<string, number>();
    const m = new AppendOnlyMap<[number, string], number>();
    const words = ['spark', 'stream', 'dstream', 'rdd', 'batch', 'window', 'state', 'kafka', 'hello', 'world'];
    for (const w of words) {
      pm.insert(partitionOf(w, 3), w, w.length);
      m.update([partitionOf(w, 3), w], w.length);
    }
    const expected = [...m].sort((a, b) => a[0][0] - b[0][0]); // stable
    expect([...pm.partitionedDestructiveSortedIterator()]).toEqual(expected);
  });

  it('with hashKeyComparator (Spark map-side combine): by partition, then key hashCode, ties in slot order', () => {
    const pm = new PartitionedAppendOnlyMap<string, number>();
    const m = new AppendOnlyMap<[number, string], number>();
    const words = ['Aa', 'BB', 'AaAa', 'BBBB', 'AaBB', 'BBAa', 'x', 'y', 'hello', 'C#', 'Bb'];
    for (const w of words) {
      pm.insert(partitionOf(w, 2), w, 1);
      m.update([partitionOf(w, 2), w], 1);
    }
    const expected = [...m].sort((a, b) => a[0][0] - b[0][0] || hashKeyComparator(a[0][1], b[0][1]));
    const byPart = pm.destructiveSortedPartitions(4, hashKeyComparator);
    expect(byPart.length).toBe(4);
    expect(byPart[3]).toEqual([]);
    expect(byPart.flatMap((list, p) => list.map(([k, v]) => [[p, k], v]))).toEqual(expected);
    expect(() => pm.insert(0, 'a', 1)).toThrow(errors.mapDestroyed().message);
  });

  it('a custom key comparator (sortByKey-style ordering) sorts within each partition', () => {
    const pm = new PartitionedAppendOnlyMap<number, string>();
    for (const k of [5, 3, 9, 1, 4, 8]) pm.insert(k % 2, k, `v${k}`);
    const out = [...pm.partitionedDestructiveSortedIterator((a, b) => a - b)];
    expect(out).toEqual([[[0, 4], 'v4'], [[0, 8], 'v8'], [[1, 1], 'v1'], [[1, 3], 'v3'], [[1, 5], 'v5'], [[1, 9], 'v9']]);
  });
});
