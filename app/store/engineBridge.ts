/**
 * The ONLY module that talks to the engine. The engine runs in an engine host (app/host/engineHost.ts): a sandboxed
 * iframe of an opaque origin whose driver worker this module calls over a MessagePort. A host lives for one run:
 * Run (from stopped), Step from stopped, Stop, a restart after a hang and every new or opened document discard it,
 * which ends its driver and executor workers and whatever user code left running in them. Messages from the driver
 * are shape-checked, coalesced per animation frame and applied to the store in one batch; components call the
 * exported `engine` actions and never see the host. The page keeps the run's checkpoints and WAL (ScopedStorage).
 */
import type { EngineEvent, FaultKind } from '../../engine/core/events';
import type { PipelineGraph, ValidationIssue } from '../../engine/graph/types';
import { IndexedDbFileSystem } from '../../engine/cluster/browser/indexedDbFileSystem';
import { hungDriverMessage, isSimMessage, watchdogVerdict, type DriverMessage, type SimMessage, type WorkerMessage } from '../workers/protocol';
import { EngineHostGone, HOST_START_TIMEOUT_MS, startEngineHost, startImportHost, type DriverClient, type EngineHost } from '../host/engineHost';
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

let host: EngineHost | null = null;
let hostStorage: ScopedStorage | null = null;
/** Rejects when the host fails (a call to a dead driver would never settle). */
let workerFailed: Promise<never> = new Promise(() => {});
/** Rejects workerFailed of the current host. */
let failWorker: (e: Error) => void = () => {};
/** workerFailed's reason when the watchdog restarted a frozen driver (which has said so in the console already). */
const DRIVER_RESTARTED = new Error('The driver worker was restarted');
let remote: DriverClient | null = null;
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
  // The messages are well-formed but may still be made up (user code on local[N] shares the driver's worker):
  // a reducer that trips over one costs those events, never the page.
  try { st.applyEngineEvents(events); } catch (e) { st.reportError({ level: 'warning', message: `Engine events dropped: ${errorMessage(e)}` }); }
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
  const active = host !== null && lastBeat !== undefined && !restarting && isActive(useStudio.getState().sim.status);
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
    terminate();   // the whole realm: the frozen driver, its executors and anything user code left running
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
async function syncBreakpoints(r: DriverClient | null = remote): Promise<void> {
  if (!r) return;
  const st = useStudio.getState();
  try {
    const problems = await r.setBreakpoints(st.breakpoints);
    for (const p of problems) useStudio.getState().reportError({ level: 'warning', message: breakpointProblemText(p, st.breakpoints, st.nodes) });
  } catch (e) { if (!(e instanceof EngineHostGone)) useStudio.getState().reportError({ level: 'error', message: errorMessage(e) }); }
}

function ensureWorker(): DriverClient {
  if (remote) return remote;
  let fail: (e: Error) => void = () => {};
  workerFailed = new Promise<never>((_, reject) => { fail = reject; });
  failWorker = fail;
  workerFailed.catch(() => {});
  lastBeat = undefined;
  const storage = new ScopedStorage((now) => new IndexedDbFileSystem(ENGINE_FILES_DB, now), runScopeRoot(crypto.randomUUID()));
  hostStorage = storage;
  host = startEngineHost({
    name: 'driver',
    storage,
    onMessages,
    onHeartbeat: () => { lastBeat = clock(); },
    onFailure: (message) => {
      fail(new Error(message));
      terminate();
      useStudio.getState().setSim({ status: 'failed' });
      useStudio.getState().reportError({ level: 'error', message });
    },
  });
  remote = host.driver;
  startWatchdog();
  return remote;
}


/** End the realm (the run is over, a hung driver, another document) and start fresh next time. */
function terminate() {
  if (frame !== null) { if (frameIsTimeout) clearTimeout(frame); else cancelAnimationFrame(frame); frame = null; }
  pending.length = 0;
  pendingSim.length = 0;
  stopWatchdog();
  lastBeat = undefined;
  host?.destroy();
  host = null;
  remote = null;
  // Nothing reads this realm's checkpoints again (a restarted driver lives in the same realm).
  const storage = hostStorage;
  hostStorage = null;
  void storage?.clear().catch(() => {});
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
    terminate();   // a fresh realm for every run: nothing the previous run left behind sees this one
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
    if (e === DRIVER_RESTARTED || e instanceof EngineHostGone) return false;
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
    if (res === 'timeout') useStudio.getState().reportError({ level: 'warning', message: t('run.terminated') });
    else flush();
    if (remote === r) terminate();   // Stop discards the realm: the driver, its executors, any timer user code left
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
  /** A TypeScript import worker in its own engine host (app/code/importRunner.ts drives it; terminate ends the host). */
  importWorker: startImportHost,
  /** For tests and page unload. */
  dispose(): void { terminate(); },
};

/**
 * A new or opened document gets no realm of the previous one: its run (if any) ends here, and the next Run starts
 * a fresh engine host. The dry-run host goes too (it ran the previous document's functions).
 */
let seenLoadSeq = useStudio.getState().loadSeq;
useStudio.subscribe((s) => {
  if (s.loadSeq === seenLoadSeq) return;
  seenLoadSeq = s.loadSeq;
  if (!host) return;
  terminate();
  const status = useStudio.getState().sim.status;
  if (status === 'running' || status === 'paused' || status === 'loading') useStudio.getState().setSim({ status: 'stopped' });
});
