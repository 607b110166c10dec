/**
 * Batch timeline: blocks received per 200 ms interval per receiver, allocated to the batch whose
 * jobs are generated next (Spark's ReceivedBlockTracker.allocateBlocksToBatch runs when a batch is
 * generated, so a block belongs to the first batch submitted after it was received). Each block is
 * one partition of that batch's BlockRDD.
 */
import type { EngineEvent } from '../../../engine/core/events';

export interface BlockView {
  blockId: string;
  streamId: number;
  time: number;
  records: number;
  executorId: string;
  replicatedTo?: string;
  wal: boolean;
  lost: boolean;
  batchTime?: number;
}

export interface TimelineState {
  /** Received, not yet allocated to a batch. */
  pending: BlockView[];
  byBatch: Record<number, BlockView[]>;
  /** Streams seen (receiver ids). */
  streams: number[];
  lostBlocks: string[];
}

export const initialTimeline: TimelineState = { pending: [], byBatch: {}, streams: [], lostBlocks: [] };

const MAX_PENDING = 2000;

function markLost(list: BlockView[], blockId: string): BlockView[] | null {
  const i = list.findIndex((b) => b.blockId === blockId);
  if (i < 0) return null;
  const next = list.slice();
  next[i] = { ...next[i], lost: true };
  return next;
}

export function reduceTimeline(s: TimelineState, e: EngineEvent): TimelineState {
  switch (e.type) {
    case 'blockReceived': {
      const b: BlockView = {
        blockId: e.blockId, streamId: e.streamId, time: e.time, records: e.records, executorId: e.executorId,
        replicatedTo: e.replicatedTo, wal: e.wal, lost: s.lostBlocks.includes(e.blockId),
      };
      const pending = s.pending.length >= MAX_PENDING ? s.pending.slice(1) : s.pending.slice();
      pending.push(b);
      return { ...s, pending, streams: s.streams.includes(e.streamId) ? s.streams : [...s.streams, e.streamId].sort((a, c) => a - c) };
    }
    case 'batchSubmitted': {
      const t = e.batchInfo.batchTime;
      if (s.byBatch[t]) return s;
      const take = s.pending.filter((b) => b.time <= t).map((b) => ({ ...b, batchTime: t }));
      const rest = s.pending.filter((b) => b.time > t);
      return { ...s, pending: rest, byBatch: { ...s.byBatch, [t]: take } };
    }
    case 'blocksLost': {
      let next = s;
      for (const b of e.blocks) next = loseBlock(next, b.blockId);
      return next;
    }
    case 'faultInjected': {
      if (e.fault !== 'loseBlock') return s;
      return loseBlock(s, e.target);
    }
    default:
      return s;
  }
}

function loseBlock(s: TimelineState, id: string): TimelineState {
  const lostBlocks = s.lostBlocks.includes(id) ? s.lostBlocks : [...s.lostBlocks.slice(-199), id];
  const p = markLost(s.pending, id);
  if (p) return { ...s, pending: p, lostBlocks };
  for (const k of Object.keys(s.byBatch)) {
    const l = markLost(s.byBatch[Number(k)], id);
    if (l) return { ...s, byBatch: { ...s.byBatch, [k]: l }, lostBlocks };
  }
  return { ...s, lostBlocks };
}

export function evictTimeline(s: TimelineState, keep: (t: number) => boolean): TimelineState {
  const keys = Object.keys(s.byBatch).map(Number);
  if (keys.every(keep)) return s;
  const byBatch: Record<number, BlockView[]> = {};
  for (const k of keys) if (keep(k)) byBatch[k] = s.byBatch[k];
  return { ...s, byBatch };
}

// ---- derived ------------------------------------------------------------------------------

export interface TimelineBatch {
  batchTime: number;
  start: number;
  /** Blocks (= partitions of the batch's BlockRDD) per stream, in arrival order. */
  partitions: { streamId: number; blocks: BlockView[]; records: number }[];
  records: number;
  /** Records the batch reports (BatchInfo.numRecords), for inputs without blocks (direct, queue). */
  reportedRecords?: number;
}

export interface TimelineData {
  blockIntervalMs: number;
  batchDurationMs?: number;
  streams: number[];
  batches: TimelineBatch[];
  pending: BlockView[];
  /** Blocks per 200 ms interval, per stream (interval start → count), over the shown batches. */
  intervals: { streamId: number; start: number; blocks: number; records: number }[];
}

export function batchTimelineData(
  s: TimelineState, batchTimes: number[], batchDurationMs: number | undefined,
  reported: Record<number, number> = {}, blockIntervalMs = 200,
): TimelineData {
  const d = batchDurationMs ?? 1000;
  const batches: TimelineBatch[] = batchTimes.map((t) => {
    const blocks = s.byBatch[t] ?? [];
    const partitions = s.streams.map((streamId) => {
      const bs = blocks.filter((b) => b.streamId === streamId);
      return { streamId, blocks: bs, records: bs.reduce((n, b) => n + b.records, 0) };
    }).filter((p) => p.blocks.length > 0);
    return { batchTime: t, start: t - d, partitions, records: blocks.reduce((n, b) => n + b.records, 0), reportedRecords: reported[t] };
  });
  const intervals = new Map<string, { streamId: number; start: number; blocks: number; records: number }>();
  const all = [...batches.flatMap((b) => b.partitions.flatMap((p) => p.blocks)), ...s.pending];
  for (const b of all) {
    const start = Math.floor((b.time - 1) / blockIntervalMs) * blockIntervalMs;
    const key = `${b.streamId}:${start}`;
    const cur = intervals.get(key) ?? { streamId: b.streamId, start, blocks: 0, records: 0 };
    cur.blocks++; cur.records += b.records;
    intervals.set(key, cur);
  }
  return {
    blockIntervalMs, batchDurationMs, streams: s.streams, batches, pending: s.pending,
    intervals: [...intervals.values()].sort((a, b) => a.start - b.start || a.streamId - b.streamId),
  };
}
