/**
 * What an RDD kind answers for the executor and the scheduler. A kind's partition plan is plain data (it is
 * cloned to executors); its PlanKind says how that plan is computed there. The evaluator, the scheduler's
 * preferred locations and the task-site namer walk plans only through these definitions (see ./index.ts).
 */
import type { Emit, EvalEnv } from '../../executor/evaluate';
import type { PartPlan } from './index';

/** Every plan node names its kind; `rddId` (when present) is the RDD whose partition it computes. */
export interface PlanNode { readonly k: string; readonly rddId?: number }

/** What prefetch offers a kind: its inputs' prefetch, and a slot for what it fetched itself. */
export interface PrefetchRun {
  readonly env: EvalEnv;
  prefetch(input: PartPlan): Promise<void>;
  store(plan: PartPlan, values: unknown[] | unknown[][]): void;
}

/** What a kind's push gets while its partition is computed: the task's environment and its inputs. */
export interface PartitionRun {
  readonly env: EvalEnv;
  /** Pushes every record of an input's partition into `emit` (one fused loop, no array per operator). */
  push(input: PartPlan, emit: Emit): void;
  /** An input's records as an array, for kinds that need the whole partition (cartesian, mapPartitions). */
  materialize(input: PartPlan): unknown[];
  /** What this node's prefetch stored, or undefined. */
  fetched(plan: PartPlan): unknown[] | unknown[][] | undefined;
  /** `emit` wrapped to count and keep the first records of `rddId` for the data preview. */
  tap(rddId: number, emit: Emit): Emit;
}

/** One kind of partition plan: how it is computed, where it prefers to run, which user operation it runs. */
export interface PlanKind<P extends PlanNode> {
  /** The Spark RDD class whose partitions this plan computes (absent for a cached partition, any RDD's). */
  readonly rddClass?: string;
  /** The plans this one reads, in order: what prefetch, preferred locations and task sites walk into. */
  inputs(plan: P): readonly PartPlan[];
  /** Fetches this node's asynchronous inputs (shuffle buckets, stored blocks); by default its inputs' prefetch in order. */
  prefetch?(plan: P, run: PrefetchRun): Promise<void>;
  /** Pushes the partition's records into `emit`, which already samples `rddId` unless `samplesItself`. */
  push(plan: P, run: PartitionRun, emit: Emit): void;
  /** Executors holding this node's data (Spark's getPreferredLocations); undefined or absent: those of its inputs. */
  preferredLocations?(plan: P): string[] | undefined;
  /** The operation name of a user function this node runs (named when a task hangs or exhausts memory). */
  userOp?(plan: P): string | undefined;
  /** Push samples the records itself (a cached partition samples only cache hits: its inner plan samples the rest). */
  readonly samplesItself?: boolean;
}
