/**
 * Closure shipping (DESIGN.md, "Architecture"): functions given to executor-side operations are
 * shipped as SOURCE TEXT and rebuilt on the executor, which may be another worker.
 *
 *   const sf = shipFunction((x) => x * 2, 'map');       // driver, when the operation is defined
 *   const f = compileShipped<(x: number) => number>(sf, runtime);  // executor, once per task
 *
 * - `shipFunction` rejects a function that uses a free variable other than a standard JS global
 *   (closureGlobals.ts), an engine shipped global (the immutable table in runtime/shippedGlobals.ts, or
 *   the table passed in the options) or a variable declared with `closure(vars, fn)`: `Task not serializable`.
 * - A `ShippedFn` is plain data (structured-cloneable): it can be posted to a worker as is.
 * - `compileShipped` builds the function with `new Function` in strict mode, passing engine globals
 *   and closure variables as parameters of a wrapper; plain closure values are copied for every
 *   call (each task gets its own copy, as Spark deserialises a closure per task) and broadcast
 *   variables are fetched through `runtime.getBroadcast(id)` on first use of `.value`.
 *
 * Security groundwork: the wrapper shadows network, module and host names (`fetch`, `require`,
 * `process`, `self`, `eval`, ... see SHADOWED_GLOBALS) with `undefined` and binds `globalThis` to a
 * frozen object holding only the allowed globals. This is defence in depth, NOT a sandbox: code can
 * still reach the real global object (e.g. through a function's constructor). The isolation
 * boundary is the executor worker. Building functions from text needs `unsafe-eval` under a CSP.
 */
import { findNonData, isBroadcastLike } from './closureData';
import { isBindableName, isShadowedGlobal, isStandardGlobal, NETWORK_GLOBALS, SHADOWED_GLOBALS, STANDARD_GLOBALS } from './closureGlobals';
import { analyzeFunctionSource, lineColumn, type FunctionAnalysis } from './closureScope';
import { currentProgramLookup, type ProgramLookup } from './closureHelpers';
import { Broadcast } from './broadcast';
import { codeOf, errors, ShippedSyntaxError, type ErrorCode } from './errors';
import type { ShippedGlobals } from './shippedGlobals';
import { ENGINE_SHIPPED_GLOBALS } from '../runtime/shippedGlobals';

export { analyzeFunctionSource, type FunctionAnalysis, type FreeReference } from './closureScope';
export { ShippedSyntaxError } from './errors';

/** A closure variable as shipped: plain data, or a reference to a broadcast variable. */
export type ShippedVar = { kind: 'value'; value: unknown } | { kind: 'broadcast'; broadcastId: number };

/**
 * A function shipped to executors: plain, structured-cloneable data. `F` documents the function's
 * type (e.g. `ShippedFn<(t: T) => U>`); it is not checked structurally.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export interface ShippedFn<F extends Function = Function> {
  kind: 'shipped';
  source: string;
  opName: string;
  vars?: Record<string, ShippedVar>;
  /** Helper functions of the program the function calls (closureHelpers.ts): name → source, sorted by name. */
  helpers?: Record<string, string>;
}

export interface ShipOptions {
  /** Closure variables for a function given as source text (graphs), merged over closure() vars. */
  vars?: Record<string, unknown>;
  /** Let the function use fetch/XMLHttpRequest/WebSocket/EventSource/WebTransport (also needs compileShipped's allowNetwork). */
  allowNetwork?: boolean;
  /** The engine values the function may name (default: the engine's table, the one executors compile with). */
  globals?: ShippedGlobals;
}

/** What an executor gives compiled functions to read broadcast variables. */
export interface BroadcastRuntime { getBroadcast(id: number): unknown }

export interface CompileOptions {
  /** Do not shadow the network names (NETWORK_GLOBALS). Default false. */
  allowNetwork?: boolean;
  /** The engine values bound inside the function (default: the engine's table). */
  globals?: ShippedGlobals;
}

export function isShippedFn(x: unknown): x is ShippedFn {
  return typeof x === 'object' && x !== null && (x as ShippedFn).kind === 'shipped' && typeof (x as ShippedFn).source === 'string';
}

// ---------------------------------------------------------------------------------------------
// closure(vars, fn)

const CLOSURE_TAG = Symbol.for('dstream-studio.closure');
interface ClosureTag { fn: Function; vars: Record<string, unknown> }

function closureTag(fn: Function): ClosureTag | undefined {
  const tag: unknown = Reflect.get(fn, CLOSURE_TAG);
  return tag === undefined ? undefined : (tag as ClosureTag);
}

/** The variables declared for `fn` with closure(), or undefined. */
export function getClosureVars(fn: Function): Readonly<Record<string, unknown>> | undefined {
  return closureTag(fn)?.vars;
}

function checkVarName(name: string, globals: ShippedGlobals): void {
  if (!isBindableName(name) || isStandardGlobal(name) || isShadowedGlobal(name) || globals.has(name)) throw errors.invalidClosureVarName(name);
}

function checkVarValue(op: string | undefined, name: string, value: unknown): void {
  if (isBroadcastLike(value)) {
    if (!(value as { isValid?: boolean }).isValid && value instanceof Broadcast) throw errors.broadcastDestroyed(value.id);
    return;
  }
  const bad = findNonData(value);
  if (bad) throw errors.closureVarNotData(op, name, bad.path, bad.what);
}

/**
 * Declares the values a shipped function may use from outside: plain data (copied when shipped)
 * or broadcast variables (shipped as `{ broadcastId }`). Returns a function carrying the variables
 * (under a non-enumerable symbol) that, called directly on the driver, runs `fn` with them;
 * applying closure() again merges the variables.
 *
 *   const limit = 10;
 *   stream.filter(closure({ limit }, (x) => x < limit));
 *   const words = sc.broadcast(['a', 'b']);
 *   stream.filter(closure({ words }, (w) => words.value.includes(w)));
 */
export function closure<F extends Function>(vars: Record<string, unknown>, fn: F): F {
  if (typeof vars !== 'object' || vars === null || Array.isArray(vars) || isBroadcastLike(vars)) throw errors.closureVarsNotObject();
  if (typeof fn !== 'function') throw errors.notAFunction('closure');
  const inner = closureTag(fn);
  const tag: ClosureTag = { fn: inner ? inner.fn : fn, vars: { ...inner?.vars, ...vars } };
  for (const [name, value] of Object.entries(tag.vars)) { checkVarName(name, ENGINE_SHIPPED_GLOBALS); checkVarValue(undefined, name, value); }
  let local: Function | undefined;
  const wrapper = function (this: unknown, ...args: unknown[]): unknown {
    local ??= compileLocal(wrapper, tag);
    return local.apply(this, args);
  };
  Object.defineProperty(wrapper, CLOSURE_TAG, { value: tag });
  Object.defineProperty(wrapper, 'name', { value: tag.fn.name, configurable: true });
  Object.defineProperty(wrapper, 'length', { value: tag.fn.length, configurable: true });
  return wrapper as unknown as F;
}

/** A closure() function called on the driver: compiled with the real values (broadcasts as they are). */
function compileLocal(wrapper: Function, tag: ClosureTag): Function {
  const sf = shipFunction(wrapper, 'closure');
  const names = Object.keys(sf.vars ?? {}).sort();
  const entry = factoryFor(sf, names, false, ENGINE_SHIPPED_GLOBALS);
  return entry.factory(...entry.fixed, ...names.map((n) => tag.vars[n]))();
}

// ---------------------------------------------------------------------------------------------
// shipFunction

function sourceOf(fn: Function, opName: string): string {
  const text = Function.prototype.toString.call(fn);
  if (/\{\s*\[native code\]\s*\}\s*$/.test(text)) {
    if (fn.name.startsWith('bound ')) throw errors.boundFunction(opName, fn.name.slice(6));
    throw errors.nativeFunction(opName, fn.name);
  }
  return text;
}

function isAllowedFree(name: string, declared: ReadonlySet<string> | Record<string, unknown>, allowNetwork: boolean | undefined, globals: ShippedGlobals): boolean {
  const isDeclared = declared instanceof Set ? declared.has(name) : Object.prototype.hasOwnProperty.call(declared, name);
  return isDeclared || isStandardGlobal(name) || globals.has(name) || (Boolean(allowNetwork) && NETWORK_GLOBALS.includes(name));
}

function analyze(source: string, opName: string, globals: ShippedGlobals): FunctionAnalysis {
  return analyzeFunctionSource(source, { isShippedGlobal: (n) => globals.has(n), opName });
}

/**
 * Ships a function given as a function, as its source text (graphs store UDFs as text) or already
 * shipped (returned as is). Throws `Task not serializable` naming every free variable that is not
 * allowed (sorted), a SyntaxError with line and column for bad source text, and a TypeError for
 * non-functions, native and bound functions.
 */
export function shipFunction<F extends Function>(fn: F | string | ShippedFn<F>, opName: string, options: ShipOptions = {}): ShippedFn<F> {
  if (isShippedFn(fn)) return fn as ShippedFn<F>;
  let source: string;
  let vars: Record<string, unknown> = { ...options.vars };
  if (typeof fn === 'function') {
    const tag = closureTag(fn);
    source = sourceOf(tag ? tag.fn : fn, opName);
    if (tag) vars = { ...tag.vars, ...vars };
  } else if (typeof fn === 'string') {
    source = fn;
  } else {
    throw errors.notAFunction(opName);
  }
  const globals = options.globals ?? ENGINE_SHIPPED_GLOBALS;
  for (const name of Object.keys(vars)) checkVarName(name, globals);
  const a = analyze(source, opName, globals);
  if (a.dynamicImport) throw errors.dynamicImport(opName);
  const outside = a.free.filter((n) => !isAllowedFree(n, vars, options.allowNetwork, globals));
  // Only a function written in a program has surroundings; a source string (a graph's UDF) is standalone.
  const lookup = outside.length > 0 && typeof fn === 'function' ? currentProgramLookup() : undefined;
  const helpers = lookup ? resolveHelpers(outside, lookup, opName, (n) => isAllowedFree(n, EMPTY, options.allowNetwork, globals), globals) : {};
  const bad = outside.filter((n) => !Object.prototype.hasOwnProperty.call(helpers, n));
  if (bad.length > 0) throw errors.taskNotSerializable(opName, bad);

  const used = a.free.filter((n) => Object.prototype.hasOwnProperty.call(vars, n)).sort();
  const shipped: ShippedFn<F> = { kind: 'shipped', source: a.source, opName };
  if (Object.keys(helpers).length > 0) shipped.helpers = helpers;
  if (used.length > 0) {
    shipped.vars = {};
    for (const name of used) {
      const value = vars[name];
      checkVarValue(opName, name, value);
      shipped.vars[name] = isBroadcastLike(value) ? { kind: 'broadcast', broadcastId: value.id } : { kind: 'value', value: structuredClone(value) };
    }
  }
  return shipped;
}

const EMPTY: ReadonlySet<string> = new Set();

/**
 * The program's helpers that `names` (free in a function given to `opName`) resolve to, with the helpers they
 * call in turn, sorted by name. Names the program does not declare as functions are left out (the caller
 * reports them); a helper that itself uses anything but standard/engine globals and other helpers throws.
 */
function resolveHelpers(names: readonly string[], lookup: ProgramLookup, opName: string, isGlobal: (name: string) => boolean, globals: ShippedGlobals): Record<string, string> {
  const found = new Map<string, string>();
  const add = (name: string, source: string, chain: readonly string[]): void => {
    const a = analyze(source, `the helper '${name}'`, globals);
    if (a.dynamicImport) throw errors.dynamicImport(`the helper '${name}' of ${opName}`);
    found.set(name, a.source); // before its own free names: a cycle ends here
    for (const free of a.free) {
      if (isGlobal(free) || found.has(free)) continue;
      const d = lookup(free);
      if (d?.kind !== 'function') throw errors.helperNotSerializable(opName, [...chain, name], free, d ? d.what : 'not a top-level declaration of the program');
      add(free, d.source, [...chain, name]);
    }
  };
  for (const name of names) {
    const d = lookup(name);
    if (d?.kind === 'function' && !found.has(name)) add(name, d.source, []);
  }
  return Object.fromEntries([...found].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
}

/** The free variables of a function's source (sorted, unique; module namespace accesses by imported name). */
export function freeVariables(source: string): string[] {
  return analyze(source, 'freeVariables', ENGINE_SHIPPED_GLOBALS).free;
}

export type SourceCheck = { ok: true } | { ok: false; message: string; line: number; column: number };
export type CodedSourceCheck = { ok: true } | { ok: false; message: string; line: number; column: number; code: ErrorCode };

/** checkFunctionSource with the problem's code (graph validation carries it to the console's explanations). */
export function checkFunctionSourceWithCode(source: string, options: { freeVariables?: boolean; declared?: string[]; allowNetwork?: boolean; opName?: string; globals?: ShippedGlobals } = {}): CodedSourceCheck {
  const opName = options.opName ?? 'this operation';
  const globals = options.globals ?? ENGINE_SHIPPED_GLOBALS;
  let a: FunctionAnalysis;
  try {
    a = analyze(source, opName, globals);
  } catch (e) {
    if (e instanceof ShippedSyntaxError) return { ok: false, message: e.reason, line: e.line, column: e.column, code: e.code };
    if (e instanceof Error) {
      const start = lineColumn(source, source.length - source.trimStart().length);
      return { ok: false, message: e.message, line: start.line, column: start.column, code: codeOf(e) ?? 'SHIPPED_SYNTAX_ERROR' };
    }
    throw e;
  }
  if (a.dynamicImport) return { ok: false, message: errors.dynamicImport(opName).message, line: 1, column: 1, code: 'DYNAMIC_IMPORT' };
  if (options.freeVariables === false) return { ok: true };
  const declared = new Set(options.declared ?? []);
  const bad = a.references.filter((r) => !isAllowedFree(r.name, declared, options.allowNetwork, globals));
  if (bad.length === 0) return { ok: true };
  const names = bad.map((r) => r.name).sort();
  return { ok: false, message: errors.taskNotSerializable(opName, names).message, line: bad[0].line, column: bad[0].column, code: 'TASK_NOT_SERIALIZABLE' };
}

/**
 * For inline editor errors: syntax errors, sources that are not one function, and (unless
 * `freeVariables: false`) variables that would make shipping fail, reported at their first use.
 * `declared` lists closure variable names the node declares.
 */
export function checkFunctionSource(source: string, options: Parameters<typeof checkFunctionSourceWithCode>[1] = {}): SourceCheck {
  const r = checkFunctionSourceWithCode(source, options);
  return r.ok ? r : { ok: false, message: r.message, line: r.line, column: r.column };
}

// ---------------------------------------------------------------------------------------------
// compileShipped

/**
 * Builds a function from parameter names and a body: the Function constructor by default. A Node host that
 * runs untrusted graphs installs one built on vm.compileFunction (setCodeCompiler), so that the process can run
 * with --disallow-code-generation-from-strings: then `Function('...')`, `eval` and `import()` inside user code
 * throw, while the engine still compiles the functions it ships.
 */
export type CodeCompiler = (params: readonly string[], body: string) => Function;

const functionConstructor: CodeCompiler = (params, body) => new Function(...params, body);
let codeCompiler: CodeCompiler = functionConstructor;
let codeCompilerGeneration = 0;

/** Replaces how shipped and driver-side functions are compiled in this realm (undefined: the Function constructor). */
export function setCodeCompiler(compiler: CodeCompiler | undefined): void {
  codeCompiler = compiler ?? functionConstructor;
  codeCompilerGeneration++;
  cache.clear();
}

/** Compiles a function body with this realm's compiler (see setCodeCompiler). */
export function compileCode(params: readonly string[], body: string): Function {
  return codeCompiler(params, body);
}

type Factory = (...args: unknown[]) => () => Function;
interface FactoryEntry { factory: Factory; fixed: unknown[] }

const CACHE_LIMIT = 500;
const cache = new Map<string, FactoryEntry>();
const stats = { hits: 0, misses: 0 };

/** Compile cache counters (hits, misses, entries). */
export function compileCacheStats(): { hits: number; misses: number; size: number } {
  return { hits: stats.hits, misses: stats.misses, size: cache.size };
}

export function clearCompileCache(): void {
  cache.clear();
  stats.hits = 0;
  stats.misses = 0;
}

/** esbuild's keepNames helper. */
function nameHelper<T extends Function>(fn: T, name: string): T {
  return Object.defineProperty(fn, 'name', { value: name, configurable: true });
}

function safeGlobal(shippedNames: string[], allowNetwork: boolean, globals: ShippedGlobals): object {
  const g: Record<string, unknown> = Object.create(null);
  const real = globalThis;
  for (const n of STANDARD_GLOBALS) if (n !== 'globalThis' && n !== '__name' && n in real) g[n] = Reflect.get(real, n);
  if (allowNetwork) for (const n of NETWORK_GLOBALS) if (n in real) g[n] = Reflect.get(real, n);
  for (const n of shippedNames) g[n] = globals.get(n);
  g.globalThis = g;
  return Object.freeze(g);
}

function factoryFor(sf: ShippedFn, varNames: string[], allowNetwork: boolean, globals: ShippedGlobals): FactoryEntry {
  const key = JSON.stringify([sf.source, varNames, allowNetwork, globals.serial, codeCompilerGeneration, sf.helpers ?? null]);
  const hit = cache.get(key);
  if (hit) {
    stats.hits++;
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  stats.misses++;
  const entry = buildFactory(sf, varNames, allowNetwork, globals);
  cache.set(key, entry);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  return entry;
}

function buildFactory(sf: ShippedFn, varNames: string[], allowNetwork: boolean, globals: ShippedGlobals): FactoryEntry {
  const op = sf.opName || 'an operation';
  for (const n of varNames) if (!isBindableName(n) || isStandardGlobal(n) || isShadowedGlobal(n)) throw errors.compileFailed(op, `'${n}' cannot be a closure variable name`);
  const a = analyze(sf.source, op, globals); // re-checked: a ShippedFn may come from anywhere
  if (a.dynamicImport) throw errors.dynamicImport(op);
  const varSet = new Set(varNames);
  const helpers = Object.entries(sf.helpers ?? {});
  const inScope = new Set([...varNames, ...helpers.map(([n]) => n)]);
  const helperSources: string[] = [];
  const missing = a.free.filter((n) => !isAllowedFree(n, inScope, allowNetwork, globals));
  for (const [name, source] of helpers) {
    if (typeof source !== 'string' || !isBindableName(name) || isStandardGlobal(name) || isShadowedGlobal(name) || varSet.has(name) || globals.has(name)) {
      throw errors.compileFailed(op, `'${name}' cannot be a helper name`);
    }
    const h = analyze(source, `the helper '${name}'`, globals); // helpers are re-checked as the function is
    if (h.dynamicImport) throw errors.dynamicImport(op);
    missing.push(...h.free.filter((n) => !isAllowedFree(n, inScope, allowNetwork, globals)));
    helperSources.push(`const ${name} = (\n${h.source}\n);\n`);
  }
  const network = [...new Set(missing.filter((n) => NETWORK_GLOBALS.includes(n)))].sort();
  if (network.length > 0) throw errors.networkNotAllowed(op, network);
  if (missing.length > 0) throw errors.missingOnExecutor(op, [...new Set(missing)].sort());

  const bound = globals.names().filter((n) => !varSet.has(n));
  const shadowed = SHADOWED_GLOBALS.filter((n) => !varSet.has(n) && !(allowNetwork && NETWORK_GLOBALS.includes(n)));
  const params = [...bound, '__name', ...shadowed, 'globalThis', ...varNames];
  const fixed: unknown[] = [...bound.map((n) => globals.get(n)), nameHelper, ...shadowed.map(() => undefined), safeGlobal(bound, allowNetwork, globals)];
  // The outer function is sloppy so that `eval` can be a parameter; the user's function is strict.
  // Helpers are bound inside the strict function, under the same shadowing as the function itself.
  const body = `return function () {\n"use strict";\n${helperSources.join('')}return (\n${a.source}\n);\n};`;
  let factory: Factory;
  try {
    factory = compileCode(params, body) as Factory;
  } catch (e) {
    throw errors.compileFailed(op, e instanceof Error ? e.message : String(e));
  }
  return { factory, fixed };
}

function varValue(v: ShippedVar, runtime: BroadcastRuntime | undefined): unknown {
  if (v.kind === 'broadcast') {
    const id = v.broadcastId;
    return Broadcast.remote(id, (i) => {
      if (!runtime) throw errors.noBroadcastRuntime(i);
      return runtime.getBroadcast(i);
    });
  }
  return structuredClone(v.value);
}

/**
 * Rebuilds a shipped function. Call it once per task: the compiled code is cached (by source,
 * variable names and the table of shipped globals; LRU of 500), closure values are copied per call
 * and broadcast variables are fetched through `runtime.getBroadcast(id)` on first use.
 */
export function compileShipped<F extends Function = Function>(sf: ShippedFn, runtime?: BroadcastRuntime, options: CompileOptions = {}): F {
  if (!isShippedFn(sf)) throw errors.notShipped(sf === null ? 'null' : typeof sf);
  const vars = sf.vars ?? {};
  const names = Object.keys(vars).sort();
  const entry = factoryFor(sf, names, Boolean(options.allowNetwork), options.globals ?? ENGINE_SHIPPED_GLOBALS);
  return entry.factory(...entry.fixed, ...names.map((n) => varValue(vars[n], runtime)))() as F;
}

