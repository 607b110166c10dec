/**
 * The executor's plan interpreter, a walker over the plan kinds of rdd/kinds. Two phases per task: `prefetch`
 * gathers every asynchronous input (shuffle buckets, remote and cached blocks), then `push` runs the whole
 * narrow chain as one fused, synchronous loop per partition — records flow through map/filter/flatMap without
 * an array per operator. How each kind fetches and pushes is its own definition's business.
 */
import type { ShippedFn } from '../core/closure';
import { formatRecord } from '../core/format';
import type { RecordSample } from '../rdd/plan';
import type { RecordedPartitionValues } from '../rdd/kinds/RecordedPartition';
import { kindOf, type PartPlan } from '../rdd/kinds/index';
import type { PartitionRun, PrefetchRun } from '../rdd/kinds/kind';
import { withTaskContext, type TaskContextInfo } from './taskContext';

export { asPair, compileAggregator, describeRecord } from './records';

/**
 * Where a kind pushes its records. `pair`, when present, takes a key-value record as two arguments: a consumer
 * that takes every pair apart at once (a map-side combine) offers it, and a producer that would build a fresh
 * tuple only to be taken apart (constantPair.ts) may call it instead. A sampling wrapper never offers it.
 */
export type Emit = ((record: unknown) => void) & { readonly pair?: (key: unknown, value: unknown) => void };

export interface EvalEnv {
  compile<F>(fn: ShippedFn): F;
  /** Records of one map output bucket; throws FetchFailedError when the map output is gone. */
  fetchShuffleBlock(shuffleId: number, mapId: number, reduceId: number, executorId: string | null): Promise<unknown[]>;
  /** A block's records from this executor's block manager, or undefined. */
  getLocalBlock(blockId: string): unknown[] | undefined;
  /** A block's records from another executor, or undefined if none of them has it. */
  fetchRemoteBlock(blockId: string, locations: string[]): Promise<unknown[] | undefined>;
  /** Stores a computed cached partition; returns nothing (block updates are collected by the executor). */
  putBlock(blockId: string, values: unknown[], level: import('../rdd/storageLevel').StorageLevelDesc, rddId: number): void;
  metrics: { recordsIn: number; shuffleReadRecords: number; shuffleReadBytes: number };
  /** RDD ids whose records are sampled for the studio's data preview. */
  sampleRdds?: Set<number>;
  samples: Map<number, RecordSample>;
  sampleLimit: number;
  /** Where recorded partitions (input RDDs kept for "Export with this run's data") put their records. */
  recordedPartitions?: RecordedPartitionValues[];
  /** The running task, for TaskContext.get() inside user functions. */
  taskContext?: TaskContextInfo;
}

export { TaskContext, type TaskContextInfo } from './taskContext';

/** Inputs fetched before the synchronous push phase, keyed by plan node. */
export type Prefetched = Map<PartPlan, unknown[] | unknown[][]>;

/** Fetches the asynchronous inputs of `plan`, each kind its own, in plan order. */
export async function prefetch(plan: PartPlan, env: EvalEnv, out: Prefetched = new Map()): Promise<Prefetched> {
  const run: PrefetchRun = {
    env,
    prefetch: async (input) => {
      const kind = kindOf(input);
      if (kind.prefetch) return kind.prefetch(input, run);
      for (const p of kind.inputs(input)) await run.prefetch(p);
    },
    store: (node, values) => { out.set(node, values); },
  };
  await run.prefetch(plan);
  return out;
}

/** Pushes every record of the partition described by `plan` into `emit`. */
export function push(plan: PartPlan, env: EvalEnv, pre: Prefetched, emit: Emit): void {
  const run = new TaskPartitionRun(env, pre);
  if (!env.taskContext) return run.push(plan, emit);
  // User functions run synchronously inside push, so the task's context is current for exactly that long.
  withTaskContext(env.taskContext, () => run.push(plan, emit));
}

export function materialize(plan: PartPlan, env: EvalEnv, pre: Prefetched): unknown[] {
  const out: unknown[] = [];
  push(plan, env, pre, (x) => { out.push(x); });
  return out;
}

/** One task's walk: each plan node is pushed by its kind, its records sampled when the studio watches its RDD. */
class TaskPartitionRun implements PartitionRun {
  constructor(readonly env: EvalEnv, private readonly pre: Prefetched) {}

  push(plan: PartPlan, emit: Emit): void {
    const kind = kindOf(plan);
    kind.push(plan, this, kind.samplesItself || !('rddId' in plan) ? emit : this.tap(plan.rddId, emit));
  }

  materialize(plan: PartPlan): unknown[] {
    const out: unknown[] = [];
    this.push(plan, (x) => { out.push(x); });
    return out;
  }

  fetched(plan: PartPlan): unknown[] | unknown[][] | undefined { return this.pre.get(plan); }

  tap(rddId: number, emit: Emit): Emit { return sampler(rddId, this.env, emit); }
}

/** Wraps `emit` to count and keep the first records of an RDD the studio watches. */
function sampler(rddId: number, env: EvalEnv, emit: Emit): Emit {
  if (!env.sampleRdds || !env.sampleRdds.has(rddId)) return emit;
  let s = env.samples.get(rddId);
  if (!s) { s = { count: 0, records: [] }; env.samples.set(rddId, s); }
  const sample = s, limit = env.sampleLimit;
  return (x) => {
    sample.count++;
    if (sample.records.length < limit) sample.records.push(formatRecord(x));
    emit(x);
  };
}
