/** A simple left-to-right layered layout for imported graphs without positions: layer = longest path from a source. */
import type { GraphEdge, GraphNode, GraphPosition } from '../types';

export const LAYOUT = { x0: 40, y0: 40, dx: 240, dy: 120 };

export function layeredLayout(nodes: GraphNode[], edges: GraphEdge[]): Map<string, GraphPosition> {
  const layer = new Map<string, number>(nodes.map((n) => [n.id, 0]));
  // nodes arrive in creation (topological) order, so one pass in that order settles every layer
  const incoming = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const e of edges) incoming.get(e.target)?.push(e.source);
  for (const n of nodes) {
    const parents = incoming.get(n.id) ?? [];
    if (parents.length) layer.set(n.id, Math.max(...parents.map((p) => (layer.get(p) ?? 0) + 1)));
  }
  const rows = new Map<number, number>();
  const out = new Map<string, GraphPosition>();
  for (const n of nodes) {
    const l = layer.get(n.id)!;
    const r = rows.get(l) ?? 0;
    rows.set(l, r + 1);
    out.set(n.id, { x: LAYOUT.x0 + l * LAYOUT.dx, y: LAYOUT.y0 + r * LAYOUT.dy });
  }
  return out;
}
