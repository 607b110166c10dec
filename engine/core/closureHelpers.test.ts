import { describe, it, expect } from 'vitest';
import { shipFunction, compileShipped, clearCompileCache, type ShippedFn } from './closure';
import { errors } from './errors';
// The Node host installs the helper lookup (engine/runtime/hostRuntime.ts), as for any program.
import '../runtime/hostRuntime';

// This test file is the program whose top-level helpers the functions below call (ClosureCleanerSuite's
// "helper method of the enclosing object" cases, in JavaScript's terms).
const getTags = (text: string): string[] => text.split(' ').filter((w) => w.startsWith('#'));
function lower(word: string): string { return word.toLowerCase(); }
const lowerTags = (text: string): string[] => getTags(text).map((t) => lower(t));
function isEven(n: number): boolean { return n === 0 ? true : isOdd(n - 1); }
function isOdd(n: number): boolean { return n === 0 ? false : isEven(n - 1); }
let counter = 0;
const countCalls = (x: number): number => { counter += 1; return x + counter; };
const seen: string[] = [];
const remember = (w: string): string => { seen.push(w); return w; };
const viaMutable = (w: string): string => remember(w);

function roundTrip<F extends Function>(sf: ShippedFn): F {
  clearCompileCache();
  return compileShipped<F>(structuredClone(sf)); // what an executor in another worker receives
}

describe('helpers ship with the closure', () => {
  it('a top-level const arrow helper is shipped as source and runs where the function runs', () => {
    const sf = shipFunction((status: string) => getTags(status), 'flatMap');
    expect(Object.keys(sf.helpers ?? {})).toEqual(['getTags']);
    expect(sf.vars).toBeUndefined();
    expect(roundTrip<(s: string) => string[]>(sf)('hi #spark and #streaming')).toEqual(['#spark', '#streaming']);
  });

  it('a function declaration is a helper too', () => {
    const sf = shipFunction((w: string) => lower(w), 'map');
    expect(roundTrip<(w: string) => string>(sf)('SPARK')).toBe('spark');
  });

  it('a helper that calls helpers ships all of them (nested), sorted by name', () => {
    const sf = shipFunction((t: string) => lowerTags(t), 'flatMap');
    expect(Object.keys(sf.helpers ?? {})).toEqual(['getTags', 'lower', 'lowerTags']);
    expect(roundTrip<(s: string) => string[]>(sf)('#Spark #DStream')).toEqual(['#spark', '#dstream']);
  });

  it('mutually recursive helpers (a cycle) are shipped once each', () => {
    const sf = shipFunction((n: number) => isEven(n), 'filter');
    expect(Object.keys(sf.helpers ?? {})).toEqual(['isEven', 'isOdd']);
    const f = roundTrip<(n: number) => boolean>(sf);
    expect([0, 1, 2, 7, 10].map(f)).toEqual([true, false, true, false, true]);
  });

  it('a helper that captures a let is rejected, naming it, with a fix that fits functions', () => {
    const e = errors.helperNotSerializable('map', ['countCalls'], 'counter', 'a let variable');
    expect(() => shipFunction((x: number) => countCalls(x), 'map')).toThrow(e.message);
    expect(e.message).toMatch(/^Task not serializable: /);
    expect(e.message).toContain('make countCalls take what it needs as parameters, or define it inside the function');
  });

  it('a helper reaching a mutated object through another helper names the chain', () => {
    expect(() => shipFunction((w: string) => viaMutable(w), 'map'))
      .toThrow(errors.helperNotSerializable('map', ['viaMutable', 'remember'], 'seen', 'a const value, which the program may change').message);
  });

  it('the function itself using the let keeps the data error (a broadcast variable fits data)', () => {
    expect(() => shipFunction((x: number) => x + counter, 'map')).toThrow(errors.taskNotSerializable('map', ['counter']).message);
  });

  it('a function defined inside another scope is not a program helper', () => {
    const local = (x: number) => x * 2;
    expect(() => shipFunction((x: number) => local(x), 'map')).toThrow(errors.taskNotSerializable('map', ['local']).message);
  });

  it("a source string (a graph's function) is standalone: a helper's name stays a free variable", () => {
    expect(() => shipFunction('(s) => getTags(s)', 'flatMap')).toThrow(errors.taskNotSerializable('flatMap', ['getTags']).message);
  });
});

describe('executors re-check shipped helpers', () => {
  const base = { kind: 'shipped' as const, source: '(x) => h(x)', opName: 'map' };
  it('a helper that uses a network name is refused', () => {
    expect(() => roundTrip({ ...base, helpers: { h: '(x) => fetch(x)' } })).toThrow(errors.networkNotAllowed('map', ['fetch']).message);
  });
  it('a helper that uses an undeclared name is refused', () => {
    expect(() => roundTrip({ ...base, helpers: { h: '(x) => secret + x' } })).toThrow(errors.missingOnExecutor('map', ['secret']).message);
  });
  it('a helper may not take a shadowed or global name', () => {
    expect(() => roundTrip({ ...base, source: '(x) => process(x)', helpers: { process: '(x) => x' } })).toThrow(errors.compileFailed('map', "'process' cannot be a helper name").message);
  });
});
