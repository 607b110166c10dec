/**
 * The inputs of an RDD over co-partitioned parents (CoGroupedRDD, SubtractedRDD): a narrow dependency on a parent
 * already partitioned by the partitioner, a shuffle dependency (without aggregation) on any other.
 */
import type { Dependency } from '../dependency';
import type { Partitioner } from '../partitioner';
import type { PlanContext, RDD } from '../RDD';
import type { SparkContext } from '../SparkContext';
import type { PartPlan } from './index';

export function coPartitionedDeps(sc: SparkContext, rdds: RDD<unknown>[], partitioner: Partitioner, opName: string): Dependency[] {
  return rdds.map((r) => partitioner.equals(r.partitioner)
    ? { kind: 'narrow', rdd: r }
    : { kind: 'shuffle', rdd: r, shuffleId: sc.newShuffleId(), partitioner, mapSideCombine: false, opName });
}

/** Partition `p` of every input: the parent's own plan, or a shuffle read of its records. */
export function coPartitionedInputs(deps: Dependency[], p: number, ctx: PlanContext): PartPlan[] {
  return deps.map((d): PartPlan => d.kind === 'narrow' ? d.rdd.planOf(p, ctx)
    : { k: 'shuffle', rddId: -1, shuffleId: d.shuffleId, reduceId: p, maps: ctx.mapLocations(d.shuffleId), mapSideCombine: false });
}
