/** The gallery (public/examples): every example is a valid graph, listed in index.json, and runs 3 batches with stable output. */
import { describe, expect, test } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePipeline } from './schema';
import { validateGraph } from './validate';
import type { PipelineGraph } from './types';

const DIR = join(__dirname, '../../public/examples');
const index = JSON.parse(readFileSync(join(DIR, 'index.json'), 'utf8')) as {
  default: string;
  examples: { id: string; file: string; title: Record<string, string>; description: Record<string, string> }[];
};
const files = readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'index.json').sort();
const load = (file: string): PipelineGraph => {
  const r = parsePipeline(readFileSync(join(DIR, file), 'utf8'));
  if (!r.ok) throw new Error(`${file}:\n${r.issues.join('\n')}`);
  return r.graph;
};

describe('gallery', () => {
  test('index.json lists every example file once, with en and zh-CN texts; hashtags is the default', () => {
    expect(index.examples.map((e) => e.file).sort()).toEqual(files);
    expect(index.default).toBe('hashtags');
    expect(index.examples.map((e) => e.id)).toContain(index.default);
    for (const e of index.examples) {
      expect(e.file).toBe(`${e.id}.json`);
      for (const t of [e.title, e.description]) { expect(t.en).toBeTruthy(); expect(t['zh-CN']).toBeTruthy(); }
    }
    expect(files).toEqual(['backpressure-demo.json', 'exactly-once-kafka.json', 'fault-tolerance-demo.json', 'hashtags.json',
      'join-two-streams.json', 'stateful-wordcount.json', 'wordcount.json']);
  });

  test.each(files)('%s parses and validates with no issues; positions run left to right', (file) => {
    const g = load(file);
    expect(validateGraph(g)).toEqual([]);
    const x = new Map(g.nodes.map((n) => [n.id, n.position.x]));
    for (const e of g.edges) expect(x.get(e.source)!, `${e.source} left of ${e.target}`).toBeLessThan(x.get(e.target)!);
    const pos = new Set(g.nodes.map((n) => `${n.position.x},${n.position.y}`));
    expect(pos.size, 'no two nodes on the same spot').toBe(g.nodes.length);
  });
});

function localEquivalent(master: string): string {
  const m = /^local-cluster\[(\d+),\s*(\d+),/.exec(master)!;
  return `local[${Number(m[1]) * Number(m[2])}]`;
}

describe('gallery runs (3 batches, manual clock)', () => {
  test.each(files)('%s', async (file) => {
    const { PipelineSession } = await import('./session');
    const g = load(file);
    const out: string[] = [];
    const session = new PipelineSession(g, {
      onStdout: (t) => out.push(t),
      // TODO(cluster backend): run local-cluster[W,C,M] as is once engine/index.ts registers the worker_threads backend.
      // local[W*C] has the same default parallelism, so the printed output is the same.
      ...(/^local-cluster/.test(g.master) ? { master: localEquivalent(g.master) } : {}),
      ...(g.checkpointDir ? { checkpointDir: mkdtempSync(join(tmpdir(), 'dstream-graph-')) } : {}),
    });
    await session.start();
    try { await session.step(3); } finally { await session.stop(); }
    const text = out.join('');
    expect(text.length).toBeGreaterThan(0);
    if (g.nodes.some((n) => n.op === 'print')) expect(text).toContain('Time: 1000 ms');
    await expect(text).toMatchFileSnapshot(`__snapshots__/examples/${file.replace(/\.json$/, '.txt')}`);
  });
});
