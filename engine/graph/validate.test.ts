import { describe, expect, test } from 'vitest';
import { topologicalOrder, validateGraph, validationMessages } from './validate';
import { chain, graphOf } from './testGraphs';
import type { NodeSpec } from './testGraphs';
import { errors } from '../core/errors';
import type { PipelineGraph, ValidationIssue } from './types';
import { getOp } from './registry';

const Q = ['queueStream', { batches: [['a b']] }] as [string, Record<string, unknown>];
const wc = (over: Partial<PipelineGraph> = {}, mid: NodeSpec[] = []) =>
  chain([Q, ['flatMap', { f: "l => l.split(' ')" }], ['map', { f: 'w => [w, 1]' }], ...mid, 'print'], over);

type Expect = Partial<ValidationIssue>;
/** [case, graph, expected issues (subset match, in any order; [] = no issues at all)]. */
const CASES: [string, PipelineGraph, Expect[]][] = [
  ['valid word count', wc({}, [['reduceByKey']]), []],
  ['no output op', chain([Q, 'count']), [{ severity: 'error', message: errors.noOutputOperations().message }]],
  ['window not a multiple of the batch', wc({}, [['reduceByKeyAndWindow', { window: 2500 }, 'w']]),
    [{ nodeId: 'w', param: 'window', message: errors.windowNotMultiple(2500, 1000).message }]],
  ['slide not a multiple of the batch', wc({}, [['window', { window: 3000, slide: 1500 }, 'w']]),
    [{ nodeId: 'w', param: 'slide', message: errors.slideNotMultiple(1500, 1000).message }]],
  ['window after window: multiple of the parent window slide', wc({}, [['window', { window: 4000, slide: 2000 }], ['window', { window: 3000 }, 'w2']]),
    [{ nodeId: 'w2', param: 'window', message: errors.windowNotMultiple(3000, 2000).message }]],
  ['updateStateByKey without checkpoint', wc({}, [['updateStateByKey', {}, 's']]),
    [{ nodeId: 's', severity: 'error', message: errors.checkpointDirNotSet().message }]],
  ['updateStateByKey with checkpoint', wc({ checkpointDir: 'cp' }, [['updateStateByKey']]), []],
  ['inverse reduce needs checkpoint', wc({}, [['reduceByKeyAndWindow', { inverse: '(a, b) => a - b', window: 3000 }, 'r']]),
    [{ nodeId: 'r', message: errors.checkpointDirNotSet().message }]],
  ['window without inverse needs none', wc({}, [['reduceByKeyAndWindow', { window: 3000 }]]), []],
  ['countByWindow needs checkpoint', chain([Q, ['countByWindow', { window: 2000 }, 'c'], 'print']),
    [{ nodeId: 'c', message: errors.checkpointDirNotSet().message }]],
  ['pair op fed by text lines (declared)', chain([Q, ['flatMap', { f: "l => l.split(' ')" }], 'count', ['reduceByKey', {}, 'r'], 'print']),
    [{ nodeId: 'r', severity: 'error', message: 'reduceByKey needs (key, value) pairs, but n3 (count) produces records that are not pairs. Add a map like w => [w, 1] before it.' }]],
  ['pair op fed through a filter of a text source', chain([['socketTextStream'], ['filter'], ['groupByKey', {}, 'g'], 'print'], { master: 'local[2]' }),
    [{ nodeId: 'g', message: 'groupByKey needs (key, value) pairs, but n2 (filter) produces records that are not pairs. Add a map like w => [w, 1] before it.' }]],
  ['strings wired into a pair input: flagged on the edge and the node, inferred from the flatMap source',
    chain([['socketTextStream'], ['flatMap', { f: "l => l.split(' ')" }, 'words'], ['reduceByKey', {}, 'r'], 'print']),
    [{ nodeId: 'r', edgeId: 'e2', severity: 'error', message: 'reduceByKey needs (key, value) pairs, but words (flatMap) produces records that are not pairs. Add a map like w => [w, 1] before it.' }]],
  ['upper-cased lines wired into groupByKey (map source)', chain([['socketTextStream'], ['map', { f: 'l => l.toUpperCase()' }], ['groupByKey', {}, 'g'], 'print']),
    [{ nodeId: 'g', edgeId: 'e2', severity: 'error' }]],
  ['queueStream of text lines wired into reduceByKey', chain([Q, ['reduceByKey', {}, 'r'], 'print']), [{ nodeId: 'r', edgeId: 'e1', severity: 'error' }]],
  ['queueStream of pairs is fine', chain([['queueStream', { batches: [[['a', 1]]] }], ['reduceByKey'], 'print']), []],
  ['flatMap to pairs is fine', chain([['socketTextStream'], ['flatMap', { f: "l => l.split(' ').map(w => [w, 1])" }], ['reduceByKey'], 'print']), []],
  ['an unknown shape is never flagged', chain([['socketTextStream'], ['map', { f: "l => l.split(',')" }], ['reduceByKey'], 'print']), []],
  ['UDF syntax error with line/column', wc({}, [['reduceByKey', { reduce: '(a, b) =>\n  a +* b' }, 'r']]),
    [{ nodeId: 'r', param: 'reduce', severity: 'error', line: 2 }]],
  ['free variable in an executor UDF', chain([Q, ['filter', { f: 'x => x.length > limit' }, 'f'], 'print']),
    [{ nodeId: 'f', param: 'f', message: errors.taskNotSerializable('filter', ['limit']).message }]],
  ['engine names are fine in UDFs', wc({ checkpointDir: 'cp' }, [['updateStateByKey', { update: '(vs, s) => Some(vs.length + s.getOrElse(0))' }]]), []],
  ['driver functions may close over anything', chain([Q, ['transform', { f: 'rdd => rdd.union(extra)' }], 'print']), []],
  ['local[1] with a receiver: warning', chain([['socketTextStream'], 'print'], { master: 'local[1]' }),
    [{ severity: 'warning', message: validationMessages.localOneReceiver() }]],
  ['local with a receiver: warning', chain([['twitterStream'], 'print'], { master: 'local' }),
    [{ severity: 'warning', message: validationMessages.localOneReceiver() }]],
  ['local[2] with a receiver: fine', chain([['socketTextStream'], 'print'], { master: 'local[2]' }), []],
  ['directKafka on local[1]: no receiver, fine', chain([['directKafkaStream'], 'print'], { master: 'local[1]' }), []],
  ['unconnected port', chain([Q, ['union', {}, 'u'], 'print']),
    [{ nodeId: 'u', severity: 'error', message: validationMessages.notConnected(getOp('union')!, { id: 'u', op: 'union', params: {}, position: { x: 0, y: 0 } }, 'other'), detail: validationMessages.notConnectedDetail('other') }]],
  ['cycle', graphOf([
    { id: 'a', op: 'map', params: {}, position: { x: 0, y: 0 } },
    { id: 'b', op: 'map', params: {}, position: { x: 0, y: 0 } },
    { id: 'p', op: 'print', params: {}, position: { x: 0, y: 0 } },
  ], [{ id: 'e1', source: 'a', target: 'b' }, { id: 'e2', source: 'b', target: 'a' }, { id: 'e3', source: 'b', target: 'p' }]),
  [{ nodeId: 'a', message: validationMessages.cycle(['a', 'b', 'p']) }]],
  ['union of different slides', graphOf([
    { id: 'q', op: 'queueStream', params: {}, position: { x: 0, y: 0 } },
    { id: 'w', op: 'window', params: { window: 2000, slide: 2000 }, position: { x: 0, y: 0 } },
    { id: 'u', op: 'union', params: {}, position: { x: 0, y: 0 } },
    { id: 'p', op: 'print', params: {}, position: { x: 0, y: 0 } },
  ], [{ id: 'e1', source: 'q', target: 'w' }, { id: 'e2', source: 'q', target: 'u' }, { id: 'e3', source: 'w', target: 'u', targetPort: 'other' },
    { id: 'e4', source: 'u', target: 'p' }]),
  [{ nodeId: 'u', message: errors.differentSlideDurations().message }]],
  ['filterFunc without inverse', wc({}, [['reduceByKeyAndWindow', { window: 2000, filterFunc: '([k, v]) => v > 0' }, 'r']]),
    [{ nodeId: 'r', param: 'filterFunc', severity: 'error' }]],
  ['queueStream batches must be lists', chain([['queueStream', { batches: ['a', 'b'] }, 'q'], 'print']),
    [{ nodeId: 'q', param: 'batches', severity: 'error' }]],
  ['unknown op', chain([Q, ['nope', {}, 'x'], 'print']), [{ nodeId: 'x', message: 'Unknown op "nope" on node x' }]],
  ['code node at the end counts as an output', chain([Q, ['code', { code: '(s) => { s.print(); }' }]]), []],
];

describe('validateGraph', () => {
  test.each(CASES)('%s', (_name, graph, expected) => {
    const issues = validateGraph(graph);
    if (expected.length === 0) expect(issues).toEqual([]);
    for (const exp of expected) {
      expect(issues.some((i) => Object.entries(exp).every(([k, v]) => (i as unknown as Record<string, unknown>)[k] === v)),
        `expected ${JSON.stringify(exp)}\nactual ${JSON.stringify(issues, null, 1)}`).toBe(true);
    }
  });

  test('topological order is stable and follows edges', () => {
    const g = graphOf([
      { id: 'p', op: 'print', params: {}, position: { x: 0, y: 0 } },
      { id: 'j', op: 'join', params: {}, position: { x: 0, y: 0 } },
      { id: 'b', op: 'queueStream', params: {}, position: { x: 0, y: 0 } },
      { id: 'a', op: 'queueStream', params: {}, position: { x: 0, y: 0 } },
    ], [{ id: 'e1', source: 'a', target: 'j', targetPort: 'left' }, { id: 'e2', source: 'b', target: 'j', targetPort: 'right' }, { id: 'e3', source: 'j', target: 'p' }]);
    expect(topologicalOrder(g).order.map((n) => n.id)).toEqual(['b', 'a', 'j', 'p']);
  });
});
