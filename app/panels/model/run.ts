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
import { evictExec, initialExec, reduceExecEvents, type ExecState } from './execution';
import { evictSamples, initialSamples, reduceSamplesEvents, type SamplesState } from './samples';
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

/**
 * Events up to and including a batchSubmitted (which evicts old batches). The execution and samples reducers take
 * the whole segment at once (copy-on-write per segment: a 200-node graph sends hundreds of task and sample events
 * per batch); the others are cheap per event.
 */
function applySegment(m: RunModel, seg: readonly EngineEvent[]): RunModel {
  let { eventCount, now, cluster, stats, timeline, backpressure, warnings } = m;
  for (const e of seg) {
    eventCount++;
    if (typeof e.time === 'number' && e.time > now) now = e.time;
    cluster = reduceCluster(cluster, e);
    stats = reduceStats(stats, e);
    timeline = reduceTimeline(timeline, e);
    backpressure = reduceBackpressure(backpressure, e);
    if (e.type === 'warning') warnings = [...warnings.slice(-49), { time: e.time, text: e.message }];
  }
  const next: RunModel = {
    ...m, eventCount, now, cluster, stats, timeline, backpressure, warnings,
    exec: reduceExecEvents(m.exec, seg),
    samples: reduceSamplesEvents(m.samples, seg),
  };
  return seg.length && seg[seg.length - 1].type === 'batchSubmitted' ? evict(next) : next;
}

export function applyEventsTo(m: RunModel, events: readonly EngineEvent[]): RunModel {
  let s = m;
  let from = 0;
  for (let i = 0; i < events.length; i++) {
    if (events[i].type === 'batchSubmitted' || i === events.length - 1) {
      s = applySegment(s, from === 0 && i === events.length - 1 ? events : events.slice(from, i + 1));
      from = i + 1;
    }
  }
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
