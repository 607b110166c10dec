/**
 * Spark's ShuffledRDD: the reduce side of a shuffle. Its partition fetches one bucket from every map output, then
 * combines by key (with an aggregator), sorts by key (sortByKey) or passes the records on in map order.
 */
import { AppendOnlyMap } from '../../core/appendOnlyMap';
import { compileAggregator } from '../../executor/records';
import type { ShuffleDependency } from '../dependency';
import { keyCompare } from '../ordering';
import type { Partitioner } from '../partitioner';
import type { AggregatorDesc, MapLocations } from '../plan';
import { RDD } from '../RDD';
import type { PlanKind } from './kind';

/** A reduce partition's read of shuffle `shuffleId` (rddId -1: an input read inside a CoGroupedRDD or SubtractedRDD). */
export interface ShufflePlan {
  k: 'shuffle'; rddId: number; shuffleId: number; reduceId: number; maps: MapLocations;
  aggregator?: AggregatorDesc; mapSideCombine: boolean; keyOrdering?: 'ascending' | 'descending';
}

export const shuffledKind: PlanKind<ShufflePlan> = {
  rddClass: 'ShuffledRDD',
  inputs: () => [],
  async prefetch(plan, run) {
    const buckets: unknown[][] = [];
    for (let mapId = 0; mapId < plan.maps.length; mapId++) {
      buckets.push(await run.env.fetchShuffleBlock(plan.shuffleId, mapId, plan.reduceId, plan.maps[mapId]));
    }
    run.store(plan, buckets);
  },
  push(plan, run, emit) {
    const buckets = run.fetched(plan) as unknown[][];
    const env = run.env;
    let n = 0;
    for (const b of buckets) n += b.length;
    env.metrics.shuffleReadRecords += n;
    env.metrics.recordsIn += n;
    if (plan.aggregator) {
      const agg = compileAggregator(plan.aggregator, env);
      const map = new AppendOnlyMap<unknown, unknown>();
      if (plan.mapSideCombine) {
        for (const b of buckets) for (const kv of b) { const p = kv as [unknown, unknown]; map.combine(p[0], p[1], null, agg.mergeCombiners); }
      } else {
        for (const b of buckets) for (const kv of b) { const p = kv as [unknown, unknown]; map.combine(p[0], p[1], agg.createCombiner, agg.mergeValue); }
      }
      map.forEach((k, v) => emit([k, v]));
      return;
    }
    if (plan.keyOrdering) {
      const all: [unknown, unknown][] = [];
      for (const b of buckets) for (const kv of b) all.push(kv as [unknown, unknown]);
      const sign = plan.keyOrdering === 'ascending' ? 1 : -1;
      all.sort((a, b) => sign * keyCompare(a[0], b[0]));
      for (const kv of all) emit(kv);
      return;
    }
    for (const b of buckets) for (const kv of b) emit(kv);
  },
  userOp: (plan) => (plan.aggregator ? 'combineByKey' : undefined),
};

/** The child side of a new shuffle dependency on `parent`. */
export function shuffledRDD<K, V, C = V>(parent: RDD<[K, V]>, partitioner: Partitioner, aggregator: AggregatorDesc | undefined,
  mapSideCombine: boolean, opName: string, keyOrdering?: 'ascending' | 'descending'): RDD<[K, C]> {
  const dep: ShuffleDependency = { kind: 'shuffle', rdd: parent, shuffleId: parent.sc.newShuffleId(), partitioner, aggregator, mapSideCombine, keyOrdering, opName };
  const rdd: RDD<[K, C]> = new RDD(parent.sc, {
    className: 'ShuffledRDD', opName, numPartitions: () => partitioner.numPartitions, deps: [dep], partitioner,
    planFor: (p, ctx): ShufflePlan => ({ k: 'shuffle', rddId: rdd.id, shuffleId: dep.shuffleId, reduceId: p, maps: ctx.mapLocations(dep.shuffleId),
      aggregator, mapSideCombine, keyOrdering }),
  });
  return rdd;
}
