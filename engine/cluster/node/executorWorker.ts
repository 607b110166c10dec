/**
 * Entry of one Node executor worker (worker_threads). It imports the engine's public door first so
 * that the shipped globals (Some, None, CompactBuffer, HashPartitioner, ...) are registered here as
 * on the driver, then serves the driver over parentPort.
 */
import '../../index';
import { runExecutorWorker } from '../executorRuntime';
import { nodeEndpoint } from './nodeEndpoint';
import { errors } from '../../core/errors';

type WorkerThreads = typeof import('node:worker_threads');
const getBuiltin = (process as unknown as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
const wt = (getBuiltin ? getBuiltin('node:worker_threads') : await import('node:worker_threads')) as WorkerThreads;

if (!wt.parentPort) throw errors.notInWorkerThread();
runExecutorWorker(nodeEndpoint(wt.parentPort as never), (port) => nodeEndpoint(port as never), { hardHeapLimit: true });
