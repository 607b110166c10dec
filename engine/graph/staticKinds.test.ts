/** Static pair-type inference: a table of function sources and the kind they must give (never by running them). */
import { describe, expect, test } from 'vitest';
import { inferDataKind, inferFunctionKind, type FnArg, type FnReturns, type StaticKind } from './staticKinds';

const MAP = { arg: 'record', returns: 'record' } as const;
const FLAT = { arg: 'record', returns: 'records' } as const;
const PARTS = { arg: 'records', returns: 'records' } as const;

/** [source, shape, kind of the input records, expected kind]. */
const CASES: [string, { arg: FnArg; returns: FnReturns }, StaticKind, StaticKind][] = [
  // pairs
  ['w => [w, 1]', MAP, 'unknown', 'pair'],
  ['x => [k, v]', MAP, 'unknown', 'pair'],
  ['([k, v]) => [k, v + 1]', MAP, 'pair', 'pair'],
  ['function (w) { return [w, 1]; }', MAP, 'unknown', 'pair'],
  ['w => { const p = [w.toLowerCase(), 1]; return p; }', MAP, 'unknown', 'pair'],
  ['w => (w.length > 3 ? [w, 1] : ["short", 1])', MAP, 'unknown', 'pair'],
  ['(w: string): [string, number] => [w, 1]', MAP, 'unknown', 'pair'],
  ["l => l.split(' ').map(w => [w, 1])", FLAT, 'unknown', 'pair'],
  ["l => l.split(' ').filter(w => w).map((w) => { return [w, 1]; })", FLAT, 'unknown', 'pair'],
  ['o => Object.entries(o)', FLAT, 'unknown', 'pair'],
  ['it => [...it].map(x => x)', PARTS, 'pair', 'pair'],
  ['x => x', MAP, 'pair', 'pair'],
  // not pairs
  ['l => l.toUpperCase()', MAP, 'unknown', 'nonPair'],
  ['l => l.trim().toLowerCase()', MAP, 'unknown', 'nonPair'],
  ["l => l.split(' ')", FLAT, 'unknown', 'nonPair'],
  ["t => t.split(' ').filter(w => w.startsWith('#'))", FLAT, 'unknown', 'nonPair'],
  ['w => `${w}!`', MAP, 'unknown', 'nonPair'],
  ['w => w.length', MAP, 'unknown', 'unknown'],
  ['w => 1', MAP, 'unknown', 'nonPair'],
  ['w => w + 1', MAP, 'unknown', 'nonPair'],
  ['w => String(w)', MAP, 'unknown', 'nonPair'],
  ['w => Math.abs(w)', MAP, 'unknown', 'nonPair'],
  ['w => ({ word: w })', MAP, 'unknown', 'nonPair'],
  ['w => [w, 1, 2]', MAP, 'unknown', 'nonPair'],
  ['w => { console.log(w); }', MAP, 'unknown', 'nonPair'],
  ['x => x', MAP, 'nonPair', 'nonPair'],
  ['l => [l, l]', FLAT, 'unknown', 'unknown'],
  ["l => [l.trim(), 'x']", FLAT, 'unknown', 'nonPair'],
  // unknown: never guess
  ['x => x', MAP, 'unknown', 'unknown'],
  ["l => l.split(',')", MAP, 'unknown', 'unknown'],
  ['l => JSON.parse(l)', MAP, 'unknown', 'unknown'],
  ['l => JSON.stringify(l)', MAP, 'unknown', 'nonPair'],
  ['x => f(x)', MAP, 'unknown', 'unknown'],
  ['x => x.map(y => y)', MAP, 'unknown', 'unknown'],
  ['w => (w ? [w, 1] : w.length)', MAP, 'unknown', 'unknown'],
  ['w => { if (w) return [w, 1]; }', MAP, 'unknown', 'unknown'],
  ['w => { let p = [w, 1]; p = w; return p; }', MAP, 'unknown', 'unknown'],
  ['async w => [w, 1]', MAP, 'unknown', 'unknown'],
  ['function* (l) { yield [l, 1]; }', FLAT, 'unknown', 'unknown'],
  ['w => [...w]', MAP, 'unknown', 'unknown'],
  ['not a function', MAP, 'unknown', 'unknown'],
  ['w => [w, 1]; globalThis.x = 1', MAP, 'unknown', 'unknown'],
  ['', MAP, 'unknown', 'unknown'],
  ['(a, b) => a + b', MAP, 'unknown', 'nonPair'],
  ['({ String }) => String(1)', MAP, 'unknown', 'unknown'],
];

/** Huge or deeply nested sources: 'unknown' (or the right answer), quickly, never a thrown error. */
const EXTREME: [string, string, StaticKind][] = [
  ['5,000 nested arrays', `w => [w, 1] || ${'['.repeat(5000)}${']'.repeat(5000)}`, 'unknown'],
  ['3,000 nested parentheses', `w => ${'('.repeat(3000)}[w, 1]${')'.repeat(3000)}`, 'unknown'],
  ['500 nested parentheses', `w => ${'('.repeat(500)}[w, 1]${')'.repeat(500)}`, 'pair'],
  ['a 24,000-character sum', `w => [w, ${'1 + '.repeat(6000)}1]`, 'unknown'],
];

describe('inferFunctionKind', () => {
  test.each(CASES)('%s (%o, input %s) → %s', (source, shape, input, expected) => {
    expect(inferFunctionKind(source, { ...shape, inputKind: input })).toBe(expected);
  });
});

describe('inferFunctionKind on extreme sources', () => {
  test.each(EXTREME)('%s', (_name, source, expected) => expect(inferFunctionKind(source, MAP)).toBe(expected));
});

describe('inferDataKind', () => {
  test.each<[unknown, StaticKind]>([
    [[['hello world', 'hello spark']], 'nonPair'],
    [[[['a', 1], ['b', 2]], [['c', 3]]], 'pair'],
    [[[['a', 1], 'b']], 'unknown'],
    [[[]], 'unknown'],
    ['not batches', 'unknown'],
    [[[[1, 2, 3]]], 'nonPair'],
  ])('%j → %s', (batches, expected) => expect(inferDataKind(batches)).toBe(expected));
});
