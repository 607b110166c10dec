/**
 * The page's handle on one engine host: a sandboxed iframe (allow-scripts only: an opaque origin) that starts one
 * driver worker, and the MessagePort the page talks to that driver on. Removing the iframe ends the driver and every
 * executor worker it started, so each run gets a realm that does not outlive it (engineBridge makes a new host per
 * run and per opened document). Only engineBridge uses this module.
 *
 * Everything that arrives from the host is shape-checked (protocol.ts) and nothing from it is evaluated; the page
 * exposes no objects to it. Storage requests are served inside one directory of this host's own (ScopedStorage).
 */
import type { PipelineGraph, ValidationIssue } from '../../engine/graph/types';
import type { FaultKind } from '../../engine/core/events';
import type { RunRecording } from '../../engine/graph/codegen/recordedInputs';
import type { Breakpoint, BreakpointProblem } from '../sim/breakpoints';
import {
  parseBreakpointProblems, parseFromDriver, parseLoadResult, parseRunRecording,
  type DriverCall, type DriverMethod, type LoadResult, type NetcatRequest, type StorageReply, type WorkerMessage,
} from '../workers/protocol';
import type { WorkerName } from './hostMessages';
import { openHostFrame } from './hostFrame';
import type { ScopedStorage } from './scopedStorage';

/** The driver's calls as the page makes them; every reply is checked before it is returned. */
export interface DriverClient {
  load(graph: PipelineGraph, master?: string): Promise<LoadResult>;
  start(): Promise<void>;
  step(n: number): Promise<void>;
  play(speed: number): Promise<void>;
  setSpeed(speed: number): Promise<void>;
  pause(): Promise<void>;
  stop(): Promise<void>;
  injectFault(kind: FaultKind, args: unknown[]): Promise<void>;
  setBreakpoints(bps: Breakpoint[]): Promise<BreakpointProblem[]>;
  netcat(req: NetcatRequest): Promise<void>;
  runRecording(): Promise<RunRecording | null>;
}

export interface EngineHostOptions {
  name: WorkerName;
  onMessages(msgs: WorkerMessage[]): void;
  onHeartbeat(): void;
  /** The host could not start its driver, or did not answer in time (reported once). */
  onFailure(message: string): void;
  /** Where this host's checkpoints, WAL and outputs go; without it every storage request is refused. */
  storage?: ScopedStorage;
}

export interface EngineHost {
  readonly driver: DriverClient;
  /** Settles when the driver's first heartbeat arrives (the host is up; time limits on calls start from here). */
  readonly ready: Promise<void>;
  /** Removes the iframe (ending every worker of the realm) and rejects the calls still waiting. */
  destroy(): void;
}

/** How long the page waits for the host's driver to send its first heartbeat. */
export const HOST_START_TIMEOUT_MS = 20_000;

/** A driver call that failed, with the code of what failed (core/errors.ts ErrorCode) when the driver knew it. */
export class DriverCallError extends Error {
  constructor(message: string, readonly code: string | undefined) { super(message); }
}

export class EngineHostGone extends Error {
  constructor() { super('The engine host was discarded (the run stopped or another document was opened)'); }
}

export function startEngineHost(opts: EngineHostOptions): EngineHost {
  let gone = false;
  const fail = (message: string) => { if (!gone) opts.onFailure(message); };
  const frame = openHostFrame(opts.name, fail);
  const port = frame.port;
  let nextId = 0;
  let beating = false;
  let up: () => void = () => {};
  const ready = new Promise<void>((resolve) => { up = resolve; });
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  const startTimer = setTimeout(() => { if (!beating) fail('The engine host did not start its driver in time; press Run again (or reload the page).'); }, HOST_START_TIMEOUT_MS);

  const reply = (r: StorageReply) => { if (!gone) port.postMessage(r); };
  port.onmessage = (e: MessageEvent) => {
    const m = parseFromDriver(e.data);
    if (!m || gone) return;
    if (m.kind === 'heartbeat') { if (!beating) up(); beating = true; opts.onHeartbeat(); }
    else if (m.kind === 'messages') opts.onMessages(m.msgs);
    else if (m.kind === 'reply') {
      const w = waiting.get(m.id);
      if (!w) return;
      waiting.delete(m.id);
      if (m.ok) w.resolve(m.value); else w.reject(new DriverCallError(m.error, m.code));
    } else if (m.kind === 'storage') {
      const storage = opts.storage;
      if (!storage) { reply({ kind: 'storageReply', id: m.id, ok: false, error: 'This engine host has no storage (a dry run)' }); return; }
      storage.handle(m.request).then(
        (value) => reply({ kind: 'storageReply', id: m.id, ok: true, value }),
        (err: unknown) => reply({ kind: 'storageReply', id: m.id, ok: false, error: err instanceof Error ? err.message : String(err) }),
      );
    }
  };
  port.start();

  const call = (method: DriverMethod, ...args: unknown[]): Promise<unknown> => {
    if (gone) return Promise.reject(new EngineHostGone());
    const id = nextId++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      const msg: DriverCall = { kind: 'call', id, method, args };
      try { port.postMessage(msg); } catch (e) { waiting.delete(id); reject(e instanceof Error ? e : new Error(String(e))); }
    });
  };
  const done = (p: Promise<unknown>): Promise<void> => p.then(() => undefined);

  const driver: DriverClient = {
    load: (graph, master) => call('load', graph, ...(master ? [master] : [])).then(parseLoadResult),
    start: () => done(call('start')),
    step: (n) => done(call('step', n)),
    play: (speed) => done(call('play', speed)),
    setSpeed: (speed) => done(call('setSpeed', speed)),
    pause: () => done(call('pause')),
    stop: () => done(call('stop')),
    injectFault: (kind, args) => done(call('injectFault', kind, args)),
    setBreakpoints: (bps) => call('setBreakpoints', bps).then(parseBreakpointProblems),
    netcat: (req) => done(call('netcat', { host: req.host, port: req.port, text: req.text })),
    runRecording: () => call('runRecording').then(parseRunRecording),
  };

  return {
    driver,
    ready,
    destroy() {
      if (gone) return;
      gone = true;
      clearTimeout(startTimer);
      frame.destroy();
      for (const w of waiting.values()) w.reject(new EngineHostGone());
      waiting.clear();
    },
  };
}

/**
 * The TypeScript import worker in its own engine host, as the Worker-like object app/code/importRunner.ts drives:
 * the program being imported runs in the opaque origin too. `terminate` removes the host.
 */
export interface ImportWorkerLike {
  postMessage(data: unknown): void;
  terminate(): void;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onerror: ((ev: { message?: string }) => void) | null;
}

export function startImportHost(): ImportWorkerLike {
  const w: ImportWorkerLike = {
    postMessage: (data) => frame.port.postMessage(data),
    terminate: () => frame.destroy(),
    onmessage: null,
    onerror: null,
  };
  const frame = openHostFrame('import', (message) => w.onerror?.({ message }));
  frame.port.onmessage = (e: MessageEvent) => w.onmessage?.({ data: e.data });
  return w;
}
