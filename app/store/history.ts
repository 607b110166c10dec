/**
 * Undo/redo history over pipeline snapshots, with coalescing: consecutive edits with the same
 * key within `windowMs` (typing in one field, nudging one node) become one undo step.
 * Pure; the caller passes the clock.
 */
import type { PipelineGraph } from '../../engine/graph/types';

export interface History {
  past: PipelineGraph[];
  future: PipelineGraph[];
  lastKey?: string;
  lastAt: number;
}

export const HISTORY_LIMIT = 200;
export const COALESCE_MS = 1000;

export function emptyHistory(): History { return { past: [], future: [], lastAt: -Infinity }; }

/** Record `before` (the document as it was before an edit). */
export function record(h: History, before: PipelineGraph, key: string | undefined, now: number, windowMs = COALESCE_MS, limit = HISTORY_LIMIT): History {
  if (key !== undefined && key === h.lastKey && now - h.lastAt <= windowMs && h.past.length > 0) {
    return { ...h, future: [], lastAt: now };
  }
  const past = h.past.length >= limit ? h.past.slice(h.past.length - limit + 1) : h.past.slice();
  past.push(before);
  return { past, future: [], lastKey: key, lastAt: now };
}

export function undo(h: History, current: PipelineGraph): { history: History; graph: PipelineGraph } | null {
  if (h.past.length === 0) return null;
  const graph = h.past[h.past.length - 1];
  return { graph, history: { past: h.past.slice(0, -1), future: [current, ...h.future], lastKey: undefined, lastAt: -Infinity } };
}

export function redo(h: History, current: PipelineGraph): { history: History; graph: PipelineGraph } | null {
  if (h.future.length === 0) return null;
  const [graph, ...future] = h.future;
  return { graph, history: { past: [...h.past, current], future, lastKey: undefined, lastAt: -Infinity } };
}
