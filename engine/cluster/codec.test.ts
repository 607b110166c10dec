import { describe, expect, it } from 'vitest';
import { CompactBuffer } from '../core/compactBuffer';
import { ScalaArrayBuffer } from '../core/arrayBuffer';
import { None, Some, isOption } from '../core/option';
import { Duration, Time } from '../core/time';
import { decode, encode, roundTrip } from './codec';

class Point { constructor(readonly x: number) {} }

const cases: { name: string; value: unknown; check: (v: unknown) => void }[] = [
  { name: 'primitives', value: [1, 'a', true, null, undefined, 10n], check: (v) => expect(v).toEqual([1, 'a', true, null, undefined, 10n]) },
  { name: 'tuples stay arrays', value: [['a', 1], ['b', [2, 'x']]], check: (v) => expect(v).toEqual([['a', 1], ['b', [2, 'x']]]) },
  { name: 'Some and None', value: [Some(1), None, Some(Some('x'))], check: (v) => {
    const [a, b, c] = v as [typeof None, typeof None, typeof None];
    expect(isOption(a) && a.get()).toBe(1);
    expect(b).toBe(None);
    expect(String(c)).toBe('Some(Some(x))');
  } },
  { name: 'CompactBuffer', value: ['k', CompactBuffer.of(1, 2)], check: (v) => {
    const b = (v as unknown[])[1];
    expect(b).toBeInstanceOf(CompactBuffer);
    expect(String(b)).toBe('CompactBuffer(1, 2)');
  } },
  { name: 'ScalaArrayBuffer', value: ScalaArrayBuffer.of('a'), check: (v) => expect(String(v)).toBe('ArrayBuffer(a)') },
  { name: 'Time and Duration', value: { t: new Time(1000), d: new Duration(5) }, check: (v) => {
    const o = v as { t: Time; d: Duration };
    expect(o.t).toBeInstanceOf(Time);
    expect(o.t.milliseconds).toBe(1000);
    expect(o.d).toBeInstanceOf(Duration);
  } },
  { name: 'Option inside Map and Set', value: new Map([['a', Some(1)]]), check: (v) => expect(String((v as Map<string, unknown>).get('a'))).toBe('Some(1)') },
  { name: 'plain object with a $c key is escaped', value: { $c: 'Some', v: 3 }, check: (v) => expect(v).toEqual({ $c: 'Some', v: 3 }) },
  { name: 'cogroup record', value: ['k', [CompactBuffer.of(1), CompactBuffer.of()]], check: (v) => expect(String((v as [string, unknown[]])[1][0])).toBe('CompactBuffer(1)') },
];

describe('record codec', () => {
  for (const c of cases) it(c.name, () => c.check(roundTrip(c.value)));

  it('returns plain data unchanged (no copy)', () => {
    const data = [['a', 1], ['b', 2]];
    expect(encode(data)).toBe(data);
  });

  const bad: { name: string; value: unknown; type: RegExp }[] = [
    { name: 'a class instance', value: [['k', new Point(1)]], type: /a record of type Point \(at record\[0\]\[1\]\)/ },
    { name: 'a function', value: [{ f: function handler() { return 1; } }], type: /a function \(handler\)/ },
    { name: 'a symbol', value: [Symbol('s')], type: /a symbol/ },
  ];
  for (const b of bad) {
    it(`rejects ${b.name}, naming the record type`, () => {
      expect(() => encode(b.value, 'to the driver')).toThrow(b.type);
      expect(() => encode(b.value, 'to the driver')).toThrow(/NotSerializableException: .* cannot be sent to the driver/);
    });
  }

  it('decode leaves untagged objects alone', () => {
    expect(decode({ a: [1, { b: 2 }] })).toEqual({ a: [1, { b: 2 }] });
  });
});
