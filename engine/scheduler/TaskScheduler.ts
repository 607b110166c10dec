import type { EngineEvent } from '../core/events';
import type { ExecutorHandle } from '../cluster/backend';
import type { TaskDesc, TaskOutcome } from '../rdd/plan';

export interface LaunchedTask { outcome: TaskOutcome; executorId: string; slot: number }

interface Pending {
  task: TaskDesc;
  preferred: string[];
  speculative: boolean;
  resolve: (r: LaunchedTask) => void;
}

interface Slots { handle: ExecutorHandle; busy: (number | null)[] }   // task id per slot, or null

/**
 * Spark's TaskSchedulerImpl, reduced to what a single driver needs: executors offer slots, pending tasks
 * take them in FIFO order (preferring an executor that holds their input), and every launch and finish is
 * an event. Receivers reserve a slot for as long as they run.
 */
export class TaskScheduler {
  private executors = new Map<string, Slots>();
  private queue: Pending[] = [];
  private running = new Map<number, { executorId: string; slot: number; pending: Pending }>();
  private reservations = 0;

  constructor(private readonly post: (e: EngineEvent) => void, private readonly now: () => number) {}

  addExecutor(handle: ExecutorHandle): void {
    this.executors.set(handle.id, { handle, busy: new Array(handle.cores).fill(null) });
    this.dispatch();
  }

  /** Marks an executor gone: its running tasks finish as ExecutorLostFailure. */
  removeExecutor(id: string, reason: string): void {
    const slots = this.executors.get(id);
    if (!slots) return;
    this.executors.delete(id);
    for (const [taskId, r] of [...this.running]) {
      if (r.executorId !== id) continue;
      this.running.delete(taskId);
      const outcome: TaskOutcome = { status: 'failed', reason: 'ExecutorLostFailure', errorName: 'ExecutorLostFailure',
        message: `ExecutorLostFailure (executor ${id} exited caused by one of the running tasks) Reason: ${reason}`,
        metrics: { recordsIn: 0, recordsOut: 0, shuffleReadBytes: 0, shuffleWriteBytes: 0, shuffleReadRecords: 0, shuffleWriteRecords: 0 }, durationMs: 0 };
      this.finish(r.pending, outcome, id, r.slot);
    }
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

  submit(task: TaskDesc, preferred: string[] = [], speculative = false): Promise<LaunchedTask> {
    return new Promise((resolve) => {
      this.queue.push({ task, preferred, speculative, resolve });
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

  private findSlot(preferred: string[]): { slots: Slots; slot: number } | undefined {
    for (const id of preferred) {
      const s = this.executors.get(id);
      const i = s ? s.busy.indexOf(null) : -1;
      if (s && i >= 0) return { slots: s, slot: i };
    }
    for (const s of this.executors.values()) {
      const i = s.busy.indexOf(null);
      if (i >= 0) return { slots: s, slot: i };
    }
    return undefined;
  }

  private dispatch(): void {
    let i = 0;
    while (i < this.queue.length) {
      const p = this.queue[i];
      const pick = this.findSlot(p.preferred);
      if (!pick) return;
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
    slots.handle.runTask(task).then(
      (outcome) => { if (this.running.delete(task.taskId)) this.finish(p, outcome, executorId, slot); },
      (err) => {
        if (!this.running.delete(task.taskId)) return;
        const message = err instanceof Error ? err.message : String(err);
        this.finish(p, { status: 'failed', reason: 'ExecutorLostFailure', errorName: 'ExecutorLostFailure', message,
          metrics: { recordsIn: 0, recordsOut: 0, shuffleReadBytes: 0, shuffleWriteBytes: 0, shuffleReadRecords: 0, shuffleWriteRecords: 0 }, durationMs: 0 }, executorId, slot);
      });
  }

  private finish(p: Pending, outcome: TaskOutcome, executorId: string, slot: number): void {
    const s = this.executors.get(executorId);
    if (s && s.busy[slot] === p.task.taskId) s.busy[slot] = null;
    const { task } = p;
    this.post({ type: 'taskEnd', time: this.now(), taskId: task.taskId, stageId: task.stageId, stageAttemptId: task.stageAttemptId,
      partition: task.partition, attempt: task.attempt, executorId, slot, speculative: p.speculative,
      reason: outcome.status === 'success' ? 'Success' : outcome.reason,
      failureReason: outcome.status === 'failed' ? `${outcome.errorName}: ${outcome.message}` : undefined,
      metrics: { durationMs: outcome.durationMs, ...outcome.metrics } });
    p.resolve({ outcome, executorId, slot });
    this.dispatch();
  }
}
