/**
 * The run as the studio's chrome sees it: simulation status and speed, the console's text and
 * errors, live per-node record counts. Fed only by engine events (applyEngineEvents), which the
 * bridge coalesces per animation frame.
 */
import type { StateCreator } from 'zustand';
import type { EngineEvent } from '../../engine/core/events';
import { appendConsole, CONSOLE_LIMIT, eventToConsoleError, explainKey, type ConsoleError } from '../console/consoleModel';
import type { Studio } from './types';
import { emptyResults, reduceResults, type ResultsState } from '../console/resultsModel';

export type SimStatus = 'idle' | 'loading' | 'running' | 'paused' | 'stopped' | 'failed';

export interface SimState {
  status: SimStatus;
  speed: number;
  batchesCompleted: number;
  lastBatchTime?: number;
  /** Document version the current run was started from (to tell "graph changed since Run"). */
  runDocVersion?: number;
}

export interface SimSlice {
  sim: SimState;
  consoleLines: string[];
  consoleErrors: ConsoleError[];
  liveCounts: Record<string, number>;
  /** The result view: latest records and upserted key/value table per node (from recordsSample). */
  results: ResultsState;
  setSim: (patch: Partial<SimState>) => void;
  applyEngineEvents: (events: EngineEvent[]) => void;
  appendStdout: (text: string) => void;
  reportError: (e: Omit<ConsoleError, 'id'>) => void;
  clearConsole: () => void;
  resetRunView: () => void;
}

let errSeq = 0;
/** The same failure often arrives twice (the job's end and the player's status): show it once. */
const isRecent = (errors: ConsoleError[], message: string) => errors.slice(-5).some((x) => x.message === message);

export const createSimSlice: StateCreator<Studio, [], [], SimSlice> = (set, get) => ({
  sim: { status: 'idle', speed: 1, batchesCompleted: 0 },
  consoleLines: [],
  consoleErrors: [],
  liveCounts: {},
  results: emptyResults(),
  setSim: (patch) => set((s) => ({ sim: { ...s.sim, ...patch } })),
  applyEngineEvents: (events) => {
    if (events.length === 0) return;
    const s = get();
    let lines = s.consoleLines;
    let errors = s.consoleErrors;
    let counts: Record<string, number> | null = null;
    let batches = s.sim.batchesCompleted;
    let lastBatchTime = s.sim.lastBatchTime;
    for (const e of events) {
      if (e.type === 'stdout') lines = appendConsole(lines, e.text, CONSOLE_LIMIT);
      else if (e.type === 'recordsSample' && e.nodeId) { counts ??= { ...s.liveCounts }; counts[e.nodeId] = e.count; }
      else if (e.type === 'batchCompleted') { batches++; lastBatchTime = e.batchInfo.batchTime; }
      const err = eventToConsoleError(e);
      if (err && !isRecent(errors, err.message)) errors = [...errors.slice(-199), { ...err, id: ++errSeq }];
    }
    const results = reduceResults(s.results, events);
    set({
      consoleLines: lines, consoleErrors: errors, ...(counts ? { liveCounts: counts } : {}), ...(results !== s.results ? { results } : {}),
      sim: { ...s.sim, batchesCompleted: batches, lastBatchTime },
    });
    // The panels' reducers (runSlice) see the same batch.
    get().applyEvents(events);
  },
  appendStdout: (text) => set((s) => ({ consoleLines: appendConsole(s.consoleLines, text, CONSOLE_LIMIT) })),
  reportError: (e) => set((s) => (isRecent(s.consoleErrors, e.message) ? s : { consoleErrors: [...s.consoleErrors.slice(-199), { ...e, explainKey: e.explainKey ?? explainKey(e.message), id: ++errSeq }] })),
  clearConsole: () => set({ consoleLines: [], consoleErrors: [] }),
  resetRunView: () => {
    set((s) => ({ consoleLines: [], consoleErrors: [], liveCounts: {}, results: emptyResults(), sim: { ...s.sim, batchesCompleted: 0, lastBatchTime: undefined } }));
    get().resetRun();
  },
});
