/**
 * Spark 3.5 streaming/src/test/scala/org/apache/spark/streaming/WindowOperationsSuite.scala, as data.
 * Test names, inputs and expected outputs are Spark's; batchDuration = Seconds(1) and
 * numBatches = expectedOutput.size * (slideDuration / batchDuration), as in the suite's helpers.
 */
import { Seconds, StorageLevel } from '../../index';
import { type StreamCase, check } from './runner';
import type { DStream } from '../dstream/DStream';

type KV = [string, number];
const BATCH_MS = 1000;

const largerSlideInput: KV[][] = [
  [['a', 1]],
  [['a', 2]], // 1st window from here
  [['a', 3]],
  [['a', 4]], // 2nd window from here
  [['a', 5]],
  [['a', 6]], // 3rd window from here
  [],
  [], // 4th window from here
];

const largerSlideReduceOutput: KV[][] = [
  [['a', 3]],
  [['a', 10]],
  [['a', 18]],
  [['a', 11]],
];

const bigInput: KV[][] = [
  [['a', 1]],
  [['a', 1], ['b', 1]],
  [['a', 1], ['b', 1], ['c', 1]],
  [['a', 1], ['b', 1]],
  [['a', 1]],
  [],
  [['a', 1]],
  [['a', 1], ['b', 1]],
  [['a', 1], ['b', 1], ['c', 1]],
  [['a', 1], ['b', 1]],
  [['a', 1]],
  [],
];

const bigGroupByOutput: [string, number[]][][] = [
  [['a', [1]]],
  [['a', [1, 1]], ['b', [1]]],
  [['a', [1, 1]], ['b', [1, 1]], ['c', [1]]],
  [['a', [1, 1]], ['b', [1, 1]], ['c', [1]]],
  [['a', [1, 1]], ['b', [1]]],
  [['a', [1]]],
  [['a', [1]]],
  [['a', [1, 1]], ['b', [1]]],
  [['a', [1, 1]], ['b', [1, 1]], ['c', [1]]],
  [['a', [1, 1]], ['b', [1, 1]], ['c', [1]]],
  [['a', [1, 1]], ['b', [1]]],
  [['a', [1]]],
];

const bigReduceOutput: KV[][] = [
  [['a', 1]],
  [['a', 2], ['b', 1]],
  [['a', 2], ['b', 2], ['c', 1]],
  [['a', 2], ['b', 2], ['c', 1]],
  [['a', 2], ['b', 1]],
  [['a', 1]],
  [['a', 1]],
  [['a', 2], ['b', 1]],
  [['a', 2], ['b', 2], ['c', 1]],
  [['a', 2], ['b', 2], ['c', 1]],
  [['a', 2], ['b', 1]],
  [['a', 1]],
];

/*
 * The output of the reduceByKeyAndWindow with inverse function but without a filter
 * function will be different from the naive reduceByKeyAndWindow, as no keys get
 * eliminated from the ReducedWindowedDStream even if the value of a key becomes 0.
 */
const bigReduceInvOutput: KV[][] = [
  [['a', 1]],
  [['a', 2], ['b', 1]],
  [['a', 2], ['b', 2], ['c', 1]],
  [['a', 2], ['b', 2], ['c', 1]],
  [['a', 2], ['b', 1], ['c', 0]],
  [['a', 1], ['b', 0], ['c', 0]],
  [['a', 1], ['b', 0], ['c', 0]],
  [['a', 2], ['b', 1], ['c', 0]],
  [['a', 2], ['b', 2], ['c', 1]],
  [['a', 2], ['b', 2], ['c', 1]],
  [['a', 2], ['b', 1], ['c', 0]],
  [['a', 1], ['b', 0], ['c', 0]],
];

const numBatchesFor = (expected: unknown[][], slideS: number) => expected.length * ((slideS * 1000) / BATCH_MS);

function testWindow(name: string, input: number[][], expectedOutput: number[][], windowS = 2, slideS = 1): StreamCase {
  return {
    name: `window - ${name}`,
    // A 2 s window sliding by 3 s never needs the batches at 1000 and 4000 ms. Spark's TestInputStream
    // picks the input by batch time, while a queueStream would only dequeue when computed (shifting
    // the data, in Spark as here), so such windows use the TestInputStream port.
    inputKind: windowS < slideS ? 'testInputStream' : 'queue',
    input,
    operation: (s) => s.window(Seconds(windowS), Seconds(slideS)),
    expected: expectedOutput,
    numBatches: numBatchesFor(expectedOutput, slideS),
    useSet: true,
  };
}

function testReduceByKeyAndWindow(name: string, input: KV[][], expectedOutput: KV[][], windowS = 2, slideS = 1): StreamCase {
  return {
    name: `reduceByKeyAndWindow - ${name}`,
    input,
    operation: (s) => s.reduceByKeyAndWindow((x: number, y: number) => x + y, Seconds(windowS), Seconds(slideS)),
    expected: expectedOutput,
    numBatches: numBatchesFor(expectedOutput, slideS),
    useSet: true,
  };
}

function testReduceByKeyAndWindowWithInverse(name: string, input: KV[][], expectedOutput: KV[][], windowS = 2, slideS = 1): StreamCase {
  return {
    name: `reduceByKeyAndWindow with inverse function - ${name}`,
    input,
    operation: (s) => s.reduceByKeyAndWindow((a: number, b: number) => a + b, (a: number, b: number) => a - b, Seconds(windowS), Seconds(slideS))
      .checkpoint(Seconds(100)), // Large value to avoid effect of RDD checkpointing
    expected: expectedOutput,
    numBatches: numBatchesFor(expectedOutput, slideS),
    useSet: true,
  };
}

function testReduceByKeyAndWindowWithFilteredInverse(name: string, input: KV[][], expectedOutput: KV[][], windowS = 2, slideS = 1): StreamCase {
  return {
    name: `reduceByKeyAndWindow with inverse and filter functions - ${name}`,
    input,
    operation: (s) => {
      const filterFunc = (p: KV) => p[1] !== 0;
      // Scala's named argument filterFunc = filterFunc; numPartitions defaults to ssc.sc.defaultParallelism.
      const numPartitions = s.context.sparkContext.defaultParallelism;
      return s.reduceByKeyAndWindow((a: number, b: number) => a + b, (a: number, b: number) => a - b,
        Seconds(windowS), Seconds(slideS), numPartitions, filterFunc)
        .persist()
        .checkpoint(Seconds(100)); // Large value to avoid effect of RDD checkpointing
    },
    expected: expectedOutput,
    numBatches: numBatchesFor(expectedOutput, slideS),
    useSet: true,
  };
}

export const windowOperationsCases: StreamCase[] = [
  // Testing window operation
  testWindow('basic window',
    [[0], [1], [2], [3], [4], [5]],
    [[0], [0, 1], [1, 2], [2, 3], [3, 4], [4, 5]]),
  testWindow('tumbling window',
    [[0], [1], [2], [3], [4], [5]],
    [[0, 1], [2, 3], [4, 5]],
    2, 2),
  testWindow('larger window',
    [[0], [1], [2], [3], [4], [5]],
    [[0, 1], [0, 1, 2, 3], [2, 3, 4, 5], [4, 5]],
    4, 2),
  testWindow('non-overlapping window',
    [[0], [1], [2], [3], [4], [5]],
    [[1, 2], [4, 5]],
    2, 3),
  {
    name: 'window - persistence level',
    custom: async (env) => {
      const ssc = env.newContext();
      try {
        const inputStream = env.inputStream(ssc, [[0], [1], [2], [3], [4], [5]], 1);
        const windowStream1 = inputStream.window(Seconds(2));
        const eq = (a: unknown, b: unknown) => (a as { equals?(o: unknown): boolean })?.equals?.(b) ?? a === b;
        check(eq(windowStream1.storageLevel, StorageLevel.NONE), `window storageLevel: ${windowStream1.storageLevel}, expected NONE`);
        check(eq(inputStream.storageLevel, StorageLevel.MEMORY_ONLY_SER), `input storageLevel: ${inputStream.storageLevel}, expected MEMORY_ONLY_SER`);
        windowStream1.persist(StorageLevel.MEMORY_ONLY);
        check(eq(windowStream1.storageLevel, StorageLevel.NONE), `window storageLevel after persist: ${windowStream1.storageLevel}, expected NONE`);
        check(eq(inputStream.storageLevel, StorageLevel.MEMORY_ONLY), `input storageLevel after window.persist(MEMORY_ONLY): ${inputStream.storageLevel}, expected MEMORY_ONLY`);
      } finally {
        await env.stop(ssc);
      }
    },
  },

  // Testing naive reduceByKeyAndWindow (without invertible function)
  testReduceByKeyAndWindow('basic reduction',
    [[['a', 1], ['a', 3]]],
    [[['a', 4]]]),
  testReduceByKeyAndWindow('key already in window and new value added into window',
    [[['a', 1]], [['a', 1]]],
    [[['a', 1]], [['a', 2]]]),
  testReduceByKeyAndWindow('new key added into window',
    [[['a', 1]], [['a', 1], ['b', 1]]],
    [[['a', 1]], [['a', 2], ['b', 1]]]),
  testReduceByKeyAndWindow('key removed from window',
    [[['a', 1]], [['a', 1]], [], []],
    [[['a', 1]], [['a', 2]], [['a', 1]], []]),
  testReduceByKeyAndWindow('larger slide time', largerSlideInput, largerSlideReduceOutput, 4, 2),
  testReduceByKeyAndWindow('big test', bigInput, bigReduceOutput),

  // Testing reduceByKeyAndWindow (with invertible reduce function)
  testReduceByKeyAndWindowWithInverse('basic reduction',
    [[['a', 1], ['a', 3]]],
    [[['a', 4]]]),
  testReduceByKeyAndWindowWithInverse('key already in window and new value added into window',
    [[['a', 1]], [['a', 1]]],
    [[['a', 1]], [['a', 2]]]),
  testReduceByKeyAndWindowWithInverse('new key added into window',
    [[['a', 1]], [['a', 1], ['b', 1]]],
    [[['a', 1]], [['a', 2], ['b', 1]]]),
  testReduceByKeyAndWindowWithInverse('key removed from window',
    [[['a', 1]], [['a', 1]], [], []],
    [[['a', 1]], [['a', 2]], [['a', 1]], [['a', 0]]]),
  testReduceByKeyAndWindowWithInverse('larger slide time', largerSlideInput, largerSlideReduceOutput, 4, 2),
  testReduceByKeyAndWindowWithInverse('big test', bigInput, bigReduceInvOutput),

  testReduceByKeyAndWindowWithFilteredInverse('big test', bigInput, bigReduceOutput),

  {
    name: 'groupByKeyAndWindow',
    input: bigInput,
    operation: (s: DStream<KV>) => s.groupByKeyAndWindow(Seconds(2), Seconds(1)).map((x) => [x[0], new Set(x[1])]),
    expected: bigGroupByOutput.map((b) => b.map((x) => [x[0], new Set(x[1])])),
    numBatches: numBatchesFor(bigGroupByOutput, 1),
    useSet: true,
  },
  {
    name: 'countByWindow',
    input: [[1], [1], [1, 2], [0], [], []],
    operation: (s) => s.countByWindow(Seconds(2), Seconds(1)).map((x: number | bigint) => Number(x)),
    expected: [[1], [2], [3], [3], [1], [0]],
    numBatches: 6,
    useSet: true,
  },
  {
    name: 'countByValueAndWindow',
    input: [['a'], ['b', 'b'], ['a', 'b']],
    operation: (s) => s.countByValueAndWindow(Seconds(2), Seconds(1)).map((x: [string, number | bigint]) => [x[0], Number(x[1])]),
    expected: [[['a', 1]], [['a', 1], ['b', 2]], [['a', 1], ['b', 3]]],
    numBatches: 3,
    useSet: true,
  },
];
