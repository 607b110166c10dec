/**
 * The recorded run behind "Save run…": a base (the panels', lineage and console state at some point of the run)
 * plus every engine event since. Like Spark's checkpoint + write-ahead log: the events are folded into a new base
 * every `rebaseEvents` events, so a run of any length holds a bounded number of events, and replaying base +
 * events gives exactly the live state (every reducer is a pure fold). The base costs nothing to take: the state
 * is immutable, so it is the live state's own objects.
 */
import type { EngineEvent } from '../../engine/core/events';
import type { RunModel } from '../panels/model/run';
import type { LotState } from '../panels/model/lineageOverTime';
import type { ConsoleError } from '../console/consoleModel';
import type { ResultsState } from '../console/resultsModel';
import type { GuideState } from '../sim/narration';

/** The studio chrome's part of a base (console, live counts, results, guided-fault narration, batch counter). */
export interface ChromeBase {
  consoleLines: string[];
  consoleDropped: number;
  consoleErrors: ConsoleError[];
  liveCounts: Record<string, number>;
  results: ResultsState;
  guide: GuideState;
  batchesCompleted: number;
  lastBatchTime?: number;
}

export interface RunBase {
  /** Events of the run folded into this base. */
  eventCount: number;
  run: RunModel;
  lot: LotState;
  /** Absent when the base was taken by a store without the chrome (the panels' slice alone). */
  chrome?: ChromeBase;
}

/** About 2,000 events (a few hundred KB): a handful of batches of a large graph, ~20 of a small one. */
export const REBASE_EVENTS = 2000;

export class RunRecorder {
  private chunks: EngineEvent[][] = [];
  private pending = 0;
  /** Events recorded since the run started (base included). */
  total: number;

  constructor(public base: RunBase | null = null, events: EngineEvent[] = [], readonly rebaseEvents = REBASE_EVENTS) {
    if (events.length) this.chunks.push(events);
    this.pending = events.length;
    this.total = (base?.eventCount ?? 0) + events.length;
  }

  /** Records a frame's events; `baseNow` gives the state with them applied (called when the events are folded away). */
  append(events: EngineEvent[], baseNow: () => RunBase): void {
    if (!events.length) return;
    this.chunks.push(events);
    this.pending += events.length;
    this.total += events.length;
    if (this.pending >= this.rebaseEvents) {
      this.base = { ...baseNow(), eventCount: this.total };
      this.chunks = [];
      this.pending = 0;
    }
  }

  /** The events since the base, in order. */
  events(): EngineEvent[] {
    return this.chunks.length === 1 ? this.chunks[0].slice() : this.chunks.flat();
  }

  get isEmpty(): boolean { return this.total === 0; }
}
