/**
 * Spark 3.5 streaming/src/test/scala/org/apache/spark/streaming/BasicOperationsSuite.scala, as data.
 * Test names, inputs and expected outputs are Spark's. Functions given to DStream operations are
 * shipped as source, so each is self-contained (Scala `_ + _` becomes `(a, b) => a + b`, `.toSeq` on
 * a CompactBuffer becomes `Array.from(v)`, `.sum` becomes a reduce).
 */
import { Some, None, HashPartitioner, Time, Seconds, type Duration, type Option } from '../../index';
import { type StreamCase, type CaseEnv, type CaseStream, range, check, sameSet, canon } from './runner';
import type { DStream } from '../dstream/DStream';
import type { RDD } from '../../rdd/RDD';

const r1to4 = range(1, 4), r5to8 = range(5, 8), r9to12 = range(9, 12);
const toStrings = (bs: number[][]) => bs.map((b) => b.map((x) => String(x)));

/** Spark's `(values: Seq[Int], state: Option[Int]) => Some(values.sum + state.getOrElse(0))`. */
const runningSum = (values: number[], state: Option<number>) =>
  Some(values.reduce((a, b) => a + b, 0) + state.getOrElse(0));


const stateInput = [['a'], ['a', 'b'], ['a', 'b', 'c'], ['a', 'b'], ['a'], []];

const cleanupTestInput = Array.from({ length: 10 }, (_, x) => [x, x + 1]);

/**
 * Spark's runCleanupTest: runs the operation over cleanupTestInput for 10 batches (ssc.remember(d) if
 * given), checks the clock reached 10 s and the number of outputs, and returns the operated stream.
 */
async function runCleanupTest<T>(env: CaseEnv, operation: (s: CaseStream) => DStream<T>,
  numExpectedOutput = cleanupTestInput.length, rememberDuration?: Duration): Promise<DStream<T>> {
  const ssc = env.newContext();
  let operatedStream: DStream<T>;
  const output: unknown[][] = [];
  try {
    operatedStream = operation(env.inputStream(ssc, cleanupTestInput));
    operatedStream.foreachRDD(async (rdd) => { output.push(await rdd.collect()); });
    if (rememberDuration) ssc.remember(rememberDuration);
    await ssc.start();
    await env.step(ssc, cleanupTestInput.length);
    const now = ssc.clock.getTimeMillis();
    check(now === 10000, `clock at ${now} ms after 10 batches, expected 10000`);
  } finally {
    await env.stop(ssc);
  }
  check(output.length === numExpectedOutput, `${output.length} outputs, expected ${numExpectedOutput}`);
  return operatedStream;
}

/** Spark's runStreamsWithPartitions + the repartition tests' assertions. */
function verifyRepartition(numParts: number) {
  return (outputs: Record<string, unknown[][]>) => {
    const out = outputs.output as unknown[][][];
    check(out.length === 3, `expected 3 batches, got ${out.length}`);
    const ranges = [range(1, 100), range(101, 200), range(201, 300)];
    out.forEach((parts, i) => {
      check(parts.length === numParts, `batch ${i}: expected ${numParts} partitions, got ${parts.length}`);
      check(sameSet(parts.flat(), ranges[i]), `batch ${i}: flattened partitions ${canon(parts.flat())} != ${ranges[i][0]} to ${ranges[i][99]}`);
    });
  };
}

export const basicOperationsCases: StreamCase[] = [
  {
    name: 'map',
    input: [r1to4, r5to8, r9to12],
    operation: (r) => r.map((x: number) => String(x)),
    expected: toStrings([r1to4, r5to8, r9to12]),
  },
  {
    name: 'flatMap',
    input: [r1to4, r5to8, r9to12],
    operation: (r) => r.flatMap((x: number) => [x, x * 2]),
    expected: [r1to4, r5to8, r9to12].map((b) => b.flatMap((x) => [x, x * 2])),
  },
  {
    name: 'filter',
    input: [r1to4, r5to8, r9to12],
    operation: (r) => r.filter((x: number) => x % 2 === 0),
    expected: [r1to4, r5to8, r9to12].map((b) => b.filter((x) => x % 2 === 0)),
  },
  {
    name: 'glom',
    input: [r1to4, r5to8, r9to12],
    numInputPartitions: 2,
    operation: (r) => r.glom().map((xs: number[]) => Array.from(xs)),
    expected: [
      [[1, 2], [3, 4]],
      [[5, 6], [7, 8]],
      [[9, 10], [11, 12]],
    ],
  },
  {
    name: 'mapPartitions',
    input: [r1to4, r5to8, r9to12],
    numInputPartitions: 2,
    // Spark: r.mapPartitions(x => Iterator(x.sum)); a generator is "any iterable".
    operation: (r) => r.mapPartitions(function* (xs: Iterable<number>) {
      let sum = 0;
      for (const x of xs) sum += x;
      yield sum;
    }),
    expected: [[3, 7], [11, 15], [19, 23]],
    useSet: true,
  },
  {
    name: 'repartition (more partitions)',
    input: [range(1, 100), range(101, 200), range(201, 300)],
    numInputPartitions: 2,
    operation: (r) => r.repartition(5),
    numBatches: 3,
    collectPartitions: true,
    verify: verifyRepartition(5),
  },
  {
    name: 'repartition (fewer partitions)',
    input: [range(1, 100), range(101, 200), range(201, 300)],
    numInputPartitions: 5,
    operation: (r) => r.repartition(2),
    numBatches: 3,
    collectPartitions: true,
    verify: verifyRepartition(2),
  },
  {
    name: 'groupByKey',
    input: [['a', 'a', 'b'], ['', ''], []],
    operation: (s) => s.map((x: string): [string, number] => [x, 1]).groupByKey().mapValues((v: number[]) => Array.from(v)),
    expected: [[['a', [1, 1]], ['b', [1]]], [['', [1, 1]]], []],
    useSet: true,
  },
  {
    name: 'reduceByKey',
    input: [['a', 'a', 'b'], ['', ''], []],
    operation: (s) => s.map((x: string): [string, number] => [x, 1]).reduceByKey((a: number, b: number) => a + b),
    expected: [[['a', 2], ['b', 1]], [['', 2]], []],
    useSet: true,
  },
  {
    name: 'reduce',
    input: [r1to4, r5to8, r9to12],
    operation: (s: DStream<number>) => s.reduce((a, b) => a + b),
    expected: [[10], [26], [42]],
  },
  {
    name: 'count',
    input: [[], range(1, 1), range(1, 2), range(1, 3), range(1, 4)],
    operation: (s) => s.count(),
    expected: [[0], [1], [2], [3], [4]],
  },
  {
    name: 'countByValue',
    input: [range(1, 1), [1, 1, 1], range(1, 2), [1, 1, 2, 2]],
    operation: (s) => s.countByValue(),
    expected: [[[1, 1]], [[1, 3]], [[1, 1], [2, 1]], [[2, 2], [1, 2]]],
    useSet: true,
  },
  {
    name: 'mapValues',
    input: [['a', 'a', 'b'], ['', ''], []],
    operation: (s) => s.map((x: string): [string, number] => [x, 1]).reduceByKey((a: number, b: number) => a + b).mapValues((v: number) => v + 10),
    expected: [[['a', 12], ['b', 11]], [['', 12]], []],
    useSet: true,
  },
  {
    name: 'flatMapValues',
    input: [['a', 'a', 'b'], ['', ''], []],
    operation: (s) => s.map((x: string): [string, number] => [x, 1]).reduceByKey((a: number, b: number) => a + b)
      .flatMapValues((x: number) => [x, x + 10]),
    expected: [[['a', 2], ['a', 12], ['b', 1], ['b', 11]], [['', 2], ['', 12]], []],
    useSet: true,
  },
  {
    name: 'union',
    input: [r1to4, range(101, 104), range(201, 204)],
    operation: (s: DStream<number>) => s.union(s.map((x) => x + 4)),
    expected: [range(1, 8), range(101, 108), range(201, 208)],
  },
  {
    name: 'union with input stream return None',
    input: [r1to4, range(101, 104), range(201, 204), null],
    operation: (s: DStream<number>) => s.union(s.map((x) => x + 4)),
    expected: [range(1, 8), range(101, 108), range(201, 208)],
    numBatches: 4,
    // intercept[SparkException]: UnionDStream's parent has no RDD at 4000 ms
    expectError: /SparkException: Could not generate RDD from a parent for unifying at time 4000 ms/,
  },
  {
    name: 'StreamingContext.union',
    input: [r1to4, range(101, 104), range(201, 204)],
    operation: (s: DStream<number>) => s.context.union([s, s.map((x) => x + 4), s.map((x) => x + 8)]),
    expected: [range(1, 12), range(101, 112), range(201, 212)],
  },
  {
    name: 'transform',
    input: [r1to4, r5to8, r9to12],
    operation: (r: DStream<number>) => r.transform((rdd) => rdd.map((x) => String(x))),
    expected: toStrings([r1to4, r5to8, r9to12]),
  },
  {
    name: 'transform with NULL',
    input: [r1to4],
    // Spark's test passes a function that returns null, which the types forbid.
    operation: (r) => r.transform(() => JSON.parse('null') as RDD<unknown>),
    expected: [[]],
    numBatches: 1,
    // intercept[SparkException]
    expectError: /SparkException: Transform function must not return null/,
  },
  {
    name: 'transform with input stream return None',
    input: [r1to4, r5to8, null],
    operation: (r: DStream<number>) => r.transform((rdd) => rdd.map((x) => String(x))),
    expected: toStrings([r1to4, r5to8]),
    numBatches: 3,
    expectError: /SparkException: Couldn't generate RDD from parent at time 3000 ms/, // intercept[SparkException]
  },
  {
    name: 'transformWith',
    input: [['a', 'b'], ['a', ''], [''], []],
    input2: [['a', 'b'], ['b', ''], [], ['']],
    operation: (s1, s2) => {
      const t1 = s1.map((x: string): [string, number] => [x, 1]);
      const t2 = s2.map((x: string): [string, string] => [x, 'x']);
      return t1.transformWith(t2, (rdd1, rdd2) => rdd1.join(rdd2)); // RDD.join in transform
    },
    expected: [
      [['a', [1, 'x']], ['b', [1, 'x']]],
      [['', [1, 'x']]],
      [],
      [],
    ],
    useSet: true,
  },
  {
    name: 'transformWith with input stream return None',
    input: [['a', 'b'], ['a', ''], [''], null],
    input2: [['a', 'b'], ['b', ''], [], null],
    operation: (s1: DStream<string>, s2: DStream<string>) => s1.transformWith(s2, (rdd1, rdd2) => rdd1.union(rdd2)),
    expected: [['a', 'b', 'a', 'b'], ['a', 'b', '', ''], ['']],
    numBatches: 4,
    useSet: true,
    expectError: /SparkException: Couldn't generate RDD from parent at time 4000 ms/, // intercept[SparkException]
  },
  {
    name: 'StreamingContext.transform',
    input: [r1to4, range(101, 104), range(201, 204)],
    // transform over 3 DStreams by doing union of the 3 RDDs
    operation: (s: DStream<number>) => s.context.transform(
      [s, s.map((x) => x + 4), s.map((x) => x + 8)],
      (rdds) => rdds[0].context.union(rdds),
    ),
    expected: [range(1, 12), range(101, 112), range(201, 212)],
  },
  {
    name: 'StreamingContext.transform with input stream return None',
    input: [r1to4, range(101, 104), range(201, 204), null],
    operation: (s: DStream<number>) => s.context.transform(
      [s, s.map((x) => x + 4), s.map((x) => x + 8)],
      (rdds) => rdds[0].context.union(rdds),
    ),
    expected: [range(1, 12), range(101, 112), range(201, 212)],
    numBatches: 4,
    expectError: /SparkException: Couldn't generate RDD from parent at time 4000 ms/, // intercept[SparkException]
  },
  {
    name: 'cogroup',
    input: [['a', 'a', 'b'], ['a', ''], [''], []],
    input2: [['a', 'a', 'b'], ['b', ''], [], []],
    operation: (s1, s2) => s1.map((x: string): [string, number] => [x, 1]).cogroup(s2.map((x: string): [string, string] => [x, 'x']))
      .mapValues((x: [number[], string[]]) => [Array.from(x[0]), Array.from(x[1])]),
    expected: [
      [['a', [[1, 1], ['x', 'x']]], ['b', [[1], ['x']]]],
      [['a', [[1], []]], ['b', [[], ['x']]], ['', [[1], ['x']]]],
      [['', [[1], []]]],
      [],
    ],
    useSet: true,
  },
  {
    name: 'join',
    input: [['a', 'b'], ['a', ''], [''], []],
    input2: [['a', 'b'], ['b', ''], [], ['']],
    operation: (s1, s2) => s1.map((x: string): [string, number] => [x, 1]).join(s2.map((x: string): [string, string] => [x, 'x'])),
    expected: [
      [['a', [1, 'x']], ['b', [1, 'x']]],
      [['', [1, 'x']]],
      [],
      [],
    ],
    useSet: true,
  },
  {
    name: 'leftOuterJoin',
    input: [['a', 'b'], ['a', ''], [''], []],
    input2: [['a', 'b'], ['b', ''], [], ['']],
    operation: (s1, s2) => s1.map((x: string): [string, number] => [x, 1]).leftOuterJoin(s2.map((x: string): [string, string] => [x, 'x'])),
    expected: [
      [['a', [1, Some('x')]], ['b', [1, Some('x')]]],
      [['', [1, Some('x')]], ['a', [1, None]]],
      [['', [1, None]]],
      [],
    ],
    useSet: true,
  },
  {
    name: 'rightOuterJoin',
    input: [['a', 'b'], ['a', ''], [''], []],
    input2: [['a', 'b'], ['b', ''], [], ['']],
    operation: (s1, s2) => s1.map((x: string): [string, number] => [x, 1]).rightOuterJoin(s2.map((x: string): [string, string] => [x, 'x'])),
    expected: [
      [['a', [Some(1), 'x']], ['b', [Some(1), 'x']]],
      [['', [Some(1), 'x']], ['b', [None, 'x']]],
      [],
      [['', [None, 'x']]],
    ],
    useSet: true,
  },
  {
    name: 'fullOuterJoin',
    input: [['a', 'b'], ['a', ''], [''], []],
    input2: [['a', 'b'], ['b', ''], [], ['']],
    operation: (s1, s2) => s1.map((x: string): [string, number] => [x, 1]).fullOuterJoin(s2.map((x: string): [string, string] => [x, 'x'])),
    expected: [
      [['a', [Some(1), Some('x')]], ['b', [Some(1), Some('x')]]],
      [['', [Some(1), Some('x')]], ['a', [Some(1), None]], ['b', [None, Some('x')]]],
      [['', [Some(1), None]]],
      [['', [None, Some('x')]]],
    ],
    useSet: true,
  },
  {
    name: 'updateStateByKey',
    input: stateInput,
    operation: (s) => s.map((x: string): [string, number] => [x, 1]).updateStateByKey(runningSum),
    expected: [
      [['a', 1]],
      [['a', 2], ['b', 1]],
      [['a', 3], ['b', 2], ['c', 1]],
      [['a', 4], ['b', 3], ['c', 1]],
      [['a', 5], ['b', 3], ['c', 1]],
      [['a', 5], ['b', 3], ['c', 1]],
    ],
    useSet: true,
  },
  {
    name: 'updateStateByKey - simple with initial value RDD',
    input: stateInput,
    operation: (s) => {
      const initialRDD = s.context.sparkContext.makeRDD<[string, number]>([['a', 1], ['c', 2]]);
      return s.map((x: string): [string, number] => [x, 1]).updateStateByKey(runningSum, new HashPartitioner(2), initialRDD);
    },
    expected: [
      [['a', 2], ['c', 2]],
      [['a', 3], ['b', 1], ['c', 2]],
      [['a', 4], ['b', 2], ['c', 3]],
      [['a', 5], ['b', 3], ['c', 3]],
      [['a', 6], ['b', 3], ['c', 3]],
      [['a', 6], ['b', 3], ['c', 3]],
    ],
    useSet: true,
  },
  {
    name: 'updateStateByKey - testing time stamps as input',
    input: stateInput,
    // a -> 1000, 3000, 6000, 10000, 15000, 15000
    // b -> 0, 2000, 5000, 9000, 9000, 9000
    // c -> 1000, 1000, 3000, 3000, 3000, 3000
    operation: (s) => {
      const initialRDD = s.context.sparkContext.makeRDD<[string, number]>([['a', 0], ['c', 0]]);
      // Update only if we receive values for this key during the batch.
      const updateFunc = (time: Time, _key: string, values: number[], state: Option<number>) =>
        values.length > 0 ? Some(time.milliseconds + state.getOrElse(0)) : Some(state.getOrElse(0));
      // updateStateByKey(updateFunc, partitioner, rememberPartitioner = false, initialRDD = Option(initialRDD))
      return s.map((x: string): [string, number] => [x, 1]).updateStateByKey(updateFunc, new HashPartitioner(2), false, Some(initialRDD));
    },
    expected: [
      [['a', 1000], ['c', 0]], // t = 1000
      [['a', 3000], ['b', 2000], ['c', 0]], // t = 2000
      [['a', 6000], ['b', 5000], ['c', 3000]], // t = 3000
      [['a', 10000], ['b', 9000], ['c', 3000]], // t = 4000
      [['a', 15000], ['b', 9000], ['c', 3000]], // t = 5000
      [['a', 15000], ['b', 9000], ['c', 3000]], // t = 6000
    ],
    useSet: true,
  },
  {
    name: 'updateStateByKey - with initial value RDD',
    input: stateInput,
    operation: (s) => {
      const initialRDD = s.context.sparkContext.makeRDD<[string, number]>([['a', 1], ['c', 2]]);
      // newUpdateFunc = iterator.flatMap(t => updateFunc(t._2, t._3).map(s => (t._1, s)))
      const newUpdateFunc = function* (iterator: Iterable<[string, number[], Option<number>]>): Generator<[string, number]> {
        for (const t of iterator) {
          const st = Some(t[1].reduce((a, b) => a + b, 0) + t[2].getOrElse(0));
          if (st.isDefined) yield [t[0], st.get()];
        }
      };
      return s.map((x: string): [string, number] => [x, 1]).updateStateByKey(newUpdateFunc, new HashPartitioner(2), true, initialRDD);
    },
    expected: [
      [['a', 2], ['c', 2]],
      [['a', 3], ['b', 1], ['c', 2]],
      [['a', 4], ['b', 2], ['c', 3]],
      [['a', 5], ['b', 3], ['c', 3]],
      [['a', 6], ['b', 3], ['c', 3]],
      [['a', 6], ['b', 3], ['c', 3]],
    ],
    useSet: true,
  },
  {
    name: 'updateStateByKey - object lifecycle',
    // `null` batches: TestInputStream returns no RDD; StateDStream then re-applies the update function
    // to the old state with no values (the runner uses its TestInputStream port for these inputs).
    input: [['a', 'b'], null, ['a', 'c', 'a'], ['c'], null, null],
    operation: (s) => {
      // updateFunc clears a state when a StateObject is seen without new values twice in a row
      const updateFunc = (values: number[], state: Option<{ counter: number; expireCounter: number }>) => {
        const stateObj = state.getOrElse({ counter: 0, expireCounter: 0 });
        const n = values.reduce((a, b) => a + b, 0);
        if (n === 0) {
          stateObj.expireCounter += 1; // no new values
        } else { // has new values, increment and reset expireCounter
          stateObj.counter += n;
          stateObj.expireCounter = 0;
        }
        return stateObj.expireCounter === 2 ? None : Some(stateObj); // seen twice with no new values, give it the boot
      };
      return s.map((x: string): [string, number] => [x, 1]).updateStateByKey(updateFunc).mapValues((o: { counter: number }) => o.counter);
    },
    expected: [
      [['a', 1], ['b', 1]],
      [['a', 1], ['b', 1]],
      [['a', 3], ['c', 1]],
      [['a', 3], ['c', 2]],
      [['c', 2]],
      [],
    ],
    useSet: true,
  },
  {
    name: 'slice',
    // Spark starts the context and sleeps 2 s of real time with the manual clock: no batch runs, and
    // slice() computes the RDDs of the requested times on demand.
    custom: async (env) => {
      const ssc = env.newContext();
      try {
        const stream = env.inputStream(ssc, [[1], [2], [3], [4]], 2);
        stream.foreachRDD(() => { /* Dummy output stream */ });
        await ssc.start();
        const getInputFromSlice = async (fromMillis: number, toMillis: number): Promise<Set<number>> => {
          const rdds: { collect(): Promise<number[]> }[] = stream.slice(new Time(fromMillis), new Time(toMillis));
          const out = new Set<number>();
          for (const rdd of rdds) for (const x of await rdd.collect()) out.add(x);
          return out;
        };
        const eq = async (from: number, to: number, expected: number[]) => {
          const got = await getInputFromSlice(from, to);
          check(sameSet(got, expected), `slice(${from}, ${to}) = {${[...got].join(', ')}}, expected {${expected.join(', ')}}`);
        };
        await eq(0, 1000, [1]);
        await eq(0, 2000, [1, 2]);
        await eq(1000, 2000, [1, 2]);
        await eq(2000, 4000, [2, 3, 4]);
      } finally {
        await env.stop(ssc);
      }
    },
  },
  {
    name: 'slice - has not been initialized',
    custom: async (env) => {
      const ssc = env.newContext();
      try {
        const stream = env.inputStream(ssc, [[1], [2], [3], [4]], 2);
        let thrown: unknown;
        try { stream.slice(new Time(0), new Time(1000)); } catch (e) { thrown = e; }
        check(thrown instanceof Error, 'slice before start should throw a SparkException');
        check((thrown as Error).message.includes('has not been initialized'),
          `message should contain "has not been initialized": ${(thrown as Error).message}`);
      } finally {
        await env.stop(ssc);
      }
    },
  },
  {
    name: 'rdd cleanup - map and window',
    custom: async (env) => {
      const rememberDuration = Seconds(3);
      const operatedStream = await runCleanupTest(env,
        (s) => s.map((x: number): [number, number] => [x % 10, 1]).window(Seconds(2), Seconds(1)).window(Seconds(4), Seconds(2)),
        cleanupTestInput.length / 2, rememberDuration);
      const windowedStream2 = operatedStream;
      const windowedStream1 = windowedStream2.dependencies[0];
      const mappedStream = windowedStream1.dependencies[0];
      const ms = (d: { milliseconds: number } | undefined) => d?.milliseconds;

      // Checkpoint remember durations
      check(ms(windowedStream2.rememberDuration) === 3000, `windowedStream2.rememberDuration = ${ms(windowedStream2.rememberDuration)}, expected 3000`);
      check(ms(windowedStream1.rememberDuration) === 3000 + 4000, `windowedStream1.rememberDuration = ${ms(windowedStream1.rememberDuration)}, expected 7000`);
      check(ms(mappedStream.rememberDuration) === 3000 + 4000 + 2000, `mappedStream.rememberDuration = ${ms(mappedStream.rememberDuration)}, expected 9000`);

      // WindowedStream2 should remember till 7 seconds: 10, 9, 8, 7
      // WindowedStream1 should remember till 4 seconds: 10, 9, 8, 7, 6, 5, 4
      // MappedStream should remember till 2 seconds:    10, 9, 8, 7, 6, 5, 4, 3, 2
      const has = (s: { generatedRDDs: Map<number, unknown> }, t: number) => s.generatedRDDs.has(t);
      const keys = (s: { generatedRDDs: Map<number, unknown> }) => [...s.generatedRDDs.keys()].sort((a, b) => a - b).join(', ');
      check(has(windowedStream2, 10000) && has(windowedStream2, 8000) && !has(windowedStream2, 6000), `windowedStream2 generatedRDDs: ${keys(windowedStream2)}`);
      check(has(windowedStream1, 10000) && has(windowedStream1, 4000) && !has(windowedStream1, 3000), `windowedStream1 generatedRDDs: ${keys(windowedStream1)}`);
      check(has(mappedStream, 10000) && has(mappedStream, 2000) && !has(mappedStream, 1000), `mappedStream generatedRDDs: ${keys(mappedStream)}`);
    },
  },
  {
    name: 'rdd cleanup - updateStateByKey',
    custom: async (env) => {
      const stateStream = await runCleanupTest(env,
        (s) => s.map((x: number): [number, number] => [x, 1]).updateStateByKey(runningSum).checkpoint(Seconds(3)));
      check(stateStream.rememberDuration?.milliseconds === (stateStream.checkpointDuration?.milliseconds ?? NaN) * 2,
        `rememberDuration ${stateStream.rememberDuration} != 2 x checkpointDuration ${stateStream.checkpointDuration}`);
      check(stateStream.generatedRDDs.has(10000), 'state stream forgot the RDD of 10000 ms');
      check(!stateStream.generatedRDDs.has(4000), `state stream still remembers 4000 ms: ${[...stateStream.generatedRDDs.keys()].join(', ')}`);
    },
  },
  {
    name: 'rdd cleanup - input blocks and persisted RDDs',
    skip: 'asserts BlockRDD validity and BlockManagerMaster contents after cleanup (executor internals, not public API)',
  },
];
