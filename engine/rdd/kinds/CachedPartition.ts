/**
 * A persisted RDD's partition (Spark's RDD.getOrCompute): read from this executor's block manager or another
 * executor's, else computed from the RDD's own plan and stored. Not an RDD class: any RDD's plan can be wrapped.
 */
import type { StorageLevelDesc } from '../storageLevel';
import type { PartPlan } from './index';
import type { PlanKind } from './kind';

export interface CachedPlan { k: 'cached'; rddId: number; blockId: string; level: StorageLevelDesc; inner: PartPlan; locations: string[] }

export const cachedPartitionKind: PlanKind<CachedPlan> = {
  inputs: (plan) => [plan.inner],
  async prefetch(plan, run) {
    const local = run.env.getLocalBlock(plan.blockId);
    if (local) { run.store(plan, local); return; }
    const remote = plan.locations.length ? await run.env.fetchRemoteBlock(plan.blockId, plan.locations) : undefined;
    if (remote) { run.store(plan, remote); return; }
    await run.prefetch(plan.inner);
  },
  samplesItself: true,
  push(plan, run, emit) {
    const got = run.fetched(plan) as unknown[] | undefined;
    if (got) { const tap = run.tap(plan.rddId, emit); for (const x of got) tap(x); return; }
    // The inner plan samples this RDD as it computes it; only a cache hit is sampled here.
    const values = run.materialize(plan.inner);
    run.env.putBlock(plan.blockId, values, plan.level, plan.rddId);
    for (const x of values) emit(x);
  },
  preferredLocations: (plan) => (plan.locations.length ? plan.locations : undefined),
};
