import { JavaHashMap } from '../../core/javaHashMap';
import { BoundedDouble, PartialResult } from '../../core/partialResult';
import type { RDD } from '../RDD';
import { checkConfidence } from './countApprox';
import { partitionResults } from './perPartition';

/**
 * Spark's RDD.countByValueApprox: a hash map of counts per partition (GroupedCountEvaluator), final once the
 * job ends: each value's exact count as a BoundedDouble.
 */
export async function countByValueApprox<T>(rdd: RDD<T>, _timeout: number, confidence = 0.95): Promise<PartialResult<Map<T, BoundedDouble>>> {
  checkConfidence(confidence);
  const parts = await partitionResults<[T, number][]>(rdd, 'countByValueApprox', () => '(it) => [RddInternals.countValuesOf(it)]');
  const sums = new JavaHashMap<T, number>();
  for (const entries of parts) for (const [v, n] of entries) sums.changeValue(v, (had, old) => (had ? (old as number) + n : n));
  const out = new Map<T, BoundedDouble>();
  sums.forEach((v, n) => out.set(v, BoundedDouble.exact(n)));
  return new PartialResult(out, true);
}
