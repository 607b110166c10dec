import { describe, expect, it } from 'vitest';
import { errors } from './errors';
import { PoissonDistribution } from './poissonDistribution';
import { Well19937c } from './well19937c';

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
    // From 40 on: the large-mean rejection algorithm (Gaussian and exponential deviates, Lanczos logGamma).
    [40.0, 1099511627779n, [34, 46, 31, 39, 43, 36, 39, 45, 44, 39, 41, 41, 34, 48, 45, 45, 38, 29, 35, 41, 33, 40, 43, 36, 34, 45, 46, 34, 41, 43]],
    [50.0, 7n, [56, 33, 43, 49, 47, 52, 46, 59, 53, 56, 42, 58, 50, 55, 47, 48, 44, 59, 64, 49, 50, 53, 53, 48, 48, 45, 51, 48, 48, 60]],
    [123.7, -5n, [137, 127, 121, 124, 130, 141, 134, 130, 116, 138, 111, 128, 126, 148, 118, 127, 126, 116, 128, 117, 138, 131, 130, 112, 137, 122, 140, 115, 114, 124]],
    [1000.25, 99n, [1029, 1012, 964, 957, 1017, 1033, 959, 1012, 973, 940, 1016, 990, 968, 964, 1042, 931, 975, 941, 972, 1009, 1015, 989, 987, 949, 981, 1000, 984, 1004, 1003, 951]],
  ] as const)('PoissonDistribution(%s) reseeded with %s', (mean, seed, expected) => {
    const pd = new PoissonDistribution(mean);
    pd.reseedRandomGenerator(seed);
    expect(Array.from({ length: expected.length }, () => pd.sample())).toEqual(expected);
  });

  it('the same seed gives the same draws', () => {
    const a = new PoissonDistribution(3, 99n), b = new PoissonDistribution(3, 99n);
    expect(Array.from({ length: 50 }, () => a.sample())).toEqual(Array.from({ length: 50 }, () => b.sample()));
  });

  it('refuses a mean that is not positive', () => {
    expect(() => new PoissonDistribution(0)).toThrow(errors.poissonMeanNotPositive(0).message);
  });
});
