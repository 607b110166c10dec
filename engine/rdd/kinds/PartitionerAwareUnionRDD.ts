/** Spark's PartitionerAwareUnionRDD: inputs sharing one partitioner; partition i concatenates partition i of each. */
import type { Partitioner } from '../partitioner';
import { RDD } from '../RDD';
import type { SparkContext } from '../SparkContext';
import type { PartPlan } from './index';
import type { PlanKind } from './kind';

export interface PartitionerAwareUnionPlan { k: 'partitionerAwareUnion'; rddId: number; parts: PartPlan[] }

export const partitionerAwareUnionKind: PlanKind<PartitionerAwareUnionPlan> = {
  rddClass: 'PartitionerAwareUnionRDD',
  inputs: (plan) => plan.parts,
  push(plan, run, emit) { for (const p of plan.parts) run.push(p, emit); },
};

/** `rdds` are non-empty and all partitioned by `partitioner`. */
export function partitionerAwareUnionRDD<T>(sc: SparkContext, rdds: RDD<T>[], partitioner: Partitioner): RDD<T> {
  const rdd: RDD<T> = new RDD<T>(sc, {
    className: 'PartitionerAwareUnionRDD', opName: 'union', numPartitions: () => partitioner.numPartitions, partitioner,
    deps: rdds.map((r) => ({ kind: 'narrow' as const, rdd: r })),
    planFor: (p, ctx): PartitionerAwareUnionPlan => ({ k: 'partitionerAwareUnion', rddId: rdd.id, parts: rdds.map((r) => r.planOf(p, ctx)) }),
  });
  return rdd;
}
