/**
 * Spark's ZippedPartitionsRDD2/3/4 (RDD.zipPartitions, and RDD.zip on top of it): partition i of every input,
 * given together to a user function. A zip plan pairs the records one by one instead, failing as Spark's zip
 * iterator does when one partition runs out before the other.
 */
import type { ShippedFn } from '../../core/closure';
import { errors } from '../../core/errors';
import { iterableResult } from '../../executor/records';
import { RDD } from '../RDD';
import type { PartPlan } from './index';
import type { PlanKind } from './kind';

/** f(...partitions) => iterable; without f, the two inputs zipped record by record. */
export interface ZipPlan { k: 'zip'; rddId: number; inputs: PartPlan[]; f?: ShippedFn }

export const zippedPartitionsKind: PlanKind<ZipPlan> = {
  rddClass: 'ZippedPartitionsRDD2',
  inputs: (plan) => plan.inputs,
  push(plan, run, emit) {
    const parts = plan.inputs.map((p) => run.materialize(p));
    if (!plan.f) {
      const [left, right] = parts;
      const n = Math.min(left.length, right.length);
      for (let i = 0; i < n; i++) emit([left[i], right[i]]);
      if (left.length !== right.length) throw errors.zipUnequalElements();
      return;
    }
    const f = run.env.compile<(...parts: unknown[][]) => Iterable<unknown>>(plan.f);
    for (const y of iterableResult(f(...parts), 'zipPartitions')) emit(y);
  },
  userOp: (plan) => (plan.f ? 'zipPartitions' : undefined),
};

/** All inputs must have as many partitions; `f` undefined zips two inputs record by record (RDD.zip). */
export function zippedPartitionsRDD<R>(rdds: RDD<unknown>[], f: ShippedFn | undefined, preservesPartitioning: boolean, opName = 'zipPartitions'): RDD<R> {
  const counts = rdds.map((r) => r.getNumPartitions());
  if (counts.some((c) => c !== counts[0])) throw errors.zipUnequalPartitions(counts);
  const rdd: RDD<R> = new RDD<R>(rdds[0].sc, {
    className: `ZippedPartitionsRDD${rdds.length}`, opName, numPartitions: () => rdds[0].getNumPartitions(),
    deps: rdds.map((r) => ({ kind: 'narrow', rdd: r })),
    partitioner: preservesPartitioning ? rdds[0].partitioner : undefined,
    planFor: (p, ctx): ZipPlan => ({ k: 'zip', rddId: rdd.id, inputs: rdds.map((r) => r.planOf(p, ctx)), ...(f ? { f } : {}) }),
  });
  return rdd;
}
