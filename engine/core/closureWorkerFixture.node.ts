/**
 * Test fixture (closure.worker.test.ts): an executor in a real worker_thread. It receives shipped
 * functions as messages, compiles them and calls them; broadcast values come from the message.
 */
import { parentPort } from 'node:worker_threads';
import { compileShipped, type ShippedFn } from './closure';

interface Task { sf: ShippedFn; args: unknown[]; broadcasts: Record<number, unknown> }

parentPort!.on('message', (task: Task) => {
  try {
    const fn = compileShipped<(...a: unknown[]) => unknown>(task.sf, { getBroadcast: (id) => task.broadcasts[id] });
    const out = fn(...task.args);
    parentPort!.postMessage({ ok: true, value: String(out), isArray: Array.isArray(out) });
  } catch (e) {
    parentPort!.postMessage({ ok: false, error: (e as Error).message });
  }
});
