/**
 * The ONLY module that talks to the engine. The engine runs in an engine host (app/host/engineHost.ts): a sandboxed
 * iframe of an opaque origin whose driver worker this module calls over a MessagePort. A host lives for one run:
 * Run (from stopped), Step from stopped, Stop, a restart after a hang and every new or opened document discard it,
 * which ends its driver and executor workers and whatever user code left running in them. Messages from the driver
 * are shape-checked, coalesced per animation frame and applied to the store in one batch; components call the
 * exported `engine` actions and never see the host. The page keeps the run's checkpoints and WAL (ScopedStorage).
 * The connection's state (the host, the pending messages, the watchdog) lives in one DriverConnection object.
 */
import type { EngineEvent, FaultKind } from '../../engine/core/events';
import type { PipelineGraph, ValidationIssue } from '../../engine/graph/types';
import type { RunRecording } from '../../engine/graph/codegen/recordedInputs';
import { IndexedDbFileSystem } from '../../engine/cluster/browser/indexedDbFileSystem';
import { hungDriverMessage, isSimMessage, watchdogVerdict, type DriverMessage, type SimMessage, type WorkerMessage } from '../workers/protocol';
import { DriverCallError, EngineHostGone, HOST_START_TIMEOUT_MS, startEngineHost, startImportHost, type DriverClient, type EngineHost } from '../host/engineHost';
import { ScopedStorage, runScopeRoot } from '../host/scopedStorage';
import { parseMaster, taskTimeoutMs } from '../console/cluster';
import type { Breakpoint } from '../sim/breakpoints';
import { breakpointNotice, breakpointProblemText } from '../sim/simText';
import { clampSpeed, errorMessage } from '../workers/player';
import { t } from '../i18n/index';
import { useStudio } from './store';
import type { SimStatus } from './simSlice';
import { coalesce } from './bridgeModel';

/** The app's database for the engine's files (checkpoints, WAL, outputs), one directory per engine host. */
const ENGINE_FILES_DB = 'dstream-studio-checkpoints';

/** workerFailed's reason when the watchdog restarted a frozen driver (which has said so in the console already). */
const DRIVER_RESTARTED = new Error('The driver worker was restarted');
const WATCH_EVERY_MS = 250;
const clock = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
const pageVisible = () => typeof document === 'undefined' || document.visibilityState !== 'hidden';
const isActive = (s: SimStatus) => s === 'running' || s === 'paused' || s === 'loading';
const isLive = (s: SimStatus) => s === 'running' || s === 'paused';
const withTimeout = <T,>(p: Promise<T>, ms: number) => Promise.race([p, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms))]);

/** The code of a failed driver call, when the driver sent one. */
const callErrorCode = (e: unknown) => (e instanceof DriverCallError ? e.code : undefined);

/** A failed load's problems, each with its code, in the console. */
function reportProblems(res: { problems: string[]; codes?: (string | undefined)[] }) {
  res.problems.forEach((message, i) => useStudio.getState().reportError({ level: 'error', message, code: res.codes?.[i] }));
}

/** What the current run is watched against: its task timeout and whether its tasks run in the driver's worker. */
interface WatchedRun { timeoutMs: number; local: boolean }

function applySimMessage(m: SimMessage) {
  const st = useStudio.getState();
  if (m.kind === 'breakpoint') {
    st.setSim({ status: 'paused', lastHit: m.hit });
    st.notify({ level: 'warning', text: breakpointNotice(m.hit, st.nodes) });
  } else if (m.kind === 'breakpointProblem') {
    st.reportError({ level: 'warning', message: breakpointProblemText(m.problem, st.breakpoints, st.nodes) });
  } else if (m.kind === 'driverRestarted') {
    st.notify({ level: 'info', text: t('sim.driverRestarted', { checkpoint: m.checkpointTime, n: m.timesToReschedule.length }) });
  }
}

/** The page's connection to the engine: the current engine host and its driver, the dry-run host, the watchdog. */
class DriverConnection {
  host: EngineHost | null = null;
  private hostStorage: ScopedStorage | null = null;
  /** Rejects when the host fails (a call to a dead driver would never settle). */
  workerFailed: Promise<never> = new Promise(() => {});
  /** Rejects workerFailed of the current host. */
  private failWorker: (e: Error) => void = () => {};
  remote: DriverClient | null = null;
  private readonly pending: DriverMessage[] = [];
  private readonly pendingSim: SimMessage[] = [];
  /** The pending flush: an animation frame, or a timeout while the page is hidden (frames do not run then). */
  private frame: { raf: number } | { timeout: ReturnType<typeof setTimeout> } | null = null;

  /* ---------- The heartbeat watchdog (a task looping inside the driver's worker on local[N]) ---------- */
  private run: WatchedRun = { timeoutMs: taskTimeoutMs(undefined), local: false };
  /** Stage names by id, and the stage of the last stageSubmitted/taskStart the page saw (named in the message). */
  private readonly stageNames = new Map<number, string>();
  private lastStage: string | undefined;
  private lastBeat: number | undefined;
  private watchingSince = 0;
  private lastCheck: number | undefined;
  private wasActive = false;
  private watchTimer: ReturnType<typeof setInterval> | null = null;
  private restarting = false;

  /**
   * What the last run's sources delivered, fetched from its driver when the run stops (the realm and its recording
   * go then), so "Export with this run's data" still works after Stop. Cleared by the next run and another document.
   */
  stoppedRunRecording: RunRecording | null = null;

  /** A second engine host for dry runs (they run UDFs); discarded if a check takes too long and with each document. */

  /** The page became visible again: the time it was hidden is not the driver's silence. */
  resync(): void { this.watchingSince = clock(); }

  flush(): void {
    this.frame = null;
    // Breakpoint hits and restarts come after the events that caused them (same worker batch): apply those first.
    const sims = this.pendingSim.splice(0);
    if (this.pending.length > 0) this.applyDriverMessages();
    for (const m of sims) applySimMessage(m);
  }

  private applyDriverMessages() {
    const { events, status, errors, errorCodes, logs } = coalesce(this.pending.splice(0));
    const st = useStudio.getState();
    this.noteStages(events);
    // The messages are well-formed but may still be made up (user code on local[N] shares the driver's worker):
    // a reducer that trips over one costs those events, never the page.
    try { st.applyEngineEvents(events); } catch (e) { st.reportError({ level: 'warning', message: `Engine events dropped: ${errorMessage(e)}` }); }
    for (const l of logs) st.reportError({ level: l.level, message: l.text });
    errors.forEach((message, i) => st.reportError({ level: 'error', message, code: errorCodes[i] }));
    if (status) st.setSim({ status: status.status });
  }

  private noteStages(events: EngineEvent[]) {
    for (const e of events) {
      if (e.type === 'stageSubmitted') { this.stageNames.set(e.stageId, e.name); this.lastStage = e.name; }
      else if (e.type === 'taskStart') this.lastStage = this.stageNames.get(e.stageId) ?? this.lastStage;
      else if (e.type === 'warning' && e.code === 'masterUnavailable') this.run = { ...this.run, local: true };
    }
  }

  private watchdogTick() {
    const now = clock();
    const active = this.host !== null && this.lastBeat !== undefined && !this.restarting && isActive(useStudio.getState().sim.status);
    if (active && !this.wasActive) this.watchingSince = now;
    this.wasActive = active;
    const v = watchdogVerdict({ now, lastBeat: this.lastBeat, watchingSince: this.watchingSince, lastCheck: this.lastCheck, active, visible: pageVisible(), timeoutMs: this.run.timeoutMs });
    this.lastCheck = now;
    if (v.verdict === 'resync') this.watchingSince = now;
    else if (v.verdict === 'hung') void this.restartHungDriver();
  }

  private startWatchdog() {
    if (this.watchTimer !== null) return;
    this.lastCheck = undefined;
    this.watchTimer = setInterval(() => this.watchdogTick(), WATCH_EVERY_MS);
  }
  private stopWatchdog() {
    if (this.watchTimer !== null) clearInterval(this.watchTimer);
    this.watchTimer = null;
    this.wasActive = false;
  }

  /**
   * The driver's worker stopped beating for the task timeout while a run was active: a task (local[N]) or a driver-side
   * function loops in it. Terminate it, start a fresh one with the graph loaded (not running) and say why.
   */
  private async restartHungDriver(): Promise<void> {
    if (this.restarting) return;
    this.restarting = true;
    try {
      this.cancelFrame();
      this.flush();   // the last events the worker sent before it went silent (its stage)
      const { timeoutMs, local } = this.run;
      const message = hungDriverMessage(timeoutMs, this.lastStage, local);
      this.failWorker(DRIVER_RESTARTED);   // a Run still waiting on the frozen worker gives up (and reports nothing more)
      this.terminate();   // the whole realm: the frozen driver, its executors and anything user code left running
      const st = useStudio.getState();
      st.setSim({ status: 'failed' });
      st.reportError({ level: 'error', message, explainKey: local ? 'explain.localLoop' : 'explain.driverHung' });
      st.setDockTab('console');
      const r = this.ensureWorker();
      await this.syncBreakpoints(r);
      const res = await Promise.race([r.load(useStudio.getState().currentGraph()), this.workerFailed]).catch(() => null);
      if (res && !res.ok) reportProblems(res);
    } catch (e) {
      useStudio.getState().reportError({ level: 'error', message: errorMessage(e) });
    } finally {
      this.restarting = false;
    }
  }

  private cancelFrame() {
    if (this.frame !== null) { if ('timeout' in this.frame) clearTimeout(this.frame.timeout); else cancelAnimationFrame(this.frame.raf); this.frame = null; }
  }

  private scheduleFlush() {
    if (this.frame !== null) return;
    const hidden = typeof document !== 'undefined' && document.hidden;
    if (typeof requestAnimationFrame === 'function' && !hidden) this.frame = { raf: requestAnimationFrame(() => this.flush()) };
    else this.frame = { timeout: setTimeout(() => this.flush(), 50) };
  }

  private onMessages(msgs: WorkerMessage[]) {
    for (const m of msgs) { if (isSimMessage(m)) this.pendingSim.push(m); else this.pending.push(m); }
    this.scheduleFlush();
  }

  /** Sends the store's breakpoints to the worker; problems (a bad expression) go to the console. */
  async syncBreakpoints(r: DriverClient | null = this.remote): Promise<void> {
    if (!r) return;
    const st = useStudio.getState();
    try {
      const problems = await r.setBreakpoints(st.breakpoints);
      for (const p of problems) useStudio.getState().reportError({ level: 'warning', message: breakpointProblemText(p, st.breakpoints, st.nodes) });
    } catch (e) { if (!(e instanceof EngineHostGone)) useStudio.getState().reportError({ level: 'error', message: errorMessage(e) }); }
  }

  ensureWorker(): DriverClient {
    if (this.remote) return this.remote;
    let fail: (e: Error) => void = () => {};
    this.workerFailed = new Promise<never>((_, reject) => { fail = reject; });
    this.failWorker = fail;
    this.workerFailed.catch(() => {});
    this.lastBeat = undefined;
    const storage = new ScopedStorage((now) => new IndexedDbFileSystem(ENGINE_FILES_DB, now), runScopeRoot(crypto.randomUUID()));
    this.hostStorage = storage;
    this.host = startEngineHost({
      name: 'driver',
      storage,
      onMessages: (msgs) => this.onMessages(msgs),
      onHeartbeat: () => { this.lastBeat = clock(); },
      onFailure: (message) => {
        fail(new Error(message));
        this.terminate();
        useStudio.getState().setSim({ status: 'failed' });
        useStudio.getState().reportError({ level: 'error', message });
      },
    });
    this.remote = this.host.driver;
    this.startWatchdog();
    return this.remote;
  }


  /** End the realm (the run is over, a hung driver, another document) and start fresh next time. */
  terminate() {
    this.cancelFrame();
    this.pending.length = 0;
    this.pendingSim.length = 0;
    this.stopWatchdog();
    this.lastBeat = undefined;
    this.host?.destroy();
    this.host = null;
    this.remote = null;
    // Nothing reads this realm's checkpoints again (a restarted driver lives in the same realm).
    const storage = this.hostStorage;
    this.hostStorage = null;
    void storage?.clear().catch(() => {});
  }

  async loadAndStart(): Promise<boolean> {
    const st = useStudio.getState();
    st.resetRunView();
    this.stoppedRunRecording = null;
    st.setSim({ status: 'loading', runDocVersion: st.docVersion });
    const graph = st.currentGraph();
    this.run = { timeoutMs: taskTimeoutMs(graph.conf), local: parseMaster(graph.master).mode === 'local' };
    this.stageNames.clear();
    this.lastStage = undefined;
    try {
      this.terminate();   // a fresh realm for every run: nothing the previous run left behind sees this one
      const r = this.ensureWorker();
      await this.syncBreakpoints(r);
      const res = await Promise.race([r.load(graph), this.workerFailed]);
      if (!res.ok) {
        reportProblems(res);
        useStudio.getState().setSim({ status: 'failed' });
        useStudio.getState().setDockTab('console');
        return false;
      }
      await Promise.race([r.start(), this.workerFailed]);
      return true;
    } catch (e) {
      if (e === DRIVER_RESTARTED || e instanceof EngineHostGone) return false;
      for (const message of errorMessage(e).split('\n').filter(Boolean)) useStudio.getState().reportError({ level: 'error', message, code: callErrorCode(e) });
      useStudio.getState().setSim({ status: 'failed' });
      useStudio.getState().setDockTab('console');
      return false;
    }
  }
}

const connection = new DriverConnection();
if (typeof document !== 'undefined') document.addEventListener('visibilitychange', () => { if (pageVisible()) connection.resync(); });

export const engine = {
  /** Run: start a fresh run from the current graph, or resume a paused one. */
  async run(): Promise<void> {
    const { sim } = useStudio.getState();
    if (sim.status === 'running' || sim.status === 'loading') return;
    if (sim.status !== 'paused' && !(await connection.loadAndStart())) return;
    connection.ensureWorker().play(useStudio.getState().sim.speed);
    useStudio.getState().setSim({ status: 'running', lastHit: undefined });
  },
  async pause(): Promise<void> {
    if (useStudio.getState().sim.status !== 'running') return;
    await connection.remote?.pause();
    useStudio.getState().setSim({ status: 'paused' });
  },
  async step(n = 1): Promise<void> {
    const { sim } = useStudio.getState();
    if (sim.status === 'loading') return;
    if (!isLive(sim.status) && !(await connection.loadAndStart())) return;
    useStudio.getState().setSim({ status: 'paused', lastHit: undefined });
    try { await connection.ensureWorker().step(n); } catch (e) { useStudio.getState().reportError({ level: 'error', message: errorMessage(e), code: callErrorCode(e) }); }
  },
  async stop(): Promise<void> {
    const r = connection.remote;
    if (!r) { useStudio.getState().setSim({ status: 'stopped' }); return; }
    const recording = await withTimeout(r.runRecording(), 3000).catch(() => null);
    connection.stoppedRunRecording = recording === 'timeout' ? null : recording;
    const res = await withTimeout(r.stop(), 3000).catch(() => 'timeout' as const);
    if (res === 'timeout') useStudio.getState().reportError({ level: 'warning', message: t('run.terminated') });
    else connection.flush();
    if (connection.remote === r) connection.terminate();   // Stop discards the realm: the driver, its executors, any timer user code left
    useStudio.getState().setSim({ status: 'stopped' });
  },
  setSpeed(speed: number): void {
    const s = clampSpeed(speed);
    useStudio.getState().setSim({ speed: s });
    void connection.remote?.setSpeed(s);
  },
  /** Replaces the breakpoints (store and driver worker). */
  async setBreakpoints(bps: Breakpoint[]): Promise<void> {
    useStudio.getState().setBreakpoints(bps);
    await connection.syncBreakpoints();
  },
  /** Injects a fault; 'crashDriver' restarts the driver from its checkpoint (see DriverApi.injectFault). */
  async injectFault(kind: FaultKind, args: unknown[] = []): Promise<void> {
    const remote = connection.remote;
    if (!remote) { useStudio.getState().reportError({ level: 'warning', message: t('sim.faultNeedsRun') }); return; }
    try { await remote.injectFault(kind, args); } catch (e) { useStudio.getState().reportError({ level: 'error', message: errorMessage(e), code: callErrorCode(e) }); }
  },
  /**
   * The netcat panel: sends `text` (a record per line) on the driver's virtual socket host:port. False when no driver
   * is up (nothing runs, so no receiver could get the lines); rejects when the worker fails.
   */
  async sendNetcat(host: string, port: number, text: string): Promise<boolean> {
    const r = connection.remote;
    if (!r) return false;
    await Promise.race([r.netcat({ host, port, text }), connection.workerFailed]);
    return true;
  },
  /**
   * "Export with this run's data": what the current (or last stopped) run's sources delivered, recorded in the engine
   * host and shape-checked here; null when there is no run to take it from.
   */
  async runRecording(): Promise<RunRecording | null> {
    const r = connection.remote;
    if (!r) return connection.stoppedRunRecording;
    return Promise.race([r.runRecording(), connection.workerFailed]);
  },
  /** A TypeScript import worker in its own engine host (app/code/importRunner.ts drives it; terminate ends the host). */
  importWorker: startImportHost,
  /** For tests and page unload. */
  dispose(): void { connection.terminate(); },
};

/**
 * A new or opened document gets no realm of the previous one: its run (if any) ends here, and the next Run starts
 * a fresh engine host. The dry-run host goes too (it ran the previous document's functions).
 */
const seen = { loadSeq: useStudio.getState().loadSeq };
useStudio.subscribe((s) => {
  if (s.loadSeq === seen.loadSeq) return;
  seen.loadSeq = s.loadSeq;
  connection.stoppedRunRecording = null;
  if (!connection.host) return;
  connection.terminate();
  const status = useStudio.getState().sim.status;
  if (status === 'running' || status === 'paused' || status === 'loading') useStudio.getState().setSim({ status: 'stopped' });
});
