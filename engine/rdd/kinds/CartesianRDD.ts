/** Spark's CartesianRDD: partition (i, j) pairs every record of partition i of the left with partition j of the right. */
import { RDD } from '../RDD';
import type { PartPlan } from './index';
import type { PlanKind } from './kind';

export interface CartesianPlan { k: 'cartesian'; rddId: number; left: PartPlan; right: PartPlan }

export const cartesianKind: PlanKind<CartesianPlan> = {
  rddClass: 'CartesianRDD',
  inputs: (plan) => [plan.left, plan.right],
  push(plan, run, emit) {
    const left = run.materialize(plan.left), right = run.materialize(plan.right);
    for (const x of left) for (const y of right) emit([x, y]);
  },
};

export function cartesianRDD<T, U>(left: RDD<T>, right: RDD<U>): RDD<[T, U]> {
  const n2 = () => right.getNumPartitions();   // read when needed: a count may settle at the first action (sortByKey)
  const rdd: RDD<[T, U]> = new RDD(left.sc, {
    className: 'CartesianRDD', opName: 'cartesian', numPartitions: () => left.getNumPartitions() * n2(),
    deps: [{ kind: 'narrow', rdd: left }, { kind: 'narrow', rdd: right }],
    planFor: (p, ctx): CartesianPlan => ({ k: 'cartesian', rddId: rdd.id, left: left.planOf(Math.floor(p / n2()), ctx), right: right.planOf(p % n2(), ctx) }),
  });
  return rdd;
}
