import type { Endpoint } from './protocol';

/** One executor worker as the cluster manager sees it. */
export interface SpawnedWorker {
  readonly endpoint: Endpoint;
  /** Called once if the worker fails to load, throws or exits on its own (not after terminate()). */
  onExit(listener: (reason: string) => void): void;
  terminate(): void;
  /** Node: whether the worker keeps the process alive (kept only while the driver waits for it). */
  setRef?(ref: boolean): void;
}

/** Platform adapter: starts executor workers and makes channels between them. */
export interface WorkerSpawner {
  readonly platform: 'node' | 'browser';
  spawn(label: string): Promise<SpawnedWorker>;
  /** A MessageChannel whose two ports can be transferred to two workers. */
  channel(): { port1: unknown; port2: unknown };
}
