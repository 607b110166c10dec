/**
 * The executor's plan interpreter. Two phases per task: `prefetch` gathers every asynchronous input
 * (shuffle buckets, remote and cached blocks), then `push` runs the whole narrow chain as one fused,
 * synchronous loop per partition — records flow through map/filter/flatMap without an array per operator.
 */
import type { ShippedFn } from '../core/closure';
import { AppendOnlyMap } from '../core/appendOnlyMap';
import { CompactBuffer } from '../core/compactBuffer';
import { formatRecord } from '../core/format';
import { XORShiftRandom } from '../core/javaRandom';
import { BernoulliSampler, PoissonGapSampler, partitionwiseSamplingSeeds } from '../core/randomSampler';
import { keyCompare } from '../rdd/ordering';
import { registerShippedGlobal } from '../core/shippedGlobals';
import { hashCodeOf } from '../core/hash';
import { keyEquals } from '../core/equality';
import type { AggregatorDesc, NarrowOp, PartPlan, RecordSample } from '../rdd/plan';
import { FetchFailedError, BlockNotFoundError } from './taskErrors';
import { errors } from '../core/errors';

export type Emit = (record: unknown) => void;

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
  /** The running task, for TaskContext.get() inside user functions. */
  taskContext?: TaskContextInfo;
}

export interface TaskContextInfo { stageId: number; stageAttemptNumber: number; partitionId: number; attemptNumber: number; taskAttemptId: number }

let currentTask: TaskContext | undefined;

/**
 * Spark's TaskContext for user functions: `TaskContext.get()` inside a shipped function returns the task that
 * runs it (attemptNumber() is 0 on the first attempt, 1 on the first retry, ...); outside a task it returns null.
 */
export class TaskContext {
  private constructor(private readonly info: TaskContextInfo) {}
  static get(): TaskContext | null { return currentTask ?? null; }
  /** @internal */ static of(info: TaskContextInfo): TaskContext { return new TaskContext(info); }
  stageId(): number { return this.info.stageId; }
  stageAttemptNumber(): number { return this.info.stageAttemptNumber; }
  partitionId(): number { return this.info.partitionId; }
  attemptNumber(): number { return this.info.attemptNumber; }
  taskAttemptId(): number { return this.info.taskAttemptId; }
}
registerShippedGlobal('TaskContext', TaskContext);

/** Inputs fetched before the synchronous push phase, keyed by plan node. */
export type Prefetched = Map<PartPlan, unknown[] | unknown[][]>;

export async function prefetch(plan: PartPlan, env: EvalEnv, out: Prefetched = new Map()): Promise<Prefetched> {
  switch (plan.k) {
    case 'data': case 'empty': return out;
    case 'narrow': return prefetch(plan.parent, env, out);
    case 'concat': for (const p of plan.parts) await prefetch(p, env, out); return out;
    case 'cartesian': await prefetch(plan.left, env, out); return prefetch(plan.right, env, out);
    case 'cogroup': case 'zip': for (const p of plan.inputs) await prefetch(p, env, out); return out;
    case 'shuffle': {
      const buckets: unknown[][] = [];
      for (let mapId = 0; mapId < plan.maps.length; mapId++) {
        buckets.push(await env.fetchShuffleBlock(plan.shuffleId, mapId, plan.reduceId, plan.maps[mapId]));
      }
      out.set(plan, buckets);
      return out;
    }
    case 'blocks': {
      const all: unknown[] = [];
      for (let i = 0; i < plan.blockIds.length; i++) {
        const id = plan.blockIds[i];
        const values = env.getLocalBlock(id) ?? await env.fetchRemoteBlock(id, plan.locations[i] ?? []);
        if (!values) throw new BlockNotFoundError(id, plan.rddId);
        for (const v of values) all.push(v);
      }
      out.set(plan, all);
      return out;
    }
    case 'cached': {
      const local = env.getLocalBlock(plan.blockId);
      if (local) { out.set(plan, local); return out; }
      const remote = plan.locations.length ? await env.fetchRemoteBlock(plan.blockId, plan.locations) : undefined;
      if (remote) { out.set(plan, remote); return out; }
      return prefetch(plan.inner, env, out);
    }
  }
}

/** Pushes every record of the partition described by `plan` into `emit`. */
export function push(plan: PartPlan, env: EvalEnv, pre: Prefetched, emit: Emit): void {
  if (!env.taskContext) return pushPlan(plan, env, pre, emit);
  // User functions run synchronously inside push, so the task's context is current for exactly that long.
  const previous = currentTask;
  currentTask = TaskContext.of(env.taskContext);
  try { pushPlan(plan, env, pre, emit); } finally { currentTask = previous; }
}

function pushPlan(plan: PartPlan, env: EvalEnv, pre: Prefetched, emit: Emit): void {
  switch (plan.k) {
    case 'empty': return;
    case 'data': {
      const vs = plan.values;
      env.metrics.recordsIn += vs.length;
      for (let i = 0; i < vs.length; i++) emit(vs[i]);
      return;
    }
    case 'blocks': {
      const vs = pre.get(plan) as unknown[];
      env.metrics.recordsIn += vs.length;
      const tap = sampler(plan.rddId, env, emit);
      for (let i = 0; i < vs.length; i++) tap(vs[i]);
      return;
    }
    case 'narrow': return pushNarrow(plan.op, plan.parent, env, pre, sampler(plan.rddId, env, emit));
    case 'concat': { const tap = sampler(plan.rddId, env, emit); for (const p of plan.parts) push(p, env, pre, tap); return; }
    case 'cartesian': {
      const left = materialize(plan.left, env, pre), right = materialize(plan.right, env, pre);
      const tap = sampler(plan.rddId, env, emit);
      for (const x of left) for (const y of right) tap([x, y]);
      return;
    }
    case 'cogroup':
      if (plan.mode === 'subtract') return pushSubtract(plan.inputs, env, pre, sampler(plan.rddId, env, emit));
      return pushCogroup(plan.inputs, env, pre, sampler(plan.rddId, env, emit));
    case 'zip': {
      const f = env.compile<(...parts: unknown[][]) => Iterable<unknown>>(plan.f);
      const tap = sampler(plan.rddId, env, emit);
      for (const y of iterableResult(f(...plan.inputs.map((p) => materialize(p, env, pre))), 'zipPartitions')) tap(y);
      return;
    }
    case 'shuffle': return pushShuffleRead(plan, pre.get(plan) as unknown[][], env, sampler(plan.rddId, env, emit));
    case 'cached': {
      const got = pre.get(plan) as unknown[] | undefined;
      const tap = sampler(plan.rddId, env, emit);
      if (got) { for (const x of got) tap(x); return; }
      // The inner plan samples this RDD as it computes it; only a cache hit is sampled here.
      const values = materialize(plan.inner, env, pre);
      env.putBlock(plan.blockId, values, plan.level, plan.rddId);
      for (const x of values) emit(x);
      return;
    }
  }
}

export function materialize(plan: PartPlan, env: EvalEnv, pre: Prefetched): unknown[] {
  const out: unknown[] = [];
  push(plan, env, pre, (x) => { out.push(x); });
  return out;
}

function pushNarrow(op: NarrowOp, parent: PartPlan, env: EvalEnv, pre: Prefetched, emit: Emit): void {
  switch (op.t) {
    case 'map': { const f = env.compile<(x: unknown) => unknown>(op.f); return push(parent, env, pre, (x) => emit(f(x))); }
    case 'filter': { const f = env.compile<(x: unknown) => unknown>(op.f); return push(parent, env, pre, (x) => { if (f(x)) emit(x); }); }
    case 'flatMap': {
      const f = env.compile<(x: unknown) => Iterable<unknown>>(op.f);
      return push(parent, env, pre, (x) => { for (const y of iterableResult(f(x), 'flatMap')) emit(y); });
    }
    case 'mapValues': {
      const f = env.compile<(v: unknown) => unknown>(op.f);
      return push(parent, env, pre, (kv) => { const p = asPair(kv, 'mapValues'); emit([p[0], f(p[1])]); });
    }
    case 'flatMapValues': {
      const f = env.compile<(v: unknown) => Iterable<unknown>>(op.f);
      return push(parent, env, pre, (kv) => { const p = asPair(kv, 'flatMapValues'); for (const y of iterableResult(f(p[1]), 'flatMapValues')) emit([p[0], y]); });
    }
    case 'keyBy': { const f = env.compile<(x: unknown) => unknown>(op.f); return push(parent, env, pre, (x) => emit([f(x), x])); }
    case 'mapPartitions': {
      const f = env.compile<(...a: unknown[]) => Iterable<unknown>>(op.f);
      const input = materialize(parent, env, pre);
      const result = op.withIndex ? f(op.partition, input) : f(input);
      for (const y of iterableResult(result, op.withIndex ? 'mapPartitionsWithIndex' : 'mapPartitions')) emit(y);
      return;
    }
    case 'glom': { emit(materialize(parent, env, pre)); return; }
    case 'distinct': {
      const map = new AppendOnlyMap<unknown, null>();
      push(parent, env, pre, (x) => { map.changeValue(x, () => null); });
      map.forEach((k) => emit(k));
      return;
    }
    case 'zipWithIndex': { let i = op.startIndex; return push(parent, env, pre, (x) => emit([x, i++])); }
    case 'distributePartition': {
      // Spark's coalesce(shuffle = true): round-robin from a position seeded by the partition index.
      let position = new XORShiftRandom(op.partition).nextInt(op.numPartitions);
      return push(parent, env, pre, (x) => { position += 1; emit([position, x]); });
    }
    case 'sample': {
      // Spark's PartitionwiseSampledRDD: partition i's sampler is seeded with the i-th nextLong() of Random(seed).
      const seed = partitionwiseSamplingSeeds(op.seed, op.partition + 1)[op.partition];
      if (op.withReplacement) {
        const sampler = new PoissonGapSampler(op.fraction);
        sampler.setSeed(seed);
        return push(parent, env, pre, (x) => { const n = sampler.sample(); for (let i = 0; i < n; i++) emit(x); });
      }
      const sampler = new BernoulliSampler(op.fraction);
      sampler.setSeed(seed);
      return push(parent, env, pre, (x) => { if (sampler.sample() > 0) emit(x); });
    }
    case 'combineByKey': {
      const { createCombiner, mergeValue } = compileAggregator(op.aggregator, env);
      const map = new AppendOnlyMap<unknown, unknown>();
      push(parent, env, pre, (kv) => { const p = asPair(kv, 'combineByKey'); map.combine(p[0], p[1], createCombiner, mergeValue); });
      map.forEach((k, v) => emit([k, v]));
      return;
    }
  }
}

function pushCogroup(inputs: PartPlan[], env: EvalEnv, pre: Prefetched, emit: Emit): void {
  const n = inputs.length;
  const map = new AppendOnlyMap<unknown, CompactBuffer<unknown>[]>();
  inputs.forEach((input, depNum) => {
    push(input, env, pre, (kv) => {
      const p = asPair(kv, 'cogroup');
      map.changeValue(p[0], (had, old) => {
        const groups = had ? old! : Array.from({ length: n }, () => new CompactBuffer<unknown>());
        groups[depNum].push(p[1]);
        return groups;
      });
    });
  });
  map.forEach((k, groups) => emit([k, groups]));
}

/**
 * Spark's SubtractedRDD.compute: the left pairs grouped into a java.util.HashMap<K, ArrayBuffer<V>>, the right
 * side's keys removed, then the map iterated. Iteration follows HashMap's table: bucket (hash ^ hash >>> 16) &
 * (capacity - 1), capacity 16 doubling past 0.75 load, insertion order within a bucket (resizing keeps it).
 * Tree bins (8+ colliding keys in one bucket) are not modelled.
 */
function pushSubtract(inputs: PartPlan[], env: EvalEnv, pre: Prefetched, emit: Emit): void {
  type Entry = { key: unknown; hash: number; values: unknown[] };
  let capacity = 16;
  let table: Entry[][] = Array.from({ length: capacity }, () => []);
  let size = 0;
  const spread = (k: unknown) => { const h = hashCodeOf(k); return (h ^ (h >>> 16)) | 0; };
  const find = (bucket: Entry[], key: unknown) => bucket.findIndex((e) => keyEquals(e.key, key));
  push(inputs[0], env, pre, (kv) => {
    const p = asPair(kv, 'subtractByKey');
    const hash = spread(p[0]);
    const bucket = table[hash & (capacity - 1)];
    const i = find(bucket, p[0]);
    if (i >= 0) { bucket[i].values.push(p[1]); return; }
    bucket.push({ key: p[0], hash, values: [p[1]] });
    if (++size > capacity * 0.75) {
      const old = table;
      capacity *= 2;
      table = Array.from({ length: capacity }, () => []);
      for (const b of old) for (const e of b) table[e.hash & (capacity - 1)].push(e);
    }
  });
  push(inputs[1], env, pre, (kv) => {
    const p = asPair(kv, 'subtractByKey');
    const bucket = table[spread(p[0]) & (capacity - 1)];
    const i = find(bucket, p[0]);
    if (i >= 0) bucket.splice(i, 1);
  });
  for (const bucket of table) for (const e of bucket) for (const v of e.values) emit([e.key, v]);
}

function pushShuffleRead(plan: Extract<PartPlan, { k: 'shuffle' }>, buckets: unknown[][], env: EvalEnv, emit: Emit): void {
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
}

export function compileAggregator(a: AggregatorDesc, env: EvalEnv) {
  return {
    createCombiner: env.compile<(v: unknown) => unknown>(a.createCombiner),
    mergeValue: env.compile<(c: unknown, v: unknown) => unknown>(a.mergeValue),
    mergeCombiners: env.compile<(c1: unknown, c2: unknown) => unknown>(a.mergeCombiners),
  };
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

export function asPair(x: unknown, op: string): [unknown, unknown] {
  if (Array.isArray(x) && x.length === 2) return x as [unknown, unknown];
  throw errors.notAPair(op, describeRecord(x));
}

function iterableResult(r: unknown, op: string): Iterable<unknown> {
  if (r !== null && r !== undefined && typeof (r as Iterable<unknown>)[Symbol.iterator] === 'function') return r as Iterable<unknown>;
  throw errors.notIterableResult(op, describeRecord(r));
}

export function describeRecord(x: unknown): string {
  let shown: string;
  try { shown = formatRecord(x); } catch { shown = String(x); }
  if (shown.length > 60) shown = shown.slice(0, 57) + '...';
  if (typeof x === 'string') shown = JSON.stringify(shown);
  const kind = x === null ? 'null' : x === undefined ? 'undefined' : Array.isArray(x) ? `a tuple of ${x.length}` : typeof x === 'object' ? 'an object' : `a ${typeof x}`;
  return x === null || x === undefined ? kind : `${shown} (${kind})`;
}
