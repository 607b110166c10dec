/**
 * Where a node added from the palette (click or Enter) goes (pure): right of the selected node when one is selected
 * (the new node is fed by it), otherwise at the view's centre; either way moved to the nearest spot where it overlaps
 * no other node, so a click never drops a node on top of another one.
 */
export interface Box { x: number; y: number }
export interface Placed { position: Box; width?: number; height?: number }

export const NODE_SIZE = { width: 190, height: 78 } as const;
/** The gap kept around a placed node (the layout's spacing between layers). */
export const GAP = { x: 70, y: 36 } as const;

function overlaps(p: Box, n: Placed): boolean {
  const w = n.width ?? NODE_SIZE.width, h = n.height ?? NODE_SIZE.height;
  return p.x < n.position.x + w + GAP.x / 2 && p.x + NODE_SIZE.width + GAP.x / 2 > n.position.x
    && p.y < n.position.y + h + GAP.y / 2 && p.y + NODE_SIZE.height + GAP.y / 2 > n.position.y;
}

/**
 * The free spot closest to `preferred`, tried on rings of a grid one node-step wide: below and above first (a
 * column of siblings), then to the right. Deterministic, so the same canvas gives the same place.
 */
export function freeSpot(nodes: readonly Placed[], preferred: Box): Box {
  const stepX = NODE_SIZE.width + GAP.x, stepY = NODE_SIZE.height + GAP.y;
  const free = (p: Box) => !nodes.some((n) => overlaps(p, n));
  const round = (p: Box): Box => ({ x: Math.round(p.x / 10) * 10, y: Math.round(p.y / 10) * 10 });
  const start = round(preferred);
  if (free(start)) return start;
  for (let ring = 1; ring < 50; ring++) {
    const cands: Box[] = [];
    for (let dx = 0; dx <= ring; dx++) {
      for (let dy = -ring; dy <= ring; dy++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        cands.push({ x: start.x + dx * stepX, y: start.y + dy * stepY });
      }
    }
    // Nearest first; among equals, below before above before right.
    cands.sort((a, b) => Math.hypot(a.x - start.x, a.y - start.y) - Math.hypot(b.x - start.x, b.y - start.y) || (b.y - a.y) || (a.x - b.x));
    const hit = cands.find(free);
    if (hit) return round(hit);
  }
  return start;
}

/** The preferred spot of a node fed by `from`: one layer to its right, same row. */
export function rightOf(from: Placed): Box {
  return { x: from.position.x + (from.width ?? NODE_SIZE.width) + GAP.x, y: from.position.y };
}

/** The preferred spot at the view centre (the node's centre on it). */
export function atCentre(centre: Box): Box {
  return { x: centre.x - NODE_SIZE.width / 2, y: centre.y - NODE_SIZE.height / 2 };
}
