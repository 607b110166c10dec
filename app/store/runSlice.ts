/**
 * The panels' run slice: the RunModel folded from the engine's events (coalesced per animation frame by the
 * bridge), the lineage-over-time state, the time-travel cursor, the recorded run ("Save run…": graph + seed + a
 * base state + the events since; see runRecorder.ts) and the fault-injection door (a handler the bridge installs,
 * so the panels never import the bridge).
 */
import type { StateCreator } from 'zustand';
import type { EngineEvent, FaultKind } from '../../engine/core/events';
import type { PipelineGraph } from '../../engine/graph/types';
import { applyEventsTo, initialRunModel, reduceAll, selectBatchIn, type RunModel, type RunOptions } from '../panels/model/run';
import { initialLot, reduceLotAll, type LotState } from '../panels/model/lineageOverTime';
import { LotFold } from '../panels/model/lotFold';
import { RunRecorder, type ChromeBase, type RunBase } from './runRecorder';

export interface RecordedRun {
  version: 1;
  graph: PipelineGraph | null;
  seed: number;
  /** The state after the run's earlier events (absent when `events` holds the whole run). */
  base?: RunBase;
  /** The events after the base (or of the whole run), in order. */
  events: EngineEvent[];
}

export type FaultHandler = (kind: FaultKind, args: unknown[]) => void | Promise<void>;

/** The newest batch of events applied, and the run it belongs to (a new epoch means a new run). */
export interface RunFeed { epoch: number; events: EngineEvent[] }

export interface RunSlice {
  run: RunModel;
  /** The DStream graph over time (Lineage panel), folded from the same events when read (`lot.get()`). */
  lot: LotFold;
  /** The recorded run so far (a mutable recorder: read it, never replace it outside this slice). */
  recorder: RunRecorder;
  runFeed: RunFeed;
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

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** A base as a file holds it: the run model, the lineage state and (optionally) the chrome, in outline. */
export function isRunBase(v: unknown): v is RunBase {
  if (!isObject(v) || typeof v.eventCount !== 'number' || !isObject(v.run) || !isObject(v.lot)) return false;
  const run = v.run, lot = v.lot;
  const runOk = isObject(run.stats) && Array.isArray(run.stats.times) && isObject(run.exec) && isObject(run.cluster) && isObject(run.samples)
    && isObject(run.timeline) && isObject(run.backpressure) && isObject(run.options) && Array.isArray(run.warnings);
  const lotOk = Array.isArray(lot.batches) && isObject(lot.cells) && typeof lot.maxBatches === 'number';
  const c = v.chrome;
  const chromeOk = c === undefined || (isObject(c) && Array.isArray(c.consoleLines) && Array.isArray(c.consoleErrors) && isObject(c.liveCounts)
    && isObject(c.results) && isObject(c.guide) && typeof c.batchesCompleted === 'number');
  return runOk && lotOk && chromeOk;
}

export function isRecordedRun(v: unknown): v is RecordedRun {
  const r = v as RecordedRun;
  return !!r && typeof r === 'object' && r.version === 1 && Array.isArray(r.events)
    && r.events.every((e) => !!e && typeof e === 'object' && typeof (e as { type?: unknown }).type === 'string')
    && (r.base === undefined || isRunBase(r.base));
}

/** The chrome's part of the store, when the store has one (the whole studio; not the panels' slice alone). */
function chromeOf(s: object): ChromeBase | undefined {
  const c = s as Partial<ChromeBase> & { sim?: { batchesCompleted: number; lastBatchTime?: number } };
  if (!Array.isArray(c.consoleLines) || !c.sim || !c.results || !c.guide) return undefined;
  return {
    consoleLines: c.consoleLines, consoleDropped: c.consoleDropped ?? 0, consoleErrors: c.consoleErrors ?? [], liveCounts: c.liveCounts ?? {},
    results: c.results, guide: c.guide, batchesCompleted: c.sim.batchesCompleted,
    ...(c.sim.lastBatchTime !== undefined ? { lastBatchTime: c.sim.lastBatchTime } : {}),
  };
}

/** Folds the lineage events while the page is idle, so neither a frame nor a rebase has a backlog to fold. */
let idleFold: number | null = null;
function foldLotWhenIdle(lot: () => LotFold): void {
  if (idleFold !== null || typeof requestIdleCallback !== 'function') return;
  idleFold = requestIdleCallback(() => { idleFold = null; lot().get(); }, { timeout: 1000 });
}

const lotFor = (options: RunOptions): LotState => ({ ...initialLot, maxBatches: options.maxBatches });
const lotFoldFor = (options: RunOptions): LotFold => LotFold.of(lotFor(options));
let epochs = 0;

export const createRunSlice: StateCreator<RunSlice, [], [], RunSlice> = (set, get) => ({
  run: initialRunModel(),
  lot: lotFoldFor(initialRunModel().options),
  recorder: new RunRecorder(),
  runFeed: { epoch: ++epochs, events: [] },
  faultHandler: null,
  applyEvents: (events) => {
    if (!events.length) return;
    set((s) => ({ run: applyEventsTo(s.run, events), lot: s.lot.with(events), runFeed: { epoch: s.runFeed.epoch, events } }));
    foldLotWhenIdle(() => get().lot);
    get().recorder.append(events, () => {
      const s = get();
      // The selection is the viewer's, not the run's.
      return { eventCount: 0, run: { ...s.run, selectedBatch: undefined }, lot: s.lot.get(), chrome: chromeOf(s) };
    });
  },
  selectBatch: (time) => set((s) => ({ run: selectBatchIn(s.run, time) })),
  setRunOptions: (options) => set((s) => {
    const run = { ...s.run, options: { ...s.run.options, ...options } };
    return { run, lot: LotFold.of({ ...s.lot.get(), maxBatches: run.options.maxBatches }) };
  }),
  reset: () => set((s) => ({
    run: initialRunModel(s.run.options), lot: lotFoldFor(s.run.options), recorder: new RunRecorder(undefined, undefined, s.recorder.rebaseEvents),
    runFeed: { epoch: ++epochs, events: [] },
  })),
  resetRun: () => get().reset(),
  recordRun: (graph, seed) => {
    const rec = get().recorder;
    return { version: 1, graph, seed: seed ?? graph?.seed ?? 0, ...(rec.base ? { base: rec.base } : {}), events: rec.events() };
  },
  loadRecordedRun: (run) => {
    if (!isRecordedRun(run)) throw new Error('Not a recorded run: expected { version: 1, graph, seed, base?, events: [...] }');
    set((s) => {
      const options = s.run.options;
      const base = run.base;
      const model = base ? applyEventsTo({ ...base.run, options, selectedBatch: undefined }, run.events) : reduceAll(run.events, options);
      const lot = reduceLotAll(run.events, base ? { ...base.lot, maxBatches: options.maxBatches } : lotFor(options));
      return {
        run: model, lot: LotFold.of(lot), recorder: new RunRecorder(base ?? null, run.events.slice(), s.recorder.rebaseEvents),
        runFeed: { epoch: ++epochs, events: run.events },
      };
    });
  },
  setFaultHandler: (handler) => set({ faultHandler: handler }),
  injectFault: (kind, args = []) => { void get().faultHandler?.(kind, args); },
});
