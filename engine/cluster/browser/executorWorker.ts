/**
 * Entry of one browser executor (a module Web Worker, bundled by Vite from
 * `new Worker(new URL('./executorWorker.ts', import.meta.url), { type: 'module' })`). It imports the
 * engine's public door first so the shipped globals are registered here as on the driver.
 */
import '../../index';
import { runExecutorWorker } from '../executorRuntime';
import { browserEndpoint } from './browserEndpoint';

const scope = globalThis as unknown as Parameters<typeof browserEndpoint>[0];
runExecutorWorker(browserEndpoint(scope), (port) => browserEndpoint(port as Parameters<typeof browserEndpoint>[0]));
