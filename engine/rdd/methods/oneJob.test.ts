/** Spark runs each of these as one job (mapPartitions to a partial per partition, merged on the driver); so does the engine. */
import { afterAll, describe, expect, it } from 'vitest';
import { SparkConf } from '../../core/conf';
import { SparkContext } from '../SparkContext';

const sc = new SparkContext(new SparkConf().setMaster('local[2]').setAppName('oneJob'));
afterAll(() => sc.stop());

async function jobsOf(action: () => Promise<unknown>): Promise<number> {
  let jobs = 0;
  const off = sc.addSparkListener((e) => { if (e.type === 'jobStart') jobs++; });
  try { await action(); } finally { off(); }
  return jobs;
}

const nums = () => sc.parallelize(Array.from({ length: 100 }, (_, i) => i % 17), 5);
const pairs = () => sc.parallelize(Array.from({ length: 50 }, (_, i): [number, number] => [i % 4, i]), 5);

describe('jobs per action, as Spark', () => {
  it.each([
    ['sum', () => nums().sum(), 1],
    ['stats', () => nums().stats(), 1],
    ['mean', () => nums().mean(), 1],
    ['sampleStdev', () => nums().sampleStdev(), 1],
    ['max', () => nums().max(), 1],
    ['top', () => nums().top(3), 1],
    ['takeOrdered', () => nums().takeOrdered(3, (x: number) => -x), 1],
    ['histogram(buckets)', () => nums().histogram([0, 5, 10, 20]), 1],
    ['histogram(count): a max/min job, then the counts', () => nums().histogram(4), 2],
    ['treeAggregate (levels are stages of one job)', () => nums().treeAggregate(0, (a: number, b: number) => a + b, (a: number, b: number) => a + b, 2), 1],
    ['treeReduce', () => nums().treeReduce((a: number, b: number) => a + b, 3), 1],
    ['reduceByKeyLocally', () => pairs().reduceByKeyLocally((a: number, b: number) => a + b), 1],
    ['countApprox', () => nums().countApprox(1000), 1],
    ['countByValueApprox', () => nums().countByValueApprox(1000), 1],
    ['countApproxDistinct', () => nums().countApproxDistinct(), 1],
  ] as const)('%s: %s job(s)', async (_name, action, expected) => {
    expect(await jobsOf(action)).toBe(expected);
  });

  it('values: the counts and statistics themselves', async () => {
    expect(await nums().sum()).toBe(Array.from({ length: 100 }, (_, i) => i % 17).reduce((a, b) => a + b, 0));
    expect(await nums().top(3)).toEqual([16, 16, 16]);
    expect(await nums().treeAggregate(0, (a: number, b: number) => a + b, (a: number, b: number) => a + b, 2)).toBe(await nums().sum());
    expect(await sc.parallelize([5, 1, 3], 2).takeOrdered(2, (a: number, b: number) => b - a)).toEqual([5, 3]);
  });

  it('treeAggregate of an RDD with no partitions is the zero value, with no job', async () => {
    expect(await jobsOf(() => sc.emptyRDD<number>().treeAggregate(7, (a: number, b: number) => a + b, (a: number, b: number) => a + b))).toBe(0);
    expect(await sc.emptyRDD<number>().treeAggregate(7, (a: number, b: number) => a + b, (a: number, b: number) => a + b)).toBe(7);
  });
});
