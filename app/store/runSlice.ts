/**
 * The panels' run slice: the RunModel folded from the engine's events (coalesced per animation
 * frame by the bridge), the time-travel cursor, the recorded event log ("save recorded run":
 * graph + seed + events) and the fault-injection door (a handler the bridge installs, so the
 * panels never import the bridge).
 */
import type { StateCreator } from 'zustand';
import type { EngineEvent, FaultKind } from '../../engine/core/events';
import type { PipelineGraph } from '../../engine/graph/types';
import { applyEventsTo, initialRunModel, reduceAll, selectBatchIn, type RunModel, type RunOptions } from '../panels/model/run';

export interface RecordedRun {
  version: 1;
  graph: PipelineGraph | null;
  seed: number;
  events: EngineEvent[];
}

export type FaultHandler = (kind: FaultKind, args: unknown[]) => void | Promise<void>;

export interface RunSlice {
  run: RunModel;
  /** Every event of the current run, in order (bounded by MAX_EVENT_LOG; see eventLogTruncated). */
  eventLog: EngineEvent[];
  eventLogTruncated: boolean;
  faultHandler: FaultHandler | null;
  applyEvents: (events: EngineEvent[]) => void;
  /** A batch time, or undefined to follow the latest batch. */
  selectBatch: (time: number | undefined) => void;
  setRunOptions: (options: Partial<RunOptions>) => void;
  reset: () => void;
  /** Alias of reset (the sim slice calls resetRun when a new run starts). */
  resetRun: () => void;
  recordRun: (graph: PipelineGraph | null, seed?: number) => RecordedRun;
  loadRecordedRun: (run: RecordedRun) => void;
  setFaultHandler: (handler: FaultHandler | null) => void;
  injectFault: (kind: FaultKind, args?: unknown[]) => void;
}

export const MAX_EVENT_LOG = 500_000;

export function isRecordedRun(v: unknown): v is RecordedRun {
  const r = v as RecordedRun;
  return !!r && typeof r === 'object' && r.version === 1 && Array.isArray(r.events)
    && r.events.every((e) => !!e && typeof e === 'object' && typeof (e as { type?: unknown }).type === 'string');
}

export const createRunSlice: StateCreator<RunSlice, [], [], RunSlice> = (set, get) => ({
  run: initialRunModel(),
  eventLog: [],
  eventLogTruncated: false,
  faultHandler: null,
  applyEvents: (events) => {
    if (!events.length) return;
    set((s) => {
      let log = s.eventLog.concat(events);
      let truncated = s.eventLogTruncated;
      if (log.length > MAX_EVENT_LOG) { log = log.slice(log.length - MAX_EVENT_LOG); truncated = true; }
      return { run: applyEventsTo(s.run, events), eventLog: log, eventLogTruncated: truncated };
    });
  },
  selectBatch: (time) => set((s) => ({ run: selectBatchIn(s.run, time) })),
  setRunOptions: (options) => set((s) => ({ run: { ...s.run, options: { ...s.run.options, ...options } } })),
  reset: () => set((s) => ({ run: initialRunModel(s.run.options), eventLog: [], eventLogTruncated: false })),
  resetRun: () => get().reset(),
  recordRun: (graph, seed) => ({ version: 1, graph, seed: seed ?? graph?.seed ?? 0, events: get().eventLog.slice() }),
  loadRecordedRun: (run) => {
    if (!isRecordedRun(run)) throw new Error('Not a recorded run: expected { version: 1, graph, seed, events: [...] }');
    set((s) => ({ run: reduceAll(run.events, s.run.options), eventLog: run.events.slice(), eventLogTruncated: false }));
  },
  setFaultHandler: (handler) => set({ faultHandler: handler }),
  injectFault: (kind, args = []) => { void get().faultHandler?.(kind, args); },
});
