/**
 * Spark's RDD.groupBy(f[, numPartitions | partitioner]): `map(t => (f(t), t)).groupByKey(p)`; without a partition
 * count, Partitioner.defaultPartitioner(this).
 */
import type { CompactBuffer } from '../../core/compactBuffer';
import { groupByKey } from '../pairFunctions';
import type { Partitioner } from '../partitioner';
import { ship, type Fn, type RDD } from '../RDD';

export function groupBy<T, K>(self: RDD<T>, f: Fn<[T], K>, numPartitions?: number | Partitioner): RDD<[K, CompactBuffer<T>]> {
  const fn = ship(f, 'groupBy');
  return groupByKey(self.narrow<[K, T]>('groupBy', () => ({ t: 'keyBy', f: fn })), numPartitions);
}
