import { afterEach, describe, expect, test } from 'vitest';
import { clearCompileCache, compileShipped, shipFunction } from './closure';
import { CompactBuffer } from './compactBuffer';
import { errors } from './errors';
import { None, Some } from './option';
import {
  isShippedGlobal, registerShippedGlobal, SHIPPED_GLOBALS, shippedGlobalNames, shippedGlobalsVersion, unregisterShippedGlobal,
} from './shippedGlobals';
import { Duration, Milliseconds, Minutes, Seconds, Time } from './time';

afterEach(() => { unregisterShippedGlobal('Triple'); clearCompileCache(); });

describe('SHIPPED_GLOBALS', () => {
  test('holds the engine core values', () => {
    expect(shippedGlobalNames()).toEqual(expect.arrayContaining(['Some', 'None', 'CompactBuffer', 'Seconds', 'Milliseconds', 'Minutes', 'Duration', 'Time']));
    const expected: [string, unknown][] = [['Some', Some], ['None', None], ['CompactBuffer', CompactBuffer], ['Seconds', Seconds],
      ['Milliseconds', Milliseconds], ['Minutes', Minutes], ['Duration', Duration], ['Time', Time]];
    for (const [name, value] of expected) expect(SHIPPED_GLOBALS[name]).toBe(value);
    expect(Object.keys(SHIPPED_GLOBALS)).toEqual(shippedGlobalNames());
    expect('Some' in SHIPPED_GLOBALS).toBe(true);
  });

  test('is read-only', () => {
    expect(() => { SHIPPED_GLOBALS.X = 1; }).toThrow(errors.shippedGlobalsReadOnly().message);
    expect(() => { delete SHIPPED_GLOBALS.Some; }).toThrow(errors.shippedGlobalsNoDelete().message);
    expect(isShippedGlobal('X')).toBe(false);
  });
});

describe('registerShippedGlobal', () => {
  const triple = (x: number) => x * 3;

  test('a function using a name is rejected before registration and accepted after', () => {
    expect(() => shipFunction('x => Triple(x)', 'map')).toThrow(errors.taskNotSerializable('map', ['Triple']).message);
    const v = shippedGlobalsVersion();
    registerShippedGlobal('Triple', triple);
    expect(shippedGlobalsVersion()).toBe(v + 1);
    expect(compileShipped<(x: number) => number>(shipFunction('x => Triple(x)', 'map'))(2)).toBe(6);
  });

  test('the same value again is a no-op; a different one needs replace, and compiled code follows it', () => {
    registerShippedGlobal('Triple', triple);
    const v = shippedGlobalsVersion();
    registerShippedGlobal('Triple', triple);
    expect(shippedGlobalsVersion()).toBe(v);
    expect(() => registerShippedGlobal('Triple', (x: number) => x)).toThrow(errors.shippedGlobalTaken('Triple').message);
    const sf = shipFunction('x => Triple(x)', 'map');
    expect(compileShipped<(x: number) => number>(sf)(1)).toBe(3);
    registerShippedGlobal('Triple', (x: number) => x * 30, { replace: true });
    expect(compileShipped<(x: number) => number>(sf)(1)).toBe(30);
  });

  test('an executor that lacks a registration says so', () => {
    registerShippedGlobal('Triple', triple);
    const sf = shipFunction('x => Triple(x)', 'map');
    unregisterShippedGlobal('Triple');
    expect(() => compileShipped(sf)).toThrow(errors.missingOnExecutor('map', ['Triple']).message);
  });

  const BAD_NAMES: [string, string][] = [
    ['Math', errors.shippedGlobalIsStandard('Math').message],
    ['fetch', errors.shippedGlobalIsStandard('fetch').message],
    ['not-a-name', errors.shippedGlobalNotIdentifier('not-a-name').message],
    ['class', errors.shippedGlobalNotIdentifier('class').message],
  ];
  test.each(BAD_NAMES)('refuses %s', (name, message) => {
    expect(() => registerShippedGlobal(name, 1)).toThrow(message);
  });
});
