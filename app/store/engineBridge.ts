/**
 * The ONLY module that talks to the driver worker (Comlink). Messages from the worker are
 * coalesced per animation frame and applied to the store in one batch; components call the
 * exported `engine` actions and never see the worker.
 */
import { proxy, wrap, type Remote } from 'comlink';
import type { EngineEvent, FaultKind } from '../../engine/core/events';
import { hungDriverMessage, isHeartbeat, isSimMessage, watchdogVerdict, type DriverApi, type DriverMessage, type SimMessage, type WorkerMessage } from '../workers/protocol';
import { parseMaster, taskTimeoutMs } from '../console/cluster';
import type { Breakpoint } from '../sim/breakpoints';
import { breakpointNotice, breakpointProblemText } from '../sim/simText';
import { clampSpeed, errorMessage } from '../workers/player';
import { t } from '../i18n/index';
import { useStudio } from './store';
import type { SimStatus } from './simSlice';
import { coalesce } from './bridgeModel';

let worker: Worker | null = null;
/** Rejects when the worker fails (a Comlink call to a dead worker would never settle). */
let workerFailed: Promise<never> = new Promise(() => {});
/** Rejects workerFailed of the current worker. */
let failWorker: (e: Error) => void = () => {};
/** workerFailed's reason when the watchdog restarted a frozen driver (which has said so in the console already). */
const DRIVER_RESTARTED = new Error('The driver worker was restarted');
let remote: Remote<DriverApi> | null = null;
const pending: DriverMessage[] = [];
const pendingSim: SimMessage[] = [];
let frame: number | null = null;
let frameIsTimeout = false;

function flush() {
  frame = null;
  // Breakpoint hits and restarts come after the events that caused them (same worker batch): apply those first.
  const sims = pendingSim.splice(0);
  if (pending.length > 0) applyDriverMessages();
  for (const m of sims) applySimMessage(m);
}

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

function applyDriverMessages() {
  const { events, status, errors, logs } = coalesce(pending.splice(0));
  const st = useStudio.getState();
  noteStages(events);
  st.applyEngineEvents(events);
  for (const l of logs) st.reportError({ level: l.level, message: l.text });
  for (const message of errors) st.reportError({ level: 'error', message });
  if (status) st.setSim({ status: status.status });
}

/* ---------- The heartbeat watchdog (a task looping inside the driver's worker on local[N]) ---------- */

/** What the current run is watched against: its task timeout and whether its tasks run in the driver's worker. */
let run: { timeoutMs: number; local: boolean } = { timeoutMs: taskTimeoutMs(undefined), local: false };
/** Stage names by id, and the stage of the last stageSubmitted/taskStart the page saw (named in the message). */
const stageNames = new Map<number, string>();
let lastStage: string | undefined;
let lastBeat: number | undefined;
let watchingSince = 0;
let lastCheck: number | undefined;
let wasActive = false;
let watchTimer: ReturnType<typeof setInterval> | null = null;
let restarting = false;
const WATCH_EVERY_MS = 250;
const clock = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
const pageVisible = () => typeof document === 'undefined' || document.visibilityState !== 'hidden';
const isActive = (s: SimStatus) => s === 'running' || s === 'paused' || s === 'loading';

function noteStages(events: EngineEvent[]) {
  for (const e of events) {
    if (e.type === 'stageSubmitted') { stageNames.set(e.stageId, e.name); lastStage = e.name; }
    else if (e.type === 'taskStart') lastStage = stageNames.get(e.stageId) ?? lastStage;
    else if (e.type === 'warning' && /is not available in this build; running on local\[/.test(e.message)) run = { ...run, local: true };
  }
}

function watchdogTick() {
  const now = clock();
  const active = worker !== null && lastBeat !== undefined && !restarting && isActive(useStudio.getState().sim.status);
  if (active && !wasActive) watchingSince = now;
  wasActive = active;
  const v = watchdogVerdict({ now, lastBeat, watchingSince, lastCheck, active, visible: pageVisible(), timeoutMs: run.timeoutMs });
  lastCheck = now;
  if (v.verdict === 'resync') watchingSince = now;
  else if (v.verdict === 'hung') void restartHungDriver();
}

function startWatchdog() {
  if (watchTimer !== null) return;
  lastCheck = undefined;
  watchTimer = setInterval(watchdogTick, WATCH_EVERY_MS);
}
function stopWatchdog() {
  if (watchTimer !== null) clearInterval(watchTimer);
  watchTimer = null;
  wasActive = false;
}
if (typeof document !== 'undefined') document.addEventListener('visibilitychange', () => { if (pageVisible()) watchingSince = clock(); });

/**
 * The driver's worker stopped beating for the task timeout while a run was active: a task (local[N]) or a driver-side
 * function loops in it. Terminate it, start a fresh one with the graph loaded (not running) and say why.
 */
async function restartHungDriver(): Promise<void> {
  if (restarting) return;
  restarting = true;
  try {
    if (frame !== null) { if (frameIsTimeout) clearTimeout(frame); else cancelAnimationFrame(frame); frame = null; }
    flush();   // the last events the worker sent before it went silent (its stage)
    const { timeoutMs, local } = run;
    const message = hungDriverMessage(timeoutMs, lastStage, local);
    failWorker(DRIVER_RESTARTED);   // a Run still waiting on the frozen worker gives up (and reports nothing more)
    terminate();
    const st = useStudio.getState();
    st.setSim({ status: 'failed' });
    st.reportError({ level: 'error', message, explainKey: local ? 'explain.localLoop' : 'explain.driverHung' });
    st.setDockTab('console');
    const r = ensureWorker();
    await syncBreakpoints(r);
    const res = await Promise.race([r.load(useStudio.getState().currentGraph()), workerFailed]).catch(() => null);
    if (res && !res.ok) for (const m of res.problems) useStudio.getState().reportError({ level: 'error', message: m });
  } catch (e) {
    useStudio.getState().reportError({ level: 'error', message: errorMessage(e) });
  } finally {
    restarting = false;
  }
}

function scheduleFlush() {
  if (frame !== null) return;
  const hidden = typeof document !== 'undefined' && document.hidden;
  if (typeof requestAnimationFrame === 'function' && !hidden) { frameIsTimeout = false; frame = requestAnimationFrame(flush); }
  else { frameIsTimeout = true; frame = setTimeout(flush, 50) as unknown as number; }
}

function onMessages(msgs: WorkerMessage[]) {
  for (const m of msgs) { if (isSimMessage(m)) pendingSim.push(m); else pending.push(m); }
  scheduleFlush();
}

/** Sends the store's breakpoints to the worker; problems (a bad expression) go to the console. */
async function syncBreakpoints(r: Remote<DriverApi> | null = remote): Promise<void> {
  if (!r) return;
  const st = useStudio.getState();
  try {
    const problems = await r.setBreakpoints(st.breakpoints);
    for (const p of problems) useStudio.getState().reportError({ level: 'warning', message: breakpointProblemText(p, st.breakpoints, st.nodes) });
  } catch (e) { useStudio.getState().reportError({ level: 'error', message: errorMessage(e) }); }
}

function ensureWorker(): Remote<DriverApi> {
  if (remote) return remote;
  worker = new Worker(new URL('../workers/driver.worker.ts', import.meta.url), { type: 'module', name: 'driver' });
  let fail: (e: Error) => void = () => {};
  workerFailed = new Promise<never>((_, reject) => { fail = reject; });
  failWorker = fail;
  workerFailed.catch(() => {});
  worker.addEventListener('error', (e) => {
    const message = e.message || 'The driver worker failed to start';
    fail(new Error(message));
    terminate();
    useStudio.getState().setSim({ status: 'failed' });
    useStudio.getState().reportError({ level: 'error', message });
  });
  lastBeat = undefined;
  worker.addEventListener('message', (e: MessageEvent) => { if (isHeartbeat(e.data)) lastBeat = clock(); });
  remote = wrap<DriverApi>(worker);
  void remote.subscribe(proxy(onMessages));
  startWatchdog();
  return remote;
}

/** A second driver worker for dry runs (they run UDFs); terminated if a check takes too long. */
let checker: { worker: Worker; remote: Remote<DriverApi> } | null = null;
const DRY_RUN_TIMEOUT_MS = 4000;

async function dryRun(graph: import('../../engine/graph/types').PipelineGraph): Promise<import('../../engine/graph/types').ValidationIssue[] | 'timeout'> {
  if (!checker) {
    const w = new Worker(new URL('../workers/driver.worker.ts', import.meta.url), { type: 'module', name: 'dry-run' });
    checker = { worker: w, remote: wrap<DriverApi>(w) };
  }
  const c = checker;
  const res = await withTimeout(c.remote.dryRun(graph), DRY_RUN_TIMEOUT_MS).catch(() => [] as import('../../engine/graph/types').ValidationIssue[]);
  if (res === 'timeout') { c.worker.terminate(); if (checker === c) checker = null; }
  return res;
}

/** Kill the worker outright (a stop that does not return, a hung driver) and start fresh next time. */
function terminate() {
  if (frame !== null) { if (frameIsTimeout) clearTimeout(frame); else cancelAnimationFrame(frame); frame = null; }
  pending.length = 0;
  pendingSim.length = 0;
  stopWatchdog();
  lastBeat = undefined;
  worker?.terminate();
  worker = null;
  remote = null;
}

const withTimeout = <T,>(p: Promise<T>, ms: number) => Promise.race([p, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms))]);

async function loadAndStart(): Promise<boolean> {
  const st = useStudio.getState();
  st.resetRunView();
  st.setSim({ status: 'loading', runDocVersion: st.docVersion });
  const graph = st.currentGraph();
  run = { timeoutMs: taskTimeoutMs(graph.conf), local: parseMaster(graph.master).mode === 'local' };
  stageNames.clear();
  lastStage = undefined;
  try {
    const r = ensureWorker();
    await syncBreakpoints(r);
    const res = await Promise.race([r.load(graph), workerFailed]);
    if (!res.ok) {
      for (const message of res.problems) useStudio.getState().reportError({ level: 'error', message });
      useStudio.getState().setSim({ status: 'failed' });
      useStudio.getState().setDockTab('console');
      return false;
    }
    await Promise.race([r.start(), workerFailed]);
    return true;
  } catch (e) {
    if (e === DRIVER_RESTARTED) return false;
    for (const message of errorMessage(e).split('\n').filter(Boolean)) useStudio.getState().reportError({ level: 'error', message });
    useStudio.getState().setSim({ status: 'failed' });
    useStudio.getState().setDockTab('console');
    return false;
  }
}

const isLive = (s: SimStatus) => s === 'running' || s === 'paused';

export const engine = {
  /** Run: start a fresh run from the current graph, or resume a paused one. */
  async run(): Promise<void> {
    const { sim } = useStudio.getState();
    if (sim.status === 'running' || sim.status === 'loading') return;
    if (sim.status !== 'paused' && !(await loadAndStart())) return;
    ensureWorker().play(useStudio.getState().sim.speed);
    useStudio.getState().setSim({ status: 'running', lastHit: undefined });
  },
  async pause(): Promise<void> {
    if (useStudio.getState().sim.status !== 'running') return;
    await remote?.pause();
    useStudio.getState().setSim({ status: 'paused' });
  },
  async step(n = 1): Promise<void> {
    const { sim } = useStudio.getState();
    if (sim.status === 'loading') return;
    if (!isLive(sim.status) && !(await loadAndStart())) return;
    useStudio.getState().setSim({ status: 'paused', lastHit: undefined });
    try { await ensureWorker().step(n); } catch (e) { useStudio.getState().reportError({ level: 'error', message: errorMessage(e) }); }
  },
  async stop(): Promise<void> {
    const r = remote;
    if (!r) { useStudio.getState().setSim({ status: 'stopped' }); return; }
    const res = await withTimeout(r.stop(), 3000).catch(() => 'timeout' as const);
    if (res === 'timeout') {
      terminate();
      useStudio.getState().reportError({ level: 'warning', message: t('run.terminated') });
    }
    flush();
    useStudio.getState().setSim({ status: 'stopped' });
  },
  setSpeed(speed: number): void {
    const s = clampSpeed(speed);
    useStudio.getState().setSim({ speed: s });
    void remote?.setSpeed(s);
  },
  /** Replaces the breakpoints (store and driver worker). */
  async setBreakpoints(bps: Breakpoint[]): Promise<void> {
    useStudio.getState().setBreakpoints(bps);
    await syncBreakpoints();
  },
  /** Injects a fault; 'crashDriver' restarts the driver from its checkpoint (see DriverApi.injectFault). */
  async injectFault(kind: FaultKind, args: unknown[] = []): Promise<void> {
    if (!remote) { useStudio.getState().reportError({ level: 'warning', message: t('sim.faultNeedsRun') }); return; }
    try { await remote.injectFault(kind, args); } catch (e) { useStudio.getState().reportError({ level: 'error', message: errorMessage(e) }); }
  },
  /** The dry-run kind check in a separate, disposable worker ('timeout' when a function did not finish). */
  dryRun,
  /**
   * The netcat panel: sends `text` (a record per line) on the driver's virtual socket host:port. False when no driver
   * is up (nothing runs, so no receiver could get the lines); rejects when the worker fails.
   */
  async sendNetcat(host: string, port: number, text: string): Promise<boolean> {
    const r = remote;
    if (!r) return false;
    await Promise.race([r.netcat({ host, port, text }), workerFailed]);
    return true;
  },
  /** For tests and page unload. */
  dispose(): void { terminate(); },
};
