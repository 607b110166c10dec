/**
 * Names a shipped function may use without declaring them (standard JavaScript globals), and
 * names the compiled function sees shadowed (security groundwork, see closure.ts).
 *
 * Decisions:
 * - `Date` and `Math` (with `Math.random`) are allowed because user code needs them, but they read
 *   the real clock / an unseeded generator, so a pipeline that uses them is not reproducible from
 *   its seed. Prefer the record's own fields and the batch time.
 * - Timers (`setTimeout`, `setInterval`) are not allowed: a task must not outlive itself, and the
 *   engine's clock is simulated. `queueMicrotask` is allowed.
 * - `eval` and `Function` are not allowed: they compile code outside the checked source.
 * - `crypto` and `performance` are not allowed (unseeded randomness, real time).
 * - `__name` is esbuild's keepNames helper; compiled functions get an equivalent.
 */

export const STANDARD_GLOBALS: readonly string[] = [
  // value properties
  'undefined', 'NaN', 'Infinity', 'globalThis',
  // function properties
  'parseInt', 'parseFloat', 'isNaN', 'isFinite',
  'encodeURI', 'encodeURIComponent', 'decodeURI', 'decodeURIComponent', 'escape', 'unescape',
  // fundamental objects and numbers
  'Object', 'Boolean', 'Symbol', 'Number', 'BigInt', 'Math', 'Date', 'String', 'RegExp',
  // errors
  'Error', 'AggregateError', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError',
  // collections
  'Array', 'Map', 'Set', 'WeakMap', 'WeakSet', 'WeakRef',
  'ArrayBuffer', 'DataView', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
  'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array',
  // structured data, control, reflection
  'JSON', 'Promise', 'Reflect', 'Proxy', 'Intl', 'Iterator',
  // host APIs present in Node, browsers and workers alike
  'console', 'structuredClone', 'queueMicrotask', 'TextEncoder', 'TextDecoder', 'URL', 'URLSearchParams', 'atob', 'btoa',
  // esbuild keepNames helper (identity apart from setting fn.name)
  '__name',
];

/** Network APIs: shadowed in compiled functions unless `{ allowNetwork: true }`. */
export const NETWORK_GLOBALS: readonly string[] = ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'WebTransport'];

/**
 * Names bound to `undefined` in the wrapper of every compiled function (network names only when
 * network is not allowed). `globalThis` is bound separately to a frozen object holding only the
 * allowed globals.
 */
export const SHADOWED_GLOBALS: readonly string[] = [
  ...NETWORK_GLOBALS,
  'importScripts', 'require', 'module', 'exports', 'process', 'global', 'self', 'window', 'document', 'navigator',
  'eval', 'Function', 'Worker', 'SharedWorker', 'postMessage', 'close', 'indexedDB', 'caches', 'localStorage',
  'sessionStorage', 'Deno', 'Bun',
];

const standardSet = new Set(STANDARD_GLOBALS);
const shadowedSet = new Set(SHADOWED_GLOBALS);

export function isStandardGlobal(name: string): boolean { return standardSet.has(name); }
export function isShadowedGlobal(name: string): boolean { return shadowedSet.has(name); }

const RESERVED = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum',
  'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null',
  'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield',
  'let', 'static', 'implements', 'interface', 'package', 'private', 'protected', 'public', 'await',
  'arguments', 'eval',
]);

/** A name usable as a strict-mode parameter: an ASCII identifier that is not a reserved word. */
export function isBindableName(name: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(name) && !RESERVED.has(name);
}
