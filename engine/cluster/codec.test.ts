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

describe('packed record arrays (the fast path)', () => {
  const many = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

  it('tuples of plain data travel as one JSON string and come back equal', () => {
    const data = many(1000, (i) => [`w${i}`, i, [i % 3 === 0, null, { a: 'x', $c: 'not a tag' }]]);
    const wire = encode(data) as { $c: string; s: string };
    expect(wire.$c).toBe('Json');
    expect(typeof wire.s).toBe('string');
    expect(roundTrip(data)).toEqual(data);
  });

  it('numbers travel as one Float64Array, exactly (-0, NaN, Infinity)', () => {
    const data = many(500, (i) => (i === 1 ? -0 : i === 2 ? NaN : i === 3 ? -Infinity : i * 0.5));
    expect((encode(data) as { $c: string }).$c).toBe('F64');
    const back = roundTrip(data);
    expect(Object.is(back[1], -0)).toBe(true);
    expect(back[2]).toBeNaN();
    expect(back).toEqual(data);
  });

  it('distinct strings travel as one string and their ends, repeating strings as a dictionary', () => {
    const distinct = many(5000, (i) => (i % 7 === 3 ? '' : `line ${i} \u2028 "quoted" \ud800`));
    expect((encode(distinct) as { $c: string }).$c).toBe('Strs');
    expect(roundTrip(distinct)).toEqual(distinct);
    expect(roundTrip(many(5000, (i) => `\udc00${i}\ud83d`)).every((x, i) => x === `\udc00${i}\ud83d`)).toBe(true);
    const json = many(100, (i) => [`line ${i} \u2028 "quoted" \ud800`, { s: '\u0000' }]);
    expect((encode(json) as { $c: string }).$c).toBe('Json');
    expect(roundTrip(json)).toEqual(json);
    const words = many(10000, (i) => `w${(i * 7) % 100}`);
    const wire = encode(words) as { $c: string; words: string[] };
    expect(wire.$c).toBe('Dict');
    expect(wire.words).toHaveLength(100);
    expect(roundTrip(words)).toEqual(words);
  });

  it('falls back to the general path for records JSON would change, and stays exact', () => {
    const withOption = many(200, (i) => (i === 150 ? ['k', Some(i)] : ['k', i]));
    const back = roundTrip(withOption);
    expect(String(back[150][1])).toBe('Some(150)');
    expect(back[3]).toEqual(['k', 3]);
    for (const odd of [undefined, -0, NaN, Infinity, 10n, new Date(0), CompactBuffer.of(1)]) {
      const data: unknown[] = many(100, (i) => [`k${i}`, i]);
      data[50] = ['odd', odd];
      const wire = encode(data) as { $c?: string };
      expect(wire.$c).toBeUndefined();
      const out = roundTrip(data) as unknown[][];
      expect(Object.is(out[50][1], odd) || String(out[50][1]) === String(odd)).toBe(true);
    }
    const holes: unknown[] = many(100, (i) => [i]);
    holes[10] = [1, , 3];   // eslint-disable-line no-sparse-arrays
    expect((encode(holes) as { $c?: string }).$c).toBeUndefined();
  });

  it('an unserializable record inside a long array is still named with its path', () => {
    const data: unknown[] = many(300, (i) => [`k${i}`, i]);
    data[250] = ['k', new Point(2)];
    expect(() => encode(data, 'to the driver')).toThrow(/a record of type Point \(at record\[250\]\[1\]\) cannot be sent to the driver/);
  });
});
