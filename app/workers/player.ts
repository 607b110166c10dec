/**
 * The simulated clock's player: steps a session one batch every batchDuration / speed real ms.
 * Framework-free and timer-injected, so it is tested without a worker.
 */
import { codeOf } from '../../engine/core/errors';

export interface SessionLike {
  start(): unknown;
  step(n: number): unknown;
  stop(): unknown;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

/** The run's start-up steps, held until the player lets each out (see StartupPacer). */
export interface StartupSteps {
  pending(): number;
  released(): number;
  releaseNext(): void;
}
const NO_STARTUP: StartupSteps = { pending: () => 0, released: () => 0, releaseNext: () => {} };

/** Simulated time each start-up step stays on screen before the next: 400 ms at 1×, 4 s at 0.1×. */
export const STARTUP_STEP_MS = 400;

export type PlayerStatus = 'idle' | 'running' | 'paused' | 'stopped' | 'failed';

export const MIN_SPEED = 0.1;
export const MAX_SPEED = 10;
export const clampSpeed = (s: number) => (Number.isFinite(s) ? Math.min(MAX_SPEED, Math.max(MIN_SPEED, s)) : 1);

export class SimPlayer {
  status: PlayerStatus = 'idle';
  speed = 1;
  private timer: unknown = null;
  private busy: Promise<void> | null = null;
  /** Set by halt() (a breakpoint): a multi-batch step stops after the current batch. */
  private halted = false;
  /** The last Step asked for (they queue). */
  private steps: Promise<void> = Promise.resolve();

  constructor(
    private session: SessionLike,
    private batchMs: number,
    private timers: Timers,
    private onStatus: (status: PlayerStatus, error?: string, errorCode?: string) => void = () => {},
    private startup: StartupSteps = NO_STARTUP,
  ) {}

  private setStatus(s: PlayerStatus, error?: string, errorCode?: string) { this.status = s; this.onStatus(s, error, errorCode); }

  get interval(): number { return Math.max(1, this.batchMs / this.speed); }
  private get startupInterval(): number { return STARTUP_STEP_MS / this.speed; }
  /** The wait before the next thing happens: a held start-up step, else the next batch. */
  private get nextWait(): number { return this.startup.pending() > 0 ? this.startupInterval : this.interval; }

  async start(): Promise<void> {
    if (this.status !== 'idle') return;
    try {
      await this.session.start();
      this.setStatus('paused');
    } catch (e) { this.fail(e); throw e; }
  }

  play(speed = this.speed): void {
    this.speed = clampSpeed(speed);
    if (this.status !== 'paused' && this.status !== 'running') return;
    this.setStatus('running');
    if (this.startup.released() === 0) this.startup.releaseNext();   // the driver starts at once
    this.schedule(this.nextWait);
  }

  setSpeed(speed: number): void {
    this.speed = clampSpeed(speed);
    if (this.status === 'running' && !this.busy) this.schedule(this.nextWait);
  }

  pause(): void {
    this.cancel();
    if (this.status === 'running') this.setStatus('paused');
  }

  /**
   * Step n batches now (pauses a running clock first), one at a time so a breakpoint can stop them. Paused in
   * the middle of the start-up, a Step shows its next step instead; the first Step of a run plays the whole
   * start-up, one step per STARTUP_STEP_MS of simulated time, before its batch.
   */
  async step(n = 1): Promise<void> {
    if (this.status === 'running') this.pause();
    if (this.status !== 'paused') return;
    // Steps clicked in quick succession run one after the other, each seeing what the previous one left.
    const previous = this.steps;
    let done: () => void = () => {};
    this.steps = new Promise<void>((r) => { done = r; });
    try {
      await previous;
      while (this.busy) { try { await this.busy; } catch { /* reported */ } }
      if (this.status !== 'paused') return;
      this.halted = false;
      if (this.startup.pending() > 0 && this.startup.released() > 0) { this.startup.releaseNext(); return; }
      if (this.startup.pending() > 0) await this.playStartup();
      for (let i = 0; i < n && this.status === 'paused' && !this.halted; i++) await this.runStep(1);
    } finally { done(); }
  }

  private async playStartup(): Promise<void> {
    const p = (async () => {
      this.startup.releaseNext();
      while (this.startup.pending() > 0 && this.status === 'paused') {
        await new Promise<void>((r) => { this.timers.setTimeout(r, this.startupInterval); });
        this.startup.releaseNext();
      }
      await new Promise<void>((r) => { this.timers.setTimeout(r, this.startupInterval); });
    })();
    this.busy = p;
    try { await p; } finally { this.busy = null; }
  }

  /**
   * A breakpoint was hit: pause after the batch being computed (a running clock schedules no further batch;
   * a multi-batch step stops). Safe to call from inside an engine event callback.
   */
  halt(): void {
    this.halted = true;
    this.pause();
  }

  /**
   * Runs `fn` while no batch is being stepped (waits for the current one), e.g. a driver restart; a running
   * clock continues afterwards, a paused one stays paused. An error of `fn` is the caller's (see failWith).
   */
  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    while (this.busy) { try { await this.busy; } catch { /* reported */ } }
    this.cancel();
    let release: () => void = () => {};
    const p = new Promise<void>((r) => { release = r; });
    this.busy = p;
    try { return await fn(); } finally {
      this.busy = null;
      release();
      if (this.status === 'running') this.schedule(this.nextWait);
    }
  }

  async stop(): Promise<void> {
    this.cancel();
    if (this.status === 'stopped' || this.status === 'idle') { this.status = 'stopped'; return; }
    if (this.busy) { try { await this.busy; } catch { /* reported */ } }
    try { await this.session.stop(); } finally { this.setStatus('stopped'); }
  }

  private cancel() { if (this.timer !== null) { this.timers.clearTimeout(this.timer); this.timer = null; } }

  private schedule(ms: number) {
    this.cancel();
    this.timer = this.timers.setTimeout(() => { this.timer = null; void this.tick(); }, ms);
  }

  private async tick() {
    if (this.status !== 'running') return;
    if (this.busy) { this.schedule(this.nextWait); return; }   // a Step or a restart is under way: try again then
    if (this.startup.pending() > 0) {
      this.startup.releaseNext();
      this.schedule(this.nextWait);
      return;
    }
    const t0 = this.timers.now();
    await this.runStep(1);
    if (this.status === 'running') this.schedule(Math.max(0, this.interval - (this.timers.now() - t0)));
  }

  private async runStep(n: number) {
    const p = (async () => { await this.session.step(n); })();
    this.busy = p;
    try { await p; } catch (e) { this.fail(e); } finally { this.busy = null; }
  }

  /** The session broke outside a step (e.g. a driver that could not be restarted). */
  failWith(e: unknown): void { this.fail(e); }

  private fail(e: unknown) {
    this.cancel();
    this.setStatus('failed', errorMessage(e), codeOf(e));
  }
}

export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  if (typeof e === 'string') return e;
  try { return JSON.stringify(e); } catch { return String(e); }
}

/** local-cluster[W,C,M] → local[W*C], for builds without the cluster backend. */
export function localFallback(master: string): string | null {
  const m = /^local-cluster\[\s*(\d+)\s*,\s*(\d+)\s*,\s*\d+\s*\]$/.exec(master.trim());
  return m ? `local[${Number(m[1]) * Number(m[2])}]` : null;
}
