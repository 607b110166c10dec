/** Spark's UnionRDD: the partitions of every input, one after another (partition i is one input partition). */
import { RDD } from '../RDD';
import type { SparkContext } from '../SparkContext';
import type { PartPlan } from './index';
import type { PlanKind } from './kind';

export interface UnionPlan { k: 'union'; rddId: number; parts: PartPlan[] }

export const unionKind: PlanKind<UnionPlan> = {
  rddClass: 'UnionRDD',
  inputs: (plan) => plan.parts,
  push(plan, run, emit) { for (const p of plan.parts) run.push(p, emit); },
};

export function unionRDD<T>(sc: SparkContext, rdds: RDD<T>[]): RDD<T> {
  const index: [RDD<T>, number][] = [];
  for (const r of rdds) for (let p = 0; p < r.getNumPartitions(); p++) index.push([r, p]);
  const rdd: RDD<T> = new RDD<T>(sc, {
    className: 'UnionRDD', opName: 'union', numPartitions: index.length,
    deps: rdds.map((r) => ({ kind: 'narrow' as const, rdd: r })),
    planFor: (p, ctx): UnionPlan => ({ k: 'union', rddId: rdd.id, parts: [index[p][0].planOf(index[p][1], ctx)] }),
  });
  return rdd;
}
