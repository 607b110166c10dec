import type { Endpoint } from './protocol';

/** One executor worker as the cluster manager sees it. */
export interface SpawnedWorker {
  readonly endpoint: Endpoint;
  /**
   * Called once if the worker fails to load, throws or exits on its own (not after terminate()). `kind` is
   * 'oom' when it hit its heap limit (Node's resourceLimits: ERR_WORKER_OUT_OF_MEMORY).
   */
  onExit(listener: (reason: string, kind?: 'oom') => void): void;
  terminate(): void;
  /** Node: whether the worker keeps the process alive (kept only while the driver waits for it). */
  setRef?(ref: boolean): void;
}

/** Heap limits of one executor worker (Node: worker_threads resourceLimits; browsers have no equivalent). */
export interface WorkerLimits {
  /** The worker's old-generation heap, MiB (Node's resourceLimits.maxOldGenerationSizeMb). */
  maxHeapMiB: number;
}

/** Platform adapter: starts executor workers and makes channels between them. */
export interface WorkerSpawner {
  readonly platform: 'node' | 'browser';
  spawn(label: string, limits?: WorkerLimits): Promise<SpawnedWorker>;
  /** A MessageChannel whose two ports can be transferred to two workers. */
  channel(): { port1: unknown; port2: unknown };
}
