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
 */
import { registerClusterBackend } from '../rdd/SparkContext';
import { BrowserWorkerSpawner } from './browser/browserSpawner';
import { LocalClusterBackend } from './clusterBackend';
import { NodeWorkerSpawner } from './node/nodeSpawner';
import type { WorkerSpawner } from './spawner';
import { speculationConf } from '../scheduler/speculation';

export { LocalClusterBackend, RemoteExecutorHandle } from './clusterBackend';
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
  });
});
