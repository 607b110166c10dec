/**
 * RDD.toDebugString in Spark's format (RDD.scala's debugSelf / debugChildren / shuffleDebugString). Expected
 * strings are Spark's for the same program typed in spark-shell, with the call site (" at <console>:NN")
 * left out where this engine has none, and kept where `sc.setCallSite` gives one. Each case uses a fresh
 * context so RDD ids start at 0, as in a fresh spark-shell.
 */
import { describe, expect, it } from 'vitest';
import { SparkConf } from '../core/conf';
import { SparkContext } from './SparkContext';
import { StorageLevel } from './storageLevel';
import type { RDD } from './RDD';

const fresh = () => new SparkContext(new SparkConf().setMaster('local[2]').setAppName('lineage'));
const words = ['a', 'b', 'a', 'c'];

/** [case, build the RDD in a fresh context, Spark's toDebugString] */
const cases: [string, (sc: SparkContext) => RDD<unknown>, string][] = [
  ['map → reduceByKey → map', (sc) => sc.parallelize(words, 2).map((w) => [w, 1] as [string, number]).reduceByKey((a, b) => a + b).map((kv) => kv[0]), [
    '(2) MapPartitionsRDD[3] at map []',
    ' |  ShuffledRDD[2] at reduceByKey []',
    ' +-(2) MapPartitionsRDD[1] at map []',
    '    |  ParallelCollectionRDD[0] at parallelize []',
  ].join('\n')],
  ['two shuffles: partition counts in the +- markers', (sc) => sc.parallelize(words, 3).map((w) => [w, 1] as [string, number]).reduceByKey((a, b) => a + b, 12).map((kv) => [kv[1], kv[0]] as [number, string]).groupByKey(2), [
    '(2) ShuffledRDD[4] at groupByKey []',
    ' +-(12) MapPartitionsRDD[3] at map []',
    '    |   ShuffledRDD[2] at reduceByKey []',
    '    +-(3) MapPartitionsRDD[1] at map []',
    '       |  ParallelCollectionRDD[0] at parallelize []',
  ].join('\n')],
  ['union', (sc) => sc.parallelize([1, 2], 2).union(sc.parallelize([3, 4], 2)), [
    '(4) UnionRDD[2] at union []',
    ' |  ParallelCollectionRDD[0] at parallelize []',
    ' |  ParallelCollectionRDD[1] at parallelize []',
  ].join('\n')],
  ['union of two shuffled RDDs with the same partitioner', (sc) => {
    const counted = (xs: string[]) => sc.parallelize(xs, 2).map((w) => [w, 1] as [string, number]).reduceByKey((a, b) => a + b, 2);
    return counted(['a']).union(counted(['b']));
  }, [
    '(2) PartitionerAwareUnionRDD[6] at union []',
    ' |  ShuffledRDD[2] at reduceByKey []',
    ' +-(2) MapPartitionsRDD[1] at map []',
    '    |  ParallelCollectionRDD[0] at parallelize []',   // Spark's prefix: last child of ShuffledRDD[2], not of the union
    ' |  ShuffledRDD[5] at reduceByKey []',
    ' +-(2) MapPartitionsRDD[4] at map []',
    '    |  ParallelCollectionRDD[3] at parallelize []',
  ].join('\n')],
  ['join: a CoGroupedRDD with two shuffle dependencies', (sc) => sc.parallelize([['a', 1]] as [string, number][], 2).join(sc.parallelize([['a', 'x']] as [string, string][], 2)), [
    '(2) MapPartitionsRDD[4] at join []',
    ' |  MapPartitionsRDD[3] at join []',
    ' |  CoGroupedRDD[2] at join []',
    ' +-(2) ParallelCollectionRDD[0] at parallelize []',
    ' +-(2) ParallelCollectionRDD[1] at parallelize []',
  ].join('\n')],
  ['distinct and repartition name the user\'s operation at every RDD they build', (sc) => sc.parallelize([1, 1, 2], 2).distinct().repartition(3), [
    '(3) MapPartitionsRDD[7] at repartition []',
    ' |  CoalescedRDD[6] at repartition []',
    ' |  ShuffledRDD[5] at repartition []',
    ' +-(2) MapPartitionsRDD[4] at repartition []',
    '    |  MapPartitionsRDD[3] at distinct []',
    '    |  ShuffledRDD[2] at distinct []',
    '    +-(2) MapPartitionsRDD[1] at distinct []',
    '       |  ParallelCollectionRDD[0] at parallelize []',
  ].join('\n')],
  ['with a call site, as spark-shell prints it', (sc) => {
    sc.setCallSite('<console>:24');
    return sc.parallelize(words, 2).map((w) => [w, 1] as [string, number]).reduceByKey((a, b) => a + b);
  }, [
    '(2) ShuffledRDD[2] at reduceByKey at <console>:24 []',
    ' +-(2) MapPartitionsRDD[1] at map at <console>:24 []',
    '    |  ParallelCollectionRDD[0] at parallelize at <console>:24 []',
  ].join('\n')],
];

describe('toDebugString', () => {
  it.each(cases)('%s', async (_name, build, expected) => {
    const sc = fresh();
    expect(build(sc).toDebugString()).toBe(expected);
    await sc.stop();
  });

  it('a cached RDD: its storage level on every line (Spark prints the root\'s level), CachedPartitions after an action', async () => {
    const sc = fresh();
    const doubled = sc.parallelize([1, 2, 3, 4, 5, 6], 2).map((x) => x * 2).cache();
    expect(doubled.toDebugString()).toBe([
      '(2) MapPartitionsRDD[1] at map [Memory Deserialized 1x Replicated]',
      ' |  ParallelCollectionRDD[0] at parallelize [Memory Deserialized 1x Replicated]',
    ].join('\n'));
    expect(await doubled.count()).toBe(6);
    const lines = doubled.toDebugString().split('\n');
    expect(lines[0]).toBe('(2) MapPartitionsRDD[1] at map [Memory Deserialized 1x Replicated]');
    expect(lines[1]).toMatch(/^ \|       CachedPartitions: 2; MemorySize: \d+\.\d (B|KiB); DiskSize: 0\.0 B$/);
    expect(lines[2]).toBe(' |  ParallelCollectionRDD[0] at parallelize [Memory Deserialized 1x Replicated]');
    expect(lines.length).toBe(3);

    // A child of the cached RDD prints its own (empty) level everywhere, and the cached parent's partitions.
    const child = doubled.map((x) => x + 1);
    const childLines = child.toDebugString().split('\n');
    expect(childLines[0]).toBe('(2) MapPartitionsRDD[2] at map []');
    expect(childLines[1]).toBe(' |  MapPartitionsRDD[1] at map []');
    expect(childLines[2]).toMatch(/^ \|      CachedPartitions: 2; MemorySize: /);
    expect(childLines[3]).toBe(' |  ParallelCollectionRDD[0] at parallelize []');

    doubled.unpersist();
    expect(doubled.toDebugString()).toBe([
      '(2) MapPartitionsRDD[1] at map []',
      ' |  ParallelCollectionRDD[0] at parallelize []',
    ].join('\n'));
    await sc.stop();
  });

  it('other storage levels use Spark\'s descriptions', () => {
    const sc = fresh();
    const rdd = sc.parallelize([1], 1).persist(StorageLevel.MEMORY_AND_DISK_SER_2);
    expect(rdd.toDebugString()).toBe('(1) ParallelCollectionRDD[0] at parallelize [Disk Memory Serialized 2x Replicated]');
    void sc.stop();
  });
});
