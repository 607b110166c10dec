/** One-line parameter summaries and small formatting helpers for nodes (pure). */
import type { ParamSpec } from '../../engine/graph/types';
import type { OpSpec } from '../../engine/graph/opSpec';

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  if (ms >= 1000 && ms % 100 === 0) return `${ms / 1000} s`;
  return `${ms} ms`;
}

/** Collapse a function's source to one short line. */
export function compactSource(src: string, max = 40): string {
  const one = src.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

export function formatParam(spec: ParamSpec | undefined, v: unknown, max = 40): string {
  if (v === undefined || v === null || v === '') return '';
  if (spec?.type === 'duration' && typeof v === 'number') return formatDuration(v);
  if (spec?.type === 'function' && typeof v === 'string') return compactSource(v, max);
  if (Array.isArray(v)) return compactSource(v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(', '), max);
  if (typeof v === 'object') return compactSource(JSON.stringify(v), max);
  return compactSource(String(v), max);
}

/**
 * The node's one-line summary: the set params in registry order, the first function alone if
 * there is one (it says the most), otherwise `name=value` pairs.
 */
export function paramSummary(spec: OpSpec | undefined, params: Record<string, unknown>, max = 44): string {
  if (!spec) return Object.keys(params).length ? compactSource(JSON.stringify(params), max) : '';
  const entries = Object.entries(spec.params)
    .map(([name, ps]) => ({ name, ps, v: params[name] ?? ps.default }))
    .filter((e) => e.v !== undefined && e.v !== null && e.v !== '');
  const fn = entries.find((e) => e.ps.type === 'function');
  if (fn) {
    const rest = entries.filter((e) => e !== fn && e.ps.type === 'duration').map((e) => formatParam(e.ps, e.v));
    return compactSource([formatParam(fn.ps, fn.v, max), ...rest].join(' · '), max);
  }
  return compactSource(entries.map((e) => formatParam(e.ps, e.v, 24)).join(' · '), max);
}

export type Shortcut = 'undo' | 'redo' | 'duplicate' | 'delete' | 'selectAll' | 'save' | 'layout' | 'fit' | 'run' | 'step' | 'escape';

export interface KeyLike { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }

/** Map a key press to a studio shortcut (copy/paste go through the clipboard events instead). */
export function shortcutFor(e: KeyLike, isMac: boolean): Shortcut | null {
  const mod = isMac ? e.metaKey : e.ctrlKey;
  const k = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (mod && !e.altKey) {
    if (k === 'z') return e.shiftKey ? 'redo' : 'undo';
    if (k === 'y' && !isMac) return 'redo';
    if (k === 'd') return 'duplicate';
    if (k === 'a') return 'selectAll';
    if (k === 's') return 'save';
    if (k === 'Enter') return 'run';
    return null;
  }
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (k === 'Delete' || k === 'Backspace') return 'delete';
  if (k === 'Escape') return 'escape';
  if (e.shiftKey && k === 'l') return 'layout';
  if (e.shiftKey && k === 'f') return 'fit';
  return null;
}

/** Whether a key event comes from a text field or an editor (which keep their own keys). */
export function isEditableTarget(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  if (!el || typeof el.closest !== 'function') return false;
  return !!el.closest('input, textarea, select, [contenteditable="true"], .cm-editor');
}
