/**
 * The cluster module: what a `local-cluster[W,C,M]` master deploys, read from the conf. SparkContext asks it
 * for the task scheduler's settings (before it builds the scheduler) and for the backend, which starts its
 * executors with the runtime's worker spawner (worker_threads in Node, Web Workers in a browser).
 *
 * Configuration (SparkConf):
 *   spark.task.maxFailures (4)                     task failures before a job aborts
 *   spark.speculation (false), spark.speculation.multiplier (1.5), spark.speculation.quantile (0.75),
 *   spark.speculation.minTaskRuntime (100ms), spark.speculation.interval (100ms)
 *   spark.studio.executor.registrationTimeout (30s)  real time an executor has to register
 *   spark.deploy.maxExecutorRetries (10)           replacements after abnormal exits
 *   spark.studio.cluster.crashOnStart ("")         test hook: comma-separated executor ids that die at start-up
 *   spark.studio.task.timeout (10s)                real time a task may run on a worker executor before it is
 *                                                  declared hung (0 disables). Spark has no exact equivalent (its
 *                                                  closest are spark.network.timeout for lost executors and
 *                                                  speculation for slow tasks); the studio needs one because a
 *                                                  UDF with an infinite loop never yields. The task fails with
 *                                                  "task exceeded N ms (possible infinite loop in <op at node>)",
 *                                                  counted as a task failure; the worker is terminated and replaced.
 *   spark.executor.memoryOverhead (max(384m, 10% of M))  heap beyond the M MiB of block memory: each worker
 *                                                  executor's heap limit is M + overhead (Node: resourceLimits.
 *                                                  maxOldGenerationSizeMb; browsers: the heap watchdog's limit).
 *                                                  A task that exhausts it fails with "executor N ran out of memory
 *                                                  (limit L MiB) while running <op>: ..." and the worker is replaced.
 *
 * local[N] runs its executor in the driver's thread (in the studio: inside the driver's Web Worker): there a
 * looping UDF cannot be interrupted by the engine, so the task timeout does not apply; only whoever owns that
 * thread (the studio's page, by terminating the driver worker) can stop it.
 */
import type { BroadcastRegistry } from '../core/broadcast';
import type { SparkConf } from '../core/conf';
import type { EngineListener } from '../core/events';
import { executorHeapLimitMiB, LocalClusterBackend } from './clusterBackend';
import type { BackendContext } from './localBackend';
import type { ClusterSpec } from './clusterBackend';
import { TaskSites } from './taskSites';
import type { WorkerSpawner } from './spawner';
import type { SchedulerBackend } from './backend';
import { speculationConf } from '../scheduler/speculation';
import type { TaskSchedulingOptions } from '../scheduler/TaskScheduler';
import { errors } from '../core/errors';

export { LocalClusterBackend, RemoteExecutorHandle, executorHeapLimitMiB } from './clusterBackend';
export type { WorkerSpawner, SpawnedWorker } from './spawner';
export { encode, decode, roundTrip } from './codec';

/** A local-cluster master's deployment: how its tasks are scheduled and how its backend is built. */
export interface ClusterDeployment {
  /** The task scheduler's settings (speculation, the task timeout, how tasks are named in messages). */
  readonly scheduling: TaskSchedulingOptions;
  /** Follows the stages' plans for those task names (add it to the context's listener bus). */
  readonly listener: EngineListener;
  backend(ctx: BackendContext, broadcasts: BroadcastRegistry, spawner: WorkerSpawner): SchedulerBackend;
}

/** Reads a local-cluster deployment from the conf; `cliTaskTimeoutMs` is the command line's --task-timeout. */
export function localClusterDeployment(spec: ClusterSpec, conf: SparkConf, cliTaskTimeoutMs?: string): ClusterDeployment {
  const sites = new TaskSites();
  // `npm run pipeline -- program.ts --task-timeout MS` reaches a program as the runtime's override (the conf wins).
  const taskTimeoutMs = conf.getTimeAsMs('spark.studio.task.timeout', cliTaskTimeoutMs ? `${cliTaskTimeoutMs}ms` : '10s');
  const overhead = conf.getOption('spark.executor.memoryOverhead');
  const crash: Record<string, string> = {};
  for (const id of (conf.get('spark.studio.cluster.crashOnStart', '') as string).split(',').map((s) => s.trim()).filter(Boolean)) {
    crash[id] = `Executor ${id} crashed during start-up (spark.studio.cluster.crashOnStart)`;
  }
  return {
    scheduling: {
      speculation: speculationConf(conf),
      taskTimeoutMs,
      describeTask: (task) => sites.describe(task),
      taskNodeIds: (task) => sites.nodeIds(task),
    },
    listener: (e) => sites.onEvent(e),
    backend: (ctx, broadcasts, spawner) => new LocalClusterBackend(spec, ctx, spawner, {
      maxTaskFailures: conf.getInt('spark.task.maxFailures', 4),
      registrationTimeoutMs: conf.getTimeAsMs('spark.studio.executor.registrationTimeout', '30s'),
      maxExecutorRetries: conf.getInt('spark.deploy.maxExecutorRetries', 10),
      broadcasts,
      crashOnStart: crash,
      heapLimitMiB: executorHeapLimitMiB(spec.memoryMiB, overhead === undefined ? undefined : sizeAsMiB(overhead, 'spark.executor.memoryOverhead')),
    }),
  };
}

/** Spark's size strings in MiB: "512m", "2g", "1024k", or a plain number of MiB. */
function sizeAsMiB(value: string, key: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(k|kb|m|mb|g|gb|t|tb)?\s*$/i.exec(value);
  if (!m) throw errors.notASize(key, value);
  const n = Number(m[1]);
  const unit = (m[2] ?? 'm').toLowerCase()[0];
  return Math.ceil(unit === 'k' ? n / 1024 : unit === 'g' ? n * 1024 : unit === 't' ? n * 1024 * 1024 : n);
}
