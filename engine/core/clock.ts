/** Spark's Clock: the only source of time for the engine (no Date.now() elsewhere). */
export interface Clock {
  getTimeMillis(): number;
  /** Resolves (with the current time) once the clock has reached `targetTime`. */
  waitTillTime(targetTime: number): Promise<number>;
}

/** Wall-clock time. The only place in engine/ that reads Date.now(). */
export class SystemClock implements Clock {
  getTimeMillis(): number { return Date.now(); }
  waitTillTime(targetTime: number): Promise<number> {
    return new Promise((resolve) => {
      const check = () => {
        const now = Date.now();
        if (now >= targetTime) resolve(now);
        else setTimeout(check, Math.min(targetTime - now, 25));
      };
      check();
    });
  }
}

type Waiter = { target: number; resolve: (t: number) => void };

/** Spark's ManualClock: time moves only when told to; waiters wake in time order. */
export class ManualClock implements Clock {
  private time: number;
  private waiters: Waiter[] = [];
  constructor(startTime = 0) { this.time = startTime; }
  getTimeMillis(): number { return this.time; }
  setTime(timeToSet: number): void { this.time = timeToSet; this.wake(); }
  advance(timeToAdd: number): void { this.time += timeToAdd; this.wake(); }
  waitTillTime(targetTime: number): Promise<number> {
    if (this.time >= targetTime) return Promise.resolve(this.time);
    return new Promise((resolve) => {
      this.waiters.push({ target: targetTime, resolve });
      this.waiters.sort((a, b) => a.target - b.target);
    });
  }
  /** Number of timers waiting on this clock (used by step() to know when the engine is idle). */
  get pendingWaiters(): number { return this.waiters.length; }
  /** Earliest time anything waits for, or undefined. */
  nextWakeTime(): number | undefined { return this.waiters[0]?.target; }
  private wake(): void {
    while (this.waiters.length && this.waiters[0].target <= this.time) this.waiters.shift()!.resolve(this.time);
  }
}

/**
 * Measures elapsed real time for task metrics only (never for engine decisions or output):
 * the Gantt of the studio shows how long tasks really took.
 */
export function stopwatch(): () => number {
  const t0 = performance.now();
  return () => performance.now() - t0;
}
