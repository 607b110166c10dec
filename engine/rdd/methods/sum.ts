import type { RDD } from '../RDD';
import { partitionResults } from './perPartition';

/** Spark's DoubleRDDFunctions.sum: the partitions' sums added from 0 (Spark's fold(0.0)(_ + _)), one job. */
export async function sum(rdd: RDD<number>): Promise<number> {
  const parts = await partitionResults<number>(rdd, 'sum', () => `(it) => [RddInternals.sumOf(it, 'sum')]`);
  return parts.reduce((a, b) => a + b, 0);
}
