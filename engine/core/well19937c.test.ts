import { describe, expect, it } from 'vitest';
import { errors } from './errors';
import { PoissonDistribution, Well19937c } from './well19937c';

// Reference values printed by commons-math3 3.6.1 (the jar Spark 3.5.9 ships) on the JVM.
describe('Well19937c (commons-math3)', () => {
  it('new Well19937c(8589934597L): nextInt() and nextDouble()', () => {
    const w = new Well19937c(8589934597n);
    expect(Array.from({ length: 5 }, () => w.next(32))).toEqual([656577852, -282378671, -1916257956, 249066843, -2011647335]);
    expect(Array.from({ length: 3 }, () => w.nextDouble())).toEqual([0.017488283403554128, 0.6580232494300498, 0.26590917754815324]);
  });

  it('a negative long seed uses both of its ints', () => {
    const w = new Well19937c(-1234567890123n);
    expect(Array.from({ length: 3 }, () => w.next(32))).toEqual([1569438487, -1523174482, 1107372061]);
  });
});

describe('PoissonDistribution (commons-math3)', () => {
  it.each([
    [2.5, 7n, [0, 1, 3, 1, 1, 2, 1, 3, 1, 3, 3, 2]],
    [0.45, -3n, [0, 0, 2, 0, 0, 0, 0, 1, 1, 1, 2, 0]],
  ] as const)('PoissonDistribution(%s) reseeded with %s', (mean, seed, expected) => {
    const pd = new PoissonDistribution(mean);
    pd.reseedRandomGenerator(seed);
    expect(Array.from({ length: expected.length }, () => pd.sample())).toEqual(expected);
  });

  it('the same seed gives the same draws', () => {
    const a = new PoissonDistribution(3, 99n), b = new PoissonDistribution(3, 99n);
    expect(Array.from({ length: 50 }, () => a.sample())).toEqual(Array.from({ length: 50 }, () => b.sample()));
  });

  it('refuses a mean that is not positive, and the large-mean algorithm that is not ported', () => {
    expect(() => new PoissonDistribution(0)).toThrow(errors.poissonMeanNotPositive(0).message);
    expect(() => new PoissonDistribution(40)).toThrow(errors.poissonLargeMean(40).message);
  });
});
