import type { TaskDesc, TaskOutcome } from '../rdd/plan';

/** The driver's view of one executor, wherever it runs (driver thread, Web Worker, worker_thread). */
export interface ExecutorHandle {
  readonly id: string;
  readonly host: string;
  readonly cores: number;
  readonly memoryMiB: number;
  runTask(task: TaskDesc): Promise<TaskOutcome>;
  /** Removes blocks matching a prefix (unpersist, shuffle and batch cleanup). */
  removeBlocks(prefix: string): Promise<void>;
  /** Stores a block on this executor (receivers, replication, WAL recovery). */
  putBlock(blockId: string, values: unknown[], level: string): Promise<void>;
  getBlock(blockId: string): Promise<unknown[] | undefined>;
  /** Asks the executor to stop a running task (speculation losers); false if it is not running there. */
  killTask?(taskId: number, reason: string): Promise<boolean>;
}

/** Spark's SchedulerBackend: owns the executors of one deployment (local or local-cluster). */
export interface SchedulerBackend {
  readonly kind: 'local' | 'local-cluster';
  /** Task failures allowed per task before the job aborts (local: 1 unless local[N,F]; cluster: spark.task.maxFailures). */
  readonly maxTaskFailures: number;
  start(): Promise<void>;
  executors(): ExecutorHandle[];
  defaultParallelism(): number;
  killExecutor(id: string, reason: string): Promise<boolean>;
  /** Called by the backend when an executor is gone (killed, crashed). */
  onExecutorLost(listener: (id: string, reason: string) => void): void;
  /** Called by the backend when an executor registers (start-up or replacement). */
  onExecutorAdded(listener: (handle: ExecutorHandle) => void): void;
  stop(): Promise<void>;
}
