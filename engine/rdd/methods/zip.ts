/**
 * Spark's RDD.zip: the i-th record of this RDD paired with the i-th of the other. Both need as many partitions
 * (checked when defined) and as many records in each partition (checked by the task: Spark's SparkException
 * "Can only zip RDDs with same number of elements in each partition").
 */
import { zippedPartitionsRDD } from '../kinds/ZippedPartitionsRDD';
import type { RDD } from '../RDD';

export function zip<T, U>(self: RDD<T>, other: RDD<U>): RDD<[T, U]> {
  return zippedPartitionsRDD<[T, U]>([self, other], undefined, false, 'zip');
}
