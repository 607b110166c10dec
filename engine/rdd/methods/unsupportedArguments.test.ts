/** PySpark-style arguments the engine does not support are named in an error, never dropped. */
import { afterAll, describe, expect, it } from 'vitest';
import { SparkConf } from '../../core/conf';
import { SparkContext } from '../SparkContext';
import type { RDD } from '../RDD';

const sc = new SparkContext(new SparkConf().setMaster('local[2]').setAppName('unsupportedArguments'));
afterAll(() => sc.stop());
const pairs = (): RDD<[number, number]> => sc.parallelize<[number, number]>([[1, 2], [3, 4]], 2);
const hashMod = (k: number) => k % 2;
type Loose = (...args: unknown[]) => unknown;
const call = (target: object, method: string, ...args: unknown[]) => (Reflect.get(target, method) as Loose).apply(target, args);

/** [call, Spark's name of the argument] */
const cases: [string, () => unknown, string][] = [
  ['sortByKey(true, 2, keyfunc)', () => call(pairs(), 'sortByKey', true, 2, (k: number) => -k), 'keyfunc'],
  ['groupByKey(2, partitionFunc)', () => call(pairs(), 'groupByKey', 2, hashMod), 'partitionFunc'],
  ['reduceByKey(f, 2, partitionFunc)', () => call(pairs(), 'reduceByKey', (a: number, b: number) => a + b, 2, hashMod), 'partitionFunc'],
  ['partitionBy(2, partitionFunc)', () => call(pairs(), 'partitionBy', 2, hashMod), 'partitionFunc'],
  ['combineByKey(c, m, mc, 2, partitionFunc)', () => call(pairs(), 'combineByKey', (v: number) => v, (c: number, v: number) => c + v, (a: number, b: number) => a + b, 2, hashMod), 'partitionFunc'],
  ['aggregateByKey(0, s, c, 2, partitionFunc)', () => call(pairs(), 'aggregateByKey', 0, (a: number, b: number) => a + b, (a: number, b: number) => a + b, 2, hashMod), 'partitionFunc'],
  ['foldByKey(0, f, 2, partitionFunc)', () => call(pairs(), 'foldByKey', 0, (a: number, b: number) => a + b, 2, hashMod), 'partitionFunc'],
  ['groupBy(f, 2, partitionFunc)', () => call(pairs(), 'groupBy', (kv: number[]) => kv[0], 2, hashMod), 'partitionFunc'],
  ['repartitionAndSortWithinPartitions(2, partitionFunc, true)', () => call(pairs(), 'repartitionAndSortWithinPartitions', 2, hashMod, true), 'partitionFunc'],
  ['coalesce(1, false, partitionCoalescer)', () => call(pairs(), 'coalesce', 1, false, {}), 'partitionCoalescer'],
  ['cogroup(other1, other2)', () => call(pairs(), 'cogroup', pairs(), pairs()), 'other2'],
  ['textFile(path, 2, use_unicode)', () => call(sc, 'textFile', '/nowhere', 2, false), 'use_unicode'],
];

describe('unsupported arguments', () => {
  for (const [name, run, arg] of cases) {
    it(name, () => { expect(run).toThrow(new RegExp(`the argument ${arg} is not supported by this engine\\. \\S`)); });
  }
  it('undefined in an optional position is no argument', async () => {
    expect(await (call(pairs(), 'groupByKey', 2, undefined) as RDD<unknown>).count()).toBe(2);
  });
});
