/** Divergences `npm run test:spark` found against real Spark, kept here so they stay fixed without Spark. */
import { describe, expect, it } from 'vitest';
import { exportPython, exportScala } from './index';
import type { PipelineGraph } from '../types';

const graph = (params: Record<string, unknown>): PipelineGraph => ({
  version: 1, name: 'Regression', master: 'local[2]', batchDuration: 1000, seed: 1,
  nodes: [
    { id: 'q', op: 'queueStream', params: { batches: [['a b']], oneAtATime: true } },
    { id: 'p', op: 'map', params: { f: 'w => [w, 1]' } },
    { id: 'w', op: 'reduceByKeyAndWindow', params },
    { id: 'o', op: 'print', params: {} },
  ],
  edges: [{ id: 'e1', source: 'q', target: 'p' }, { id: 'e2', source: 'p', target: 'w' }, { id: 'e3', source: 'w', target: 'o' }],
} as PipelineGraph);

describe('Scala export regressions found on Spark 3.5', () => {
  it('reduceByKeyAndWindow without an inverse types its function (the method is overloaded; scalac cannot infer it)', () => {
    expect(exportScala(graph({ reduce: '(a, b) => a + b', window: 2000, slide: 1000 })))
      .toContain('.reduceByKeyAndWindow((a: Int, b: Int) => a + b, Seconds(2), Seconds(1))');
  });

  it('a destructuring filterFunc gets a typed parameter and a match instead of a bare pattern function', () => {
    const code = exportScala(graph({ reduce: '(a, b) => a + b', inverse: '(a, b) => a - b', window: 2000, slide: 1000, filterFunc: '([k, n]) => n > 0' }));
    expect(code).toContain('{ (x$1: (String, Int)) => x$1 match { case (k, n) => n > 0 } }');
  });

  it('a flatMap returning a two-element array literal emits a Seq (a Scala tuple is no collection: it did not compile)', () => {
    const g = graph({ reduce: '(a, b) => a + b', window: 2000, slide: 1000 });
    g.nodes[1] = { ...g.nodes[1], op: 'flatMap', params: { f: 'x => [x, x + x]' } };
    const code = exportScala(g);
    expect(code).toContain('.flatMap(x => Seq(x, x + x))');
    g.nodes[1] = { ...g.nodes[1], op: 'map', params: { f: 'x => [x, x + x]' } };
    expect(exportScala(g)).toContain('.map(x => (x, x + x))');
  });

  it('every export has a build(ssc) entry that main calls', () => {
    const code = exportScala(graph({ reduce: '(a, b) => a + b', window: 2000, slide: 1000 }));
    expect(code).toMatch(/build\(ssc\)\n {4}ssc\.start\(\)/);
    expect(code).toContain('  def build(ssc: StreamingContext): Unit = {');
  });
});

describe('translator reach found on Spark 3.5', () => {
  it('rdd.reduceByKey inside transform translates to both languages (it was a stub, 11 of 200 random pipelines)', async () => {
    const { translateUdf } = await import('./udf');
    expect(translateUdf('rdd => rdd.reduceByKey((a, b) => a + b).sortByKey(false)', 'scala'))
      .toEqual({ code: 'rdd => rdd.reduceByKey((a, b) => a + b).sortByKey(false)', exact: true });
    expect(translateUdf('rdd => rdd.reduceByKey((a, b) => a + b).sortByKey(false)', 'python'))
      .toEqual({ code: 'lambda rdd: rdd.reduceByKey(lambda a, b: a + b).sortByKey(False)', exact: true });
    expect(translateUdf('xs => xs.reduceByKey((a, b) => a + b)', 'scala').exact).toBe(false);
  });
});

describe('transformWith exports found on Spark 3.5', () => {
  const twoStreams = (f: string): PipelineGraph => ({
    version: 1, name: 'Regression', master: 'local[2]', batchDuration: 1000, seed: 1,
    nodes: [
      { id: 'a', op: 'queueStream', params: { batches: [['a']], oneAtATime: true } },
      { id: 'pa', op: 'map', params: { f: 'x => [x, 1]' } },
      { id: 'b', op: 'queueStream', params: { batches: [['a']], oneAtATime: true } },
      { id: 'pb', op: 'map', params: { f: 'x => [x, 2]' } },
      { id: 't', op: 'transformWith', params: { f } },
      { id: 'o', op: 'print', params: {} },
    ],
    edges: [{ id: 'e1', source: 'a', target: 'pa' }, { id: 'e2', source: 'b', target: 'pb' },
      { id: 'e3', source: 'pa', target: 't', targetPort: 'in' }, { id: 'e4', source: 'pb', target: 't', targetPort: 'other' },
      { id: 'e5', source: 't', target: 'o' }],
  } as PipelineGraph);

  it('rdd1.join(rdd2) is the pair-RDD join in both exports, not Array.prototype.join (mkString / str.join)', () => {
    const g = twoStreams('(rdd1, rdd2) => rdd1.join(rdd2)');
    const scala = exportScala(g);
    expect(scala).toContain('rdd1.join(rdd2)');
    expect(scala).not.toContain('mkString');
    const py = exportPython(g);
    expect(py).toContain('rdd1.join(rdd2)');
    expect(py).not.toContain('map(str');
  });

  it('the Scala function gets its parameter types from the streams (transformWith is overloaded: scalac cannot infer them)', () => {
    const scala = exportScala(twoStreams('(rdd1, rdd2) => rdd1.join(rdd2)'));
    expect(scala).toMatch(/= transformWithOf\(\w+, \w+\)\(\(rdd1, rdd2\) => rdd1\.join\(rdd2\)\)/);
    expect(scala).toContain('def transformWithOf[T, U: ClassTag, V: ClassTag](a: DStream[T], b: DStream[U])(f: (RDD[T], RDD[U]) => RDD[V]): DStream[V] =');
    expect(scala).toContain('import scala.reflect.ClassTag');
    expect(scala).toContain('import org.apache.spark.streaming.dstream.DStream');
    expect(scala).toContain('import org.apache.spark.rdd.RDD');
  });

  it('an array join inside other functions still becomes mkString / str.join', () => {
    const g = twoStreams('(rdd1, rdd2) => rdd1.join(rdd2)');
    g.nodes[1] = { id: 'pa', op: 'map', params: { f: 'x => [x, [x, x].join("-")]' }, position: { x: 0, y: 0 } };
    expect(exportScala(g)).toContain('.mkString("-")');
    expect(exportPython(g)).toContain(".join(map(str, ");
  });
});
