/**
 * Pure conversions between the pipeline document (engine/graph/types.ts) and React Flow's
 * node/edge objects, plus id generation and fragment (copy/paste) helpers. No React, no store.
 */
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import { PIPELINE_VERSION, type GraphEdge, type GraphNode, type PipelineGraph } from '../../engine/graph/types';

export interface OpNodeData extends Record<string, unknown> {
  op: string;
  params: Record<string, unknown>;
  label?: string;
}
export type OpFlowNode = Node<OpNodeData, 'op'>;
export type FlowEdge = Edge;
export type GraphMeta = Omit<PipelineGraph, 'nodes' | 'edges'>;

export const DEFAULT_PORT = 'in';
export const OUTPUT_HANDLE = 'out';
const EDGE_MARKER = { type: MarkerType.ArrowClosed, width: 16, height: 16 };

export function emptyGraph(name = 'Untitled pipeline'): PipelineGraph {
  return { version: PIPELINE_VERSION, name, master: 'local-cluster[2,2,1024]', batchDuration: 1000, seed: 42, nodes: [], edges: [] };
}

export function metaOf(g: PipelineGraph): GraphMeta {
  const { nodes: _n, edges: _e, ...meta } = g;
  return meta;
}

export function toFlowNode(n: GraphNode, selected = false): OpFlowNode {
  const data: OpNodeData = { op: n.op, params: { ...n.params } };
  if (n.label !== undefined) data.label = n.label;
  return { id: n.id, type: 'op', position: { x: n.position.x, y: n.position.y }, data, selected, ariaLabel: `${n.op} node` };
}

export function toFlowEdge(e: GraphEdge, selected = false): FlowEdge {
  return { id: e.id, source: e.source, target: e.target, sourceHandle: OUTPUT_HANDLE, targetHandle: e.targetPort ?? DEFAULT_PORT, selected, type: 'smoothstep', markerEnd: EDGE_MARKER };
}

export function graphToFlow(g: PipelineGraph): { meta: GraphMeta; nodes: OpFlowNode[]; edges: FlowEdge[] } {
  return { meta: metaOf(g), nodes: g.nodes.map((n) => toFlowNode(n)), edges: g.edges.map((e) => toFlowEdge(e)) };
}

export function fromFlowNode(n: OpFlowNode): GraphNode {
  const out: GraphNode = { id: n.id, op: n.data.op, params: { ...n.data.params }, position: { x: Math.round(n.position.x), y: Math.round(n.position.y) } };
  if (n.data.label !== undefined && n.data.label !== '') out.label = n.data.label;
  return out;
}

export function fromFlowEdge(e: FlowEdge): GraphEdge {
  const out: GraphEdge = { id: e.id, source: e.source, target: e.target };
  const port = e.targetHandle ?? DEFAULT_PORT;
  out.targetPort = port;
  return out;
}

export function flowToGraph(meta: GraphMeta, nodes: OpFlowNode[], edges: FlowEdge[]): PipelineGraph {
  return { ...meta, version: PIPELINE_VERSION, nodes: nodes.map(fromFlowNode), edges: edges.map(fromFlowEdge) };
}

/** `flatMap-3`: the op name and the first free counter among existing ids. */
export function nextNodeId(op: string, existing: Iterable<string>): string {
  const taken = new Set(existing);
  let i = 1;
  while (taken.has(`${op}-${i}`)) i++;
  return `${op}-${i}`;
}

export function edgeId(source: string, target: string, port: string, existing: Iterable<string>): string {
  const taken = new Set(existing);
  const base = `e-${source}-${target}${port && port !== DEFAULT_PORT ? `-${port}` : ''}`;
  if (!taken.has(base)) return base;
  let i = 2;
  while (taken.has(`${base}-${i}`)) i++;
  return `${base}-${i}`;
}

/** A copied piece of graph: what Ctrl/Cmd+C puts on the clipboard (as JSON). */
export interface GraphFragment {
  kind: 'dstream-studio/fragment';
  version: 1;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export function makeFragment(nodes: GraphNode[], edges: GraphEdge[]): GraphFragment {
  const ids = new Set(nodes.map((n) => n.id));
  return { kind: 'dstream-studio/fragment', version: 1, nodes, edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
}

function isObj(v: unknown): v is Record<string, unknown> { return !!v && typeof v === 'object' && !Array.isArray(v); }

/** Parse clipboard text: a fragment, or a whole pipeline document (its nodes and edges). Null if neither. */
export function parseFragment(text: string): GraphFragment | null {
  let v: unknown;
  try { v = JSON.parse(text); } catch { return null; }
  if (!isObj(v) || !Array.isArray(v.nodes)) return null;
  const nodes: GraphNode[] = [];
  for (const n of v.nodes) {
    if (!isObj(n) || typeof n.id !== 'string' || typeof n.op !== 'string') return null;
    const pos = isObj(n.position) && typeof n.position.x === 'number' && typeof n.position.y === 'number' ? { x: n.position.x, y: n.position.y } : { x: 0, y: 0 };
    const node: GraphNode = { id: n.id, op: n.op, params: isObj(n.params) ? { ...n.params } : {}, position: pos };
    if (typeof n.label === 'string') node.label = n.label;
    nodes.push(node);
  }
  const edges: GraphEdge[] = [];
  for (const e of Array.isArray(v.edges) ? v.edges : []) {
    if (!isObj(e) || typeof e.source !== 'string' || typeof e.target !== 'string') continue;
    edges.push({ id: typeof e.id === 'string' ? e.id : `${e.source}->${e.target}`, source: e.source, target: e.target, targetPort: typeof e.targetPort === 'string' ? e.targetPort : DEFAULT_PORT });
  }
  return makeFragment(nodes, edges);
}

/**
 * Give a fragment fresh ids (so it never collides with the graph it is pasted into) and shift it
 * by `offset`; edges inside the fragment follow their nodes.
 */
export function instantiateFragment(frag: GraphFragment, existingNodeIds: Iterable<string>, existingEdgeIds: Iterable<string>, offset: { x: number; y: number }): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodeIds = new Set(existingNodeIds);
  const edgeIds = new Set(existingEdgeIds);
  const map = new Map<string, string>();
  const nodes = frag.nodes.map((n) => {
    const id = nextNodeId(n.op, nodeIds);
    nodeIds.add(id);
    map.set(n.id, id);
    const out: GraphNode = { ...n, id, params: structuredCloneSafe(n.params), position: { x: n.position.x + offset.x, y: n.position.y + offset.y } };
    return out;
  });
  const edges: GraphEdge[] = [];
  for (const e of frag.edges) {
    const s = map.get(e.source), t = map.get(e.target);
    if (!s || !t) continue;
    const port = e.targetPort ?? DEFAULT_PORT;
    const id = edgeId(s, t, port, edgeIds);
    edgeIds.add(id);
    edges.push({ id, source: s, target: t, targetPort: port });
  }
  return { nodes, edges };
}

function structuredCloneSafe<T>(v: T): T { return JSON.parse(JSON.stringify(v ?? {})) as T; }

/** Two graphs are the same document (used to skip no-op history entries). */
export function sameGraph(a: PipelineGraph, b: PipelineGraph): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
