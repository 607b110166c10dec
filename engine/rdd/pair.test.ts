/**
 * Pair functions (Spark's PairRDDFunctions) against Spark's output, record for record.
 *
 * Expected orders are Spark's, derived from its algorithms (not from this engine): HashPartitioner on Java's
 * String.hashCode; map side with an aggregator sorted by key hash (ExternalSorter); reduce side and CoGroupedRDD
 * iterating an AppendOnlyMap (Guava murmur3 slot, quadratic probing, capacity 64); SubtractedRDD iterating a
 * java.util.HashMap; map outputs read in map order. The golden check for reduceByKey is the anchor.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { SparkConf } from '../core/conf';
import { formatRecord } from '../core/format';
import { CompactBuffer } from '../core/compactBuffer';
import { SparkContext } from './SparkContext';
import { HashPartitioner } from './partitioner';
import type { RDD } from './RDD';

const sc = new SparkContext(new SparkConf().setMaster('local[2]').setAppName('PairRDDFunctionsSuite'));
afterAll(() => sc.stop());

type KV = [string, number];
/** Partitioned like Spark's parallelize(_, 3): (a,1) (b,2) (a,3) | (c,4) (b,5) (d,6) | (a,7) (e,8) (f,9) (c,10) */
const P: KV[] = [['a', 1], ['b', 2], ['a', 3], ['c', 4], ['b', 5], ['d', 6], ['a', 7], ['e', 8], ['f', 9], ['c', 10]];
/** parallelize(_, 2): (a,x) (c,y) | (g,z) (a,w) */
const Q: [string, string][] = [['a', 'x'], ['c', 'y'], ['g', 'z'], ['a', 'w']];
const left = () => sc.parallelize(P, 3);
const right = () => sc.parallelize(Q, 2);

const ops: Record<string, (n: number) => RDD<unknown>> = {
  reduceByKey: (n) => left().reduceByKey((a, b) => a + b, n),
  groupByKey: (n) => left().groupByKey(n),
  combineByKey: (n) => left().combineByKey((v) => CompactBuffer.of(v), (c: CompactBuffer<number>, v) => { c.push(v); return c; },
    (c1: CompactBuffer<number>, c2: CompactBuffer<number>) => { for (const x of c2) c1.push(x); return c1; }, n),
  aggregateByKey: (n) => left().aggregateByKey(100, (acc: number, v: number) => acc + v, (a: number, b: number) => a + b, n),
  foldByKey: (n) => left().foldByKey(0, (a, b) => a + b, n),
  cogroup: (n) => left().cogroup(right(), n),
  join: (n) => left().join(right(), n),
  leftOuterJoin: (n) => left().leftOuterJoin(right(), n),
  rightOuterJoin: (n) => left().rightOuterJoin(right(), n),
  fullOuterJoin: (n) => left().fullOuterJoin(right(), n),
  subtractByKey: (n) => left().subtractByKey(right(), n),
  distinct: (n) => left().keys().distinct(n),
  partitionBy: (n) => left().partitionBy(new HashPartitioner(n)),
};

/** [operation, number of reduce partitions, Spark's collect() printed with formatRecord, space-separated] */
const cases: [string, number, string][] = [
    ['reduceByKey', 1, '(d,6) (e,8) (a,11) (b,7) (f,9) (c,14)'],
    ['groupByKey', 1, '(d,CompactBuffer(6)) (e,CompactBuffer(8)) (a,CompactBuffer(1, 3, 7)) (b,CompactBuffer(2, 5)) (f,CompactBuffer(9)) (c,CompactBuffer(4, 10))'],
    ['combineByKey', 1, '(d,CompactBuffer(6)) (e,CompactBuffer(8)) (a,CompactBuffer(1, 3, 7)) (b,CompactBuffer(2, 5)) (f,CompactBuffer(9)) (c,CompactBuffer(4, 10))'],
    ['aggregateByKey', 1, '(d,106) (e,108) (a,211) (b,207) (f,109) (c,214)'],
    ['foldByKey', 1, '(d,6) (e,8) (a,11) (b,7) (f,9) (c,14)'],
    ['cogroup', 1, '(d,(CompactBuffer(6),CompactBuffer())) (e,(CompactBuffer(8),CompactBuffer())) (a,(CompactBuffer(1, 3, 7),CompactBuffer(x, w))) (b,(CompactBuffer(2, 5),CompactBuffer())) (f,(CompactBuffer(9),CompactBuffer())) (g,(CompactBuffer(),CompactBuffer(z))) (c,(CompactBuffer(4, 10),CompactBuffer(y)))'],
    ['join', 1, '(a,(1,x)) (a,(1,w)) (a,(3,x)) (a,(3,w)) (a,(7,x)) (a,(7,w)) (c,(4,y)) (c,(10,y))'],
    ['leftOuterJoin', 1, '(d,(6,None)) (e,(8,None)) (a,(1,Some(x))) (a,(1,Some(w))) (a,(3,Some(x))) (a,(3,Some(w))) (a,(7,Some(x))) (a,(7,Some(w))) (b,(2,None)) (b,(5,None)) (f,(9,None)) (c,(4,Some(y))) (c,(10,Some(y)))'],
    ['rightOuterJoin', 1, '(a,(Some(1),x)) (a,(Some(1),w)) (a,(Some(3),x)) (a,(Some(3),w)) (a,(Some(7),x)) (a,(Some(7),w)) (g,(None,z)) (c,(Some(4),y)) (c,(Some(10),y))'],
    ['fullOuterJoin', 1, '(d,(Some(6),None)) (e,(Some(8),None)) (a,(Some(1),Some(x))) (a,(Some(1),Some(w))) (a,(Some(3),Some(x))) (a,(Some(3),Some(w))) (a,(Some(7),Some(x))) (a,(Some(7),Some(w))) (b,(Some(2),None)) (b,(Some(5),None)) (f,(Some(9),None)) (g,(None,Some(z))) (c,(Some(4),Some(y))) (c,(Some(10),Some(y)))'],
    ['subtractByKey', 1, '(b,2) (b,5) (d,6) (e,8) (f,9)'],
    ['distinct', 1, 'd e a b f c'],
    ['partitionBy', 1, '(a,1) (b,2) (a,3) (c,4) (b,5) (d,6) (a,7) (e,8) (f,9) (c,10)'],
    ['reduceByKey', 2, '(d,6) (b,7) (f,9) (e,8) (a,11) (c,14)'],
    ['groupByKey', 2, '(d,CompactBuffer(6)) (b,CompactBuffer(2, 5)) (f,CompactBuffer(9)) (e,CompactBuffer(8)) (a,CompactBuffer(1, 3, 7)) (c,CompactBuffer(4, 10))'],
    ['combineByKey', 2, '(d,CompactBuffer(6)) (b,CompactBuffer(2, 5)) (f,CompactBuffer(9)) (e,CompactBuffer(8)) (a,CompactBuffer(1, 3, 7)) (c,CompactBuffer(4, 10))'],
    ['aggregateByKey', 2, '(d,106) (b,207) (f,109) (e,108) (a,211) (c,214)'],
    ['foldByKey', 2, '(d,6) (b,7) (f,9) (e,8) (a,11) (c,14)'],
    ['cogroup', 2, '(d,(CompactBuffer(6),CompactBuffer())) (b,(CompactBuffer(2, 5),CompactBuffer())) (f,(CompactBuffer(9),CompactBuffer())) (e,(CompactBuffer(8),CompactBuffer())) (a,(CompactBuffer(1, 3, 7),CompactBuffer(x, w))) (g,(CompactBuffer(),CompactBuffer(z))) (c,(CompactBuffer(4, 10),CompactBuffer(y)))'],
    ['join', 2, '(a,(1,x)) (a,(1,w)) (a,(3,x)) (a,(3,w)) (a,(7,x)) (a,(7,w)) (c,(4,y)) (c,(10,y))'],
    ['leftOuterJoin', 2, '(d,(6,None)) (b,(2,None)) (b,(5,None)) (f,(9,None)) (e,(8,None)) (a,(1,Some(x))) (a,(1,Some(w))) (a,(3,Some(x))) (a,(3,Some(w))) (a,(7,Some(x))) (a,(7,Some(w))) (c,(4,Some(y))) (c,(10,Some(y)))'],
    ['rightOuterJoin', 2, '(a,(Some(1),x)) (a,(Some(1),w)) (a,(Some(3),x)) (a,(Some(3),w)) (a,(Some(7),x)) (a,(Some(7),w)) (g,(None,z)) (c,(Some(4),y)) (c,(Some(10),y))'],
    ['fullOuterJoin', 2, '(d,(Some(6),None)) (b,(Some(2),None)) (b,(Some(5),None)) (f,(Some(9),None)) (e,(Some(8),None)) (a,(Some(1),Some(x))) (a,(Some(1),Some(w))) (a,(Some(3),Some(x))) (a,(Some(3),Some(w))) (a,(Some(7),Some(x))) (a,(Some(7),Some(w))) (g,(None,Some(z))) (c,(Some(4),Some(y))) (c,(Some(10),Some(y)))'],
    ['subtractByKey', 2, '(b,2) (b,5) (d,6) (f,9) (e,8)'],
    ['distinct', 2, 'd b f e a c'],
    ['partitionBy', 2, '(b,2) (b,5) (d,6) (f,9) (a,1) (a,3) (c,4) (a,7) (e,8) (c,10)'],
    ['reduceByKey', 7, '(b,7) (c,14) (d,6) (e,8) (f,9) (a,11)'],
    ['groupByKey', 7, '(b,CompactBuffer(2, 5)) (c,CompactBuffer(4, 10)) (d,CompactBuffer(6)) (e,CompactBuffer(8)) (f,CompactBuffer(9)) (a,CompactBuffer(1, 3, 7))'],
    ['combineByKey', 7, '(b,CompactBuffer(2, 5)) (c,CompactBuffer(4, 10)) (d,CompactBuffer(6)) (e,CompactBuffer(8)) (f,CompactBuffer(9)) (a,CompactBuffer(1, 3, 7))'],
    ['aggregateByKey', 7, '(b,207) (c,214) (d,106) (e,108) (f,109) (a,211)'],
    ['foldByKey', 7, '(b,7) (c,14) (d,6) (e,8) (f,9) (a,11)'],
    ['cogroup', 7, '(b,(CompactBuffer(2, 5),CompactBuffer())) (c,(CompactBuffer(4, 10),CompactBuffer(y))) (d,(CompactBuffer(6),CompactBuffer())) (e,(CompactBuffer(8),CompactBuffer())) (f,(CompactBuffer(9),CompactBuffer())) (g,(CompactBuffer(),CompactBuffer(z))) (a,(CompactBuffer(1, 3, 7),CompactBuffer(x, w)))'],
    ['join', 7, '(c,(4,y)) (c,(10,y)) (a,(1,x)) (a,(1,w)) (a,(3,x)) (a,(3,w)) (a,(7,x)) (a,(7,w))'],
    ['leftOuterJoin', 7, '(b,(2,None)) (b,(5,None)) (c,(4,Some(y))) (c,(10,Some(y))) (d,(6,None)) (e,(8,None)) (f,(9,None)) (a,(1,Some(x))) (a,(1,Some(w))) (a,(3,Some(x))) (a,(3,Some(w))) (a,(7,Some(x))) (a,(7,Some(w)))'],
    ['rightOuterJoin', 7, '(c,(Some(4),y)) (c,(Some(10),y)) (g,(None,z)) (a,(Some(1),x)) (a,(Some(1),w)) (a,(Some(3),x)) (a,(Some(3),w)) (a,(Some(7),x)) (a,(Some(7),w))'],
    ['fullOuterJoin', 7, '(b,(Some(2),None)) (b,(Some(5),None)) (c,(Some(4),Some(y))) (c,(Some(10),Some(y))) (d,(Some(6),None)) (e,(Some(8),None)) (f,(Some(9),None)) (g,(None,Some(z))) (a,(Some(1),Some(x))) (a,(Some(1),Some(w))) (a,(Some(3),Some(x))) (a,(Some(3),Some(w))) (a,(Some(7),Some(x))) (a,(Some(7),Some(w)))'],
    ['subtractByKey', 7, '(b,2) (b,5) (d,6) (e,8) (f,9)'],
    ['distinct', 7, 'b c d e f a'],
    ['partitionBy', 7, '(b,2) (b,5) (c,4) (c,10) (d,6) (e,8) (f,9) (a,1) (a,3) (a,7)'],
];

const printed = async (rdd: RDD<unknown>) => (await rdd.collect()).map(formatRecord).join(' ');

describe('pair functions: Spark\'s exact output order with 1, 2 and 7 partitions', () => {
  it.each(cases)('%s into %i partitions', async (op, n, expected) => {
    const rdd = ops[op](n);
    expect(rdd.getNumPartitions()).toBe(n);
    expect(await printed(rdd)).toBe(expected);
  });

  it('the issue\'s golden: makeRDD(1 to 1000, 10).map(x => (x % 10, 1)).reduceByKey(_ + _, 2)', async () => {
    const rdd = sc.makeRDD(Array.from({ length: 1000 }, (_, i) => i + 1), 10).map((x) => [x % 10, 1] as [number, number]).reduceByKey((a, b) => a + b, 2);
    expect(await printed(rdd)).toBe('(4,100) (0,100) (6,100) (8,100) (2,100) (1,100) (3,100) (7,100) (9,100) (5,100)');
  });

  it('partitionBy places keys by Java hashCode mod n, map outputs in map order (glom)', async () => {
    const glom = async (n: number) => (await left().partitionBy(n).glom().collect()).map((p) => p.map(formatRecord));
    expect(await glom(2)).toEqual([['(b,2)', '(b,5)', '(d,6)', '(f,9)'], ['(a,1)', '(a,3)', '(c,4)', '(a,7)', '(e,8)', '(c,10)']]);
    expect(await glom(7)).toEqual([['(b,2)', '(b,5)'], ['(c,4)', '(c,10)'], ['(d,6)'], ['(e,8)'], ['(f,9)'], [], ['(a,1)', '(a,3)', '(a,7)']]);
    const partitioned = left().partitionBy(2);
    expect(partitioned.partitionBy(new HashPartitioner(2))).toBe(partitioned);   // same partitioner: no new shuffle
  });

  it('mapValues, flatMapValues, keys and values keep records in order; mapValues keeps the partitioner', async () => {
    const partitioned = left().partitionBy(2);
    expect(partitioned.mapValues((v) => v * 10).partitioner?.equals(new HashPartitioner(2))).toBe(true);
    expect(partitioned.map((kv) => kv).partitioner).toBeUndefined();
    expect(await printed(left().mapValues((v) => v * 10))).toBe('(a,10) (b,20) (a,30) (c,40) (b,50) (d,60) (a,70) (e,80) (f,90) (c,100)');
    expect(await printed(right().flatMapValues((v) => [v, v.toUpperCase()]))).toBe('(a,x) (a,X) (c,y) (c,Y) (g,z) (g,Z) (a,w) (a,W)');
    expect(await right().flatMapValues(() => []).count()).toBe(0);
    expect(await left().keys().collect()).toEqual(['a', 'b', 'a', 'c', 'b', 'd', 'a', 'e', 'f', 'c']);
    expect(await right().values().collect()).toEqual(['x', 'y', 'z', 'w']);
  });

  it('countByKey and countByValue count every key', async () => {
    expect([...(await left().countByKey()).entries()].sort()).toEqual([['a', 3], ['b', 2], ['c', 2], ['d', 1], ['e', 1], ['f', 1]]);
    const byValue = await sc.parallelize([1, 2, 1, 3, 1, 2], 2).countByValue();
    expect(Object.fromEntries(byValue)).toEqual({ 1: 3, 2: 2, 3: 1 });
    expect((await sc.parallelize([[1, 'a'], [1, 'a'], [2, 'b']] as [number, string][], 2).countByValue()).size).toBe(2);  // tuple records compared structurally
  });

  it.each([1, 2, 7])('sortByKey ascending and descending into %i partitions (stable for equal keys)', async (n) => {
    expect(await printed(left().sortByKey(true, n))).toBe('(a,1) (a,3) (a,7) (b,2) (b,5) (c,4) (c,10) (d,6) (e,8) (f,9)');
    expect(await printed(left().sortByKey(false, n))).toBe('(f,9) (e,8) (d,6) (c,4) (c,10) (b,2) (b,5) (a,1) (a,3) (a,7)');
  });

  it('sortByKey partitions by Spark\'s RangePartitioner bounds (every key sampled: weights 1.0)', async () => {
    const glom = async (ascending: boolean, n: number) => (await left().sortByKey(ascending, n).glom().collect()).map((p) => p.map((kv) => kv[0]).join(''));
    // determineBounds over a a a b b c c d e f: 2 partitions → bound b; 7 partitions → bounds a b c d e f.
    expect(await glom(true, 2)).toEqual(['aaabb', 'ccdef']);
    expect(await glom(true, 7)).toEqual(['aaa', 'bb', 'cc', 'd', 'e', 'f', '']);
    expect(await glom(false, 2)).toEqual(['fedcc', 'bbaaa']);
  });

  it('combineByKey without map-side combining, and tuple keys hash structurally', async () => {
    const grouped = left().combineByKey((v) => [v], (c: number[], v) => [...c, v], (a: number[], b: number[]) => [...a, ...b], 2, false);
    expect(await printed(grouped)).toBe('(d,(6)) (b,(2,5)) (f,(9)) (e,(8)) (a,(1,3,7)) (c,(4,10))');
    const tupleKeys = sc.parallelize([[[1, 'x'], 1], [[1, 'x'], 2], [[2, 'y'], 3]] as [[number, string], number][], 2).reduceByKey((a, b) => a + b, 2);
    expect(new Set((await tupleKeys.collect()).map(formatRecord))).toEqual(new Set(['((1,x),3)', '((2,y),3)']));
  });

  it('co-partitioned inputs join without a new shuffle (narrow dependencies)', async () => {
    const a = left().partitionBy(2), b = right().partitionBy(2);
    const joined = a.join(b);
    const cogrouped = joined.dependencies[0].rdd.dependencies[0].rdd;
    expect(cogrouped.className).toBe('CoGroupedRDD');
    expect(cogrouped.dependencies.map((d) => d.kind)).toEqual(['narrow', 'narrow']);
    expect(await printed(joined)).toBe('(a,(1,x)) (a,(1,w)) (a,(3,x)) (a,(3,w)) (a,(7,x)) (a,(7,w)) (c,(4,y)) (c,(10,y))');
    // reduceByKey on an RDD already partitioned the same way combines in place (Spark's mapPartitions path).
    const reduced = a.reduceByKey((x, y) => x + y);
    expect(reduced.className).toBe('MapPartitionsRDD');
    expect(await printed(reduced)).toBe('(d,6) (b,7) (f,9) (e,8) (a,11) (c,14)');
  });

  it('default partitioning: the largest parent partition count, or spark.default.parallelism when set', () => {
    expect(left().reduceByKey((a, b) => a + b).getNumPartitions()).toBe(3);
    expect(left().join(right()).getNumPartitions()).toBe(3);
    expect(left().subtractByKey(right()).getNumPartitions()).toBe(3);
    const withDefault = new SparkContext(new SparkConf().setMaster('local[2]').setAppName('t').set('spark.default.parallelism', '5'));
    expect(withDefault.parallelize(P, 3).reduceByKey((a, b) => a + b).getNumPartitions()).toBe(5);
    void withDefault.stop();
  });
});
