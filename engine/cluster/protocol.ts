/**
 * The driver ⇄ executor protocol, shared by both sides (DESIGN.md "Architecture"). Messages are plain,
 * structured-cloneable data; records inside them are encoded with codec.ts. One adapter per platform turns a
 * Web Worker / worker_threads Worker / MessagePort into an `Endpoint`.
 *
 *   driver                                   executor worker                      peer executor
 *   ── init {id, host, cores, memory} ──▶   builds an Executor
 *   ◀── registered {id} ─────────────────    (step 4 of the start-up)
 *   ── peer {executorId, port} ──▶          one MessageChannel per pair of executors (direct block transfer)
 *   ── broadcast {id, value} ──▶            before the first task that reads it
 *   ── call {id, req: runTask|...} ──▶
 *   ◀── reply {id, ok, value|error} ──
 *                                            ── fetch {id, blockId} ──────────────▶   from its block manager
 *                                            ◀── fetched {id, values?} ─────────────
 *   ── call startReceiver {start} ──▶        a receiver runs in this executor's reserved slot
 *   ── call cutReceiverBlocks {…} ──▶        its blocks are cut and stored here
 *                                            ── store {id, blockId, values} ─────▶   the replica of a *_2 level
 *                                            ◀── stored {id, ok} ─────────────────
 *   ◀── reply {blocks: ids and sizes} ──     (record data never goes to the driver)
 */
import type { TaskDesc, TaskOutcome } from '../rdd/plan';
import { codeOf, coded, type CatalogueCode } from '../core/errors';
import type { ExecutorReceiverStart, ReceiverCutReply } from '../streaming/receiver/ExecutorReceiver';

/** A MessagePort-like channel end. */
export interface Endpoint {
  post(message: unknown, transfer?: unknown[]): void;
  /** Sets the handler for incoming messages (one per endpoint). */
  listen(handler: (message: unknown) => void): void;
  close(): void;
}

export interface ExecutorInit {
  executorId: string;
  host: string;
  cores: number;
  memoryBytes: number;
  sampleLimit?: number;
  /** Test hook: the worker throws during start-up with this message (a worker that dies at start-up). */
  crashOnStart?: string;
  /** The worker's heap limit, for the heap watchdog of platforms without a hard limit (browsers). */
  heapLimitBytes?: number;
}

/** Requests the driver makes of an executor; each gets one reply. */
export type ExecutorRequest =
  | { t: 'runTask'; task: TaskDesc }               // task.plan and op data are codec-encoded
  | { t: 'killTask'; taskId: number; reason: string }
  | { t: 'removeBlocks'; prefix: string }
  | { t: 'putBlock'; blockId: string; values: unknown[]; level: string }
  | { t: 'getBlock'; blockId: string }
  | { t: 'startReceiver'; start: ExecutorReceiverStart }
  | { t: 'cutReceiverBlocks'; streamId: number; time: number; rateLimit?: number; level: string; replicateTo: string[] }
  | { t: 'stopReceiver'; streamId: number }
  | { t: 'ping' };

export interface ReplyValue {
  runTask: TaskOutcome;
  killTask: boolean;
  removeBlocks: string[];
  putBlock: null;
  getBlock: unknown[] | null;
  startReceiver: null;
  cutReceiverBlocks: ReceiverCutReply;
  stopReceiver: null;
  ping: { executorId: string; blocks: number; memoryUsed: number };
}

export type DriverToExecutor =
  | { t: 'init'; init: ExecutorInit }
  | { t: 'peer'; executorId: string; port: unknown }
  | { t: 'peerLost'; executorId: string }
  | { t: 'broadcast'; id: number; value: unknown }
  | { t: 'dropBroadcast'; id: number }
  | { t: 'call'; id: number; req: ExecutorRequest }
  | { t: 'shutdown' };

export type ExecutorToDriver =
  | { t: 'registered'; executorId: string }
  | { t: 'reply'; id: number; ok: true; value: unknown }
  | { t: 'reply'; id: number; ok: false; error: ErrorData }
  | { t: 'fatal'; error: ErrorData };

/** Executor ⇄ executor, over the direct MessageChannel between two executors. */
export type PeerMessage =
  | { t: 'fetch'; id: number; blockId: string }
  | { t: 'fetched'; id: number; values: unknown[] | null; error?: string }
  | { t: 'store'; id: number; blockId: string; values: unknown[]; level: string }
  | { t: 'stored'; id: number; error?: string };

/** An error as it crosses a worker: its name, words, stack and catalogue code (structured clone keeps no code). */
export interface ErrorData { name: string; message: string; stack?: string; code?: CatalogueCode }

export function errorData(e: unknown): ErrorData {
  if (e instanceof Error) { const code = codeOf(e); return { name: e.name || 'Error', message: e.message, stack: e.stack, ...(code ? { code } : {}) }; }
  if (e && typeof e === 'object' && 'message' in e) {
    const m = e as { name?: unknown; message: unknown; stack?: unknown };
    return { name: typeof m.name === 'string' ? m.name : 'Error', message: String(m.message), stack: typeof m.stack === 'string' ? m.stack : undefined };
  }
  return { name: 'Error', message: String(e) };
}

export function errorFromData(d: ErrorData): Error {
  const e = new Error(d.message);
  e.name = d.name;
  if (d.stack) e.stack = d.stack;
  return d.code ? coded(d.code, e) : e;
}

/** Ids of broadcast variables that shipped functions in a task read (sent ahead of the task). */
export function broadcastIdsOf(task: TaskDesc): number[] {
  const ids = new Set<number>();
  const visit = (x: unknown, depth: number): void => {
    if (depth > 64 || typeof x !== 'object' || x === null) return;
    if (Array.isArray(x)) { for (const e of x) if (typeof e === 'object' && e !== null) visit(e, depth + 1); return; }
    const o = x as Record<string, unknown>;
    if (o.kind === 'shipped' && typeof o.source === 'string') {
      const vars = o.vars as Record<string, { kind: string; broadcastId?: number }> | undefined;
      if (vars) for (const v of Object.values(vars)) if (v.kind === 'broadcast' && typeof v.broadcastId === 'number') ids.add(v.broadcastId);
      return;
    }
    for (const k in o) {
      if (k === 'values' && (o.k === 'data' || o.k === 'input')) continue;   // record data: no functions inside
      visit(o[k], depth + 1);
    }
  };
  visit(task, 0);
  return [...ids];
}
