/**
 * Entry of one browser executor (a module Web Worker, bundled by Vite from
 * `new Worker(new URL('./executorWorker.ts', import.meta.url), { type: 'module' })`): the browser executor's
 * composition root. The shipped globals need no import here: the executor compiles with the engine's one table
 * (engine/runtime/shippedGlobals.ts), as the driver ships.
 */
import { runExecutorWorker } from '../executorRuntime';
import { browserEndpoint } from './browserEndpoint';
import { ArrayBufferMeter } from '../../executor/arrayBufferMeter';

const scope = globalThis as unknown as Parameters<typeof browserEndpoint>[0];
// Browsers have no hard heap limit for a worker: Chromium's performance.memory (where exposed) feeds the
// executor's heap watchdog; elsewhere the block manager's budget stands in for it.
const perf = (globalThis as { performance?: { memory?: { usedJSHeapSize?: number } } }).performance;
const heapUsed = typeof perf?.memory?.usedJSHeapSize === 'number' ? () => perf.memory!.usedJSHeapSize : undefined;
// Array buffers are outside the JS heap (and performance.memory): counted by wrapping their constructors here,
// before any user code loads.
const arrayBuffers = new ArrayBufferMeter().install();
runExecutorWorker(browserEndpoint(scope), (port) => browserEndpoint(port as Parameters<typeof browserEndpoint>[0]), { heapUsed, arrayBuffers });
