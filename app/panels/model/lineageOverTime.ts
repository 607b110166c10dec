/**
 * The DStream graph over time: rows = the pipeline's DStreams (graph order), columns = batch times,
 * each cell = one DStream's RDD for one batch. Folded from the engine's events only:
 *  - recordsSample (nodeId, dstreamId, batchTime, count): the cell's record count;
 *  - stageSubmitted (rddIds, rddChain "X[12] at op at <nodeId>"): which RDDs belong to which cell
 *    (an RDD belongs to the batch of the job that first used it) and which RDDs feed which
 *    (the chain's narrow steps, the stage's parent stages across shuffles, earlier batches' RDDs
 *    reused by window and state operators);
 *  - blockUpdated rdd_<id>_<p>: cached partitions (and on which executor);
 *  - checkpointWritten kind 'data' (dstreamId, checkpointTime): checkpointed RDDs;
 *  - executorRemoved: cached blocks and shuffle outputs held by that executor are lost;
 *  - stageSubmitted with attemptId > 0, and cached blocks written again after a loss: recomputation.
 * With the pipeline graph, same-batch edges follow the graph and window / state operators reach back
 * over the batches they read. Pure: the same events give the same data however they are chunked.
 */
import type { EngineEvent } from '../../../engine/core/events';
import type { PipelineGraph } from '../../../engine/graph/types';
import { windowSpecsFromGraph, statefulNodeIds } from './graphInputs';

export interface LotCellState {
  key: string;
  batchTime: number;
  rddIds: number[];
  dstreamId?: number;
  count?: number;
  /** Cached partitions: partition → executor. */
  cached: Record<number, string>;
  storageLevel?: string;
  checkpointed: boolean;
  lostPartitions: number;
  /** The batch being processed (latest submitted) when its data was lost. */
  lostAtBatch?: number;
  lostExecutors: string[];
  recomputedAtBatch?: number;
  recomputedByJob?: number;
}

export type LotEdgeKind = 'narrow' | 'shuffle';

export interface LotRecompute { batchTime: number; jobId: number; stageIds: number[]; cells: string[] }

export interface LotFault { executorId: string; batchTime?: number; cells: string[] }

export interface LotState {
  batches: number[];
  batchDurationMs?: number;
  jobBatch: Record<number, number>;
  attemptJob: Record<string, number>;
  stageRdds: Record<number, number[]>;
  stageShuffle: Record<number, boolean>;
  rddCell: Record<number, string>;
  cells: Record<string, LotCellState>;
  dstreamKey: Record<number, string>;
  /** Sampled node keys in first-seen order (graph nodes first). */
  keys: string[];
  /** Edges seen in the real lineage: `${from}>${to}` → kind. */
  edges: Record<string, LotEdgeKind>;
  /** Shuffle map outputs: stageId → partition → executor. */
  outputs: Record<number, Record<number, string>>;
  recomputes: LotRecompute[];
  faults: LotFault[];
  maxBatches: number;
}

export const initialLot: LotState = {
  batches: [], jobBatch: {}, attemptJob: {}, stageRdds: {}, stageShuffle: {}, rddCell: {}, cells: {}, dstreamKey: {}, keys: [],
  edges: {}, outputs: {}, recomputes: [], faults: [], maxBatches: 100,
};

export const cellId = (key: string, batchTime: number) => `${key}@${batchTime}`;

/** "MapPartitionsRDD[12] at flatMap at tags" → { id: 12, node: 'tags' }. */
export function parseRdd(s: string): { id: number; node?: string } | undefined {
  const m = /\[(\d+)\]/.exec(s);
  if (!m) return undefined;
  const at = / at (\S+)\s*$/.exec(s);
  return { id: Number(m[1]), node: at?.[1] };
}

function newCell(key: string, batchTime: number): LotCellState {
  return { key, batchTime, rddIds: [], cached: {}, checkpointed: false, lostPartitions: 0, lostExecutors: [] };
}

function latestBatch(s: LotState): number | undefined { return s.batches[s.batches.length - 1]; }

function evict(s: LotState): LotState {
  if (s.batches.length <= s.maxBatches) return s;
  const oldest = s.batches[s.batches.length - s.maxBatches];
  const keepCell = (id: string) => { const c = s.cells[id]; return !c || c.batchTime >= oldest; };
  const cells: LotState['cells'] = {};
  for (const [k, c] of Object.entries(s.cells)) if (c.batchTime >= oldest) cells[k] = c;
  const rddCell: LotState['rddCell'] = {};
  for (const [k, c] of Object.entries(s.rddCell)) if (keepCell(c) && cells[c]) rddCell[Number(k)] = c;
  const edges: LotState['edges'] = {};
  for (const [k, v] of Object.entries(s.edges)) { const [a, b] = k.split('>'); if (cells[a] && cells[b]) edges[k] = v; }
  const jobBatch: LotState['jobBatch'] = {};
  for (const [k, t] of Object.entries(s.jobBatch)) if (t >= oldest) jobBatch[Number(k)] = t;
  return {
    ...s, batches: s.batches.filter((t) => t >= oldest), cells, rddCell, edges, jobBatch,
    recomputes: s.recomputes.filter((r) => r.batchTime >= oldest),
    faults: s.faults.filter((f) => f.batchTime === undefined || f.batchTime >= oldest),
  };
}

function withCell(s: LotState, id: string, f: (c: LotCellState) => LotCellState): LotState {
  const c = s.cells[id];
  return c ? { ...s, cells: { ...s.cells, [id]: f(c) } } : s;
}

function addRecompute(s: LotState, jobId: number, stageId: number, ids: string[]): LotState {
  const batchTime = s.jobBatch[jobId];
  if (batchTime === undefined) return s;
  let next = s;
  for (const id of ids) next = withCell(next, id, (c) => ({ ...c, recomputedAtBatch: batchTime, recomputedByJob: jobId }));
  const i = next.recomputes.findIndex((r) => r.jobId === jobId);
  const prev = i >= 0 ? next.recomputes[i] : { batchTime, jobId, stageIds: [], cells: [] };
  const r: LotRecompute = {
    ...prev,
    stageIds: prev.stageIds.includes(stageId) || stageId < 0 ? prev.stageIds : [...prev.stageIds, stageId],
    cells: [...new Set([...prev.cells, ...ids])],
  };
  const recomputes = [...next.recomputes];
  if (i >= 0) recomputes[i] = r; else recomputes.push(r);
  return { ...next, recomputes };
}

export function reduceLot(s: LotState, e: EngineEvent): LotState {
  switch (e.type) {
    case 'streamingStarted':
      return { ...s, batchDurationMs: e.batchDurationMs };
    case 'batchSubmitted': {
      const t = e.batchInfo.batchTime;
      if (s.batches.includes(t)) return s;
      return evict({ ...s, batches: [...s.batches, t].sort((a, b) => a - b) });
    }
    case 'jobStart':
      return e.batchTime === undefined ? s : { ...s, jobBatch: { ...s.jobBatch, [e.jobId]: e.batchTime } };
    case 'recordsSample': {
      const key = e.nodeId ?? `dstream-${e.dstreamId}`;
      const id = cellId(key, e.batchTime);
      const c = s.cells[id] ?? newCell(key, e.batchTime);
      const known = s.keys.includes(key);
      return {
        ...s,
        cells: { ...s.cells, [id]: { ...c, count: e.count, dstreamId: e.dstreamId } },
        dstreamKey: s.dstreamKey[e.dstreamId] === key ? s.dstreamKey : { ...s.dstreamKey, [e.dstreamId]: key },
        keys: known ? s.keys : e.nodeId !== undefined
          ? [...s.keys.filter((k) => !k.startsWith('dstream-')), key, ...s.keys.filter((k) => k.startsWith('dstream-'))]
          : [...s.keys, key],
      };
    }
    case 'stageSubmitted': {
      const batchTime = s.jobBatch[e.jobId];
      let next: LotState = { ...s, attemptJob: { ...s.attemptJob, [`${e.stageId}.${e.attemptId}`]: e.jobId } };
      if (!next.stageRdds[e.stageId]) next = { ...next, stageRdds: { ...next.stageRdds, [e.stageId]: e.rddIds }, stageShuffle: { ...next.stageShuffle, [e.stageId]: e.isShuffleMap } };
      if (batchTime === undefined) return next;
      // RDDs → cells (the batch of the job that first used the RDD).
      const chain = e.rddChain.map(parseRdd);
      const rddCell = { ...next.rddCell };
      const cells = { ...next.cells };
      for (const r of chain) {
        if (!r || r.node === undefined || rddCell[r.id] !== undefined) continue;
        const id = cellId(r.node, batchTime);
        const c = cells[id] ?? newCell(r.node, batchTime);
        cells[id] = { ...c, rddIds: [...c.rddIds, r.id] };
        rddCell[r.id] = id;
      }
      next = { ...next, rddCell, cells };
      // Narrow steps of the chain (child first), and parent stages' outputs across shuffles.
      const edges = { ...next.edges };
      const add = (from: string | undefined, to: string | undefined, kind: LotEdgeKind) => {
        if (!from || !to || from === to) return;
        const a = cells[from], b = cells[to];
        if (!a || !b || a.batchTime > b.batchTime) return;
        const k = `${from}>${to}`;
        if (!edges[k]) edges[k] = kind;
      };
      const ids = chain.map((r) => (r ? rddCell[r.id] : undefined));
      for (let i = 0; i + 1 < ids.length; i++) add(ids[i + 1], ids[i], 'narrow');
      const mine = ids.filter((x): x is string => !!x);
      for (const p of e.parentStageIds) {
        const top = next.stageRdds[p]?.[0];
        const from = top !== undefined ? rddCell[top] : undefined;
        if (!from || !cells[from]) continue;
        const tb = cells[from].batchTime;
        // An internal shuffle of a DStream this stage already computes (e.g. a window's own reduce): no edge.
        if (mine.some((x) => cells[x].key === cells[from].key)) continue;
        // Otherwise the shuffle feeds the most upstream RDD (chains list the child first) of the earliest batch.
        const to = mine.map((x, i) => ({ x, i })).filter(({ x }) => cells[x].batchTime >= tb)
          .sort((a, b) => cells[a.x].batchTime - cells[b.x].batchTime || b.i - a.i)[0]?.x;
        add(from, to, 'shuffle');
      }
      next = { ...next, edges };
      // A resubmitted stage recomputes the lost partitions of its RDDs' cells.
      if (e.attemptId > 0) {
        const lost = [...new Set(mine)].filter((x) => (cells[x].lostPartitions > 0 || cells[x].batchTime < batchTime));
        next = addRecompute(next, e.jobId, e.stageId, lost);
      }
      return next;
    }
    case 'taskEnd': {
      if (e.reason !== 'Success' || !s.stageShuffle[e.stageId]) return s;
      const o = s.outputs[e.stageId] ?? {};
      if (o[e.partition] === e.executorId) return s;
      return { ...s, outputs: { ...s.outputs, [e.stageId]: { ...o, [e.partition]: e.executorId } } };
    }
    case 'blockUpdated': {
      const m = /^rdd_(\d+)_(\d+)$/.exec(e.blockId);
      if (!m) return s;
      const id = s.rddCell[Number(m[1])];
      const c = id ? s.cells[id] : undefined;
      if (!c) return s;
      const p = Number(m[2]);
      if (e.storageLevel === 'NONE') {
        const cached = { ...c.cached }; delete cached[p];
        return withCell(s, id, (x) => ({ ...x, cached }));
      }
      let next = withCell(s, id, (x) => ({ ...x, cached: { ...x.cached, [p]: e.executorId }, storageLevel: e.storageLevel }));
      // Cached again after a loss: recomputed from lineage by the current job.
      if (c.lostPartitions > 0 && c.recomputedAtBatch === undefined) {
        const job = Number(Object.keys(s.jobBatch).map(Number).sort((a, b) => b - a)[0]);
        if (Number.isFinite(job)) next = addRecompute(next, job, -1, [id]);
      }
      return next;
    }
    case 'checkpointWritten': {
      if (e.kind !== 'data' || e.dstreamId === undefined) return s;
      const key = s.dstreamKey[e.dstreamId] ?? `dstream-${e.dstreamId}`;
      const id = cellId(key, e.checkpointTime);
      const c = s.cells[id] ?? newCell(key, e.checkpointTime);
      return { ...s, cells: { ...s.cells, [id]: { ...c, checkpointed: true } } };
    }
    case 'executorRemoved': {
      const lost = new Map<string, number>();
      const bump = (id: string | undefined, n = 1) => { if (id) lost.set(id, (lost.get(id) ?? 0) + n); };
      const cells = { ...s.cells };
      for (const [id, c] of Object.entries(s.cells)) {
        const gone = Object.entries(c.cached).filter(([, x]) => x === e.executorId).map(([p]) => Number(p));
        if (!gone.length) continue;
        const cached = { ...c.cached };
        for (const p of gone) delete cached[p];
        cells[id] = { ...c, cached };
        bump(id, gone.length);
      }
      const outputs = { ...s.outputs };
      for (const [sid, o] of Object.entries(s.outputs)) {
        const gone = Object.entries(o).filter(([, x]) => x === e.executorId).map(([p]) => Number(p));
        if (!gone.length) continue;
        const rest = { ...o };
        for (const p of gone) delete rest[Number(p)];
        outputs[Number(sid)] = rest;
        const top = s.stageRdds[Number(sid)]?.[0];
        bump(top !== undefined ? s.rddCell[top] : undefined, gone.length);
      }
      const at = latestBatch(s);
      for (const [id, n] of lost) {
        const c = cells[id];
        if (!c) continue;
        cells[id] = {
          ...c, lostPartitions: c.lostPartitions + n, lostAtBatch: at, lostExecutors: [...new Set([...c.lostExecutors, e.executorId])],
          recomputedAtBatch: undefined, recomputedByJob: undefined,
        };
      }
      return { ...s, cells, outputs, faults: [...s.faults, { executorId: e.executorId, batchTime: at, cells: [...lost.keys()].filter((id) => cells[id]) }] };
    }
    default:
      return s;
  }
}

export function reduceLotAll(events: readonly EngineEvent[], s: LotState = initialLot): LotState {
  let x = s;
  for (const e of events) x = reduceLot(x, e);
  return x;
}

// ---- derived: the grid of one view -------------------------------------------------------------

export type LotCellStatus = 'normal' | 'lost' | 'recomputed';

export interface LotRow { key: string; label: string; op?: string; dstreamId?: number }

export interface LotCellView {
  id: string;
  key: string;
  row: number;
  col: number;
  batchTime: number;
  count?: number;
  rddIds: number[];
  cachedPartitions: number;
  storageLevel?: string;
  checkpointed: boolean;
  status: LotCellStatus;
  lostPartitions: number;
  lostExecutors: string[];
  recomputedAtBatch?: number;
  /** On the recomputation path of the shown batch. */
  onPath: boolean;
}

/** same: within one batch; back: from an earlier batch (window / state / incremental reduce). */
export interface LotEdgeView { from: string; to: string; kind: LotEdgeKind | 'window' | 'state'; back: boolean; onPath: boolean }

export interface LotData {
  columns: number[];
  rows: LotRow[];
  cells: LotCellView[];
  edges: LotEdgeView[];
  /** The shown batch's recomputation, if it did one. */
  recompute?: { batchTime: number; jobIds: number[]; stageIds: number[]; cells: string[] };
  lostCount: number;
  recomputedCount: number;
  selected?: number;
}

const OUTPUT_OPS = new Set(['print', 'foreachRDD', 'saveAsTextFiles', 'saveAsObjectFiles', 'saveAsHadoopFiles', 'kafkaSink', 'collect']);

/** Graph nodes in topological order (ties by the graph's own order). */
function topoOrder(g: Pick<PipelineGraph, 'nodes' | 'edges'>): string[] {
  const indeg = new Map(g.nodes.map((n) => [n.id, 0]));
  for (const ed of g.edges) if (indeg.has(ed.target)) indeg.set(ed.target, indeg.get(ed.target)! + 1);
  const out: string[] = [];
  const ready = g.nodes.filter((n) => indeg.get(n.id) === 0).map((n) => n.id);
  const pos = new Map(g.nodes.map((n, i) => [n.id, i]));
  while (ready.length) {
    ready.sort((a, b) => pos.get(a)! - pos.get(b)!);
    const id = ready.shift()!;
    out.push(id);
    for (const ed of g.edges) if (ed.source === id && indeg.has(ed.target)) {
      indeg.set(ed.target, indeg.get(ed.target)! - 1);
      if (indeg.get(ed.target) === 0) ready.push(ed.target);
    }
  }
  for (const n of g.nodes) if (!out.includes(n.id)) out.push(n.id);
  return out;
}

export interface LotOptions {
  graph?: Pick<PipelineGraph, 'nodes' | 'edges' | 'batchDuration'> | null;
  /** The shown batch (rightmost column unless later batches fit too). */
  selected?: number;
  /** Batch times that may be shown (completed batches); defaults to every submitted batch. */
  times?: number[];
  maxColumns?: number;
}

export function lineageOverTimeData(s: LotState, o: LotOptions = {}): LotData {
  const all = (o.times ?? s.batches).filter((t) => s.batches.includes(t) || o.times);
  const max = Math.max(1, o.maxColumns ?? 8);
  const sel = o.selected ?? all[all.length - 1];
  const upto = sel === undefined ? all : all.filter((t) => t <= sel);
  const columns = upto.slice(-max);
  const colOf = new Map(columns.map((t, i) => [t, i]));
  const g = o.graph && o.graph.nodes.length ? o.graph : undefined;
  const present = new Set(Object.values(s.cells).map((c) => c.key));
  // Rows: graph nodes that carry a DStream (in topological order), then DStreams the graph does not name.
  const rows: LotRow[] = [];
  if (g) {
    const byId = new Map(g.nodes.map((n) => [n.id, n]));
    for (const id of topoOrder(g)) {
      const n = byId.get(id)!;
      if (OUTPUT_OPS.has(n.op) && !s.keys.includes(id)) continue;
      if (!present.has(id) && !s.keys.includes(id)) continue;
      rows.push({ key: id, label: n.label ?? id, op: n.op });
    }
  }
  for (const k of s.keys) if (!rows.some((r) => r.key === k)) rows.push({ key: k, label: k.startsWith('dstream-') ? `DStream ${k.slice(8)} (internal)` : k });
  const rowOf = new Map(rows.map((r, i) => [r.key, i]));
  for (const r of rows) {
    const c = Object.values(s.cells).find((x) => x.key === r.key && x.dstreamId !== undefined);
    if (c) r.dstreamId = c.dstreamId;
  }
  const statusAt = (c: LotCellState): LotCellStatus => {
    if (sel === undefined) return 'normal';
    if (c.recomputedAtBatch !== undefined && c.recomputedAtBatch <= sel && c.lostAtBatch !== undefined && c.lostAtBatch <= sel) return 'recomputed';
    if (c.recomputedAtBatch !== undefined && c.recomputedAtBatch <= sel && c.lostAtBatch === undefined) return 'recomputed';
    if (c.lostAtBatch !== undefined && c.lostAtBatch <= sel) return 'lost';
    return 'normal';
  };
  // Edges: the graph's (same batch, window and state reaching back), then what the real lineage adds.
  const edges = new Map<string, LotEdgeView>();
  const has = (key: string, t: number) => rowOf.has(key) && colOf.has(t);
  const put = (fk: string, ft: number, tk: string, tt: number, kind: LotEdgeView['kind']) => {
    if (!has(fk, ft) || !has(tk, tt) || (fk === tk && ft === tt) || ft > tt) return;
    const from = cellId(fk, ft), to = cellId(tk, tt);
    const k = `${from}>${to}`;
    if (!edges.has(k)) edges.set(k, { from, to, kind, back: ft < tt, onPath: false });
  };
  const preds = new Map<string, Set<string>>();
  if (g) {
    const bd = g.batchDuration || s.batchDurationMs || 1000;
    const windows = new Map(windowSpecsFromGraph({ nodes: g.nodes, batchDuration: bd }).map((w) => [w.nodeId, w]));
    const stateful = new Set(statefulNodeIds(g));
    for (const ed of g.edges) {
      preds.set(ed.target, new Set([...(preds.get(ed.target) ?? []), ed.source]));
      for (const t of columns) {
        const w = windows.get(ed.target);
        if (!w) { put(ed.source, t, ed.target, t, 'narrow'); continue; }
        if (w.inverse) {
          // Incremental window: previous window + the new slice − the slice that left.
          put(ed.source, t, ed.target, t, 'window');
          put(ed.target, t - w.slideMs, ed.target, t, 'window');
          put(ed.source, t - w.windowMs, ed.target, t, 'window');
        } else {
          for (const u of columns) if (u <= t && u > t - w.windowMs) put(ed.source, u, ed.target, t, 'window');
        }
      }
    }
    for (const id of stateful) for (const t of columns) put(id, t - bd, id, t, 'state');
  }
  const ancestor = (a: string, b: string): boolean => {
    const seen = new Set<string>();
    const stack = [b];
    while (stack.length) {
      const x = stack.pop()!;
      for (const p of preds.get(x) ?? []) { if (p === a) return true; if (!seen.has(p)) { seen.add(p); stack.push(p); } }
    }
    return false;
  };
  for (const [k, kind] of Object.entries(s.edges)) {
    const [from, to] = k.split('>');
    const a = s.cells[from], b = s.cells[to];
    if (!a || !b) continue;
    if (g && a.key !== b.key && !ancestor(a.key, b.key)) continue;
    put(a.key, a.batchTime, b.key, b.batchTime, a.batchTime < b.batchTime ? (a.key === b.key ? 'state' : 'window') : kind);
  }
  // The recomputation path of the shown batch: from the recomputed (once lost) cells to what the batch computed.
  const recs = s.recomputes.filter((r) => r.batchTime === sel);
  const recCells = new Set(recs.flatMap((r) => r.cells));
  const onPath = new Set<string>();
  if (recCells.size && sel !== undefined) {
    const out = new Map<string, string[]>(), inn = new Map<string, string[]>();
    for (const ed of edges.values()) {
      out.set(ed.from, [...(out.get(ed.from) ?? []), ed.to]);
      inn.set(ed.to, [...(inn.get(ed.to) ?? []), ed.from]);
    }
    const walk = (start: Iterable<string>, next: Map<string, string[]>) => {
      const seen = new Set<string>(start);
      const stack = [...seen];
      while (stack.length) for (const y of next.get(stack.pop()!) ?? []) if (!seen.has(y)) { seen.add(y); stack.push(y); }
      return seen;
    };
    const fwd = walk([...recCells].filter((c) => colOf.has(s.cells[c]?.batchTime ?? NaN)), out);
    const targets = rows.map((r) => cellId(r.key, sel)).filter((c) => s.cells[c]);
    const bwd = walk(targets, inn);
    for (const c of fwd) if (bwd.has(c)) onPath.add(c);
    for (const c of recCells) onPath.add(c);
    for (const ed of edges.values()) ed.onPath = onPath.has(ed.from) && onPath.has(ed.to) && fwd.has(ed.from) && bwd.has(ed.to);
  }
  const cells: LotCellView[] = [];
  let lostCount = 0, recomputedCount = 0;
  for (const c of Object.values(s.cells)) {
    const row = rowOf.get(c.key), col = colOf.get(c.batchTime);
    if (row === undefined || col === undefined) continue;
    if (c.count === undefined && !c.rddIds.length && !c.checkpointed) continue;
    const status = statusAt(c);
    if (status === 'lost') lostCount++;
    if (status === 'recomputed') recomputedCount++;
    const id = cellId(c.key, c.batchTime);
    cells.push({
      id, key: c.key, row, col, batchTime: c.batchTime, count: c.count, rddIds: [...c.rddIds].sort((a, b) => a - b),
      cachedPartitions: Object.keys(c.cached).length, storageLevel: c.storageLevel, checkpointed: c.checkpointed, status,
      lostPartitions: c.lostPartitions, lostExecutors: c.lostExecutors, recomputedAtBatch: c.recomputedAtBatch, onPath: onPath.has(id),
    });
  }
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  const present2 = new Set(cells.map((c) => c.id));
  const edgeList = [...edges.values()].filter((e) => present2.has(e.from) && present2.has(e.to));
  const recompute = recs.length && sel !== undefined
    ? { batchTime: sel, jobIds: recs.map((r) => r.jobId), stageIds: [...new Set(recs.flatMap((r) => r.stageIds))].sort((a, b) => a - b), cells: [...recCells] }
    : undefined;
  return { columns, rows, cells, edges: edgeList, recompute, lostCount, recomputedCount, selected: sel };
}
