/** Auto-layout with ELK (layered, left → right), loaded lazily on first use. */
import type { GraphEdge, GraphNode } from '../../engine/graph/types';

export interface Size { width: number; height: number }

/**
 * Layered layout, left → right. With `aspectRatio` (the canvas's width / height), long chains wrap
 * into rows so the whole pipeline stays readable in the window.
 */
export async function layoutGraph(nodes: GraphNode[], edges: GraphEdge[], sizes: Record<string, Size | undefined>, aspectRatio?: number): Promise<Record<string, { x: number; y: number }>> {
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
      ...(aspectRatio ? { 'elk.layered.wrapping.strategy': 'MULTI_EDGE', 'elk.aspectRatio': String(Math.max(0.5, Math.min(4, aspectRatio))) } : {}),
    },
    children: nodes.map((n) => ({ id: n.id, width: sizes[n.id]?.width ?? 200, height: sizes[n.id]?.height ?? 72 })),
    edges: edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const out: Record<string, { x: number; y: number }> = {};
  for (const c of res.children ?? []) out[c.id] = { x: Math.round((c.x ?? 0) + 40), y: Math.round((c.y ?? 0) + 40) };
  return out;
}

/** The zoom at which `fitView` would show these nodes in a box of `view` size (pure). */
export function fitZoom(nodes: { position: { x: number; y: number } }[], view: Size, node: Size = { width: 190, height: 78 }, padding = 0.12): number {
  if (nodes.length === 0 || view.width <= 0 || view.height <= 0) return 1;
  const xs = nodes.map((n) => n.position.x), ys = nodes.map((n) => n.position.y);
  const w = Math.max(...xs) - Math.min(...xs) + node.width, h = Math.max(...ys) - Math.min(...ys) + node.height;
  return Math.min(view.width / (w * (1 + padding)), view.height / (h * (1 + padding)));
}

/**
 * A fast layout for a simple chain (every node at most one input and one output edge): the nodes in
 * order, left → right, wrapped into as many rows as make the chain largest in a `view`-sized box.
 * Null when the graph is not a simple chain (use ELK then).
 */
export function wrapChain(nodes: GraphNode[], edges: GraphEdge[], view: Size, node: Size = { width: 190, height: 78 }, gap = { x: 70, y: 56 }): Record<string, { x: number; y: number }> | null {
  if (nodes.length < 2 || edges.length !== nodes.length - 1) return null;
  const next = new Map<string, string>(), hasIn = new Set<string>();
  for (const e of edges) {
    if (next.has(e.source) || hasIn.has(e.target)) return null;
    next.set(e.source, e.target);
    hasIn.add(e.target);
  }
  const starts = nodes.filter((n) => !hasIn.has(n.id));
  if (starts.length !== 1) return null;
  const order: string[] = [];
  for (let id: string | undefined = starts[0].id; id !== undefined && order.length <= nodes.length; id = next.get(id)) order.push(id);
  if (order.length !== nodes.length) return null;
  let best = { cols: order.length, zoom: 0 };
  for (let cols = 1; cols <= order.length; cols++) {
    const rows = Math.ceil(order.length / cols);
    const w = cols * node.width + (cols - 1) * gap.x, h = rows * node.height + (rows - 1) * gap.y;
    const zoom = Math.min(view.width / w, view.height / h);
    if (zoom > best.zoom + 1e-9) best = { cols, zoom };
  }
  const out: Record<string, { x: number; y: number }> = {};
  order.forEach((id, i) => {
    const r = Math.floor(i / best.cols), c = i % best.cols;
    out[id] = { x: 40 + c * (node.width + gap.x), y: 40 + r * (node.height + gap.y) };
  });
  return out;
}
