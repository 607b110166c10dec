/**
 * The engine's conformance suites (ports of Spark's BasicOperationsSuite, WindowOperationsSuite and
 * MapWithStateSuite) as studio pipelines for the Spark oracle: each case's own input batches in a queueStream,
 * the case's operation as graph nodes (functions in the studio's JavaScript, as a user would write them), and a
 * print() of everything. The oracle runs them on the engine and on Spark and compares the two outputs; the
 * expected outputs stay in the suites, which check the engine against Spark's test expectations.
 *
 * Cases without a graph form are listed in NOT_AS_GRAPHS with the reason (expected failures, private APIs,
 * RDD-level assertions); a suite case that is in neither table fails `conformance.test.ts` beside this file.
 */
import type { GraphEdge, GraphNode, PipelineGraph } from '../../engine/graph/types';
import type { StreamCase } from '../../engine/streaming/conformance/runner';
import { basicOperationsCases } from '../../engine/streaming/conformance/basicOperations.cases';
import { windowOperationsCases } from '../../engine/streaming/conformance/windowOperations.cases';
import { mapWithStateCases } from '../../engine/streaming/conformance/mapWithState.cases';

/** One node of a case's chain: op, params, and (for two-input ops) which earlier node feeds the second port. */
interface Step { op: string; params?: Record<string, unknown>; other?: 'input2' | 'input' | number; port?: [string, string] }

const toPair = { op: 'map', params: { f: 'x => [x, 1]' } };
const toPairX = { op: 'map', params: { f: "x => [x, 'x']" } };
const sum = '(a, b) => a + b';
const windowed = (w: number, s: number) => ({ window: w * 1000, slide: s * 1000 });

/**
 * Case name → its operation as a chain from the first input. `other: 'input2'` joins a chain from the second input
 * (its steps in `second`); `other: 'input'` takes the first input itself as the second port.
 */
const AS_GRAPHS: Record<string, { steps: Step[]; second?: Step[] }> = {
  'map': { steps: [{ op: 'map', params: { f: 'x => String(x)' } }] },
  'flatMap': { steps: [{ op: 'flatMap', params: { f: 'x => [x, x * 2]' } }] },
  'filter': { steps: [{ op: 'filter', params: { f: 'x => x % 2 === 0' } }] },
  'repartition (more partitions)': { steps: [{ op: 'repartition', params: { numPartitions: 5 } }] },
  'repartition (fewer partitions)': { steps: [{ op: 'repartition', params: { numPartitions: 2 } }] },
  'groupByKey': { steps: [toPair, { op: 'groupByKey' }] },
  'reduceByKey': { steps: [toPair, { op: 'reduceByKey', params: { reduce: sum } }] },
  'reduce': { steps: [{ op: 'reduce', params: { f: sum } }] },
  'count': { steps: [{ op: 'count' }] },
  'countByValue': { steps: [{ op: 'countByValue' }] },
  'mapValues': { steps: [toPair, { op: 'reduceByKey', params: { reduce: sum } }, { op: 'mapValues', params: { f: 'v => v + 10' } }] },
  'flatMapValues': { steps: [toPair, { op: 'reduceByKey', params: { reduce: sum } }, { op: 'flatMapValues', params: { f: 'x => [x, x + 10]' } }] },
  'union': { steps: [{ op: 'map', params: { f: 'x => x + 4' } }, { op: 'union', other: 'input', port: ['other', 'in'] }] },
  'transform': { steps: [{ op: 'transform', params: { f: 'rdd => rdd.map(x => String(x))' } }] },
  'transformWith': {
    steps: [toPair, { op: 'transformWith', params: { f: '(rdd1, rdd2) => rdd1.join(rdd2)' }, other: 'input2', port: ['in', 'other'] }],
    second: [toPairX],
  },
  'cogroup': { steps: [toPair, { op: 'cogroup', other: 'input2', port: ['left', 'right'] }], second: [toPairX] },
  'join': { steps: [toPair, { op: 'join', other: 'input2', port: ['left', 'right'] }], second: [toPairX] },
  'leftOuterJoin': { steps: [toPair, { op: 'leftOuterJoin', other: 'input2', port: ['left', 'right'] }], second: [toPairX] },
  'rightOuterJoin': { steps: [toPair, { op: 'rightOuterJoin', other: 'input2', port: ['left', 'right'] }], second: [toPairX] },
  'fullOuterJoin': { steps: [toPair, { op: 'fullOuterJoin', other: 'input2', port: ['left', 'right'] }], second: [toPairX] },
  'updateStateByKey': { steps: [toPair, { op: 'updateStateByKey', params: { update: '(values, state) => Some(values.reduce((a, b) => a + b, 0) + state.getOrElse(0))' } }] },
  'window - basic window': { steps: [{ op: 'window', params: windowed(2, 1) }] },
  'window - tumbling window': { steps: [{ op: 'window', params: windowed(2, 2) }] },
  'window - larger window': { steps: [{ op: 'window', params: windowed(4, 2) }] },
  ...Object.fromEntries(['basic reduction', 'key already in window and new value added into window', 'new key added into window',
    'key removed from window', 'larger slide time', 'big test'].flatMap((n) => {
    const ws = n === 'larger slide time' ? windowed(4, 2) : windowed(2, 1);
    return [
      [`reduceByKeyAndWindow - ${n}`, { steps: [{ op: 'reduceByKeyAndWindow', params: { reduce: sum, ...ws } }] }],
      [`reduceByKeyAndWindow with inverse function - ${n}`, { steps: [{ op: 'reduceByKeyAndWindow', params: { reduce: sum, inverse: '(a, b) => a - b', ...ws } }] }],
    ];
  })),
  'reduceByKeyAndWindow with inverse and filter functions - big test': {
    steps: [{ op: 'reduceByKeyAndWindow', params: { reduce: sum, inverse: '(a, b) => a - b', ...windowed(2, 1), filterFunc: '([k, v]) => v !== 0' } }],
  },
  'groupByKeyAndWindow': { steps: [{ op: 'groupByKeyAndWindow', params: windowed(2, 1) }] },
  'countByWindow': { steps: [{ op: 'countByWindow', params: windowed(2, 1) }] },
  'countByValueAndWindow': { steps: [{ op: 'countByValueAndWindow', params: windowed(2, 1) }] },
  'mapWithState - basic operations with simple API': {
    steps: [toPair, { op: 'mapWithState', params: { mappingFunction: '(key, value, state) => { const sum = value.getOrElse(0) + state.getOption().getOrElse(0); state.update(sum); return sum; }' } }],
  },
  'mapWithState - states as mapped data': {
    steps: [toPair, { op: 'mapWithState', params: { mappingFunction: '(key, value, state) => { const sum = value.getOrElse(0) + state.getOption().getOrElse(0); state.update(sum); return [key, sum]; }' } }],
  },
};

/** Suite cases that have no pipeline form, and why. */
export const NOT_AS_GRAPHS: Record<string, string> = {
  'glom': 'prints arrays, which Scala shows as object hashes (the suite compares glom()ed partitions itself)',
  'mapPartitions': 'the suite\'s function is a generator, which the translator does not take',
  'updateStateByKey - simple with initial value RDD': 'initialRDD has no op parameter',
  'updateStateByKey - with initial value RDD': 'initialRDD has no op parameter',
  'updateStateByKey - testing time stamps as input': 'the update function with the batch time and a partitioner',
  'updateStateByKey - object lifecycle': 'asserts state object identity, not output',
  'StreamingContext.union': 'no ssc.union op (a chain of union nodes is the union case)',
  'StreamingContext.transform': 'no ssc.transform op over several streams',
  'window - non-overlapping window': 'slide > window reads inputs by batch time (TestInputStream), a queueStream cannot',
  'window - persistence level': 'asserts storage levels, not output',
  'mapWithState - basic operations with advanced API': 'the op takes the three-argument mapping function only',
  'mapWithState - type inferencing and class tags': 'asserts class tags, not output',
  'mapWithState - initial states, with nothing returned as from mapping function': 'initialState has no op parameter',
  'mapWithState - state removing': 'the advanced (Option-returning) mapping function',
  'mapWithState - state timing out': 'the advanced (Option-returning) mapping function',
  'mapWithState - checkpoint durations': 'asserts checkpoint intervals, not output',
  'mapWithState - driver failure recovery': 'restarts a context from its checkpoint',
};

export interface ConformanceGraph { name: string; graph: PipelineGraph; batches: number }

/** Why a suite case is left out, or undefined when it runs as a graph. */
export function exclusionOf(c: StreamCase): string | undefined {
  if (AS_GRAPHS[c.name]) return undefined;
  if (c.skip) return `skipped in the suite: ${c.skip}`;
  if (c.expectError) return 'an expected failure (Spark throws; nothing to compare)';
  if (c.custom) return 'a custom body (not an operation on input streams)';
  return NOT_AS_GRAPHS[c.name];
}

export const SUITES: readonly (readonly StreamCase[])[] = [basicOperationsCases, windowOperationsCases, mapWithStateCases];

export function conformanceGraphs(): ConformanceGraph[] {
  const out: ConformanceGraph[] = [];
  for (const c of SUITES.flat()) {
    const spec = AS_GRAPHS[c.name];
    if (!spec || c.expectError || c.skip || c.custom || !c.input || c.input.some((b) => b === null)) continue;
    const nodes: GraphNode[] = [];
    const edges: GraphEdge[] = [];
    const add = (op: string, params: Record<string, unknown>, from: [string, string?][]): string => {
      const id = `n${nodes.length}`;
      nodes.push({ id, op, params, position: { x: nodes.length * 200, y: 0 } });
      for (const [src, port] of from) edges.push({ id: `e${edges.length}`, source: src, target: id, ...(port ? { targetPort: port } : {}) });
      return id;
    };
    const source = (batches: unknown[][]) => add('queueStream', { batches, oneAtATime: true }, []);
    const first = source(c.input as unknown[][]);
    let cur = first;
    for (const step of spec.steps) {
      if (step.other === undefined) { cur = add(step.op, step.params ?? {}, [[cur]]); continue; }
      let otherId = first;
      if (step.other === 'input2') {
        otherId = source((c.input2 ?? []) as unknown[][]);
        for (const s of spec.second ?? []) otherId = add(s.op, s.params ?? {}, [[otherId]]);
      }
      const [curPort, otherPort] = step.port ?? ['in', 'other'];
      cur = add(step.op, step.params ?? {}, [[cur, curPort], [otherId, otherPort]]);
    }
    add('print', { num: 1000 }, [[cur]]);
    const batchDuration = c.batchDurationMs ?? 1000;
    const batches = c.numBatches ?? (Array.isArray(c.expected) ? c.expected.length : c.input.length);
    out.push({
      name: c.name,
      batches,
      graph: { version: 1, name: `Conformance ${c.name}`, master: c.master ?? 'local[2]', batchDuration, seed: 1, nodes, edges } as PipelineGraph,
    });
  }
  return out;
}
