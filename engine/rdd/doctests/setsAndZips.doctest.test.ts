/**
 * PySpark's doctests (pyspark/rdd.py, pyspark/context.py, Spark 3.5) and RDDSuite / PairRDDFunctionsSuite cases
 * for sets, zips, grouping, iteration and SparkContext.range / runJob, ported to this engine's API.
 */
import { runDoctests } from './runDoctests';
import type { RddDoctest } from './doctestCase';
import type { RDD } from '../RDD';

const sortedPairs = <K, V>(xs: [K, Iterable<V>][]) =>
  xs.map(([k, vs]) => [k, [...vs].sort()] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const byKey = <X extends unknown[]>(xs: X[]) => [...xs].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : String(a[0]) > String(b[0]) ? 1 : 0));
async function drain<T>(it: AsyncIterable<T>): Promise<T[]> { const out: T[] = []; for await (const x of it) out.push(x); return out; }

const cases: RddDoctest[] = [
  // ---- pyspark/rdd.py ----
  { source: 'pyspark/rdd.py RDD.intersection',
    run: (sc) => sc.parallelize([1, 10, 2, 3, 4, 5]).intersection(sc.parallelize([1, 6, 2, 3, 7, 8])).collect(), expected: [1, 2, 3] },
  { source: 'pyspark/rdd.py RDD.subtract',
    run: (sc) => sc.parallelize<[string, number]>([['a', 1], ['b', 4], ['b', 5], ['a', 3]])
      .subtract(sc.parallelize<[string, number | null]>([['a', 3], ['c', null]]) as RDD<[string, number]>).collect(),
    expected: [['a', 1], ['b', 4], ['b', 5]], unordered: true },
  { source: 'pyspark/rdd.py RDD.zip',
    run: (sc) => sc.range(0, 5).zip(sc.range(1000, 1005)).collect(), expected: [[0, 1000], [1, 1001], [2, 1002], [3, 1003], [4, 1004]] },
  { source: 'pyspark/rdd.py RDD.zipWithUniqueId',
    run: (sc) => sc.parallelize(['a', 'b', 'c', 'd', 'e'], 3).zipWithUniqueId().collect(),
    expected: [['a', 0], ['b', 1], ['c', 4], ['d', 2], ['e', 5]] },
  { source: 'pyspark/rdd.py RDD.groupBy',
    run: async (sc) => sortedPairs(await sc.parallelize([1, 1, 2, 3, 5, 8]).groupBy((x) => x % 2).collect()),
    expected: [[0, [2, 8]], [1, [1, 1, 3, 5]]] },
  { source: 'pyspark/rdd.py RDD.groupWith',
    run: async (sc) => {
      const rdd1 = sc.parallelize<[string, number]>([['a', 5], ['b', 6]]);
      const rdd2 = sc.parallelize<[string, number]>([['a', 1], ['b', 4]]);
      const rdd3 = sc.parallelize<[string, number]>([['a', 2]]);
      const rdd4 = sc.parallelize<[string, number]>([['b', 42]]);
      return byKey(await rdd1.groupWith(rdd2, rdd3, rdd4).collect());
    },
    expected: [['a', [[5], [1], [2], []]], ['b', [[6], [4], [], [42]]]] },
  { source: 'pyspark/rdd.py RDD.repartitionAndSortWithinPartitions',
    // PySpark passes partitionFunc = x % 2; for these non-negative ints that is HashPartitioner(2)'s partition.
    run: (sc) => sc.parallelize<[number, number]>([[0, 5], [3, 8], [2, 6], [0, 8], [3, 8], [1, 3]])
      .repartitionAndSortWithinPartitions(2, true).glom().collect(),
    expected: [[[0, 5], [0, 8], [2, 6]], [[1, 3], [3, 8], [3, 8]]] },
  { source: 'pyspark/rdd.py RDD.toLocalIterator',
    run: (sc) => drain(sc.parallelize([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]).toLocalIterator()), expected: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] },
  // ---- pyspark/context.py ----
  { source: 'pyspark/context.py SparkContext.range (end)', run: (sc) => sc.range(5).collect(), expected: [0, 1, 2, 3, 4] },
  { source: 'pyspark/context.py SparkContext.range (start, end)', run: (sc) => sc.range(2, 4).collect(), expected: [2, 3] },
  { source: 'pyspark/context.py SparkContext.range (step)', run: (sc) => sc.range(1, 7, 2).collect(), expected: [1, 3, 5] },
  { source: 'pyspark/context.py SparkContext.range (negative step)', run: (sc) => sc.range(5, 0, -1).collect(), expected: [5, 4, 3, 2, 1] },
  { source: 'pyspark/context.py SparkContext.range (empty)', run: (sc) => sc.range(0, 5, -1).collect(), expected: [] },
  { source: 'pyspark/context.py SparkContext.range (numSlices=1)', run: (sc) => sc.range(5, undefined, 1, 1).getNumPartitions(), expected: 1 },
  { source: 'pyspark/context.py SparkContext.range (numSlices=10)', run: (sc) => sc.range(5, undefined, 1, 10).getNumPartitions(), expected: 10 },
  { source: 'pyspark/context.py SparkContext.runJob',
    // PySpark flattens the per-partition lists; Scala's runJob (this engine's) returns them per partition.
    run: async (sc) => (await sc.runJob(sc.parallelize([0, 1, 2, 3, 4, 5], 3), (part) => [...part].map((x) => x * x))).flat(),
    expected: [0, 1, 4, 9, 16, 25] },
  { source: 'pyspark/context.py SparkContext.runJob (partitions)',
    run: async (sc) => (await sc.runJob(sc.parallelize([0, 1, 2, 3, 4, 5], 3), (part) => [...part].map((x) => x * x), [0, 2])).flat(),
    expected: [0, 1, 16, 25] },

  // ---- RDDSuite ----
  { source: 'RDDSuite "zipped RDDs"',
    run: (sc) => { const nums = sc.makeRDD([1, 2, 3, 4], 2); return nums.zip(nums.map((x) => x.toString())).collect(); },
    expected: [[1, '1'], [2, '2'], [3, '3'], [4, '4']] },
  { source: 'RDDSuite "zipped RDDs" (different partition counts)',
    run: (sc) => sc.makeRDD([1, 2, 3, 4], 2).zip(sc.makeRDD([1, 2, 3, 4], 3)), error: "Can't zip RDDs with unequal numbers of partitions: List(2, 3)" },
  { source: 'RDDSuite "zipped RDDs" (different element counts)',
    run: (sc) => sc.makeRDD([1, 2, 3, 4], 2).zip(sc.makeRDD([1, 2, 3, 4, 5, 6], 2)).collect(), error: 'Can only zip RDDs with same number of elements in each partition' },
  { source: 'RDDSuite "zipWithUniqueId"',
    run: async (sc) => {
      const n = 10;
      const ids = (await sc.makeRDD(Array.from({ length: n }, (_, i) => i), 3).zipWithUniqueId().collect()).map((kv) => kv[1]);
      return [new Set(ids).size, ids.length];
    },
    expected: [10, 10] },
  { source: 'RDDSuite "intersection"',
    run: async (sc) => {
      const all = sc.parallelize([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      const evens = sc.parallelize([2, 4, 6, 8, 10]);
      return [...(await all.intersection(evens).collect())].sort((a, b) => a - b);
    },
    expected: [2, 4, 6, 8, 10] },
  { source: 'RDDSuite "intersection strips duplicates in an input"',
    run: async (sc) => [...(await sc.parallelize([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 2, 4]).intersection(sc.parallelize([2, 4, 6, 8, 10])).collect())].sort((a, b) => a - b),
    expected: [2, 4, 6, 8, 10] },
  { source: 'RDDSuite "zipPartitions" (three RDDs)',
    run: (sc) => {
      const a = sc.makeRDD([1, 2, 3, 4], 2), b = sc.makeRDD(['a', 'b', 'c', 'd'], 2), c = sc.makeRDD([true, false, true, false], 2);
      return a.zipPartitions(b, c, (xs, ys, zs) => [`${xs.length}${ys.length}${zs.length}`]).collect();
    },
    expected: ['222', '222'] },
  { source: 'PairRDDFunctionsSuite "subtract"',
    run: async (sc) => [...(await sc.parallelize([1, 2, 3], 2).subtract(sc.parallelize([2, 3, 4], 4)).collect())], expected: [1] },
  { source: 'PairRDDFunctionsSuite "subtract" (as many partitions as the left RDD)',
    run: (sc) => sc.parallelize([1, 2, 3, 4, 5], 3).subtract(sc.parallelize([2, 4], 2)).getNumPartitions(), expected: 3 },
  { source: 'PairRDDFunctionsSuite "subtract with narrow dependency"',
    // Spark's partitioner there is key => key over 5 partitions; for these keys HashPartitioner(5) places them alike.
    run: async (sc) => {
      const a = sc.parallelize<[number, string]>([[1, 'a'], [2, 'b'], [3, 'c']]).partitionBy(5);
      const b = sc.parallelize<[number, string]>([[2, 'b'], [3, 'cc'], [4, 'd']], 4);
      const c = a.subtract(b);
      return [(await c.collect()).sort((x, y) => x[0] - y[0]), c.partitioner === undefined];   // Spark compares sets
    },
    expected: [[[1, 'a'], [3, 'c']], true] },
  { source: 'RDDSuite "groupBy"',
    run: async (sc) => sortedPairs(await sc.makeRDD([1, 2, 3, 4], 2).groupBy((x) => x % 2 === 0 ? 'even' : 'odd', 3).collect()),
    expected: [['even', [2, 4]], ['odd', [1, 3]]] },
  { source: 'RDDSuite "repartitionAndSortWithinPartitions"',
    run: (sc) => sc.parallelize<[number, number]>([[0, 5], [3, 8], [2, 6], [0, 8], [3, 8], [1, 3]], 2)
      .repartitionAndSortWithinPartitions(2).glom().collect(),
    expected: [[[0, 5], [0, 8], [2, 6]], [[1, 3], [3, 8], [3, 8]]] },
];

runDoctests('sets, zips, grouping, iteration', cases);
