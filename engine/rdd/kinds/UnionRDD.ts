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
  // Read when needed: an input's count may settle at the first action (sortByKey's RangePartitioner).
  const index = (): [RDD<T>, number][] => rdds.flatMap((r) => Array.from({ length: r.getNumPartitions() }, (_, p): [RDD<T>, number] => [r, p]));
  const rdd: RDD<T> = new RDD<T>(sc, {
    className: 'UnionRDD', opName: 'union', numPartitions: () => rdds.reduce((n, r) => n + r.getNumPartitions(), 0),
    deps: rdds.map((r) => ({ kind: 'narrow' as const, rdd: r })),
    planFor: (p, ctx): UnionPlan => { const [r, q] = index()[p]; return { k: 'union', rddId: rdd.id, parts: [r.planOf(q, ctx)] }; },
  });
  return rdd;
}
