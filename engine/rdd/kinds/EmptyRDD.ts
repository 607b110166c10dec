/** Spark's EmptyRDD: no partitions, no records. */
import { RDD } from '../RDD';
import type { SparkContext } from '../SparkContext';
import type { PlanKind } from './kind';

export interface EmptyPlan { k: 'empty' }

export const emptyKind: PlanKind<EmptyPlan> = {
  rddClass: 'EmptyRDD',
  inputs: () => [],
  push: () => undefined,
};

export function emptyRDD<T>(sc: SparkContext): RDD<T> {
  return new RDD<T>(sc, { className: 'EmptyRDD', opName: 'emptyRDD', numPartitions: 0, deps: [], planFor: (): EmptyPlan => ({ k: 'empty' }) });
}
