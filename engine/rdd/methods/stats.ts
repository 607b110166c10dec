import { errors } from '../../core/errors';
import { StatCounter, type StatCounterState } from '../../core/statCounter';
import type { RDD } from '../RDD';
import { partitionResults } from './perPartition';

/** Spark's DoubleRDDFunctions.stats: a StatCounter per partition, merged on the driver (one job). */
export async function stats(rdd: RDD<number>, opName = 'stats'): Promise<StatCounter> {
  const parts = await partitionResults<StatCounterState>(rdd, opName, () => `(it) => [RddInternals.statCounterOf(it, ${JSON.stringify(opName)})]`);
  if (parts.length === 0) throw errors.emptyCollection(); // Spark's reduce over an RDD with no partitions
  const total = new StatCounter();
  for (const p of parts) total.merge(StatCounter.fromState(p));
  return total;
}
