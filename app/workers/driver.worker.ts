/**
 * The driver worker: owns a PipelineSession (engine/graph/session.ts), plays the simulated clock
 * (SimPlayer) and forwards engine events and printed text to the page in batches. The page never
 * runs a UDF: everything the graph computes happens here and in the executor workers.
 */
import { expose } from 'comlink';
import { PipelineSession } from '../../engine/graph/session';
import { dryRunKinds } from '../../engine/graph/dryRun';
import type { EngineEvent, FaultKind } from '../../engine/core/events';
import type { PipelineGraph } from '../../engine/graph/types';
import { SimPlayer, errorMessage, localFallback, type Timers } from './player';
import { HEARTBEAT_MS, type DriverApi, type HeartbeatMessage, type LoadResult, type WorkerMessage } from './protocol';
import { IndexedDbFileSystem } from '../../engine/cluster/browser/indexedDbFileSystem';
import { MemoryFileSystem, type FileSystem } from '../../engine/core/fileSystem';
import { breakpointProblems, compileBreakpoints, type Breakpoint, type CompiledBreakpoints } from '../sim/breakpoints';
import { virtualNetcat } from '../../engine/streaming/input/socket';
import { endpointKey, socketEndpoints } from '../netcat/netcatModel';

let subscriber: ((msgs: WorkerMessage[]) => void) | null = null;
let outbox: WorkerMessage[] = [];
let flushTimer: ReturnType<typeof setTimeout> | null = null;

/** Send at most ~60 messages batches a second; the page coalesces again per animation frame. */
function post(m: WorkerMessage) {
  outbox.push(m);
  if (flushTimer === null) flushTimer = setTimeout(flush, 16);
}
function flush() {
  flushTimer = null;
  if (!subscriber) { if (outbox.length > 5000) outbox = outbox.slice(-1000); return; }   // a dry-run worker has no page listener
  if (outbox.length === 0) return;
  const msgs = outbox;
  outbox = [];
  try { subscriber(msgs); } catch { /* page gone */ }
}

// The driver's log (what Spark writes to stderr with log4j): WARN/ERROR lines reach the page's console.
for (const [method, level] of [['error', 'error'], ['warn', 'warning']] as const) {
  const original = console[method].bind(console);
  console[method] = (...args: unknown[]) => {
    original(...args);
    const text = args.map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : safeJson(a))).join(' ');
    // log4j levels in the text win: Spark's INFO lines (e.g. JobGenerator's recovery report) are not errors.
    if (/^\s*(INFO|DEBUG)\b/.test(text)) return;
    post({ kind: 'log', level: /^\s*WARN\b/.test(text) ? 'warning' : level, text: text.split('\n')[0].slice(0, 2000) });
  };
}
function safeJson(v: unknown): string { try { return JSON.stringify(v); } catch { return String(v); } }

/**
 * Liveness for the page's watchdog (engineBridge): a plain postMessage from this worker's own timer, never from
 * engine code, so a task looping in this worker (local[N] masters) silences it. Comlink ignores messages without an id.
 */
const beat: HeartbeatMessage = { kind: 'heartbeat' };
const heartbeatScope = globalThis as unknown as { postMessage?: (m: unknown) => void; document?: unknown };
if (typeof heartbeatScope.postMessage === 'function' && heartbeatScope.document === undefined) {
  const send = () => { try { heartbeatScope.postMessage!(beat); } catch { /* page gone */ } };
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

/** Checkpoints and the WAL live in IndexedDB (they survive the driver: a restarted driver reads them). */
function checkpointFileSystem(now: () => number): FileSystem {
  try { return new IndexedDbFileSystem('dstream-studio-checkpoints', now); } catch { return new MemoryFileSystem(now); }
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
  subscribe(cb) { subscriber = cb; flush(); },

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
  async dryRun(graph: PipelineGraph) {
    // Its own context on local[2]: no executor workers are started for a check.
    const r = await dryRunKinds({ ...graph, master: 'local[2]' }, { sampleSize: 5 });
    return r.issues;
  },
  async netcat({ host, port, text }) {
    netcatFor(host, port).send(text);
  },
};

expose(api);
