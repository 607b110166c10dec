/** Spark's BlockRDD: partitions are blocks stored by receivers, read from this executor or fetched from another. */
import { BlockNotFoundError } from '../../executor/taskErrors';
import { RDD } from '../RDD';
import type { SparkContext } from '../SparkContext';
import type { PlanKind } from './kind';

/** `locations[i]` are the executors holding block i (null: unknown). */
export interface BlocksPlan { k: 'blocks'; rddId: number; blockIds: string[]; locations: (string[] | null)[] }

export const blockKind: PlanKind<BlocksPlan> = {
  rddClass: 'BlockRDD',
  inputs: () => [],
  async prefetch(plan, run) {
    const all: unknown[] = [];
    for (let i = 0; i < plan.blockIds.length; i++) {
      const id = plan.blockIds[i];
      const values = run.env.getLocalBlock(id) ?? await run.env.fetchRemoteBlock(id, plan.locations[i] ?? []);
      if (!values) throw new BlockNotFoundError(id, plan.rddId);
      for (const v of values) all.push(v);
    }
    run.store(plan, all);
  },
  push(plan, run, emit) {
    const vs = run.fetched(plan) as unknown[];
    run.env.metrics.recordsIn += vs.length;
    for (let i = 0; i < vs.length; i++) emit(vs[i]);
  },
  preferredLocations: (plan) => plan.locations.flatMap((l) => l ?? []),
};

/** One partition per block; a block's locations default to where the driver last saw it stored. */
export function blockRDD<T>(sc: SparkContext, blockIds: string[], locations: (string[] | null)[], opName: string): RDD<T> {
  const rdd: RDD<T> = new RDD<T>(sc, {
    className: 'BlockRDD', opName, numPartitions: blockIds.length, deps: [],
    planFor: (p): BlocksPlan => ({ k: 'blocks', rddId: rdd.id, blockIds: [blockIds[p]],
      locations: [locations[p] ?? [...(sc.dagScheduler.blockLocations.get(blockIds[p]) ?? [])]] }),
  });
  return rdd;
}
