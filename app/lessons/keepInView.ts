/**
 * Keeps the pipeline visible beside the lesson panel: when the panel (over the canvas in presenter mode, or beside
 * the inspector for a parameter step) covers a node, or a node is outside the canvas, the view is fitted again into
 * the part of the canvas the panel leaves free. Reads only the DOM's boxes; the canvas does the fitting.
 */
import { canvasHandle } from '../canvas/canvasRef';

export interface Rect { left: number; top: number; right: number; bottom: number }

const intersects = (a: Rect, b: Rect) => a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
const inside = (a: Rect, b: Rect) => a.left >= b.left && a.right <= b.right && a.top >= b.top && a.bottom <= b.bottom;

/** How many pixels of the canvas's right side the panel covers, when a node is hidden (under it or off the canvas); else 0 (pure). */
export function coveredRight(canvas: Rect, panel: Rect | null, nodes: Rect[]): number {
  const covered = panel && panel.left < canvas.right && panel.right > canvas.left ? canvas.right - panel.left : 0;
  const hidden = nodes.some((n) => !inside(n, canvas) || (panel !== null && intersects(n, panel)));
  return hidden ? Math.max(1, covered + 16) : 0;
}

export function keepNodesInView(): void {
  const canvas = document.querySelector('.canvas')?.getBoundingClientRect();
  const panel = document.querySelector('.lesson-panel')?.getBoundingClientRect() ?? null;
  if (!canvas || canvas.width === 0) return;
  const nodes = [...document.querySelectorAll('.canvas .react-flow__node')].map((n) => n.getBoundingClientRect());
  const right = coveredRight(canvas, panel, nodes);
  if (right > 0) canvasHandle()?.fitView({ coveredRight: right });
}
