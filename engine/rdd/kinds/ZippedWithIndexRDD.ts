/** Spark's ZippedWithIndexRDD (RDD.zipWithIndex): each record paired with its index across all partitions. */
import { RDD, range } from '../RDD';
import type { PartPlan } from './index';
import type { PlanKind } from './kind';

export interface ZipWithIndexPlan { k: 'zipWithIndex'; rddId: number; startIndex: number; parent: PartPlan }

export const zippedWithIndexKind: PlanKind<ZipWithIndexPlan> = {
  rddClass: 'ZippedWithIndexRDD',
  inputs: (plan) => [plan.parent],
  push(plan, run, emit) { let i = plan.startIndex; run.push(plan.parent, (x) => emit([x, i++])); },
};

export function zippedWithIndexRDD<T>(parent: RDD<T>): RDD<[T, number]> {
  const n = () => parent.getNumPartitions();   // read when needed: it may settle at the first action (sortByKey)
  let starts: number[] | undefined;
  const rdd: RDD<[T, number]> = new RDD(parent.sc, {
    className: 'ZippedWithIndexRDD', opName: 'zipWithIndex', numPartitions: n,
    deps: [{ kind: 'narrow', rdd: parent }],
    // Spark counts every partition but the last with a job before indexing.
    prepare: async () => {
      if (starts) return;
      const counts = n() > 1 ? await parent.sc.runResultJob(parent, { t: 'count' }, range(n() - 1)) as number[] : [];
      starts = [0];
      for (const c of counts) starts.push(starts[starts.length - 1] + c);
    },
    planFor: (p, ctx): ZipWithIndexPlan => ({ k: 'zipWithIndex', rddId: rdd.id, startIndex: starts![p], parent: parent.planOf(p, ctx) }),
  });
  return rdd;
}
