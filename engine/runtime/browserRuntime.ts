/**
 * A browser realm's runtime (a page or a worker): files in memory unless the host lends storage, executors as
 * Web Workers, socketTextStream on the studio's netcat box or a WebSocket, print() on the console.
 */
import { SystemClock } from '../core/clock';
import { MemoryFileSystem, type FileSystem } from '../core/fileSystem';
import { BrowserWorkerSpawner } from '../cluster/browser/browserSpawner';
import type { WorkerSpawner } from '../cluster/spawner';
import { connectVirtual, socketConnector } from '../streaming/input/socketConnector';
import { ENGINE_SHIPPED_GLOBALS } from './shippedGlobals';
import { consoleWriter, createRuntime, type EngineRuntime } from './runtime';

export interface BrowserRuntimeOptions {
  /** Default: module Web Workers of this origin (the studio's engine host passes blob: bootstrap workers). */
  workerSpawner?: () => WorkerSpawner;
  /** Default: memory (the studio lends the page's storage per run instead). */
  fileSystem?: () => FileSystem;
}

export function browserRuntime(options: BrowserRuntimeOptions = {}): EngineRuntime {
  return createRuntime({
    fileSystem: options.fileSystem ?? (() => new MemoryFileSystem()),
    workerSpawner: options.workerSpawner ?? (() => new BrowserWorkerSpawner()),
    connectSocket: socketConnector(connectVirtual),
    shippedGlobals: ENGINE_SHIPPED_GLOBALS,
    clock: () => new SystemClock(),
    stdout: consoleWriter((line) => console.log(line)),
    stderr: consoleWriter((line) => console.error(line)),
  });
}
