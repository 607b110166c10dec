/**
 * Spark's groupWith (an alias of cogroup with one to three other RDDs; PySpark's takes any number): for every key,
 * a tuple of one CompactBuffer per RDD, partitioned by Partitioner.defaultPartitioner of all of them.
 */
import type { CompactBuffer } from '../../core/compactBuffer';
import { cogroupAll } from '../pairFunctions';
import { ship, type RDD } from '../RDD';

export function groupWith<K>(self: RDD<[K, unknown]>, others: RDD<[K, unknown]>[]): RDD<[K, CompactBuffer<unknown>[]]> {
  const f = ship('(bs) => [...bs]', 'groupWith');
  return cogroupAll<K>([self, ...others], undefined, 'groupWith').narrow('groupWith', () => ({ t: 'mapValues', f }), true);
}
