import type { RDD } from './RDD';
import type { Partitioner } from './partitioner';
import type { AggregatorDesc } from './plan';

/** A parent whose partitions feed this RDD's partitions directly (no shuffle). */
export interface NarrowDependency { kind: 'narrow'; rdd: RDD<unknown> }

/** A parent whose records are redistributed by key: a stage boundary. */
export interface ShuffleDependency {
  kind: 'shuffle';
  rdd: RDD<unknown>;
  shuffleId: number;
  partitioner: Partitioner;
  aggregator?: AggregatorDesc;
  mapSideCombine: boolean;
  keyOrdering?: 'ascending' | 'descending';
  /** The operation that introduced the shuffle (reduceByKey, join, ...), named in errors about its input. */
  opName?: string;
}

export type Dependency = NarrowDependency | ShuffleDependency;
