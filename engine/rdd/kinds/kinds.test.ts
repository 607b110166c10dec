/**
 * The kind table against the RDDs the engine builds: every RDD method's partition plan is plain data (it is
 * cloned to executors), names a kind in the table, and that kind is the one defined with the RDD's class.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { SparkConf } from '../../core/conf';
import { SparkContext } from '../SparkContext';
import type { PlanContext, RDD } from '../RDD';
import { StorageLevel } from '../storageLevel';
import { KINDS, kindOf, type PartPlan } from './index';
import { localCheckpointRDD } from './LocalCheckpointRDD';
import { MemoryFileSystem } from '../../core/fileSystem';

const sc = new SparkContext(new SparkConf().setMaster('local[2]').setAppName('kinds'));
afterAll(() => sc.stop());
const ctx: PlanContext = { mapLocations: () => [null, null], blockLocations: () => [] };
const pairs = () => sc.parallelize([[1, 'a'], [2, 'b'], [1, 'c']] as [number, string][], 2);
const hashed = () => pairs().partitionBy(2);

/** [RDD class, an RDD of that class] */
const rdds: [string, () => RDD<unknown>][] = [
  ['ParallelCollectionRDD', () => sc.parallelize([1, 2, 3], 2)],
  ['EmptyRDD', () => sc.emptyRDD()],
  ['BlockRDD', () => sc.blockRDD(['input-0-0', 'input-0-1'], [['0'], null])],
  ['MapPartitionsRDD', () => sc.parallelize([1, 2], 2).map((x) => x + 1)],
  ['PartitionwiseSampledRDD', () => sc.parallelize([1, 2], 2).sample(false, 0.5, 7)],
  ['UnionRDD', () => sc.parallelize([1], 1).union(sc.parallelize([2], 1))],
  ['PartitionerAwareUnionRDD', () => hashed().union(hashed())],
  ['CoalescedRDD', () => sc.parallelize([1, 2, 3, 4], 4).coalesce(2)],
  ['CartesianRDD', () => sc.parallelize([1], 1).cartesian(sc.parallelize([2], 1))],
  ['ZippedPartitionsRDD2', () => sc.parallelize([1], 2).zipPartitions(sc.parallelize([2], 2), (a, b) => [...a, ...b])],
  ['ShuffledRDD', () => pairs().reduceByKey((a, b) => a + b)],
  ['CoGroupedRDD', () => pairs().cogroup(pairs()).dependencies[0].rdd],
  ['SubtractedRDD', () => pairs().subtractByKey(pairs())],
  ['ZippedPartitionsRDD2', () => sc.parallelize([1], 2).zip(sc.parallelize([2], 2))],
  ['LocalCheckpointRDD', () => localCheckpointRDD(sc.parallelize([1], 2))],
];

describe('the kind table', () => {
  it.each(rdds)('%s: its plan is cloneable data of the kind defined with its class', (className, build) => {
    const rdd = build();
    expect(rdd.className).toBe(className);
    for (let p = 0; p < rdd.getNumPartitions(); p++) {
      const plan = rdd.planOf(p, ctx);
      expect(structuredClone(plan)).toEqual(plan);
      expect(kindOf(plan).rddClass).toBe(className);
    }
  });

  it('ZippedWithIndexRDD plans once its start indices are counted', async () => {
    const rdd = sc.parallelize(['a', 'b', 'c'], 2).zipWithIndex();
    await rdd.prepare?.();
    const plan = rdd.planOf(1, ctx);
    expect(plan).toMatchObject({ k: 'zipWithIndex', startIndex: 1 });
    expect(kindOf(plan).rddClass).toBe('ZippedWithIndexRDD');
  });

  it('HadoopRDD plans once its files are read', async () => {
    const fs = new MemoryFileSystem();
    const local = new SparkContext(new SparkConf().setMaster('local[1]').setAppName('kinds'), { fs });
    await fs.writeFile('/in/a.txt', 'x\ny\n');
    const lines = local.textFile('/in', 2).dependencies[0].rdd;
    await lines.prepare?.();
    const plan = lines.planOf(1, ctx);
    expect(structuredClone(plan)).toEqual({ k: 'input', rddClass: 'HadoopRDD', values: ['y'] });
    expect(kindOf(plan).rddClass).toBe('HadoopRDD');
    await local.stop();
  });

  it('a persisted RDD wraps its plan in a cached partition, whose kind belongs to no RDD class', () => {
    const plan = sc.parallelize([1], 1).persist(StorageLevel.MEMORY_ONLY).planOf(0, ctx);
    expect(plan.k).toBe('cached');
    expect(kindOf(plan).rddClass).toBeUndefined();
  });

  it('an RDD the input recorder wants wraps its (cached) plan in a recorded partition that names its own partition index', () => {
    const rdd = sc.parallelize([1, 2, 3], 3).persist(StorageLevel.MEMORY_ONLY);
    const plan = rdd.planOf(2, { ...ctx, recordedRdds: new Set([rdd.id]) });
    expect(plan).toMatchObject({ k: 'recorded', rddId: rdd.id, partition: 2, inner: { k: 'cached' } });
    expect(structuredClone(plan)).toEqual(plan);
    expect(kindOf(plan).rddClass).toBeUndefined();
    expect(rdd.planOf(2, ctx).k).toBe('cached');
  });

  it('is frozen, and every kind lists its inputs for the generic walkers', () => {
    expect(Object.isFrozen(KINDS)).toBe(true);
    const leaf: PartPlan = { k: 'data', values: [1] };
    const narrow: PartPlan = { k: 'narrow', rddId: 1, op: { t: 'glom' }, parent: leaf };
    expect(kindOf(narrow).inputs(narrow)).toEqual([leaf]);
    expect(kindOf(leaf).inputs(leaf)).toEqual([]);
  });
});
