/** PySpark doctests of methods that already existed, kept as the runner's own check. */
import { runDoctests } from './runDoctests';
import type { RddDoctest } from './doctestCase';

const cases: RddDoctest[] = [
  { source: 'pyspark/rdd.py RDD.glom', run: (sc) => sc.parallelize([1, 2, 3, 4], 2).glom().collect(), expected: [[1, 2], [3, 4]] },
  { source: 'pyspark/rdd.py RDD.reduceByKey', run: (sc) => sc.parallelize<[string, number]>([['a', 1], ['b', 1], ['a', 1]]).reduceByKey((a, b) => a + b).collect(), expected: [['a', 2], ['b', 1]], unordered: true },
  { source: 'pyspark/rdd.py RDD.countByValue', run: (sc) => sc.parallelize([1, 2, 1, 2, 2], 2).countByValue(), expected: new Map([[1, 2], [2, 3]]) },
  { source: 'pyspark/rdd.py RDD.zipWithIndex', run: (sc) => sc.parallelize(['a', 'b', 'c', 'd'], 3).zipWithIndex().collect(), expected: [['a', 0], ['b', 1], ['c', 2], ['d', 3]] },
];

runDoctests('existing methods', cases);
