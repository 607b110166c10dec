/**
 * Spark's SubtractedRDD (subtractByKey): the pairs of the left input whose key is not in the right one. Like
 * Spark's compute, the left pairs are grouped into a java.util.HashMap<K, ArrayBuffer<V>>, the right side's keys
 * removed, and the map iterated, so the output follows HashMap's order.
 */
import { JavaHashMap } from '../../core/javaHashMap';
import { asPair } from '../../executor/records';
import type { Partitioner } from '../partitioner';
import { RDD } from '../RDD';
import { coPartitionedDeps, coPartitionedInputs } from './coPartitioned';
import type { PartPlan } from './index';
import type { PlanKind } from './kind';

export interface SubtractPlan { k: 'subtract'; rddId: number; left: PartPlan; right: PartPlan }

export const subtractedKind: PlanKind<SubtractPlan> = {
  rddClass: 'SubtractedRDD',
  inputs: (plan) => [plan.left, plan.right],
  push(plan, run, emit) {
    const map = new JavaHashMap<unknown, unknown[]>();
    run.push(plan.left, (kv) => {
      const p = asPair(kv, 'subtractByKey');
      map.changeValue(p[0], (had, old) => { if (!had) return [p[1]]; old!.push(p[1]); return old!; });
    });
    run.push(plan.right, (kv) => { map.remove(asPair(kv, 'subtractByKey')[0]); });
    map.forEach((k, vs) => { for (const v of vs) emit([k, v]); });
  },
};

export function subtractedRDD<K, V, W>(left: RDD<[K, V]>, right: RDD<[K, W]>, partitioner: Partitioner): RDD<[K, V]> {
  const sc = left.sc;
  const deps = coPartitionedDeps(sc, [left, right], partitioner, 'subtractByKey');
  const rdd: RDD<[K, V]> = new RDD(sc, {
    className: 'SubtractedRDD', opName: 'subtractByKey', numPartitions: partitioner.numPartitions, deps, partitioner,
    planFor: (p, ctx): SubtractPlan => {
      const [l, r] = coPartitionedInputs(deps, p, ctx);
      return { k: 'subtract', rddId: rdd.id, left: l, right: r };
    },
  });
  return rdd;
}
