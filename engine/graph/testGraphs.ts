/** Compact graph builders for tests: chain('queueStream', ['flatMap', {...}], 'print'). Not used by the product. */
import type { GraphEdge, GraphNode, PipelineGraph } from './types';

export type NodeSpec = string | [op: string, params?: Record<string, unknown>, id?: string];

export function graphOf(nodes: GraphNode[], edges: GraphEdge[], over: Partial<PipelineGraph> = {}): PipelineGraph {
  return { version: 1, name: 'test', master: 'local[2]', batchDuration: 1000, seed: 42, nodes, edges, ...over };
}

/** A linear pipeline n1 → n2 → ... (ids n1.. unless given). */
export function chain(specs: NodeSpec[], over: Partial<PipelineGraph> = {}): PipelineGraph {
  const nodes: GraphNode[] = specs.map((s, i) => {
    const [op, params = {}, id = `n${i + 1}`] = typeof s === 'string' ? [s] : s;
    return { id, op, params, position: { x: i * 200, y: 0 } };
  });
  const edges: GraphEdge[] = nodes.slice(1).map((n, i) => ({ id: `e${i + 1}`, source: nodes[i].id, target: n.id }));
  return graphOf(nodes, edges, over);
}
