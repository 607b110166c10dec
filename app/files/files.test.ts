import { describe, expect, it } from 'vitest';
import { MemoryStorage, INDEX_KEY, corruptEntries, deletePipeline, listPipelines, loadPipeline, savePipeline, uniqueName, type ParseFn } from './autosave';
import { decodeShareHash, listCode, shareHash } from './share';
import type { PipelineGraph } from '../../engine/graph/types';

const g = (name: string, n = 1): PipelineGraph => ({
  version: 1, name, master: 'local[2]', batchDuration: 1000, seed: 1,
  nodes: Array.from({ length: n }, (_, i) => ({ id: `map-${i + 1}`, op: 'map', params: { f: 'x => x' }, position: { x: i, y: 0 } })),
  edges: [],
});
const parse: ParseFn = (v) => {
  const x = v as PipelineGraph;
  return x && x.version === 1 && Array.isArray(x.nodes) ? { ok: true, graph: x } : { ok: false, issues: ['not a pipeline'] };
};

describe('autosave', () => {
  it('saves several named pipelines and loads them back', () => {
    const s = new MemoryStorage();
    expect(savePipeline(s, 'a', g('a'), 1).ok).toBe(true);
    expect(savePipeline(s, 'b', g('b', 2), 2).ok).toBe(true);
    expect(savePipeline(s, 'a', g('a', 3), 3).ok).toBe(true);
    const l = listPipelines(s, 4);
    expect(l.current).toBe('a');
    expect(l.names.map((x) => x.name)).toEqual(['a', 'b']);
    expect(loadPipeline(s, 'a', parse, 5).graph?.nodes.length).toBe(3);
    expect(loadPipeline(s, 'b', parse, 5).graph?.nodes.length).toBe(2);
    // the old revision of 'a' was removed after the pointer swap
    expect(s.length).toBe(3);
  });

  it('keeps the previous save when storage is full, and reports quota', () => {
    const s = new MemoryStorage();
    savePipeline(s, 'a', g('a'), 1);
    s.quota = 600;
    const r = savePipeline(s, 'a', g('a', 20), 2);
    expect(r).toMatchObject({ ok: false, reason: 'quota' });
    expect(loadPipeline(s, 'a', parse, 3).graph?.nodes.length).toBe(1);
  });

  it('moves a corrupted entry aside and reports it', () => {
    const s = new MemoryStorage();
    const r = savePipeline(s, 'a', g('a'), 1);
    if (!r.ok) throw new Error();
    s.setItem(r.key, '{ broken');
    const res = loadPipeline(s, 'a', parse, 2);
    expect(res.graph).toBeUndefined();
    expect(res.problems[0]).toMatch(/could not be read.*kept aside/);
    expect(corruptEntries(s)).toHaveLength(1);
    expect(s.getItem(corruptEntries(s)[0])).toBe('{ broken');
    expect(listPipelines(s, 3).names).toEqual([]);
  });

  it('rebuilds a damaged index from the saved pipelines', () => {
    const s = new MemoryStorage();
    savePipeline(s, 'a', g('a'), 1);
    savePipeline(s, 'b', g('b'), 2);
    s.setItem(INDEX_KEY, 'garbage');
    const l = listPipelines(s, 3);
    expect(l.problems[0]).toMatch(/damaged/);
    expect(l.names.map((x) => x.name).sort()).toEqual(['a', 'b']);
    expect(l.current).toBe('b');
    expect(corruptEntries(s)).toHaveLength(1);
  });

  it('deletes and names uniquely', () => {
    const s = new MemoryStorage();
    savePipeline(s, 'a', g('a'), 1);
    deletePipeline(s, 'a', 2);
    expect(listPipelines(s, 3).names).toEqual([]);
    expect(s.length).toBe(1);
    expect(uniqueName('x', ['x', 'x (2)'])).toBe('x (3)');
    expect(uniqueName('y', ['x'])).toBe('y');
  });
});

describe('share links', () => {
  it('round-trips a graph through the hash', () => {
    const graph = g('shared', 3);
    const h = shareHash(graph);
    expect(h.startsWith('#g=')).toBe(true);
    const d = decodeShareHash(h);
    expect(d && d.ok && JSON.parse(d.json)).toEqual(graph);
  });
  it('reports a damaged link and ignores hashes without a graph', () => {
    expect(decodeShareHash('#g=!!!notdeflate')).toMatchObject({ ok: false });
    expect(decodeShareHash('#other=1')).toBeNull();
  });
  it('lists the code a graph carries', () => {
    const spec = (op: string) => (op === 'map' ? { category: 'transform', params: { f: { type: 'function' } } } : undefined) as never;
    const graph = g('x', 1);
    graph.nodes.push({ id: 'evil-1', op: 'evil', params: { s: 'fetch("//x")' }, position: { x: 0, y: 0 } });
    expect(listCode(graph, spec).map((c) => c.source)).toEqual(['x => x', 'fetch("//x")']);
  });
});
