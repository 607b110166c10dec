/**
 * Entry of one Node executor worker (worker_threads): the Node executor's composition root. It hardens
 * the realm, then serves the driver over parentPort. The shipped globals need no import here: the
 * executor compiles with the engine's one table (engine/runtime/shippedGlobals.ts), as the driver ships.
 */
import { runExecutorWorker } from '../executorRuntime';
import { nodeEndpoint } from './nodeEndpoint';
import { errors } from '../../core/errors';
import { ArrayBufferMeter } from '../../executor/arrayBufferMeter';
import { setCodeCompiler } from '../../core/closure';
import { guardThenables } from '../../core/thenGuard';
import { nodeCodeCompiler, readSandboxEnv, restrictSockets } from './hardening';
import { nodeBuiltin } from './builtin';

type WorkerThreads = typeof import('node:worker_threads');
const wt: WorkerThreads = nodeBuiltin('node:worker_threads') ?? await import('node:worker_threads');

if (!wt.parentPort) throw errors.notInWorkerThread();
// Shipped functions compile without code generation from strings (the graph runner disallows it) and without
// the host's names in scope; a graph run from the command line also guards `then` and the network.
setCodeCompiler(nodeCodeCompiler());
const sandbox = readSandboxEnv(process.env);
if (sandbox) {
  guardThenables();
  restrictSockets(sandbox.sockets);
}
// resourceLimits bound the heap only; array buffers are counted with Node's per-worker reading.
const arrayBuffers = new ArrayBufferMeter(() => process.memoryUsage().arrayBuffers).install();
runExecutorWorker(nodeEndpoint(wt.parentPort as never), (port) => nodeEndpoint(port as never), { hardHeapLimit: true, arrayBuffers });
