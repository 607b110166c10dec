/**
 * Build order and argument passing, checked on a RECORDING STUB of the StreamingContext/DStream API
 * (no data flows; real runs of every example are in examples.test.ts).
 */
import { describe, expect, test } from 'vitest';
import { buildPipeline, compileDriverFunction, GraphValidationError } from './buildPipeline';
import { chain, graphOf } from './testGraphs';
import { errors } from '../core/errors';
import type { StreamingContext } from '../streaming/StreamingContext';

/** Every method call on the stub ssc or a stub stream is logged as "target.method(args)" and returns a new stub stream. */
function recordingStubContext() {
  const log: string[] = [];
  let next = 0;
  const fmt = (a: unknown): string => (a && typeof a === 'object' && 'milliseconds' in (a as object) ? `${(a as { milliseconds: number }).milliseconds}ms`
    : typeof a === 'function' ? 'fn' : a && typeof a === 'object' && 'id' in (a as object) ? `s${(a as { id: number }).id}` : JSON.stringify(a));
  const stream = (): Record<string, unknown> => {
    const id = next++;
    return new Proxy({ id, slideDuration: { milliseconds: 1000 } } as Record<string, unknown>, {
      get: (t, p) => (p in t ? t[p as string] : (...args: unknown[]) => { log.push(`s${id}.${String(p)}(${args.map(fmt).join(', ')})`); return stream(); }),
    });
  };
  const sc = { parallelize: (xs: unknown[]) => ({ rdd: xs }), callSite: undefined, setCallSite: () => {} };
  /** What the stub answers itself; every other property is a logged method. A test may put its own methods here. */
  const own: Record<string, unknown> = { sparkContext: sc };
  const proxy: unknown = new Proxy(own, {
    get: (t, p) => (p in t ? t[p as string] : (...args: unknown[]) => { log.push(`ssc.${String(p)}(${args.map((a) => (Array.isArray(a) ? `[${a.length}]` : fmt(a))).join(', ')})`); return stream(); }),
  });
  // The Proxy answers every method the registry's builds call, which is all of StreamingContext a build sees.
  return { ssc: proxy as StreamingContext, own, log };
}

describe('buildPipeline (recording stub)', () => {
  test('builds in topological order through the registry, passing params as Spark arguments', () => {
    const g = graphOf([
      { id: 'out', op: 'print', params: { num: 5 }, position: { x: 0, y: 0 } },
      { id: 'j', op: 'join', params: {}, position: { x: 0, y: 0 } },
      { id: 'b', op: 'queueStream', params: { batches: [[['a', 2]]] }, position: { x: 0, y: 0 } },
      { id: 'a', op: 'socketTextStream', params: { port: 7777 }, position: { x: 0, y: 0 } },
      { id: 'pa', op: 'map', params: { f: 'l => [l, 1]' }, position: { x: 0, y: 0 } },
      { id: 'w', op: 'reduceByKeyAndWindow', params: { inverse: '(a, b) => a - b', window: 3000, slide: 1000, filterFunc: '([k, v]) => v > 0' }, position: { x: 0, y: 0 } },
    ], [
      { id: 'e1', source: 'a', target: 'pa' },
      { id: 'e2', source: 'pa', target: 'w' },
      { id: 'e3', source: 'w', target: 'j', targetPort: 'left' },
      { id: 'e4', source: 'b', target: 'j', targetPort: 'right' },
      { id: 'e5', source: 'j', target: 'out' },
    ], { checkpointDir: 'cp' });
    const { ssc, log } = recordingStubContext();
    const built = buildPipeline(g, ssc);
    expect(built.order).toEqual(['b', 'a', 'pa', 'w', 'j', 'out']);
    expect(log).toEqual([
      'ssc.queueStream([1], true)',
      'ssc.socketTextStream("localhost", 7777)',
      's1.map("l => [l, 1]")',
      's2.reduceByKeyAndWindow("(a, b) => a + b", "(a, b) => a - b", 3000ms, 1000ms, , "([k, v]) => v > 0")',
      's3.join(s0)',
      's4.print(5)',
    ]);
    expect(built.outputs).toEqual(['out']);
    expect([...built.dstreamToNode]).toEqual([[0, 'b'], [1, 'a'], [2, 'pa'], [3, 'w'], [4, 'j']]);
  });

  test('driver functions are compiled; executor functions stay source text', () => {
    const { ssc, log } = recordingStubContext();
    buildPipeline(chain([['queueStream', { batches: [] }], ['transform', { f: 'rdd => rdd' }], ['foreachRDD', { f: '(rdd, t) => {}' }]]), ssc);
    expect(log).toEqual(['ssc.queueStream([0], true)', 's0.transform(fn)', 's1.foreachRDD(fn)']);
  });

  test('a code node runs its source with the input stream and the context', () => {
    const { ssc, log } = recordingStubContext();
    const built = buildPipeline(chain([['queueStream', { batches: [] }], ['code', { code: '(s, ssc) => s.window(Seconds(2))' }, 'c'], 'print']), ssc);
    expect(log).toEqual(['ssc.queueStream([0], true)', 's0.window(2000ms)', 's1.print(10)']);
    expect(built.streams.has('c')).toBe(true);
  });

  test('an invalid graph throws GraphValidationError with every issue', () => {
    const { ssc, log } = recordingStubContext();
    let err: unknown;
    try { buildPipeline(chain([['queueStream', { batches: [] }], 'count']), ssc); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(GraphValidationError);
    expect((err as GraphValidationError).issues.map((i) => i.message)).toEqual([errors.noOutputOperations().message]);
    expect(log).toEqual([]);
  });

  test('a build error names the node', () => {
    const { ssc, own } = recordingStubContext();
    const g = chain([['queueStream', { batches: [] }], ['transform', { f: 'rdd => rdd' }, 't'], 'print']);
    own.queueStream = () => ({ id: 9, transform: () => { throw new Error('boom'); } });
    expect(() => buildPipeline(g, ssc)).toThrowError(expect.objectContaining({ issues: [{ nodeId: 't', severity: 'error', message: 'boom' }] }));
  });

  test('compileDriverFunction sees engine names', () => {
    expect(String(compileDriverFunction('() => Some(1)')())).toBe('Some(1)');
  });
});
