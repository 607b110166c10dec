/** Bad arguments to the statistics, ordering, sampling and approximate methods: Spark's errors, or a clear one naming the fix. */
import { afterAll, describe, expect, it } from 'vitest';
import { SparkConf } from '../../core/conf';
import { errors } from '../../core/errors';
import { SparkContext } from '../SparkContext';

const sc = new SparkContext(new SparkConf().setMaster('local[2]').setAppName('badInput'));
afterAll(() => sc.stop());
const nums = () => sc.parallelize([1, 2, 3, 4], 2);

describe('statistics', () => {
  it('numbers only, naming the record', async () => {
    const words = sc.parallelize<unknown>(['a', 'b'], 1) as never as ReturnType<typeof nums>;
    await expect(words.sum()).rejects.toThrow(errors.notANumber('sum', '"a" (a string)').message);
    await expect(words.stats()).rejects.toThrow(errors.notANumber('stats', '"a" (a string)').message);
  });

  it('histogram: too few, unsorted or repeated edges; a bucket count that is not an integer', async () => {
    await expect(nums().histogram([1])).rejects.toThrow(errors.histogramBucketsTooFew().message);
    await expect(nums().histogram([3, 1, 2])).rejects.toThrow(errors.histogramBucketsUnsorted('[3, 1, 2]').message);
    await expect(nums().histogram([1, 1, 2])).rejects.toThrow(errors.histogramBucketsUnsorted('[1, 1, 2]').message);
    await expect(nums().histogram([NaN, 1])).rejects.toThrow(errors.histogramBucketsUnsorted('[NaN, 1]').message);
    await expect(nums().histogram(2.5)).rejects.toThrow(errors.histogramBucketCount(2.5).message);
    expect(await nums().histogram([0, 2, NaN])).toEqual([1, 3]); // a NaN last edge is Spark's "catch NaN" bucket
  });

  it('stats of an RDD with no partitions is Spark\'s empty collection (reduce of nothing)', async () => {
    await expect(sc.emptyRDD<number>().stats()).rejects.toThrow(errors.emptyCollection().message);
    expect(await sc.parallelize<number>([], 2).mean()).toBe(0);
  });
});

describe('ordering and tree aggregation', () => {
  it('top / takeOrdered of a negative or fractional count', async () => {
    await expect(nums().top(-1)).rejects.toThrow(errors.orderedCountNegative('top', -1).message);
    await expect(nums().takeOrdered(1.5)).rejects.toThrow(errors.orderedCountNegative('takeOrdered', 1.5).message);
    expect(await nums().top(0)).toEqual([]);
  });

  it('tree depth below 1', async () => {
    await expect(nums().treeAggregate(0, (a, b) => a + b, (a, b) => a + b, 0)).rejects.toThrow(errors.treeDepth(0).message);
    await expect(nums().treeReduce((a, b) => a + b, -2)).rejects.toThrow(errors.treeDepth(-2).message);
  });

  it('treeReduce of empty partitions only: empty collection', async () => {
    await expect(sc.parallelize<number>([], 3).treeReduce((a, b) => a + b)).rejects.toThrow(errors.emptyCollection().message);
  });
});

describe('sampling', () => {
  it('takeSample counts', async () => {
    await expect(nums().takeSample(false, -1)).rejects.toThrow(errors.takeSampleNegative().message);
    await expect(nums().takeSample(false, 1.5)).rejects.toThrow(errors.takeSampleNotInteger(1.5).message);
    await expect(nums().takeSample(true, 2147483647)).rejects.toThrow(errors.takeSampleTooLarge().message);
    expect(await nums().takeSample(true, 0)).toEqual([]);
  });

  it('sampleByKey: negative rates, and a key without a fraction', async () => {
    const pairs = sc.parallelize<[string, number]>([['a', 1], ['b', 2]], 1);
    expect(() => pairs.sampleByKey(false, new Map([['a', -0.1]]))).toThrow(errors.negativeSamplingRates().message);
    await expect(pairs.sampleByKey(false, new Map([['a', 0.5]]), 1).collect()).rejects.toThrow(errors.keyNotFound('"b" (a string)').message);
    await expect(pairs.sampleByKeyExact(false, new Map([['a', -1]]))).rejects.toThrow(errors.negativeSamplingRates().message);
  });

  it('sample seeds must be integers', () => {
    expect(() => nums().randomSplit([1, 1], 0.5)).toThrow(errors.sampleSeedNotInteger(0.5).message);
  });
});

describe('approximate actions', () => {
  it('confidence outside [0, 1]', async () => {
    await expect(nums().countApprox(100, 1.5)).rejects.toThrow(errors.confidenceRange(1.5).message);
    await expect(nums().countByValueApprox(100, -0.1)).rejects.toThrow(errors.confidenceRange(-0.1).message);
  });

  it('countApproxDistinct: Spark\'s checks on relativeSD, p and sp; sparse mode and huge p refused with the alternative', async () => {
    await expect(nums().countApproxDistinct(0.00001)).rejects.toThrow(errors.relativeSDTooSmall(0.00001).message);
    await expect(nums().countApproxDistinct(3, 0)).rejects.toThrow(errors.hllPrecisionTooSmall(3).message);
    await expect(nums().countApproxDistinct(8, 33)).rejects.toThrow(errors.hllSparseTooLarge(33).message);
    await expect(nums().countApproxDistinct(12, 8)).rejects.toThrow(errors.hllPrecisionAboveSparse(12, 8).message);
    await expect(nums().countApproxDistinct(8, 16)).rejects.toThrow(errors.hllSparseNotPorted(8, 16).message);
    await expect(nums().countApproxDistinct(21, 0)).rejects.toThrow(errors.hllPrecisionTooLarge(21).message);
  });

  it('results print as Spark\'s PartialResult', async () => {
    expect(String(await nums().countApprox(100))).toBe('(final: [4.000, 4.000])');
    expect(String(await nums().meanApprox(100))).toBe('(final: [2.500, 2.500])');
    expect(String(await sc.parallelize(['a', 'b', 'a'], 2).countByValueApprox(100))).toBe('(final: Map(a -> [2.000, 2.000], b -> [1.000, 1.000]))');
  });
});
