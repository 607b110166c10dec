/**
 * PySpark's doctests of the statistics and ordering methods (pyspark/rdd.py, Spark 3.5) and the matching
 * cases of DoubleRDDSuite and RDDSuite. Python's `key=` is a one-parameter function here; Scala's Ordering a
 * comparator. Scala's `histogram(buckets)` returns the counts only (PySpark echoes the buckets too).
 */
import { runDoctests } from './runDoctests';
import type { RddDoctest } from './doctestCase';

const add = (x: number, y: number) => x + y;
const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);
const treeInput = [-5, -4, -3, -2, -1, 1, 2, 3, 4];

const pyspark: RddDoctest[] = [
  { source: 'pyspark/rdd.py RDD.sum', run: (sc) => sc.parallelize([1.0, 2.0, 3.0]).sum(), expected: 6.0 },
  { source: 'pyspark/rdd.py RDD.mapPartitionsWithIndex (summed)', run: (sc) => sc.parallelize([1, 2, 3, 4], 4).mapPartitionsWithIndex(function* (splitIndex) { yield splitIndex; }).sum(), expected: 6 },
  { source: 'pyspark/rdd.py RDD.max', run: (sc) => sc.parallelize([1.0, 5.0, 43.0, 10.0]).max(), expected: 43.0 },
  { source: 'pyspark/rdd.py RDD.max(key=str)', run: (sc) => sc.parallelize([1.0, 5.0, 43.0, 10.0]).max((x) => String(x)), expected: 5.0 },
  { source: 'pyspark/rdd.py RDD.min', run: (sc) => sc.parallelize([2.0, 5.0, 43.0, 10.0]).min(), expected: 2.0 },
  { source: 'pyspark/rdd.py RDD.min(key=str)', run: (sc) => sc.parallelize([2.0, 5.0, 43.0, 10.0]).min((x) => String(x)), expected: 10.0 },
  { source: 'pyspark/rdd.py RDD.mean', run: (sc) => sc.parallelize([1, 2, 3]).mean(), expected: 2.0 },
  { source: 'pyspark/rdd.py RDD.variance', run: (sc) => sc.parallelize([1, 2, 3]).variance(), expected: 0.6666666666666666 },
  { source: 'pyspark/rdd.py RDD.stdev', run: (sc) => sc.parallelize([1, 2, 3]).stdev(), expected: 0.816496580927726 },
  { source: 'pyspark/rdd.py RDD.sampleStdev', run: (sc) => sc.parallelize([1, 2, 3]).sampleStdev(), expected: 1.0 },
  { source: 'pyspark/rdd.py RDD.sampleVariance', run: (sc) => sc.parallelize([1, 2, 3]).sampleVariance(), expected: 1.0 },
  { source: 'pyspark/rdd.py RDD.stats (printed)', run: async (sc) => (await sc.parallelize([1, 2, 3]).stats()).toPythonString(),
    expected: '(count: 3, mean: 2.0, stdev: 0.816496580927726, max: 3.0, min: 1.0)' },
  { source: 'pyspark/rdd.py RDD.histogram(2)', run: (sc) => sc.parallelize(Array.from({ length: 51 }, (_, i) => i)).histogram(2), expected: [[0, 25, 50], [25, 26]] },
  { source: 'pyspark/rdd.py RDD.histogram([0, 5, 25, 50])', run: (sc) => sc.parallelize(Array.from({ length: 51 }, (_, i) => i)).histogram([0, 5, 25, 50]), expected: [5, 20, 26] },
  { source: 'pyspark/rdd.py RDD.histogram([0, 15, 30, 45, 60]) evenly spaced', run: (sc) => sc.parallelize(Array.from({ length: 51 }, (_, i) => i)).histogram([0, 15, 30, 45, 60], true), expected: [15, 15, 15, 6] },
  { source: 'pyspark/rdd.py RDD.histogram(("a", "b", "c")) of strings', run: (sc) => sc.parallelize(['ab', 'ac', 'b', 'bd', 'ef']).histogram(['a', 'b', 'c']), expected: [2, 2] },
  { source: 'pyspark/rdd.py RDD.top(1)', run: (sc) => sc.parallelize([10, 4, 2, 12, 3]).top(1), expected: [12] },
  { source: 'pyspark/rdd.py RDD.top(2) of 2 partitions', run: (sc) => sc.parallelize([2, 3, 4, 5, 6], 2).top(2), expected: [6, 5] },
  { source: 'pyspark/rdd.py RDD.top(3, key=str)', run: (sc) => sc.parallelize([10, 4, 2, 12, 3]).top(3, (x) => String(x)), expected: [4, 3, 2] },
  { source: 'pyspark/rdd.py RDD.takeOrdered(6)', run: (sc) => sc.parallelize([10, 1, 2, 9, 3, 4, 5, 6, 7]).takeOrdered(6), expected: [1, 2, 3, 4, 5, 6] },
  { source: 'pyspark/rdd.py RDD.takeOrdered(6, key=-x)', run: (sc) => sc.parallelize([10, 1, 2, 9, 3, 4, 5, 6, 7], 2).takeOrdered(6, (x) => -x), expected: [10, 9, 7, 6, 5, 4] },
  ...[undefined, 1, 2, 5, 10].map((depth): RddDoctest => ({
    source: `pyspark/rdd.py RDD.treeReduce(add${depth === undefined ? '' : `, ${depth}`})`,
    run: (sc) => sc.parallelize(treeInput, 10).treeReduce(add, depth), expected: -5,
  })),
  ...[undefined, 1, 2, 5, 10].map((depth): RddDoctest => ({
    source: `pyspark/rdd.py RDD.treeAggregate(0, add, add${depth === undefined ? '' : `, ${depth}`})`,
    run: (sc) => sc.parallelize(treeInput, 10).treeAggregate(0, add, add, depth), expected: -5,
  })),
  { source: 'pyspark/rdd.py RDD.treeReduce(add, 0) raises', run: (sc) => sc.parallelize(treeInput, 10).treeReduce(add, 0), error: 'Depth must be greater than or equal to 1 but got 0.' },
  { source: 'pyspark/rdd.py RDD.reduceByKeyLocally', run: async (sc) => [...(await sc.parallelize<[string, number]>([['a', 1], ['b', 1], ['a', 1]]).reduceByKeyLocally(add))].sort(),
    expected: [['a', 2], ['b', 1]] },
];


const doubleRddSuite: RddDoctest[] = [
  ...([
    ['WorksOnEmpty', [], [0.0, 10.0], [0]],
    ['WorksWithOutOfRangeWithOneBucket', [10.01, -0.01], [0.0, 10.0], [0]],
    ['WorksInRangeWithOneBucket', [1, 2, 3, 4], [0.0, 10.0], [4]],
    ['WorksInRangeWithOneBucketExactMatch', [1, 2, 3, 4], [1.0, 4.0], [4]],
    ['WorksWithOutOfRangeWithTwoBuckets', [10.01, -0.01], [0.0, 5.0, 10.0], [0, 0]],
    ['WorksInRangeWithTwoBuckets', [1, 2, 3, 5, 6], [0.0, 5.0, 10.0], [3, 2]],
    ['WorksInRangeWithTwoBucketsAndNaN', [1, 2, 3, 5, 6, NaN], [0.0, 5.0, 10.0], [3, 2]],
  ] as const).flatMap(([name, data, buckets, expected]): RddDoctest[] => [
    { source: `DoubleRDDSuite "${name}"`, run: (sc) => sc.parallelize<number>(data).histogram([...buckets]), expected },
    { source: `DoubleRDDSuite "${name}" (evenBuckets)`, run: (sc) => sc.parallelize<number>(data).histogram([...buckets], true), expected },
  ]),
  { source: 'DoubleRDDSuite "WorksOnEmpty" (emptyRDD)', run: (sc) => sc.emptyRDD<number>().histogram([0.0, 10.0]), expected: [0] },
  ...([
    ['WorksWithOutOfRangeWithTwoUnEvenBuckets', [10.01, -0.01], [0.0, 4.0, 10.0], [0, 0]],
    ['WorksInRangeWithTwoUnevenBuckets', [1, 2, 3, 5, 6], [0.0, 5.0, 11.0], [3, 2]],
    ['WorksMixedRangeWithTwoUnevenBuckets', [-0.01, 0.0, 1, 2, 3, 5, 6, 11.0, 11.01], [0.0, 5.0, 11.0], [4, 3]],
    ['WorksMixedRangeWithFourUnevenBuckets', [-0.01, 0.0, 1, 2, 3, 5, 6, 11.01, 12.0, 199.0, 200.0, 200.1], [0.0, 5.0, 11.0, 12.0, 200.0], [4, 2, 1, 3]],
    ['WorksMixedRangeWithUnevenBucketsAndNaN', [-0.01, 0.0, 1, 2, 3, 5, 6, 11.01, 12.0, 199.0, 200.0, 200.1, NaN], [0.0, 5.0, 11.0, 12.0, 200.0], [4, 2, 1, 3]],
    ['WorksMixedRangeWithUnevenBucketsAndNaNAndNaNRange', [-0.01, 0.0, 1, 2, 3, 5, 6, 11.01, 12.0, 199.0, 200.0, 200.1, NaN], [0.0, 5.0, 11.0, 12.0, 200.0, NaN], [4, 2, 1, 2, 3]],
    ['WorksMixedRangeWithUnevenBucketsAndNaNAndNaNRangeAndInfity', [-0.01, 0.0, 1, 2, 3, 5, 6, 11.01, 12.0, 199.0, 200.0, 200.1, Infinity, -Infinity, NaN], [0.0, 5.0, 11.0, 12.0, 200.0, NaN], [4, 2, 1, 2, 4]],
    ['WorksWithOutOfRangeWithInfiniteBuckets', [10.01, -0.01, NaN], [-Infinity, 0.0, Infinity], [1, 1]],
  ] as const).map(([name, data, buckets, expected]): RddDoctest => (
    { source: `DoubleRDDSuite "${name}"`, run: (sc) => sc.parallelize<number>([...data]).histogram([...buckets]), expected })),
  { source: 'DoubleRDDSuite "ThrowsExceptionOnInvalidBucketArray" (empty)', run: (sc) => sc.parallelize([1.0]).histogram([]), error: 'buckets array must have at least two elements' },
  { source: 'DoubleRDDSuite "ThrowsExceptionOnInvalidBucketArray" (one edge)', run: (sc) => sc.parallelize([1.0]).histogram([1.0]), error: 'buckets array must have at least two elements' },
  { source: 'DoubleRDDSuite "WorksWithoutBucketsBasic"', run: (sc) => sc.parallelize([1, 2, 3, 4]).histogram(1), expected: [[1.0, 4.0], [4]] },
  { source: 'DoubleRDDSuite "WorksWithoutBucketsBasicSingleElement"', run: (sc) => sc.parallelize([1]).histogram(1), expected: [[1.0, 1.0], [1]] },
  { source: 'DoubleRDDSuite "WorksWithoutBucketsBasicNoRange"', run: (sc) => sc.parallelize([1, 1, 1, 1]).histogram(1), expected: [[1.0, 1.0], [4]] },
  { source: 'DoubleRDDSuite "WorksWithoutBucketsBasicTwo"', run: (sc) => sc.parallelize([1, 2, 3, 4]).histogram(2), expected: [[1.0, 2.5, 4.0], [2, 2]] },
  { source: 'DoubleRDDSuite "WorksWithoutBucketsWithMoreRequestedThanElements"', run: (sc) => sc.parallelize([1, 2]).histogram(10),
    expected: [[1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2.0], [1, 0, 0, 0, 0, 0, 0, 0, 0, 1]] },
  { source: 'DoubleRDDSuite "WorksWithoutBucketsForLargerDatasets"', run: (sc) => sc.parallelize(range(6, 100)).histogram(8),
    expected: [[6.0, 17.625, 29.25, 40.875, 52.5, 64.125, 75.75, 87.375, 99.0], [12, 12, 11, 12, 12, 11, 12, 12]] },
  // The stored suite text (11, 10, 11, ...) predates fastBucketFunction's ratio-first formula; Spark 3.5.9 itself
  // returns these edges and counts for this RDD (31 / 93 * 9 === 3 exactly, so 37 and 68 start buckets 3 and 6).
  { source: 'DoubleRDDSuite "WorksWithoutBucketsWithIrrationalBucketEdges" (Spark 3.5.9 output)', run: (sc) => sc.parallelize(range(6, 100), 4).histogram(9),
    expected: [[6.0, 16.333333333333336, 26.666666666666668, 37.0, 47.333333333333336, 57.666666666666664, 68.0, 78.33333333333333, 88.66666666666667, 99.0],
      [11, 10, 10, 11, 10, 10, 11, 10, 11]] },
  { source: 'DoubleRDDSuite "ThrowsExceptionOnInvalidRDDs" (infinity)', run: (sc) => sc.parallelize([1, Infinity]).histogram(1), error: 'Histogram on either an empty RDD or RDD containing +/-infinity or NaN' },
  { source: 'DoubleRDDSuite "ThrowsExceptionOnInvalidRDDs" (NaN)', run: (sc) => sc.parallelize([1, NaN]).histogram(1), error: 'Histogram on either an empty RDD or RDD containing +/-infinity or NaN' },
  { source: 'DoubleRDDSuite "ThrowsExceptionOnInvalidRDDs" (empty)', run: (sc) => sc.parallelize<number>([]).histogram(1), error: 'Histogram on either an empty RDD or RDD containing +/-infinity or NaN' },
];

const byReverse = <T>(a: T, b: T) => (a < b ? 1 : a > b ? -1 : 0);
const rddSuite: RddDoctest[] = [
  { source: 'RDDSuite "basic operations" (max, min)', run: async (sc) => { const nums = sc.makeRDD([1, 2, 3, 4], 2); return [await nums.max(), await nums.min()]; }, expected: [4, 1] },
  { source: 'RDDSuite "basic operations" (reduce of nothing)', run: (sc) => sc.makeRDD([1, 2, 3, 4], 2).filter((x) => x > 5).reduce((a, b) => a + b), error: 'empty collection' },
  { source: 'RDDSuite "top with predefined ordering"', run: (sc) => {
    const nums = range(1, 100000);
    const shuffled = nums.map((x, i) => nums[(i * 7919) % nums.length]); // a fixed permutation (7919 is prime to 99999)
    return sc.makeRDD(shuffled, 2).top(5);
  }, expected: [99999, 99998, 99997, 99996, 99995] },
  { source: 'RDDSuite "top with custom ordering" (topK.sorted(ord))', run: async (sc) => (await sc.makeRDD(['a', 'b', 'c', 'd'], 2).top(2, byReverse)).sort(byReverse), expected: ['b', 'a'] },
  { source: 'RDDSuite "takeOrdered with predefined ordering"', run: (sc) => sc.makeRDD([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 2).takeOrdered(5), expected: [1, 2, 3, 4, 5] },
  { source: 'RDDSuite "takeOrdered with custom ordering"', run: (sc) => sc.makeRDD([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 2).takeOrdered(5, byReverse), expected: [10, 9, 8, 7, 6] },
  ...range(1, 10).map((depth): RddDoctest => ({ source: `RDDSuite "treeAggregate" (depth ${depth})`,
    run: (sc) => sc.makeRDD(range(-1000, 1000), 10).treeAggregate(0, (c, x) => c + x, (c1, c2) => c1 + c2, depth), expected: -1000 })),
  ...range(1, 10).map((depth): RddDoctest => ({ source: `RDDSuite "treeAggregate with ops modifying first args" (depth ${depth})`,
    run: async (sc) => {
      const op = (c: number[], x: number[]) => { c[0] += x[0]; return c; };
      return (await sc.makeRDD(range(-1000, 1000), 10).map((x) => [x]).treeAggregate([0], op, op, depth))[0];
    }, expected: -1000 })),
  ...range(1, 10).map((depth): RddDoctest => ({ source: `RDDSuite "treeReduce" (depth ${depth})`,
    run: (sc) => sc.makeRDD(range(-1000, 1000), 10).treeReduce((a, b) => a + b, depth), expected: -1000 })),
  { source: 'RDDSuite "empty RDD" (reduce)', run: (sc) => sc.emptyRDD<number>().reduce((a, b) => a + b), error: 'empty' },
];

runDoctests('statistics and ordering (pyspark/rdd.py)', pyspark);
runDoctests('ordering and tree aggregation (RDDSuite)', rddSuite);
runDoctests('statistics (DoubleRDDSuite)', doubleRddSuite);
