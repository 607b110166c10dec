import { errors } from '../../core/errors';
import { JavaHashMap } from '../../core/javaHashMap';
import type { RDD } from '../RDD';
import * as pair from '../pairFunctions';
import type { AcceptanceResult } from './internals';
import { partitionResults, perPartitionRDD } from './perPartition';

/**
 * Spark's PairRDDFunctions.sampleByKeyExact: exactly ceil(count(key) * fraction) records per key (with 99.99%
 * confidence), StratifiedSamplingUtils' way. A first job draws from each partition's RandomDataGenerator
 * (seed + partition), pre-accepting and wait-listing draws per key (with replacement, after a countByKey job);
 * the driver picks each key's threshold from its sorted wait list; the sample then replays the same draws.
 */
export async function sampleByKeyExact<K, V>(rdd: RDD<[K, V]>, withReplacement: boolean, fractions: Map<K, number> | Record<string, number>,
  seed: number | bigint = rdd.sc.nextSeed()): Promise<RDD<[K, V]>> {
  const entries: [unknown, number][] = fractions instanceof Map ? [...fractions] : Object.entries(fractions);
  if (!entries.every(([, f]) => typeof f === 'number' && f >= 0)) throw errors.negativeSamplingRates();
  if (typeof seed === 'number' && !Number.isInteger(seed)) throw errors.sampleSeedNotInteger(seed);
  const seedText = JSON.stringify(BigInt.asIntN(64, BigInt(seed)).toString());
  const counts = withReplacement ? JSON.stringify([...(await pair.countByKey(rdd, 'sampleByKeyExact'))]) : 'null';
  const table = JSON.stringify(entries);
  const perPartition = await partitionResults<[K, AcceptanceResult][]>(rdd, 'sampleByKeyExact', () =>
    `(index, it) => [RddInternals.acceptanceOf(it, ${withReplacement}, ${table}, ${counts}, ${seedText}, index)]`, { withIndex: true });
  const merged = combineAcceptance(perPartition);
  const rate = new JavaHashMap<unknown, number>();
  for (const [k, f] of entries) rate.changeValue(k, () => f);
  const thresholds: [K, number][] = [], bounds: [K, [number, number]][] = [];
  merged.forEach((key, r) => {
    thresholds.push([key, thresholdOf(r, rate.get(key) ?? Number.NaN)]);
    bounds.push([key, [r.acceptBound, r.waitListBound]]);
  });
  return perPartitionRDD<[K, V]>(rdd, 'sampleByKeyExact', () =>
    `(index, it) => RddInternals.exactSampleOf(it, ${withReplacement}, ${JSON.stringify(thresholds)}, ${JSON.stringify(bounds)}, ${seedText}, index)`,
  { withIndex: true, preservesPartitioning: true });
}

/** StratifiedSamplingUtils.getCombOp over the partitions in order: the later result keeps its bounds, counts and wait lists add up. */
function combineAcceptance<K>(parts: [K, AcceptanceResult][][]): JavaHashMap<K, AcceptanceResult> {
  const acc = new JavaHashMap<K, AcceptanceResult>();
  for (const part of parts) {
    for (const [key, r] of part) {
      acc.changeValue(key, (had, old) => (had && old
        ? { ...r, numItems: r.numItems + old.numItems, numAccepted: r.numAccepted + old.numAccepted, waitList: [...r.waitList, ...old.waitList] }
        : r));
    }
  }
  return acc;
}

/** StratifiedSamplingUtils.computeThresholdByKey for one key. */
function thresholdOf(r: AcceptanceResult, fraction: number): number {
  const sampleSize = Math.ceil(r.numItems * fraction);
  if (r.numAccepted > sampleSize) return r.acceptBound; // Spark warns "Pre-accepted too many"
  const numWaitListAccepted = Math.trunc(sampleSize - r.numAccepted);
  if (numWaitListAccepted >= r.waitList.length) return r.waitListBound; // Spark warns "WaitList too short"
  return [...r.waitList].sort((a, b) => a - b)[numWaitListAccepted];
}
