/**
 * A map that only pairs a record with a constant (`w => [w, 1]`) hands the map-side combine the key and the
 * constant without building the tuple (constantPair.ts). These cases hold its results, their order included,
 * against the same pipelines with a function the fast path does not recognise (`w => [w, 1 * 1]`).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { SparkConf, SparkContext } from '../index';

const sc = new SparkContext(new SparkConf().setMaster('local[2]').setAppName('map-side-combine'));
afterAll(() => sc.stop());

const words = ['a', 'b', 'a', 'polygenelubricants', '', 'b', 'a', 'é'];

describe('map-side combine after a constant-pair map', () => {
  it.each([
    ['reduceByKey over strings', words, 3],
    ['reduceByKey over numbers and null', [1, 2, 1, null, 5_000_000_000, 0.5, 1, null], 2],
  ])('%s: the same counts in the same order as without the fast path', async (_name, input, parts) => {
    const fast = await sc.parallelize<unknown>(input, 2).map((w: unknown) => [w, 1] as [unknown, number]).reduceByKey((a: number, b: number) => a + b, parts).collect();
    const slow = await sc.parallelize<unknown>(input, 2).map((w: unknown) => [w, 1 * 1] as [unknown, number]).reduceByKey((a: number, b: number) => a + b, parts).collect();
    expect(fast).toEqual(slow);
    expect(new Map(fast).get(input[0])).toBe(input.filter((x) => x === input[0]).length);
  });

  it('a constant other than 1 and a union of two such maps reach the combine too', async () => {
    const a = sc.parallelize(words, 2).map((w: string) => [w, 2] as [string, number]);
    const b = sc.parallelize(words, 1).map((w: string) => [w, -0.5] as [string, number]);
    const got = new Map(await a.union(b).reduceByKey((x: number, y: number) => x + y, 2).collect());
    expect(got.get('a')).toBe(3 * 2 - 3 * 0.5);
    expect(got.get('é')).toBe(1.5);
  });

  it('groupByKey (no map-side combine) still gets the tuples', async () => {
    const got = await sc.parallelize(words, 2).map((w: string) => [w, true] as [string, boolean]).groupByKey(1).mapValues((vs: Iterable<boolean>) => [...vs].length).collect();
    expect(new Map(got).get('a')).toBe(3);
  });
});
