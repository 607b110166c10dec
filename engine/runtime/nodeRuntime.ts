/**
 * The Node host's runtime: files in real directories, executors as worker_threads, socketTextStream over TCP,
 * print() on the process's stdout, and the command line's overrides from the environment (DSTREAM_MASTER,
 * DSTREAM_TASK_TIMEOUT, set by `npm run pipeline`). Nothing here loads a Node module until it is used.
 */
import { SystemClock } from '../core/clock';
import { NodeFileSystem } from '../cluster/node/nodeFileSystem';
import { NodeWorkerSpawner } from '../cluster/node/nodeSpawner';
import { connectTcp } from '../cluster/node/tcpSocket';
import type { WorkerSpawner } from '../cluster/spawner';
import type { FileSystem } from '../core/fileSystem';
import { socketConnector } from '../streaming/input/socketConnector';
import { ENGINE_SHIPPED_GLOBALS } from './shippedGlobals';
import { createRuntime, type EngineRuntime, type HostOverrides } from './runtime';

interface NodeProcess {
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

export interface NodeRuntimeOptions {
  /** Default: worker_threads executors (engine/cluster/node/executorWorker.ts). */
  workerSpawner?: () => WorkerSpawner;
  /** Default: a real directory per path (NodeFileSystem). */
  fileSystem?: () => FileSystem;
}

export function nodeRuntime(options: NodeRuntimeOptions = {}): EngineRuntime {
  const proc = (globalThis as { process?: NodeProcess }).process;
  const env = (name: string): string | undefined => proc?.env[name] || undefined;
  return createRuntime({
    fileSystem: options.fileSystem ?? (() => new NodeFileSystem()),
    workerSpawner: options.workerSpawner ?? (() => new NodeWorkerSpawner()),
    connectSocket: socketConnector(connectTcp),
    shippedGlobals: ENGINE_SHIPPED_GLOBALS,
    clock: () => new SystemClock(),
    stdout: (text) => { proc?.stdout.write(text); },
    stderr: (text) => { proc?.stderr.write(text); },
    overrides: (): HostOverrides => ({ master: env('DSTREAM_MASTER'), taskTimeoutMs: env('DSTREAM_TASK_TIMEOUT') }),
  });
}
