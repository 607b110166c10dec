/** Spark's CoGroupedRDD: for each key, one CompactBuffer of values per input (inputs are co-partitioned or shuffled). */
import { AppendOnlyMap } from '../../core/appendOnlyMap';
import { CompactBuffer } from '../../core/compactBuffer';
import { asPair } from '../../executor/records';
import type { Partitioner } from '../partitioner';
import { RDD } from '../RDD';
import { coPartitionedDeps, coPartitionedInputs } from './coPartitioned';
import type { PartPlan } from './index';
import type { PlanKind } from './kind';

export interface CoGroupPlan { k: 'cogroup'; rddId: number; inputs: PartPlan[] }

export const coGroupedKind: PlanKind<CoGroupPlan> = {
  rddClass: 'CoGroupedRDD',
  inputs: (plan) => plan.inputs,
  push(plan, run, emit) {
    const n = plan.inputs.length;
    const map = new AppendOnlyMap<unknown, CompactBuffer<unknown>[]>();
    plan.inputs.forEach((input, depNum) => {
      run.push(input, (kv) => {
        const p = asPair(kv, 'cogroup');
        map.changeValue(p[0], (had, old) => {
          const groups = had ? old! : Array.from({ length: n }, () => new CompactBuffer<unknown>());
          groups[depNum].push(p[1]);
          return groups;
        });
      });
    });
    map.forEach((k, groups) => emit([k, groups]));
  },
};

export function coGroupedRDD<K>(rdds: RDD<[K, unknown]>[], partitioner: Partitioner, opName: string): RDD<[K, CompactBuffer<unknown>[]]> {
  const sc = rdds[0].sc;
  const deps = coPartitionedDeps(sc, rdds, partitioner, opName);
  const rdd: RDD<[K, CompactBuffer<unknown>[]]> = new RDD(sc, {
    className: 'CoGroupedRDD', opName, numPartitions: partitioner.numPartitions, deps, partitioner,
    planFor: (p, ctx): CoGroupPlan => ({ k: 'cogroup', rddId: rdd.id, inputs: coPartitionedInputs(deps, p, ctx) }),
  });
  return rdd;
}
