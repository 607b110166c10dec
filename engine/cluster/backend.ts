import type { TaskDesc, TaskOutcome } from '../rdd/plan';
import type { ErrorCode } from '../core/errors';
import type { ExecutorReceiverStart, ReceiverCutReply } from '../streaming/receiver/ExecutorReceiver';

/** Receivers running inside an executor's worker (its reserved slot): started, cut into blocks, stopped by the driver. */
export interface ExecutorReceivers {
  start(start: ExecutorReceiverStart): Promise<void>;
  /** Cuts the blocks of intervals ended by `time`, stores them there (and on `replicateTo`), returns their ids and sizes. */
  cut(streamId: number, time: number, rateLimit: number | undefined, level: string, replicateTo: string[]): Promise<ReceiverCutReply>;
  stop(streamId: number): Promise<void>;
}

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
  /** Worker executors run receivers inside their worker; the in-process executor of local[N] runs them in the driver's realm. */
  readonly receivers?: ExecutorReceivers;
  /** Asks the executor to stop a running task (speculation losers); false if it is not running there. */
  killTask?(taskId: number, reason: string): Promise<boolean>;
  /**
   * Stops the executor at once, whatever it is running (its worker is terminated and a replacement launched).
   * Only executors in their own worker have it: a task that never yields (an infinite loop in a UDF) can be
   * stopped only this way. The in-process executor of local[N] cannot be interrupted and has no terminate.
   */
  terminate?(reason: string): void;
  /**
   * Set when the executor exited because of what one of its tasks did (it ran out of memory): its running
   * tasks then fail with this error and count as task failures (Spark's ExecutorLostFailure with
   * exitCausedByApp = true), instead of the uncounted ExecutorLostFailure of a kill or crash.
   * `describe` receives the operations the task was running (see TaskScheduler.describeTask).
   */
  exitCausedByApp?: { errorName: string; errorCode: ErrorCode; describe(site: string): string };
}

/** Spark's SchedulerBackend: owns the executors of one deployment (local or local-cluster). */
export interface SchedulerBackend {
  readonly kind: 'local' | 'local-cluster';
  /** Task failures allowed per task before the job aborts (local: 1 unless local[N,F]; cluster: spark.task.maxFailures). */
  readonly maxTaskFailures: number;
  start(): Promise<void>;
  executors(): ExecutorHandle[];
  defaultParallelism(): number;
  /** An executor crashes (ssc.faults.killExecutor): it is removed and the cluster manager launches a replacement. */
  killExecutor(id: string, reason: string): Promise<boolean>;
  /** Spark's killExecutors: removes live executors and lowers the target, with no replacement; the ids removed. */
  killExecutors(ids: readonly string[], reason: string): Promise<string[]>;
  /** Spark's requestExecutors: launches `n` more executors; false where a deployment cannot add any (local). */
  requestExecutors(n: number): Promise<boolean>;
  /** Called by the backend when an executor is gone (killed, crashed). */
  onExecutorLost(listener: (id: string, reason: string) => void): void;
  /** Called by the backend when an executor registers (start-up or replacement). */
  onExecutorAdded(listener: (handle: ExecutorHandle) => void): void;
  stop(): Promise<void>;
}
