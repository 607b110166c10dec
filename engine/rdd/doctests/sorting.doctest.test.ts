/**
 * PySpark's doctests of RDD.sortByKey (pyspark/rdd.py, Spark 3.5) and the RangePartitioner's partition count as
 * Spark's (bounds.length + 1, settled by the sampling job at the first action).
 */
import { runDoctests } from './runDoctests';
import type { RddDoctest } from './doctestCase';

const tmp: [string, number][] = [['a', 1], ['b', 2], ['1', 3], ['d', 4], ['2', 5]];

const cases: RddDoctest[] = [
  { source: 'pyspark/rdd.py RDD.sortByKey (first)', run: (sc) => sc.parallelize(tmp).sortByKey().first(), expected: ['1', 3] },
  { source: 'pyspark/rdd.py RDD.sortByKey (1 partition)', run: (sc) => sc.parallelize(tmp).sortByKey(true, 1).collect(),
    expected: [['1', 3], ['2', 5], ['a', 1], ['b', 2], ['d', 4]] },
  { source: 'pyspark/rdd.py RDD.sortByKey (2 partitions)', run: (sc) => sc.parallelize(tmp).sortByKey(true, 2).collect(),
    expected: [['1', 3], ['2', 5], ['a', 1], ['b', 2], ['d', 4]] },
  { source: 'pyspark/rdd.py RDD.sortByKey (keyfunc: not supported, named)',
    run: (sc) => (Reflect.get(sc.parallelize(tmp), 'sortByKey') as (...a: unknown[]) => unknown).call(sc.parallelize(tmp), true, 3, (k: string) => k.toLowerCase()),
    error: 'sortByKey: the argument keyfunc is not supported by this engine' },
  // Found by the Spark oracle (a generated pipeline: repartition(3), map to pairs, transform(sortByKey), print): take
  // scans partitions one job at a time, so it must read the count after the sampling job has settled it.
  { source: 'RangePartitioner: take and first over a sorted RDD whose sampling settles fewer partitions',
    run: async (sc) => {
      const sorted = sc.parallelize<[string, number]>([['spark', 1]], 3).sortByKey();
      return [await sorted.take(21), await sorted.isEmpty(), await sc.parallelize<[string, number]>([], 3).sortByKey().take(5)];
    },
    expected: [[['spark', 1]], false, []] },
  { source: 'RangePartitioner: one distinct key into 3 partitions gives 2 (bounds [1]) after the sampling job',
    run: async (sc) => {
      const sorted = sc.parallelize<[number, string]>([[1, 'a'], [1, 'b'], [1, 'c']], 3).sortByKey(true, 3);
      const mapped = sorted.mapValues((v) => v.toUpperCase());
      const before = [sorted.getNumPartitions(), mapped.getNumPartitions()];
      const glom = await mapped.glom().collect();
      return [before, sorted.getNumPartitions(), mapped.getNumPartitions(), glom];
    },
    expected: [[3, 3], 2, 2, [[[1, 'A'], [1, 'B'], [1, 'C']], []]] },
  { source: 'RangePartitioner: RDDs defined on a sorted RDD before its first action follow its settled count',
    run: async (sc) => {
      const sorted = () => sc.parallelize<[number, string]>([[1, 'a'], [1, 'b'], [1, 'c']], 3).sortByKey(true, 3);
      const other = sc.parallelize<[number, string]>([[2, 'x']], 1);
      const s1 = sorted(), s2 = sorted(), s3 = sorted(), s4 = sorted(), s5 = sorted();
      const union = s1.union(other), indexed = s2.zipWithIndex(), coalesced = s3.coalesce(2), cartesian = s4.cartesian(other);
      const sampled = s5.sample(false, 1.0, 1);
      return [await union.glom().collect(), await indexed.collect(), await coalesced.glom().collect(), await cartesian.count(),
        [union.getNumPartitions(), indexed.getNumPartitions(), coalesced.getNumPartitions(), cartesian.getNumPartitions()], await sampled.count()];
    },
    expected: [[[[1, 'a'], [1, 'b'], [1, 'c']], [], [[2, 'x']]], [[[1, 'a'], 0], [[1, 'b'], 1], [[1, 'c'], 2]],
      [[[1, 'a'], [1, 'b'], [1, 'c']], []], 3, [3, 2, 2, 2], 3] },
  { source: 'RangePartitioner: an empty RDD sorts into one partition',
    run: async (sc) => { const s = sc.parallelize<[number, number]>([], 4).sortByKey(); await s.collect(); return s.getNumPartitions(); }, expected: 1 },
  { source: 'sortByKey runs no job when defined',
    run: (sc) => {
      let jobs = 0;
      const stop = sc.addSparkListener((e) => { if (e.type === 'jobStart') jobs++; });
      sc.parallelize(tmp, 2).sortByKey();
      stop();
      return jobs;
    },
    expected: 0 },
];

runDoctests('sorting', cases);
