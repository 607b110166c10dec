/**
 * The simulated clock's player: steps a session one batch every batchDuration / speed real ms.
 * Framework-free and timer-injected, so it is tested without a worker.
 */
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

  constructor(
    private session: SessionLike,
    private batchMs: number,
    private timers: Timers,
    private onStatus: (status: PlayerStatus, error?: string) => void = () => {},
  ) {}

  private setStatus(s: PlayerStatus, error?: string) { this.status = s; this.onStatus(s, error); }

  get interval(): number { return Math.max(1, this.batchMs / this.speed); }

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
    this.schedule(this.interval);
  }

  setSpeed(speed: number): void {
    this.speed = clampSpeed(speed);
    if (this.status === 'running' && !this.busy) this.schedule(this.interval);
  }

  pause(): void {
    this.cancel();
    if (this.status === 'running') this.setStatus('paused');
  }

  /** Step n batches now (pauses a running clock first), one at a time so a breakpoint can stop them. */
  async step(n = 1): Promise<void> {
    if (this.status === 'running') this.pause();
    if (this.status !== 'paused') return;
    if (this.busy) await this.busy;
    this.halted = false;
    for (let i = 0; i < n && this.status === 'paused' && !this.halted; i++) await this.runStep(1);
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
      if (this.status === 'running') this.schedule(this.interval);
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
    if (this.status !== 'running' || this.busy) return;
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
    this.setStatus('failed', errorMessage(e));
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
