/**
 * RDD transformations against Spark's results. Cases are data: an RDD built from `sc`, and what Spark's
 * collect() (or glom().collect(), which shows partition contents) returns. Rows marked RDDSuite come from
 * Spark's core/src/test/scala/org/apache/spark/rdd/RDDSuite.scala; the others follow Spark's algorithms
 * (parallelize slicing, CoalescedRDD grouping, repartition's XORShiftRandom start positions, sampling).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { SparkConf } from '../core/conf';
import { formatRecord } from '../core/format';
import { PoissonSampler, partitionwiseSamplingSeeds } from '../core/randomSampler';
import { SparkContext } from './SparkContext';
import type { RDD } from './RDD';

const sc = new SparkContext(new SparkConf().setMaster('local[2]').setAppName('RDDSuite'));
afterAll(() => sc.stop());

const range = (from: number, until: number) => Array.from({ length: until - from }, (_, i) => from + i);
/** RDDSuite's `nums`: sc.makeRDD(Array(1, 2, 3, 4), 2). */
const nums = () => sc.makeRDD([1, 2, 3, 4], 2);
const show = (xs: unknown[]) => xs.map(formatRecord).join(' ');

/** [name, build, Spark's collect() printed record by record] */
const collected: [string, () => RDD<unknown>, string][] = [
  ['map (RDDSuite)', () => nums().map((x) => String(x)), '1 2 3 4'],
  ['filter (RDDSuite)', () => nums().filter((x) => x > 2), '3 4'],
  ['flatMap (RDDSuite)', () => nums().flatMap((x) => Array.from({ length: x }, (_, i) => i + 1)), '1 1 2 1 2 3 1 2 3 4'],
  ['flatMap to nothing', () => nums().flatMap(() => []), ''],
  ['flatMap of a generator', () => nums().flatMap(function* (x) { if (x % 2 === 0) yield x; yield -x; }), '-1 2 -2 -3 4 -4'],
  ['mapPartitions with an array (RDDSuite)', () => nums().mapPartitions((it) => { let s = 0; for (const x of it) s += x; return [s]; }), '3 7'],
  ['mapPartitions with a generator', () => sc.parallelize(range(1, 11), 3).mapPartitions(function* (it) { for (const x of it) if (x % 2 === 1) yield x * 10; }), '10 30 50 70 90'],
  ['mapPartitionsWithIndex (RDDSuite)', () => nums().mapPartitionsWithIndex((i, it) => { let s = 0; for (const x of it) s += x; return [[i, s]]; }), '(0,3) (1,7)'],
  ['union (RDDSuite)', () => nums().union(nums()), '1 2 3 4 1 2 3 4'],
  ['sc.union of three', () => sc.union([nums(), sc.parallelize([5], 1), sc.emptyRDD<number>()]), '1 2 3 4 5'],
  ['keyBy', () => sc.parallelize(['a', 'bb', 'ccc'], 2).keyBy((s) => s.length), '(1,a) (2,bb) (3,ccc)'],
  ['zipWithIndex', () => sc.parallelize(['a', 'b', 'c', 'd', 'e'], 3).zipWithIndex(), '(a,0) (b,1) (c,2) (d,3) (e,4)'],
  ['zipWithIndex with empty partitions', () => sc.parallelize(['a', 'b'], 4).zipWithIndex(), '(a,0) (b,1)'],
  ['cartesian', () => sc.parallelize([1, 2], 2).cartesian(sc.parallelize(['a', 'b', 'c'], 2)), '(1,a) (1,b) (1,c) (2,a) (2,b) (2,c)'],
  ['sortBy column 0 (RDDSuite)', () => sc.parallelize(['5|50|A', '4|60|C', '6|40|B']).sortBy((s) => s.split('|')[0]), '4|60|C 5|50|A 6|40|B'],
  ['sortBy column 1 (RDDSuite)', () => sc.parallelize(['5|50|A', '4|60|C', '6|40|B']).sortBy((s) => s.split('|')[1]), '6|40|B 5|50|A 4|60|C'],
  ['sortBy column 2 (RDDSuite)', () => sc.parallelize(['5|50|A', '4|60|C', '6|40|B']).sortBy((s) => s.split('|')[2]), '5|50|A 6|40|B 4|60|C'],
  ['sortBy descending into 3', () => sc.parallelize([5, 1, 4, 2, 3, 9, 7], 2).sortBy((x) => x, false, 3), '9 7 5 4 3 2 1'],
  ['sortBy a tuple key', () => sc.parallelize([[2, 'b'], [1, 'z'], [2, 'a']] as [number, string][], 2).sortBy((t) => t), '(1,z) (2,a) (2,b)'],
  ['distinct (order of Spark\'s reduce-side AppendOnlyMap)', () => sc.parallelize(['b', 'a', 'c', 'a', 'b'], 2).distinct(), 'b a c'],
  ['distinct of tuples (compared structurally)', () => sc.parallelize([[1, 'x'], [1, 'x'], [1, 'x']] as [number, string][], 2).distinct(), '(1,x)'],
];

/** [name, build, Spark's glom().collect(): the contents of each partition] */
const partitions: [string, () => RDD<unknown>, unknown[][]][] = [
  ['parallelize slices [i*len/n, (i+1)*len/n) (RDDSuite)', () => nums(), [[1, 2], [3, 4]]],
  ['parallelize 10 into 3', () => sc.parallelize(range(1, 11), 3), [[1, 2, 3], [4, 5, 6], [7, 8, 9, 10]]],
  ['parallelize 2 into 4: empty partitions', () => sc.parallelize(['a', 'b'], 4), [[], ['a'], [], ['b']]],
  ['union keeps every parent partition', () => nums().union(sc.parallelize([5], 1)), [[1, 2], [3, 4], [5]]],
  ['coalesce 5 → 2 takes contiguous ranges', () => sc.parallelize(range(1, 11), 5).coalesce(2), [[1, 2, 3, 4], [5, 6, 7, 8, 9, 10]]],
  ['coalesce 5 → 3', () => sc.parallelize(range(1, 11), 5).coalesce(3), [[1, 2], [3, 4, 5, 6], [7, 8, 9, 10]]],
  ['coalesce to more partitions without a shuffle keeps the count', () => sc.parallelize(range(1, 7), 3).coalesce(10), [[1, 2], [3, 4], [5, 6]]],
  // repartition: map partition i deals its records round-robin from XORShiftRandom(i).nextInt(n) + 1, then
  // HashPartitioner(n) on the position. JVM start positions: n=2 → 0, 0, 1; n=3 → 2, 0, 1; n=4 → 0, 0.
  ['repartition 3 → 2', () => sc.parallelize(range(1, 11), 3).repartition(2), [[2, 5, 7, 9], [1, 3, 4, 6, 8, 10]]],
  ['repartition 3 → 3', () => sc.parallelize(range(1, 11), 3).repartition(3), [[1, 6, 8], [2, 4, 9], [3, 5, 7, 10]]],
  ['repartition 2 → 4 leaves partition 0 empty', () => sc.parallelize(range(1, 7), 2).repartition(4), [[], [1, 4], [2, 5], [3, 6]]],
  ['coalesce(2, shuffle = true) is repartition(2)', () => sc.parallelize(range(1, 11), 3).coalesce(2, true), [[2, 5, 7, 9], [1, 3, 4, 6, 8, 10]]],
  ['repartition 3 → 1', () => sc.parallelize(range(1, 11), 3).repartition(1), [range(1, 11)]],
  ['cartesian partition (i, j) is i * n2 + j', () => sc.parallelize([1, 2], 2).cartesian(sc.parallelize(['a', 'b', 'c'], 2)),
    [[[1, 'a']], [[1, 'b'], [1, 'c']], [[2, 'a']], [[2, 'b'], [2, 'c']]]],
  ['filter keeps empty partitions', () => sc.parallelize(range(1, 7), 3).filter((x) => x > 4), [[], [], [5, 6]]],
];

describe('transformations: collect()', () => {
  it.each(collected)('%s', async (_name, build, expected) => {
    expect(show(await build().collect())).toBe(expected);
  });
});

describe('transformations: partition contents (glom)', () => {
  it.each(partitions)('%s', async (_name, build, expected) => {
    const rdd = build();
    expect(rdd.getNumPartitions()).toBe(expected.length);
    expect(await rdd.glom().collect()).toEqual(expected);
  });

  it('glom of RDDSuite\'s nums, and partition counts of every transformation', async () => {
    expect(await nums().glom().map((p) => p.length).collect()).toEqual([2, 2]);
    const base = sc.parallelize(range(0, 10), 3);
    const counts = [base.map((x) => x), base.flatMap((x) => [x]), base.filter(() => true), base.glom(), base.keyBy((x) => x),
      base.mapPartitions((it) => it), base.sample(false, 0.5, 1), base.zipWithIndex()].map((r) => r.getNumPartitions());
    expect(counts).toEqual([3, 3, 3, 3, 3, 3, 3, 3]);
    expect(base.cartesian(nums()).getNumPartitions()).toBe(6);
    expect(base.distinct().getNumPartitions()).toBe(3);
    expect(base.distinct(5).getNumPartitions()).toBe(5);
    // RDDSuite: dups.distinct() counts 4, whatever the partitioning; a partitioned RDD dedups in place.
    const dups = sc.makeRDD([1, 1, 2, 2, 3, 3, 4, 4], 2);
    expect(await dups.distinct().count()).toBe(4);
    expect(new Set(await dups.distinct(2).collect())).toEqual(new Set(await dups.distinct().collect()));
    const partitioned = sc.parallelize([['b', 1], ['a', 1], ['b', 1], ['c', 2]] as [string, number][], 2).partitionBy(2);
    const inPlace = partitioned.distinct();
    expect(inPlace.className).toBe('MapPartitionsRDD');
    expect(inPlace.partitioner).toBe(partitioned.partitioner);
    expect(new Set((await inPlace.collect()).map(formatRecord))).toEqual(new Set(['(b,1)', '(a,1)', '(c,2)']));
  });
});

describe('sample: Spark\'s PartitionwiseSampledRDD picks', () => {
  // sc.parallelize(0 until 360, 3): partition p holds 120p .. 120p + 119. The kept values are the JVM's
  // (Random(seed).nextLong() per partition, then BernoulliSampler: gap sampling up to 0.4, nextDouble above).
  const data = () => sc.parallelize(range(0, 360), 3);
  const cases: [number, number, number[]][] = [
    [0.1, 42, [12, 26, 38, 40, 41, 42, 47, 48, 60, 63, 77, 87, 106, 113, 125, 153, 163, 168, 184, 202, 204, 209, 214, 236, 262, 264, 278, 288, 300, 304, 338, 346]],
    [0.01, -3, [116, 221, 226]],
    [0.5, 7, [0, 1, 3, 4, 7, 11, 12, 14, 15, 17, 20, 21, 22, 23, 25, 27, 29, 30, 32, 34, 37, 41, 42, 44, 45, 48, 50, 53, 55, 56, 57, 61, 63, 64, 66, 67, 73, 74, 76, 77, 80, 81, 82, 83, 85, 86, 87, 88, 89, 90, 92, 93, 94, 96, 99, 101, 103, 106, 107, 108, 109, 110, 111, 114, 115, 119, 121, 123, 125, 126, 127, 128, 129, 134, 137, 138, 139, 141, 142, 143, 145, 147, 149, 150, 152, 153, 155, 158, 159, 161, 162, 164, 171, 177, 178, 181, 182, 184, 188, 192, 193, 197, 198, 200, 203, 204, 205, 206, 210, 211, 215, 218, 220, 222, 226, 227, 230, 232, 235, 236, 238, 239, 240, 243, 245, 247, 248, 253, 255, 257, 258, 259, 260, 262, 263, 264, 265, 266, 267, 269, 270, 272, 276, 277, 278, 282, 283, 285, 286, 287, 288, 290, 291, 292, 294, 296, 297, 298, 300, 301, 302, 305, 306, 309, 312, 316, 317, 324, 329, 334, 335, 336, 346, 349, 351, 352, 353, 355, 357, 358, 359]],
    [0, 1, []],
    [1, 1, range(0, 360)],
  ];
  it.each(cases)('sample(false, %s, %s)', async (fraction, seed, expected) => {
    expect(await data().sample(false, fraction, seed).collect()).toEqual(expected);
  });

  it('sample(true, f, seed): Poisson gap sampling seeded per partition as Spark seeds it', async () => {
    const rdd = data().sample(true, 0.3, 11);
    const seeds = partitionwiseSamplingSeeds(11, 3);
    const expected: number[] = [];
    for (let p = 0; p < 3; p++) {
      const sampler = new PoissonSampler<number>(0.3);
      sampler.setSeed(seeds[p]);
      expected.push(...sampler.sampleItems(range(120 * p, 120 * p + 120)));
    }
    const got = await rdd.collect();
    expect(got).toEqual(expected);
    expect(new Set(got).size).toBeLessThan(got.length);   // with replacement: some records picked twice
    expect(await data().sample(true, 0, 3).count()).toBe(0);
  });

  it('the same seed gives the same sample; an RDD without a seed is still deterministic per context', async () => {
    expect(await data().sample(false, 0.2, 5).collect()).toEqual(await data().sample(false, 0.2, 5).collect());
    const a = new SparkContext(new SparkConf().setMaster('local[2]').setAppName('a'));
    const b = new SparkContext(new SparkConf().setMaster('local[2]').setAppName('b'));
    expect(await a.parallelize(range(0, 50), 2).sample(false, 0.3).collect()).toEqual(await b.parallelize(range(0, 50), 2).sample(false, 0.3).collect());
    await Promise.all([a.stop(), b.stop()]);
  });
});

describe('zipWithIndex counts the partitions before the last with one job', () => {
  it('runs the counting job once, then indexes', async () => {
    const jobs: string[] = [];
    const off = sc.addSparkListener((e) => { if (e.type === 'jobStart') jobs.push(e.description ?? ''); });
    const zipped = sc.parallelize(range(0, 10), 3).zipWithIndex();
    expect(await zipped.map((p) => p[1]).collect()).toEqual(range(0, 10));
    expect(jobs.length).toBe(2);
    await zipped.count();
    expect(jobs.length).toBe(3);
    off();
  });
});
