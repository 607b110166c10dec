import { describe, expect, it } from 'vitest';
import { compileShipped, shipFunction } from './closure';
import { constantPairValue } from './constantPair';

const shipped = (source: string) => shipFunction(source, 'map');

describe('constantPairValue', () => {
  it.each([
    ['w => [w, 1]', 1],
    ['(w) => [w, 1]', 1],
    [' ( word )=>[ word ,2.5 ] ', 2.5],
    ['x => [x, -3]', -3],
    ['x => [x, 0]', 0],
    ['x => [x, true]', true],
    ['x => [x, false]', false],
  ])('%s pairs its argument with %j, as the compiled function does', (source, value) => {
    const fn = shipped(source);
    expect(constantPairValue(fn)).toEqual({ value });
    expect(compileShipped<(x: unknown) => unknown>(fn)('k')).toEqual(['k', value]);
  });

  it('keeps -0 apart from 0, as the compiled function does', () => {
    expect(Object.is(constantPairValue(shipped('x => [x, -0]'))?.value, -0)).toBe(true);
  });

  it.each([
    'w => [1, w]',                  // the constant first
    'w => [v, 1]',                  // not the parameter
    '(a, b) => [a, 1]',             // two parameters
    'w => [w, 1, 2]',               // a triple
    'w => [w, 010]',                // a legacy octal literal
    'w => [w, 1e3]',                // not a plain decimal
    "w => [w, 'one']",              // a string (kept to numbers and booleans)
    'w => { return [w, 1]; }',      // a block body
    'function (w) { return [w, 1]; }',
    'w => [w, 1] && sideEffect()',
  ])('%s is not recognised', (source) => {
    expect(constantPairValue({ kind: 'shipped', source, opName: 'map' })).toBeUndefined();
  });

  it('a function with closure variables is not recognised', () => {
    expect(constantPairValue({ kind: 'shipped', source: 'w => [w, 1]', opName: 'map', vars: { one: { kind: 'value', value: 1 } } })).toBeUndefined();
  });
});
