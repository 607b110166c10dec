/** What the driver worker sends the page (batched) and the endpoint it exposes. */
import type { EngineEvent, FaultKind } from '../../engine/core/events';
import type { PipelineGraph, ValidationIssue } from '../../engine/graph/types';
import type { RunRecording } from '../../engine/graph/codegen/recordedInputs';
import type { PlayerStatus } from './player';
import type { Breakpoint, BreakpointHit, BreakpointProblem } from '../sim/breakpoints';

export type DriverMessage =
  | { kind: 'event'; event: EngineEvent }
  | { kind: 'stdout'; text: string }
  | { kind: 'status'; status: PlayerStatus; error?: string;
      /** The code of `error` (core/errors.ts ErrorCode), which picks the console's explanation. */
      errorCode?: string }
  /** The driver's own log lines at WARN/ERROR (Spark's log4j output), shown in the console's error list. */
  | { kind: 'log'; level: 'error' | 'warning'; text: string };

/** Simulation messages (breakpoints); the bridge takes them out before coalescing the rest. */
export type SimMessage =
  | { kind: 'breakpoint'; hit: BreakpointHit }
  | { kind: 'breakpointProblem'; problem: BreakpointProblem }
  /** The driver restarted from its checkpoint (after a 'crashDriver' fault from the page). */
  | { kind: 'driverRestarted'; checkpointTime: number; timesToReschedule: number[] };

export type WorkerMessage = DriverMessage | SimMessage;
export const isSimMessage = (m: WorkerMessage): m is SimMessage => m.kind === 'breakpoint' || m.kind === 'breakpointProblem' || m.kind === 'driverRestarted';

/** A 'netcat' request: lines typed into the studio's netcat panel for the socket host:port. */
export interface NetcatRequest { host: string; port: number; text: string }

/** A failed load: its problems and, where known, each one's code (`codes[i]` is the code of `problems[i]`). */
export type LoadResult = { ok: true } | { ok: false; problems: string[]; codes?: (string | undefined)[] };

/**
 * What the driver worker exposes to the page. Calls travel as `DriverCall` messages over the MessagePort the page
 * hands to the engine host (app/host/); engine messages come back as `{ kind: 'messages' }` on the same port.
 */
export interface DriverApi {
  load(graph: PipelineGraph, master?: string): Promise<LoadResult>;
  start(): Promise<void>;
  step(n: number): Promise<void>;
  play(speed: number): void;
  setSpeed(speed: number): void;
  pause(): void;
  stop(): Promise<void>;
  /**
   * Injects a fault. 'crashDriver' crashes the driver and restarts it from its checkpoint
   * (PipelineSession.restartDriver) after DRIVER_DOWNTIME of simulated time: the Cluster panel's
   * "Restart driver" button.
   */
  injectFault(kind: FaultKind, args: unknown[]): Promise<void>;
  /** Replaces the breakpoints (compiled in the worker); returns the problems of those that were not set. */
  setBreakpoints(bps: Breakpoint[]): Promise<BreakpointProblem[]>;
  /** The dry-run kind check (runs UDFs: only ever in a worker). */
  /**
   * The studio's netcat box: sends `text` (one record per line) on the virtual socket host:port (created on first
   * use; load() creates one for every socketTextStream of the graph, so it exists before the receiver connects).
   */
  netcat(req: NetcatRequest): Promise<void>;
  /**
   * "Export with this run's data": what the run's sources delivered, by batch and partition, as the engine recorded
   * it (bounded; PipelineSession.runRecording); null when nothing has run.
   */
  runRecording(): Promise<RunRecording | null>;
}

/**
 * Liveness of the driver worker: it posts this (a plain postMessage, outside Comlink) every HEARTBEAT_MS from its
 * own setInterval. A task looping inside the driver's worker (local[N] masters run tasks there) blocks that
 * interval, so the page notices the silence.
 */
export interface HeartbeatMessage { kind: 'heartbeat' }
export const HEARTBEAT_MS = 500;
export const isHeartbeat = (data: unknown): data is HeartbeatMessage =>
  typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === 'heartbeat';

export interface WatchdogInput {
  /** Now (ms, the page's clock). */
  now: number;
  /** When the last heartbeat arrived, if any arrived. */
  lastBeat: number | undefined;
  /** Since when the page has been watching: the run became active or the page became visible (later of the two). */
  watchingSince: number;
  /** A run is active (loading, running or paused with a driver behind it). */
  active: boolean;
  /** The page is visible (hidden pages get throttled timers: no verdict then). */
  visible: boolean;
  /** spark.studio.task.timeout in ms. */
  timeoutMs: number;
  /** When the page last checked. A check far later than planned means the page itself stalled (sleep, a hidden tab). */
  lastCheck?: number;
}

export type WatchdogVerdict =
  | { verdict: 'idle' }
  /** The page's own clock jumped (its timers were stalled): start watching again from now. */
  | { verdict: 'resync' }
  | { verdict: 'alive'; silentMs: number }
  | { verdict: 'hung'; silentMs: number };

/** A gap between checks longer than this means the page, not the driver, was stalled. */
export const stallMs = (timeoutMs: number) => Math.max(2000, timeoutMs / 2);

/** Pure decision of the page's heartbeat watchdog: 'hung' once the driver has been silent for the task timeout. */
export function watchdogVerdict(i: WatchdogInput): WatchdogVerdict {
  if (!i.active || !i.visible) return { verdict: 'idle' };
  if (i.lastCheck !== undefined && i.now - i.lastCheck > stallMs(i.timeoutMs)) return { verdict: 'resync' };
  const since = Math.max(i.watchingSince, i.lastBeat ?? -Infinity);
  const silentMs = Math.max(0, i.now - since);
  return silentMs >= i.timeoutMs ? { verdict: 'hung', silentMs } : { verdict: 'alive', silentMs };
}

/** The console's message after the watchdog restarted a hung driver (Spark-style English, like TaskScheduler's). */
export function hungDriverMessage(timeoutMs: number, stage: string | undefined, localMode: boolean): string {
  const site = stage ?? 'an unknown stage';
  return localMode
    ? `task exceeded ${timeoutMs} ms (possible infinite loop in ${site}); local mode runs tasks inside the driver's worker, so it was restarted. Use local-cluster to keep the run going.`
    : `driver did not respond for ${timeoutMs} ms (possible infinite loop in ${site}, in a function that runs on the driver); the driver's worker was restarted.`;
}

/* ---------- The page ⇄ driver wire (a MessagePort through the sandboxed engine host) ---------- */

/**
 * Everything on this wire from the driver's side is untrusted: on local[N] user code runs in the driver's worker and
 * can post anything on the port (it can catch the port by patching MessagePort.prototype.postMessage). The page
 * shape-checks every message (`parseFromDriver`), evaluates nothing, and exposes no object to the driver, which is why
 * this is a plain request/reply protocol and not Comlink (a Comlink endpoint on the page would let the driver set
 * properties along any path, e.g. on Object.prototype).
 */
export const DRIVER_METHODS = ['load', 'start', 'step', 'play', 'setSpeed', 'pause', 'stop', 'injectFault', 'setBreakpoints', 'netcat', 'runRecording'] as const;
export type DriverMethod = (typeof DRIVER_METHODS)[number];
export const isDriverMethod = (m: unknown): m is DriverMethod => typeof m === 'string' && (DRIVER_METHODS as readonly string[]).includes(m);

/** Page → driver: call a DriverApi method. */
export interface DriverCall { kind: 'call'; id: number; method: DriverMethod; args: unknown[] }

/** The file operations of the path-scoped storage API (engine/core/fileSystem.ts's FileSystem). */
export const STORAGE_OPS = ['exists', 'mkdirs', 'writeFile', 'readFile', 'list', 'stat', 'rename', 'delete'] as const;
export type StorageOp = (typeof STORAGE_OPS)[number];
/** One FileSystem call; `now` is the engine clock (modification times). */
export interface StorageRequest { op: StorageOp; path: string; to?: string; data?: string; recursive?: boolean; now: number }

/** Driver → page. */
export type FromDriver =
  | { kind: 'reply'; id: number; ok: true; value?: unknown }
  | { kind: 'reply'; id: number; ok: false; error: string; code?: string }
  | { kind: 'messages'; msgs: WorkerMessage[] }
  | HeartbeatMessage
  | { kind: 'storage'; id: number; request: StorageRequest };

/** Page → driver: the answer to a storage request. */
export type StorageReply = { kind: 'storageReply'; id: number; ok: true; value?: unknown } | { kind: 'storageReply'; id: number; ok: false; error: string };

/** Longest text the page takes from the driver in one field (a console line, an error). */
export const MAX_TEXT = 20_000;
/** Largest file the storage API writes (a checkpoint, a WAL segment or an output part file). */
export const MAX_FILE_CHARS = 16 * 1024 * 1024;

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT;
/** An error or warning code: a name, looked up as data (an unknown one explains nothing). */
export const isCode = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(v);
const PLAYER_STATUSES = ['idle', 'running', 'paused', 'stopped', 'failed'];

function parseHit(h: unknown): WorkerMessage | null {
  if (!isRec(h) || !isText(h.id) || typeof h.batchTime !== 'number') return null;
  if (h.kind === 'batch') return { kind: 'breakpoint', hit: { id: h.id, kind: 'batch', batchTime: h.batchTime } };
  if (h.kind === 'record' && isText(h.nodeId) && isText(h.record)) return { kind: 'breakpoint', hit: { id: h.id, kind: 'record', batchTime: h.batchTime, nodeId: h.nodeId, record: h.record } };
  return null;
}

/** A well-formed engine message, or null. Events must at least say their type and time; longer texts are cut. */
export function parseWorkerMessage(m: unknown): WorkerMessage | null {
  if (!isRec(m)) return null;
  switch (m.kind) {
    case 'event': {
      const e = m.event;
      if (!isRec(e) || typeof e.type !== 'string' || e.type.length > 64 || typeof e.time !== 'number') return null;
      if (e.type === 'stdout' && typeof e.text !== 'string') return null;
      return { kind: 'event', event: e as EngineEvent };
    }
    case 'stdout': return typeof m.text === 'string' ? { kind: 'stdout', text: m.text } : null;
    case 'status':
      if (!PLAYER_STATUSES.includes(m.status as string)) return null;
      if (m.error !== undefined && typeof m.error !== 'string') return null;
      return { kind: 'status', status: m.status as PlayerStatus, ...(m.error !== undefined ? { error: (m.error as string).slice(0, MAX_TEXT) } : {}),
        ...(isCode(m.errorCode) ? { errorCode: m.errorCode } : {}) };
    case 'log':
      if ((m.level !== 'error' && m.level !== 'warning') || typeof m.text !== 'string') return null;
      return { kind: 'log', level: m.level, text: m.text.slice(0, MAX_TEXT) };
    case 'breakpoint': return parseHit(m.hit);
    case 'breakpointProblem':
      return isRec(m.problem) && isText(m.problem.id) && isText(m.problem.message) ? { kind: 'breakpointProblem', problem: { id: m.problem.id, message: m.problem.message } } : null;
    case 'driverRestarted':
      if (typeof m.checkpointTime !== 'number' || !Array.isArray(m.timesToReschedule) || !m.timesToReschedule.every((t) => typeof t === 'number')) return null;
      return { kind: 'driverRestarted', checkpointTime: m.checkpointTime, timesToReschedule: m.timesToReschedule as number[] };
    default: return null;
  }
}

/** A well-formed storage request, or null. */
export function parseStorageRequest(r: unknown): StorageRequest | null {
  if (!isRec(r) || !(STORAGE_OPS as readonly string[]).includes(r.op as string)) return null;
  if (typeof r.path !== 'string' || r.path.length > 1024 || typeof r.now !== 'number' || !Number.isFinite(r.now)) return null;
  const op = r.op as StorageOp;
  if (op === 'rename' && (typeof r.to !== 'string' || r.to.length > 1024)) return null;
  if (op === 'writeFile' && (typeof r.data !== 'string' || r.data.length > MAX_FILE_CHARS)) return null;
  if (r.recursive !== undefined && typeof r.recursive !== 'boolean') return null;
  return {
    op, path: r.path, now: r.now,
    ...(op === 'rename' ? { to: r.to as string } : {}),
    ...(op === 'writeFile' ? { data: r.data as string } : {}),
    ...(op === 'delete' && r.recursive !== undefined ? { recursive: r.recursive as boolean } : {}),
  };
}

/**
 * One message from the driver, shape-checked; null for anything else (dropped). Engine messages that are not
 * well-formed are dropped one by one; a batch of more than 10 000 is refused whole.
 */
export function parseFromDriver(data: unknown): FromDriver | null {
  if (!isRec(data)) return null;
  switch (data.kind) {
    case 'heartbeat': return { kind: 'heartbeat' };
    case 'reply':
      if (!isId(data.id)) return null;
      if (data.ok === true) return { kind: 'reply', id: data.id, ok: true, value: data.value };
      return data.ok === false && typeof data.error === 'string'
        ? { kind: 'reply', id: data.id, ok: false, error: data.error.slice(0, MAX_TEXT), ...(isCode(data.code) ? { code: data.code } : {}) } : null;
    case 'messages': {
      if (!Array.isArray(data.msgs) || data.msgs.length > 10_000) return null;
      const msgs: WorkerMessage[] = [];
      for (const m of data.msgs) { const ok = parseWorkerMessage(m); if (ok) msgs.push(ok); }
      return { kind: 'messages', msgs };
    }
    case 'storage': {
      if (!isId(data.id)) return null;
      const request = parseStorageRequest(data.request);
      return request ? { kind: 'storage', id: data.id, request } : null;
    }
    default: return null;
  }
}

/** A call from the page, shape-checked by the driver (the page is trusted, but the port is reachable from user code). */
export function parseDriverCall(data: unknown): DriverCall | null {
  if (!isRec(data) || data.kind !== 'call' || !isId(data.id) || !isDriverMethod(data.method) || !Array.isArray(data.args)) return null;
  return { kind: 'call', id: data.id, method: data.method, args: data.args };
}

/** A storage reply as the driver takes it. */
export function parseStorageReply(data: unknown): StorageReply | null {
  if (!isRec(data) || data.kind !== 'storageReply' || !isId(data.id)) return null;
  if (data.ok === true) return { kind: 'storageReply', id: data.id, ok: true, value: data.value };
  return data.ok === false && typeof data.error === 'string' ? { kind: 'storageReply', id: data.id, ok: false, error: data.error } : null;
}

/** The reply of `load`, checked: anything else is reported as a problem rather than trusted. */
export function parseLoadResult(v: unknown): LoadResult {
  if (isRec(v) && v.ok === true) return { ok: true };
  if (isRec(v) && v.ok === false && Array.isArray(v.problems)) {
    const codes = Array.isArray(v.codes) ? v.codes : [];
    const kept = v.problems.flatMap((p, i) => (isText(p) ? [{ p, code: isCode(codes[i]) ? codes[i] : undefined }] : []));
    return { ok: false, problems: kept.map((k) => k.p), ...(kept.some((k) => k.code) ? { codes: kept.map((k) => k.code) } : {}) };
  }
  return { ok: false, problems: ['The engine host sent an unexpected reply to load; press Run again.'] };
}

/** The reply of `setBreakpoints`, checked (problems the page then describes). */
export function parseBreakpointProblems(v: unknown): BreakpointProblem[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((p) => (isRec(p) && isText(p.id) && isText(p.message) ? [{ id: p.id, message: p.message }] : []));
}

/** Validation issues received from another realm, checked. */
export function parseIssues(v: unknown): ValidationIssue[] {
  if (!Array.isArray(v)) return [];
  const opt = (i: Rec, k: 'nodeId' | 'edgeId' | 'param' | 'detail') => (isText(i[k]) ? { [k]: i[k] } : {});
  const num = (i: Rec, k: 'line' | 'column') => (typeof i[k] === 'number' ? { [k]: i[k] } : {});
  return v.flatMap((i): ValidationIssue[] => (isRec(i) && isText(i.message) && (i.severity === 'error' || i.severity === 'warning')
    ? [{ severity: i.severity, message: i.message, ...opt(i, 'nodeId'), ...opt(i, 'edgeId'), ...opt(i, 'param'), ...opt(i, 'detail'), ...num(i, 'line'), ...num(i, 'column') }]
    : []));
}

/** The most records the page takes in a run recording (the engine's own limit is spark.studio.recordInputs.maxRecords). */
export const MAX_RECORDED_RECORDS = 200_000;
/** The most characters of recorded strings the page takes (recorded records become literals in a program). */
export const MAX_RECORDED_CHARS = 32 * 1024 * 1024;

/**
 * The reply of `runRecording`, checked: records must be plain data (strings, finite numbers, booleans, null, arrays,
 * plain objects, nested at most 16 deep), because the exporters print them as literals. Anything else is null.
 */
export function parseRunRecording(v: unknown): RunRecording | null {
  if (!isRec(v) || !isRec(v.inputs) || !isId(v.batches) || !isId(v.unreadPartitions)) return null;
  let records = 0;
  let chars = 0;
  const plain = (x: unknown, depth: number): boolean => {
    if (depth > 16) return false;
    if (x === null || typeof x === 'boolean') return true;
    if (typeof x === 'number') return Number.isFinite(x);
    if (typeof x === 'string') { chars += x.length; return chars <= MAX_RECORDED_CHARS; }
    if (Array.isArray(x)) return x.every((y) => plain(y, depth + 1));
    if (!isRec(x) || Object.getPrototypeOf(x) !== Object.prototype) return false;
    return Object.entries(x).every(([k, y]) => { chars += k.length; return plain(y, depth + 1); });
  };
  const inputs: RunRecording['inputs'] = {};
  for (const [id, batches] of Object.entries(v.inputs)) {
    if (!isText(id) || !Array.isArray(batches)) return null;
    for (const parts of batches) {
      if (!Array.isArray(parts)) return null;
      for (const part of parts) {
        if (!Array.isArray(part)) return null;
        records += part.length;
        if (records > MAX_RECORDED_RECORDS || !part.every((r) => plain(r, 0))) return null;
      }
    }
    inputs[id] = batches as unknown[][][];
  }
  const t = v.truncated;
  const limit: 'maxBatches' | 'maxRecords' | undefined = isRec(t) && (t.limit === 'maxBatches' || t.limit === 'maxRecords') ? t.limit : undefined;
  const truncated = isRec(t) && limit && isId(t.value) ? { limit, value: t.value } : undefined;
  if (t !== undefined && !truncated) return null;
  return { inputs, batches: v.batches, unreadPartitions: v.unreadPartitions, ...(truncated ? { truncated } : {}) };
}
