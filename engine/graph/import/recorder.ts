/**
 * A recording implementation of the engine API. The program's pipeline-building code runs against it: every
 * DStream method call is recorded with its receiver, its arguments and the source text of its functions; no data
 * flows, `start/step/stop/awaitTermination` do nothing. Network, file system, timers and module loading are
 * replaced by stand-ins that stop the import with a message.
 *
 * Platform-neutral: the same code runs in a browser Web Worker and in a Node worker_thread (which add the 2 s
 * time limit by terminating the worker). The result is plain, cloneable data.
 */
import { compileCode } from '../../core/closure';
import { prepareProgram, ProgramSyntaxError, SandboxViolation, type PreparedProgram } from './instrument';
import type { MetaBlocks } from '../codegen/meta';
import { errors } from '../../core/errors';

/** A recorded argument value. */
export type RecValue =
  | { kind: 'fn'; src: string }
  | { kind: 'stream'; id: number }
  | { kind: 'dur'; ms: number }
  | { kind: 'rdd'; data: RecValue }
  | { kind: 'spec'; fields: Record<string, RecValue> }
  | { kind: 'partitioner'; n: RecValue }
  | { kind: 'json'; v: unknown }
  | { kind: 'array'; items: RecValue[] }
  | { kind: 'object'; entries: Record<string, RecValue> }
  | { kind: 'opaque'; text: string }
  | { kind: 'undef' };

export interface RecCall {
  method: string;
  /** The DStream the method was called on, or 'ssc' for StreamingContext methods (sources). */
  receiver: number | 'ssc';
  args: RecValue[];
  /** The stream this call returned. */
  result: number;
  /** `// node: <id>` tag of the statement that made the call (first call of the statement only). */
  tag?: string;
}

export interface Recording {
  conf: [string, string][];
  batchMs?: number;
  checkpointDir?: string;
  calls: RecCall[];
  /** stream id → the variable it was assigned to */
  names: Record<number, string>;
  meta: MetaBlocks;
  warnings: string[];
}

export type RecordResult =
  | { ok: true; recording: Recording }
  | { ok: false; kind: 'syntax' | 'sandbox' | 'runtime'; message: string; line?: number; column?: number };

const STREAM = Symbol('recStream');

class RecDuration {
  constructor(readonly milliseconds: number) {}
  plus(d: RecDuration) { return new RecDuration(this.milliseconds + d.milliseconds); }
  minus(d: RecDuration) { return new RecDuration(this.milliseconds - d.milliseconds); }
  times(n: number) { return new RecDuration(this.milliseconds * n); }
  toString() { return `${this.milliseconds} ms`; }
}

class RecRdd {
  constructor(readonly data: unknown, readonly numSlices?: unknown) {}
}

class RecPartitioner {
  constructor(readonly numPartitions: unknown) {}
}

class RecStateSpec {
  readonly fields: Record<string, unknown> = {};
  constructor(fn: unknown) { this.fields.function = fn; }
  timeout(d: unknown) { this.fields.timeout = d; return this; }
  numPartitions(n: unknown) { this.fields.numPartitions = n; return this; }
  initialState(rdd: unknown) { this.fields.initialState = rdd; return this; }
  partitioner(p: unknown) { this.fields.partitioner = p; return this; }
}

const ENGINE_MODULE = /(^|\/)engine(\/index)?(\.[cm]?[jt]s)?$|^dstream-studio(\/.*)?$/;

/** A value that absorbs any use (unknown engine exports): calls and property reads give itself back. */
function inertProxy(): unknown {
  const target = function () { /* inert */ };
  const p: unknown = new Proxy(target, {
    get: (_t, k) => (k === 'then' || typeof k === 'symbol' ? undefined : p),
    apply: () => p,
    construct: () => p as object,
    set: () => true,
  });
  return p;
}

export interface RecordOptions {
  /** Extra warnings collected before recording (e.g. the type stripper fell back to esbuild). */
  warnings?: string[];
}

export async function recordProgram(prepared: PreparedProgram, opts: RecordOptions = {}): Promise<Recording> {
  const warnings: string[] = [...(opts.warnings ?? []), ...prepared.meta.warnings];
  let violation: string | undefined;
  const forbidden = (what: string): never => {
    violation ??= errors.importForbidden(what).message;
    throw new SandboxViolation(violation);
  };
  /** A value that stops the import as soon as the program touches it. */
  const forbiddenProxy = (what: string): unknown => {
    const target = function () { /* stand-in */ };
    return new Proxy(target, {
      get: (_t, p) => (p === Symbol.toPrimitive || p === 'then' || typeof p === 'symbol' ? undefined : forbidden(what)),
      apply: () => forbidden(what),
      construct: () => forbidden(what),
      set: () => forbidden(what),
    });
  };
  const fnSource = new WeakMap<object, string>();
  const streamIds = new WeakMap<object, number>();
  const names: Record<number, string> = {};
  const calls: RecCall[] = [];
  /** args are serialised at the end: a queue filled after start() is still seen */
  const rawArgs: unknown[][] = [];
  let pendingTag: string | undefined;
  let nextStream = 0;
  let contexts = 0;
  let conf: [string, string][] = [];
  let batchMs: number | undefined;
  let checkpointDir: string | undefined;
  let started = false;

  const newStream = (): unknown => {
    const id = nextStream++;
    const target = function () { /* stream */ };
    const proxy: unknown = new Proxy(target, {
      get(_t, prop) {
        if (typeof prop === 'symbol') return prop === STREAM ? id : undefined;
        if (prop === 'then') return undefined;
        if (prop === 'context' || prop === 'ssc') return sscProxy;
        if (prop === 'slideDuration') return new RecDuration(batchMs ?? 1000);
        if (prop === 'toString') return () => `DStream#${id}`;
        return (...args: unknown[]) => record(prop, id, args);
      },
      set: () => true,
    });
    streamIds.set(proxy as object, id);
    return proxy;
  };

  const record = (method: string, receiver: number | 'ssc', args: unknown[]): unknown => {
    if (started) warnings.push(`${method}() was called after ssc.start(); Spark does not allow adding operations to a started context`);
    const stream = newStream();
    const call: RecCall = { method, receiver, args: [], result: streamIds.get(stream as object)! };
    if (pendingTag !== undefined) { call.tag = pendingTag; pendingTag = undefined; }
    calls.push(call);
    rawArgs.push(args);
    return stream;
  };

  const sc = {
    parallelize: (data: unknown, n?: unknown) => new RecRdd(data, n),
    makeRDD: (data: unknown, n?: unknown) => new RecRdd(data, n),
    emptyRDD: () => new RecRdd([]),
    defaultParallelism: 2,
    getConf: () => ({ get: (k: string, d?: string) => conf.find(([x]) => x === k)?.[1] ?? d }),
    setLogLevel: () => undefined,
    getExecutorIds: () => [],
  };

  const SSC_NOOPS = new Set(['start', 'stop', 'step', 'awaitTermination', 'awaitTerminationOrTimeout', 'remember', 'addStreamingListener', 'removeStreamingListener']);
  const sscProxy: unknown = new Proxy({}, {
    get(_t, prop) {
      if (typeof prop === 'symbol' || prop === 'then') return undefined;
      if (prop === 'sparkContext') return sc;
      if (prop === 'checkpoint') return (dir: unknown) => { checkpointDir = String(dir); };
      if (prop === 'getState') return () => (started ? 'ACTIVE' : 'INITIALIZED');
      if (prop === 'faults' || prop === 'graph' || prop === 'stdout' || prop === 'conf') return inertProxy();
      if (SSC_NOOPS.has(prop)) {
        return async () => { if (prop === 'start') started = true; return prop === 'awaitTerminationOrTimeout' ? true : undefined; };
      }
      return (...args: unknown[]) => record(prop, 'ssc', args);
    },
    set: () => true,
  });

  class SparkConf {
    readonly settings = new Map<string, string>();
    set(k: string, v: unknown) { this.settings.set(String(k), String(v)); return this; }
    setMaster(m: string) { return this.set('spark.master', m); }
    setAppName(n: string) { return this.set('spark.app.name', n); }
    setIfMissing(k: string, v: unknown) { if (!this.settings.has(k)) this.set(k, v); return this; }
    setAll(entries: Iterable<[string, string]>) { for (const [k, v] of entries) this.set(k, v); return this; }
    get(k: string, d?: string) { return this.settings.get(k) ?? d; }
    contains(k: string) { return this.settings.has(k); }
  }

  function StreamingContext(this: unknown, c: unknown, d: unknown): unknown {
    contexts++;
    if (contexts === 1) {
      conf = c instanceof SparkConf ? [...c.settings.entries()] : [];
      if (d instanceof RecDuration) batchMs = d.milliseconds;
      else if (typeof d === 'number') batchMs = d;
    } else {
      warnings.push('the program creates more than one StreamingContext; the graph is built from all of them on one context');
    }
    return sscProxy;
  }
  StreamingContext.getOrCreate = (_dir: unknown, create: () => unknown) => create();
  StreamingContext.getActive = () => undefined;
  StreamingContext.getActiveOrCreate = (create: () => unknown) => create();

  const engine: Record<string, unknown> = {
    SparkConf,
    StreamingContext,
    Milliseconds: (ms: number) => new RecDuration(ms),
    Seconds: (s: number) => new RecDuration(s * 1000),
    Minutes: (m: number) => new RecDuration(m * 60000),
    Durations: { milliseconds: (ms: number) => new RecDuration(ms), seconds: (s: number) => new RecDuration(s * 1000), minutes: (m: number) => new RecDuration(m * 60000) },
    Duration: RecDuration,
    HashPartitioner: RecPartitioner,
    StateSpec: { function: (f: unknown) => new RecStateSpec(f) },
    Some: (x: unknown) => ({ isDefined: true, isEmpty: false, get: () => x, getOrElse: () => x }),
    None: { isDefined: false, isEmpty: true, getOrElse: (d: unknown) => d },
    // Storage levels record as their names, which is what the sources' storageLevel param holds.
    StorageLevel: new Proxy({}, { get: (_t, k) => (typeof k === 'string' ? k : undefined) }),
  };

  // bindings of the program's parameters
  const bindings = new Map<string, unknown>();
  for (const imp of prepared.imports) {
    if (ENGINE_MODULE.test(imp.module) || imp.module.startsWith('.') && /engine/.test(imp.module)) {
      if (imp.imported === '*') bindings.set(imp.local, new Proxy(engine, { get: (t, k) => (typeof k === 'string' && k in t ? t[k] : inertProxy()) }));
      else bindings.set(imp.local, imp.imported in engine ? engine[imp.imported] : inertProxy());
    } else {
      bindings.set(imp.local, forbiddenProxy(`the module "${imp.module}"`));
    }
  }
  const sandboxGlobals: Record<string, unknown> = {
    __src: (f: unknown, i: number) => { if (typeof f === 'function' && !fnSource.has(f)) fnSource.set(f, prepared.fnSources[i]); return f; },
    __tag: (id: string) => { pendingTag = id; },
    __name: (v: unknown, name: string) => {
      const id = v && (typeof v === 'function' || typeof v === 'object') ? streamIds.get(v as object) : undefined;
      if (id !== undefined && names[id] === undefined) names[id] = name;
      return v;
    },
    __importMeta: { url: 'sandbox:program' },
    process: new Proxy({ env: {}, argv: [], exitCode: undefined } as Record<string, unknown>, {
      get: (t, k) => (typeof k === 'symbol' ? undefined : k in t ? t[k] : forbidden(`process.${k}`)),
      set: (t, k, v) => { if (k === 'exitCode') { t[k as string] = v; return true; } return forbidden(`process.${String(k)}`); },
    }),
    console: { log: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined },
    setTimeout: (f: () => void) => { void Promise.resolve().then(() => f()); return 0; },
    clearTimeout: () => undefined,
    setInterval: () => forbidden('setInterval'),
    setImmediate: (f: () => void) => { void Promise.resolve().then(() => f()); return 0; },
    require: forbiddenProxy('require()'),
    fetch: forbiddenProxy('fetch()'),
    XMLHttpRequest: forbiddenProxy('XMLHttpRequest'),
    WebSocket: forbiddenProxy('WebSocket'),
    EventSource: forbiddenProxy('EventSource'),
    importScripts: forbiddenProxy('importScripts()'),
    indexedDB: forbiddenProxy('indexedDB'),
    localStorage: forbiddenProxy('localStorage'),
    caches: forbiddenProxy('caches'),
    globalThis: forbiddenProxy('globalThis'),
    global: forbiddenProxy('global'),
    self: forbiddenProxy('self'),
    window: forbiddenProxy('window'),
    module: forbiddenProxy('module'),
    exports: forbiddenProxy('exports'),
    __dirname: forbiddenProxy('__dirname'),
    __filename: forbiddenProxy('__filename'),
    Function: forbiddenProxy('Function()'),
    Deno: forbiddenProxy('Deno'),
    Bun: forbiddenProxy('Bun'),
    Worker: forbiddenProxy('Worker'),
    SharedArrayBuffer: forbiddenProxy('SharedArrayBuffer'),
    Atomics: forbiddenProxy('Atomics'),
    WebAssembly: forbiddenProxy('WebAssembly'),
  };
  const declared = new Set(prepared.topLevelNames);
  for (const [k, v] of Object.entries(sandboxGlobals)) if (!declared.has(k) && !bindings.has(k)) bindings.set(k, v);

  const exported = prepared.exportedFunctions;
  const epilogue = exported.includes('main') ? '\nreturn typeof main === "function" ? main : undefined;' : '';
  // Through the realm's compiler (Node's import child disallows code generation from strings): an async arrow
  // inside a strict function, so top-level await works as in an async function.
  const program = compileCode([...bindings.keys()], `"use strict";return (async () => {${prepared.js}${epilogue}\n})();`) as (...a: unknown[]) => Promise<unknown>;
  let main: unknown;
  try {
    main = await program(...bindings.values());
    if (calls.length === 0 && contexts === 0 && typeof main === 'function') await main();
  } catch (e) {
    if (violation) throw new SandboxViolation(violation);
    throw e;
  }
  // a violation the program caught and ignored still stops the import
  if (violation) throw new SandboxViolation(violation);
  if (contexts === 0) warnings.push('the program creates no StreamingContext');

  // serialise arguments now that the program has finished
  const ser = (v: unknown, depth = 0): RecValue => {
    if (depth > 32) return { kind: 'opaque', text: 'deeply nested value' };
    if (v === undefined) return { kind: 'undef' };
    if (v === null || typeof v === 'boolean' || typeof v === 'string') return { kind: 'json', v };
    if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'json', v } : { kind: 'opaque', text: String(v) };
    if (typeof v === 'function') {
      const id = streamIds.get(v);
      if (id !== undefined) return { kind: 'stream', id };
      return { kind: 'fn', src: fnSource.get(v) ?? Function.prototype.toString.call(v) };
    }
    if (typeof v !== 'object') return { kind: 'opaque', text: String(v) };
    if (v instanceof RecDuration) return { kind: 'dur', ms: v.milliseconds };
    if (v instanceof RecRdd) return { kind: 'rdd', data: ser(v.data, depth + 1) };
    if (v instanceof RecPartitioner) return { kind: 'partitioner', n: ser(v.numPartitions, depth + 1) };
    if (v instanceof RecStateSpec) return { kind: 'spec', fields: Object.fromEntries(Object.entries(v.fields).map(([k, x]) => [k, ser(x, depth + 1)])) };
    if (Array.isArray(v)) {
      const items = v.map((x) => ser(x, depth + 1));
      return items.every((x) => x.kind === 'json') ? { kind: 'json', v: items.map((x) => (x as { v: unknown }).v) } : { kind: 'array', items };
    }
    const proto = Object.getPrototypeOf(v);
    if (proto === Object.prototype || proto === null) {
      const entries = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, ser(x, depth + 1)]));
      const vals = Object.values(entries);
      return vals.every((x) => x.kind === 'json') ? { kind: 'json', v: Object.fromEntries(Object.entries(entries).map(([k, x]) => [k, (x as { v: unknown }).v])) } : { kind: 'object', entries };
    }
    return { kind: 'opaque', text: `a ${proto?.constructor?.name ?? 'object'}` };
  };
  calls.forEach((c, i) => { c.args = rawArgs[i].map((a) => ser(a)); });

  return { conf, batchMs, checkpointDir, calls, names, meta: prepared.meta, warnings };
}

/** Prepare + record, with every failure turned into a plain result (what the workers post back). */
export async function recordTypeScript(source: string, opts: { alreadyJs?: boolean; warnings?: string[] } = {}): Promise<RecordResult> {
  try {
    const prepared = prepareProgram(source, opts.alreadyJs);
    const recording = await recordProgram(prepared, { warnings: opts.warnings });
    return { ok: true, recording };
  } catch (e) {
    if (e instanceof ProgramSyntaxError) return { ok: false, kind: 'syntax', message: e.message, line: e.line, column: e.column };
    if (e instanceof SandboxViolation) return { ok: false, kind: 'sandbox', message: e.message };
    const msg = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return { ok: false, kind: 'runtime', message: errors.importFailed(msg).message };
  }
}
