/**
 * Bad input: each mistake gives an error that names the problem and the fix, in Spark's words where Spark has
 * them. Errors of definitions are thrown when the operation is defined; errors in the data fail the job.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { SparkConf } from '../core/conf';
import { errors } from '../core/errors';
import { SparkContext } from './SparkContext';

const sc = new SparkContext(new SparkConf().setMaster('local[2]').setAppName('bad input'));
afterAll(() => sc.stop());
const nums = () => sc.parallelize([1, 2, 3, 4], 2);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const loose = (x: unknown) => x as any;

describe('non-function arguments are rejected when the operation is defined', () => {
  const ops: [string, (f: unknown) => unknown][] = [
    ['map', (f) => nums().map(loose(f))],
    ['flatMap', (f) => nums().flatMap(loose(f))],
    ['filter', (f) => nums().filter(loose(f))],
    ['mapPartitions', (f) => nums().mapPartitions(loose(f))],
    ['mapPartitionsWithIndex', (f) => nums().mapPartitionsWithIndex(loose(f))],
    ['keyBy', (f) => nums().keyBy(loose(f))],
    ['sortBy', (f) => nums().sortBy(loose(f))],
    ['reduceByKey', (f) => nums().map((x) => [x, x] as [number, number]).reduceByKey(loose(f))],
    ['mapValues', (f) => nums().map((x) => [x, x] as [number, number]).mapValues(loose(f))],
    ['reduce', (f) => nums().reduce(loose(f))],
    ['foreach', (f) => nums().foreach(loose(f))],
  ];
  it.each(ops)('%s(3)', (op, define) => {
    expect(() => define(3)).toThrow(errors.notAFunction(op).message);
    expect(() => define(null)).toThrow(TypeError);
  });
});

describe('the context and its arguments', () => {
  it.each([0, -1, 1.5, NaN])('parallelize(data, %s): Spark\'s "Positive number of partitions required"', (n) => {
    expect(() => sc.parallelize([1, 2], n)).toThrow(errors.numSlicesPositive(n).message);
  });

  it('parallelize of something that is not a collection', () => {
    expect(() => sc.parallelize(loose(42))).toThrow(errors.parallelizeNotIterable().message);
  });

  it.each(['foo', 'spark://host:7077', 'yarn', 'local[x]', 'local-cluster[2,2]'])('unknown master URL %s', (master) => {
    expect(() => new SparkContext(new SparkConf().setMaster(master).setAppName('t')))
      .toThrow(errors.invalidMaster(master).message);
  });

  it('local[0]: no threads to run on', () => {
    expect(() => new SparkContext(new SparkConf().setMaster('local[0]').setAppName('t'))).toThrow(errors.localThreads('0', 'local[0]').message);
  });

  it('a missing master or application name: Spark\'s words', () => {
    expect(() => new SparkContext(new SparkConf().setAppName('t'))).toThrow(errors.noMaster().message);
    expect(() => new SparkContext(new SparkConf().setMaster('local'))).toThrow(errors.noAppName().message);
    expect(() => new SparkContext(loose('local[2]'))).toThrow(errors.sparkConfExpected().message);
  });

  it('a stopped context', async () => {
    const stopped = new SparkContext(new SparkConf().setMaster('local').setAppName('t'));
    const rdd = stopped.parallelize([1]);
    await stopped.stop();
    expect(() => stopped.parallelize([1])).toThrow(errors.contextStopped().message);
    await expect(rdd.collect()).rejects.toThrow(errors.contextStopped().message);
  });

  it.each([
    ['coalesce(0)', () => nums().coalesce(0)],
    ['repartition(-2)', () => nums().repartition(-2)],
    ['reduceByKey(f, 0)', () => nums().map((x) => [x, 1] as [number, number]).reduceByKey((a, b) => a + b, 0)],
    ['groupByKey(1.5)', () => nums().map((x) => [x, 1] as [number, number]).groupByKey(1.5)],
  ])('%s: Spark\'s "Number of partitions must be positive"', (_name, define) => {
    expect(define).toThrow(/requirement failed: Number of partitions \(-?[\d.]+\) must be positive\./);
  });
});

describe('free variables in shipped functions', () => {
  it('Task not serializable, naming the variable and the fix (a broadcast variable)', () => {
    const threshold = 2;
    let err: Error | undefined;
    try { nums().filter((x) => x > threshold); } catch (e) { err = e as Error; }
    expect(err?.name).toBe('NotSerializableException');
    expect(err?.message).toContain("Task not serializable: the function passed to filter uses 'threshold'");
    expect(err?.message).toContain('sc.broadcast(value)');
    expect(() => nums().map((x) => [x, 1] as [number, number]).reduceByKey((a, b) => a + b + threshold)).toThrow(/reduceByKey uses 'threshold'/);
  });
});

describe('records of the wrong shape fail the job with the operation and the fix', () => {
  const ops: [string, () => Promise<unknown>][] = [
    ['reduceByKey', () => loose(nums()).reduceByKey((a: number, b: number) => a + b).collect()],
    ['groupByKey', () => loose(nums()).groupByKey().collect()],
    ['join', () => loose(nums()).join(sc.parallelize([[1, 'a']], 2)).collect()],
    ['partitionBy', () => loose(nums()).partitionBy(2).collect()],
    ['sortByKey', () => loose(nums()).sortByKey().collect()],
    ['mapValues', () => loose(nums()).mapValues((v: number) => v).collect()],
  ];
  it.each(ops)('%s on plain numbers', async (op, run) => {
    const err = await run().then(() => undefined, (e: Error) => e);
    expect(err?.message).toContain(`TypeError: ${op} needs (key, value) pairs, but got `);
    expect(err?.message).toContain('(a number). Map each record to a [key, value] array first, for example w => [w, 1].');
  });

  it('a tuple of three is not a pair either', async () => {
    const err = await loose(sc.parallelize([[1, 2, 3]], 1)).reduceByKey((a: number, b: number) => a + b).collect().catch((e: Error) => e);
    expect(err.message).toContain(errors.notAPair('reduceByKey', '(1,2,3) (a tuple of 3)').message);
  });

  it('mapPartitions returning something that is not iterable', async () => {
    const err = await nums().mapPartitions(loose(() => 3)).collect().catch((e: Error) => e) as Error;
    expect(err.message).toContain(`TypeError: ${errors.notIterableResult('mapPartitions', '3 (a number)').message}`);
    const err2 = await nums().flatMap(loose(() => undefined)).collect().catch((e: Error) => e) as Error;
    expect(err2.message).toContain(errors.notIterableResult('flatMap', 'undefined').message);
  });
});

describe('actions', () => {
  it.each([1.5, NaN])('take(%s)', async (n) => {
    await expect(nums().take(n)).rejects.toThrow(errors.takeNotInteger(n).message);
  });

  it('take(-1) and take(0) return no records, as Spark\'s take', async () => {
    expect(await nums().take(-1)).toEqual([]);
    expect(await nums().take(0)).toEqual([]);
  });

  it('first() and reduce() on an empty RDD: Spark\'s "empty collection"', async () => {
    await expect(sc.parallelize<number>([], 3).first()).rejects.toThrow(errors.emptyCollection().message);
    await expect(sc.parallelize<number>([], 3).filter((x) => x > 0).reduce((a, b) => a + b)).rejects.toThrow(errors.emptyCollection().message);
  });

  it('zipPartitions of RDDs with different numbers of partitions', () => {
    expect(() => nums().zipPartitions(sc.parallelize([1], 1), (a, b) => [...a, ...b]))
      .toThrow(errors.zipUnequalPartitions([2, 1]).message);
  });

  it('sample fractions', () => {
    expect(() => nums().sample(false, -0.5)).toThrow(errors.fractionNegative(-0.5).message);
    expect(() => nums().sample(false, 1.5)).toThrow(errors.samplingFractionRange(1.5).message);
    expect(() => nums().sample(false, loose('half'))).toThrow(errors.sampleFractionNotNumber('half').message);
  });

  it('a job on a partition that does not exist', async () => {
    await expect(nums().runJob({ t: 'count' }, [5])).rejects.toThrow(errors.nonExistentPartition(5, 2).message);
  });
});
