/**
 * What the statistics, ordering, tree-aggregation and sampling methods run inside tasks (in the table of
 * shipped globals as `RddInternals`): each method ships a small engine-written function such as
 * `(it) => [RddInternals.statCounterOf(it, 'stats')]`, so one `mapPartitions` job does the partition's
 * share, as Spark's `mapPartitions(nums => Iterator(StatCounter(nums)))`. Results are plain data, so they
 * cross worker boundaries unchanged.
 */
import { errors } from '../../core/errors';
import { HyperLogLogPlus } from '../../core/hyperLogLogPlus';
import { JavaHashMap } from '../../core/javaHashMap';
import { BernoulliCellSampler, StratifiedRandomDataGenerator } from '../../core/randomSampler';
import { StatCounter, type StatCounterState } from '../../core/statCounter';
import { asPair, describeRecord } from '../../executor/records';
import { keyCompare } from '../ordering';
import { binomialLowerBound, binomialUpperBound, poissonLowerBound, poissonUpperBound } from '../../core/samplingBounds';

type Compare = (a: unknown, b: unknown) => number;

/** StratifiedSamplingUtils.AcceptanceResult: one key's counts, pre-accepted draws and wait-listed draws. */
export interface AcceptanceResult { numItems: number; numAccepted: number; waitList: number[]; acceptBound: number; waitListBound: number }

/** A key → value lookup with Scala Map's apply: a missing key is Spark's NoSuchElementException. */
function tableOf<V>(entries: [unknown, V][], _op: string): (key: unknown) => V {
  const map = new JavaHashMap<unknown, V>();
  for (const [k, v] of entries) map.changeValue(k, () => v);
  return (key) => {
    const v = map.get(key);
    if (v === undefined) throw errors.keyNotFound(describeRecord(key));
    return v;
  };
}
/** A key function (one parameter) or a comparator (two parameters), as a user gives it to top/takeOrdered/max/min. */
type KeyOrOrdering = ((x: unknown) => unknown) | ((a: unknown, b: unknown) => number);

function requireNumber(x: unknown, op: string): number {
  if (typeof x === 'number') return x;
  throw errors.notANumber(op, describeRecord(x));
}

/** Scala's Ordering for the records: the default ordering, on `key(x)` for a key function, or the comparator itself. */
export function orderingOf(keyOrOrdering?: KeyOrOrdering): Compare {
  if (!keyOrOrdering) return keyCompare;
  if (keyOrOrdering.length >= 2) return keyOrOrdering as Compare;
  const key = keyOrOrdering as (x: unknown) => unknown;
  return (a, b) => keyCompare(key(a), key(b));
}

/** Java's Double.compare: -0.0 < 0.0, NaN above everything and equal to itself. */
function doubleCompare(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === b) return a === 0 ? (Object.is(a, -0) ? (Object.is(b, -0) ? 0 : -1) : (Object.is(b, -0) ? 1 : 0)) : 0;
  const an = a !== a, bn = b !== b;
  return an === bn ? 0 : an ? 1 : -1;
}

/** java.util.Arrays.binarySearch(double[], key): the index, or -(insertion point) - 1. */
function binarySearch(a: readonly number[], key: number): number {
  let low = 0, high = a.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const c = doubleCompare(a[mid], key);
    if (c < 0) low = mid + 1;
    else if (c > 0) high = mid - 1;
    else return mid;
  }
  return -(low + 1);
}

/** Scala's Double.toInt: truncation, saturating at the Int range, NaN to 0. */
function doubleToInt(d: number): number {
  if (d !== d) return 0;
  return Math.trunc(Math.max(-2147483648, Math.min(2147483647, d)));
}

export const RddInternals = Object.freeze({
  statCounterOf(it: Iterable<unknown>, op: string): StatCounterState {
    const c = new StatCounter();
    for (const x of it) c.merge(requireNumber(x, op));
    return c.toState();
  },

  sumOf(it: Iterable<unknown>, op: string): number {
    let s = 0;
    for (const x of it) s += requireNumber(x, op);
    return s;
  },

  /** DoubleRDDFunctions.histogram's first pass: [max, min] of the partition (NaN wins, as Scala's max/min). */
  maxMinOf(it: Iterable<unknown>): [number, number] {
    let max = Number.NEGATIVE_INFINITY, min = Number.POSITIVE_INFINITY;
    for (const x of it) { const e = requireNumber(x, 'histogram'); max = Math.max(max, e); min = Math.min(min, e); }
    return [max, min];
  },

  /** DoubleRDDFunctions.histogramPartition with the basic (binary search) or the even (constant time) bucket function. */
  histogramOf(it: Iterable<unknown>, buckets: readonly number[] | readonly string[], evenBuckets: boolean): number[] {
    if (typeof buckets[0] === 'string') return stringHistogramOf(it, buckets as readonly string[]);
    return numberHistogramOf(it, buckets as readonly number[], evenBuckets);
  },

  /** Ordering.max / Ordering.min of two records (the first one on a tie), under a key function or comparator. */
  better(a: unknown, b: unknown, wantMax: boolean, keyOrOrdering?: KeyOrOrdering): unknown {
    const c = orderingOf(keyOrOrdering)(a, b);
    return wantMax ? (c >= 0 ? a : b) : (c <= 0 ? a : b);
  },

  /** The partition's `num` first records under the ordering (reversed for top), in that order. */
  takeOrderedOf(it: Iterable<unknown>, num: number, reverse: boolean, keyOrOrdering?: KeyOrOrdering): unknown[] {
    const ord = orderingOf(keyOrOrdering);
    const cmp: Compare = reverse ? (a, b) => ord(b, a) : ord;
    return [...it].sort(cmp).slice(0, num);
  },

  /** treeReduce's partition step: `[reduceLeft(f)]`, or `[]` (None) for an empty partition. */
  reduceOption(it: Iterable<unknown>, f: (a: unknown, b: unknown) => unknown): unknown[] {
    let defined = false, acc: unknown;
    for (const x of it) { if (defined) acc = f(acc, x); else { acc = x; defined = true; } }
    return defined ? [acc] : [];
  },

  /** treeReduce's combine of two options (`[]` is None, `[x]` is Some(x)). */
  combineOptions(c: unknown[], x: unknown[], f: (a: unknown, b: unknown) => unknown): unknown[] {
    if (c.length && x.length) return [f(c[0], x[0])];
    return c.length ? c : x;
  },

  foldPartition(it: Iterable<unknown>, zero: unknown, seqOp: (u: unknown, t: unknown) => unknown): unknown {
    let acc = zero;
    for (const x of it) acc = seqOp(acc, x);
    return acc;
  },

  /** reduceByKeyLocally's partition step: a java.util.HashMap of reduced values, as [key, value] entries in its order. */
  reduceByKeyLocallyOf(it: Iterable<unknown>, f: (a: unknown, b: unknown) => unknown): [unknown, unknown][] {
    const map = new JavaHashMap<unknown, unknown>();
    for (const x of it) {
      const kv = asPair(x, 'reduceByKeyLocally');
      map.changeValue(kv[0], (had, old) => (had && old !== null && old !== undefined ? f(old, kv[1]) : kv[1]));
    }
    const out: [unknown, unknown][] = [];
    map.forEach((k, v) => out.push([k, v]));
    return out;
  },

  /** RDD.randomSampleWithRange: partition `index` keeps the draws of XORShiftRandom(seed + index) in [lb, ub). */
  sampleRange(it: Iterable<unknown>, lb: number, ub: number, seed: string, index: number): Generator<unknown> {
    const sampler = new BernoulliCellSampler<unknown>(lb, ub);
    sampler.setSeed(BigInt.asIntN(64, BigInt(seed) + BigInt(index)));
    return sampler.sampleItems(it);
  },

  /** StratifiedSamplingUtils' sampling functions (exact = false): Bernoulli or Poisson per key's fraction, seeded seed + index. */
  *sampleByKeyOf(it: Iterable<unknown>, withReplacement: boolean, fractions: [unknown, number][], seed: string, index: number): Generator<unknown> {
    const rates = new JavaHashMap<unknown, number>();
    for (const [k, f] of fractions) rates.changeValue(k, () => f);
    const rng = new StratifiedRandomDataGenerator();
    rng.reSeed(BigInt.asIntN(64, BigInt(seed) + BigInt(index)));
    for (const kv of it) {
      if (!Array.isArray(kv) || kv.length !== 2) throw errors.notAPair('sampleByKey', describeRecord(kv));
      const rate = rates.get(kv[0]);
      if (rate === undefined) throw errors.keyNotFound(describeRecord(kv[0]));
      if (withReplacement) {
        const count = rng.nextPoisson(rate);
        for (let i = 0; i < count; i++) yield kv;
      } else if (rng.nextUniform() < rate) yield kv;
    }
  },

  /** sampleByKeyExact's first pass (StratifiedSamplingUtils.getSeqOp): each key's acceptance result in this partition. */
  acceptanceOf(it: Iterable<unknown>, withReplacement: boolean, fractions: [unknown, number][], counts: [unknown, number][] | null,
    seed: string, index: number): [unknown, AcceptanceResult][] {
    const rates = tableOf(fractions, 'sampleByKeyExact');
    const countOf = counts ? tableOf(counts, 'sampleByKeyExact') : undefined;
    const rng = new StratifiedRandomDataGenerator();
    rng.reSeed(BigInt.asIntN(64, BigInt(seed) + BigInt(index)));
    const results = new JavaHashMap<unknown, AcceptanceResult>();
    for (const kv of it) {
      if (!Array.isArray(kv) || kv.length !== 2) throw errors.notAPair('sampleByKeyExact', describeRecord(kv));
      const key = kv[0];
      const fraction = rates(key);
      let r = results.get(key);
      if (!r) { r = { numItems: 0, numAccepted: 0, waitList: [], acceptBound: Number.NaN, waitListBound: Number.NaN }; results.changeValue(key, () => r!); }
      if (withReplacement) {
        if (Number.isNaN(r.acceptBound)) {
          const n = countOf!(key);
          const sampleSize = Math.ceil(n * fraction);
          const lmbd1 = poissonLowerBound(sampleSize), lmbd2 = poissonUpperBound(sampleSize);
          r.acceptBound = lmbd1 / n;
          r.waitListBound = (lmbd2 - lmbd1) / n;
        }
        const copiesAccepted = r.acceptBound === 0 ? 0 : rng.nextPoisson(r.acceptBound);
        if (copiesAccepted > 0) r.numAccepted += copiesAccepted;
        const copiesWaitlisted = rng.nextPoisson(r.waitListBound);
        for (let i = 0; i < copiesWaitlisted; i++) r.waitList.push(rng.nextUniform());
      } else {
        // The streaming bounds: they tighten as the key's items are seen (Spark's delta 5e-5).
        r.acceptBound = binomialLowerBound(5e-5, r.numItems, fraction);
        r.waitListBound = binomialUpperBound(5e-5, r.numItems, fraction);
        const x = rng.nextUniform();
        if (x < r.acceptBound) r.numAccepted += 1;
        else if (x < r.waitListBound) r.waitList.push(x);
      }
      r.numItems += 1;
    }
    const out: [unknown, AcceptanceResult][] = [];
    results.forEach((k, v) => out.push([k, v]));
    return out;
  },

  /** sampleByKeyExact's second pass: the same draws as the first, kept under each key's threshold. */
  *exactSampleOf(it: Iterable<unknown>, withReplacement: boolean, thresholds: [unknown, number][], bounds: [unknown, [number, number]][],
    seed: string, index: number): Generator<unknown> {
    const threshold = tableOf(thresholds, 'sampleByKeyExact');
    const boundOf = tableOf(bounds, 'sampleByKeyExact');
    const rng = new StratifiedRandomDataGenerator();
    rng.reSeed(BigInt.asIntN(64, BigInt(seed) + BigInt(index)));
    for (const kv of it) {
      const key = (kv as [unknown, unknown])[0];
      if (!withReplacement) { if (rng.nextUniform() < threshold(key)) yield kv; continue; }
      const [acceptBound, waitListBound] = boundOf(key);
      let copies = acceptBound === 0 ? 0 : rng.nextPoisson(acceptBound);
      const copiesWaitlisted = rng.nextPoisson(waitListBound);
      const t = threshold(key);
      for (let i = 0; i < copiesWaitlisted; i++) if (rng.nextUniform() < t) copies++;
      for (let i = 0; i < copies; i++) yield kv;
    }
  },

  /** countApproxDistinct's partition step: the registers of a HyperLogLogPlus(p, 0) offered every record. */
  hllRegistersOf(it: Iterable<unknown>, p: number): number[] {
    const hll = new HyperLogLogPlus(p);
    for (const x of it) hll.offer(x);
    return hll.registers;
  },

  /** countByValueApprox's partition step (Spark's OpenHashMap of counts), as [value, count] entries. */
  countValuesOf(it: Iterable<unknown>): [unknown, number][] {
    const map = new JavaHashMap<unknown, number>();
    for (const x of it) map.changeValue(x, (had, old) => (had ? (old as number) + 1 : 1));
    const out: [unknown, number][] = [];
    map.forEach((k, v) => out.push([k, v]));
    return out;
  },
});

/** DoubleRDDFunctions.histogramPartition with the basic (binary search) or the even (constant time) bucket function. */
function numberHistogramOf(it: Iterable<unknown>, buckets: readonly number[], evenBuckets: boolean): number[] {
  const counters = new Array<number>(buckets.length - 1).fill(0);
  const count = buckets.length - 1, min = buckets[0], max = buckets[count];
  for (const x of it) {
    const e = requireNumber(x, 'histogram');
    let bucket: number | undefined;
    if (evenBuckets) {
      if (!(e !== e || e < min || e > max)) bucket = Math.min(doubleToInt(((e - min) / (max - min)) * count), count - 1);
    } else {
      const location = binarySearch(buckets, e);
      if (location < 0) {
        const insertionPoint = -location - 1;
        if (insertionPoint > 0 && insertionPoint < buckets.length) bucket = insertionPoint - 1;
      } else bucket = location < buckets.length - 1 ? location : location - 1;
    }
    if (bucket !== undefined) counters[bucket]++;
  }
  return counters;
}

/** PySpark's histogram over string edges (Scala's is for Doubles only): the same bucket rules under string order. */
function stringHistogramOf(it: Iterable<unknown>, buckets: readonly string[]): number[] {
  const counters = new Array<number>(buckets.length - 1).fill(0);
  const last = buckets.length - 1;
  for (const x of it) {
    if (typeof x !== 'string') throw errors.notANumber('histogram with string buckets', describeRecord(x));
    if (keyCompare(x, buckets[0]) < 0 || keyCompare(x, buckets[last]) > 0) continue;
    let lo = 0, hi = last; // the last edge i with buckets[i] <= x, the top edge counting in the last bucket
    while (hi - lo > 1) { const mid = (lo + hi) >>> 1; if (keyCompare(buckets[mid], x) <= 0) lo = mid; else hi = mid; }
    counters[keyCompare(x, buckets[last]) === 0 ? last - 1 : lo]++;
  }
  return counters;
}
