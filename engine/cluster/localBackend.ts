import type { EngineEvent } from '../core/events';
import { Executor } from '../executor/executor';
import type { TaskDesc } from '../rdd/plan';
import { StorageLevel } from '../rdd/storageLevel';
import type { ExecutorHandle, SchedulerBackend } from './backend';

export interface BackendContext {
  post(event: EngineEvent): void;
  now(): number;
  getBroadcast(id: number): unknown;
}

/** Wraps an in-process Executor as a handle. */
export function inProcessHandle(executor: Executor, memoryMiB: number): ExecutorHandle {
  return {
    id: executor.id, host: executor.host, cores: executor.cores, memoryMiB,
    runTask: (task: TaskDesc) => executor.runTask(task),
    removeBlocks: async (prefix) => { executor.blockManager.removeWhere((id) => id.startsWith(prefix)); },
    putBlock: async (blockId, values, level) => { executor.blockManager.put(blockId, values, StorageLevel.fromString(level).toJSON()); },
    getBlock: async (blockId) => executor.blockManager.get(blockId),
    killTask: async (taskId, reason) => executor.killTask(taskId, reason),
  };
}

/** Spark's LocalSchedulerBackend: one executor with N task slots, in the driver's thread. */
export class LocalBackend implements SchedulerBackend {
  readonly kind = 'local' as const;
  private handle?: ExecutorHandle;
  private executor?: Executor;
  private addedListeners: ((h: ExecutorHandle) => void)[] = [];

  constructor(private readonly cores: number, readonly maxTaskFailures: number, private readonly ctx: BackendContext, private readonly memoryMiB = 1024) {}

  async start(): Promise<void> {
    const { post, now } = this.ctx;
    post({ type: 'clusterStep', time: now(), step: 'resourcesRequested', index: 2, detail: `local mode: ${this.cores} task slot(s) in the driver process, no cluster manager` });
    this.executor = new Executor({
      id: 'driver', host: 'localhost', cores: this.cores, memoryBytes: this.memoryMiB * 1024 * 1024,
      peers: {
        fetchShuffleBlock: async () => undefined,
        fetchBlock: async () => undefined,
        getBroadcast: (id) => this.ctx.getBroadcast(id),
      },
    });
    this.handle = inProcessHandle(this.executor, this.memoryMiB);
    post({ type: 'clusterStep', time: now(), step: 'executorLaunched', index: 3, detail: `executor driver started in the driver's thread with ${this.cores} slot(s)`, executorId: 'driver' });
    post({ type: 'executorAdded', time: now(), executorId: 'driver', host: 'localhost', cores: this.cores, memoryMiB: this.memoryMiB });
    post({ type: 'clusterStep', time: now(), step: 'executorRegistered', index: 4, detail: 'executor driver registered with the driver', executorId: 'driver' });
    for (const l of this.addedListeners) l(this.handle);
  }

  executors(): ExecutorHandle[] { return this.handle ? [this.handle] : []; }
  defaultParallelism(): number { return this.cores; }
  /** Local mode has no separate executor process to kill (Spark's local backend ignores killExecutor too). */
  async killExecutor(_id: string, _reason: string): Promise<boolean> { return false; }
  /** Spark's local backend is no ExecutorAllocationClient: killing and requesting executors are not supported (false). */
  async killExecutors(_ids: readonly string[], _reason: string): Promise<string[]> { return []; }
  async requestExecutors(_n: number): Promise<boolean> { return false; }
  onExecutorLost(_listener: (id: string, reason: string) => void): void { /* the in-process executor lives as long as the driver */ }
  onExecutorAdded(listener: (h: ExecutorHandle) => void): void { this.addedListeners.push(listener); }
  async stop(): Promise<void> { this.handle = undefined; this.executor = undefined; }
}
