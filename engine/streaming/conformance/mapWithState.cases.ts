/**
 * Spark 3.5 streaming/src/test/scala/org/apache/spark/streaming/MapWithStateSuite.scala, as data:
 * the StateMap-independent cases. Like the suite's getOperationOutput, each case maps the input to
 * `(x, 1)`, applies mapWithState, and collects both the mapped stream ("outputs") and
 * `stateSnapshots()`; the suite compares every batch as a set. Master is "local" as in the suite's
 * SparkConf, and a checkpoint directory is always set.
 *
 * Scala's State[S] is used through its methods: exists(), get(), getOption(), update(s), remove(),
 * isTimingOut(). The simple mapping function is (key, value: Option, state) => mapped; the advanced one
 * is (time, key, value: Option, state) => Option[mapped].
 */
import { Seconds, Milliseconds, Some, None, StateSpec } from '../../index';
import type { SparkContext } from '../../rdd/SparkContext';
import { type StreamCase, check, canon, sameSet, tempCheckpointDir } from './runner';

import type { State as EngineState } from '../dstream/stateSpec';
import type { Option } from '../../core/option';
import type { RDD } from '../../rdd/RDD';

// Every case of the suite keeps a running count per key: values and states are numbers.
type State = EngineState<number>;
type Opt = Option<number>;

const inputData = [[], ['a'], ['a', 'b'], ['a', 'b', 'c'], ['a', 'b'], ['a'], []];
const runningStateData = [
  [],
  [['a', 1]],
  [['a', 2], ['b', 1]],
  [['a', 3], ['b', 2], ['c', 1]],
  [['a', 4], ['b', 3], ['c', 1]],
  [['a', 5], ['b', 3], ['c', 1]],
  [['a', 5], ['b', 3], ['c', 1]],
];

/** The suite's testOperation: outputs and state snapshots, each compared per batch as a set. */
function mapWithStateCase(name: string, input: string[][], spec: (sc: SparkContext) => StateSpec<string, number, number, unknown>, outputs: unknown[][], stateSnapshots: unknown[][]): StreamCase {
  return {
    name,
    master: 'local',
    input,
    operation: (s) => {
      const stream = s.map((x: string): [string, number] => [x, 1]).mapWithState(spec(s.context.sparkContext));
      return { outputs: stream, stateSnapshots: stream.stateSnapshots() };
    },
    expected: { outputs, stateSnapshots },
    useSet: true,
  };
}

export const mapWithStateCases: StreamCase[] = [
  {
    name: 'state - get, exists, update, remove, ',
    skip: 'unit test of StateImpl internals (wrap, wrapTimingOutState) that are private to Spark, not part of the API',
  },
  mapWithStateCase(
    'mapWithState - basic operations with simple API',
    inputData,
    // state maintains running count, and updated count is returned
    () => StateSpec.function((key: string, value: Opt, state: State) => {
      const sum = value.getOrElse(0) + state.getOption().getOrElse(0);
      state.update(sum);
      return sum;
    }),
    [[], [1], [2, 1], [3, 2, 1], [4, 3], [5], []],
    runningStateData,
  ),
  mapWithStateCase(
    'mapWithState - basic operations with advanced API',
    inputData,
    // state maintains running count, key string doubled and returned
    () => StateSpec.function((batchTime: unknown, key: string, value: Opt, state: State) => {
      const sum = value.getOrElse(0) + state.getOption().getOrElse(0);
      state.update(sum);
      return Some(key.repeat(2));
    }),
    [[], ['aa'], ['aa', 'bb'], ['aa', 'bb', 'cc'], ['aa', 'bb'], ['aa'], []],
    runningStateData,
  ),
  {
    // Spark asserts keyClass/valueClass/stateClass/mappedClass (Scala ClassTags), which have no
    // TypeScript counterpart. What remains meaningful: StateSpec.function takes both the simple and the
    // advanced function, with or without numPartitions(1), and mapWithState accepts every form.
    // Spark's input here is empty; we feed one record so that the mapped values (0L / Some(0L)) show.
    name: 'mapWithState - type inferencing and class tags',
    master: 'local',
    custom: async (env) => {
      const ssc = env.newContext();
      try {
        const inputStream = env.inputStream(ssc, [[['a', 1]]], 2);
        // Simple track state function with value as Int, state as Double and mapped type as Double
        const simpleFunc = (_key: string, _value: Opt, _state: State) => 0;
        // Advanced track state function with key as String, value as Int, state as Double and mapped type as Double
        const advancedFunc = (_time: unknown, _key: string, _value: Opt, _state: State) => Some(0);
        const streams = [
          inputStream.mapWithState(StateSpec.function(simpleFunc).numPartitions(1)),
          inputStream.mapWithState(StateSpec.function(simpleFunc)),
          inputStream.mapWithState(StateSpec.function(advancedFunc)),
          inputStream.mapWithState(StateSpec.function(simpleFunc).numPartitions(1)),
          inputStream.mapWithState(StateSpec.function(advancedFunc)),
        ];
        const collected: unknown[][][] = streams.map(() => []);
        streams.forEach((st, i) => st.foreachRDD(async (rdd: RDD<unknown>) => { collected[i].push(await rdd.collect()); }));
        await ssc.start();
        await env.step(ssc, 1);
        collected.forEach((c, i) => check(canon(c) === canon([[0]]), `stream ${i + 1}: expected [[0]], got ${canon(c)}`));
      } finally {
        await env.stop(ssc);
      }
    },
  },
  mapWithStateCase(
    'mapWithState - states as mapped data',
    inputData,
    () => StateSpec.function((time: unknown, key: string, value: Opt, state: State) => {
      const sum = value.getOrElse(0) + state.getOption().getOrElse(0);
      const output = [key, sum];
      state.update(sum);
      return Some(output);
    }),
    [[], [['a', 1]], [['a', 2], ['b', 1]], [['a', 3], ['b', 2], ['c', 1]], [['a', 4], ['b', 3]], [['a', 5]], []],
    runningStateData,
  ),
  mapWithStateCase(
    'mapWithState - initial states, with nothing returned as from mapping function',
    inputData,
    (sc) => StateSpec.function((time: unknown, key: string, value: Opt, state: State) => {
      const sum = value.getOrElse(0) + state.getOption().getOrElse(0);
      state.update(sum);
      return None;
    }).initialState(sc.makeRDD([['a', 5], ['b', 10], ['c', -20], ['d', 0]])),
    inputData.map(() => []),
    [
      [['a', 5], ['b', 10], ['c', -20], ['d', 0]],
      [['a', 6], ['b', 10], ['c', -20], ['d', 0]],
      [['a', 7], ['b', 11], ['c', -20], ['d', 0]],
      [['a', 8], ['b', 12], ['c', -19], ['d', 0]],
      [['a', 9], ['b', 13], ['c', -19], ['d', 0]],
      [['a', 10], ['b', 13], ['c', -19], ['d', 0]],
      [['a', 10], ['b', 13], ['c', -19], ['d', 0]],
    ],
  ),
  mapWithStateCase(
    'mapWithState - state removing',
    [
      [],
      ['a'],
      ['a', 'b'], // a will be removed
      ['a', 'b', 'c'], // b will be removed
      ['a', 'b', 'c'], // a and c will be removed
      ['a', 'b'], // b will be removed
      ['a'], // a will be removed
      [],
    ],
    () => StateSpec.function((time: unknown, key: string, value: Opt, state: State) => {
      if (state.exists()) {
        state.remove();
        return Some(key);
      } else {
        state.update(value.get());
        return None;
      }
    }).numPartitions(1),
    // States that were removed
    [[], [], ['a'], ['b'], ['a', 'c'], ['b'], ['a'], []],
    [[], [['a', 1]], [['b', 1]], [['a', 1], ['c', 1]], [['b', 1]], [['a', 1]], [], []],
  ),
  {
    name: 'mapWithState - state timing out',
    master: 'local',
    input: [
      ['a', 'b', 'c'],
      ['a', 'b'],
      ['a'],
      [], // c will time out
      [], // b will time out
      ['a'], // a will not time out
      ...Array.from({ length: 20 }, () => ['a']), // a will continue to stay active
    ],
    operation: (s) => {
      const mappingFunc = (time: unknown, key: string, value: Opt, state: State) => {
        if (value.isDefined) {
          state.update(1);
        }
        if (state.isTimingOut()) {
          return Some(key);
        } else {
          return None;
        }
      };
      const stream = s.map((x: string): [string, number] => [x, 1]).mapWithState(StateSpec.function(mappingFunc).timeout(Seconds(3)));
      return { outputs: stream, stateSnapshots: stream.stateSnapshots() };
    },
    numBatches: 20,
    verify: (out) => {
      const outputs = out.outputs as string[][];
      const snapshots = out.stateSnapshots as unknown[][];
      // b and c should be returned once each, when they were marked as expired
      check(canon(outputs.flat().sort()) === canon(['b', 'c']), `timed-out keys returned: ${canon(outputs.flat().sort())}, expected ("b","c")`);
      // States for a, b, c should be defined at one point of time
      check(snapshots.some((b) => sameSet(b, [['a', 1], ['b', 1], ['c', 1]])),
        `no snapshot equals {(a,1), (b,1), (c,1)}: ${snapshots.map(canon).join(' | ')}`);
      // Finally state should be defined only for a
      check(snapshots.length > 0 && sameSet(snapshots[snapshots.length - 1], [['a', 1]]),
        `last snapshot ${canon(snapshots[snapshots.length - 1])} != {(a,1)}`);
    },
  },
  {
    // Spark reads the private `internalStream` with PrivateMethodTester; here it is the mapWithState
    // stream's only dependency (MapWithStateDStreamImpl.dependencies = List(internalStream)).
    name: 'mapWithState - checkpoint durations',
    master: 'local',
    custom: async (env) => {
      const testCheckpointDuration = async (batchMs: number, expectedMs: number, explicitMs?: number) => {
        const ssc = env.newContext({ batchDurationMs: batchMs, checkpoint: false });
        try {
          const inputStream = env.inputStream(ssc, [], 2).map((x: number): [number, number] => [x, 1]);
          const dummyFunc = (_key: number, _value: Opt, _state: State) => 0;
          const mapWithStateStream = inputStream.mapWithState(StateSpec.function(dummyFunc));
          const internal = mapWithStateStream.dependencies?.[0];
          check(internal, 'mapWithState stream exposes no dependencies (the internal state stream)');
          if (explicitMs !== undefined) mapWithStateStream.checkpoint(Milliseconds(explicitMs));
          mapWithStateStream.foreachRDD(() => { /* register() */ });
          ssc.checkpoint(tempCheckpointDir());
          await ssc.start(); // should initialize all the checkpoint durations
          const ms = (d: unknown) => (d == null ? d : typeof d === 'number' ? d : (d as { milliseconds: number }).milliseconds);
          check(ms(mapWithStateStream.checkpointDuration) == null,
            `batch ${batchMs} ms${explicitMs !== undefined ? `, checkpoint(${explicitMs} ms)` : ''}: mapWithStateStream.checkpointDuration = ${ms(mapWithStateStream.checkpointDuration)} ms, expected null (Spark forwards checkpoint() to the internal stream); internal = ${ms(internal.checkpointDuration)} ms`);
          check(ms(internal.checkpointDuration) === expectedMs,
            `batch ${batchMs} ms${explicitMs !== undefined ? `, checkpoint(${explicitMs} ms)` : ''}: internal checkpointDuration = ${ms(internal.checkpointDuration)} ms, expected ${expectedMs} ms`);
        } finally {
          await env.stop(ssc);
        }
      };
      await testCheckpointDuration(100, 1000);
      await testCheckpointDuration(1000, 10000);
      await testCheckpointDuration(10000, 100000);
      await testCheckpointDuration(100, 2000, 2000);
      await testCheckpointDuration(1000, 2000, 2000);
      await testCheckpointDuration(10000, 20000, 20000);
    },
  },
  {
    name: 'mapWithState - driver failure recovery',
    skip: 'needs DStreamCheckpointTester.testCheckpointedOperation (stop, then StreamingContext recovery from the ' +
      'checkpoint directory); driver recovery belongs to the fault-tolerance suite, not this operation port',
  },
];
