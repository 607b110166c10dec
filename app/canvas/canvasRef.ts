/** The canvas's flow helpers, registered by <Canvas> so the palette can add at the view centre. */
export interface CanvasHandle {
  centre(): { x: number; y: number };
  /** Fits the graph; `coveredRight` keeps it clear of that many pixels along the canvas's right edge (a side panel). */
  fitView(opts?: { coveredRight?: number }): void;
  /** The canvas's size on screen. */
  size(): { width: number; height: number };
  /** Pans (keeping the zoom) so a node placed at this flow position is on screen. */
  reveal?(position: { x: number; y: number }): void;
}
let handle: CanvasHandle | null = null;
export function registerCanvas(h: CanvasHandle | null) { handle = h; }
export function canvasHandle(): CanvasHandle | null { return handle; }
export const DND_MIME = 'application/x-dstream-op';
