/** Spark's CoalescedRDD without locality: target partition i reads the contiguous parent range [i*n/t, (i+1)*n/t). */
import { RDD, range } from '../RDD';
import type { PartPlan } from './index';
import type { PlanKind } from './kind';

export interface CoalescedPlan { k: 'coalesced'; rddId: number; parts: PartPlan[] }

export const coalescedKind: PlanKind<CoalescedPlan> = {
  rddClass: 'CoalescedRDD',
  inputs: (plan) => plan.parts,
  push(plan, run, emit) { for (const p of plan.parts) run.push(p, emit); },
};

export function coalescedRDD<T>(parent: RDD<T>, target: number, opName: string): RDD<T> {
  // Read when needed: the parent's count may settle at the first action (sortByKey's RangePartitioner).
  const t = () => Math.min(target, parent.getNumPartitions());
  const group = (i: number) => { const n = parent.getNumPartitions(); return range(n).slice(Math.floor((i * n) / t()), Math.floor(((i + 1) * n) / t())); };
  const rdd: RDD<T> = new RDD(parent.sc, {
    className: 'CoalescedRDD', opName, numPartitions: t,
    deps: [{ kind: 'narrow', rdd: parent }],
    planFor: (p, ctx): CoalescedPlan => ({ k: 'coalesced', rddId: rdd.id, parts: group(p).map((pp) => parent.planOf(pp, ctx)) }),
  });
  return rdd;
}
