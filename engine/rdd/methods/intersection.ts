/**
 * Spark's RDD.intersection: the distinct records present in both RDDs, through a cogroup of (record, null) pairs
 * whose both groups are non-empty (default partitioner: Partitioner.defaultPartitioner of the two).
 */
import { HashPartitioner, type Partitioner } from '../partitioner';
import { cogroupAll } from '../pairFunctions';
import { ship, type RDD } from '../RDD';

export function intersection<T>(self: RDD<T>, other: RDD<T>, numPartitions?: number | Partitioner): RDD<T> {
  const partitioner = typeof numPartitions === 'number' ? new HashPartitioner(numPartitions) : numPartitions;
  const left = self.mapAs<[T, null]>('intersection', '(v) => [v, null]');
  const right = other.mapAs<[T, null]>('intersection', '(v) => [v, null]');
  const both = ship('(kv) => kv[1][0].length > 0 && kv[1][1].length > 0', 'intersection');
  return cogroupAll<T>([left, right], partitioner, 'intersection')
    .narrow<[T, unknown]>('intersection', () => ({ t: 'filter', f: both }), true)
    .mapAs<T>('intersection', '(kv) => kv[0]');
}
