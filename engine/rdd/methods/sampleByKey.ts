import { errors } from '../../core/errors';
import type { RDD } from '../RDD';
import { perPartitionRDD } from './perPartition';

/**
 * Spark's PairRDDFunctions.sampleByKey: each record kept with its key's fraction (Bernoulli), or repeated a
 * Poisson(fraction) number of times with replacement, drawn from StratifiedSamplingUtils' RandomDataGenerator
 * reseeded with seed + partition index. Every key of the RDD needs a fraction.
 */
export function sampleByKey<K, V>(rdd: RDD<[K, V]>, withReplacement: boolean, fractions: Map<K, number> | Record<string, number>,
  seed: number | bigint = rdd.sc.nextSeed()): RDD<[K, V]> {
  const entries: [unknown, number][] = fractions instanceof Map ? [...fractions] : Object.entries(fractions);
  if (!entries.every(([, f]) => typeof f === 'number' && f >= 0)) throw errors.negativeSamplingRates();
  if (typeof seed === 'number' && !Number.isInteger(seed)) throw errors.sampleSeedNotInteger(seed);
  const seedText = JSON.stringify(BigInt.asIntN(64, BigInt(seed)).toString());
  const table = JSON.stringify(entries);
  return perPartitionRDD<[K, V]>(rdd, 'sampleByKey',
    () => `(index, it) => RddInternals.sampleByKeyOf(it, ${withReplacement}, ${table}, ${seedText}, index)`, { withIndex: true, preservesPartitioning: true });
}
