/** The canvas's flow helpers, registered by <Canvas> so the palette can add at the view centre. */
export interface CanvasHandle {
  centre(): { x: number; y: number };
  fitView(): void;
  /** The canvas's size on screen. */
  size(): { width: number; height: number };
}
let handle: CanvasHandle | null = null;
export function registerCanvas(h: CanvasHandle | null) { handle = h; }
export function canvasHandle(): CanvasHandle | null { return handle; }
export const DND_MIME = 'application/x-dstream-op';
