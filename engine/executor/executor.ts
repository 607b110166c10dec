import { compileShipped, type ShippedFn } from '../core/closure';
import { stopwatch } from '../core/clock';
import { formatRecord } from '../core/format';
import { hashKeyComparator, PartitionedAppendOnlyMap } from '../core/appendOnlyMap';
import { Rng } from '../core/rng';
import { javaStringHashCode, nonNegativeMod, partitionKeySlotHashOf } from '../core/hash';
import { partitionerFromDesc } from '../rdd/partitioner';
import type { RecordSample, ResultOp, TaskDesc, TaskMetricsData, TaskOutcome } from '../rdd/plan';
import type { RecordedPartitionValues } from '../rdd/kinds/RecordedPartition';
import { BlockManager } from './blockManager';
import { asPair, compileAggregator, materialize, prefetch, push, type Emit, type EvalEnv } from './evaluate';
import { estimateRecordsSize } from './sizeEstimator';
import { EnoughRecords, FetchFailedError } from './taskErrors';
import { errors, failureCodeOf } from '../core/errors';
import { removeThenPollution, thenablesGuarded } from '../core/thenGuard';

/** How an executor reaches what is not in its own block manager (peers' shuffle outputs and blocks, broadcasts). */
export interface ExecutorPeers {
  fetchShuffleBlock(executorId: string, blockId: string): Promise<unknown[] | undefined>;
  fetchBlock(executorId: string, blockId: string): Promise<unknown[] | undefined>;
  getBroadcast(id: number): unknown;
}

export interface ExecutorOptions {
  id: string;
  host: string;
  cores: number;
  memoryBytes?: number;
  peers: ExecutorPeers;
  /** Records kept per watched RDD partition for the studio's data preview. */
  sampleLimit?: number;
  allowNetwork?: boolean;
  /**
   * Worker executors: checks that shuffle map output can cross to another executor (throws the codec's
   * NotSerializableException, which fails the map task as Spark fails a task with an unserializable record).
   */
  checkShuffleRecords?: (records: unknown[]) => void;
  /**
   * Browser worker executors (no hard heap limit): every WATCHDOG_EVERY calls of a user function, the heap in use
   * is read and the task fails with ExecutorOutOfMemoryError past the limit. Without a heap reading
   * (`used()` undefined: no performance.memory) the block manager's hard budget is set to the limit instead.
   */
  heapWatchdog?: { limitBytes: number; used: () => number | undefined };
}

/** User-function calls between two heap readings of the watchdog. */
const WATCHDOG_EVERY = 1024;

/** A running task was killed (a speculative copy lost the race, or the job was cancelled). */
export class TaskKilledError extends Error {
  constructor(readonly reason: string) { super(reason); this.name = 'TaskKilled'; }
}

/** Spark's Executor: runs tasks on its slots against its own block manager. Platform-neutral. */
export class Executor {
  readonly id: string;
  readonly host: string;
  readonly cores: number;
  readonly blockManager: BlockManager;
  private readonly peers: ExecutorPeers;
  private readonly sampleLimit: number;
  private readonly runtime: { getBroadcast(id: number): unknown; allowNetwork?: boolean };
  private readonly checkShuffleRecords?: (records: unknown[]) => void;
  /** Running tasks by id, with how to interrupt them (Spark's TaskRunner.kill: cooperative). */
  private readonly running = new Map<number, { killed?: string; wake?: () => void }>();

  constructor(opts: ExecutorOptions) {
    this.id = opts.id;
    this.host = opts.host;
    this.cores = opts.cores;
    this.peers = opts.peers;
    this.blockManager = new BlockManager(opts.id, opts.memoryBytes);
    this.sampleLimit = opts.sampleLimit ?? 20;
    this.runtime = { getBroadcast: (id) => this.peers.getBroadcast(id), allowNetwork: opts.allowNetwork };
    this.checkShuffleRecords = opts.checkShuffleRecords;
    const wd = opts.heapWatchdog;
    if (wd && wd.used() !== undefined) this.heapWatchdog = wd;
    else if (wd) this.blockManager.hardLimitBytes = wd.limitBytes;
  }

  private readonly heapWatchdog?: { limitBytes: number; used: () => number | undefined };

  /**
   * Compiles a shipped function, wrapped to catch a `then` added to a built-in prototype right after the call
   * (thenGuard.ts) and, under a heap watchdog, to read the heap every WATCHDOG_EVERY calls.
   */
  private compile(fn: ShippedFn): unknown {
    const compiled = compileShipped(fn, this.runtime) as (...args: unknown[]) => unknown;
    // A guarded realm (worker executors) cannot be polluted; elsewhere every call is followed by the check.
    const f = thenablesGuarded() ? compiled : function unpolluted(this: unknown, ...args: unknown[]): unknown {
      const out = compiled.apply(this, args);
      const polluted = removeThenPollution();
      if (polluted) throw errors.thenPollution(polluted, fn.opName);
      return out;
    };
    const wd = this.heapWatchdog;
    if (!wd) return f;
    let calls = 0;
    return function watched(this: unknown, ...args: unknown[]) {
      if ((++calls & (WATCHDOG_EVERY - 1)) === 0) {
        const used = wd.used() ?? 0;
        if (used > wd.limitBytes) {
          throw errors.heapOverLimit((used / 1048576).toFixed(0), (wd.limitBytes / 1048576).toFixed(0), fn.opName);
        }
      }
      return f.apply(this, args);
    };
  }

  /** Asks a running task to stop; it ends as TaskKilled at its next check (sleeps are interrupted). Returns false if unknown. */
  killTask(taskId: number, reason: string): boolean {
    const r = this.running.get(taskId);
    if (!r) return false;
    r.killed = reason;
    r.wake?.();
    return true;
  }

  get runningTaskIds(): number[] { return [...this.running.keys()]; }

  private checkKilled(taskId: number): void {
    const r = this.running.get(taskId);
    if (r?.killed) throw new TaskKilledError(r.killed);
  }

  async runTask(task: TaskDesc): Promise<TaskOutcome> {
    const elapsed = stopwatch();
    const metrics: TaskMetricsData = { recordsIn: 0, recordsOut: 0, shuffleReadBytes: 0, shuffleWriteBytes: 0, shuffleReadRecords: 0, shuffleWriteRecords: 0 };
    const samples = new Map<number, RecordSample>();
    const env = this.evalEnv(metrics, samples, task.sampleRdds);
    const recorded: RecordedPartitionValues[] = [];
    env.recordedPartitions = recorded;
    env.taskContext = { stageId: task.stageId, stageAttemptNumber: task.stageAttemptId, partitionId: task.partition, attemptNumber: task.attempt, taskAttemptId: task.taskId,
      ...(task.files ? { files: task.files } : {}) };
    const state: { killed?: string; wake?: () => void } = {};
    this.running.set(task.taskId, state);
    try {
      const pre = await prefetch(task.plan, env);
      if (task.delayMs) {
        await new Promise<void>((r) => { const t = setTimeout(r, task.delayMs); state.wake = () => { clearTimeout(t); r(); }; });
        state.wake = undefined;
      }
      this.checkKilled(task.taskId);
      if (task.injectFailure) throw errors.injectedTaskFailure(task.injectFailure);
      if (task.kind === 'shuffleMap') {
        const mapStatus = this.writeShuffle(task, env, pre, metrics);
        this.checkKilled(task.taskId);
        return { status: 'success', value: null, metrics, durationMs: elapsed(), blockUpdates: this.blockManager.drainUpdates(), mapStatus, samples: toRecord(samples), ...(recorded.length ? { recorded } : {}) };
      }
      const value = await this.runResult(task.op, task, env, pre, metrics);
      this.checkKilled(task.taskId);
      return { status: 'success', value, metrics, durationMs: elapsed(), blockUpdates: this.blockManager.drainUpdates(), samples: toRecord(samples), ...(recorded.length ? { recorded } : {}) };
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      this.blockManager.drainUpdates();
      if (err instanceof TaskKilledError) {
        return { status: 'failed', reason: 'TaskKilled', message: errors.taskKilled(err.reason).message, errorName: 'TaskKilled', errorCode: 'TASK_KILLED', metrics, durationMs: elapsed() };
      }
      if (err instanceof FetchFailedError) {
        return { status: 'failed', reason: 'FetchFailed', message: err.message, errorName: err.name, metrics, durationMs: elapsed(),
          fetchFailed: { shuffleId: err.shuffleId, mapId: err.mapId, executorId: err.executorId } };
      }
      // The task ran the user's functions: an error the engine did not throw (no catalogue code) came from them.
      return { status: 'failed', reason: 'ExceptionFailure', message: err.message, errorName: err.name || 'Error', errorCode: failureCodeOf(err), stack: err.stack, metrics, durationMs: elapsed() };
    } finally {
      this.running.delete(task.taskId);
    }
  }

  private evalEnv(metrics: TaskMetricsData, samples: Map<number, RecordSample>, sampleRdds?: number[]): EvalEnv {
    const bm = this.blockManager;
    return {
      compile: <F>(fn: ShippedFn) => this.compile(fn) as F,
      fetchShuffleBlock: async (shuffleId, mapId, reduceId, executorId) => {
        const blockId = `shuffle_${shuffleId}_${mapId}_${reduceId}`;
        let values: unknown[] | undefined;
        if (executorId === this.id) values = bm.get(blockId);
        else if (executorId !== null) values = await this.peers.fetchShuffleBlock(executorId, blockId).catch(() => undefined);
        if (!values) throw new FetchFailedError(shuffleId, mapId, reduceId, executorId);
        metrics.shuffleReadBytes += estimateRecordsSize(values);
        return values;
      },
      getLocalBlock: (blockId) => bm.get(blockId),
      fetchRemoteBlock: async (blockId, locations) => {
        for (const loc of locations) {
          if (loc === this.id) continue;
          const v = await this.peers.fetchBlock(loc, blockId).catch(() => undefined);
          if (v) return v;
        }
        return undefined;
      },
      putBlock: (blockId, values, level) => bm.put(blockId, values, level),
      metrics,
      sampleRdds: sampleRdds && sampleRdds.length ? new Set(sampleRdds) : undefined,
      samples,
      sampleLimit: this.sampleLimit,
    };
  }

  private writeShuffle(task: Extract<TaskDesc, { kind: 'shuffleMap' }>, env: EvalEnv, pre: Awaited<ReturnType<typeof prefetch>>, metrics: TaskMetricsData) {
    const partitionOf = partitionerFromDesc(task.partitioner);
    const n = task.partitioner.numPartitions;
    let buckets: unknown[][];
    if (task.aggregator && task.mapSideCombine) {
      const agg = compileAggregator(task.aggregator, env);
      const map = new PartitionedAppendOnlyMap<unknown, unknown>();
      const op = task.opName ?? 'A shuffle';
      // A string key's Java hashCode picks its hash partition and feeds the map's slot hash: computed once.
      const hashPartitions = task.partitioner.kind === 'hash' ? n : 0;
      const { createCombiner, mergeValue } = agg;
      const combinePair = (k: unknown, v: unknown): void => {
        if (hashPartitions !== 0 && typeof k === 'string') {
          const kh = javaStringHashCode(k);
          const part = nonNegativeMod(kh, hashPartitions);
          map.combineInPartition(part, k, v, createCombiner, mergeValue, partitionKeySlotHashOf(part, kh));
        } else {
          map.combineInPartition(partitionOf(k), k, v, createCombiner, mergeValue);
        }
      };
      const emit: Emit = Object.assign((kv: unknown) => { const p = asPair(kv, op); combinePair(p[0], p[1]); }, { pair: combinePair });
      push(task.plan, env, pre, emit);
      // With an aggregator, Spark's ExternalSorter orders each map output partition by key hash.
      buckets = map.destructiveSortedPartitions(n, hashKeyComparator);
    } else {
      buckets = Array.from({ length: n }, () => []);
      push(task.plan, env, pre, (kv) => { const p = asPair(kv, task.opName ?? 'A shuffle'); buckets[partitionOf(p[0])].push(p); });
    }
    const sizes: number[] = [], records: number[] = [];
    if (this.checkShuffleRecords) for (const b of buckets) this.checkShuffleRecords(b);
    for (let r = 0; r < n; r++) {
      const size = estimateRecordsSize(buckets[r]);
      this.blockManager.putShuffleBlock(`shuffle_${task.shuffleId}_${task.mapId}_${r}`, buckets[r], size);
      sizes.push(size);
      records.push(buckets[r].length);
      metrics.shuffleWriteBytes += size;
      metrics.shuffleWriteRecords += buckets[r].length;
    }
    metrics.recordsOut = metrics.shuffleWriteRecords;
    return { executorId: this.id, sizes, records };
  }

  private async runResult(op: ResultOp, task: TaskDesc, env: EvalEnv, pre: Awaited<ReturnType<typeof prefetch>>, metrics: TaskMetricsData): Promise<unknown> {
    const plan = task.plan;
    const all = () => { const xs = materialize(plan, env, pre); metrics.recordsOut = xs.length; return xs; };
    switch (op.t) {
      case 'collect': return all();
      case 'toLines': return all().map(formatRecord);
      case 'count': { let n = 0; push(plan, env, pre, () => { n++; }); metrics.recordsOut = n; return n; }
      case 'take': {
        const out: unknown[] = [];
        if (op.n <= 0) return out;
        try { push(plan, env, pre, (x) => { out.push(x); if (out.length >= op.n) throw new EnoughRecords(); }); } catch (e) { if (!(e instanceof EnoughRecords)) throw e; }
        metrics.recordsOut = out.length;
        return out;
      }
      case 'foreach': {
        const f = env.compile<(x: unknown) => unknown>(op.f);
        const pending: Promise<unknown>[] = [];
        let n = 0;
        push(plan, env, pre, (x) => { n++; const r = f(x); if (r && typeof (r as Promise<unknown>).then === 'function') pending.push(r as Promise<unknown>); });
        await Promise.all(pending);
        metrics.recordsOut = n;
        return null;
      }
      case 'foreachPartition': { const f = env.compile<(xs: Iterable<unknown>) => unknown>(op.f); await f(all()); return null; }
      case 'reduce': {
        const f = env.compile<(a: unknown, b: unknown) => unknown>(op.f);
        let defined = false, acc: unknown;
        push(plan, env, pre, (x) => { if (defined) acc = f(acc, x); else { acc = x; defined = true; } });
        return { defined, value: acc };
      }
      case 'fold': {
        const f = env.compile<(a: unknown, b: unknown) => unknown>(op.f);
        let acc = structuredClone(op.zero);
        push(plan, env, pre, (x) => { acc = f(acc, x); });
        return acc;
      }
      case 'aggregate': {
        const f = env.compile<(a: unknown, b: unknown) => unknown>(op.seqOp);
        let acc = structuredClone(op.zero);
        push(plan, env, pre, (x) => { acc = f(acc, x); });
        return acc;
      }
      case 'sampleKeys': {
        // Reservoir sample of keys (Spark's SamplingUtils.reservoirSampleAndCount), seeded by the partition.
        const rng = new Rng(task.partition * 31 + 7);
        const keys: unknown[] = [];
        let count = 0;
        push(plan, env, pre, (kv) => {
          const k = asPair(kv, 'sortByKey')[0];
          count++;
          if (keys.length < op.max) keys.push(k);
          else { const j = rng.nextInt(count); if (j < op.max) keys[j] = k; }
        });
        return { count, keys };
      }
      case 'partitionFunc': { const f = env.compile<(xs: Iterable<unknown>) => unknown>(op.f); return await f(all()); }
    }
  }
}

function toRecord(m: Map<number, RecordSample>): Record<number, RecordSample> | undefined {
  if (m.size === 0) return undefined;
  const o: Record<number, RecordSample> = {};
  for (const [k, v] of m) o[k] = v;
  return o;
}
