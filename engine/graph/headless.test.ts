/** The headless runner (what `npm run pipeline -- graph.json` calls). */
import { describe, expect, test } from 'vitest';

const WC = {
  version: 1, name: 'wc', master: 'local[2]', batchDuration: 1000, seed: 42,
  nodes: [
    { id: 'q', op: 'queueStream', params: { batches: [['hello world hello']] }, position: { x: 0, y: 0 } },
    { id: 'w', op: 'flatMap', params: { f: "l => l.split(' ')" }, position: { x: 200, y: 0 } },
    { id: 'p', op: 'map', params: { f: 'w => [w, 1]' }, position: { x: 400, y: 0 } },
    { id: 'c', op: 'reduceByKey', params: {}, position: { x: 600, y: 0 } },
    { id: 'o', op: 'print', params: {}, position: { x: 800, y: 0 } },
  ],
  edges: [{ id: 'e1', source: 'q', target: 'w' }, { id: 'e2', source: 'w', target: 'p' }, { id: 'e3', source: 'p', target: 'c' }, { id: 'e4', source: 'c', target: 'o' }],
};

describe('runGraphText', () => {
  test('prints exactly what print() prints, per batch, and exits 0', async () => {
    const { runGraphText } = await import('./headless');
    let out = '';
    const code = await runGraphText(JSON.stringify(WC), { batches: 2, stdout: (t) => { out += t; }, stderr: () => {} });
    expect(code).toBe(0);
    const dash = '-'.repeat(43);
    expect(out).toBe(`${dash}\nTime: 1000 ms\n${dash}\n(hello,2)\n(world,1)\n\n${dash}\nTime: 2000 ms\n${dash}\n\n`);
  });

  test('an invalid graph throws GraphValidationError listing every issue (no run)', async () => {
    const { runGraphText } = await import('./headless');
    const bad = { ...WC, batchDuration: 0, nodes: WC.nodes.slice(0, 4) };
    await expect(runGraphText(JSON.stringify(bad), { stdout: () => {}, stderr: () => {} })).rejects.toMatchObject({
      name: 'GraphValidationError',
      issues: [{ severity: 'error', message: 'batchDuration: expected a positive number of milliseconds, got 0' },
        { severity: 'error', message: 'edges[3].target: no node with id "o"' }],
    });
    const noOutput = { ...WC, nodes: WC.nodes.slice(0, 4), edges: WC.edges.slice(0, 3) };
    await expect(runGraphText(JSON.stringify(noOutput), { stdout: () => {}, stderr: () => {} })).rejects.toMatchObject({
      issues: [{ message: 'requirement failed: No output operations registered, so nothing to execute' }],
    });
  });

  test('--master override and the local[1] receiver warning', async () => {
    const { runGraphText } = await import('./headless');
    const g = { ...WC, nodes: [{ id: 'q', op: 'socketTextStream', params: {}, position: { x: 0, y: 0 } }, { id: 'o', op: 'print', params: {}, position: { x: 200, y: 0 } }],
      edges: [{ id: 'e1', source: 'q', target: 'o' }] };
    let err = '';
    await runGraphText(JSON.stringify(g), { batches: 0, master: 'local[1]', stdout: () => {}, stderr: (t) => { err += t; } }).catch(() => 1);
    expect(err).toContain('warning: local[1] with a receiver: the receiver takes the only task slot, so no batch is processed. Use local[2] or more.');
  });
});
