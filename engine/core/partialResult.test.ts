import { describe, expect, it } from 'vitest';
import { BoundedDouble, PartialResult } from './partialResult';

describe('PartialResult and BoundedDouble', () => {
  it('print as Spark 3.5.9 prints them', () => {
    expect(String(BoundedDouble.exact(1000))).toBe('[1000.000, 1000.000]');
    expect(String(new BoundedDouble(0, 0, 0, Infinity))).toBe('[0.000, Infinity]');
    expect(String(new PartialResult(BoundedDouble.exact(2), true))).toBe('(final: [2.000, 2.000])');
    expect(String(new PartialResult(new BoundedDouble(0, 0, 0, Infinity), false))).toBe('(partial: [0.000, Infinity])');
    expect(String(new PartialResult(new Map([['a', BoundedDouble.exact(2)]]), true))).toBe('(final: Map(a -> [2.000, 2.000]))');
  });

  it('a final result hands its value to onComplete and map', () => {
    const r = new PartialResult(BoundedDouble.exact(3), true);
    let seen = -1;
    r.onComplete((v) => { seen = v.mean; });
    expect(seen).toBe(3);
    expect(r.map((v) => v.high * 2).getFinalValue()).toBe(6);
  });
});
