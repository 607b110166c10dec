/**
 * The cluster module: registers the `local-cluster[W,C,M]` backend with SparkContext (engine/index.ts
 * imports this file). Picks the platform's worker adapter: worker_threads in Node, Web Workers in a
 * browser (the page or the driver's own worker).
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
import { registerClusterBackend } from '../rdd/SparkContext';
import { BrowserWorkerSpawner } from './browser/browserSpawner';
import { executorHeapLimitMiB, LocalClusterBackend } from './clusterBackend';
import { TaskSites } from './taskSites';
import { NodeWorkerSpawner } from './node/nodeSpawner';
import type { WorkerSpawner } from './spawner';
import { speculationConf } from '../scheduler/speculation';
import { errors } from '../core/errors';

export { LocalClusterBackend, RemoteExecutorHandle, executorHeapLimitMiB } from './clusterBackend';
export type { WorkerSpawner, SpawnedWorker } from './spawner';
export { encode, decode, roundTrip } from './codec';

let spawnerFactory: (() => WorkerSpawner) | undefined;

/** Replaces the platform's worker adapter (tests, or an app that builds its own workers). */
export function setWorkerSpawner(factory: (() => WorkerSpawner) | undefined): void { spawnerFactory = factory; }

export function defaultWorkerSpawner(): WorkerSpawner {
  const isNode = typeof process !== 'undefined' && !!process.versions?.node && typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope === 'undefined';
  return isNode ? new NodeWorkerSpawner() : new BrowserWorkerSpawner();
}

registerClusterBackend((spec, ctx, sc) => {
  const conf = sc.conf;
  sc.taskScheduler.speculation = speculationConf(conf);
  // `npm run pipeline -- program.ts --task-timeout MS` reaches a program as DSTREAM_TASK_TIMEOUT (the conf wins).
  const cliTimeout = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.DSTREAM_TASK_TIMEOUT;
  sc.taskScheduler.taskTimeoutMs = conf.getTimeAsMs('spark.studio.task.timeout', cliTimeout ? `${cliTimeout}ms` : '10s');
  const sites = new TaskSites();
  sc.addSparkListener((e) => sites.onEvent(e));
  sc.taskScheduler.describeTask = (task) => sites.describe(task);
  sc.taskScheduler.taskNodeIds = (task) => sites.nodeIds(task);
  const overhead = conf.getOption('spark.executor.memoryOverhead');
  const crash: Record<string, string> = {};
  for (const id of (conf.get('spark.studio.cluster.crashOnStart', '') as string).split(',').map((s) => s.trim()).filter(Boolean)) {
    crash[id] = `Executor ${id} crashed during start-up (spark.studio.cluster.crashOnStart)`;
  }
  return new LocalClusterBackend(spec, ctx, (spawnerFactory ?? defaultWorkerSpawner)(), {
    maxTaskFailures: conf.getInt('spark.task.maxFailures', 4),
    registrationTimeoutMs: conf.getTimeAsMs('spark.studio.executor.registrationTimeout', '30s'),
    maxExecutorRetries: conf.getInt('spark.deploy.maxExecutorRetries', 10),
    broadcasts: sc.broadcasts,
    crashOnStart: crash,
    heapLimitMiB: executorHeapLimitMiB(spec.memoryMiB, overhead === undefined ? undefined : sizeAsMiB(overhead, 'spark.executor.memoryOverhead')),
  });
});

/** Spark's size strings in MiB: "512m", "2g", "1024k", or a plain number of MiB. */
function sizeAsMiB(value: string, key: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(k|kb|m|mb|g|gb|t|tb)?\s*$/i.exec(value);
  if (!m) throw errors.notASize(key, value);
  const n = Number(m[1]);
  const unit = (m[2] ?? 'm').toLowerCase()[0];
  return Math.ceil(unit === 'k' ? n / 1024 : unit === 'g' ? n * 1024 : unit === 't' ? n * 1024 * 1024 : n);
}
