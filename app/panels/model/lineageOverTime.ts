/**
 * The DStream graph over time: rows = the pipeline's DStreams (graph order), columns = batch times,
 * each cell = one DStream's RDD for one batch. Folded from the engine's events only:
 *  - recordsSample (nodeId, dstreamId, batchTime, count): the cell's record count;
 *  - stageSubmitted (rddInfos: id and call site, the graph node): which RDDs belong to which cell
 *    (an RDD belongs to the batch of the job that first used it) and which RDDs feed which
 *    (the chain's narrow steps, the stage's parent stages across shuffles, earlier batches' RDDs
 *    reused by window and state operators);
 *  - blockUpdated (rddId, partition): cached partitions (and on which executor);
 *  - checkpointWritten kind 'data' (dstreamId, checkpointTime): checkpointed RDDs;
 *  - executorRemoved: cached blocks and shuffle outputs held by that executor are lost;
 *  - stageSubmitted with attemptId > 0, and cached blocks written again after a loss: recomputation.
 * With the pipeline graph, same-batch edges follow the graph and window / state operators reach back
 * over the batches they read. Pure: the same events give the same data however they are chunked.
 */
import type { EngineEvent } from '../../../engine/core/events';
import type { PipelineGraph } from '../../../engine/graph/types';
import { isOutputOp } from '../../../engine/graph/opFacts';
import { windowSpecsFromGraph, statefulNodeIds } from './graphInputs';
import { CopyOnWrite } from './copyOnWrite';

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
  /** By the batch of the cell (so old batches go as a whole): rdd id → cell id. */
  rddCell: Record<number, Record<number, string>>;
  /** By batch time: cell id → cell. */
  cells: Record<number, Record<string, LotCellState>>;
  dstreamKey: Record<number, string>;
  /** Sampled node keys in first-seen order (graph nodes first). */
  keys: string[];
  /** Edges seen in the real lineage, by the batch of their target cell: `${from}>${to}` → kind. */
  edges: Record<number, Record<string, LotEdgeKind>>;
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
/** The batch time of a cell id. */
export const batchOfCell = (id: string) => Number(id.slice(id.lastIndexOf('@') + 1));

export function lotCell(s: LotState, id: string): LotCellState | undefined {
  return s.cells[batchOfCell(id)]?.[id];
}

/** Every kept cell (by batch, oldest first). */
export function lotCells(s: LotState): LotCellState[] {
  const out: LotCellState[] = [];
  for (const bucket of Object.values(s.cells)) for (const c of Object.values(bucket)) out.push(c);
  return out;
}

/** The cell an RDD belongs to (newest batches first: RDD ids grow with time). */
function rddCellOf(s: LotState, rddId: number): string | undefined {
  const times = Object.keys(s.rddCell);
  for (let i = times.length - 1; i >= 0; i--) {
    const id = s.rddCell[Number(times[i])][rddId];
    if (id !== undefined) return id;
  }
  return undefined;
}

function newCell(key: string, batchTime: number): LotCellState {
  return { key, batchTime, rddIds: [], cached: {}, checkpointed: false, lostPartitions: 0, lostExecutors: [] };
}

function latestBatch(s: LotState): number | undefined { return s.batches[s.batches.length - 1]; }

function evict(s: LotState): LotState {
  if (s.batches.length <= s.maxBatches) return s;
  const oldest = s.batches[s.batches.length - s.maxBatches];
  // Cells, their RDDs and the edges into them are kept per batch: dropping a batch drops its buckets.
  const keepBuckets = <V>(m: Record<number, V>): Record<number, V> => {
    const out: Record<number, V> = {};
    for (const k of Object.keys(m)) if (Number(k) >= oldest) out[Number(k)] = m[Number(k)];
    return out;
  };
  const jobBatch: LotState['jobBatch'] = {};
  for (const [k, t] of Object.entries(s.jobBatch)) if (t >= oldest) jobBatch[Number(k)] = t;
  // Stages no kept job submitted can add no edge nor loss to a kept cell: forget them (the maps stay bounded).
  const attemptJob: LotState['attemptJob'] = {};
  const keptStages = new Set<number>();
  for (const [k, j] of Object.entries(s.attemptJob)) if (jobBatch[j] !== undefined) { attemptJob[k] = j; keptStages.add(Number(k.split('.')[0])); }
  const stageRdds: LotState['stageRdds'] = {}, stageShuffle: LotState['stageShuffle'] = {}, outputs: LotState['outputs'] = {};
  for (const sid of keptStages) {
    if (s.stageRdds[sid]) stageRdds[sid] = s.stageRdds[sid];
    if (sid in s.stageShuffle) stageShuffle[sid] = s.stageShuffle[sid];
    if (s.outputs[sid]) outputs[sid] = s.outputs[sid];
  }
  return {
    ...s, batches: s.batches.filter((t) => t >= oldest), cells: keepBuckets(s.cells), rddCell: keepBuckets(s.rddCell), edges: keepBuckets(s.edges),
    jobBatch, stageRdds, stageShuffle, outputs, attemptJob,
    recomputes: s.recomputes.filter((r) => r.batchTime >= oldest),
    faults: s.faults.filter((f) => f.batchTime === undefined || f.batchTime >= oldest),
  };
}

/**
 * Copy-on-write over one call of reduceLotAll: each map and cell is copied at most once per call, then updated in
 * place (one immutable step per event copied the cell map, 20,000 cells on a 200-node graph, for every sample).
 */
class LotDraft extends CopyOnWrite<LotState> {
  /** The bucket of batch `t` of a per-batch map, owned by this draft. */
  private bucket<K extends 'cells' | 'rddCell' | 'edges'>(k: K, t: number): LotState[K][number] {
    const m = this.map(k) as Record<number, object>;
    return (m[t] = this.own(m[t] ?? {})) as LotState[K][number];
  }
  /** The cell `id`, owned by this draft (created when `create` and missing). */
  cell(id: string, create?: { key: string; batchTime: number }): LotCellState | undefined {
    const t = batchOfCell(id);
    const c = this.s.cells[t]?.[id];
    if (!c) {
      if (!create) return undefined;
      return (this.bucket('cells', t)[id] = this.adopt(newCell(create.key, create.batchTime)));
    }
    if (this.isOwn(c)) return c;
    return (this.bucket('cells', t)[id] = this.own(c));
  }
  setRddCell(rddId: number, id: string): void { this.bucket('rddCell', batchOfCell(id))[rddId] = id; }
  setEdge(from: string, to: string, kind: LotEdgeKind): void {
    const k = `${from}>${to}`;
    if (!this.s.edges[batchOfCell(to)]?.[k]) this.bucket('edges', batchOfCell(to))[k] = kind;
  }
}

function addRecompute(d: LotDraft, jobId: number, stageId: number, ids: string[]): void {
  const batchTime = d.s.jobBatch[jobId];
  if (batchTime === undefined) return;
  for (const id of ids) {
    const c = d.cell(id);
    if (c) { c.recomputedAtBatch = batchTime; c.recomputedByJob = jobId; }
  }
  const i = d.s.recomputes.findIndex((r) => r.jobId === jobId);
  const prev = i >= 0 ? d.s.recomputes[i] : { batchTime, jobId, stageIds: [], cells: [] };
  const r: LotRecompute = {
    ...prev,
    stageIds: prev.stageIds.includes(stageId) || stageId < 0 ? prev.stageIds : [...prev.stageIds, stageId],
    cells: [...new Set([...prev.cells, ...ids])],
  };
  const recomputes = [...d.s.recomputes];
  if (i >= 0) recomputes[i] = r; else recomputes.push(r);
  d.top().recomputes = recomputes;
}

/** One event (see reduceLotAll). */
export function reduceLot(s: LotState, e: EngineEvent): LotState {
  return reduceLotAll([e], s);
}

function applyLotEvent(d: LotDraft, e: EngineEvent): void {
  switch (e.type) {
    case 'streamingStarted':
      d.top().batchDurationMs = e.batchDurationMs;
      return;
    case 'batchSubmitted': {
      const t = e.batchInfo.batchTime;
      if (d.s.batches.includes(t)) return;
      d.top().batches = [...d.s.batches, t].sort((a, b) => a - b);
      d.s = evict(d.s);
      return;
    }
    case 'jobStart':
      if (e.batchTime !== undefined) d.map('jobBatch')[e.jobId] = e.batchTime;
      return;
    case 'recordsSample': {
      const key = e.nodeId ?? `dstream-${e.dstreamId}`;
      const c = d.cell(cellId(key, e.batchTime), { key, batchTime: e.batchTime })!;
      c.count = e.count;
      c.dstreamId = e.dstreamId;
      if (d.s.dstreamKey[e.dstreamId] !== key) d.map('dstreamKey')[e.dstreamId] = key;
      if (!d.s.keys.includes(key)) {
        const keys = d.s.keys;
        d.top().keys = e.nodeId !== undefined
          ? [...keys.filter((k) => !k.startsWith('dstream-')), key, ...keys.filter((k) => k.startsWith('dstream-'))]
          : [...keys, key];
      }
      return;
    }
    case 'stageSubmitted': {
      const batchTime = d.s.jobBatch[e.jobId];
      d.map('attemptJob')[`${e.stageId}.${e.attemptId}`] = e.jobId;
      if (!d.s.stageRdds[e.stageId]) { d.map('stageRdds')[e.stageId] = e.rddIds; d.map('stageShuffle')[e.stageId] = e.isShuffleMap; }
      if (batchTime === undefined) return;
      // RDDs → cells (the batch of the job that first used the RDD).
      // A recorded run saved before stage events carried RDD infos has none: its stages add no cells.
      const chain = e.rddInfos ?? [];
      for (const r of chain) {
        if (r.callSite === undefined || rddCellOf(d.s, r.id) !== undefined) continue;
        const id = cellId(r.callSite, batchTime);
        const c = d.cell(id, { key: r.callSite, batchTime })!;
        c.rddIds = [...c.rddIds, r.id];
        d.setRddCell(r.id, id);
      }
      const cell = (id: string) => lotCell(d.s, id)!;
      // Narrow steps of the chain (child first), and parent stages' outputs across shuffles.
      const add = (from: string | undefined, to: string | undefined, kind: LotEdgeKind) => {
        if (!from || !to || from === to) return;
        const a = lotCell(d.s, from), b = lotCell(d.s, to);
        if (!a || !b || a.batchTime > b.batchTime) return;
        d.setEdge(from, to, kind);
      };
      const ids = chain.map((r) => rddCellOf(d.s, r.id));
      for (let i = 0; i + 1 < ids.length; i++) add(ids[i + 1], ids[i], 'narrow');
      const mine = ids.filter((x): x is string => !!x);
      for (const p of e.parentStageIds) {
        const top = d.s.stageRdds[p]?.[0];
        const from = top !== undefined ? rddCellOf(d.s, top) : undefined;
        if (!from || !lotCell(d.s, from)) continue;
        const tb = cell(from).batchTime;
        // An internal shuffle of a DStream this stage already computes (e.g. a window's own reduce): no edge.
        if (mine.some((x) => cell(x).key === cell(from).key)) continue;
        // Otherwise the shuffle feeds the most upstream RDD (chains list the child first) of the earliest batch.
        const to = mine.map((x, i) => ({ x, i })).filter(({ x }) => cell(x).batchTime >= tb)
          .sort((a, b) => cell(a.x).batchTime - cell(b.x).batchTime || b.i - a.i)[0]?.x;
        add(from, to, 'shuffle');
      }
      // A resubmitted stage recomputes the lost partitions of its RDDs' cells.
      if (e.attemptId > 0) {
        const lost = [...new Set(mine)].filter((x) => (cell(x).lostPartitions > 0 || cell(x).batchTime < batchTime));
        addRecompute(d, e.jobId, e.stageId, lost);
      }
      return;
    }
    case 'taskEnd': {
      if (e.reason !== 'Success' || !d.s.stageShuffle[e.stageId]) return;
      const o = d.s.outputs[e.stageId] ?? {};
      if (o[e.partition] === e.executorId) return;
      d.map('outputs')[e.stageId] = { ...o, [e.partition]: e.executorId };
      return;
    }
    case 'blockUpdated': {
      if (e.rddId === undefined || e.partition === undefined) return;
      const id = rddCellOf(d.s, e.rddId);
      const c0 = id ? lotCell(d.s, id) : undefined;
      if (!id || !c0) return;
      const c = d.cell(id)!;
      const p = e.partition;
      if (e.storageLevel === 'NONE') {
        const cached = { ...c.cached }; delete cached[p];
        c.cached = cached;
        return;
      }
      c.cached = { ...c.cached, [p]: e.executorId };
      c.storageLevel = e.storageLevel;
      // Cached again after a loss: recomputed from lineage by the current job.
      if (c0.lostPartitions > 0 && c0.recomputedAtBatch === undefined) {
        const job = Number(Object.keys(d.s.jobBatch).map(Number).sort((a, b) => b - a)[0]);
        if (Number.isFinite(job)) addRecompute(d, job, -1, [id]);
      }
      return;
    }
    case 'checkpointWritten': {
      if (e.kind !== 'data' || e.dstreamId === undefined) return;
      const key = d.s.dstreamKey[e.dstreamId] ?? `dstream-${e.dstreamId}`;
      d.cell(cellId(key, e.checkpointTime), { key, batchTime: e.checkpointTime })!.checkpointed = true;
      return;
    }
    case 'executorRemoved': {
      const s = d.s;
      const lost = new Map<string, number>();
      const bump = (id: string | undefined, n = 1) => { if (id) lost.set(id, (lost.get(id) ?? 0) + n); };
      for (const c0 of lotCells(s)) {
        const gone = Object.entries(c0.cached).filter(([, x]) => x === e.executorId).map(([p]) => Number(p));
        if (!gone.length) continue;
        const id = cellId(c0.key, c0.batchTime);
        const c = d.cell(id)!;
        const cached = { ...c.cached };
        for (const p of gone) delete cached[p];
        c.cached = cached;
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
        bump(top !== undefined ? rddCellOf(s, top) : undefined, gone.length);
      }
      const at = latestBatch(s);
      for (const [id, n] of lost) {
        const c = d.cell(id);
        if (!c) continue;
        c.lostPartitions += n;
        c.lostAtBatch = at;
        c.lostExecutors = [...new Set([...c.lostExecutors, e.executorId])];
        c.recomputedAtBatch = undefined;
        c.recomputedByJob = undefined;
      }
      d.top().outputs = outputs;
      d.top().faults = [...d.s.faults, { executorId: e.executorId, batchTime: at, cells: [...lost.keys()].filter((id) => lotCell(d.s, id)) }];
      return;
    }
    default:
      return;
  }
}

/** Folds events into the state; pure (the input is not modified) and O(changes) per event. */
export function reduceLotAll(events: readonly EngineEvent[], s: LotState = initialLot): LotState {
  const d = new LotDraft(s);
  for (const e of events) applyLotEvent(d, e);
  return d.s;
}

// ---- derived: the grid of one view -------------------------------------------------------------

export type LotCellStatus = 'normal' | 'lost' | 'recomputed';

/** `internal`: a DStream an operation made for itself (a window's inner reduce, say); no node on the canvas names it. */
export interface LotRow { key: string; label: string; op?: string; dstreamId?: number; internal?: true }

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
  /** Rows left out by maxRows. */
  hiddenRows: number;
}

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
  /** Rows to show at most (the first ones in graph order); the others are counted in hiddenRows. */
  maxRows?: number;
}

export function lineageOverTimeData(s: LotState, o: LotOptions = {}): LotData {
  const all = (o.times ?? s.batches).filter((t) => s.batches.includes(t) || o.times);
  const max = Math.max(1, o.maxColumns ?? 8);
  const sel = o.selected ?? all[all.length - 1];
  const upto = sel === undefined ? all : all.filter((t) => t <= sel);
  const columns = upto.slice(-max);
  const colOf = new Map(columns.map((t, i) => [t, i]));
  const g = o.graph && o.graph.nodes.length ? o.graph : undefined;
  const allCells = lotCells(s);
  const present = new Set(allCells.map((c) => c.key));
  // Rows: graph nodes that carry a DStream (in topological order), then DStreams the graph does not name.
  const rows: LotRow[] = [];
  if (g) {
    const byId = new Map(g.nodes.map((n) => [n.id, n]));
    for (const id of topoOrder(g)) {
      const n = byId.get(id)!;
      if (isOutputOp(n.op) && !s.keys.includes(id)) continue;
      if (!present.has(id) && !s.keys.includes(id)) continue;
      rows.push({ key: id, label: n.label ?? id, op: n.op });
    }
  }
  for (const k of s.keys) if (!rows.some((r) => r.key === k)) rows.push(k.startsWith('dstream-') ? { key: k, label: `DStream ${k.slice(8)} (internal)`, internal: true } : { key: k, label: k });
  const hiddenRows = o.maxRows !== undefined && rows.length > o.maxRows ? rows.length - o.maxRows : 0;
  if (hiddenRows) rows.length = o.maxRows!;
  const rowOf = new Map(rows.map((r, i) => [r.key, i]));
  for (const r of rows) {
    const c = allCells.find((x) => x.key === r.key && x.dstreamId !== undefined);
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
  // Only edges into a shown column can be drawn.
  for (const [k, kind] of columns.flatMap((t) => Object.entries(s.edges[t] ?? {}))) {
    const [from, to] = k.split('>');
    const a = lotCell(s, from), b = lotCell(s, to);
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
    const fwd = walk([...recCells].filter((c) => colOf.has(lotCell(s, c)?.batchTime ?? NaN)), out);
    const targets = rows.map((r) => cellId(r.key, sel)).filter((c) => lotCell(s, c));
    const bwd = walk(targets, inn);
    for (const c of fwd) if (bwd.has(c)) onPath.add(c);
    for (const c of recCells) onPath.add(c);
    for (const ed of edges.values()) ed.onPath = onPath.has(ed.from) && onPath.has(ed.to) && fwd.has(ed.from) && bwd.has(ed.to);
  }
  const cells: LotCellView[] = [];
  let lostCount = 0, recomputedCount = 0;
  for (const c of columns.flatMap((t) => Object.values(s.cells[t] ?? {}))) {
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
  return { columns, rows, cells, edges: edgeList, recompute, lostCount, recomputedCount, selected: sel, hiddenRows };
}
