/**
 * Spark's OrderedRDDFunctions.repartitionAndSortWithinPartitions: one shuffle by `partitioner` whose reduce side
 * sorts each partition by key (ShuffledRDD.setKeyOrdering), cheaper than repartition then sort.
 */
import { HashPartitioner, toPartitioner, type Partitioner } from '../partitioner';
import { shuffledRDD } from '../kinds/ShuffledRDD';
import type { RDD } from '../RDD';

export function repartitionAndSortWithinPartitions<K, V>(self: RDD<[K, V]>, partitioner?: number | Partitioner, ascending = true): RDD<[K, V]> {
  const p = partitioner === undefined ? new HashPartitioner(self.getNumPartitions()) : toPartitioner(partitioner);
  return shuffledRDD<K, V>(self, p, undefined, false, 'repartitionAndSortWithinPartitions', ascending ? 'ascending' : 'descending');
}
