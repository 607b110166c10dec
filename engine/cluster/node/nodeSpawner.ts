/**
 * Node adapter of the cluster manager: executors are worker_threads Workers.
 *
 * Running from TypeScript source (tests, `npm run pipeline` under tsx), a worker starts at
 * bootstrap.mjs, which registers tsx inside the worker and then imports executorWorker.ts.
 * A compiled build (.js next to this file) starts executorWorker.js directly.
 */
import type { SpawnedWorker, WorkerLimits, WorkerSpawner } from '../spawner';
import { nodeEndpoint } from './nodeEndpoint';
import { errors } from '../../core/errors';
import { nodeBuiltin } from './builtin';

type WorkerThreads = typeof import('node:worker_threads');

async function workerThreads(): Promise<WorkerThreads> {
  return nodeBuiltin('node:worker_threads') ?? await import('node:worker_threads');
}

// Names kept in variables so that bundlers do not try to bundle the Node worker as a web asset.
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const ENTRY = FROM_SOURCE ? './executorWorker.ts' : './executorWorker.js';
const BOOTSTRAP = './bootstrap.mjs';

export interface NodeSpawnerOptions {
  /** Overrides the worker's entry file (tests: a missing file, to exercise start-up failures). */
  entryUrl?: URL;
}

export class NodeWorkerSpawner implements WorkerSpawner {
  readonly platform = 'node' as const;
  constructor(private readonly opts: NodeSpawnerOptions = {}) {}

  async spawn(label: string, limits?: WorkerLimits): Promise<SpawnedWorker> {
    const wt = await workerThreads();
    const entry = this.opts.entryUrl ?? new URL(ENTRY, import.meta.url);
    // Only the engine's own executor entry (or a file beside it, in tests) is started: a worker from a data: URL or
    // a file a pipeline wrote would run outside the limits put on user functions.
    if (entry.protocol !== 'file:' || !entry.href.startsWith(new URL('.', import.meta.url).href)) throw errors.workerEntryNotAllowed(entry.href);
    // A hard heap limit: a UDF that allocates without bound ends this worker (ERR_WORKER_OUT_OF_MEMORY), not the process.
    const resourceLimits = limits ? { maxOldGenerationSizeMb: Math.max(16, Math.ceil(limits.maxHeapMiB)) } : undefined;
    const worker = FROM_SOURCE
      ? new wt.Worker(new URL(BOOTSTRAP, import.meta.url), { workerData: { entry: entry.href }, name: label, stderr: false, resourceLimits })
      : new wt.Worker(entry, { name: label, resourceLimits });
    let terminated = false;
    let exited = false;
    const exitListeners: ((reason: string, kind?: 'oom') => void)[] = [];
    const fire = (reason: string, kind?: 'oom') => {
      if (terminated || exited) return;
      exited = true;
      for (const l of exitListeners) l(reason, kind);
    };
    worker.on('error', (e: unknown) => {
      const oom = (e as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
      fire(e instanceof Error ? `${e.name}: ${e.message}` : String(e), oom ? 'oom' : undefined);
    });
    worker.on('exit', (code: number) => fire(`Worker exited with code ${code}`));
    return {
      endpoint: nodeEndpoint(worker as never),
      onExit: (l) => { exitListeners.push(l); },
      terminate: () => { terminated = true; void worker.terminate(); },
      setRef: (ref) => { if (ref) worker.ref(); else worker.unref(); },
    };
  }

  channel(): { port1: unknown; port2: unknown } {
    const MC = nodeBuiltin('node:worker_threads')?.MessageChannel ?? globalThis.MessageChannel;
    const ch = new MC();
    return { port1: ch.port1, port2: ch.port2 };
  }
}
