/** Back-pressure: the PID rate estimator's bound (rateUpdated) against the actual input rate per batch. */
import type { EngineEvent } from '../../../engine/core/events';
import type { StatsState } from './streamingStats';

export interface RatePoint { time: number; rate: number }

export interface BackpressureState { updates: Record<number, RatePoint[]>; streams: number[] }

export const initialBackpressure: BackpressureState = { updates: {}, streams: [] };

const MAX_POINTS = 500;

export function reduceBackpressure(s: BackpressureState, e: EngineEvent): BackpressureState {
  if (e.type !== 'rateUpdated') return s;
  const list = s.updates[e.streamId] ?? [];
  const next = list.length >= MAX_POINTS ? list.slice(1) : list.slice();
  next.push({ time: e.time, rate: e.rate });
  return {
    updates: { ...s.updates, [e.streamId]: next },
    streams: s.streams.includes(e.streamId) ? s.streams : [...s.streams, e.streamId].sort((a, b) => a - b),
  };
}

export interface BackpressureSeries {
  streamId: number;
  /** Rate bound set by the estimator, a step function over time. */
  bound: RatePoint[];
  /** Actual records/s per completed batch of this stream. */
  actual: RatePoint[];
  latestBound?: number;
  latestActual?: number;
}

export interface BackpressureData { enabled: boolean; series: BackpressureSeries[] }

export function backpressureData(s: BackpressureState, stats: StatsState): BackpressureData {
  const secs = (stats.batchDurationMs ?? 1000) / 1000;
  const streamIds = new Set<number>(s.streams);
  for (const t of stats.times) for (const k of Object.keys(stats.batches[t].streams)) streamIds.add(Number(k));
  const series = [...streamIds].sort((a, b) => a - b).map((streamId) => {
    const bound = s.updates[streamId] ?? [];
    const actual = stats.times.map((t) => stats.batches[t]).filter((b) => b.status === 'completed' && b.streams[streamId] !== undefined)
      .map((b) => ({ time: b.batchTime, rate: b.streams[streamId] / secs }));
    return { streamId, bound, actual, latestBound: bound[bound.length - 1]?.rate, latestActual: actual[actual.length - 1]?.rate };
  });
  return { enabled: s.streams.length > 0, series };
}
