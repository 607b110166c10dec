import { describe, expect, it } from 'vitest';
import { emptyHistory, record, redo, undo } from './history';
import { flowToGraph, graphToFlow, instantiateFragment, makeFragment, nextNodeId, parseFragment } from './graphModel';
import { checkConnection } from './connect';
import type { PipelineGraph } from '../../engine/graph/types';

const G = (n: number): PipelineGraph => ({ version: 1, name: `g${n}`, master: 'local[2]', batchDuration: 1000, seed: 1, nodes: [], edges: [] });

describe('history', () => {
  it('undoes and redoes', () => {
    let h = emptyHistory();
    h = record(h, G(0), undefined, 0);
    h = record(h, G(1), undefined, 10);
    const u = undo(h, G(2))!;
    expect(u.graph.name).toBe('g1');
    const u2 = undo(u.history, u.graph)!;
    expect(u2.graph.name).toBe('g0');
    const r = redo(u2.history, u2.graph)!;
    expect(r.graph.name).toBe('g1');
    expect(redo(r.history, r.graph)!.graph.name).toBe('g2');
  });
  it('coalesces edits with the same key inside the window', () => {
    let h = emptyHistory();
    h = record(h, G(0), 'param:a', 0);
    h = record(h, G(1), 'param:a', 500);
    h = record(h, G(2), 'param:a', 900);
    expect(h.past.map((g) => g.name)).toEqual(['g0']);
    h = record(h, G(3), 'param:a', 5000);
    h = record(h, G(4), 'param:b', 5100);
    expect(h.past.map((g) => g.name)).toEqual(['g0', 'g3', 'g4']);
  });
  it('a new edit clears redo', () => {
    let h = record(emptyHistory(), G(0), undefined, 0);
    h = undo(h, G(1))!.history;
    expect(h.future).toHaveLength(1);
    h = record(h, G(0), undefined, 1);
    expect(h.future).toHaveLength(0);
  });
});

describe('graph model', () => {
  const g: PipelineGraph = {
    version: 1, name: 'wc', master: 'local[2]', batchDuration: 1000, seed: 7,
    nodes: [
      { id: 'socketTextStream-1', op: 'socketTextStream', params: { host: 'localhost', port: 9999 }, position: { x: 0, y: 0 } },
      { id: 'flatMap-1', op: 'flatMap', params: { f: "l => l.split(' ')" }, position: { x: 200, y: 0 }, label: 'words' },
    ],
    edges: [{ id: 'e1', source: 'socketTextStream-1', target: 'flatMap-1', targetPort: 'in' }],
  };
  it('round-trips through React Flow nodes', () => {
    const f = graphToFlow(g);
    expect(flowToGraph(f.meta, f.nodes, f.edges)).toEqual(g);
  });
  it('makes fresh ids', () => {
    expect(nextNodeId('map', ['map-1', 'map-2'])).toBe('map-3');
  });
  it('pastes fragments with new ids and offset, keeping inner edges', () => {
    const frag = makeFragment(g.nodes, g.edges);
    const back = parseFragment(JSON.stringify(frag))!;
    const r = instantiateFragment(back, g.nodes.map((n) => n.id), ['e1'], { x: 40, y: 40 });
    expect(r.nodes.map((n) => n.id)).toEqual(['socketTextStream-2', 'flatMap-2']);
    expect(r.nodes[1].position).toEqual({ x: 240, y: 40 });
    expect(r.edges).toEqual([{ id: 'e-socketTextStream-2-flatMap-2', source: 'socketTextStream-2', target: 'flatMap-2', targetPort: 'in' }]);
    expect(parseFragment('not json')).toBeNull();
    expect(parseFragment('{"nodes":[{"id":1}]}')).toBeNull();
  });
});

describe('connections', () => {
  const specs: Record<string, unknown> = {
    src: { inputs: [], output: 'any', declaredKind: 'nonPair' },
    map: { inputs: [{ port: 'in', kind: 'any' }], output: 'any', declaredKind: 'unknown' },
    filter: { inputs: [{ port: 'in', kind: 'any' }], output: 'any', declaredKind: 'sameAsInput' },
    rbk: { inputs: [{ port: 'in', kind: 'pair' }], output: 'pair', declaredKind: 'pair' },
    print: { inputs: [{ port: 'in', kind: 'any' }], output: null, declaredKind: 'unknown' },
  };
  const spec = (op: string) => specs[op] as never;
  const nodes = [{ id: 's', op: 'src' }, { id: 'm', op: 'map' }, { id: 'f', op: 'filter' }, { id: 'r', op: 'rbk' }, { id: 'p', op: 'print' }];
  it('checks kinds, ports, cycles', () => {
    expect(checkConnection({ source: 's', target: 'm' }, nodes, [], spec)).toEqual({ ok: true });
    expect(checkConnection({ source: 's', target: 'r' }, nodes, [], spec)).toMatchObject({ reason: 'conn.kind' });
    expect(checkConnection({ source: 'f', target: 'r' }, nodes, [{ source: 's', target: 'f' }], spec)).toMatchObject({ reason: 'conn.kind' });
    expect(checkConnection({ source: 'm', target: 'r' }, nodes, [], spec)).toEqual({ ok: true });
    expect(checkConnection({ source: 'p', target: 'm' }, nodes, [], spec)).toMatchObject({ reason: 'conn.noOutput' });
    expect(checkConnection({ source: 'm', target: 'm' }, nodes, [], spec)).toMatchObject({ reason: 'conn.self' });
    expect(checkConnection({ source: 'f', target: 'm' }, nodes, [{ source: 'm', target: 'f' }], spec)).toMatchObject({ reason: 'conn.cycle' });
    expect(checkConnection({ source: 's', target: 'm' }, nodes, [{ source: 'f', target: 'm', targetHandle: 'in' }], spec)).toMatchObject({ reason: 'conn.portTaken' });
  });
});
