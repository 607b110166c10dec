import { errors } from '../../core/errors';
import { HyperLogLogPlus } from '../../core/hyperLogLogPlus';
import type { RDD } from '../RDD';
import { partitionResults } from './perPartition';

/**
 * Spark's RDD.countApproxDistinct(relativeSD = 0.05): precision p = ceil(2 * log2(1.054 / relativeSD)) (at
 * least 4), then countApproxDistinct(p, 0). Also callable as (p, sp) with Spark's checks; only sp = 0 (the
 * dense HyperLogLog++ Spark's default uses) is supported.
 */
export async function countApproxDistinct(rdd: RDD<unknown>, relativeSDOrP = 0.05, sp?: number): Promise<number> {
  if (sp !== undefined) return countWithPrecision(rdd, relativeSDOrP, sp);
  const relativeSD = relativeSDOrP;
  if (!(relativeSD > 0.000017)) throw errors.relativeSDTooSmall(relativeSD);
  const p = Math.trunc(Math.ceil((2.0 * Math.log(1.054 / relativeSD)) / Math.log(2)));
  return countWithPrecision(rdd, p < 4 ? 4 : p, 0);
}

async function countWithPrecision(rdd: RDD<unknown>, p: number, sp: number): Promise<number> {
  if (!(p >= 4)) throw errors.hllPrecisionTooSmall(p);
  if (!(sp <= 32)) throw errors.hllSparseTooLarge(sp);
  if (!(sp === 0 || p <= sp)) throw errors.hllPrecisionAboveSparse(p, sp);
  if (sp !== 0) throw errors.hllSparseNotPorted(p, sp);
  if (p > 20) throw errors.hllPrecisionTooLarge(p);
  const parts = await partitionResults<number[]>(rdd, 'countApproxDistinct', () => `(it) => [RddInternals.hllRegistersOf(it, ${p})]`);
  const total = new HyperLogLogPlus(p);
  for (const registers of parts) total.addAll(new HyperLogLogPlus(p, registers));
  return total.cardinality();
}
