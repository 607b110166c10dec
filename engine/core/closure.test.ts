import { beforeEach, describe, expect, test } from 'vitest';
import { Broadcast, BroadcastRegistry } from './broadcast';
import {
  checkFunctionSource, clearCompileCache, closure, compileCacheStats, compileShipped, getClosureVars,
  isShippedFn, shipFunction, type ShippedFn,
} from './closure';
import defaultHelper, { helper, LIMIT } from './closureFixture';
import { CompactBuffer } from './compactBuffer';
import { errors, NotSerializableException, ShippedSyntaxError } from './errors';
import { None, Some, type Option } from './option';
import * as time from './time';
import { Milliseconds, Minutes, Seconds, Time } from './time';

/** Ships, clones as a worker message would, compiles and calls. */
function roundTrip(fn: Function | string, op = 'map', runtime?: { getBroadcast(id: number): unknown }): Function {
  const sf = shipFunction(fn, op);
  return compileShipped(structuredClone(sf), runtime);
}
const show = (x: unknown): string => (Array.isArray(x) && !(x instanceof CompactBuffer) ? `[${x.map(show).join(', ')}]` : String(x));

describe('engine values and TypeScript compiled by the test transform round-trip', () => {
  // These functions are written here in TypeScript, with imported engine values; vitest compiles
  // them, so their source text really contains __vite_ssr_import_N__ accesses.
  const CASES: [string, Function, unknown[], string][] = [
    ['Some/None with a type annotation', (x: number): Option<number> => (x > 0 ? Some(x) : None), [1], 'Some(1)'],
    ['None branch', (x: number): Option<number> => (x > 0 ? Some(x) : None), [-1], 'None'],
    ['updateStateByKey-style update', (vs: number[], s: Option<number>) => Some(vs.reduce((a, b) => a + b, s.getOrElse(0))), [[1, 2], Some(3)], 'Some(6)'],
    ['CompactBuffer', (xs: number[]) => CompactBuffer.from(xs), [[1, 2]], 'CompactBuffer(1, 2)'],
    ['durations', (n: number) => Seconds(n).plus(Milliseconds(5)).milliseconds, [2], '2005'],
    ['Time and Minutes', (ms: number) => new Time(ms).floor(Minutes(1)).milliseconds, [125000], '120000'],
    ['namespace import', (n: number) => time.Seconds(n).milliseconds, [3], '3000'],
    ['standard globals', (xs: number[]) => JSON.stringify(xs.map(Math.abs)), [[-1, 2]], '[1,2]'],
    ['generics, casts and non-null assertions', <K,>(xs: Array<[K, number | undefined]>) => xs.map(([k, v]) => [k, v! * 2] as [K, number]), [[['a', 1]]], '[[a, 2]]'],
    ['named recursive function', function fact(n: number): number { return n <= 1 ? 1 : n * fact(n - 1); }, [5], '120'],
  ];
  test.each(CASES)('%s', (_d, fn, args, expected) => {
    expect(show(roundTrip(fn)(...args))).toBe(expected);
  });

  test('the transform really produced module namespace accesses, and shipping removed them', () => {
    const fn = (x: number) => (x > 0 ? Some(x) : None);
    expect(String(fn)).toMatch(/__vite_ssr_import_\d+__\.Some/);
    const sf = shipFunction(fn, 'map');
    expect(sf.source).not.toMatch(/__vite_ssr_import/);
    expect(sf.source).toMatch(/Some\(x\)/);
  });

  test('values built inside are the engine classes (same realm)', () => {
    const made = roundTrip((xs: number[]) => CompactBuffer.from(xs))([1]);
    expect(made).toBeInstanceOf(CompactBuffer);
  });

  test('generator for mapPartitions', () => {
    const gen = roundTrip(function* (it: Iterable<number>) { for (const x of it) yield Some(x * 10); }, 'mapPartitions');
    expect([...gen([1, 2])].map(String)).toEqual(['Some(10)', 'Some(20)']);
  });

  test('async function', async () => {
    const f = roundTrip(async (x: number) => { await Promise.resolve(); return Some(x * 2); }, 'foreach');
    expect(String(await f(4))).toBe('Some(8)');
  });

  test('async generator', async () => {
    const f = roundTrip(async function* (xs: number[]) { for (const x of xs) yield x + 1; }, 'mapPartitions');
    const out: number[] = [];
    for await (const x of f([1, 2])) out.push(x);
    expect(out).toEqual([2, 3]);
  });

  test('object and class methods', () => {
    const obj = { double(x: number) { return Some(x * 2); }, *pairs(xs: number[]) { for (const x of xs) yield [x, x] as [number, number]; } };
    class K { static triple(x: number) { return x * 3; } }
    expect(String(roundTrip(obj.double)(2))).toBe('Some(4)');
    expect([...roundTrip(obj.pairs)([1])]).toEqual([[1, 1]]);
    expect(roundTrip(K.triple)(2)).toBe(6);
    expect(roundTrip('static triple(x) { return x * 3 }')(3)).toBe(9);
  });

  test('source strings with esbuild output (tsx): imports and __name', () => {
    expect(String(roundTrip('x=>x>0?(0,import_option.Some)(x):import_option.None')(2))).toBe('Some(2)');
    const f = roundTrip('(x) => { const inner = /* @__PURE__ */ __name((y) => y + 1, "inner"); return inner.name + inner(x) }');
    expect(f(1)).toBe('inner2');
  });

  test('this is undefined and code is strict', () => {
    expect(roundTrip(function (this: unknown) { return this; })()).toBeUndefined();
    expect(() => roundTrip('() => { const o = Object.freeze({ a: 1 }); o.a = 2 }')()).toThrow(TypeError);
  });
});

describe('Task not serializable', () => {
  const outerNum = 3;
  const zeta = 1, alpha = 2, mid = 3;
  const CASES: [string, Function | string, string, string[]][] = [
    ['a local of the enclosing scope', (x: number) => x + outerNum, 'map', ['outerNum']],
    ['every free variable, sorted and unique', (x: number) => zeta + alpha + zeta + mid + x, 'filter', ['alpha', 'mid', 'zeta']],
    ['an imported function', (x: number) => helper(x), 'map', ['helper']],
    ['an imported constant', (x: number) => x < LIMIT, 'filter', ['LIMIT']],
    ['network names', 'x => fetch(x)', 'foreach', ['fetch']],
    ['eval and Function', '() => eval("1") + new Function("")()', 'map', ['Function', 'eval']],
    ['timers', '() => setTimeout(done, 1)', 'map', ['done', 'setTimeout']],
    ['host objects', '() => process.exit() || require("fs") || self || window.document', 'map', ['process', 'require', 'self', 'window']],
    ['top-level arguments', '() => arguments[0]', 'reduce', ['arguments']],
    ['a method name is not bound inside it', 'foo(x) { return foo(x) }', 'map', ['foo']],
  ];
  test.each(CASES)('%s', (_d, fn, op, names) => {
    let thrown: unknown;
    try { shipFunction(fn, op); } catch (e) { thrown = e; }
    expect(thrown).toBeInstanceOf(NotSerializableException);
    expect((thrown as Error).message).toBe(errors.taskNotSerializable(op, names).message);
  });

  test('a default import is named by its module access', () => {
    expect(() => shipFunction((x: number) => defaultHelper(x), 'map')).toThrow(/Task not serializable: .*'__vite_ssr_import_\d+__\.default'/);
  });

  test('allowNetwork lets network names pass the check', () => {
    expect(shipFunction('x => fetch(x)', 'foreach', { allowNetwork: true }).source).toBe('x => fetch(x)');
  });

  test('dynamic import is refused', () => {
    expect(() => shipFunction('x => import("node:fs")', 'map')).toThrow(errors.dynamicImport('map').message);
  });
});

describe('bad arguments', () => {
  const CASES: [string, unknown, string][] = [
    ['a number', 42, errors.notAFunction('map').message],
    ['null', null, errors.notAFunction('map').message],
    ['a plain object', { kind: 'other' }, errors.notAFunction('map').message],
    ['a native function', Math.max, errors.nativeFunction('map', 'max').message],
    ['a bound function', function named(x: number) { return x; }.bind(null), errors.boundFunction('map', 'named').message],
    ['a class', class Foo {}, errors.sourceNotAFunction('map', 'a class').message],
    ['an empty source', '   ', errors.sourceNotAFunction('map', 'empty').message],
    ['a non-function source', '42', errors.sourceNotAFunction('map', 'the value 42').message],
    ['source that calls after the function', 'x => x)(fetch("y")', errors.sourceNotAFunction('map', 'a call, not a function').message],
    ['source with a second statement', 'x => x\n)\n;(y => y', errors.sourceNotAFunction('map', 'several statements').message],
    ['a getter', 'get foo() { return 1 }', errors.accessorNotShippable('map', 'get').message],
  ];
  test.each(CASES)('%s', (_d, value, message) => {
    expect(() => shipFunction(value as Function, 'map')).toThrow(message);
  });
});

describe('syntax errors carry line and column (1-based)', () => {
  const CASES: [string, string, string, number, number][] = [
    ['unfinished expression', 'x => x +', 'Unexpected token', 1, 9],
    ['second line', 'x => {\n  return x +;\n}', 'Unexpected token', 2, 13],
    ['strict mode: with', 'x => { with (x) {} }', "'with' in strict mode", 1, 8],
    ['strict mode: let as a name', 'function (x) {\n  var let = 1\n}', "The keyword 'let' is reserved", 2, 7],
    ['inside a method', 'foo(x) {\n  return x +* 2\n}', 'Unexpected token', 2, 13],
    ['super outside a class', 'foo() { return super.foo() }', "'super' keyword outside a method", 1, 16],
    ['unterminated', '(a, b) => {\n  a + b', 'Unexpected token', 2, 8],
  ];
  test.each(CASES)('%s', (_d, source, reason, line, column) => {
    let thrown: unknown;
    try { shipFunction(source, 'map'); } catch (e) { thrown = e; }
    expect(thrown).toBeInstanceOf(SyntaxError);
    expect(thrown).toMatchObject({ reason, line, column });
    expect((thrown as Error).message).toBe(new ShippedSyntaxError(reason, line, column, (thrown as ShippedSyntaxError).offset, 'map').message);
    expect(checkFunctionSource(source)).toEqual({ ok: false, message: reason, line, column });
  });
});

describe('checkFunctionSource', () => {
  const CASES: [string, string, Parameters<typeof checkFunctionSource>[1], ReturnType<typeof checkFunctionSource>][] = [
    ['fine', '(a, b) => a + b', {}, { ok: true }],
    ['engine globals are fine', '(vs, s) => Some(vs.length)', {}, { ok: true }],
    ['a free variable, at its first use', 'x => {\n  return x * factor\n}', { opName: 'map' }, { ok: false, message: errors.taskNotSerializable('map', ['factor']).message, line: 2, column: 14 }],
    ['declared closure variables pass', 'x => x * factor', { declared: ['factor'] }, { ok: true }],
    ['free variables not checked', 'x => x * factor', { freeVariables: false }, { ok: true }],
    ['not a function, reported where the source starts', '\n  42', { opName: 'map' }, { ok: false, message: errors.sourceNotAFunction('map', 'the value 42').message, line: 2, column: 3 }],
  ];
  test.each(CASES)('%s', (_d, source, options, expected) => {
    expect(checkFunctionSource(source, options)).toEqual(expected);
  });
});

describe('closure(vars, fn)', () => {
  class Point { constructor(readonly x: number) {} }
  const registry = new BroadcastRegistry();

  test('plain data is copied into the shipped function', () => {
    const limit = 3;
    const words = new Set(['a']);
    const cfg = { scale: [2], name: 'n' };
    const f = closure({ limit, words, cfg }, (w: string) => words.has(w) && w.length * cfg.scale[0] < limit);
    const sf = shipFunction(f, 'filter');
    expect(sf.vars).toEqual({ cfg: { kind: 'value', value: cfg }, limit: { kind: 'value', value: 3 }, words: { kind: 'value', value: new Set(['a']) } });
    expect(sf.vars!.cfg).not.toBe(cfg);
    const g = compileShipped<(w: string) => boolean>(structuredClone(sf));
    expect([g('a'), g('b')]).toEqual([true, false]);
  });

  test('a broadcast variable is shipped by id and fetched once, lazily', () => {
    const b = registry.newBroadcast(new Map([['a', 1], ['b', 2]]));
    const f = closure({ b }, (k: string) => (b.value.get(k) ?? 0) + (b.value.has(k) ? 0 : -1));
    const sf = shipFunction(f, 'map');
    expect(sf.vars).toEqual({ b: { kind: 'broadcast', broadcastId: b.id } });
    const calls: number[] = [];
    const runtime = { getBroadcast: (id: number) => { calls.push(id); return registry.getBroadcast(id); } };
    const g = compileShipped<(k: string) => number>(structuredClone(sf), runtime);
    expect(calls).toEqual([]);
    expect([g('a'), g('b'), g('z')]).toEqual([1, 2, -1]);
    expect(calls).toEqual([b.id]);
  });

  test('the broadcast handle inside reads like Spark', () => {
    const b = registry.newBroadcast([1, 2]);
    const g = roundTrip(closure({ b }, () => `${b} ${b.id} ${b.value.length}`), 'map', registry);
    expect(g()).toBe(`Broadcast(${b.id}) ${b.id} 2`);
  });

  test('a broadcast without a runtime fails when used', () => {
    const b = registry.newBroadcast(1);
    const g = compileShipped<() => number>(shipFunction(closure({ b }, () => b.value), 'map'));
    expect(() => g()).toThrow(errors.noBroadcastRuntime(b.id).message);
  });

  test('a destroyed broadcast cannot be shipped', () => {
    const b = registry.newBroadcast(1);
    const f = closure({ b }, () => b.value);
    b.destroy();
    expect(() => shipFunction(f, 'map')).toThrow(errors.broadcastDestroyed(b.id).message);
  });

  test('called directly on the driver, it runs with the values', () => {
    const b = registry.newBroadcast(10);
    const k = 2;
    const f = closure({ b, k }, (x: number) => x * k + b.value);
    expect(f(1)).toBe(12);
    expect(f.name).toBe('');
    expect(f.length).toBe(1);
  });

  test('each compiled instance gets its own copy of plain values (one per task)', () => {
    const arr = [1];
    const sf = shipFunction(closure({ arr }, () => { arr.push(2); return arr.length; }), 'map');
    expect(compileShipped<() => number>(sf)()).toBe(2);
    expect(compileShipped<() => number>(sf)()).toBe(2);
    expect(arr).toEqual([1]);
  });

  test('closure() applied twice merges the variables; unused variables are not shipped', () => {
    const a = 1, b = 2, unused = 3;
    const f = closure({ a }, closure({ b, unused }, () => a + b));
    expect(Object.keys(getClosureVars(f)!).sort()).toEqual(['a', 'b', 'unused']);
    const sf = shipFunction(f, 'map');
    expect(Object.keys(sf.vars!)).toEqual(['a', 'b']);
    expect(compileShipped<() => number>(sf)()).toBe(3);
  });

  test('source text with vars (graph nodes)', () => {
    const sf = shipFunction('x => x * factor', 'map', { vars: { factor: 4 } });
    expect(compileShipped<(x: number) => number>(sf)(2)).toBe(8);
  });

  const BAD_VALUES: [string, Record<string, unknown>, string][] = [
    ['a function', { fn: (x: number) => x }, errors.closureVarNotData(undefined, 'fn', '', 'a function (fn)').message],
    ['a class', { P: Point }, errors.closureVarNotData(undefined, 'P', '', 'a class (Point)').message],
    ['a class instance', { p: new Point(1) }, errors.closureVarNotData(undefined, 'p', '', 'an instance of Point').message],
    ['nested inside plain data', { cfg: { items: [1, { f: () => 1 }] } }, errors.closureVarNotData(undefined, 'cfg', '.items[1].f', 'a function (f)').message],
    ['an Option', { d: Some(1) }, errors.closureVarNotData(undefined, 'd', '', 'an instance of SomeImpl').message],
    ['a symbol in a Map', { m: new Map([['k', Symbol('s')]]) }, errors.closureVarNotData(undefined, 'm', '.get("k")', 'a symbol').message],
    ['a standard global name', { Math: 1 }, errors.invalidClosureVarName('Math').message],
    ['an engine global name', { Some: 1 }, errors.invalidClosureVarName('Some').message],
    ['not an identifier', { 'a-b': 1 }, errors.invalidClosureVarName('a-b').message],
  ];
  test.each(BAD_VALUES)('rejects %s', (_d, vars, message) => {
    expect(() => closure(vars, () => 1)).toThrow(message);
  });

  test('values mutated into something unshippable after closure() are caught when shipping, naming the op', () => {
    const cfg: Record<string, unknown> = { a: 1 };
    const f = closure({ cfg }, () => cfg.a);
    cfg.a = new Point(2);
    expect(() => shipFunction(f, 'map')).toThrow(errors.closureVarNotData('map', 'cfg', '.a', 'an instance of Point').message);
  });

  test('bad first argument', () => {
    expect(() => closure([1] as unknown as Record<string, unknown>, () => 1)).toThrow(errors.closureVarsNotObject().message);
    expect(() => closure({}, 3 as unknown as Function)).toThrow(errors.notAFunction('closure').message);
  });
});

describe('compileShipped', () => {
  beforeEach(() => clearCompileCache());

  test('the compiled code is cached by source and variable names', () => {
    const sf = shipFunction((x: number) => x + 1, 'map');
    for (let i = 0; i < 3; i++) expect(compileShipped<(x: number) => number>(structuredClone(sf))(i)).toBe(i + 1);
    expect(compileCacheStats()).toEqual({ hits: 2, misses: 1, size: 1 });
    const a = shipFunction('x => x * k', 'map', { vars: { k: 2 } });
    const b = shipFunction('x => x * k', 'map', { vars: { k: 3 } });
    expect([compileShipped<(x: number) => number>(a)(1), compileShipped<(x: number) => number>(b)(1)]).toEqual([2, 3]);
    expect(compileCacheStats()).toEqual({ hits: 3, misses: 2, size: 2 });
  });

  test('the cache is bounded (LRU of 500)', () => {
    for (let i = 0; i < 510; i++) compileShipped(shipFunction(`x => x + ${i}`, 'map'));
    expect(compileCacheStats().size).toBe(500);
  });

  test('a shipped function is plain data', () => {
    const sf = shipFunction((x: number) => Some(x), 'map');
    expect(structuredClone(sf)).toEqual(sf);
    expect(isShippedFn(sf)).toBe(true);
    expect(shipFunction(sf, 'other')).toBe(sf);
  });

  const HOSTILE: [string, ShippedFn, string][] = [
    ['not a function', { kind: 'shipped', source: 'x => x)(globalThis.process.exit(1)', opName: 'map' }, errors.sourceNotAFunction('map', 'a call, not a function').message],
    ['a free variable', { kind: 'shipped', source: '() => process.exit(1)', opName: 'map' }, errors.missingOnExecutor('map', ['process']).message],
    ['a bad variable name', { kind: 'shipped', source: '() => 1', opName: 'map', vars: { 'x) {': { kind: 'value', value: 1 } } }, errors.compileFailed('map', "'x) {' cannot be a closure variable name").message],
    ['dynamic import', { kind: 'shipped', source: '() => import("fs")', opName: 'map' }, errors.dynamicImport('map').message],
  ];
  test.each(HOSTILE)('re-checks what it is given: %s', (_d, sf, message) => {
    expect(() => compileShipped(sf)).toThrow(message);
  });

  test('rejects what is not a shipped function', () => {
    expect(() => compileShipped((() => 1) as unknown as ShippedFn)).toThrow(errors.notShipped('function').message);
  });
});

describe('defence in depth (not a sandbox)', () => {
  const run = (source: string, allowNetwork = false) =>
    compileShipped<() => unknown>(shipFunction(source, 'map', { allowNetwork: true }), undefined, { allowNetwork })();

  const CASES: [string, string, boolean, unknown][] = [
    ['fetch is available with allowNetwork', '() => typeof fetch', true, 'function'],
    ['globalThis is a frozen view of allowed globals', '() => Object.isFrozen(globalThis) && globalThis.Math === Math && globalThis.Some === Some', false, true],
    ['globalThis has no process', '() => typeof globalThis.process', false, 'undefined'],
    ['globalThis has no fetch by default', '() => typeof globalThis.fetch', false, 'undefined'],
    ['globalThis has fetch with allowNetwork', '() => typeof globalThis.fetch', true, 'function'],
  ];
  test.each(CASES)('%s', (_d, source, allowNetwork, expected) => {
    expect(run(source, allowNetwork)).toBe(expected);
  });

  test('an executor without network access refuses a function that uses it', () => {
    expect(() => run('() => typeof fetch + typeof WebSocket')).toThrow(errors.networkNotAllowed('map', ['WebSocket', 'fetch']).message);
  });
});

describe('Broadcast values as closure variables are branded, not duck-typed', () => {
  test('an object with an id and a value is plain data, not a broadcast', () => {
    const fake = { id: 1, value: 2 };
    expect(shipFunction(closure({ fake }, () => fake.value), 'map').vars).toEqual({ fake: { kind: 'value', value: fake } });
    expect(Broadcast.remote(7, () => 1).toString()).toBe('Broadcast(7)');
  });
});
