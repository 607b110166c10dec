/** Spark's PairRDDFunctions: key-based operations on RDD<[K, V]>. */
import { CompactBuffer } from '../core/compactBuffer';
import type { Option } from '../core/option';
import { RDD, ship } from './RDD';
import { HashPartitioner, RangePartitioner, toPartitioner, type Partitioner } from './partitioner';
import type { AggregatorDesc } from './plan';
import { coGroupedRDD } from './kinds/CoGroupedRDD';
import { shuffledRDD } from './kinds/ShuffledRDD';
import { subtractedRDD } from './kinds/SubtractedRDD';
import { composeShipped, zeroLiteral } from './shipCompose';
import { keyCompare } from './ordering';
import { resolveOutputPath } from './hadoopOutput';
import { saveAsTextFile } from './actions';
import { errors } from '../core/errors';

import type { Fn } from './RDD';

/** Spark's Partitioner.defaultPartitioner (3.x rules, incl. the eligible-partitioner check). */
export function defaultPartitioner(rdd: RDD<unknown>, ...others: RDD<unknown>[]): Partitioner {
  const rdds = [rdd, ...others];
  const withPartitioner = rdds.filter((r) => r.partitioner && r.partitioner.numPartitions > 0);
  const maxPartitioner = withPartitioner.length
    ? withPartitioner.reduce((a, b) => (b.getNumPartitions() > a.getNumPartitions() ? b : a)) : undefined;
  const maxPartitions = Math.max(...rdds.map((r) => r.getNumPartitions()));
  const defaultNum = rdd.sc.conf.contains('spark.default.parallelism') ? rdd.sc.defaultParallelism : maxPartitions;
  if (maxPartitioner && (Math.log10(maxPartitions) - Math.log10(maxPartitioner.getNumPartitions()) < 1 ||
    defaultNum <= maxPartitioner.getNumPartitions())) return maxPartitioner.partitioner!;
  return new HashPartitioner(defaultNum);
}

function resolvePartitioner(rdds: RDD<unknown>[], p?: number | Partitioner): Partitioner {
  return p === undefined ? defaultPartitioner(rdds[0], ...rdds.slice(1)) : toPartitioner(p);
}

export function combineByKey<K, V, C>(self: RDD<[K, V]>, createCombiner: Fn<[V], C>, mergeValue: Fn<[C, V], C>,
  mergeCombiners: Fn<[C, C], C>, numPartitions?: number | Partitioner, mapSideCombine = true, opName = 'combineByKey'): RDD<[K, C]> {
  const partitioner = resolvePartitioner([self], numPartitions);
  const aggregator: AggregatorDesc = {
    createCombiner: ship(createCombiner, opName), mergeValue: ship(mergeValue, opName), mergeCombiners: ship(mergeCombiners, opName),
  };
  if (partitioner.equals(self.partitioner)) {
    return self.narrow(opName, () => ({ t: 'combineByKey', aggregator }), true);
  }
  return shuffledRDD<K, V, C>(self, partitioner, aggregator, mapSideCombine, opName);
}

export function reduceByKey<K, V>(self: RDD<[K, V]>, f: Fn<[V, V], V>, numPartitions?: number | Partitioner, opName = 'reduceByKey'): RDD<[K, V]> {
  const fn = ship(f, opName);
  return combineByKey(self, '(v) => v', fn, fn, numPartitions, true, opName);
}

export function groupByKey<K, V>(self: RDD<[K, V]>, numPartitions?: number | Partitioner): RDD<[K, CompactBuffer<V>]> {
  return combineByKey<K, V, CompactBuffer<V>>(self, '(v) => CompactBuffer.of(v)', '(buf, v) => { buf.push(v); return buf; }',
    '(c1, c2) => { for (const x of c2) c1.push(x); return c1; }', numPartitions, false, 'groupByKey');
}

export function aggregateByKey<K, V, U>(self: RDD<[K, V]>, zero: U, seqOp: Fn<[U, V], U>, combOp: Fn<[U, U], U>,
  numPartitions?: number | Partitioner): RDD<[K, U]> {
  const seq = ship(seqOp, 'aggregateByKey');
  const create = composeShipped('aggregateByKey', (s) => `(v) => ${s}(${zeroLiteral(zero)}, v)`, seq);
  return combineByKey(self, create, seq, combOp, numPartitions, true, 'aggregateByKey');
}

export function foldByKey<K, V>(self: RDD<[K, V]>, zero: V, f: Fn<[V, V], V>, numPartitions?: number | Partitioner): RDD<[K, V]> {
  const fn = ship(f, 'foldByKey');
  const create = composeShipped('foldByKey', (s) => `(v) => ${s}(${zeroLiteral(zero)}, v)`, fn);
  return combineByKey(self, create, fn, fn, numPartitions, true, 'foldByKey');
}

export function values<K, V>(self: RDD<[K, V]>): RDD<V> { return self.values(); }

/** Spark's CoGroupedRDD followed by mapValues to a tuple of CompactBuffers. */
export function cogroupAll<K>(rdds: RDD<[K, unknown]>[], numPartitions?: number | Partitioner, opName = 'cogroup'): RDD<[K, CompactBuffer<unknown>[]]> {
  return coGroupedRDD<K>(rdds, resolvePartitioner(rdds, numPartitions), opName);
}

/**
 * Spark's subtractByKey: a SubtractedRDD partitioned by `p` (default: self's partitioner, else
 * HashPartitioner(self's partition count)).
 */
export function subtractByKey<K, V, W>(self: RDD<[K, V]>, other: RDD<[K, W]>, p?: number | Partitioner): RDD<[K, V]> {
  const partitioner = p === undefined ? (self.partitioner ?? new HashPartitioner(self.getNumPartitions())) : toPartitioner(p);
  return subtractedRDD(self, other, partitioner);
}

export function cogroup<K, V, W>(self: RDD<[K, V]>, other: RDD<[K, W]>, numPartitions?: number | Partitioner): RDD<[K, [CompactBuffer<V>, CompactBuffer<W>]]> {
  const f = ship('(bs) => [bs[0], bs[1]]', 'cogroup');
  return cogroupAll<K>([self, other], numPartitions).narrow('cogroup', () => ({ t: 'mapValues', f }), true);
}

const joinBodies = {
  join: '(p) => { const out = []; for (const v of p[0]) for (const w of p[1]) out.push([v, w]); return out; }',
  leftOuterJoin: '(p) => { const out = []; if (p[1].length === 0) { for (const v of p[0]) out.push([v, None]); } else { for (const v of p[0]) for (const w of p[1]) out.push([v, Some(w)]); } return out; }',
  rightOuterJoin: '(p) => { const out = []; if (p[0].length === 0) { for (const w of p[1]) out.push([None, w]); } else { for (const v of p[0]) for (const w of p[1]) out.push([Some(v), w]); } return out; }',
  fullOuterJoin: '(p) => { const out = []; if (p[0].length === 0) { for (const w of p[1]) out.push([None, Some(w)]); } else if (p[1].length === 0) { for (const v of p[0]) out.push([Some(v), None]); } else { for (const v of p[0]) for (const w of p[1]) out.push([Some(v), Some(w)]); } return out; }',
};

function joinWith<K, R>(kind: keyof typeof joinBodies, self: RDD<[K, unknown]>, other: RDD<[K, unknown]>, numPartitions?: number | Partitioner): RDD<[K, R]> {
  const pairs = cogroupAll<K>([self, other], numPartitions, kind)
    .narrow<[K, unknown]>(kind, () => ({ t: 'mapValues', f: ship('(bs) => [bs[0], bs[1]]', kind) }), true);
  const body = ship(joinBodies[kind], kind);
  return pairs.narrow<[K, R]>(kind, () => ({ t: 'flatMapValues', f: body }), true);
}
export const join = <K, V, W>(a: RDD<[K, V]>, b: RDD<[K, W]>, n?: number | Partitioner) => joinWith<K, [V, W]>('join', a, b, n);
export const leftOuterJoin = <K, V, W>(a: RDD<[K, V]>, b: RDD<[K, W]>, n?: number | Partitioner) => joinWith<K, [V, Option<W>]>('leftOuterJoin', a, b, n);
export const rightOuterJoin = <K, V, W>(a: RDD<[K, V]>, b: RDD<[K, W]>, n?: number | Partitioner) => joinWith<K, [Option<V>, W]>('rightOuterJoin', a, b, n);
export const fullOuterJoin = <K, V, W>(a: RDD<[K, V]>, b: RDD<[K, W]>, n?: number | Partitioner) => joinWith<K, [Option<V>, Option<W>]>('fullOuterJoin', a, b, n);

export async function countByKey<K, V>(self: RDD<[K, V]>, opName = 'countByKey'): Promise<Map<K, number>> {
  const ones = self.narrow<[K, number]>(opName, () => ({ t: 'mapValues', f: ship('(_v) => 1', opName) }), true);
  const counts = await reduceByKey(ones, '(a, b) => a + b', undefined, opName).collect();
  return new Map(counts);
}

export async function collectAsMap<K, V>(self: RDD<[K, V]>): Promise<Map<K, V>> { return new Map(await self.collect()); }

export async function lookup<K, V>(self: RDD<[K, V]>, key: K): Promise<V[]> {
  const keyJson = JSON.stringify(key);
  const matching = self.filter(`(kv) => keyEquals(kv[0], ${keyJson})`).map<V>('(kv) => kv[1]');
  if (self.partitioner) {
    const p = self.partitioner.getPartition(key);
    return (await matching.runJob({ t: 'collect' }, [p]))[0] as V[];
  }
  return matching.collect();
}

/** Spark's sortByKey: a RangePartitioner from sampled keys (a sampling job runs first), then a sort by key in each partition. */
export function sortByKey<K, V>(self: RDD<[K, V]>, ascending: boolean, numPartitions: number, opName = 'sortByKey'): RDD<[K, V]> {
  const partitioner = new RangePartitioner(numPartitions, [], ascending);
  const rdd = shuffledRDD<K, V>(self, partitioner, undefined, false, opName, ascending ? 'ascending' : 'descending');
  const sampleSize = Math.min(20 * numPartitions, 1e6);
  const perPartition = Math.ceil((3 * sampleSize) / Math.max(1, self.getNumPartitions()));
  let sampling: Promise<void> | undefined;
  const sample = async () => {
    const samples = await self.runJob({ t: 'sampleKeys', max: perPartition }) as { count: number; keys: unknown[] }[];
    const candidates: [unknown, number][] = [];
    for (const s of samples) {
      const weight = s.keys.length ? Math.fround(s.count / s.keys.length) : 0;   // a Float in Spark
      for (const k of s.keys) candidates.push([k, weight]);
    }
    partitioner.setBounds(candidates.length === 0 ? [] : determineBounds(candidates, Math.min(numPartitions, candidates.length)));
  };
  (rdd as { prepare?: () => Promise<void> }).prepare = () => {
    if (numPartitions <= 1) { partitioner.setBounds([]); return Promise.resolve(); }
    sampling ??= sample().catch((e) => { sampling = undefined; throw e; });
    return sampling;
  };
  return rdd;
}

/** Spark's RangePartitioner.determineBounds: bounds at equal steps of cumulative sample weight. */
export function determineBounds(candidates: [unknown, number][], partitions: number): unknown[] {
  const ordered = [...candidates].sort((a, b) => keyCompare(a[0], b[0]));
  const numCandidates = ordered.length;
  const sumWeights = ordered.reduce((s, c) => s + c[1], 0);
  const step = sumWeights / partitions;
  let cumWeight = 0, target = step, i = 0, j = 0;
  let previousBound: unknown = undefined;
  const bounds: unknown[] = [];
  while (i < numCandidates && j < partitions - 1) {
    const [key, weight] = ordered[i];
    cumWeight += weight;
    if (cumWeight >= target) {
      if (previousBound === undefined || keyCompare(key, previousBound) > 0) {
        bounds.push(key);
        target += step;
        j += 1;
        previousBound = key;
      }
    }
    i += 1;
  }
  return bounds;
}

/**
 * Spark's saveAsHadoopFile / saveAsNewAPIHadoopFile with TextOutputFormat (hadoopOutput.ts): `key\tvalue` lines in
 * part-NNNNN files and _SUCCESS. Only the default output format exists here; other arguments are refused.
 */
export function saveAsHadoopFile<K, V>(self: RDD<[K, V]>, path: string, opName: string, formatArgs: readonly unknown[]): Promise<void> {
  if (formatArgs.length > 0) return Promise.reject(errors.hadoopFormatArgs(opName, formatArgs.length));
  let target: string;
  try { target = resolveOutputPath(path, opName); } catch (e) { return Promise.reject(e); }
  const fn = ship(`(kv) => StreamingInternals.textOutputLines(kv, ${JSON.stringify(opName)})`, opName);
  return saveAsTextFile(self.narrow<string>(opName, () => ({ t: 'flatMap', f: fn })), target);
}
