import { errors } from '../../core/errors';
import { formatDouble } from '../../core/format';
import type { RDD } from '../RDD';
import { perPartitionRDD } from './perPartition';

/**
 * Spark's RDD.randomSplit: the weights normalised to cumulative bounds, and split i keeps, in each partition,
 * the records whose draw from XORShiftRandom(seed + partition) falls in [bound i, bound i+1): the same draws
 * for every split, so the splits are disjoint and together hold every record.
 */
export function randomSplit<T>(rdd: RDD<T>, weights: number[], seed: number | bigint = rdd.sc.nextSeed()): RDD<T>[] {
  // Scala's weights.mkString("[", ",", "]") of an Array[Double]: 2.0, not 2.
  const shown = () => `[${(Array.isArray(weights) ? weights : [weights]).map((w) => (typeof w === 'number' ? formatDouble(w) : String(w))).join(',')}]`;
  if (!Array.isArray(weights) || !weights.every((w) => typeof w === 'number' && w >= 0)) throw errors.randomSplitNegative(shown());
  const sum = weights.reduce((a, b) => a + b, 0);
  if (!(sum > 0)) throw errors.randomSplitSumNotPositive(shown());
  if (typeof seed === 'number' && !Number.isInteger(seed)) throw errors.sampleSeedNotInteger(seed);
  const cumulative = [0.0];
  for (const w of weights) cumulative.push(cumulative[cumulative.length - 1] + w / sum);
  const seedText = JSON.stringify(BigInt.asIntN(64, BigInt(seed)).toString());
  return weights.map((_w, i) => perPartitionRDD<T>(rdd, 'randomSplit',
    () => `(index, it) => RddInternals.sampleRange(it, ${cumulative[i]}, ${cumulative[i + 1]}, ${seedText}, index)`, { withIndex: true, preservesPartitioning: true }));
}
