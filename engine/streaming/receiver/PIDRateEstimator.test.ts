/** Spark's PIDRateEstimatorSuite, case by case, as data. */
import { describe, expect, it } from 'vitest';
import { SparkConf } from '../../core/conf';
import { Rng } from '../../core/rng';
import { PIDRateEstimator } from './PIDRateEstimator';
import { errors } from '../../core/errors';

type Update = [time: number, elements: number, processingDelay: number, schedulingDelay: number];
const tabulate = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));
const every20ms = (elements: (i: number) => number, sched: (i: number) => number = () => 0): Update[] =>
  tabulate(50, (i) => [i * 20, elements(i), 20, sched(i)]);

interface Case { name: string; estimator: [number, number, number, number, number]; updates: Update[]; expected: (number | undefined)[] }

const defaultEstimator: Case['estimator'] = [20, 1, 0, 0, 10];
const cases: Case[] = [
  { name: 'first estimate is None', estimator: defaultEstimator, updates: [[0, 10, 10, 0]], expected: [undefined] },
  { name: 'second estimate is not None', estimator: defaultEstimator, updates: [[0, 10, 10, 0], [10, 10, 10, 0]], expected: [undefined, 1000] },
  { name: 'no estimate when no time difference between successive calls', estimator: defaultEstimator,
    updates: [[0, 10, 10, 0], [10, 10, 10, 0], [10, 10, 10, 0]], expected: [undefined, 1000, undefined] },
  { name: 'no estimate when no records in previous batch', estimator: defaultEstimator,
    updates: [[0, 10, 10, 0], [10, 0, 10, 0], [20, -10, 10, 0]], expected: [undefined, undefined, undefined] },
  { name: 'no estimate when there is no processing delay', estimator: defaultEstimator,
    updates: [[0, 10, 10, 0], [10, 10, 0, 0], [20, 10, -10, 0]], expected: [undefined, undefined, undefined] },
  { name: 'estimate is never less than min rate', estimator: [20, 1, 1, 0, 5],
    updates: every20ms(() => 1, () => 100), expected: [undefined, ...tabulate(49, () => 5)] },
  { name: 'with no accumulated or positive error, |I| > 0, follow the processing speed', estimator: [20, 1, 1, 0, 10],
    updates: every20ms((i) => (i + 1) * 20), expected: [undefined, ...tabulate(49, (i) => (i + 2) * 1000)] },
  { name: 'with no accumulated but some positive error, |I| > 0, follow the processing speed', estimator: [20, 1, 1, 0, 10],
    updates: every20ms((i) => (50 - i) * 20), expected: [undefined, ...tabulate(49, (i) => (49 - i) * 1000)] },
];

describe("PIDRateEstimator (Spark's PIDRateEstimatorSuite)", () => {
  for (const c of cases) {
    it(c.name, () => {
      const p = new PIDRateEstimator(...c.estimator);
      const actual = c.updates.map((u) => p.compute(...u));
      expect(actual).toEqual(c.expected);
    });
  }

  it('with some accumulated and some positive error, |I| > 0, stay below the processing speed (seeded)', () => {
    const p = new PIDRateEstimator(20, 1, 0.01, 0, 10);
    const rng = new Rng(2015);
    const elements = tabulate(50, () => rng.nextInt(1000));
    const sched = tabulate(50, () => rng.nextInt(19));
    const speeds = elements.map((x) => (x / 20) * 1000);
    const res = tabulate(50, (i) => p.compute(i * 20, elements[i], 20, sched[i]));
    expect(res[0]).toBeUndefined();
    for (let n = 1; n < 50; n++) {
      if (elements[n] <= 0 || elements[n - 1] <= 0) continue; // Spark's Random never draws 0 in practice; ours may
      expect(res[n], `update ${n}`).toBeDefined();
      if (res[n]! > 0 && sched[n] > 0) expect(res[n]!, `update ${n}`).toBeLessThan(speeds[n]);
    }
  });

  const bad: [string, [number, number, number, number, number], string][] = [
    ['batch interval 0', [0, 1, 2, 3, 10], errors.pidBatchInterval(0).message],
    ['negative proportional', [100, -1, 2, 3, 10], errors.pidProportional(-1).message],
    ['negative integral', [100, 0, -1, 3, 10], errors.pidIntegral(-1).message],
    ['negative derivative', [100, 0, 0, -1, 10], errors.pidDerivative(-1).message],
    ['minRate 0', [100, 0, 0, 0, 0], errors.pidMinRate().message],
    ['negative minRate', [100, 0, 0, 0, -10], errors.pidMinRate().message],
  ];
  for (const [name, args, message] of bad) {
    it(`estimator checks ranges: ${name}`, () => { expect(() => new PIDRateEstimator(...args)).toThrow(message); });
  }

  it('the right estimator is created', () => {
    const conf = new SparkConf().set('spark.streaming.backpressure.rateEstimator', 'pid');
    expect(PIDRateEstimator.fromConf(conf, 1000)).toBeInstanceOf(PIDRateEstimator);
    expect(() => PIDRateEstimator.fromConf(new SparkConf().set('spark.streaming.backpressure.rateEstimator', 'magic'), 1000)).toThrow(errors.unknownRateEstimator('magic').message);
  });
});
