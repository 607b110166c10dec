/**
 * The registry of plan kinds: one immutable table, keyed by a plan's `k`, built from explicit imports. The
 * evaluator (executor/evaluate.ts), the scheduler's preferred locations and cluster/taskSites.ts walk plans only
 * through it. A new kind adds its plan type to PartPlan and its definition to KINDS (see README.md).
 */
import { blockKind, type BlocksPlan } from './BlockRDD';
import { cachedPartitionKind, type CachedPlan } from './CachedPartition';
import { cartesianKind, type CartesianPlan } from './CartesianRDD';
import { coalescedKind, type CoalescedPlan } from './CoalescedRDD';
import { coGroupedKind, type CoGroupPlan } from './CoGroupedRDD';
import { emptyKind, type EmptyPlan } from './EmptyRDD';
import type { PlanKind } from './kind';
import { hadoopKind, type InputPlan } from './HadoopRDD';
import { localCheckpointKind, type LocalCheckpointPlan } from './LocalCheckpointRDD';
import { mapPartitionsKind, type NarrowPlan } from './MapPartitionsRDD';
import { parallelCollectionKind, type DataPlan } from './ParallelCollectionRDD';
import { partitionerAwareUnionKind, type PartitionerAwareUnionPlan } from './PartitionerAwareUnionRDD';
import { partitionwiseSampledKind, type SamplePlan } from './PartitionwiseSampledRDD';
import { recordedPartitionKind, type RecordedPlan } from './RecordedPartition';
import { shuffledKind, type ShufflePlan } from './ShuffledRDD';
import { subtractedKind, type SubtractPlan } from './SubtractedRDD';
import { unionKind, type UnionPlan } from './UnionRDD';
import { zippedPartitionsKind, type ZipPlan } from './ZippedPartitionsRDD';
import { zippedWithIndexKind, type ZipWithIndexPlan } from './ZippedWithIndexRDD';

/** How one partition of an RDD is computed: serializable data the driver resolves per task and an executor interprets. */
export type PartPlan =
  | DataPlan
  | EmptyPlan
  | BlocksPlan
  | NarrowPlan
  | SamplePlan
  | ZipWithIndexPlan
  | UnionPlan
  | PartitionerAwareUnionPlan
  | CoalescedPlan
  | CartesianPlan
  | ZipPlan
  | ShufflePlan
  | CoGroupPlan
  | SubtractPlan
  | CachedPlan
  | LocalCheckpointPlan
  | InputPlan
  | RecordedPlan;

/** Every plan's kind, and only its own (a plan type without an entry, or an entry of the wrong type, does not compile). */
type KindTable = { readonly [K in PartPlan['k']]: PlanKind<Extract<PartPlan, { k: K }>> };

export const KINDS: KindTable = Object.freeze({
  data: parallelCollectionKind,
  empty: emptyKind,
  blocks: blockKind,
  narrow: mapPartitionsKind,
  sample: partitionwiseSampledKind,
  zipWithIndex: zippedWithIndexKind,
  union: unionKind,
  partitionerAwareUnion: partitionerAwareUnionKind,
  coalesced: coalescedKind,
  cartesian: cartesianKind,
  zip: zippedPartitionsKind,
  shuffle: shuffledKind,
  cogroup: coGroupedKind,
  subtract: subtractedKind,
  cached: cachedPartitionKind,
  localCheckpoint: localCheckpointKind,
  input: hadoopKind,
  recorded: recordedPartitionKind,
});

/** The definition of a plan's kind. */
export function kindOf(plan: PartPlan): PlanKind<PartPlan> {
  return KINDS[plan.k];
}

