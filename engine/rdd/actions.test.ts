/**
 * RDD actions against Spark's results (RDDSuite, FileSuite), including how many jobs `take` runs:
 * Spark scans one partition, then grows the number of partitions per job (spark.rdd.limit.scaleUpFactor = 4).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { SparkConf } from '../core/conf';
import { errors } from '../core/errors';
import type { EngineEvent } from '../core/events';
import { MemoryFileSystem } from '../core/fileSystem';
import { SparkContext } from './SparkContext';

const fs = new MemoryFileSystem();
const sc = new SparkContext(new SparkConf().setMaster('local[2]').setAppName('RDDSuite'), { fs });
afterAll(() => sc.stop());

const range = (from: number, until: number) => Array.from({ length: until - from }, (_, i) => from + i);
const nums = () => sc.makeRDD([1, 2, 3, 4], 2);

/** Runs `f` and returns the events it posted. */
async function recording<T>(f: () => Promise<T>): Promise<{ result: T; events: EngineEvent[] }> {
  const events: EngineEvent[] = [];
  const off = sc.addSparkListener((e) => { events.push(e); });
  try { return { result: await f(), events }; } finally { off(); }
}
const jobsIn = (events: EngineEvent[]) => events.filter((e) => e.type === 'jobStart').length;
const tasksPerStage = (events: EngineEvent[]) => events.flatMap((e) => (e.type === 'stageSubmitted' ? [e.numTasks] : []));

describe('collect, count, reduce, fold, aggregate (RDDSuite "basic operations")', () => {
  it('on nums = makeRDD(Array(1, 2, 3, 4), 2)', async () => {
    expect(await nums().collect()).toEqual([1, 2, 3, 4]);
    expect(await nums().count()).toBe(4);
    expect(await nums().reduce((a, b) => a + b)).toBe(10);
    expect(await nums().fold(0, (a, b) => a + b)).toBe(10);
    expect(await nums().first()).toBe(1);
    expect(await nums().isEmpty()).toBe(false);
    expect(await sc.emptyRDD().isEmpty()).toBe(true);
    expect(await sc.parallelize([], 3).count()).toBe(0);
  });

  it('fold with an op modifying its first argument: the zero value is copied per partition (RDDSuite)', async () => {
    const rdd = sc.makeRDD(range(-1000, 1000), 10).map((x) => [x]);
    const sum = await rdd.fold([0], (t, x) => { t[0] += x[0]; return t; });
    expect(sum[0]).toBe(-1000);
    expect(await sc.parallelize<number>([], 2).fold(7, (a: number, b: number) => a + b)).toBe(7 + 7 + 7);   // zero per partition, and once on the driver
  });

  it('aggregate (RDDSuite): per-partition maps merged on the driver', async () => {
    const pairs = sc.makeRDD([['a', 1], ['b', 2], ['a', 2], ['c', 5], ['a', 3]] as [string, number][], 2);
    const result = await pairs.aggregate({} as Record<string, number>,
      (m, [k, v]) => { m[k] = (m[k] ?? 0) + v; return m; },
      (m1, m2) => { for (const [k, v] of Object.entries(m2)) m1[k] = (m1[k] ?? 0) + v; return m1; });
    expect(result).toEqual({ a: 6, b: 2, c: 5 });
    expect(await nums().aggregate(0, (acc, x) => acc + x * x, (a, b) => a + b)).toBe(30);
  });

  it('reduce and first on an empty RDD: Spark\'s "empty collection"', async () => {
    await expect(sc.parallelize<number>([], 2).reduce((a: number, b: number) => a + b)).rejects.toThrow(errors.emptyCollection().message);
    await expect(sc.emptyRDD().first()).rejects.toThrow(errors.emptyCollection().message);
  });

  it('countByValue', async () => {
    expect([...(await sc.parallelize(['a', 'b', 'a', 'c', 'a'], 2).countByValue()).entries()].sort()).toEqual([['a', 3], ['b', 1], ['c', 1]]);
  });
});

describe('take (RDDSuite "take"): results, and the jobs of the incremental scan', () => {
  /** [partitions of makeRDD(1 until 1000, n), num, expected length] */
  const sizes: [number, number, number][] = [];
  for (const n of [1, 2, 100, 1000]) for (const num of [0, 1, 3, 500, 501, 999, 1000]) sizes.push([n, num, Math.min(num, 999)]);
  it.each(sizes)('makeRDD(1 until 1000, %i).take(%i)', async (n, num, len) => {
    expect(await sc.makeRDD(range(1, 1000), n).take(num)).toEqual(range(1, 1 + len));
  });

  it('take(2147483638) of two records', async () => {
    expect(await sc.parallelize([1, 2], 2).take(2147483638)).toEqual([1, 2]);
  });

  /** [case, build, num, expected records, partitions tried per job (one job each)] */
  const scans: [string, () => ReturnType<typeof nums>, number, number[], number[]][] = [
    ['enough in the first partition: one job of one task', () => sc.makeRDD(range(1, 1000), 100), 3, [1, 2, 3], [1]],
    ['interpolates: 9 found, 6 left → ceil(1.5 * 6 * 1 / 9) = 1 more partition', () => sc.makeRDD(range(1, 1000), 100), 15, range(1, 16), [1, 1]],
    ['nothing found: try 4x the partitions scanned so far', () => sc.parallelize(range(0, 10), 10).filter((x) => x >= 8), 1, [8], [1, 4, 5]],
    ['an RDD with fewer records than asked scans every partition', () => sc.parallelize(range(0, 6), 6), 100, range(0, 6), [1, 4, 1]],
    ['take(0) runs no job', () => sc.makeRDD(range(1, 10), 3), 0, [], []],
  ];
  it.each(scans)('%s', async (_name, build, num, expected, perJob) => {
    const rdd = build();
    const { result, events } = await recording(() => rdd.take(num));
    expect(result).toEqual(expected);
    expect(jobsIn(events)).toBe(perJob.length);
    expect(tasksPerStage(events)).toEqual(perJob);
  });

  it('first() runs one job of one task when the first partition has a record', async () => {
    const { result, events } = await recording(() => sc.makeRDD(range(1, 100), 10).first());
    expect(result).toBe(1);
    expect(tasksPerStage(events)).toEqual([1]);
  });
});

describe('foreach and foreachPartition run on every record / partition', () => {
  it('foreach visits every record (records out of the result tasks), foreachPartition every partition', async () => {
    const { events } = await recording(() => sc.parallelize(range(0, 10), 3).foreach((x) => { if (typeof x !== 'number') throw new Error('not a number'); }));
    const out = events.flatMap((e) => (e.type === 'taskEnd' ? [e.metrics.recordsOut] : []));
    expect(out.reduce((a, b) => a + b, 0)).toBe(10);
    expect(out.length).toBe(3);
    const sizes = await recording(() => sc.parallelize(range(0, 10), 3).foreachPartition((it) => { if (![...it].length) throw new Error('empty'); }));
    expect(jobsIn(sizes.events)).toBe(1);
  });

  it('an exception thrown by the function fails the job with its message', async () => {
    await expect(sc.parallelize(range(0, 10), 2).foreach((x) => { if (x === 7) throw new Error('saw 7'); })).rejects.toThrow('Error: saw 7');
    await expect(sc.parallelize(range(0, 10), 2).foreachPartition((it) => { for (const x of it) if (x === 2) throw new RangeError('partition with 2'); }))
      .rejects.toThrow('RangeError: partition with 2');
  });
});

describe('saveAsTextFile', () => {
  it('writes part-NNNNN per partition (toString of each record per line) and _SUCCESS (FileSuite "text files")', async () => {
    await sc.makeRDD([1, 2, 3, 4], 1).saveAsTextFile('/out/nums');
    expect(await fs.readFile('/out/nums/part-00000')).toBe('1\n2\n3\n4\n');
    expect(await fs.exists('/out/nums/_SUCCESS')).toBe(true);

    await sc.parallelize([['a', 1], ['b', 2], ['c', 3]] as [string, number][], 3).reduceByKey((a, b) => a + b, 2).saveAsTextFile('/out/pairs');
    const files = (await fs.list('/out/pairs')).map((f) => f.path.split('/').pop()).sort();
    expect(files).toEqual(['_SUCCESS', 'part-00000', 'part-00001']);
    expect(await fs.readFile('/out/pairs/part-00000')).toBe('(b,2)\n');
    expect(await fs.readFile('/out/pairs/part-00001')).toBe('(a,1)\n(c,3)\n');

    await sc.parallelize(['x'], 12).saveAsTextFile('/out/many');
    expect(await fs.readFile('/out/many/part-00011')).toBe('x\n');
    expect(await fs.readFile('/out/many/part-00000')).toBe('');   // an empty partition still writes its file
  });

  it('an existing output directory: Spark\'s FileAlreadyExistsException, and nothing runs', async () => {
    await sc.makeRDD([1], 1).saveAsTextFile('/out/once');
    const { events } = await recording(() => sc.makeRDD([2], 1).saveAsTextFile('/out/once').catch((e: Error) => e));
    const err = await sc.makeRDD([2], 1).saveAsTextFile('/out/once').catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).name).toBe('FileAlreadyExistsException');
    expect((err as Error).message).toMatch(/^Output directory \/out\/once already exists/);
    expect(jobsIn(events)).toBe(0);
    expect(await fs.readFile('/out/once/part-00000')).toBe('1\n');
  });
});
