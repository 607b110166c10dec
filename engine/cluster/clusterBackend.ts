/**
 * `local-cluster[W,C,M]`: a cluster manager on the driver starts W executor workers (Web Workers in the
 * browser, worker_threads in Node) with C task slots and M MiB of block memory each, and Spark's
 * standalone scheduler backend talks to them over the protocol in protocol.ts.
 *
 * Start-up follows the lecture's sequence, one `clusterStep` event per step: resources requested from
 * the cluster manager → a worker launches each executor → each executor registers with the driver
 * (then `executorAdded`); the DAG scheduler posts the last step with the first job.
 *
 * Executors exchange shuffle outputs and blocks directly, over one MessageChannel per pair of executors
 * (created by the driver, one port transferred to each side), never through the driver.
 *
 * A killed or crashed executor is removed (`executorRemoved` with Spark's reason), its running tasks fail
 * as ExecutorLostFailure, and the cluster manager launches a replacement with the next id on the same
 * worker, as Spark's Master does when an executor exits.
 */
import { codeOf, errors, type ErrorCode } from '../core/errors';
import type { WarningCode } from '../core/events';
import type { BroadcastRegistry } from '../core/broadcast';
import type { TaskDesc, TaskOutcome } from '../rdd/plan';
import type { ExecutorHandle, ExecutorReceivers, SchedulerBackend } from './backend';
import { ExecutorOutOfMemoryError } from '../executor/blockManager';
import { decode, encode } from './codec';
import type { BackendContext } from './localBackend';
import { broadcastIdsOf, errorFromData, type DriverToExecutor, type ExecutorRequest, type ExecutorToDriver, type ReplyValue } from './protocol';
import type { SpawnedWorker, WorkerSpawner } from './spawner';

export interface ClusterSpec { workers: number; coresPerWorker: number; memoryMiB: number }

export interface ClusterBackendOptions {
  maxTaskFailures: number;
  /** Real milliseconds an executor has to register before its launch counts as failed. */
  registrationTimeoutMs?: number;
  /** Executors relaunched after abnormal exits before the cluster manager gives up (spark.deploy.maxExecutorRetries). */
  maxExecutorRetries?: number;
  broadcasts?: BroadcastRegistry;
  sampleLimit?: number;
  /** Test hook: executors with these ids throw at start-up. */
  crashOnStart?: Record<string, string>;
  /**
   * Heap limit of each executor worker, MiB (see executorHeapLimitMiB): Node workers get it as
   * resourceLimits.maxOldGenerationSizeMb, browser workers as the limit of their heap watchdog.
   */
  heapLimitMiB?: number;
}

/**
 * The heap limit of a worker executor of local-cluster[W,C,M]: M MiB of block memory plus an overhead for
 * everything else the worker holds (the engine's code, task state, records in flight), with Spark's rule for
 * spark.executor.memoryOverhead: max(384 MiB, 10% of M) unless set.
 */
export function executorHeapLimitMiB(memoryMiB: number, overheadMiB?: number): number {
  return memoryMiB + (overheadMiB ?? Math.max(384, Math.ceil(memoryMiB * 0.1)));
}

/** Name of the error an executor's heap watchdog throws inside a task (browser workers have no hard heap limit). */
const EXECUTOR_OOM_ERROR = ExecutorOutOfMemoryError.errorName;

const EMPTY_METRICS = { recordsIn: 0, recordsOut: 0, shuffleReadBytes: 0, shuffleWriteBytes: 0, shuffleReadRecords: 0, shuffleWriteRecords: 0 };

/** The driver's handle on one worker executor. */
export class RemoteExecutorHandle implements ExecutorHandle {
  private nextCallId = 0;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private sentBroadcasts = new Set<number>();
  lostReason?: string;
  exitCausedByApp?: { errorName: string; errorCode: ErrorCode; describe(site: string): string };

  constructor(readonly id: string, readonly host: string, readonly cores: number, readonly memoryMiB: number,
    readonly workerIndex: number, readonly worker: SpawnedWorker, private readonly backend: LocalClusterBackend) {}

  /** Messages from the worker after registration. */
  onMessage(m: ExecutorToDriver): void {
    if (m.t !== 'reply') return;
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    this.updateRef();
    if (m.ok) p.resolve(m.value);
    else p.reject(errorFromData(m.error));
  }

  post(m: DriverToExecutor, transfer?: unknown[]): void { this.worker.endpoint.post(m, transfer); }

  call<T extends ExecutorRequest['t']>(req: Extract<ExecutorRequest, { t: T }>): Promise<ReplyValue[T]> {
    if (this.lostReason) return Promise.reject(errors.executorLost(this.id, this.lostReason));
    const id = this.nextCallId++;
    return new Promise<ReplyValue[T]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.updateRef();
      try { this.post({ t: 'call', id, req }); } catch (e) {
        this.pending.delete(id);
        this.updateRef();
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  }

  /** The worker is gone: every outstanding call fails. */
  markLost(reason: string): void {
    this.lostReason = reason;
    const err = errors.executorLost(this.id, reason);
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
    this.updateRef();
  }

  /** Node: keep the process alive only while the driver waits for this worker. */
  private updateRef(): void { this.worker.setRef?.(this.pending.size > 0); }

  async runTask(task: TaskDesc): Promise<TaskOutcome> {
    let wire: TaskDesc;
    try {
      for (const b of broadcastIdsOf(task)) this.sendBroadcast(b);
      wire = encode(task, `to executor ${this.id} inside a task`) as TaskDesc;
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      const errorCode = codeOf(err);
      return { status: 'failed', reason: 'ExceptionFailure', errorName: err.name, message: err.message, ...(errorCode ? { errorCode } : {}), stack: err.stack, metrics: { ...EMPTY_METRICS }, durationMs: 0 };
    }
    const outcome = await this.call<'runTask'>({ t: 'runTask', task: wire });
    if (outcome.status === 'success' && outcome.value !== null && outcome.value !== undefined) outcome.value = decode(outcome.value);
    if (outcome.status === 'failed' && outcome.errorName === EXECUTOR_OOM_ERROR) {
      // The heap watchdog stopped the task: the worker's heap is suspect, so it is replaced, and the task (with any
      // other task running there) fails as caused by the app.
      this.outOfMemory(outcome.message);
      this.backend.terminateExecutor(this.id, `Executor ${this.id} ran out of memory: ${outcome.message}`);
    }
    return outcome;
  }

  /** The worker ran out of heap: its running tasks fail with the out-of-memory message, counted as task failures. */
  outOfMemory(detail: string): void {
    const limit = this.backend.heapLimitMiB;
    this.exitCausedByApp = { errorName: 'OutOfMemoryError', errorCode: 'EXECUTOR_OOM', describe: (site) => errors.executorOom(this.id, limit, site, detail).message };
  }

  /** The worker exited on its own while tasks ran there: they fail as ExecutorLostFailure caused by the app (counted). */
  exitedByApp(reason: string): void {
    this.exitCausedByApp = { errorName: 'ExecutorLostFailure', errorCode: 'EXECUTOR_LOST_BY_APP',
      describe: (site) => errors.executorLostByApp(this.id, `Worker exited unexpectedly while running ${site}: ${reason}`).message };
  }

  readonly receivers: ExecutorReceivers = {
    start: async (start) => { await this.call<'startReceiver'>({ t: 'startReceiver', start }); },
    cut: (streamId, time, rateLimit, level, replicateTo) => this.call<'cutReceiverBlocks'>({ t: 'cutReceiverBlocks', streamId, time, rateLimit, level, replicateTo }),
    stop: async (streamId) => { if (!this.lostReason) await this.call<'stopReceiver'>({ t: 'stopReceiver', streamId }).catch(() => undefined); },
  };

  /** Terminates the worker at once (a hung task): see ExecutorHandle.terminate. */
  terminate(reason: string): void { this.backend.terminateExecutor(this.id, reason); }

  private sendBroadcast(id: number): void {
    if (this.sentBroadcasts.has(id) || !this.backend.broadcasts?.has(id)) return;
    this.post({ t: 'broadcast', id, value: encode(this.backend.broadcasts.getBroadcast(id), `to executor ${this.id} as broadcast ${id}`) });
    this.sentBroadcasts.add(id);
  }

  dropBroadcast(id: number): void {
    if (!this.sentBroadcasts.delete(id) || this.lostReason) return;
    this.post({ t: 'dropBroadcast', id });
  }

  async killTask(taskId: number, reason: string): Promise<boolean> {
    if (this.lostReason) return false;
    return this.call<'killTask'>({ t: 'killTask', taskId, reason }).catch(() => false);
  }

  async removeBlocks(prefix: string): Promise<void> {
    if (this.lostReason) return;
    await this.call<'removeBlocks'>({ t: 'removeBlocks', prefix }).catch(() => undefined);
  }

  /** Stores a block (receivers, replication). Never rejects: a failure is reported as a warning event. */
  async putBlock(blockId: string, values: unknown[], level: string): Promise<void> {
    if (this.lostReason) return;
    try {
      await this.call<'putBlock'>({ t: 'putBlock', blockId, values: encode(values, `to executor ${this.id} as block ${blockId}`) as unknown[], level });
    } catch (e) {
      if (this.lostReason) return;
      this.backend.warn('blockStoreFailed', `WARN BlockManager: could not store block ${blockId} on executor ${this.id}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async getBlock(blockId: string): Promise<unknown[] | undefined> {
    if (this.lostReason) return undefined;
    const v = await this.call<'getBlock'>({ t: 'getBlock', blockId }).catch(() => null);
    return v ? decode(v) as unknown[] : undefined;
  }
}

/** Spark's StandaloneSchedulerBackend with a local Master and W Workers. */
export class LocalClusterBackend implements SchedulerBackend {
  readonly kind = 'local-cluster' as const;
  readonly maxTaskFailures: number;
  readonly broadcasts?: BroadcastRegistry;
  private live = new Map<string, RemoteExecutorHandle>();
  private nextExecutorId = 0;
  private lostListeners: ((id: string, reason: string) => void)[] = [];
  private addedListeners: ((h: ExecutorHandle) => void)[] = [];
  private stopped = false;
  private retries = 0;
  private unsubscribeBroadcasts?: () => void;
  private launching = new Set<Promise<unknown>>();
  /** Executors register one after another in id order, so the start-up events are the same in every run. */
  private registrationGate: Promise<void> = Promise.resolve();
  /** Start-up failures, for the report (executor id → error). */
  readonly launchFailures = new Map<string, string>();

  /** Heap limit of each executor worker, MiB. */
  readonly heapLimitMiB: number;

  constructor(readonly spec: ClusterSpec, private readonly ctx: BackendContext, private readonly spawner: WorkerSpawner, private readonly opts: ClusterBackendOptions) {
    this.maxTaskFailures = opts.maxTaskFailures;
    this.broadcasts = opts.broadcasts;
    this.heapLimitMiB = opts.heapLimitMiB ?? executorHeapLimitMiB(spec.memoryMiB);
  }

  warn(code: WarningCode, message: string): void { this.ctx.post({ type: 'warning', time: this.ctx.now(), code, message }); }

  async start(): Promise<void> {
    const { workers, coresPerWorker, memoryMiB } = this.spec;
    this.ctx.post({ type: 'clusterStep', time: this.ctx.now(), step: 'resourcesRequested', index: 2,
      detail: `the driver asks the cluster manager for ${workers} executor(s) with ${coresPerWorker} core(s) and ${memoryMiB} MiB each` });
    this.unsubscribeBroadcasts = this.broadcasts?.onEvent((e) => { for (const h of this.live.values()) h.dropBroadcast(e.id); });
    const results = await Promise.all(Array.from({ length: workers }, (_, w) => this.launchExecutor(w)));
    if (this.stopped) return;
    if (!results.some(Boolean)) {
      const why = [...this.launchFailures].map(([id, e]) => `executor ${id}: ${e}`).join('; ');
      throw errors.noExecutorStarted(workers, coresPerWorker, memoryMiB, why);
    }
  }

  /** Launches one executor on worker `w`; resolves true once it registered, false if it failed to start. */
  private launchExecutor(w: number): Promise<boolean> {
    const p = this.doLaunch(w);
    this.launching.add(p);
    void p.finally(() => this.launching.delete(p));
    return p;
  }

  private async doLaunch(w: number): Promise<boolean> {
    const myTurn = this.registrationGate;
    let release!: () => void;
    this.registrationGate = new Promise((r) => { release = r; });
    try {
      return await this.launchInOrder(w, myTurn);
    } finally {
      release();
    }
  }

  private async launchInOrder(w: number, myTurn: Promise<void>): Promise<boolean> {
    const { coresPerWorker: cores, memoryMiB } = this.spec;
    const id = String(this.nextExecutorId++);
    const host = `worker-${w + 1}`;
    const { post, now } = this.ctx;
    post({ type: 'clusterStep', time: now(), step: 'executorLaunched', index: 3, executorId: id, host, cores, memoryMiB,
      detail: `the cluster manager tells ${host} to launch executor ${id} (${cores} task slot(s), ${memoryMiB} MiB)` });
    let worker: SpawnedWorker;
    try {
      worker = await this.spawner.spawn(`executor-${id}`, { maxHeapMiB: this.heapLimitMiB });
    } catch (e) {
      return this.launchFailed(id, e instanceof Error ? e.message : String(e));
    }
    if (this.stopped) { worker.terminate(); return false; }
    const registered = await new Promise<string | true>((resolve) => {
      const timeoutMs = this.opts.registrationTimeoutMs ?? 30000;
      const timer = setTimeout(() => resolve(`executor ${id} did not register within ${timeoutMs} ms`), timeoutMs);
      worker.onExit((reason) => { clearTimeout(timer); resolve(reason); });
      worker.endpoint.listen((raw) => {
        const m = raw as ExecutorToDriver;
        if (m.t === 'registered') { clearTimeout(timer); resolve(true); }
        else if (m.t === 'fatal') { clearTimeout(timer); resolve(`${m.error.name}: ${m.error.message}`); }
      });
      try {
        worker.endpoint.post({ t: 'init', init: { executorId: id, host, cores, memoryBytes: memoryMiB * 1024 * 1024, sampleLimit: this.opts.sampleLimit,
          crashOnStart: this.opts.crashOnStart?.[id], heapLimitBytes: this.heapLimitMiB * 1024 * 1024 } } satisfies DriverToExecutor);
      } catch (e) { clearTimeout(timer); resolve(e instanceof Error ? e.message : String(e)); }
    });
    await myTurn;
    if (registered !== true) { worker.terminate(); return this.launchFailed(id, registered); }
    if (this.stopped) { worker.terminate(); return false; }
    worker.setRef?.(false);
    const handle = new RemoteExecutorHandle(id, host, cores, memoryMiB, w, worker, this);
    worker.endpoint.listen((raw) => handle.onMessage(raw as ExecutorToDriver));
    worker.onExit((reason, kind) => {
      if (kind === 'oom') {
        handle.outOfMemory(reason);
        this.executorLost(id, `Executor ${id} ran out of memory (heap limit ${this.heapLimitMiB} MiB): ${reason}`, true);
      } else {
        // Nothing but the application ends a worker on its own here (the driver's kills go through terminate()):
        // process.exit or an uncaught error in a task, self.close in a browser worker (Spark's exitCausedByApp).
        handle.exitedByApp(reason);
        this.executorLost(id, `Worker exited unexpectedly: ${reason}`, true);
      }
    });
    // Direct block transfer: one channel between the new executor and each live one.
    for (const other of this.live.values()) {
      const { port1, port2 } = this.spawner.channel();
      handle.post({ t: 'peer', executorId: other.id, port: port1 }, [port1]);
      other.post({ t: 'peer', executorId: id, port: port2 }, [port2]);
    }
    this.live.set(id, handle);
    this.retries = 0;   // Spark's Master resets an application's retry count when one of its executors runs
    post({ type: 'executorAdded', time: now(), executorId: id, host, cores, memoryMiB });
    post({ type: 'clusterStep', time: now(), step: 'executorRegistered', index: 4, executorId: id,
      detail: `executor ${id} on ${host} registered with the driver (${cores} core(s), ${memoryMiB} MiB)` });
    for (const l of this.addedListeners) l(handle);
    return true;
  }

  private launchFailed(id: string, error: string): false {
    this.launchFailures.set(id, error);
    this.warn('executorStartFailed', `ERROR StandaloneSchedulerBackend: executor ${id} failed to start: ${error}`);
    return false;
  }

  executors(): ExecutorHandle[] { return [...this.live.values()]; }
  defaultParallelism(): number { return Math.max(2, this.spec.workers * this.spec.coresPerWorker); }

  async killExecutor(id: string, reason: string): Promise<boolean> { return this.terminateExecutor(id, reason); }

  /** Spark's killExecutors with adjustTargetNumExecutors: the application asked for fewer executors, so none replaces them. */
  async killExecutors(ids: readonly string[], reason: string): Promise<string[]> {
    const killed = ids.filter((id, i) => this.live.has(id) && ids.indexOf(id) === i);   // Spark skips ids that do not exist
    for (const id of killed) this.executorLost(id, reason, false, false);
    return killed;
  }

  /** Spark's requestExecutors: `n` more executors, each on the worker running the fewest; true once they registered. */
  async requestExecutors(n: number): Promise<boolean> {
    if (this.stopped) return false;
    const launches: Promise<boolean>[] = [];
    const planned = new Array<number>(this.spec.workers).fill(0);
    for (const h of this.live.values()) planned[h.workerIndex]++;
    for (let i = 0; i < n; i++) {
      const w = planned.indexOf(Math.min(...planned));
      planned[w]++;
      launches.push(this.launchExecutor(w));
    }
    return (await Promise.all(launches)).every(Boolean);
  }

  /** Terminates an executor's worker now (killed, hung or out of memory) and launches a replacement. */
  terminateExecutor(id: string, reason: string): boolean {
    if (!this.live.has(id)) return false;
    this.executorLost(id, reason, false);
    return true;
  }

  /** Removes an executor (killed or crashed), tells its peers and the scheduler, and launches a replacement unless `replace` is false. */
  private executorLost(id: string, reason: string, abnormal: boolean, replace = true): void {
    const handle = this.live.get(id);
    if (!handle || this.stopped) return;
    this.live.delete(id);
    handle.worker.terminate();
    handle.markLost(reason);
    for (const other of this.live.values()) other.post({ t: 'peerLost', executorId: id });
    for (const l of this.lostListeners) l(id, reason);
    if (!replace) return;
    if (abnormal && ++this.retries > (this.opts.maxExecutorRetries ?? 10)) {
      this.warn('executorRetriesExhausted', `ERROR Master: executors exited abnormally ${this.retries} times in a row; not launching a replacement for executor ${id} (spark.deploy.maxExecutorRetries)`);
      return;
    }
    void this.launchExecutor(handle.workerIndex);
  }

  onExecutorLost(listener: (id: string, reason: string) => void): void { this.lostListeners.push(listener); }
  onExecutorAdded(listener: (h: ExecutorHandle) => void): void { this.addedListeners.push(listener); }

  /** Resolves when no executor launch is in progress (tests: wait for the replacement). */
  async settled(): Promise<void> { while (this.launching.size) await Promise.all([...this.launching]); }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.unsubscribeBroadcasts?.();
    for (const h of this.live.values()) {
      try { h.post({ t: 'shutdown' }); } catch { /* gone */ }
      h.markLost('Application stopped');
      h.worker.terminate();
    }
    this.live.clear();
  }
}
