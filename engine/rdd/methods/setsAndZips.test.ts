/** What the doctests do not show: jobs per partition, argument errors, partition counts and classes. */
import { afterAll, describe, expect, it } from 'vitest';
import { SparkConf } from '../../core/conf';
import { errors } from '../../core/errors';
import { SparkContext } from '../SparkContext';

const sc = new SparkContext(new SparkConf().setMaster('local[2]').setAppName('setsAndZips'));
afterAll(() => sc.stop());

function jobsDuring(): { count: () => number; partitions: number[][]; stop: () => void } {
  const partitions: number[][] = [];
  let n = 0;
  const stop = sc.addSparkListener((e) => { if (e.type === 'jobStart') n++; if (e.type === 'stageSubmitted') partitions.push([e.numTasks]); });
  return { count: () => n, partitions, stop };
}

describe('toLocalIterator', () => {
  it('runs one job per partition, each when the iteration reaches it', async () => {
    const rdd = sc.parallelize([1, 2, 3, 4, 5, 6], 3);
    const jobs = jobsDuring();
    const it = rdd.toLocalIterator();
    expect(jobs.count()).toBe(0);
    expect((await it.next()).value).toBe(1);
    expect(jobs.count()).toBe(1);
    expect((await it.next()).value).toBe(2);
    expect(jobs.count()).toBe(1);
    expect((await it.next()).value).toBe(3);
    expect(jobs.count()).toBe(2);
    const rest: number[] = [];
    for await (const x of it) rest.push(x);
    expect(rest).toEqual([4, 5, 6]);
    expect(jobs.count()).toBe(3);
    expect(jobs.partitions).toEqual([[1], [1], [1]]);
    jobs.stop();
  });
  it('with prefetchPartitions, starts the next partition\'s job while the current one is consumed', async () => {
    const jobs = jobsDuring();
    const it = sc.parallelize([1, 2, 3, 4], 2).toLocalIterator(true);
    expect((await it.next()).value).toBe(1);
    await new Promise((r) => setImmediate(r));   // let the already started job announce itself
    expect(jobs.count()).toBe(2);
    jobs.stop();
    await it.return(undefined);
  });
});

describe('sc.runJob with a user function', () => {
  it('returns the function\'s result per partition, in the order of the partitions asked', async () => {
    const rdd = sc.parallelize([1, 2, 3, 4, 5, 6], 3);
    expect(await sc.runJob(rdd, (it) => [...it].reduce((a, b) => a + b, 0))).toEqual([3, 7, 11]);
    expect(await sc.runJob(rdd, (it) => [...it].length, [2, 0])).toEqual([2, 2]);
  });
  it('refuses something that is not a function, and a partition that does not exist', async () => {
    const rdd = sc.parallelize([1], 1);
    await expect(sc.runJob(rdd, 42 as never)).rejects.toThrow(errors.runJobNoFunction('number').message);
    await expect(sc.runJob(rdd, (it) => [...it], [3])).rejects.toThrow(errors.nonExistentPartition(3, 1).message);
  });
});

describe('zip and zipPartitions', () => {
  it('names the RDD class by the number of inputs (ZippedPartitionsRDD2..)', () => {
    const a = sc.parallelize([1, 2], 2), b = sc.parallelize([3, 4], 2), c = sc.parallelize([5, 6], 2);
    expect(a.zip(b).className).toBe('ZippedPartitionsRDD2');
    expect(a.zipPartitions(b, c, (x, y, z) => [...x, ...y, ...z]).className).toBe('ZippedPartitionsRDD3');
  });
  it('zipPartitions without a function, or with only a function, says what it expects', () => {
    const a = sc.parallelize([1, 2], 2);
    expect(() => (a.zipPartitions as (...args: unknown[]) => unknown)(a)).toThrow(errors.zipPartitionsNoFunction().message);
    expect(() => (a.zipPartitions as (...args: unknown[]) => unknown)((x: number[]) => x)).toThrow(errors.zipPartitionsNoFunction().message);
  });
  it('zipPartitions keeps the first RDD\'s partitioner only when asked', () => {
    const a = sc.parallelize<[number, number]>([[1, 1]], 1).partitionBy(2);
    expect(a.zipPartitions(a, (x) => x, true).partitioner?.numPartitions).toBe(2);
    expect(a.zipPartitions(a, (x) => x).partitioner).toBeUndefined();
  });
});

describe('sc.range', () => {
  it('is a MapPartitionsRDD over a ParallelCollectionRDD, sliced as parallelize slices', async () => {
    const r = sc.range(0, 10, 1, 3);
    expect(r.className).toBe('MapPartitionsRDD');
    expect(r.dependencies[0].rdd.className).toBe('ParallelCollectionRDD');
    expect(await r.glom().collect()).toEqual(await sc.parallelize([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 3).glom().collect());
  });
  it('refuses a step of 0 with Spark\'s words, and a fraction with the fix', () => {
    expect(() => sc.range(0, 10, 0)).toThrow('requirement failed: step cannot be 0');
    expect(() => sc.range(0, 1.5)).toThrow(/range: the argument end = 1.5 is not supported/);
  });
});

describe('intersection, subtract, groupBy: partitions as Spark', () => {
  it('intersection uses the larger input\'s partition count; subtract keeps the left one\'s', () => {
    const a = sc.parallelize([1, 2, 3], 2), b = sc.parallelize([2, 3, 4], 5);
    expect(a.intersection(b).getNumPartitions()).toBe(5);
    expect(a.intersection(b, 3).getNumPartitions()).toBe(3);
    expect(a.subtract(b).getNumPartitions()).toBe(2);
    expect(a.groupBy((x) => x % 2).getNumPartitions()).toBe(2);
    expect(a.groupBy((x) => x % 2, 7).getNumPartitions()).toBe(7);
  });
  it('repartitionAndSortWithinPartitions sorts descending when asked', async () => {
    const rdd = sc.parallelize<[number, string]>([[1, 'a'], [3, 'c'], [2, 'b'], [4, 'd']], 2);
    expect(await rdd.repartitionAndSortWithinPartitions(1, false).collect()).toEqual([[4, 'd'], [3, 'c'], [2, 'b'], [1, 'a']]);
  });
});
