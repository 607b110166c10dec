import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { createStudio } from './store';
import type { Studio } from './types';
import type { PipelineGraph } from '../../engine/graph/types';

const wc: PipelineGraph = {
  version: 1, name: 'wc', master: 'local[2]', batchDuration: 1000, seed: 1,
  nodes: [
    { id: 'src', op: 'queueStream', params: {}, position: { x: 0, y: 0 } },
    { id: 'fm', op: 'flatMap', params: { f: "l => l.split(' ')" }, position: { x: 200, y: 0 } },
  ],
  edges: [{ id: 'e1', source: 'src', target: 'fm', targetPort: 'in' }],
};

const fresh = () => { const s = create<Studio>()(createStudio); s.getState().loadGraph(wc, { resetHistory: true }); return s; };

describe('graph slice', () => {
  it('coalesces typing in one param into one undo step', () => {
    const s = fresh();
    for (const v of ['l', 'l =>', "l => l.split(',')"]) s.getState().setParam('fm', 'f', v);
    expect(s.getState().history.past).toHaveLength(1);
    s.getState().undo();
    expect(s.getState().currentGraph().nodes[1].params.f).toBe("l => l.split(' ')");
    s.getState().redo();
    expect(s.getState().currentGraph().nodes[1].params.f).toBe("l => l.split(',')");
  });

  it('adds, connects, deletes with edges, and undoes in one step each', () => {
    const s = fresh();
    const id = s.getState().addNode('print', { x: 400, y: 0 });
    s.getState().onConnect({ source: 'fm', target: id, sourceHandle: 'out', targetHandle: 'in' });
    expect(s.getState().edges).toHaveLength(2);
    s.getState().selectOnly(['fm']);
    s.getState().deleteSelection();
    expect(s.getState().nodes.map((n) => n.id)).toEqual(['src', id]);
    expect(s.getState().edges).toHaveLength(0);
    s.getState().undo();
    expect(s.getState().edges).toHaveLength(2);
    s.getState().undo();
    s.getState().undo();
    expect(s.getState().currentGraph()).toEqual(wc);
  });

  it('copies, pastes and duplicates with fresh ids', () => {
    const s = fresh();
    s.getState().selectAll();
    const frag = s.getState().copySelection()!;
    s.getState().pasteFragment(frag);
    expect(s.getState().nodes.map((n) => n.id)).toEqual(['src', 'fm', 'queueStream-1', 'flatMap-1']);
    expect(s.getState().edges.map((e) => [e.source, e.target])).toEqual([['src', 'fm'], ['queueStream-1', 'flatMap-1']]);
    expect(s.getState().nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(['queueStream-1', 'flatMap-1']);
    s.getState().duplicateSelection();
    expect(s.getState().nodes).toHaveLength(6);
  });

  it('a drag is one undo step; selection is not an edit', () => {
    const s = fresh();
    const v = s.getState().docVersion;
    s.getState().onNodesChange([{ type: 'select', id: 'fm', selected: true }]);
    expect(s.getState().docVersion).toBe(v);
    for (let x = 210; x <= 300; x += 30) s.getState().onNodesChange([{ type: 'position', id: 'fm', position: { x, y: 0 }, dragging: true }]);
    s.getState().onNodesChange([{ type: 'position', id: 'fm', dragging: false }]);
    expect(s.getState().history.past).toHaveLength(1);
    s.getState().undo();
    expect(s.getState().currentGraph().nodes[1].position).toEqual({ x: 200, y: 0 });
  });
});
