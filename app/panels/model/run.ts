/**
 * RunModel: every panel's state, built by folding the engine's events through one pure reducer
 * per panel. Batches are kept for the last `maxBatches` batches (memory bounded); `selectedBatch`
 * is the time-travel cursor (undefined = follow the latest batch). Replaying the same events
 * gives an identical model, however the events were chunked.
 */
import type { EngineEvent } from '../../../engine/core/events';
import { initialCluster, reduceCluster, type ClusterState } from './cluster';
import { evictStats, initialStats, reduceStats, type StatsState } from './streamingStats';
import { evictTimeline, initialTimeline, reduceTimeline, type TimelineState } from './batchTimeline';
import { evictExec, initialExec, reduceExec, type ExecState } from './execution';
import { evictSamples, initialSamples, reduceSamples, type SamplesState } from './samples';
import { initialBackpressure, reduceBackpressure, type BackpressureState } from './backpressure';

export interface RunOptions { maxBatches: number }

export const DEFAULT_RUN_OPTIONS: RunOptions = { maxBatches: 100 };

export interface StdoutLine { time: number; text: string }

export interface RunModel {
  options: RunOptions;
  /** Events applied so far. */
  eventCount: number;
  /** Latest engine time seen. */
  now: number;
  cluster: ClusterState;
  stats: StatsState;
  timeline: TimelineState;
  exec: ExecState;
  samples: SamplesState;
  backpressure: BackpressureState;
  warnings: StdoutLine[];
  /** Time-travel cursor: a batch time, or undefined to follow the latest batch. */
  selectedBatch?: number;
}

export function initialRunModel(options: Partial<RunOptions> = {}): RunModel {
  return {
    options: { ...DEFAULT_RUN_OPTIONS, ...options },
    eventCount: 0, now: 0,
    cluster: initialCluster, stats: initialStats, timeline: initialTimeline, exec: initialExec,
    samples: initialSamples, backpressure: initialBackpressure, warnings: [],
  };
}

function evict(m: RunModel): RunModel {
  const times = m.stats.times;
  const max = Math.max(1, m.options.maxBatches);
  if (times.length <= max) return m;
  const oldestKept = times[times.length - max];
  const keep = (t: number) => t >= oldestKept;
  return {
    ...m,
    stats: evictStats(m.stats, keep),
    timeline: evictTimeline(m.timeline, keep),
    exec: evictExec(m.exec, keep),
    samples: evictSamples(m.samples, keep),
    selectedBatch: m.selectedBatch !== undefined && !keep(m.selectedBatch) ? oldestKept : m.selectedBatch,
  };
}

export function reduceRun(m: RunModel, e: EngineEvent): RunModel {
  const next: RunModel = {
    ...m,
    eventCount: m.eventCount + 1,
    now: Math.max(m.now, typeof e.time === 'number' ? e.time : m.now),
    cluster: reduceCluster(m.cluster, e),
    stats: reduceStats(m.stats, e),
    timeline: reduceTimeline(m.timeline, e),
    exec: reduceExec(m.exec, e),
    samples: reduceSamples(m.samples, e),
    backpressure: reduceBackpressure(m.backpressure, e),
  };
  if (e.type === 'warning') next.warnings = [...m.warnings.slice(-49), { time: e.time, text: e.message }];
  return e.type === 'batchSubmitted' ? evict(next) : next;
}

export function applyEventsTo(m: RunModel, events: readonly EngineEvent[]): RunModel {
  let s = m;
  for (const e of events) s = reduceRun(s, e);
  return s;
}

export function reduceAll(events: readonly EngineEvent[], options: Partial<RunOptions> = {}): RunModel {
  return applyEventsTo(initialRunModel(options), events);
}

// ---- selection ------------------------------------------------------------------------------

export function completedBatchTimes(m: RunModel): number[] {
  return m.stats.times.filter((t) => m.stats.batches[t].status === 'completed');
}

/** The batch the panels show: the selected one, else the latest completed, else the latest seen. */
export function shownBatch(m: RunModel): number | undefined {
  if (m.selectedBatch !== undefined && m.stats.batches[m.selectedBatch]) return m.selectedBatch;
  const done = completedBatchTimes(m);
  return done.length ? done[done.length - 1] : m.stats.times[m.stats.times.length - 1];
}

export function selectBatchIn(m: RunModel, time: number | undefined): RunModel {
  if (time === undefined) return m.selectedBatch === undefined ? m : { ...m, selectedBatch: undefined };
  if (!m.stats.batches[time]) return m;
  return { ...m, selectedBatch: time };
}

/** Batch times up to and including the shown batch (what a time-travelled panel shows). */
export function batchTimesUpTo(m: RunModel, t: number | undefined): number[] {
  return t === undefined ? m.stats.times : m.stats.times.filter((x) => x <= t);
}
