/** Auto-layout with ELK (layered, left → right), loaded lazily on first use. */
import type { GraphEdge, GraphNode } from '../../engine/graph/types';

export interface Size { width: number; height: number }

export async function layoutGraph(nodes: GraphNode[], edges: GraphEdge[], sizes: Record<string, Size | undefined>): Promise<Record<string, { x: number; y: number }>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const res = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '70',
      'elk.spacing.nodeNode': '36',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.crossingMinimization.semiInteractive': 'true',
    },
    children: nodes.map((n) => ({ id: n.id, width: sizes[n.id]?.width ?? 200, height: sizes[n.id]?.height ?? 72 })),
    edges: edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const out: Record<string, { x: number; y: number }> = {};
  for (const c of res.children ?? []) out[c.id] = { x: Math.round((c.x ?? 0) + 40), y: Math.round((c.y ?? 0) + 40) };
  return out;
}
