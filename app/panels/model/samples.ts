/**
 * recordsSample events: the first N records of each DStream's RDD per batch. Feeds the Data
 * preview (searchable, records/s sparkline) and the State view (keys of stateful DStreams with
 * changes highlighted).
 */
import type { EngineEvent } from '../../../engine/core/events';
import { CopyOnWrite } from './copyOnWrite';

export interface SampleView { batchTime: number; dstreamId: number; nodeId?: string; count: number; records: string[] }

export interface NodeRef { key: string; nodeId?: string; dstreamId: number }

export interface SamplesState {
  byBatch: Record<number, Record<string, SampleView>>;
  nodes: Record<string, NodeRef>;
  nodeOrder: string[];
}

export const initialSamples: SamplesState = { byBatch: {}, nodes: {}, nodeOrder: [] };

/** A node is keyed by its graph node id, or by its DStream id when the sample has no node. */
export function nodeKey(x: { nodeId?: string; dstreamId: number }): string {
  return x.nodeId ?? `dstream-${x.dstreamId}`;
}

class SamplesDraft extends CopyOnWrite<SamplesState> {
  /** The samples of batch `t`, owned by this draft. */
  batch(t: number): Record<string, SampleView> {
    const byBatch = this.map('byBatch');
    return (byBatch[t] = this.own(byBatch[t] ?? {}));
  }
}

/** Folds a run of events; pure, and each batch's map is copied once per call rather than once per sample. */
export function reduceSamplesEvents(s0: SamplesState, events: readonly EngineEvent[]): SamplesState {
  const d = new SamplesDraft(s0);
  for (const e of events) {
    if (e.type !== 'recordsSample') continue;
    const key = nodeKey(e);
    d.batch(e.batchTime)[key] = { batchTime: e.batchTime, dstreamId: e.dstreamId, nodeId: e.nodeId, count: e.count, records: e.records };
    if (!d.s.nodes[key]) {
      const nodes = d.map('nodes');
      nodes[key] = { key, nodeId: e.nodeId, dstreamId: e.dstreamId };
      const order = d.s.nodeOrder;
      // Graph nodes first (in the order they were first sampled), then internal DStreams (no node).
      d.top().nodeOrder = e.nodeId !== undefined
        ? [...order.filter((k) => nodes[k]?.nodeId !== undefined), key, ...order.filter((k) => nodes[k]?.nodeId === undefined)]
        : [...order, key];
    }
  }
  return d.s;
}

export function evictSamples(s: SamplesState, keep: (t: number) => boolean): SamplesState {
  const keys = Object.keys(s.byBatch).map(Number);
  if (keys.every(keep)) return s;
  const byBatch: SamplesState['byBatch'] = {};
  for (const k of keys) if (keep(k)) byBatch[k] = s.byBatch[k];
  return { ...s, byBatch };
}

// ---- data preview -------------------------------------------------------------------------

export interface PreviewData {
  node?: NodeRef;
  batchTime?: number;
  count: number;
  shown: string[];
  totalShown: number;
  query: string;
  /** records/s of this node per batch (count / batch interval). */
  sparkline: { batchTime: number; value: number }[];
}

export function dataPreviewData(
  s: SamplesState, key: string | undefined, batchTime: number | undefined, query: string, batchDurationMs: number | undefined,
): PreviewData {
  const node = key ? s.nodes[key] : undefined;
  const sample = key && batchTime !== undefined ? s.byBatch[batchTime]?.[key] : undefined;
  const q = query.trim().toLowerCase();
  const records = sample?.records ?? [];
  const shown = q ? records.filter((r) => r.toLowerCase().includes(q)) : records;
  const secs = (batchDurationMs ?? 1000) / 1000;
  const sparkline = key ? Object.keys(s.byBatch).map(Number).sort((a, b) => a - b)
    .flatMap((t) => { const x = s.byBatch[t][key]; return x ? [{ batchTime: t, value: x.count / secs }] : []; }) : [];
  return { node, batchTime, count: sample?.count ?? 0, shown, totalShown: records.length, query, sparkline };
}

// ---- state view ---------------------------------------------------------------------------

/** Split a printed pair "(k,v)" into key and value at the first top-level comma. Not a pair: key = whole record. */
export function splitPair(record: string): { key: string; value: string } {
  const r = record.trim();
  if (r.startsWith('(') && r.endsWith(')')) {
    const inner = r.slice(1, -1);
    let depth = 0;
    let quote: string | null = null;
    for (let i = 0; i < inner.length; i++) {
      const c = inner[i];
      if (quote) { if (c === '\\') i++; else if (c === quote) quote = null; continue; }
      if (c === '"' || c === "'") quote = c;
      else if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') depth--;
      else if (c === ',' && depth === 0) return { key: inner.slice(0, i), value: inner.slice(i + 1) };
    }
  }
  return { key: r, value: '' };
}

export type KeyChange = 'new' | 'updated' | 'unchanged' | 'removed';

export interface StateEntry { key: string; value: string; previous?: string; change: KeyChange }

export interface StateData {
  node?: NodeRef;
  batchTime?: number;
  previousBatchTime?: number;
  count: number;
  entries: StateEntry[];
  changed: number;
  /** Per kept batch: how many keys changed (for a small history strip). */
  history: { batchTime: number; count: number; changed: number }[];
}

/** A state DStream holds one value per key: the sampled records as key → value (the last one wins). */
function stateMap(v: SampleView | undefined): Map<string, string> {
  const m = new Map<string, string>();
  for (const r of v?.records ?? []) { const p = splitPair(r); m.set(p.key, p.value); }
  return m;
}

/** Keys in a state sample: the distinct keys when the sample holds every record, else the reported count. */
export function stateKeyCount(v: SampleView): number {
  return v.records.length >= v.count ? stateMap(v).size : v.count;
}

function diff(cur: SampleView | undefined, prev: SampleView | undefined): StateEntry[] {
  const before = stateMap(prev);
  const entries: StateEntry[] = [];
  const seen = new Set<string>();
  for (const [key, value] of stateMap(cur)) {
    seen.add(key);
    const old = before.get(key);
    entries.push({ key, value, previous: old, change: old === undefined ? (prev ? 'new' : 'new') : old === value ? 'unchanged' : 'updated' });
  }
  // Keys gone from a complete sample disappeared from the state (removed or timed out).
  const complete = cur && prev && cur.records.length >= cur.count && prev.records.length >= prev.count;
  if (complete) for (const [key, value] of before) if (!seen.has(key)) entries.push({ key, value: '', previous: value, change: 'removed' });
  return entries;
}

export function stateData(s: SamplesState, key: string | undefined, batchTime: number | undefined): StateData {
  const node = key ? s.nodes[key] : undefined;
  const times = Object.keys(s.byBatch).map(Number).sort((a, b) => a - b).filter((t) => key && s.byBatch[t][key]);
  const prevOf = (t: number) => [...times].reverse().find((x) => x < t);
  const history = times.map((t) => {
    const p = prevOf(t);
    const d = diff(s.byBatch[t][key!], p === undefined ? undefined : s.byBatch[p][key!]);
    return { batchTime: t, count: stateKeyCount(s.byBatch[t][key!]), changed: d.filter((x) => x.change !== 'unchanged').length };
  });
  if (!key || batchTime === undefined || !s.byBatch[batchTime]?.[key]) return { node, batchTime, count: 0, entries: [], changed: 0, history };
  const p = prevOf(batchTime);
  const entries = diff(s.byBatch[batchTime][key], p === undefined ? undefined : s.byBatch[p][key]);
  return {
    node, batchTime, previousBatchTime: p, count: stateKeyCount(s.byBatch[batchTime][key]), entries,
    changed: entries.filter((x) => x.change !== 'unchanged').length, history,
  };
}
