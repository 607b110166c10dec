/**
 * PySpark's doctests of the sampling and approximate methods (pyspark/rdd.py, Spark 3.5) and the matching cases
 * of RDDSuite and PartitionwiseSampledRDDSuite. Where Spark's result is random, the doctest states a range or a
 * size; those are kept as written. Approximate actions return Scala's PartialResult<BoundedDouble>.
 */
import { runDoctests } from './runDoctests';
import type { RddDoctest } from './doctestCase';

const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);

const pyspark: RddDoctest[] = [
  { source: 'pyspark/rdd.py RDD.sample', run: async (sc) => { const n = await sc.parallelize(range(0, 100), 4).sample(false, 0.1, 81).count(); return 6 <= n && n <= 14; }, expected: true },
  { source: 'pyspark/rdd.py RDD.takeSample(True, 20, 1)', run: async (sc) => (await sc.parallelize(range(0, 10)).takeSample(true, 20, 1)).length, expected: 20 },
  { source: 'pyspark/rdd.py RDD.takeSample(False, 5, 2)', run: async (sc) => (await sc.parallelize(range(0, 10)).takeSample(false, 5, 2)).length, expected: 5 },
  { source: 'pyspark/rdd.py RDD.takeSample(False, 15, 3)', run: async (sc) => (await sc.parallelize(range(0, 10)).takeSample(false, 15, 3)).length, expected: 10 },
  { source: 'pyspark/rdd.py RDD.takeSample(False, -1) raises', run: (sc) => sc.parallelize(range(0, 10)).takeSample(false, -1), error: 'Negative number of elements requested' },
  { source: 'pyspark/rdd.py RDD.randomSplit (all records)', run: async (sc) => {
    const [a, b] = sc.parallelize(range(0, 500), 1).randomSplit([2, 3], 17);
    return [...(await a.collect()), ...(await b.collect())].length;
  }, expected: 500 },
  { source: 'pyspark/rdd.py RDD.randomSplit (sizes)', run: async (sc) => {
    const [a, b] = sc.parallelize(range(0, 500), 1).randomSplit([2, 3], 17);
    const [na, nb] = [await a.count(), await b.count()];
    return [150 < na && na < 250, 250 < nb && nb < 350];
  }, expected: [true, true] },
  { source: 'pyspark/rdd.py RDD.sampleByKey', run: async (sc) => {
    const fractions = new Map([['a', 0.2], ['b', 0.1]]);
    const rdd = sc.parallelize(['a', 'b']).cartesian(sc.parallelize(range(0, 1000)));
    const sample = new Map((await rdd.sampleByKey(false, fractions, 2).groupByKey().collect()).map(([k, vs]) => [k, [...vs]]));
    const a = sample.get('a')!, b = sample.get('b')!;
    return [100 < a.length && a.length < 300 && 50 < b.length && b.length < 150,
      Math.max(...a) <= 999 && Math.min(...a) >= 0, Math.max(...b) <= 999 && Math.min(...b) >= 0];
  }, expected: [true, true, true] },
  { source: 'pyspark/rdd.py RDD.countApprox', run: async (sc) => (await sc.parallelize(range(0, 1000), 10).countApprox(1000, 1.0)).getFinalValue().mean, expected: 1000 },
  { source: 'pyspark/rdd.py RDD.sumApprox', run: async (sc) => {
    const r = range(0, 1000).reduce((x, y) => x + y, 0);
    return Math.abs((await sc.parallelize(range(0, 1000), 10).sumApprox(1000)).getFinalValue().mean - r) / r < 0.05;
  }, expected: true },
  { source: 'pyspark/rdd.py RDD.meanApprox', run: async (sc) => {
    const r = range(0, 1000).reduce((x, y) => x + y, 0) / 1000.0;
    return Math.abs((await sc.parallelize(range(0, 1000), 10).meanApprox(1000)).getFinalValue().mean - r) / r < 0.05;
  }, expected: true },
  { source: 'pyspark/rdd.py RDD.countApproxDistinct (1000 strings)', run: async (sc) => { const n = await sc.parallelize(range(0, 1000)).map((x) => String(x)).countApproxDistinct(); return 900 < n && n < 1100; }, expected: true },
  { source: 'pyspark/rdd.py RDD.countApproxDistinct (20 values)', run: async (sc) => { const n = await sc.parallelize(range(0, 1000).map((i) => i % 20)).countApproxDistinct(); return 16 < n && n < 24; }, expected: true },
  { source: 'pyspark/rdd.py RDD.countApproxDistinct(0.000001) raises', run: (sc) => sc.parallelize(range(0, 10)).countApproxDistinct(0.000001), error: 'must be greater than 0.000017' },
];

const error = (est: number, size: number) => Math.abs(est - size) / size;

const rddSuite: RddDoctest[] = [
  { source: 'RDDSuite "countApproxDistinct"', run: async (sc) => {
    const size = 1000;
    const simpleRdd = sc.makeRDD(range(1, 5001).map((i) => i % size), 10);
    return [error(await simpleRdd.countApproxDistinct(8, 0), size) < 0.2, error(await simpleRdd.countApproxDistinct(12, 0), size) < 0.1,
      error(await simpleRdd.countApproxDistinct(0.02), size) < 0.1, error(await simpleRdd.countApproxDistinct(0.5), size) < 0.22];
  }, expected: [true, true, true, true] },
  // Spark's suite uses n = 1,000,000; 20,000 keeps the same branches (num < count, num > count, 2n with replacement).
  { source: 'RDDSuite "takeSample" (n = 20000)', run: async (sc) => {
    const n = 20000;
    const data = sc.parallelize(range(1, n + 1), 2);
    const inRange = (xs: number[]) => xs.every((x) => x >= 1 && x <= n);
    const ok: boolean[] = [];
    for (const num of [5, 20, 100]) { const s = await data.takeSample(false, num); ok.push(s.length === num && new Set(s).size === num && inRange(s)); }
    for (let seed = 1; seed <= 5; seed++) {
      for (const num of [20, 100]) { const s = await data.takeSample(false, num, seed); ok.push(s.length === num && new Set(s).size === num && inRange(s)); }
      const r = await data.takeSample(true, 20, seed); ok.push(r.length === 20 && inRange(r));
      const all = await data.takeSample(true, n, seed); ok.push(all.length === n && new Set(all).size < n);
      const twice = await data.takeSample(true, 2 * n, seed); ok.push(twice.length === 2 * n && new Set(twice).size < n);
    }
    return ok.every(Boolean);
  }, expected: true },
  { source: 'RDDSuite "takeSample from an empty rdd"', run: (sc) => sc.parallelize<number>([], 2).takeSample(false, 20, 1), expected: [] },
  { source: 'RDDSuite "randomSplit"', run: async (sc) => {
    const n = 600;
    const data = sc.parallelize(range(1, n + 1), 2);
    const ok: boolean[] = [];
    for (let seed = 1; seed <= 5; seed++) {
      const splits = data.randomSplit([1.0, 2.0, 3.0], seed);
      const parts = await Promise.all(splits.map((s) => s.collect()));
      ok.push(splits.length === 3, JSON.stringify(parts.flat().sort((a, b) => a - b)) === JSON.stringify(await data.collect()));
      const c = await Promise.all(splits.map((s) => s.count()));
      ok.push(Math.abs(c[0] - 100) < 50, Math.abs(c[1] - 200) < 50, Math.abs(c[2] - 300) < 50);
    }
    return ok.every(Boolean);
  }, expected: true },
  { source: 'RDDSuite "sample preserves partitioner"', run: (sc) => {
    const rdd = sc.parallelize<[number, number]>([[0, 1], [2, 3]]).partitionBy(2);
    return [true, false].map((withReplacement) => rdd.sample(withReplacement, 1.0).partitioner === rdd.partitioner);
  }, expected: [true, true] },
  { source: 'RDD.randomSplit (negative weight)', run: (sc) => sc.parallelize([1, 2], 1).randomSplit([2, -1], 3), error: 'Weights must be nonnegative, but got [2.0,-1.0]' },
  { source: 'RDD.randomSplit (zero sum)', run: (sc) => sc.parallelize([1, 2], 1).randomSplit([0, 0], 3), error: 'Sum of weights must be positive, but got [0.0,0.0]' },
  { source: 'RDD.take (negative and zero)', run: async (sc) => [await sc.parallelize([1, 2, 3], 2).take(-1), await sc.parallelize([1, 2, 3], 2).take(0)], expected: [[], []] },
];

/**
 * Exact outputs of Spark 3.5.9's JVM RDD API (JavaRDD through py4j, local[4]) for the same data, seeds and
 * partitions: the samplers, seeds and shuffles here are Spark's bit for bit.
 */
const spark359: RddDoctest[] = [
  { source: 'Spark 3.5.9 sample(true, 2.0, 42) of 0..39 in 4', run: (sc) => sc.parallelize(range(0, 40), 4).sample(true, 2.0, 42).collect(),
    expected: [1, 2, 3, 4, 5, 6, 7, 7, 7, 8, 8, 8, 8, 9, 10, 11, 11, 12, 13, 13, 13, 14, 15, 15, 15, 16, 16, 19, 19, 20, 20, 20, 22, 22, 23, 23, 23, 24, 24, 25, 26, 26, 27, 28, 28, 28, 28, 29, 30, 30, 30, 30, 31, 31, 31, 32, 32, 32, 33, 33, 34, 34, 34, 35, 35, 37, 37, 37, 38, 38, 38, 39, 39] },
  { source: 'Spark 3.5.9 sample(true, 0.7, 5) of 0..39 in 4', run: (sc) => sc.parallelize(range(0, 40), 4).sample(true, 0.7, 5).collect(),
    expected: [7, 7, 7, 8, 13, 13, 14, 15, 18, 20, 21, 21, 23, 26, 26, 27, 27, 28, 29, 30, 30, 31, 32, 33, 33, 36, 37, 38, 39] },
  { source: 'Spark 3.5.9 sample(true, 0.3, 5) of 0..39 in 4', run: (sc) => sc.parallelize(range(0, 40), 4).sample(true, 0.3, 5).collect(),
    expected: [1, 2, 6, 7, 7, 9, 10, 11, 15, 16, 19, 31, 33, 35] },
  { source: 'Spark 3.5.9 takeSample(true, 20, 1) of 0..9 in 4', run: (sc) => sc.parallelize(range(0, 10), 4).takeSample(true, 20, 1),
    expected: [2, 3, 8, 5, 6, 1, 5, 8, 1, 8, 2, 7, 6, 9, 0, 5, 7, 3, 9, 8] },
  { source: 'Spark 3.5.9 takeSample(false, 5, 2) of 0..9 in 4', run: (sc) => sc.parallelize(range(0, 10), 4).takeSample(false, 5, 2), expected: [3, 8, 4, 6, 1] },
  { source: 'Spark 3.5.9 takeSample(false, 15, 3) of 0..9 in 4', run: (sc) => sc.parallelize(range(0, 10), 4).takeSample(false, 15, 3), expected: [6, 5, 1, 3, 8, 7, 9, 0, 2, 4] },
  { source: 'Spark 3.5.9 takeSample(false, 20, 7) of 1..100 in 2', run: (sc) => sc.parallelize(range(1, 101), 2).takeSample(false, 20, 7),
    expected: [50, 45, 80, 11, 21, 74, 34, 91, 100, 95, 56, 23, 32, 86, 61, 84, 43, 73, 47, 71] },
  { source: 'Spark 3.5.9 takeSample(true, 100, 13) of 1..100 in 2', run: (sc) => sc.parallelize(range(1, 101), 2).takeSample(true, 100, 13),
    expected: [17, 3, 35, 7, 56, 59, 40, 18, 66, 90, 25, 55, 59, 99, 12, 18, 69, 90, 96, 53, 44, 52, 92, 82, 41, 8, 5, 73, 49, 18, 41, 63, 4, 38, 65, 4, 26, 97, 50, 97, 50, 80, 41, 24, 72, 43, 57, 81, 68, 27, 55, 50, 44, 52, 100, 78, 33, 31, 17, 93, 55, 51, 95, 57, 36, 96, 37, 45, 12, 82, 43, 40, 18, 56, 34, 9, 89, 98, 93, 65, 4, 3, 7, 80, 80, 10, 12, 14, 20, 88, 61, 29, 23, 70, 10, 78, 25, 37, 10, 51] },
  { source: 'Spark 3.5.9 randomSplit([2, 3], 17) of 0..29 in 2', run: (sc) => Promise.all(sc.parallelize(range(0, 30), 2).randomSplit([2, 3], 17).map((r) => r.collect())),
    expected: [[1, 2, 4, 8, 13, 14, 15, 17, 18, 19, 20, 21, 22, 23, 27, 28], [0, 3, 5, 6, 7, 9, 10, 11, 12, 16, 24, 25, 26, 29]] },
  { source: 'Spark 3.5.9 sampleByKey(false, {a: 0.3, b: 0.6}, 11)', run: (sc) => sc.parallelize(range(0, 40).map((i): [string, number] => [i % 2 ? 'a' : 'b', i]), 3)
    .sampleByKey(false, new Map([['a', 0.3], ['b', 0.6]]), 11).collect(),
  expected: [['b', 0], ['a', 1], ['b', 2], ['b', 4], ['a', 7], ['b', 8], ['b', 10], ['b', 16], ['a', 17], ['b', 18], ['a', 19], ['b', 22], ['b', 24], ['b', 26], ['b', 28], ['b', 30], ['a', 33], ['b', 34], ['b', 36], ['a', 37], ['a', 39]] },
  { source: 'Spark 3.5.9 sampleByKey(true, {a: 0.3, b: 1.5}, 11)', run: (sc) => sc.parallelize(range(0, 40).map((i): [string, number] => [i % 2 ? 'a' : 'b', i]), 3)
    .sampleByKey(true, new Map([['a', 0.3], ['b', 1.5]]), 11).collect(),
  expected: [['b', 0], ['b', 0], ['a', 1], ['b', 2], ['b', 2], ['b', 4], ['b', 4], ['b', 4], ['b', 4], ['b', 4], ['b', 6], ['b', 6], ['b', 8], ['a', 11], ['a', 11], ['b', 12], ['a', 15], ['b', 16], ['b', 16], ['b', 16], ['b', 16], ['b', 16], ['b', 18], ['b', 20], ['b', 20], ['a', 21], ['b', 22], ['b', 22], ['b', 22], ['b', 24], ['b', 24], ['b', 26], ['b', 28], ['b', 28], ['b', 32], ['b', 32], ['a', 33], ['b', 34], ['b', 34], ['b', 36], ['b', 36], ['b', 38], ['b', 38]] },
  { source: 'Spark 3.5.9 sampleByKeyExact(false, {a: 0.3, b: 0.5}, 11)', run: async (sc) => (await sc.parallelize(range(0, 60).map((i): [string, number] => [i % 3 ? 'a' : 'b', i]), 3)
    .sampleByKeyExact(false, new Map([['a', 0.3], ['b', 0.5]]), 11)).collect(),
  expected: [['b', 0], ['a', 1], ['a', 4], ['a', 7], ['a', 8], ['a', 10], ['b', 15], ['a', 19], ['a', 23], ['b', 24], ['a', 26], ['b', 30], ['a', 31], ['b', 33], ['b', 36], ['a', 47], ['b', 48], ['a', 49], ['b', 51], ['a', 53], ['b', 54], ['b', 57]] },
  { source: 'Spark 3.5.9 sampleByKeyExact(true, {a: 0.3, b: 1.5}, 11)', run: async (sc) => (await sc.parallelize(range(0, 60).map((i): [string, number] => [i % 3 ? 'a' : 'b', i]), 3)
    .sampleByKeyExact(true, new Map([['a', 0.3], ['b', 1.5]]), 11)).collect(),
  expected: [['b', 0], ['b', 0], ['b', 0], ['b', 0], ['a', 2], ['b', 3], ['b', 3], ['a', 4], ['b', 6], ['a', 8], ['b', 9], ['b', 9], ['b', 12], ['b', 12], ['b', 12], ['b', 15], ['a', 17], ['a', 19], ['b', 21], ['b', 21], ['b', 21], ['b', 24], ['a', 26], ['b', 27], ['a', 29], ['a', 35], ['a', 35], ['b', 36], ['b', 36], ['b', 36], ['b', 45], ['b', 45], ['a', 47], ['b', 48], ['b', 48], ['b', 48], ['b', 54], ['b', 54], ['b', 57], ['b', 57], ['a', 59], ['a', 59]] },
  { source: 'PairRDDFunctions.sampleByKeyExact: exactly ceil(count * fraction) per key', run: async (sc) => {
    const rdd = sc.parallelize(range(0, 3000).map((i): [string, number] => [i % 3 ? 'a' : 'b', i]), 4);
    const sizes: number[] = [];
    for (const withReplacement of [false, true]) {
      const counts = await (await rdd.sampleByKeyExact(withReplacement, new Map([['a', 0.1], ['b', 0.25]]), 5)).countByKey();
      sizes.push(counts.get('a')!, counts.get('b')!);
    }
    return sizes;
  }, expected: [200, 250, 200, 250] },
  { source: 'Spark 3.5.9 sample(true, 45.0, 3) of 0..5 in 2 (large-mean Poisson)', run: (sc) => sc.parallelize(range(0, 6), 2).sample(true, 45.0, 3).collect(),
    expected: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5] },
  // Above 5 * 2^p (and below HLL++'s linear-counting threshold) no bias table is involved: these equal Spark's exactly.
  { source: 'Spark 3.5.9 countApproxDistinct(0.5) of i % 1000, i in 1..5000', run: (sc) => sc.makeRDD(range(1, 5001).map((i) => i % 1000), 10).countApproxDistinct(0.5), expected: 1213 },
  { source: 'Spark 3.5.9 countApproxDistinct(12, 0) of i % 1000', run: (sc) => sc.makeRDD(range(1, 5001).map((i) => i % 1000), 10).countApproxDistinct(12, 0), expected: 1027 },
  { source: 'Spark 3.5.9 countApproxDistinct(0.02) of i % 1000', run: (sc) => sc.makeRDD(range(1, 5001).map((i) => i % 1000), 10).countApproxDistinct(0.02), expected: 1027 },
  { source: 'Spark 3.5.9 countApproxDistinct() of i % 20', run: (sc) => sc.parallelize(range(0, 1000).map((i) => i % 20), 4).countApproxDistinct(), expected: 19 },
];

const partitionwiseSampled: RddDoctest[] = [
  { source: 'RDD.sample(true, 2.0): with replacement above 0.4 (commons-math Poisson)', run: async (sc) => {
    const sample = await sc.parallelize(range(0, 1000), 4).sample(true, 2.0, 42).collect();
    return [sample.length > 1700 && sample.length < 2300, sample.every((x) => x >= 0 && x < 1000)];
  }, expected: [true, true] },
  { source: 'RDD.sample(true, 1.5, 7): the same seed gives the same sample', run: async (sc) => {
    const rdd = sc.parallelize(range(0, 200), 3);
    const [a, b] = [await rdd.sample(true, 1.5, 7).collect(), await rdd.sample(true, 1.5, 7).collect()];
    return JSON.stringify(a) === JSON.stringify(b) && a.length > 0;
  }, expected: true },
];

runDoctests('sampling and approximate actions (pyspark/rdd.py)', pyspark);
runDoctests('sampling (RDDSuite)', rddSuite);
runDoctests('sampling with replacement', partitionwiseSampled);
runDoctests('sampling and approximate actions (Spark 3.5.9 outputs)', spark359);
