import type { EngineEvent } from '../core/events';
import type { ExecutorHandle } from '../cluster/backend';
import type { TaskDesc, TaskOutcome } from '../rdd/plan';
import { SPECULATION_OFF, type SpeculationConf } from './speculation';
import { errors } from '../core/errors';

/** A finished attempt; `host` is where it ran (remembered even after its executor is gone, for Spark's failure text). */
export interface LaunchedTask { outcome: TaskOutcome; executorId: string; slot: number; host: string }

export interface SubmitOptions {
  /** Executors the task must not run on (a speculative copy avoids the executor running the original). */
  exclude?: string[];
  /** Called when the task is given a slot. */
  onLaunch?: (executorId: string) => void;
}

interface Pending {
  task: TaskDesc;
  preferred: string[];
  speculative: boolean;
  resolve: (r: LaunchedTask) => void;
  opts: SubmitOptions;
  killed?: string;
  /** The task-timeout timer of the running attempt. */
  timer?: ReturnType<typeof setTimeout>;
}

const NO_METRICS = { recordsIn: 0, recordsOut: 0, shuffleReadBytes: 0, shuffleWriteBytes: 0, shuffleReadRecords: 0, shuffleWriteRecords: 0 };

interface Slots {
  handle: ExecutorHandle;
  busy: (number | null)[];   // task id per slot, or null
  /** Being terminated (a task on it timed out): no task is launched on it any more. */
  dead?: boolean;
}

/**
 * Spark's TaskSchedulerImpl, reduced to what a single driver needs: executors offer slots, pending tasks
 * take them in FIFO order (preferring an executor that holds their input), and every launch and finish is
 * an event. Receivers reserve a slot for as long as they run.
 */
/** How a deployment schedules its tasks, fixed when the scheduler is built (defaults: local mode's). */
export interface TaskSchedulingOptions {
  speculation?: SpeculationConf;
  taskTimeoutMs?: number;
  describeTask?: (task: TaskDesc) => string;
  taskNodeIds?: (task: TaskDesc) => string[];
}

export class TaskScheduler {
  private executors = new Map<string, Slots>();
  /** Host of every executor ever registered (ids are never reused). */
  private hosts = new Map<string, string>();
  private queue: Pending[] = [];
  private running = new Map<number, { executorId: string; slot: number; pending: Pending }>();
  private reservations = 0;
  /** spark.speculation settings (a local-cluster deployment's; off in local mode, which has one executor). */
  readonly speculation: SpeculationConf;
  /**
   * spark.studio.task.timeout, in real milliseconds (0: off). A task that runs longer on an executor that can
   * be terminated (a worker executor) is declared hung: it fails with "task exceeded N ms (possible infinite
   * loop in <op>)", counted as a task failure (so spark.task.maxFailures applies), and its executor's worker is
   * terminated and replaced. Set for local-cluster deployments; local[N] runs tasks in the driver's thread, where
   * a loop cannot be interrupted, so it has no timeout.
   */
  readonly taskTimeoutMs: number;
  /** Names the operations a task runs ("map at n3"), for timeout and out-of-memory messages. */
  readonly describeTask: (task: TaskDesc) => string;
  /** The graph nodes of the user operations a task runs (taskEnd.failedNodeIds of a failed attempt). */
  readonly taskNodeIds: (task: TaskDesc) => string[];

  constructor(private readonly post: (e: EngineEvent) => void, private readonly now: () => number, options: TaskSchedulingOptions = {}) {
    this.speculation = options.speculation ?? SPECULATION_OFF;
    this.taskTimeoutMs = options.taskTimeoutMs ?? 0;
    this.describeTask = options.describeTask ?? ((task) => `stage ${task.stageId}`);
    this.taskNodeIds = options.taskNodeIds ?? (() => []);
  }

  addExecutor(handle: ExecutorHandle): void {
    this.hosts.set(handle.id, handle.host);
    this.executors.set(handle.id, { handle, busy: new Array(handle.cores).fill(null) });
    this.dispatch();
  }

  /** Marks an executor gone: its running tasks finish as ExecutorLostFailure. */
  removeExecutor(id: string, reason: string): void {
    const slots = this.executors.get(id);
    if (!slots) return;
    this.executors.delete(id);
    const cause = slots.handle.exitCausedByApp;
    for (const [taskId, r] of [...this.running]) {
      if (r.executorId !== id) continue;
      this.running.delete(taskId);
      // Spark's ExecutorLostFailure.toErrorString; a kill of the worker is not the tasks' fault, an exit the
      // application caused (process.exit, out of memory) is (exitCausedByApp: counted as a task failure).
      const outcome: TaskOutcome = cause
        ? { status: 'failed', reason: 'ExecutorLostFailure', exitCausedByApp: true, errorName: cause.errorName, errorCode: cause.errorCode,
            message: cause.describe(this.describeTask(r.pending.task)), metrics: { ...NO_METRICS }, durationMs: 0 }
        : { status: 'failed', reason: 'ExecutorLostFailure', errorName: 'ExecutorLostFailure', errorCode: 'EXECUTOR_LOST',
            message: errors.executorLost(id, reason).message,
            metrics: { ...NO_METRICS }, durationMs: 0 };
      this.finish(r.pending, outcome, id, r.slot);
    }
    this.dispatch();
  }

  /**
   * Kills a task: a queued one finishes at once as TaskKilled; a running one is asked to stop on its executor
   * and is reported as TaskKilled whatever it returns (Spark's killTaskAttempt).
   */
  killTask(taskId: number, reason: string): boolean {
    const qi = this.queue.findIndex((p) => p.task.taskId === taskId);
    if (qi >= 0) {
      const [p] = this.queue.splice(qi, 1);
      p.resolve({ outcome: killedOutcome(reason), executorId: '', slot: -1, host: 'localhost' });
      return true;
    }
    const r = this.running.get(taskId);
    if (!r) return false;
    r.pending.killed = reason;
    void this.executors.get(r.executorId)?.handle.killTask?.(taskId, reason);
    return true;
  }

  /** Executor and slot of a running task. */
  runningOn(taskId: number): { executorId: string; slot: number } | undefined {
    const r = this.running.get(taskId);
    return r && { executorId: r.executorId, slot: r.slot };
  }

  liveExecutors(): ExecutorHandle[] { return [...this.executors.values()].map((s) => s.handle); }
  totalSlots(): number { let n = 0; for (const s of this.executors.values()) n += s.busy.length; return n; }
  freeSlots(): number { let n = 0; for (const s of this.executors.values()) n += s.busy.filter((b) => b === null).length; return n; }

  /** True when tasks wait but every slot is held by a receiver: nothing can ever run (local[1] with a receiver). */
  isStarvedByReceivers(): boolean {
    if (this.queue.length === 0 || this.executors.size === 0) return false;
    for (const s of this.executors.values()) for (const b of s.busy) if (b === null || b >= 0) return false;
    return true;
  }

  /** SparkContext.stop: queued tasks end as killed, and no new task is accepted (none would ever get a slot). */
  stop(reason: string): void {
    this.stopped = reason;
    for (const p of this.queue.splice(0)) p.resolve({ outcome: killedOutcome(reason), executorId: '', slot: -1, host: 'localhost' });
  }
  private stopped?: string;

  submit(task: TaskDesc, preferred: string[] = [], speculative = false, opts: SubmitOptions = {}): Promise<LaunchedTask> {
    if (this.stopped) return Promise.resolve({ outcome: killedOutcome(this.stopped), executorId: '', slot: -1, host: 'localhost' });
    return new Promise((resolve) => {
      this.queue.push({ task, preferred, speculative, resolve, opts });
      this.dispatch();
    });
  }

  /**
   * Holds one slot until `release` is called (a receiver is a long-running task). Resolves when a slot is
   * free, on the preferred executor if it has one.
   */
  async reserveSlot(preferred?: string): Promise<{ executorId: string; slot: number; release: () => void }> {
    for (;;) {
      const pick = this.findSlot(preferred ? [preferred] : []);
      if (pick) {
        pick.slots.busy[pick.slot] = -1 - this.reservations++;
        let released = false;
        return {
          executorId: pick.slots.handle.id, slot: pick.slot,
          release: () => {
            if (released) return;
            released = true;
            const s = this.executors.get(pick.slots.handle.id);
            if (s && s.busy[pick.slot] !== null && (s.busy[pick.slot] as number) < 0) s.busy[pick.slot] = null;
            this.dispatch();
          },
        };
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  private findSlot(preferred: string[], exclude?: string[]): { slots: Slots; slot: number } | undefined {
    for (const id of preferred) {
      if (exclude?.includes(id)) continue;
      const s = this.executors.get(id);
      const i = s && !s.dead ? s.busy.indexOf(null) : -1;
      if (s && i >= 0) return { slots: s, slot: i };
    }
    for (const s of this.executors.values()) {
      if (s.dead || exclude?.includes(s.handle.id)) continue;
      const i = s.busy.indexOf(null);
      if (i >= 0) return { slots: s, slot: i };
    }
    return undefined;
  }

  private dispatch(): void {
    let i = 0;
    while (i < this.queue.length) {
      const p = this.queue[i];
      const pick = this.findSlot(p.preferred, p.opts.exclude);
      if (!pick) {
        if (p.opts.exclude?.length) { i++; continue; }   // only its excluded executors are free: let others pass
        return;
      }
      this.queue.splice(i, 1);
      this.launch(p, pick.slots, pick.slot);
    }
  }

  private launch(p: Pending, slots: Slots, slot: number): void {
    const { task } = p;
    const executorId = slots.handle.id;
    slots.busy[slot] = task.taskId;
    this.running.set(task.taskId, { executorId, slot, pending: p });
    this.post({ type: 'taskStart', time: this.now(), taskId: task.taskId, stageId: task.stageId, stageAttemptId: task.stageAttemptId,
      partition: task.partition, attempt: task.attempt, executorId, slot, speculative: p.speculative });
    p.opts.onLaunch?.(executorId);
    if (this.taskTimeoutMs > 0 && slots.handle.terminate) {
      const ms = this.taskTimeoutMs;
      p.timer = setTimeout(() => this.timedOut(task.taskId, ms), ms);
    }
    slots.handle.runTask(task).then(
      (outcome) => { if (this.running.delete(task.taskId)) this.finish(p, outcome, executorId, slot); },
      (err) => {
        if (!this.running.delete(task.taskId)) return;
        const message = err instanceof Error ? err.message : String(err);
        this.finish(p, { status: 'failed', reason: 'ExecutorLostFailure', errorName: 'ExecutorLostFailure', errorCode: 'EXECUTOR_LOST', message,
          metrics: { ...NO_METRICS }, durationMs: 0 }, executorId, slot);
      });
  }

  /**
   * A task ran past spark.studio.task.timeout: it fails (counted), then its executor is terminated, which fails
   * the executor's other running tasks as ExecutorLostFailure (not counted) and launches a replacement.
   */
  private timedOut(taskId: number, ms: number): void {
    const r = this.running.get(taskId);
    if (!r) return;
    const slots = this.executors.get(r.executorId);
    this.running.delete(taskId);
    if (slots) slots.dead = true;
    const { task } = r.pending;
    this.finish(r.pending, { status: 'failed', reason: 'ExceptionFailure', errorName: 'TaskTimeout', errorCode: 'TASK_TIMEOUT',
      message: errors.taskTimeout(ms, this.describeTask(task)).message, metrics: { ...NO_METRICS }, durationMs: ms }, r.executorId, r.slot);
    const reason = `Executor ${r.executorId} terminated by the driver: task ${taskId} (stage ${task.stageId}.${task.stageAttemptId}, partition ${task.partition}) ` +
      `exceeded spark.studio.task.timeout (${ms} ms)`;
    slots?.handle.terminate?.(reason);
    this.removeExecutor(r.executorId, reason);   // no-op when the backend already reported the loss
  }

  private finish(p: Pending, result: TaskOutcome, executorId: string, slot: number): void {
    if (p.timer !== undefined) { clearTimeout(p.timer); p.timer = undefined; }
    const outcome = p.killed && (result.status === 'success' || result.reason !== 'ExecutorLostFailure') ? killedOutcome(p.killed, result) : result;
    const s = this.executors.get(executorId);
    if (s && s.busy[slot] === p.task.taskId) s.busy[slot] = null;
    const { task } = p;
    const failedNodeIds = outcome.status === 'failed' && outcome.reason === 'ExceptionFailure' ? this.taskNodeIds(task) : [];
    this.post({ type: 'taskEnd', time: this.now(), taskId: task.taskId, stageId: task.stageId, stageAttemptId: task.stageAttemptId,
      partition: task.partition, attempt: task.attempt, executorId, slot, speculative: p.speculative,
      reason: outcome.status === 'success' ? 'Success' : outcome.reason,
      failureReason: outcome.status === 'failed' ? `${outcome.errorName}: ${outcome.message}` : undefined,
      ...(outcome.status === 'failed' && outcome.errorCode ? { failureCode: outcome.errorCode } : {}),
      metrics: { durationMs: outcome.durationMs, ...outcome.metrics }, ...(failedNodeIds.length ? { failedNodeIds } : {}) });
    p.resolve({ outcome, executorId, slot, host: this.hosts.get(executorId) ?? 'localhost' });
    this.dispatch();
  }
}

function killedOutcome(reason: string, from?: TaskOutcome): TaskOutcome {
  return { status: 'failed', reason: 'TaskKilled', errorName: 'TaskKilled', errorCode: 'TASK_KILLED', message: errors.taskKilled(reason).message,
    metrics: from ? from.metrics : { ...NO_METRICS }, durationMs: from ? from.durationMs : 0 };
}
