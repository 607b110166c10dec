/**
 * The result view's model (pure): for every output operation, the records of the stream it writes
 * (from recordsSample events: the first 20 records of each batch) as the latest batch and as a
 * key → value "database" upserted batch after batch, like a foreachRDD sink writing to a table.
 */
import type { EngineEvent, WrittenFile } from '../../engine/core/events';

export interface SampleView { batchTime: number; count: number; records: string[] }
export interface DbRow { key: string; value: string; batchTime: number }
export interface ResultsState {
  latest: Record<string, SampleView>;
  /** nodeId → key → row (pair records only), at most MAX_ROWS keys per node (oldest writes dropped first). */
  db: Record<string, Record<string, DbRow>>;
  /** Directories written by saveAsTextFiles / saveAsObjectFiles (outputWritten), oldest first, at most MAX_DIRS. */
  written?: WrittenDir[];
}

export interface WrittenDir { path: string; batchTime?: number; time: number; files: WrittenFile[] }
export const MAX_DIRS = 100;

/** The directories a file sink wrote: those named `prefix-<ms>[.suffix]` (Spark's rddToFileName), newest first. */
export function dirsOf(written: WrittenDir[] | undefined, prefix: string, suffix?: string): WrittenDir[] {
  const re = new RegExp(`^${escapeRe(prefix)}-\\d+${suffix ? `\\.${escapeRe(suffix)}` : ''}$`);
  return (written ?? []).filter((d) => re.test(d.path)).slice().reverse();
}
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const MAX_ROWS = 500;
export const emptyResults = (): ResultsState => ({ latest: {}, db: {} });

/** Split Spark's tuple text `(key,value)` at its first top-level comma: `(a,(1,x))` → ['a', '(1,x)']. */
export function parseTuple(s: string): [string, string] | null {
  if (s.length < 3 || s[0] !== '(' || s[s.length - 1] !== ')') return null;
  const inner = s.slice(1, -1);
  let depth = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) return [inner.slice(0, i), inner.slice(i + 1)];
  }
  return null;
}

/** Fold a batch of events into the results (only recordsSample events matter). */
export function reduceResults(state: ResultsState, events: EngineEvent[]): ResultsState {
  let latest = state.latest, db = state.db, written = state.written;
  for (const e of events) {
    if (e.type === 'outputWritten') {
      written = [...(written ?? []).filter((d) => d.path !== e.path).slice(-(MAX_DIRS - 1)), { path: e.path, batchTime: e.batchTime, time: e.time, files: e.files }];
      continue;
    }
    if (e.type !== 'recordsSample' || !e.nodeId) continue;
    if (latest === state.latest) latest = { ...latest };
    latest[e.nodeId] = { batchTime: e.batchTime, count: e.count, records: e.records };
    const rows = e.records.map(parseTuple).filter((x): x is [string, string] => x !== null);
    if (rows.length === 0) continue;
    if (db === state.db) db = { ...db };
    const table = { ...(db[e.nodeId] ?? {}) };
    for (const [key, value] of rows) { delete table[key]; table[key] = { key, value, batchTime: e.batchTime }; }
    const keys = Object.keys(table);
    if (keys.length > MAX_ROWS) for (const k of keys.slice(0, keys.length - MAX_ROWS)) delete table[k];
    db[e.nodeId] = table;
  }
  return latest === state.latest && db === state.db && written === state.written ? state : { latest, db, ...(written ? { written } : {}) };
}

/** Rows with numeric values, largest first (the top-K chart). */
export function topK(rows: DbRow[], k = 10): { key: string; value: number }[] {
  return rows.map((r) => ({ key: r.key, value: Number(r.value) })).filter((r) => Number.isFinite(r.value))
    .sort((a, b) => b.value - a.value || a.key.localeCompare(b.key)).slice(0, k);
}
