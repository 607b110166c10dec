/**
 * The in-process runtime: everything in this realm and in memory. Only local masters run (there is no worker
 * to start executors in), sockets reach only the netcat box, print() goes to the console. For checks that
 * must not touch the host (dry runs) and for embedding the engine where no platform adapter applies.
 */
import { SystemClock } from '../core/clock';
import { MemoryFileSystem } from '../core/fileSystem';
import { connectVirtual, socketConnector } from '../streaming/input/socketConnector';
import { ENGINE_SHIPPED_GLOBALS } from './shippedGlobals';
import { consoleWriter, createRuntime, type EngineRuntime } from './runtime';

export function inProcessRuntime(): EngineRuntime {
  return createRuntime({
    fileSystem: () => new MemoryFileSystem(),
    connectSocket: socketConnector(connectVirtual),
    shippedGlobals: ENGINE_SHIPPED_GLOBALS,
    clock: () => new SystemClock(),
    stdout: consoleWriter((line) => console.log(line)),
    stderr: consoleWriter((line) => console.error(line)),
  });
}
