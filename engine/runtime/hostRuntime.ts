/**
 * The runtime of contexts created without one (`new StreamingContext(conf, Seconds(1))` in a program, as in
 * Spark). The one place that asks which host this realm is: Node (a process, not a worker of a browser) or a
 * browser realm. Hosts that know better (the studio's driver worker, a test with its own spawner) build their
 * runtime and pass it in; this choice is made once and never changes.
 */
import { browserRuntime } from './browserRuntime';
import { nodeRuntime } from './nodeRuntime';
import type { EngineRuntime } from './runtime';
import { setProgramHelperSource } from '../core/closureHelpers';
import { nodeProgramHelpers } from '../cluster/node/programHelpers';

const isNode = typeof process !== 'undefined' && !!process.versions?.node;
const isBrowserWorkerScope = typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined';

/** Node with browser workers (a Node realm that has WorkerGlobalScope) keeps Node's files and sockets. */
export const HOST_RUNTIME: EngineRuntime = isNode
  ? (isBrowserWorkerScope ? nodeRuntime({ workerSpawner: browserRuntime().workerSpawner }) : nodeRuntime())
  : browserRuntime();

// A Node program's top-level helpers (the lecture's getTags) ship with the closures that call them; a browser
// realm builds pipelines from graph JSON, whose functions are standalone sources.
if (isNode) setProgramHelperSource(nodeProgramHelpers);
