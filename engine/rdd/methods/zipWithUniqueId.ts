/**
 * Spark's RDD.zipWithUniqueId: the k-th record of partition p gets id k * n + p (n partitions). No job runs,
 * unlike zipWithIndex; the ids are unique but have gaps.
 */
import { ship, type RDD } from '../RDD';

export function zipWithUniqueId<T>(self: RDD<T>): RDD<[T, number]> {
  const n = self.getNumPartitions();
  const f = ship(`(p, it) => { const out = []; let i = 0; for (const x of it) out.push([x, i++ * ${n} + p]); return out; }`, 'zipWithUniqueId');
  return self.narrow('zipWithUniqueId', (p) => ({ t: 'mapPartitions', f, withIndex: true, partition: p }));
}
