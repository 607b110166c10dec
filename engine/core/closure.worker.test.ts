import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BroadcastRegistry } from './broadcast';
import { closure, shipFunction } from './closure';
import { CompactBuffer } from './compactBuffer';
import { None, Some, type Option } from './option';

// Functions shipped from this (vitest-compiled) file run in a separate worker_thread, which has
// its own module instances: proof that source text plus the registry is all a function needs.
let worker: Worker;
beforeAll(() => {
  // A plain JS bootstrap registers tsx in the worker, then loads the TypeScript executor fixture.
  const fixture = new URL('./closureWorkerFixture.node.ts', import.meta.url).href;
  worker = new Worker(`import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(fixture)}); });`, { eval: true });
});
afterAll(async () => { await worker.terminate(); });

function runInWorker(task: unknown): Promise<{ ok: boolean; value?: string; error?: string }> {
  return new Promise((resolve, reject) => {
    const fail = (e: unknown) => { done(); reject(e instanceof Error ? e : new Error(`worker exited with ${String(e)}`)); };
    const ok = (m: { ok: boolean; value?: string; error?: string }) => { done(); resolve(m); };
    const done = () => { worker.off('message', ok); worker.off('error', fail); worker.off('exit', fail); };
    worker.on('message', ok);
    worker.on('error', fail);
    worker.on('exit', fail);
    worker.postMessage(task);
  });
}

describe('shipped functions run in another worker_thread', () => {
  const registry = new BroadcastRegistry();
  const b = registry.newBroadcast(new Map([['x', 5]]));
  const k = 7;
  const CASES: [string, Function, unknown[], string][] = [
    ['Some/None', (x: number): Option<number> => (x > 0 ? Some(x) : None), [3], 'Some(3)'],
    ['CompactBuffer', (xs: number[]) => CompactBuffer.from(xs), [[1, 2]], 'CompactBuffer(1, 2)'],
    ['a closure with plain data', closure({ k }, (x: number) => x * k), [2], '14'],
    ['a closure with a broadcast', closure({ b }, (key: string) => Some(b.value.get(key))), ['x'], 'Some(5)'],
  ];
  test.each(CASES)('%s', async (_d, fn, args, expected) => {
    const sf = shipFunction(fn, 'map');
    const broadcasts = { [b.id]: registry.getBroadcast(b.id) };
    expect(await runInWorker({ sf, args, broadcasts })).toEqual({ ok: true, value: expected, isArray: expected.startsWith('CompactBuffer') });
  });
});
