import { describe, expect, it } from 'vitest';
import { CompactBuffer } from './compactBuffer';
import { keyEquals, scalaEquals } from './equality';
import { hashCodeOf } from './hash';
import { None, Some } from './option';
import { Duration, Time } from './time';

class Money {
  constructor(readonly cents: number) {}
  equals(o: unknown) { return o instanceof Money && o.cents === this.cents; }
  hashCode() { return this.cents; }
}

/** [name, a, b, keyEquals (Java equals), scalaEquals (Scala ==)] */
const cases: [string, unknown, unknown, boolean, boolean][] = [
  ['same Integer', 1, 1, true, true],
  ['different Integers', 1, 2, false, false],
  ['Double by value', 0.1 + 0.2, 0.30000000000000004, true, true],
  ['NaN: Double.equals yes, Scala == no', NaN, NaN, true, false],
  ['0 and -0 are both Integer 0', 0, -0, true, true],
  ['strings', 'spark', 'spark', true, true],
  ['string vs number', '1', 1, false, false],
  ['booleans', true, true, true, true],
  ['null and undefined are both null', null, undefined, true, true],
  ['null vs 0', null, 0, false, false],
  ['bigint Long vs Long-valued number', 5000000000n, 5000000000, true, true],
  ['bigint vs Integer (Long.equals(Integer) is false, == is true)', 5n, 5, false, true],
  ['tuples elementwise', ['a', 1], ['a', 1], true, true],
  ['nested tuples', ['a', [1, 'x']], ['a', [1, 'x']], true, true],
  ['tuples of different arity', ['a', 1], ['a', 1, 2], false, false],
  ['tuple holding NaN (Scala == on elements)', ['a', NaN], ['a', NaN], false, false],
  ['tuple vs CompactBuffer', [1, 2], CompactBuffer.of(1, 2), false, false],
  ['CompactBuffers elementwise', CompactBuffer.of(1, 2), CompactBuffer.of(1, 2), true, true],
  ['CompactBuffers differ', CompactBuffer.of(1, 2), CompactBuffer.of(2, 1), false, false],
  ['Some(x) == Some(x)', Some(['a', 1]), Some(['a', 1]), true, true],
  ['Some vs None', Some(1), None, false, false],
  ['None == None', None, None, true, true],
  ['Time by millis', new Time(1000), new Time(1000), true, true],
  ['Time vs Duration', new Time(1000), new Duration(1000), false, false],
  ['Map', new Map([['a', 1]]), new Map([['a', 1]]), true, true],
  ['Map with tuple keys', new Map([[['a', 1], 1]]), new Map([[['a', 1], 1]]), true, true],
  ['Set order ignored', new Set([1, 2]), new Set([2, 1]), true, true],
  ['objects with equals()', new Money(5), new Money(5), true, true],
  ['plain objects structurally, key order ignored', { a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }, true, true],
  ['plain objects differ', { a: 1 }, { a: 1, b: 2 }, false, false],
  ['plain object vs tuple', { 0: 'a', 1: 1 }, ['a', 1], false, false],
];

describe('keyEquals / scalaEquals', () => {
  it.each(cases)('%s', (_name, a, b, javaEq, scalaEq) => {
    expect(keyEquals(a, b)).toBe(javaEq);
    expect(keyEquals(b, a)).toBe(javaEq);
    expect(scalaEquals(a, b)).toBe(scalaEq);
    expect(scalaEquals(b, a)).toBe(scalaEq);
    if (javaEq) expect(hashCodeOf(a)).toBe(hashCodeOf(b)); // equal keys hash alike
  });
});
