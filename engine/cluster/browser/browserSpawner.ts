/**
 * Browser adapter of the cluster manager: every executor is a module Web Worker. Works from the page
 * and from the driver's own worker (nested workers), where the studio runs the driver.
 */
import type { SpawnedWorker, WorkerSpawner } from '../spawner';
import { browserEndpoint } from './browserEndpoint';
import { errors } from '../../core/errors';

interface WebWorkerLike {
  postMessage(message: unknown, transfer?: unknown[]): void;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onerror: ((ev: { message?: string; preventDefault?(): void }) => void) | null;
  onmessageerror: ((ev: unknown) => void) | null;
  terminate(): void;
}
type WorkerCtor = new (url: URL | string, opts?: { type?: 'module' | 'classic'; name?: string }) => WebWorkerLike;

// The page's / worker's Worker and MessageChannel (the engine compiles without DOM types).
declare const Worker: WorkerCtor;
declare const MessageChannel: new () => { port1: unknown; port2: unknown };

export interface BrowserSpawnerOptions {
  /** Makes the worker; the default is Vite's bundled executor worker. */
  create?: (name: string) => WebWorkerLike;
  /**
   * A classic script to start each executor from, instead of the bundled module: the studio's engine host runs in
   * an opaque origin, where only a classic worker from a blob: URL of its own starts (a bootstrap that imports the
   * bundled entry; app/host/moduleWorker.ts).
   */
  bootstrapUrl?: string;
}

export class BrowserWorkerSpawner implements WorkerSpawner {
  readonly platform = 'browser' as const;
  constructor(private readonly opts: BrowserSpawnerOptions = {}) {}

  async spawn(label: string): Promise<SpawnedWorker> {
    if (!this.opts.create && typeof Worker === 'undefined') throw errors.noWebWorkers();
    const worker = this.opts.create
      ? this.opts.create(label)
      : this.opts.bootstrapUrl
        ? new Worker(this.opts.bootstrapUrl, { type: 'classic', name: label })
        : new Worker(new URL('./executorWorker.ts', import.meta.url), { type: 'module', name: label });
    let terminated = false, exited = false;
    const listeners: ((reason: string) => void)[] = [];
    const fire = (reason: string) => { if (terminated || exited) return; exited = true; for (const l of listeners) l(reason); };
    worker.onerror = (ev) => { ev.preventDefault?.(); fire(ev.message || 'the executor worker failed to load (script error)'); };
    worker.onmessageerror = () => fire('a message from the executor worker could not be deserialized');
    return {
      endpoint: browserEndpoint(worker as never),
      onExit: (l) => { listeners.push(l); },
      terminate: () => { terminated = true; worker.terminate(); },
    };
  }

  channel(): { port1: unknown; port2: unknown } {
    const ch = new MessageChannel();
    return { port1: ch.port1, port2: ch.port2 };
  }
}
