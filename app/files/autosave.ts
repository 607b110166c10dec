/**
 * Named pipelines in localStorage, written so that work is never lost:
 * - atomic: a save writes the document under a NEW key, then swaps the index's pointer to it
 *   (one setItem), then removes the old key; a failure at any point leaves the previous save intact;
 * - a corrupted entry (bad JSON, failed schema check) is moved aside under a `corrupt:` key and
 *   reported, never silently dropped; a broken index is moved aside and rebuilt from the data keys;
 * - quota errors are returned (the UI offers "Export JSON").
 * Pure over an injected Storage and clock.
 */
import type { PipelineGraph } from '../../engine/graph/types';

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  key(i: number): string | null;
  readonly length: number;
}

export type ParseFn = (raw: unknown) => { ok: true; graph: PipelineGraph } | { ok: false; issues: string[] };

export const PREFIX = 'dstream-studio:';
export const INDEX_KEY = `${PREFIX}pipelines`;
const DATA_PREFIX = `${PREFIX}pipeline:`;
const CORRUPT_PREFIX = `${PREFIX}corrupt:`;

/**
 * `trusted`: the user may run this pipeline's functions without being asked (built here, an app example, or consented
 * to). It lives in the index, which only the app writes, so a document can never declare itself trusted.
 */
export interface IndexEntry { key: string; savedAt: number; trusted?: boolean }
export interface PipelineIndex { version: 1; current: string | null; entries: Record<string, IndexEntry> }

export type SaveResult = { ok: true; key: string } | { ok: false; reason: 'quota' | 'error'; message: string };

export function isQuotaError(e: unknown): boolean {
  const err = e as { name?: string; code?: number };
  return !!err && (err.name === 'QuotaExceededError' || err.name === 'NS_ERROR_DOM_QUOTA_REACHED' || err.code === 22 || err.code === 1014);
}

const emptyIndex = (): PipelineIndex => ({ version: 1, current: null, entries: {} });

function dataKey(name: string, rev: number) { return `${DATA_PREFIX}${encodeURIComponent(name)}:${rev}`; }
function nameOfDataKey(key: string): { name: string; rev: number } | null {
  if (!key.startsWith(DATA_PREFIX)) return null;
  const rest = key.slice(DATA_PREFIX.length);
  const i = rest.lastIndexOf(':');
  if (i < 0) return null;
  try { return { name: decodeURIComponent(rest.slice(0, i)), rev: Number(rest.slice(i + 1)) }; } catch { return null; }
}

function keys(storage: StorageLike): string[] {
  const out: string[] = [];
  for (let i = 0; i < storage.length; i++) { const k = storage.key(i); if (k !== null) out.push(k); }
  return out;
}

/** Keep `raw` under a corrupt: key (never overwriting an earlier one) and return that key. */
export function moveAside(storage: StorageLike, what: string, raw: string, now: number, fromKey?: string): string {
  let key = `${CORRUPT_PREFIX}${encodeURIComponent(what)}:${now}`;
  let i = 1;
  while (storage.getItem(key) !== null) key = `${CORRUPT_PREFIX}${encodeURIComponent(what)}:${now}-${i++}`;
  try { storage.setItem(key, raw); } catch { return fromKey ?? key; /* could not copy: leave the original where it is */ }
  if (fromKey) storage.removeItem(fromKey);
  return key;
}

function isIndex(v: unknown): v is PipelineIndex {
  if (!v || typeof v !== 'object') return false;
  const x = v as PipelineIndex;
  if (x.version !== 1 || (x.current !== null && typeof x.current !== 'string') || !x.entries || typeof x.entries !== 'object') return false;
  return Object.values(x.entries).every((e) => e && typeof e.key === 'string' && typeof e.savedAt === 'number' && (e.trusted === undefined || typeof e.trusted === 'boolean'));
}

/** Rebuild an index from the data keys present (newest revision per name wins). */
function rebuildIndex(storage: StorageLike): PipelineIndex {
  const idx = emptyIndex();
  for (const k of keys(storage)) {
    const p = nameOfDataKey(k);
    if (!p) continue;
    const cur = idx.entries[p.name];
    if (!cur || cur.savedAt < p.rev) idx.entries[p.name] = { key: k, savedAt: p.rev };
  }
  const newest = Object.entries(idx.entries).sort((a, b) => b[1].savedAt - a[1].savedAt)[0];
  idx.current = newest ? newest[0] : null;
  return idx;
}

export function readIndex(storage: StorageLike, now: number): { index: PipelineIndex; problems: string[] } {
  const raw = storage.getItem(INDEX_KEY);
  if (raw === null) return { index: rebuildIndex(storage), problems: [] };
  let v: unknown;
  try { v = JSON.parse(raw); } catch { v = undefined; }
  if (isIndex(v)) return { index: v, problems: [] };
  const kept = moveAside(storage, 'index', raw, now);
  const index = rebuildIndex(storage);
  try { storage.setItem(INDEX_KEY, JSON.stringify(index)); } catch { /* stays rebuildable */ }
  return { index, problems: [`The list of saved pipelines was damaged; it was kept as "${kept}" and rebuilt from the saved pipelines.`] };
}

function writeIndex(storage: StorageLike, index: PipelineIndex) { storage.setItem(INDEX_KEY, JSON.stringify(index)); }

export function listPipelines(storage: StorageLike, now: number): { names: { name: string; savedAt: number }[]; current: string | null; problems: string[] } {
  const { index, problems } = readIndex(storage, now);
  const names = Object.entries(index.entries).map(([name, e]) => ({ name, savedAt: e.savedAt })).sort((a, b) => b.savedAt - a.savedAt);
  return { names, current: index.current, problems };
}

/** Save `graph` as `name` and make it the current pipeline. */
export function savePipeline(storage: StorageLike, name: string, graph: PipelineGraph, now: number, opts: { trusted?: boolean } = {}): SaveResult {
  const { index } = readIndex(storage, now);
  const prev = index.entries[name];
  const rev = Math.max(now, (prev?.savedAt ?? 0) + 1);
  const key = dataKey(name, rev);
  try {
    storage.setItem(key, JSON.stringify(graph));
  } catch (e) {
    return isQuotaError(e) ? { ok: false, reason: 'quota', message: 'Browser storage is full' } : { ok: false, reason: 'error', message: String((e as Error)?.message ?? e) };
  }
  const entry: IndexEntry = opts.trusted ? { key, savedAt: rev, trusted: true } : { key, savedAt: rev };
  const next: PipelineIndex = { ...index, current: name, entries: { ...index.entries, [name]: entry } };
  try {
    writeIndex(storage, next);
  } catch (e) {
    storage.removeItem(key);
    return isQuotaError(e) ? { ok: false, reason: 'quota', message: 'Browser storage is full' } : { ok: false, reason: 'error', message: String((e as Error)?.message ?? e) };
  }
  if (prev && prev.key !== key) storage.removeItem(prev.key);
  return { ok: true, key };
}

/** Load a saved pipeline (and whether it is trusted). A corrupted entry is moved aside and reported, and dropped from the list. */
export function loadPipeline(storage: StorageLike, name: string, parse: ParseFn, now: number): { graph?: PipelineGraph; trusted?: boolean; problems: string[] } {
  const { index, problems } = readIndex(storage, now);
  const entry = index.entries[name];
  if (!entry) return { problems: [...problems, `No saved pipeline named "${name}".`] };
  const raw = storage.getItem(entry.key);
  let reason: string[] | null = null;
  let graph: PipelineGraph | undefined;
  if (raw === null) reason = ['its data is missing'];
  else {
    let v: unknown;
    try { v = JSON.parse(raw); } catch (e) { reason = [`invalid JSON (${(e as Error).message})`]; }
    if (!reason) {
      const r = parse(v);
      if (r.ok) graph = r.graph; else reason = r.issues;
    }
  }
  if (graph) return { graph, trusted: entry.trusted === true, problems };
  const kept = raw !== null ? moveAside(storage, name, raw, now, entry.key) : null;
  const entries = { ...index.entries };
  delete entries[name];
  try { writeIndex(storage, { ...index, current: index.current === name ? null : index.current, entries }); } catch { /* report below anyway */ }
  return {
    problems: [...problems, `The saved pipeline "${name}" could not be read: ${reason!.join('; ')}.` + (kept ? ` It was kept aside as "${kept}".` : '')],
  };
}

export function deletePipeline(storage: StorageLike, name: string, now: number): void {
  const { index } = readIndex(storage, now);
  const entry = index.entries[name];
  if (!entry) return;
  const entries = { ...index.entries };
  delete entries[name];
  writeIndex(storage, { ...index, current: index.current === name ? null : index.current, entries });
  storage.removeItem(entry.key);
}

export function corruptEntries(storage: StorageLike): string[] {
  return keys(storage).filter((k) => k.startsWith(CORRUPT_PREFIX));
}

/** `name`, or `name (2)`, `name (3)` ... whichever is not taken. */
export function uniqueName(name: string, taken: Iterable<string>): string {
  const set = new Set(taken);
  if (!set.has(name)) return name;
  const base = name.replace(/ \(\d+\)$/, '');
  let i = 2;
  while (set.has(`${base} (${i})`)) i++;
  return `${base} (${i})`;
}

/** An in-memory Storage (tests; fallback when localStorage is unavailable). */
export class MemoryStorage implements StorageLike {
  private m = new Map<string, string>();
  quota = Infinity;
  get length() { return this.m.size; }
  key(i: number) { return [...this.m.keys()][i] ?? null; }
  getItem(k: string) { return this.m.has(k) ? this.m.get(k)! : null; }
  setItem(k: string, v: string) {
    let size = 0;
    for (const [kk, vv] of this.m) if (kk !== k) size += kk.length + vv.length;
    if (size + k.length + v.length > this.quota) { const e = new Error('quota'); e.name = 'QuotaExceededError'; throw e; }
    this.m.set(k, String(v));
  }
  removeItem(k: string) { this.m.delete(k); }
}
