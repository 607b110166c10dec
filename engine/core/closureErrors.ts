/**
 * Error constructors for closure shipping and broadcast variables that engine/core/errors.ts does
 * not have (yet). Each message appears only here; tests import these constructors.
 */
import { NotSerializableException, SparkException } from './errors';

/** A syntax error in a function's source text; line and column are 1-based, offset 0-based. */
export class ShippedSyntaxError extends SyntaxError {
  constructor(readonly reason: string, readonly line: number, readonly column: number, readonly offset: number, opName?: string) {
    super(`${opName ? `Syntax error in the function given to ${opName}: ` : ''}${reason} (line ${line}, column ${column})`);
    this.name = 'SyntaxError';
  }
}

export const closureErrors = {
  nativeFunction: (op: string, name: string) => new TypeError(
    `${op} was given the built-in function ${name ? `'${name}'` : '(anonymous)'}, which has no source text to ship to executors. ` +
    `Wrap it in an arrow function that calls it, e.g. (a, b) => Math.max(a, b).`),
  boundFunction: (op: string, name: string) => new TypeError(
    `${op} was given a bound function ('${name}'), which has no source text to ship to executors. ` +
    `Use an arrow function instead, e.g. (x) => f(x, 1), with any outside value passed through closure({ ... }, fn).`),
  sourceNotAFunction: (op: string, found: string) => new TypeError(
    `${op} expects the source of a function (an arrow function, a function expression or a method), but the source is ${found}.`),
  accessorNotShippable: (op: string, kind: string) => new TypeError(
    `${op} was given a ${kind}ter; only functions and methods can be shipped. Pass an arrow function instead.`),
  dynamicImport: (op: string) => new NotSerializableException(
    `Task not serializable: the function passed to ${op} uses import(), which cannot run on executors. Import modules on the driver and pass plain data (or a broadcast variable) instead.`),
  closureVarNotData: (op: string | undefined, name: string, path: string, what: string) => new NotSerializableException(
    `Task not serializable: the closure variable '${name}'${op ? ` of the function passed to ${op}` : ''} holds ${what}` +
    `${path ? ` at ${name}${path}` : ''}, which cannot be shipped to executors. Closure variables must be plain data ` +
    `(numbers, strings, booleans, null, arrays, plain objects, Map, Set, Date) or a broadcast variable (sc.broadcast(value)).`),
  broadcastNotData: (path: string, what: string) => new NotSerializableException(
    `Task not serializable: a broadcast value must be plain data (numbers, strings, booleans, null, arrays, plain objects, Map, Set, Date), ` +
    `but it holds ${what}${path ? ` at value${path}` : ''}.`),
  invalidClosureVarName: (name: string) => new TypeError(
    `closure(): '${name}' cannot be a closure variable name: use an identifier that is not a reserved word, a standard global or an engine global.`),
  closureVarsNotObject: () => new TypeError('closure(vars, fn) expects a plain object of variables as its first argument, e.g. closure({ limit: 10 }, (x) => x < limit).'),
  notShipped: (what: string) => new TypeError(`compileShipped expects a shipped function ({ kind: 'shipped', source, opName }), but was given ${what}.`),
  missingOnExecutor: (op: string, names: string[]) => new SparkException(
    `The function shipped for ${op} uses ${names.map((n) => `'${n}'`).join(', ')}, which ${names.length === 1 ? 'is' : 'are'} not available on this executor. ` +
    `Engine values must be registered (registerShippedGlobal) in the executor too: import the same engine modules in the worker's entry point.`),
  networkNotAllowed: (op: string, names: string[]) => new SparkException(
    `The function shipped for ${op} uses ${names.map((n) => `'${n}'`).join(', ')}, but network access is not allowed on this executor (compileShipped option allowNetwork).`),
  compileFailed: (op: string, reason: string) => new SparkException(`Cannot compile the function shipped for ${op}: ${reason}`),
  noBroadcastRuntime: (id: number) => new SparkException(
    `Broadcast(${id}) is used inside a shipped function, but the function was compiled without a broadcast runtime (compileShipped(fn, runtime)).`),
  broadcastDestroyed: (id: number) => new SparkException(`Attempted to use Broadcast(${id}) after it was destroyed`),
  unknownBroadcast: (id: number) => new SparkException(`Failed to get broadcast_${id}: no broadcast variable with id ${id} exists`),
};
