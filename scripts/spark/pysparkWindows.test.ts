import { describe, expect, it } from 'vitest';
import type { PipelineGraph } from '../../engine/graph/types';
import { asPySparkComputes, recomputedWindows } from './pysparkWindows';
import { runOnEngine } from './engineRun';

const graph = (window: number, params: Record<string, unknown> = {}): PipelineGraph => ({
  version: 1, name: 'W', master: 'local[2]', batchDuration: 1000, seed: 1,
  nodes: [
    { id: 'q', op: 'queueStream', params: { batches: [['a', 'b'], ['a'], [], []], oneAtATime: true }, position: { x: 0, y: 0 } },
    { id: 'p', op: 'map', params: { f: 'w => [w, 1]' }, position: { x: 0, y: 0 } },
    { id: 'w', op: 'reduceByKeyAndWindow', params: { reduce: '(a, b) => a + b', inverse: '(a, b) => a - b', window, slide: 1000, ...params }, position: { x: 0, y: 0 } },
    { id: 'out', op: 'print', params: { num: 100 }, position: { x: 0, y: 0 } },
  ],
  edges: [{ id: 'e1', source: 'q', target: 'p' }, { id: 'e2', source: 'p', target: 'w' }, { id: 'e3', source: 'w', target: 'out' }],
} as PipelineGraph);

describe('windows as PySpark computes them', () => {
  it('an inverse window shorter than five slides is reduced again: keys that left it are not printed', async () => {
    expect(recomputedWindows(graph(2000)).map((n) => n.id)).toEqual(['w']);
    const scala = await runOnEngine(graph(2000), 4, '/tmp/dstream-pyspark-windows-a', '/tmp/dstream-pyspark-windows-a-out');
    const py = await runOnEngine(asPySparkComputes(graph(2000)), 4, '/tmp/dstream-pyspark-windows-b', '/tmp/dstream-pyspark-windows-b-out');
    expect(scala.error).toBeUndefined();
    expect(scala.stdout).toContain('(b,0)');
    expect(py.stdout).not.toContain('(b,0)');
    expect(py.stdout).toContain('(a,2)');
  });

  it('a window of five slides or more keeps the inverse, and the filter function survives the rewrite', () => {
    expect(asPySparkComputes(graph(5000))).toEqual(graph(5000));
    const g = asPySparkComputes(graph(2000, { filterFunc: '([k, v]) => v > 0' }));
    expect(g.nodes.map((n) => n.op)).toEqual(['queueStream', 'map', 'reduceByKeyAndWindow', 'filter', 'print']);
    expect(g.nodes.find((n) => n.op === 'reduceByKeyAndWindow')?.params.inverse).toBeUndefined();
  });
});
