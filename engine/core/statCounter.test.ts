import { describe, expect, it } from 'vitest';
import { StatCounter } from './statCounter';

describe('StatCounter', () => {
  it('prints as Scala 3.5.9 prints it, and (toPythonString) as PySpark', () => {
    const s = new StatCounter([1, 2, 3]);
    expect(s.toPythonString()).toBe('(count: 3, mean: 2.0, stdev: 0.816496580927726, max: 3.0, min: 1.0)');
    expect(String(s)).toBe('(count: 3, mean: 2.000000, stdev: 0.816497, max: 3.000000, min: 1.000000)');
  });

  it('merging partitions equals one pass, for each of Spark\'s three mean rules', () => {
    const xs = Array.from({ length: 200 }, (_, i) => (i * 37) % 101 - 20.5);
    const whole = new StatCounter(xs);
    for (const cut of [5, 100, 195]) {   // other.n * 10 < n, balanced, n * 10 < other.n
      const merged = new StatCounter(xs.slice(0, cut)).merge(new StatCounter(xs.slice(cut)));
      expect(merged.count).toBe(200);
      expect(merged.mean).toBeCloseTo(whole.mean, 12);
      expect(merged.variance).toBeCloseTo(whole.variance, 9);
      expect([merged.max, merged.min]).toEqual([whole.max, whole.min]);
    }
  });

  it('merging with itself doubles the count (Spark copies first)', () => {
    const s = new StatCounter([1, 2]);
    s.merge(s);
    expect([s.count, s.mean, s.variance]).toEqual([4, 1.5, 0.25]);
  });

  it('empty: mean 0, variances NaN, max -Infinity, min Infinity (Spark\'s fields as they start)', () => {
    const s = new StatCounter();
    expect([s.count, s.mean, s.sum, s.max, s.min]).toEqual([0, 0, 0, -Infinity, Infinity]);
    expect([s.variance, s.sampleVariance, s.stdev, s.sampleStdev].every(Number.isNaN)).toBe(true);
    expect(new StatCounter([5]).sampleVariance).toBeNaN();
  });
});
