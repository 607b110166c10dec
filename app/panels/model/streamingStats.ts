/**
 * The Spark UI's Streaming tab: one row per batch (BatchInfo), input rate per batch
 * (numRecords / batch interval), scheduling delay, processing time, total delay, histograms,
 * active and completed batch tables with output operations succeeded/total.
 */
import type { BatchInfo, EngineEvent, OutputOperationInfo } from '../../../engine/core/events';

export type BatchStatus = 'queued' | 'processing' | 'completed';

export interface OutputOpRow {
  id: number;
  name: string;
  description: string;
  startTime?: number;
  endTime?: number;
  failureReason?: string;
  status: 'pending' | 'running' | 'succeeded' | 'failed';
}

export interface BatchRow {
  batchTime: number;
  status: BatchStatus;
  submissionTime: number;
  processingStartTime?: number;
  processingEndTime?: number;
  numRecords: number;
  /** Records per input stream. */
  streams: Record<number, number>;
  schedulingDelay?: number;
  processingDelay?: number;
  totalDelay?: number;
  outputOps: OutputOpRow[];
  jobIds: number[];
  /** Real milliseconds the batch's jobs took (the simulated clock may stand still). */
  measuredProcessingMs?: number;
}

export interface StatsState {
  batchDurationMs?: number;
  zeroTime?: number;
  startTime?: number;
  batches: Record<number, BatchRow>;
  /** Batch times ascending. */
  times: number[];
}

export const initialStats: StatsState = { batches: {}, times: [] };

function opStatus(o: OutputOperationInfo): OutputOpRow['status'] {
  if (o.failureReason) return 'failed';
  if (o.endTime !== undefined) return 'succeeded';
  if (o.startTime !== undefined) return 'running';
  return 'pending';
}

function opRow(o: OutputOperationInfo): OutputOpRow {
  return { id: o.id, name: o.name, description: o.description, startTime: o.startTime, endTime: o.endTime, failureReason: o.failureReason, status: opStatus(o) };
}

function mergeOps(prev: OutputOpRow[], infos: Record<number, OutputOperationInfo> | undefined): OutputOpRow[] {
  if (!infos) return prev;
  const byId = new Map(prev.map((o) => [o.id, o]));
  for (const k of Object.keys(infos)) {
    const o = infos[Number(k)];
    const old = byId.get(o.id);
    const row = opRow(o);
    // Never move an op backwards (a late 'submitted' copy of BatchInfo must not undo a completed op).
    byId.set(o.id, old && rank(old.status) > rank(row.status) ? old : row);
  }
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

/**
 * mergeOps for one op's event: the rows stay sorted by id, so the op is found by binary search and replaced or
 * inserted in one copy (a batch of a 1,000-node graph has 100 output ops and two events each: rebuilding and
 * sorting every row per event was quadratic in the ops of a batch).
 */
function mergeOp(prev: OutputOpRow[], o: OutputOperationInfo): OutputOpRow[] {
  let lo = 0, hi = prev.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (prev[mid].id < o.id) lo = mid + 1; else hi = mid; }
  const row = opRow(o);
  const old = lo < prev.length && prev[lo].id === o.id ? prev[lo] : undefined;
  if (old && rank(old.status) > rank(row.status)) return prev;
  const out = prev.slice();
  if (old) out[lo] = row; else out.splice(lo, 0, row);
  return out;
}

function rank(s: OutputOpRow['status']): number { return s === 'pending' ? 0 : s === 'running' ? 1 : 2; }

function insertTime(times: number[], t: number): number[] {
  if (times.includes(t)) return times;
  const next = [...times, t];
  if (times.length && times[times.length - 1] > t) next.sort((a, b) => a - b);
  return next;
}

function applyInfo(s: StatsState, info: BatchInfo, status: BatchStatus): StatsState {
  const prev = s.batches[info.batchTime];
  const streams: Record<number, number> = {};
  for (const k of Object.keys(info.streamIdToInputInfo ?? {})) streams[Number(k)] = info.streamIdToInputInfo[Number(k)].numRecords;
  const statusRank = { queued: 0, processing: 1, completed: 2 } as const;
  const row: BatchRow = {
    batchTime: info.batchTime,
    status: prev && statusRank[prev.status] > statusRank[status] ? prev.status : status,
    submissionTime: info.submissionTime,
    processingStartTime: info.processingStartTime ?? prev?.processingStartTime,
    processingEndTime: info.processingEndTime ?? prev?.processingEndTime,
    numRecords: info.numRecords,
    streams,
    schedulingDelay: info.schedulingDelay ?? prev?.schedulingDelay,
    processingDelay: info.processingDelay ?? prev?.processingDelay,
    totalDelay: info.totalDelay ?? prev?.totalDelay,
    outputOps: mergeOps(prev?.outputOps ?? [], info.outputOperationInfos),
    jobIds: prev?.jobIds ?? [],
    measuredProcessingMs: info.measuredProcessingMs ?? prev?.measuredProcessingMs,
  };
  return { ...s, batches: { ...s.batches, [info.batchTime]: row }, times: insertTime(s.times, info.batchTime) };
}

export function reduceStats(s: StatsState, e: EngineEvent): StatsState {
  switch (e.type) {
    case 'streamingStarted':
      return { ...s, batchDurationMs: e.batchDurationMs, zeroTime: e.zeroTime, startTime: s.startTime ?? e.time };
    case 'batchSubmitted': return applyInfo(s, e.batchInfo, 'queued');
    case 'batchStarted': return applyInfo(s, e.batchInfo, 'processing');
    case 'batchCompleted': return applyInfo(s, e.batchInfo, 'completed');
    case 'outputOperationStarted':
    case 'outputOperationCompleted': {
      const o = e.outputOperationInfo;
      const b = s.batches[o.batchTime];
      if (!b) return s;
      return { ...s, batches: { ...s.batches, [o.batchTime]: { ...b, outputOps: mergeOp(b.outputOps, o) } } };
    }
    case 'jobStart': {
      if (e.batchTime === undefined) return s;
      const b = s.batches[e.batchTime];
      if (!b || b.jobIds.includes(e.jobId)) return s;
      return { ...s, batches: { ...s.batches, [e.batchTime]: { ...b, jobIds: [...b.jobIds, e.jobId] } } };
    }
    default:
      return s;
  }
}

export function evictStats(s: StatsState, keep: (t: number) => boolean): StatsState {
  const times = s.times.filter(keep);
  if (times.length === s.times.length) return s;
  const batches: Record<number, BatchRow> = {};
  for (const t of times) batches[t] = s.batches[t];
  return { ...s, times, batches };
}

// ---- derived data -------------------------------------------------------------------------

export interface SeriesPoint { batchTime: number; value: number }
export interface HistogramBin { x0: number; x1: number; count: number }

export interface MetricSummary {
  key: 'inputRate' | 'schedulingDelay' | 'processingTime' | 'totalDelay' | 'measuredProcessingTime';
  unit: 'records/s' | 'ms';
  series: SeriesPoint[];
  avg?: number;
  max?: number;
  histogram: HistogramBin[];
  /** The series is real (wall-clock) milliseconds, not the engine's simulated clock: shown apart, labelled. */
  measured?: boolean;
}

export interface StreamingStatsData {
  batchDurationMs?: number;
  completedCount: number;
  totalRecords: number;
  active: (BatchRow & { succeededOps: number; totalOps: number })[];
  completed: (BatchRow & { inputRate: number; succeededOps: number; totalOps: number })[];
  metrics: MetricSummary[];
}

/** Equal-width bins over [min, max]; deterministic; empty input gives no bins. */
export function histogram(values: number[], binCount = 10): HistogramBin[] {
  const vs = values.filter((v) => Number.isFinite(v));
  if (!vs.length) return [];
  let min = Math.min(...vs);
  let max = Math.max(...vs);
  if (min === max) return [{ x0: min, x1: max, count: vs.length }];
  const n = Math.max(1, binCount);
  const w = (max - min) / n;
  const bins: HistogramBin[] = Array.from({ length: n }, (_, i) => ({ x0: min + i * w, x1: min + (i + 1) * w, count: 0 }));
  for (const v of vs) bins[Math.min(n - 1, Math.floor((v - min) / w))].count++;
  return bins;
}

/** Records per second for a batch: numRecords / batch interval, as Spark's Streaming tab. */
export function inputRate(numRecords: number, batchDurationMs: number | undefined): number {
  if (!batchDurationMs) return 0;
  return numRecords / (batchDurationMs / 1000);
}

function summary(key: MetricSummary['key'], unit: MetricSummary['unit'], series: SeriesPoint[]): MetricSummary {
  const vals = series.map((p) => p.value);
  return {
    key, unit, series,
    avg: vals.length ? vals.reduce((a, b) => a + b, 0) / vals.length : undefined,
    max: vals.length ? Math.max(...vals) : undefined,
    histogram: histogram(vals, 6),
  };
}

/** Spark's total delay: scheduling delay + processing time (BatchInfo.totalDelay), on the engine's clock. */
export function totalDelayOf(b: Pick<BatchRow, 'schedulingDelay' | 'processingDelay' | 'totalDelay'>): number | undefined {
  if (b.schedulingDelay !== undefined && b.processingDelay !== undefined) return b.schedulingDelay + b.processingDelay;
  return b.totalDelay;
}

function opsCount(b: BatchRow) {
  return { succeededOps: b.outputOps.filter((o) => o.status === 'succeeded').length, totalOps: b.outputOps.length };
}

export function streamingStatsData(s: StatsState): StreamingStatsData {
  const rows = s.times.map((t) => s.batches[t]);
  const done = rows.filter((b) => b.status === 'completed');
  const completed = done.map((b) => ({ ...b, inputRate: inputRate(b.numRecords, s.batchDurationMs), ...opsCount(b) })).reverse();
  const asc = [...completed].reverse();
  const pick = (f: (b: (typeof completed)[number]) => number | undefined): SeriesPoint[] =>
    asc.flatMap((b) => { const v = f(b); return v === undefined ? [] : [{ batchTime: b.batchTime, value: v }]; });
  // Spark's three delays are on one clock (the engine's, simulated in the studio), so total = scheduling + processing;
  // the real milliseconds the jobs took are another quantity, shown in a row of their own.
  const measured = pick((b) => b.measuredProcessingMs);
  return {
    batchDurationMs: s.batchDurationMs,
    completedCount: done.length,
    totalRecords: done.reduce((n, b) => n + b.numRecords, 0),
    active: rows.filter((b) => b.status !== 'completed').map((b) => ({ ...b, ...opsCount(b) })).reverse(),
    completed,
    metrics: [
      summary('inputRate', 'records/s', pick((b) => b.inputRate)),
      summary('schedulingDelay', 'ms', pick((b) => b.schedulingDelay)),
      summary('processingTime', 'ms', pick((b) => b.processingDelay)),
      summary('totalDelay', 'ms', pick(totalDelayOf)),
      ...(measured.some((p) => p.value > 0) ? [{ ...summary('measuredProcessingTime', 'ms', measured), measured: true }] : []),
    ],
  };
}
