/**
 * The driver worker: owns a PipelineSession (engine/graph/session.ts), plays the simulated clock
 * (SimPlayer) and forwards engine events and printed text to the page in batches. The page never
 * runs a UDF: everything the graph computes happens here and in the executor workers.
 *
 * It runs inside the engine host (app/host/): an opaque origin with no storage and no network, started fresh for
 * every run. The page's MessagePort arrives as the first message; calls, replies, engine messages, the heartbeat and
 * storage requests all travel on it (app/workers/protocol.ts). Executors are started the host's way (blob: bootstrap
 * workers), and checkpoints and the WAL go to the page through the storage API.
 *
 * This file is the browser driver's composition root: it builds the engine runtime (the host's executor workers) and
 * one StudioDriver that holds the run's state; nothing else here keeps state.
 */
import executorWorkerUrl from '../../engine/cluster/browser/executorWorker.ts?worker&url';
import { BrowserWorkerSpawner } from '../../engine/cluster/browser/browserSpawner';
import { browserRuntime } from '../../engine/runtime/browserRuntime';
import type { EngineRuntime } from '../../engine/runtime/runtime';
import { moduleBootstrapUrl } from '../host/moduleWorker';
import { RemoteFileSystem } from './remoteFileSystem';
import { LOG_METHOD, log4jLevel } from './logLevel';
import { PipelineSession } from '../../engine/graph/session';
import { GraphValidationError } from '../../engine/graph/buildPipeline';
import type { EngineEvent, FaultKind } from '../../engine/core/events';
import type { PipelineGraph } from '../../engine/graph/types';
import { SimPlayer, errorMessage, localFallback, type Timers } from './player';
import { parseDriverCall, parseStorageReply, type DriverApi, type LoadResult } from './protocol';
import { PageChannel } from './pageChannel';
import { StartupPacer } from './startupPacer';
import type { FileSystem } from '../../engine/core/fileSystem';
import { breakpointProblems, compileBreakpoints, type Breakpoint, type CompiledBreakpoints } from '../sim/breakpoints';
import { virtualNetcat } from '../../engine/streaming/input/socket';
import { endpointKey, socketEndpoints } from '../netcat/netcatModel';
import { codeOf } from '../../engine/core/errors';
import type { ValidationIssue } from '../../engine/graph/types';

/** A failed load's problems (prefixed with their node where `withNode`) and their codes (LoadResult). */
function loadFailure(issues: ValidationIssue[], withNode: boolean): LoadResult {
  return { ok: false, problems: issues.map((i) => (withNode && i.nodeId ? `${i.nodeId}: ${i.message}` : i.message)), codes: issues.map((i) => i.code) };
}

/** Rethrows what a call failed with, keeping an error (and its code) as it is. */
function rethrow(e: unknown): never {
  throw e instanceof Error ? e : new Error(errorMessage(e));
}

// The driver's log (what Spark writes to stderr with log4j): WARN/ERROR lines reach the page's console.
function forwardLogLines(channel: PageChannel): void {
  const browserConsole = { error: console.error.bind(console), warn: console.warn.bind(console), info: console.info.bind(console), debug: console.debug.bind(console) };
  for (const method of ['error', 'warn'] as const) {
    console[method] = (...args: unknown[]) => {
      const text = args.map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : safeJson(a))).join(' ');
      // log4j levels in the text win: the engine writes every line to stderr, but an INFO line is not an error.
      const logLevel = log4jLevel(text) ?? (method === 'error' ? 'ERROR' : 'WARN');
      browserConsole[LOG_METHOD[logLevel]](...args);
      if (logLevel === 'INFO' || logLevel === 'DEBUG') return;
      channel.post({ kind: 'log', level: logLevel === 'WARN' ? 'warning' : 'error', text: text.split('\n')[0].slice(0, 2000) });
    };
  }
}
function safeJson(v: unknown): string { try { return JSON.stringify(v); } catch { return String(v); } }

const timers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  now: () => performance.now(),
};

/** Simulated time the driver stays down on "Restart driver": one batch interval (its batch is re-run). */
const driverDowntimeMs = (g: PipelineGraph | null) => g?.batchDuration || 1000;
/** Real time the crashed driver stays visible before the new one starts (shorter at higher speeds). */
const realPauseMs = (p: SimPlayer | null) => Math.min(1200, p ? p.interval : 1000);

/** The loaded pipeline, its player and what goes with them; answers the page's calls (DriverApi). */
class StudioDriver {
  private session: PipelineSession | null = null;
  private player: SimPlayer | null = null;
  /** When the session reports printed text as `stdout` events, its onStdout channel would double it. */
  private stdoutViaEvents = false;
  private loadedGraph: PipelineGraph | null = null;
  private starting = false;
  private breakpoints: CompiledBreakpoints = compileBreakpoints([]);
  /** A run's start-up events wait here until the player lets each step out. */
  private readonly startup = new StartupPacer((events) => {
    for (const e of events) { this.channel.postEvent(e); this.checkBreakpoints(e); }
    this.channel.flush();
  });
  /**
   * Checkpoints and the WAL are kept by the page (its IndexedDB, this run's directory): they survive the driver, so a
   * restarted driver reads them through the same storage API.
   */
  private storage: RemoteFileSystem | null = null;
  /**
   * The studio's netcat box (like `nc -lk 9999`): one virtual-socket listener per host:port, opened for every
   * socketTextStream of a loaded graph (so it exists before the receiver connects) or on first send.
   */
  private readonly netcats = new Map<string, ReturnType<typeof virtualNetcat.listen>>();

  constructor(private readonly channel: PageChannel, private readonly runtime: EngineRuntime) {}

  private checkpointFileSystem(now: () => number): FileSystem {
    this.storage = new RemoteFileSystem((id, request) => this.channel.send({ kind: 'storage', id, request }), now);
    return this.storage;
  }

  private checkBreakpoints(e: EngineEvent) {
    if (e.type !== 'batchCompleted' && e.type !== 'recordsSample') return;
    const hit = this.breakpoints.check(e);
    for (const problem of this.breakpoints.takeProblems()) this.channel.post({ kind: 'breakpointProblem', problem });
    if (!hit) return;
    this.channel.post({ kind: 'breakpoint', hit });
    this.player?.halt();
  }

  private netcatFor(host: string, port: number) {
    const key = endpointKey(host, port);
    let l = this.netcats.get(key);
    if (!l) { l = virtualNetcat.listen(host, port); this.netcats.set(key, l); }
    return l;
  }
  private openNetcats(graph: PipelineGraph) {
    const wanted = new Set<string>();
    for (const e of socketEndpoints(graph.nodes)) { wanted.add(endpointKey(e.host, e.port)); this.netcatFor(e.host, e.port); }
    for (const [key, l] of this.netcats) if (!wanted.has(key)) { l.close(); this.netcats.delete(key); }
  }

  private async disposeCurrent() {
    const p = this.player;
    this.player = null;
    this.session = null;
    this.startup.releaseAll();
    if (p) { try { await p.stop(); } catch { /* already failed */ } }
  }

  readonly api: DriverApi = {

    load: async (graph: PipelineGraph, master?: string): Promise<LoadResult> => {
      const post = (m: Parameters<PageChannel['post']>[0]) => this.channel.post(m);
      await this.disposeCurrent();
      this.stdoutViaEvents = false;
      this.loadedGraph = graph;
      this.openNetcats(graph);
      try {
        const s = new PipelineSession(graph, {
          ...(master ? { master } : {}),
          runtime: this.runtime,
          fileSystem: (now) => this.checkpointFileSystem(now),
          onEvent: (e: EngineEvent) => {
            if (e.type === 'stdout') this.stdoutViaEvents = true;
            if (this.startup.offer(e)) return;
            this.channel.postEvent(e);
            this.checkBreakpoints(e);
          },
          onStdout: (text: string) => { if (!this.stdoutViaEvents) post({ kind: 'event', event: { type: 'stdout', time: 0, text } }); },
        });
        const errors = s.issues.filter((i) => i.severity === 'error');
        // A validation warning with a warning code of its own (receivers taking every slot) keeps it: it picks the explanation.
        for (const w of s.issues.filter((i) => i.severity === 'warning')) {
          const code = w.code === 'receiversNeedMoreSlots' ? w.code : 'graphValidation';
          post({ kind: 'event', event: { type: 'warning', time: 0, code, message: w.nodeId ? `${w.nodeId}: ${w.message}` : w.message } });
        }
        if (errors.length) return loadFailure(errors, true);
        this.session = s;
        this.player = new SimPlayer(s, graph.batchDuration || 1000, timers, (status, error, errorCode) => {
          if (this.starting && status === 'failed') return;   // start() reports its own failure (or falls back)
          post({ kind: 'status', status, error, ...(errorCode ? { errorCode } : {}) });
          this.channel.flush();
        }, this.startup);
        return { ok: true };
      } catch (e) {
        if (e instanceof GraphValidationError) return loadFailure(e.issues, false);
        const code = codeOf(e);
        return { ok: false, problems: [errorMessage(e)], ...(code ? { codes: [code] } : {}) };
      }
    },

    start: async () => {
      if (!this.player) throw new Error('No pipeline loaded');
      this.starting = true;
      this.startup.beginStartup();
      try { await this.player.start(); } catch (e) {
        this.startup.releaseAll();   // what the failed start did is part of the story
        // A build without the cluster backend: run the same graph in-process rather than not at all, and say so.
        const fallback = this.loadedGraph && codeOf(e) === 'NO_CLUSTER_MODULE' ? localFallback(this.loadedGraph.master) : null;
        if (!fallback || !this.loadedGraph) { this.channel.flush(); rethrow(e); }
        const g = this.loadedGraph;
        this.channel.discard((m) => m.kind === 'status');   // the failed first attempt is not the run's status
        const r = await this.api.load(g, fallback);
        if (!r.ok) { this.channel.flush(); throw new Error(r.problems.join('\n')); }
        this.channel.post({ kind: 'event', event: { type: 'warning', time: 0, code: 'masterUnavailable', message: `${g.master} is not available in this build; running on ${fallback} (one executor in the driver's worker).` } });
        this.startup.beginStartup();
        try { await this.player!.start(); } catch (e2) { this.channel.flush(); rethrow(e2); }
      } finally { this.starting = false; this.startup.endStartup(); }
      this.channel.flush();
    },
    step: async (n) => { if (this.player) await this.player.step(n); this.channel.flush(); },
    play: (speed) => { this.player?.play(speed); },
    setSpeed: (speed) => { this.player?.setSpeed(speed); },
    pause: () => { this.player?.pause(); this.channel.flush(); },
    stop: async () => { await this.disposeCurrent(); this.channel.post({ kind: 'status', status: 'stopped' }); this.channel.flush(); },
    injectFault: async (kind: FaultKind, args: unknown[]) => {
      if (!this.session || !this.player) throw new Error('Nothing is running: press Run or Step first, then inject the fault');
      if (kind === 'crashDriver') {
        // "Restart driver": crash it, keep it down for a moment, start a new one from the checkpoint.
        const s = this.session, p = this.player;
        let r;
        try {
          r = await p.exclusive(() => s.restartDriver(driverDowntimeMs(this.loadedGraph), () => new Promise<void>((res) => { this.channel.flush(); setTimeout(res, realPauseMs(p)); })));
        } catch (e) {
          // Refused before the crash (no checkpoint yet): the run goes on. Failed after it: the run is over.
          if (s.getState().state !== 'ACTIVE') p.failWith(e);
          this.channel.flush();
          throw e;
        }
        this.channel.post({ kind: 'driverRestarted', checkpointTime: r.checkpointTime, timesToReschedule: r.timesToReschedule });
        this.channel.flush();
        return;
      }
      await this.session.injectFault(kind, args);
      this.channel.flush();
    },
    setBreakpoints: async (bps: Breakpoint[]) => {
      const shape = breakpointProblems(bps);
      if (shape.length) return shape;
      this.breakpoints = compileBreakpoints(bps);
      return this.breakpoints.problems;
    },
    netcat: async ({ host, port, text }) => {
      this.netcatFor(host, port).send(text);
    },
    runRecording: async () => this.session?.runRecording() ?? null,
  };

  /** A message from the page: a call to answer, or the page's reply to one of the storage API's requests. */
  async answer(data: unknown): Promise<void> {
    const call = parseDriverCall(data);
    if (!call) {
      const reply = parseStorageReply(data);
      if (reply) this.storage?.settle(reply);
      return;
    }
    try {
      const value = await (this.api[call.method] as Method)(...call.args);
      this.channel.send({ kind: 'reply', id: call.id, ok: true, value });
    } catch (e) {
      const code = codeOf(e);
      this.channel.send({ kind: 'reply', id: call.id, ok: false, error: errorMessage(e), ...(code ? { code } : {}) });
    }
  }
}

type Method = (...args: unknown[]) => unknown;

// Executors of local-cluster masters: classic blob: workers of this (opaque) origin that import the bundled entry.
const executorBootstrap = moduleBootstrapUrl(executorWorkerUrl, import.meta.url);
const channel = new PageChannel();
forwardLogLines(channel);
const driver = new StudioDriver(channel, browserRuntime({ workerSpawner: () => new BrowserWorkerSpawner({ bootstrapUrl: executorBootstrap }) }));

/** The host hands over the page's port once; every later message on this worker's own scope is ignored. */
self.addEventListener('message', function connect(e: MessageEvent) {
  const port = e.ports[0];
  if (channel.connected || !port) return;
  self.removeEventListener('message', connect);
  channel.connect(port, (data) => { void driver.answer(data); });
});
