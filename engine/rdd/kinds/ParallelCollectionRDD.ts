/** Spark's ParallelCollectionRDD: records of the driver's collection, shipped with each task. */
import { RDD } from '../RDD';
import type { SparkContext } from '../SparkContext';
import type { PlanKind } from './kind';

/** Records carried in the plan itself (also used by checkpointed, Kafka and write-ahead-log partitions). */
export interface DataPlan { k: 'data'; values: unknown[] }

export const parallelCollectionKind: PlanKind<DataPlan> = {
  rddClass: 'ParallelCollectionRDD',
  inputs: () => [],
  push(plan, run, emit) {
    const vs = plan.values;
    run.env.metrics.recordsIn += vs.length;
    for (let i = 0; i < vs.length; i++) emit(vs[i]);
  },
};

/** Spark's slicing: partition i holds [floor(i*len/n), floor((i+1)*len/n)). */
export function parallelCollectionRDD<T>(sc: SparkContext, data: T[], numSlices: number): RDD<T> {
  const len = data.length;
  const slices = Array.from({ length: numSlices }, (_, i) => data.slice(Math.floor((i * len) / numSlices), Math.floor(((i + 1) * len) / numSlices)));
  return new RDD<T>(sc, {
    className: 'ParallelCollectionRDD', opName: 'parallelize', numPartitions: numSlices, deps: [],
    planFor: (p): DataPlan => ({ k: 'data', values: slices[p] }),
  });
}
