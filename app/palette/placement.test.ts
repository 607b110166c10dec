import { describe, expect, it } from 'vitest';
import { atCentre, freeSpot, NODE_SIZE, rightOf, type Placed } from './placement';

const at = (x: number, y: number): Placed => ({ position: { x, y } });
const overlap = (a: { x: number; y: number }, b: Placed) =>
  a.x < b.position.x + NODE_SIZE.width && a.x + NODE_SIZE.width > b.position.x && a.y < b.position.y + NODE_SIZE.height && a.y + NODE_SIZE.height > b.position.y;

describe('freeSpot', () => {
  it('keeps the preferred spot on an empty canvas (snapped to the 10 px grid)', () => {
    expect(freeSpot([], { x: 101, y: 49 })).toEqual({ x: 100, y: 50 });
  });
  it('never lands on an existing node, however many are added at the same place', () => {
    const nodes: Placed[] = [at(0, 0)];
    for (let i = 0; i < 12; i++) {
      const p = freeSpot(nodes, { x: 0, y: 0 });
      for (const n of nodes) expect(overlap(p, n), `add ${i} at ${JSON.stringify(p)}`).toBe(false);
      nodes.push({ position: p });
    }
  });
  it('puts a node fed by the selected one to its right, or below that when taken', () => {
    const src = at(40, 40);
    expect(freeSpot([src], rightOf(src))).toEqual({ x: 40 + 190 + 70, y: 40 });
    const taken = at(300, 40);
    const p = freeSpot([src, taken], rightOf(src));
    expect(p.x).toBe(300);
    expect(p.y).toBeGreaterThan(40);
  });
  it('centres a node on the view centre', () => {
    expect(atCentre({ x: 500, y: 300 })).toEqual({ x: 405, y: 261 });
  });
});
