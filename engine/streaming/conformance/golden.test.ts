/**
 * Golden end-to-end outputs: Spark's own examples and behaviours, checked against the exact text
 * Spark prints. Printed order is Spark's: reduceByKey uses HashPartitioner(defaultParallelism = 2 on
 * local[2]); partitions print in order; inside a partition, keys come out in AppendOnlyMap order
 * (murmur3(hashCode) & (capacity 64 - 1), linear-probing by 1, 2, 3 ...). Worked out for the keys here:
 *   "hello" (99162322, partition 0), "world" (113318802, partition 0), "spark" (109638365, partition 1)
 *     -> (hello,2) (world,1) | (spark,1)
 *   0..9 -> partition 0: 4 0 6 8 2, partition 1: 1 3 7 9 5
 */
import { describe, it, expect } from 'vitest';
import { createServer, type Server, type Socket } from 'node:net';
import { SparkConf, StreamingContext, Seconds, Some, None } from '../../index';
import { assertCase, stepWithTimeout, stopQuietly, tempCheckpointDir, defaultMaster, range } from './runner';

/* eslint-disable @typescript-eslint/no-explicit-any */
const DASHES = '-'.repeat(43);

function context(name: string): { ssc: any; printed: () => string } {
  const conf = new SparkConf().setMaster(defaultMaster()).setAppName(name).set('spark.streaming.clock', 'manual');
  const ssc: any = new StreamingContext(conf, Seconds(1));
  const chunks: string[] = [];
  ssc.stdout = (text: string) => { chunks.push(text); };
  // Accept either println-style calls (one line each, no newline) or whole blocks ending in a newline.
  const printed = () => chunks.map((c) => (c.endsWith('\n') ? c : `${c}\n`)).join('');
  return { ssc, printed };
}

/** Spark's DStream.print block for one batch. */
function printBlock(timeMs: number, lines: string[]): string {
  return [DASHES, `Time: ${timeMs} ms`, DASHES, ...lines, ''].join('\n') + '\n';
}

describe('golden: NetworkWordCount', () => {
  it('counts "hello world", "hello spark" and prints (hello,2) (world,1) (spark,1) in Spark\'s format (queueStream of lines)', async () => {
    const { ssc, printed } = context('NetworkWordCount');
    try {
      const lines = ssc.queueStream([ssc.sparkContext.parallelize(['hello world', 'hello spark'], 2)]);
      const words = lines.flatMap((l: string) => l.split(' '));
      const wordCounts = words.map((x: string): [string, number] => [x, 1]).reduceByKey((a: number, b: number) => a + b);
      wordCounts.print();
      await ssc.start();
      await stepWithTimeout(ssc, 1);
    } finally {
      await stopQuietly(ssc);
    }
    expect(printed()).toBe(printBlock(1000, ['(hello,2)', '(world,1)', '(spark,1)']));
  });

  it('counts the same lines received by socketTextStream from a local TCP server', async () => {
    const sockets: Socket[] = [];
    const server: Server = createServer((sock) => {
      sockets.push(sock);
      sock.write('hello world\nhello spark\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const { ssc, printed } = context('NetworkWordCount');
    const totals = new Map<string, number>();
    const batchesWithData: number[] = [];
    try {
      const lines = ssc.socketTextStream('127.0.0.1', port);
      const wordCounts = lines.flatMap((l: string) => l.split(' ')).map((x: string): [string, number] => [x, 1])
        .reduceByKey((a: number, b: number) => a + b);
      wordCounts.print();
      wordCounts.foreachRDD(async (rdd: any, time: any) => {
        const xs: [string, number][] = await rdd.collect();
        if (xs.length) batchesWithData.push(typeof time === 'number' ? time : time.milliseconds);
        for (const [w, n] of xs) totals.set(w, (totals.get(w) ?? 0) + n);
      });
      await ssc.start();
      // The receiver connects and receives in real time; batches advance on the manual clock.
      for (let i = 0; i < 10 && (totals.get('hello') ?? 0) < 2; i++) {
        await new Promise((r) => setTimeout(r, 200));
        await stepWithTimeout(ssc, 1);
      }
    } finally {
      await stopQuietly(ssc);
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    }
    expect(Object.fromEntries(totals)).toEqual({ hello: 2, world: 1, spark: 1 });
    // Every batch prints a header, empty or not.
    expect(printed()).toMatch(/^-{43}\nTime: 1000 ms\n-{43}\n/);
    if (batchesWithData.length === 1) {
      // Both lines landed in one batch: the block is exactly Spark's.
      expect(printed()).toContain(printBlock(batchesWithData[0], ['(hello,2)', '(world,1)', '(spark,1)']));
    }
  });
});

describe('golden: QueueStream example', () => {
  // Spark's examples/streaming/QueueStream.scala: makeRDD(1 to 1000, 10), x => (x % 10, 1), reduceByKey(_ + _), print().
  const EXPECTED = ['(4,100)', '(0,100)', '(6,100)', '(8,100)', '(2,100)', '(1,100)', '(3,100)', '(7,100)', '(9,100)', '(5,100)'];

  it('prints (4,100) (0,100) (6,100) (8,100) (2,100) (1,100) (3,100) (7,100) (9,100) (5,100) every batch, RDDs pushed after start are picked up', async () => {
    const { ssc, printed } = context('QueueStream');
    try {
      const rddQueue: any[] = [];
      const inputStream = ssc.queueStream(rddQueue);
      const mappedStream = inputStream.map((x: number): [number, number] => [x % 10, 1]);
      const reducedStream = mappedStream.reduceByKey((a: number, b: number) => a + b);
      reducedStream.print();
      await ssc.start();
      for (let i = 1; i <= 3; i++) {
        rddQueue.push(ssc.sparkContext.parallelize(range(1, 1000), 10));
        await stepWithTimeout(ssc, 1);
      }
      // Queue exhausted: an empty RDD, whose batch still prints its header.
      await stepWithTimeout(ssc, 1);
    } finally {
      await stopQuietly(ssc);
    }
    expect(printed()).toBe(
      printBlock(1000, EXPECTED) + printBlock(2000, EXPECTED) + printBlock(3000, EXPECTED) + printBlock(4000, []),
    );
  });

  it('print(num) shows the first num records then "..."', async () => {
    const { ssc, printed } = context('QueueStream');
    try {
      const s = ssc.queueStream([ssc.sparkContext.parallelize(range(1, 1000), 10)]);
      s.map((x: number): [number, number] => [x % 10, 1]).reduceByKey((a: number, b: number) => a + b).print(3);
      await ssc.start();
      await stepWithTimeout(ssc, 1);
    } finally {
      await stopQuietly(ssc);
    }
    expect(printed()).toBe(printBlock(1000, [...EXPECTED.slice(0, 3), '...']));
  });
});

describe('golden: window and state behaviours', () => {
  const words = [['a', 'b'], ['a'], [], [], []];

  it('reduceByKeyAndWindow with an inverse function keeps keys whose count fell to 0', async () => {
    await assertCase({
      name: 'reduceByKeyAndWindow inverse, no filterFunc',
      input: words,
      operation: (s) => s.map((w: string): [string, number] => [w, 1])
        .reduceByKeyAndWindow((a: number, b: number) => a + b, (a: number, b: number) => a - b, Seconds(2), Seconds(1)),
      expected: [[['a', 1], ['b', 1]], [['a', 2], ['b', 1]], [['a', 1], ['b', 0]], [['a', 0], ['b', 0]], [['a', 0], ['b', 0]]],
      useSet: true,
    });
  });

  it('reduceByKeyAndWindow with an inverse function and filterFunc drops keys whose count is 0', async () => {
    await assertCase({
      name: 'reduceByKeyAndWindow inverse + filterFunc',
      input: words,
      operation: (s) => s.map((w: string): [string, number] => [w, 1])
        .reduceByKeyAndWindow((a: number, b: number) => a + b, (a: number, b: number) => a - b, Seconds(2), Seconds(1),
          s.context.sparkContext.defaultParallelism, (kv: [string, number]) => kv[1] !== 0),
      expected: [[['a', 1], ['b', 1]], [['a', 2], ['b', 1]], [['a', 1]], [], []],
      useSet: true,
    });
  });

  it('countByWindow of a window that has emptied is 0', async () => {
    await assertCase({
      name: 'countByWindow empty window',
      input: [[1, 2, 3], [], [], []],
      operation: (s) => s.countByWindow(Seconds(2), Seconds(1)).map((n: number | bigint) => Number(n)),
      expected: [[3], [3], [0], [0]],
    });
  });

  it('countByWindow of a stream that never had data prints nothing (Spark: reduceByKeyAndWindow over key 1 has no key yet)', async () => {
    await assertCase({
      name: 'countByWindow never-fed stream',
      input: [[], [], []],
      operation: (s) => s.countByWindow(Seconds(2), Seconds(1)).map((n: number | bigint) => Number(n)),
      expected: [[], [], []],
    });
  });

  it('count() of an empty batch is 0 (unlike countByWindow, count unions a (null, 0) record)', async () => {
    await assertCase({
      name: 'count empty batch',
      input: [[], [7]],
      operation: (s) => s.count().map((n: number | bigint) => Number(n)),
      expected: [[0], [1]],
    });
  });

  it('updateStateByKey calls the update function for every existing key in every batch', async () => {
    await assertCase({
      name: 'updateStateByKey calls per key per batch',
      input: [['a'], ['b'], [], []],
      // The state counts the calls: a key seen once keeps being updated with no new values.
      operation: (s) => s.map((w: string): [string, number] => [w, 1])
        .updateStateByKey((values: number[], state: { getOrElse(d: number): number }) => Some(state.getOrElse(0) + 1)),
      expected: [[['a', 1]], [['a', 2], ['b', 1]], [['a', 3], ['b', 2]], [['a', 4], ['b', 3]]],
      useSet: true,
    });
  });

  it('updateStateByKey removes a key when the update function returns None', async () => {
    await assertCase({
      name: 'updateStateByKey None removes',
      input: [['a', 'b'], ['a'], [], ['b']],
      operation: (s) => s.map((w: string): [string, number] => [w, 1])
        .updateStateByKey((values: number[], state: { getOrElse(d: number): number }) =>
          (values.length === 0 ? None : Some(state.getOrElse(0) + values.length))),
      // b has no values at 2000 ms: removed, so at 4000 ms it starts again from 1 (not 2).
      expected: [[['a', 1], ['b', 1]], [['a', 2]], [], [['b', 1]]],
      useSet: true,
    });
  });
});

describe('golden: print formats and queue semantics', () => {
  it('prints grouped values, joins and cogroups as Spark does (ArrayBuffer from DStream.groupByKey, Some/None, CompactBuffer)', async () => {
    const { ssc, printed } = context('PrintFormats');
    try {
      const sc = ssc.sparkContext;
      const kv = ssc.queueStream([sc.parallelize([['a', 1], ['a', 1]], 2)]);
      const other = ssc.queueStream([sc.parallelize([['a', 'x']], 1)]);
      kv.groupByKey().print();
      kv.leftOuterJoin(other).print(1);
      kv.cogroup(other).print();
      kv.fullOuterJoin(ssc.queueStream([sc.emptyRDD()])).print(1);
      await ssc.start();
      await stepWithTimeout(ssc, 1);
    } finally {
      await stopQuietly(ssc);
    }
    expect(printed()).toBe(
      printBlock(1000, ['(a,ArrayBuffer(1, 1))']) +
      printBlock(1000, ['(a,(1,Some(x)))', '...']) +
      printBlock(1000, ['(a,(CompactBuffer(1, 1),CompactBuffer(x)))']) +
      printBlock(1000, ['(a,(Some(1),None))', '...']),
    );
  });

  it('queueStream dequeues only when its stream is computed: a 2 s window sliding by 3 s never takes the 1000 and 4000 ms batches', async () => {
    // Spark's QueueInputDStream.compute runs only for the batch times a downstream stream asks for,
    // so with a queue (unlike the time-indexed TestInputStream) the data shifts: [0,1] then [2,3].
    await assertCase({
      name: 'queueStream under a skipping window',
      input: [[0], [1], [2], [3], [4], [5]],
      operation: (s) => s.window(Seconds(2), Seconds(3)),
      expected: [[0, 1], [2, 3]],
      numBatches: 6,
      useSet: true,
    });
  });
});
