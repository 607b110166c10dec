import { afterEach, describe, expect, test } from 'vitest';
import { clearCompileCache, compileShipped, shipFunction } from './closure';
import { CompactBuffer } from './compactBuffer';
import { errors } from './errors';
import { None, Some } from './option';
import { ShippedGlobals } from './shippedGlobals';
import { Duration, Milliseconds, Minutes, Seconds, Time } from './time';
import { ENGINE_SHIPPED_GLOBALS } from '../runtime/shippedGlobals';
import { HashPartitioner } from '../rdd/partitioner';
import { TaskContext } from '../executor/taskContext';

afterEach(() => { clearCompileCache(); });

describe('the engine table of shipped globals', () => {
  const table = ENGINE_SHIPPED_GLOBALS;
  test('holds the engine core values', () => {
    expect(table.names()).toEqual(expect.arrayContaining(['Some', 'None', 'CompactBuffer', 'Seconds', 'Milliseconds', 'Minutes', 'Duration', 'Time']));
    const expected: [string, unknown][] = [['Some', Some], ['None', None], ['CompactBuffer', CompactBuffer], ['Seconds', Seconds],
      ['Milliseconds', Milliseconds], ['Minutes', Minutes], ['Duration', Duration], ['Time', Time]];
    for (const [name, value] of expected) expect(table.record[name]).toBe(value);
    expect(Object.keys(table.record)).toEqual(table.names());
    expect('Some' in table.record).toBe(true);
  });

  test('holds the values of later engine layers without any module registering them', () => {
    expect(table.get('HashPartitioner')).toBe(HashPartitioner);
    expect(table.get('TaskContext')).toBe(TaskContext);
    expect(table.names()).toEqual(expect.arrayContaining(['ScalaArrayBuffer', 'keyEquals', 'State', 'StreamingInternals']));
  });

  test('is read-only', () => {
    const record = table.record as Record<string, unknown>;
    expect(() => { record.X = 1; }).toThrow(errors.shippedGlobalsReadOnly().message);
    expect(() => { delete record.Some; }).toThrow(errors.shippedGlobalsNoDelete().message);
    expect(table.has('X')).toBe(false);
  });
});

describe('ShippedGlobals.with', () => {
  const triple = (x: number) => x * 3;

  test('a function using a name is rejected by a table without it and accepted by one with it', () => {
    expect(() => shipFunction('x => Triple(x)', 'map')).toThrow(errors.taskNotSerializable('map', ['Triple']).message);
    const globals = ENGINE_SHIPPED_GLOBALS.with({ Triple: triple });
    expect(globals.serial).not.toBe(ENGINE_SHIPPED_GLOBALS.serial);
    expect(ENGINE_SHIPPED_GLOBALS.has('Triple')).toBe(false);
    expect(compileShipped<(x: number) => number>(shipFunction('x => Triple(x)', 'map', { globals }), undefined, { globals })(2)).toBe(6);
  });

  test('the same value again changes nothing; a different one needs replace, and compiled code follows it', () => {
    const globals = ENGINE_SHIPPED_GLOBALS.with({ Triple: triple });
    expect(globals.with({ Triple: triple })).toBe(globals);
    expect(() => globals.with({ Triple: (x: number) => x })).toThrow(errors.shippedGlobalTaken('Triple').message);
    const sf = shipFunction('x => Triple(x)', 'map', { globals });
    expect(compileShipped<(x: number) => number>(sf, undefined, { globals })(1)).toBe(3);
    const replaced = globals.with({ Triple: (x: number) => x * 30 }, { replace: true });
    expect(compileShipped<(x: number) => number>(sf, undefined, { globals: replaced })(1)).toBe(30);
  });

  test('an executor whose table lacks a name says so', () => {
    const globals = ENGINE_SHIPPED_GLOBALS.with({ Triple: triple });
    const sf = shipFunction('x => Triple(x)', 'map', { globals });
    expect(() => compileShipped(sf, undefined, { globals: globals.without('Triple') })).toThrow(errors.missingOnExecutor('map', ['Triple']).message);
  });

  const BAD_NAMES: [string, string][] = [
    ['Math', errors.shippedGlobalIsStandard('Math').message],
    ['fetch', errors.shippedGlobalIsStandard('fetch').message],
    ['not-a-name', errors.shippedGlobalNotIdentifier('not-a-name').message],
    ['class', errors.shippedGlobalNotIdentifier('class').message],
  ];
  test.each(BAD_NAMES)('refuses %s', (name, message) => {
    expect(() => ShippedGlobals.of({ [name]: 1 })).toThrow(message);
  });
});
