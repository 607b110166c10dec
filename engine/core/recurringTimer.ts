import type { Clock } from './clock';

/**
 * Spark's RecurringTimer on an injected Clock: calls `callback` with each tick time at `start`, `start + period`,
 * ... until stopped. A tick runs only when the clock reaches it (a ManualClock ticks when it is moved), and the
 * next tick is waited for after the callback returns, so ticks never overlap.
 */
export class RecurringTimer {
  private stopped = false;
  private nextTime = 0;
  private loop?: Promise<void>;

  constructor(private readonly clock: Clock, private readonly periodMs: number, private readonly callback: (time: number) => void | Promise<void>) {}

  /** Spark's getStartTime: the first multiple of the period after now. */
  startTime(): number { return (Math.floor(this.clock.getTimeMillis() / this.periodMs) + 1) * this.periodMs; }

  /** Starts ticking at `startTime` (default: one period from now). */
  start(startTime: number = this.clock.getTimeMillis() + this.periodMs): void {
    this.nextTime = startTime;
    this.loop = this.run();
  }

  /** The time of the next tick. */
  get nextTickTime(): number { return this.nextTime; }

  /** No tick runs after this; a tick already running finishes. */
  stop(): void { this.stopped = true; }

  /** Resolves when the loop has ended (after stop() and the clock reaching the pending tick). */
  get ended(): Promise<void> { return this.loop ?? Promise.resolve(); }

  private async run(): Promise<void> {
    while (!this.stopped) {
      await this.clock.waitTillTime(this.nextTime);
      if (this.stopped) break;
      const t = this.nextTime;
      this.nextTime += this.periodMs;
      await this.callback(t);
    }
  }
}
