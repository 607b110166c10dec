/**
 * The driver worker: owns a PipelineSession (engine/graph/session.ts), plays the simulated clock
 * (SimPlayer) and forwards engine events and printed text to the page in batches. The page never
 * runs a UDF: everything the graph computes happens here and in the executor workers.
 *
 * It runs inside the engine host (app/host/): an opaque origin with no storage and no network, started fresh for
 * every run. The page's MessagePort arrives as the first message; calls, replies, engine messages, the heartbeat and
 * storage requests all travel on it (app/workers/protocol.ts). Executors are started the host's way (blob: bootstrap
 * workers), and checkpoints and the WAL go to the page through the storage API.
 */
import executorWorkerUrl from '../../engine/cluster/browser/executorWorker.ts?worker&url';
import { setWorkerSpawner } from '../../engine/cluster/index';
import { BrowserWorkerSpawner } from '../../engine/cluster/browser/browserSpawner';
import { moduleBootstrapUrl } from '../host/moduleWorker';
import { RemoteFileSystem } from './remoteFileSystem';
import { LOG_METHOD, log4jLevel } from './logLevel';
import { PipelineSession } from '../../engine/graph/session';
import type { EngineEvent, FaultKind } from '../../engine/core/events';
import type { PipelineGraph } from '../../engine/graph/types';
import { SimPlayer, errorMessage, localFallback, type Timers } from './player';
import { HEARTBEAT_MS, parseDriverCall, parseStorageReply, type DriverApi, type FromDriver, type HeartbeatMessage, type LoadResult, type WorkerMessage } from './protocol';
import type { FileSystem } from '../../engine/core/fileSystem';
import { breakpointProblems, compileBreakpoints, type Breakpoint, type CompiledBreakpoints } from '../sim/breakpoints';
import { virtualNetcat } from '../../engine/streaming/input/socket';
import { endpointKey, socketEndpoints } from '../netcat/netcatModel';

/** The page's port (the first message from the host); null until it arrives. */
let page: MessagePort | null = null;
const toPage = (m: FromDriver) => { try { page?.postMessage(m); } catch { /* page gone, or a message that cannot be cloned */ } };
let outbox: WorkerMessage[] = [];
let flushTimer: ReturnType<typeof setTimeout> | null = null;

/** Send at most ~60 messages batches a second; the page coalesces again per animation frame. */
function post(m: WorkerMessage) {
  outbox.push(m);
  if (flushTimer === null) flushTimer = setTimeout(flush, 16);
}
function flush() {
  flushTimer = null;
  if (!page) { if (outbox.length > 5000) outbox = outbox.slice(-1000); return; }
  if (outbox.length === 0) return;
  const msgs = outbox;
  outbox = [];
  toPage({ kind: 'messages', msgs });
}

// The driver's log (what Spark writes to stderr with log4j): WARN/ERROR lines reach the page's console.
const browserConsole = { error: console.error.bind(console), warn: console.warn.bind(console), info: console.info.bind(console), debug: console.debug.bind(console) };
for (const method of ['error', 'warn'] as const) {
  console[method] = (...args: unknown[]) => {
    const text = args.map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : safeJson(a))).join(' ');
    // log4j levels in the text win: the engine writes every line to stderr, but an INFO line is not an error.
    const logLevel = log4jLevel(text) ?? (method === 'error' ? 'ERROR' : 'WARN');
    browserConsole[LOG_METHOD[logLevel]](...args);
    if (logLevel === 'INFO' || logLevel === 'DEBUG') return;
    post({ kind: 'log', level: logLevel === 'WARN' ? 'warning' : 'error', text: text.split('\n')[0].slice(0, 2000) });
  };
}
function safeJson(v: unknown): string { try { return JSON.stringify(v); } catch { return String(v); } }

/**
 * Liveness for the page's watchdog (engineBridge): a message from this worker's own timer, never from engine code,
 * so a task looping in this worker (local[N] masters) silences it. Started when the page's port arrives.
 */
const beat: HeartbeatMessage = { kind: 'heartbeat' };
function startHeartbeat() {
  const send = () => toPage(beat);
  send();   // up: the page starts watching from this first beat
  setInterval(send, HEARTBEAT_MS);
}

/**
 * Stage starts go out at once rather than with the next batched flush: when a task of that stage loops in this
 * worker, the flush timer never fires, and the page's watchdog names the stage from the last one it saw.
 */
let lastFlushedStage: number | null = null;
function postEvent(e: EngineEvent) {
  post({ kind: 'event', event: e });
  if (e.type === 'stageSubmitted' || (e.type === 'taskStart' && e.stageId !== lastFlushedStage)) {
    lastFlushedStage = e.stageId;
    if (flushTimer !== null) { clearTimeout(flushTimer); flushTimer = null; }
    flush();
  }
}

const timers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  now: () => performance.now(),
};

let session: PipelineSession | null = null;
let player: SimPlayer | null = null;
/** When the session reports printed text as `stdout` events, its onStdout channel would double it. */
let stdoutViaEvents = false;
let loadedGraph: PipelineGraph | null = null;
let starting = false;
let breakpoints: CompiledBreakpoints = compileBreakpoints([]);

/**
 * Checkpoints and the WAL are kept by the page (its IndexedDB, this run's directory): they survive the driver, so a
 * restarted driver reads them through the same storage API.
 */
let storage: RemoteFileSystem | null = null;
function checkpointFileSystem(now: () => number): FileSystem {
  storage = new RemoteFileSystem((id, request) => toPage({ kind: 'storage', id, request }), now);
  return storage;
}

/** Simulated time the driver stays down on "Restart driver": one batch interval (its batch is re-run). */
const driverDowntimeMs = (g: PipelineGraph | null) => g?.batchDuration || 1000;
/** Real time the crashed driver stays visible before the new one starts (shorter at higher speeds). */
const realPauseMs = (p: SimPlayer | null) => Math.min(1200, p ? p.interval : 1000);

function checkBreakpoints(e: EngineEvent) {
  if (e.type !== 'batchCompleted' && e.type !== 'recordsSample') return;
  const hit = breakpoints.check(e);
  for (const problem of breakpoints.takeProblems()) post({ kind: 'breakpointProblem', problem });
  if (!hit) return;
  post({ kind: 'breakpoint', hit });
  player?.halt();
}


/**
 * The studio's netcat box (like `nc -lk 9999`): one virtual-socket listener per host:port, opened for every
 * socketTextStream of a loaded graph (so it exists before the receiver connects) or on first send.
 */
const netcats = new Map<string, ReturnType<typeof virtualNetcat.listen>>();
function netcatFor(host: string, port: number) {
  const key = endpointKey(host, port);
  let l = netcats.get(key);
  if (!l) { l = virtualNetcat.listen(host, port); netcats.set(key, l); }
  return l;
}
function openNetcats(graph: PipelineGraph) {
  const wanted = new Set<string>();
  for (const e of socketEndpoints(graph.nodes)) { wanted.add(endpointKey(e.host, e.port)); netcatFor(e.host, e.port); }
  for (const [key, l] of netcats) if (!wanted.has(key)) { l.close(); netcats.delete(key); }
}

async function disposeCurrent() {
  const p = player;
  player = null;
  session = null;
  if (p) { try { await p.stop(); } catch { /* already failed */ } }
}

const api: DriverApi = {

  async load(graph: PipelineGraph, master?: string): Promise<LoadResult> {
    await disposeCurrent();
    stdoutViaEvents = false;
    loadedGraph = graph;
    openNetcats(graph);
    try {
      const s = new PipelineSession(graph, {
        ...(master ? { master } : {}),
        fileSystem: checkpointFileSystem,
        onEvent: (e: EngineEvent) => {
          if (e.type === 'stdout') stdoutViaEvents = true;
          postEvent(e);
          checkBreakpoints(e);
        },
        onStdout: (text: string) => { if (!stdoutViaEvents) post({ kind: 'event', event: { type: 'stdout', time: 0, text } }); },
      });
      const errors = s.issues.filter((i) => i.severity === 'error');
      for (const w of s.issues.filter((i) => i.severity === 'warning')) post({ kind: 'event', event: { type: 'warning', time: 0, message: w.nodeId ? `${w.nodeId}: ${w.message}` : w.message } });
      if (errors.length) return { ok: false, problems: errors.map((i) => (i.nodeId ? `${i.nodeId}: ${i.message}` : i.message)) };
      session = s;
      player = new SimPlayer(s, graph.batchDuration || 1000, timers, (status, error) => {
        if (starting && status === 'failed') return;   // start() reports its own failure (or falls back)
        post({ kind: 'status', status, error });
        flush();
      });
      return { ok: true };
    } catch (e) {
      const issues = (e as { issues?: unknown }).issues;
      const problems = Array.isArray(issues) ? issues.map((i) => (typeof i === 'string' ? i : (i as { message?: string }).message ?? String(i))) : [errorMessage(e)];
      return { ok: false, problems };
    }
  },

  async start() {
    if (!player) throw new Error('No pipeline loaded');
    starting = true;
    try { await player.start(); } catch (e) {
      // A build without the cluster backend: run the same graph in-process rather than not at all, and say so.
      const fallback = loadedGraph && /local-cluster mode is not available/.test(errorMessage(e)) ? localFallback(loadedGraph.master) : null;
      if (!fallback || !loadedGraph) { flush(); throw new Error(errorMessage(e)); }
      const g = loadedGraph;
      outbox = outbox.filter((m) => m.kind !== 'status');   // the failed first attempt is not the run's status
      const r = await api.load(g, fallback);
      if (!r.ok) { flush(); throw new Error(r.problems.join('\n')); }
      post({ kind: 'event', event: { type: 'warning', time: 0, message: `${g.master} is not available in this build; running on ${fallback} (one executor in the driver's worker).` } });
      try { await player!.start(); } catch (e2) { flush(); throw new Error(errorMessage(e2)); }
    } finally { starting = false; }
    flush();
  },
  async step(n) { if (player) await player.step(n); flush(); },
  play(speed) { player?.play(speed); },
  setSpeed(speed) { player?.setSpeed(speed); },
  pause() { player?.pause(); flush(); },
  async stop() { await disposeCurrent(); post({ kind: 'status', status: 'stopped' }); flush(); },
  async injectFault(kind: FaultKind, args: unknown[]) {
    if (!session || !player) throw new Error('Nothing is running: press Run or Step first, then inject the fault');
    if (kind === 'crashDriver') {
      // "Restart driver": crash it, keep it down for a moment, start a new one from the checkpoint.
      const s = session, p = player;
      let r;
      try {
        r = await p.exclusive(() => s.restartDriver(driverDowntimeMs(loadedGraph), () => new Promise<void>((res) => { flush(); setTimeout(res, realPauseMs(p)); })));
      } catch (e) {
        // Refused before the crash (no checkpoint yet): the run goes on. Failed after it: the run is over.
        if (s.getState().state !== 'ACTIVE') p.failWith(e);
        flush();
        throw e;
      }
      post({ kind: 'driverRestarted', checkpointTime: r.checkpointTime, timesToReschedule: r.timesToReschedule });
      flush();
      return;
    }
    await session.injectFault(kind, args);
    flush();
  },
  async setBreakpoints(bps: Breakpoint[]) {
    const shape = breakpointProblems(bps);
    if (shape.length) return shape;
    breakpoints = compileBreakpoints(bps);
    return breakpoints.problems;
  },
  async netcat({ host, port, text }) {
    netcatFor(host, port).send(text);
  },
};

// Executors of local-cluster masters: classic blob: workers of this (opaque) origin that import the bundled entry.
const executorBootstrap = moduleBootstrapUrl(executorWorkerUrl, import.meta.url);
setWorkerSpawner(() => new BrowserWorkerSpawner({ bootstrapUrl: executorBootstrap }));

type Method = (...args: unknown[]) => unknown;
async function answer(data: unknown) {
  const call = parseDriverCall(data);
  if (!call) {
    const reply = parseStorageReply(data);
    if (reply) storage?.settle(reply);
    return;
  }
  try {
    const value = await (api[call.method] as Method)(...call.args);
    toPage({ kind: 'reply', id: call.id, ok: true, value });
  } catch (e) {
    toPage({ kind: 'reply', id: call.id, ok: false, error: errorMessage(e) });
  }
}

/** The host hands over the page's port once; every later message on this worker's own scope is ignored. */
self.addEventListener('message', function connect(e: MessageEvent) {
  const port = e.ports[0];
  if (page || !port) return;
  self.removeEventListener('message', connect);
  page = port;
  port.onmessage = (ev) => { void answer(ev.data); };
  startHeartbeat();
  flush();
});
