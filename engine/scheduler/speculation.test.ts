import { describe, expect, it } from 'vitest';
import { SparkConf } from '../core/conf';
import { median, speculationConf, speculationThreshold, SPECULATION_OFF } from './speculation';

const on = { ...SPECULATION_OFF, enabled: true };

describe('speculation (Spark TaskSetManager.checkSpeculatableTasks)', () => {
  const cases: { name: string; numTasks: number; done: number[]; expected: number | undefined }[] = [
    { name: 'too few finished: floor(0.75 × 4) = 3 needed', numTasks: 4, done: [10, 20], expected: undefined },
    { name: 'enough finished: 1.5 × median, at least minTaskRuntime', numTasks: 4, done: [100, 200, 300], expected: 300 },
    { name: 'short tasks: the 100 ms floor applies', numTasks: 4, done: [1, 2, 3], expected: 100 },
    { name: 'one task: at least one must finish', numTasks: 1, done: [], expected: undefined },
    { name: 'even count: mean of the middle two', numTasks: 4, done: [100, 200, 400, 800], expected: 450 },
  ];
  for (const c of cases) it(c.name, () => expect(speculationThreshold(on, c.numTasks, c.done)).toBe(c.expected));

  it('median', () => { expect(median([3, 1, 2])).toBe(2); expect(median([])).toBe(0); });

  it('reads Spark’s settings with Spark’s defaults', () => {
    expect(speculationConf(new SparkConf())).toEqual({ enabled: false, multiplier: 1.5, quantile: 0.75, minTaskRuntimeMs: 100, intervalMs: 100 });
    const c = speculationConf(new SparkConf().set('spark.speculation', 'true').set('spark.speculation.multiplier', '2').set('spark.speculation.quantile', '0.5'));
    expect([c.enabled, c.multiplier, c.quantile]).toEqual([true, 2, 0.5]);
  });
});
