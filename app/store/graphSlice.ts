/**
 * The pipeline being edited: React Flow nodes/edges + document meta, selection (on the nodes'
 * `selected` flags), undo/redo with coalescing. Every document change goes through `edit`, so it
 * is recorded once and bumps `docVersion` (validation and autosave watch that number).
 */
import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange, type Connection } from '@xyflow/react';
import type { StateCreator } from 'zustand';
import type { PipelineGraph } from '../../engine/graph/types';
import type { ValidationIssue } from '../../engine/graph/types';
import {
  DEFAULT_PORT, edgeId, emptyGraph, flowToGraph, fromFlowEdge, fromFlowNode, graphToFlow, instantiateFragment, makeFragment,
  nextNodeId, sameGraph, toFlowEdge, toFlowNode, type FlowEdge, type GraphFragment, type GraphMeta, type OpFlowNode,
} from './graphModel';
import { emptyHistory, record, redo as redoH, undo as undoH, type History } from './history';
import type { Studio } from './types';

export interface GraphSlice {
  meta: GraphMeta;
  nodes: OpFlowNode[];
  edges: FlowEdge[];
  history: History;
  /** Bumped on every document change (not on selection or measuring). */
  docVersion: number;
  /** Live validation of the current document (validateGraph), refreshed by validationSync. */
  issues: ValidationIssue[];
  dragging: boolean;
  /** Bumped when a whole document is loaded (the canvas fits the view). */
  loadSeq: number;
  /**
   * Whether the functions of this document may run: true for documents built here and the app's own examples and
   * lessons, false for files, links, pastes, imports and autosaves of those until the user consents (Run's dialog).
   * Kept beside the document in autosave's index, never read from the document itself.
   */
  trusted: boolean;

  currentGraph: () => PipelineGraph;
  /** Replace the document (open file, example, share link). Undoable unless `resetHistory`. Untrusted unless `trusted`. */
  loadGraph: (g: PipelineGraph, opts?: { resetHistory?: boolean; trusted?: boolean }) => void;
  setTrusted: (trusted: boolean) => void;
  onNodesChange: (changes: NodeChange<OpFlowNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<FlowEdge>[]) => void;
  onConnect: (c: Connection) => void;
  /** Adds a node (selected); with `feedFrom`, also the edge from that node to the new node's first input (one undo step). */
  addNode: (op: string, position: { x: number; y: number }, params?: Record<string, unknown>, feedFrom?: { source: string; port: string }) => string;
  /** Sets (or, with null, clears) the node feeding `port` of `nodeId`: the inspector's "Input from" field. */
  setInput: (nodeId: string, port: string, source: string | null) => void;
  setParam: (nodeId: string, param: string, value: unknown) => void;
  setLabel: (nodeId: string, label: string) => void;
  setMeta: (patch: Partial<GraphMeta>) => void;
  deleteSelection: () => void;
  duplicateSelection: () => void;
  copySelection: () => GraphFragment | null;
  pasteFragment: (f: GraphFragment, offset?: { x: number; y: number }) => void;
  selectAll: () => void;
  selectOnly: (nodeIds: string[]) => void;
  setPositions: (positions: Record<string, { x: number; y: number }>) => void;
  setIssues: (issues: ValidationIssue[]) => void;
  undo: () => void;
  redo: () => void;
  /** Forget undo/redo (a freshly opened document's arrangement is its starting point). */
  clearHistory: () => void;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : 0);

export const createGraphSlice: StateCreator<Studio, [], [], GraphSlice> = (set, get) => {
  const initial = graphToFlow(emptyGraph());

  /** Apply a document edit, recording the previous document under `key` (coalesced). */
  const edit = (key: string | undefined, fn: (s: Studio) => Partial<Studio> | null) => set((s) => {
    const patch = fn(s);
    if (!patch) return s;
    const before = flowToGraph(s.meta, s.nodes, s.edges);
    return { ...patch, history: record(s.history, before, key, now()), docVersion: s.docVersion + 1 };
  });

  const restore = (g: PipelineGraph, history: History) => {
    const f = graphToFlow(g);
    set((s) => ({ meta: f.meta, nodes: f.nodes, edges: f.edges, history, docVersion: s.docVersion + 1 }));
  };

  return {
    meta: initial.meta,
    nodes: initial.nodes,
    edges: initial.edges,
    history: emptyHistory(),
    docVersion: 0,
    issues: [],
    dragging: false,
    loadSeq: 0,
    trusted: true,

    currentGraph: () => { const s = get(); return flowToGraph(s.meta, s.nodes, s.edges); },

    loadGraph: (g, opts) => {
      const f = graphToFlow(g);
      const trusted = opts?.trusted === true;
      if (opts?.resetHistory) {
        set((s) => ({ meta: f.meta, nodes: f.nodes, edges: f.edges, history: emptyHistory(), docVersion: s.docVersion + 1, loadSeq: s.loadSeq + 1, trusted }));
      } else {
        edit(undefined, (s) => ({ meta: f.meta, nodes: f.nodes, edges: f.edges, loadSeq: s.loadSeq + 1, trusted }));
      }
    },
    setTrusted: (trusted) => set({ trusted }),

    onNodesChange: (changes) => {
      const s = get();
      let dragging = s.dragging;
      let recordKey: string | undefined | null = null;   // null: no record
      for (const c of changes) {
        if (c.type === 'position') {
          if (c.dragging) { if (!dragging) { recordKey = undefined; dragging = true; } }
          else if (dragging) dragging = false;
          else if (c.position) recordKey = `nudge:${changes.map((x) => ('id' in x ? x.id : '')).join(',')}`;
        } else if (c.type === 'remove' || c.type === 'add' || c.type === 'replace') {
          recordKey = undefined;
        }
      }
      const nodes = applyNodeChanges(changes, s.nodes);
      if (recordKey === null) { set({ nodes, dragging }); return; }
      const before = flowToGraph(s.meta, s.nodes, s.edges);
      const removed = new Set(changes.filter((c) => c.type === 'remove').map((c) => (c as { id: string }).id));
      const edges = removed.size ? s.edges.filter((e) => !removed.has(e.source) && !removed.has(e.target)) : s.edges;
      set({ nodes, edges, dragging, history: record(s.history, before, recordKey, now()), docVersion: s.docVersion + 1 });
    },

    onEdgesChange: (changes) => {
      const structural = changes.some((c) => c.type !== 'select');
      if (!structural) { set((s) => ({ edges: applyEdgeChanges(changes, s.edges) })); return; }
      edit(undefined, (s) => ({ edges: applyEdgeChanges(changes, s.edges) }));
    },

    onConnect: (c) => {
      if (!c.source || !c.target) return;
      edit(undefined, (s) => {
        const port = c.targetHandle ?? DEFAULT_PORT;
        const id = edgeId(c.source, c.target, port, s.edges.map((e) => e.id));
        return { edges: [...s.edges, toFlowEdge({ id, source: c.source, target: c.target, targetPort: port })] };
      });
    },

    addNode: (op, position, params = {}, feedFrom) => {
      const id = nextNodeId(op, get().nodes.map((n) => n.id));
      edit(undefined, (s) => {
        const edges = s.edges.map((e) => (e.selected ? { ...e, selected: false } : e));
        if (feedFrom) edges.push(toFlowEdge({ id: edgeId(feedFrom.source, id, feedFrom.port, s.edges.map((e) => e.id)), source: feedFrom.source, target: id, targetPort: feedFrom.port }));
        return { nodes: [...s.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), toFlowNode({ id, op, params, position }, true)], edges };
      });
      return id;
    },

    setInput: (nodeId, port, source) => edit(undefined, (s) => {
      const current = s.edges.find((e) => e.target === nodeId && (e.targetHandle ?? DEFAULT_PORT) === port);
      if ((current?.source ?? null) === source) return null;
      const edges = s.edges.filter((e) => e !== current);
      if (source) edges.push(toFlowEdge({ id: edgeId(source, nodeId, port, edges.map((e) => e.id)), source, target: nodeId, targetPort: port }));
      return { edges };
    }),

    setParam: (nodeId, param, value) => edit(`param:${nodeId}:${param}`, (s) => {
      const n = s.nodes.find((x) => x.id === nodeId);
      if (!n || Object.is(n.data.params[param], value)) return null;
      const params = { ...n.data.params };
      if (value === undefined) delete params[param]; else params[param] = value;
      return { nodes: s.nodes.map((x) => (x.id === nodeId ? { ...x, data: { ...x.data, params } } : x)) };
    }),

    setLabel: (nodeId, label) => edit(`label:${nodeId}`, (s) => {
      const n = s.nodes.find((x) => x.id === nodeId);
      if (!n || (n.data.label ?? '') === label) return null;
      const data = { ...n.data };
      if (label) data.label = label; else delete data.label;
      return { nodes: s.nodes.map((x) => (x.id === nodeId ? { ...x, data } : x)) };
    }),

    setMeta: (patch) => edit(`meta:${Object.keys(patch).join(',')}`, (s) => {
      const meta = { ...s.meta, ...patch };
      if (JSON.stringify(meta) === JSON.stringify(s.meta)) return null;
      return { meta };
    }),

    deleteSelection: () => edit(undefined, (s) => {
      const gone = new Set(s.nodes.filter((n) => n.selected).map((n) => n.id));
      const edges = s.edges.filter((e) => !e.selected && !gone.has(e.source) && !gone.has(e.target));
      if (gone.size === 0 && edges.length === s.edges.length) return null;
      return { nodes: s.nodes.filter((n) => !gone.has(n.id)), edges };
    }),

    copySelection: () => {
      const s = get();
      const sel = s.nodes.filter((n) => n.selected);
      if (sel.length === 0) return null;
      return makeFragment(sel.map(fromFlowNode), s.edges.map(fromFlowEdge));
    },

    pasteFragment: (f, offset = { x: 40, y: 40 }) => edit(undefined, (s) => {
      const { nodes, edges } = instantiateFragment(f, s.nodes.map((n) => n.id), s.edges.map((e) => e.id), offset);
      if (nodes.length === 0) return null;
      return {
        nodes: [...s.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), ...nodes.map((n) => toFlowNode(n, true))],
        edges: [...s.edges.map((e) => (e.selected ? { ...e, selected: false } : e)), ...edges.map((e) => toFlowEdge(e))],
      };
    }),

    duplicateSelection: () => { const f = get().copySelection(); if (f) get().pasteFragment(f, { x: 40, y: 40 }); },

    selectAll: () => set((s) => ({ nodes: s.nodes.map((n) => (n.selected ? n : { ...n, selected: true })) })),
    selectOnly: (ids) => {
      const want = new Set(ids);
      set((s) => ({
        nodes: s.nodes.map((n) => (!!n.selected === want.has(n.id) ? n : { ...n, selected: want.has(n.id) })),
        edges: s.edges.map((e) => (e.selected ? { ...e, selected: false } : e)),
      }));
    },

    setPositions: (positions) => edit(undefined, (s) => ({
      nodes: s.nodes.map((n) => (positions[n.id] ? { ...n, position: positions[n.id] } : n)),
    })),

    setIssues: (issues) => set({ issues }),

    clearHistory: () => set({ history: emptyHistory() }),

    undo: () => {
      const s = get();
      const cur = flowToGraph(s.meta, s.nodes, s.edges);
      let r = undoH(s.history, cur);
      // Skip entries equal to the current document (e.g. a drag that ended where it started).
      while (r && sameGraph(r.graph, cur)) r = undoH(r.history, cur);
      if (r) restore(r.graph, r.history);
    },
    redo: () => {
      const s = get();
      const cur = flowToGraph(s.meta, s.nodes, s.edges);
      let r = redoH(s.history, cur);
      while (r && sameGraph(r.graph, cur)) r = redoH(r.history, cur);
      if (r) restore(r.graph, r.history);
    },
  };
};
