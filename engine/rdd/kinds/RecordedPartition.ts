/**
 * A partition of an input DStream's RDD whose records the studio keeps for "Export with this run's data". Not an
 * RDD class: the driver wraps the plan of a recorded RDD's partition (RDD.planOf) while its recorder wants it, so
 * the task that computes the partition anyway hands its records back with its result; no extra job runs. The plan
 * carries the partition index because a task of a union or a window computes its inputs' partitions under other
 * indices than its own.
 */
import type { PartPlan } from './index';
import type { PlanKind } from './kind';

export interface RecordedPlan { k: 'recorded'; rddId: number; partition: number; inner: PartPlan }

/** What a task hands back for one recorded partition: its records, in order. */
export interface RecordedPartitionValues { rddId: number; partition: number; values: unknown[] }

export const recordedPartitionKind: PlanKind<RecordedPlan> = {
  inputs: (plan) => [plan.inner],
  // The inner plan samples the RDD for the data preview; this node only keeps a copy of what flows through.
  samplesItself: true,
  push(plan, run, emit) {
    const values: unknown[] = [];
    run.env.recordedPartitions?.push({ rddId: plan.rddId, partition: plan.partition, values });
    run.push(plan.inner, (x) => { values.push(x); emit(x); });
  },
};
