/**
 * Spark's RDD.subtract: the records of this RDD not in the other, as subtractByKey of (record, null) pairs,
 * partitioned by `p` (default: this RDD's partitioner, else a HashPartitioner of its partition count).
 */
import { HashPartitioner, toPartitioner, type Partitioner } from '../partitioner';
import { subtractByKey } from '../pairFunctions';
import type { RDD } from '../RDD';

export function subtract<T>(self: RDD<T>, other: RDD<T>, p?: number | Partitioner): RDD<T> {
  const partitioner = p === undefined ? (self.partitioner ?? new HashPartitioner(self.getNumPartitions())) : toPartitioner(p);
  const left = self.mapAs<[T, null]>('subtract', '(x) => [x, null]');
  const right = other.mapAs<[T, null]>('subtract', '(x) => [x, null]');
  return subtractByKey(left, right, partitioner).mapAs<T>('subtract', '(kv) => kv[0]');
}
