/** Spark's ZippedPartitionsRDD2 (RDD.zipPartitions): partition i of every input, given together to a user function. */
import type { ShippedFn } from '../../core/closure';
import { errors } from '../../core/errors';
import { iterableResult } from '../../executor/records';
import { RDD, ship, type Fn } from '../RDD';
import type { PartPlan } from './index';
import type { PlanKind } from './kind';

/** f(...partitions) => iterable */
export interface ZipPlan { k: 'zip'; rddId: number; inputs: PartPlan[]; f: ShippedFn }

export const zippedPartitionsKind: PlanKind<ZipPlan> = {
  rddClass: 'ZippedPartitionsRDD2',
  inputs: (plan) => plan.inputs,
  push(plan, run, emit) {
    const f = run.env.compile<(...parts: unknown[][]) => Iterable<unknown>>(plan.f);
    for (const y of iterableResult(f(...plan.inputs.map((p) => run.materialize(p))), 'zipPartitions')) emit(y);
  },
  userOp: () => 'zipPartitions',
};

/** All inputs must have as many partitions. */
export function zippedPartitionsRDD<T, U, R>(left: RDD<T>, right: RDD<U>, zip: Fn<[T[], U[]], Iterable<R>>, preservesPartitioning: boolean): RDD<R> {
  const n = left.getNumPartitions();
  if (right.getNumPartitions() !== n) throw errors.zipUnequalPartitions([n, right.getNumPartitions()]);
  const f = ship(zip, 'zipPartitions');
  const rdd: RDD<R> = new RDD<R>(left.sc, {
    className: 'ZippedPartitionsRDD2', opName: 'zipPartitions', numPartitions: n,
    deps: [{ kind: 'narrow', rdd: left }, { kind: 'narrow', rdd: right }],
    partitioner: preservesPartitioning ? left.partitioner : undefined,
    planFor: (p, ctx): ZipPlan => ({ k: 'zip', rddId: rdd.id, inputs: [left.planOf(p, ctx), right.planOf(p, ctx)], f }),
  });
  return rdd;
}
