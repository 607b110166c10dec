import type { EngineEvent } from '../../engine';

/**
 * Holds the events of a run's start-up (driver started, resources requested, executors launched, executors
 * registered) and lets them out one step at a time. The engine does the whole start-up before the first batch
 * at simulated time 0, in a few real milliseconds; paced by the player, each step stays on screen for a while
 * at 1× and slower, and Step shows them one by one. Events keep their order: anything the engine emits while
 * steps are still held queues behind them.
 */
export class StartupPacer {
  private chunks: EngineEvent[][] = [];
  private lastIndex = 0;
  /** Whether the newest held chunk contains a start-up step (an earlier event may have opened it). */
  private lastChunkHasStep = false;
  private holding = false;
  private releasedSteps = 0;

  constructor(private readonly emit: (events: EngineEvent[]) => void) {}

  /** From now until the start-up ends, start-up events are held (a run's start, not a driver restart). */
  beginStartup(): void {
    this.chunks = [];
    this.lastIndex = 0;
    this.lastChunkHasStep = false;
    this.releasedSteps = 0;
    this.holding = true;
  }

  /** The start-up is over: later events pass, once the held steps have been let out. */
  endStartup(): void { this.holding = false; }

  /** Takes `e` if it must wait (returns true), or leaves it to the caller to send now. */
  offer(e: EngineEvent): boolean {
    if (!this.holding && this.chunks.length === 0) return false;
    const step = startupStepOf(e);
    const startsStep = step !== undefined && step < 5 && step > this.lastIndex;
    if (e.type === 'clusterStep' && e.index === 5) {
      // The first batch's DAG: the start-up is over, whatever is still held goes first.
      this.chunks.push([e]);
      this.releaseAll();
      return true;
    }
    // A step starts a chunk of its own, unless the last chunk holds only what came before any step (it joins that).
    const last = this.chunks.at(-1);
    if (startsStep) this.lastIndex = step;
    if (!last || (startsStep && this.lastChunkHasStep)) {
      this.chunks.push([e]);
      this.lastChunkHasStep = startsStep;
    } else {
      last.push(e);
      this.lastChunkHasStep ||= startsStep;
    }
    return true;
  }

  /** Start-up steps still held. */
  pending(): number { return this.chunks.length; }

  /** Start-up steps let out since the run started. */
  released(): number { return this.releasedSteps; }

  releaseNext(): void {
    const next = this.chunks.shift();
    if (!next) return;
    this.releasedSteps++;
    this.emit(next);
  }

  releaseAll(): void { while (this.chunks.length) this.releaseNext(); }
}

/** The start-up step an event shows: its own, or 4 for an executor's registration (executorAdded). */
function startupStepOf(e: EngineEvent): number | undefined {
  if (e.type === 'clusterStep') return e.index;
  return e.type === 'executorAdded' ? 4 : undefined;
}
