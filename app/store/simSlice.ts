/**
 * The run as the studio's chrome sees it: simulation status and speed, the console's text and
 * errors, live per-node record counts. Fed only by engine events (applyEngineEvents), which the
 * bridge coalesces per animation frame.
 */
import type { StateCreator } from 'zustand';
import type { EngineEvent } from '../../engine/core/events';
import { appendConsole, CONSOLE_LIMIT, countLines, eventToConsoleError, explainKey, type ConsoleError } from '../console/consoleModel';
import type { Studio } from './types';
import { emptyResults, reduceResults, type ResultsState } from '../console/resultsModel';
import { initialGuide, reduceGuideAll, type GuideState } from '../sim/narration';
import type { Breakpoint, BreakpointHit } from '../sim/breakpoints';
import type { RecordedRun } from './runSlice';

export type SimStatus = 'idle' | 'loading' | 'running' | 'paused' | 'stopped' | 'failed';

export interface SimState {
  status: SimStatus;
  speed: number;
  batchesCompleted: number;
  lastBatchTime?: number;
  /** The latest batch interval the clock reached, with or without jobs (a Step always moves it). */
  lastIntervalTime?: number;
  /** Document version the current run was started from (to tell "graph changed since Run"). */
  runDocVersion?: number;
  /** Set while the panels show a recorded run (File → Open run…) instead of a live one. */
  replay?: { name: string; events: number };
  /** The last breakpoint that paused the run (cleared when the run continues or restarts). */
  lastHit?: BreakpointHit;
}

export interface SimSlice {
  sim: SimState;
  consoleLines: string[];
  /** Lines dropped from the head of consoleLines (over CONSOLE_LIMIT) since it was cleared: line i is line consoleDropped + i of the run. */
  consoleDropped: number;
  consoleErrors: ConsoleError[];
  liveCounts: Record<string, number>;
  /** Nodes whose operation failed a task in this run → the failure (taskEnd/jobEnd failedNodeIds), for the canvas mark. */
  failingNodes: Record<string, string>;
  /** The result view: latest records and upserted key/value table per node (from recordsSample). */
  results: ResultsState;
  /** Breakpoints (checked in the driver worker; the bridge sends them on every change and Run). */
  breakpoints: Breakpoint[];
  /** Guided fault mode: the narration state machine, folded from the same events. */
  guide: GuideState;
  setBreakpoints: (bps: Breakpoint[]) => void;
  setGuideEnabled: (on: boolean) => void;
  dismissNarration: () => void;
  /** Replays a recorded run into every panel and the console without running the engine. */
  replayRecordedRun: (run: RecordedRun, name: string) => void;
  setSim: (patch: Partial<SimState>) => void;
  applyEngineEvents: (events: EngineEvent[]) => void;
  appendStdout: (text: string) => void;
  reportError: (e: Omit<ConsoleError, 'id'>) => void;
  clearConsole: () => void;
  resetRunView: () => void;
}

let errSeq = 0;
/**
 * The same failure often arrives twice (the job's end and the player's status, or its output operation's
 * "SparkException: <same>"): show it once.
 */
const sameFailure = (a: string, b: string) => a === b || (Math.min(a.length, b.length) >= 20 && (a.endsWith(b) || b.endsWith(a)));
const isRecent = (errors: ConsoleError[], message: string) => errors.slice(-5).some((x) => sameFailure(x.message, message));

type SimFold = Pick<SimSlice, 'consoleLines' | 'consoleDropped' | 'consoleErrors' | 'liveCounts' | 'results' | 'guide'> & { sim: SimState; failingNodes?: Record<string, string> };

/** The first failure of each node is kept (later ones are usually its consequences). */
function markFailing(failing: Record<string, string>, nodeIds: string[], reason: string): Record<string, string> {
  if (nodeIds.every((id) => failing[id] !== undefined)) return failing;
  const next = { ...failing };
  const first = reason.split('\n')[0];
  for (const id of nodeIds) next[id] ??= first;
  return next;
}

/** The chrome's view of a batch of events (console, counts, results, batches, guide): one pure fold, used live and for replays. */
export function foldSimEvents(s: SimFold, events: readonly EngineEvent[]): SimFold {
  let lines = s.consoleLines;
  let dropped = s.consoleDropped;
  let errors = s.consoleErrors;
  let counts: Record<string, number> | null = null;
  let failing = s.failingNodes ?? {};
  let batches = s.sim.batchesCompleted;
  let lastBatchTime = s.sim.lastBatchTime;
  let lastIntervalTime = s.sim.lastIntervalTime;
  for (const e of events) {
    if (e.type === 'stdout') {
      const next = appendConsole(lines, e.text, CONSOLE_LIMIT);
      dropped += lines.length + countLines(e.text) - next.length;
      lines = next;
    }
    else if (e.type === 'recordsSample' && e.nodeId) { counts ??= { ...s.liveCounts }; counts[e.nodeId] = e.count; }
    else if (e.type === 'batchCompleted') { batches++; lastBatchTime = e.batchInfo.batchTime; }
    if (e.type === 'batchSubmitted' || e.type === 'noJobsAdded') {
      const t = e.type === 'noJobsAdded' ? e.batchTime : e.batchInfo.batchTime;
      if (lastIntervalTime === undefined || t > lastIntervalTime) lastIntervalTime = t;
    }
    if (e.type === 'taskEnd' && e.failedNodeIds && e.failureReason) failing = markFailing(failing, e.failedNodeIds, e.failureReason);
    else if (e.type === 'jobEnd' && e.failedNodeIds && e.cause) failing = markFailing(failing, e.failedNodeIds, e.cause);
    const err = eventToConsoleError(e);
    if (err && !isRecent(errors, err.message)) errors = [...errors.slice(-199), { ...err, id: ++errSeq }];
  }
  const results = reduceResults(s.results, events as EngineEvent[]);
  const guide = reduceGuideAll(s.guide, events);
  return {
    consoleLines: lines, consoleDropped: dropped, consoleErrors: errors, liveCounts: counts ?? s.liveCounts, results, guide, failingNodes: failing,
    sim: { ...s.sim, batchesCompleted: batches, lastBatchTime, lastIntervalTime },
  };
}

export const createSimSlice: StateCreator<Studio, [], [], SimSlice> = (set, get) => ({
  sim: { status: 'idle', speed: 1, batchesCompleted: 0 },
  consoleLines: [],
  consoleDropped: 0,
  consoleErrors: [],
  liveCounts: {},
  failingNodes: {},
  results: emptyResults(),
  breakpoints: [],
  guide: initialGuide(false),
  setBreakpoints: (breakpoints) => set({ breakpoints }),
  setGuideEnabled: (on) => set((s) => ({ guide: { ...s.guide, enabled: on, ...(on ? {} : { active: null }) } })),
  dismissNarration: () => set((s) => ({ guide: { ...s.guide, active: null, history: s.guide.active ? [...s.guide.history, s.guide.active].slice(-5) : s.guide.history } })),
  replayRecordedRun: (run, name) => {
    get().resetRunView();
    const s = get();
    // A run saved with a base starts from the base's console, counts and results (its earlier events are folded in).
    const c = run.base?.chrome;
    const start: SimFold = c
      ? { ...s, consoleLines: c.consoleLines, consoleDropped: c.consoleDropped, consoleErrors: c.consoleErrors, liveCounts: c.liveCounts, results: c.results,
        guide: { ...c.guide, enabled: s.guide.enabled }, sim: { ...s.sim, batchesCompleted: c.batchesCompleted, lastBatchTime: c.lastBatchTime } }
      : s;
    const folded = foldSimEvents({ ...start, guide: { ...start.guide, active: null, history: [] } }, run.events);
    set({ ...folded, sim: { ...folded.sim, status: 'stopped', replay: { name, events: (run.base?.eventCount ?? 0) + run.events.length }, lastHit: undefined, runDocVersion: s.docVersion } });
    // The panels' run slice rebuilds its model from the same events.
    get().loadRecordedRun(run);
  },
  setSim: (patch) => set((s) => ({ sim: { ...s.sim, ...patch } })),
  applyEngineEvents: (events) => {
    if (events.length === 0) return;
    const s = get();
    const f = foldSimEvents(s, events);
    set({
      consoleLines: f.consoleLines, consoleDropped: f.consoleDropped, consoleErrors: f.consoleErrors, ...(f.liveCounts !== s.liveCounts ? { liveCounts: f.liveCounts } : {}),
      ...(f.results !== s.results ? { results: f.results } : {}), ...(f.failingNodes !== s.failingNodes ? { failingNodes: f.failingNodes ?? {} } : {}), ...(f.guide !== s.guide ? { guide: f.guide } : {}),
      sim: f.sim,
    });
    // The panels' reducers (runSlice) see the same batch.
    get().applyEvents(events);
  },
  appendStdout: (text) => set((s) => {
    const consoleLines = appendConsole(s.consoleLines, text, CONSOLE_LIMIT);
    return { consoleLines, consoleDropped: s.consoleDropped + s.consoleLines.length + countLines(text) - consoleLines.length };
  }),
  reportError: (e) => set((s) => (isRecent(s.consoleErrors, e.message) ? s : { consoleErrors: [...s.consoleErrors.slice(-199), { ...e, explainKey: e.explainKey ?? explainKey(e.code), id: ++errSeq }] })),
  clearConsole: () => set({ consoleLines: [], consoleDropped: 0, consoleErrors: [] }),
  resetRunView: () => {
    set((s) => ({ consoleLines: [], consoleDropped: 0, consoleErrors: [], liveCounts: {}, failingNodes: {}, results: emptyResults(), guide: { ...initialGuide(s.guide.enabled) },
      sim: { ...s.sim, batchesCompleted: 0, lastBatchTime: undefined, lastIntervalTime: undefined, replay: undefined, lastHit: undefined } }));
    get().resetRun();
  },
});
