import { describe, expect, it } from 'vitest';
import type { PipelineGraph } from '../types';
import { pinnedParallelism, studioParallelism, submitMaster } from './sparkMaster';
import { exportScala } from './exportScala';
import { exportPython } from './exportPython';

const graph = (master: string, conf?: Record<string, string>): PipelineGraph =>
  ({ version: 1, name: 'P', master, batchDuration: 1000, seed: 1, nodes: [], edges: [], ...(conf ? { conf } : {}) }) as PipelineGraph;

describe('the master and parallelism of a Spark export', () => {
  it('submits a local-cluster graph to local[*] and keeps its parallelism of workers x cores', () => {
    expect(submitMaster(graph('local-cluster[2,2,1024]'))).toBe('local[*]');
    expect(studioParallelism(graph('local-cluster[2,2,1024]'))).toBe(4);
    expect(pinnedParallelism(graph('local-cluster[2,2,1024]'))).toBe(4);
  });

  it('keeps a local master as it is and pins nothing', () => {
    expect(submitMaster(graph('local[2]'))).toBe('local[2]');
    expect(studioParallelism(graph('local[2,4]'))).toBe(2);
    expect(studioParallelism(graph('local[*]'))).toBeUndefined();
    expect(pinnedParallelism(graph('local[2]'))).toBeUndefined();
    expect(pinnedParallelism(graph('local-cluster[2,2,1024]', { 'spark.default.parallelism': '8' }))).toBeUndefined();
  });

  // Spark found this: the hashtags examples ran with 4 shuffle partitions in the studio and 2 on local[2]
  it('both exports set spark.default.parallelism when they change the master, never the test-only master', () => {
    const g = graph('local-cluster[2,2,1024]');
    expect(exportScala(g)).toContain('.setIfMissing("spark.master", "local[*]").setIfMissing("spark.default.parallelism", "4")');
    expect(exportPython(g)).toContain(".setIfMissing('spark.master', 'local[*]').setIfMissing('spark.default.parallelism', '4')");
    expect(exportScala(g)).not.toContain('setIfMissing("spark.master", "local-cluster');
  });
});

describe('the PySpark export of a short window with an inverse', () => {
  it('says that PySpark reduces it again and does not print keys that left the window', () => {
    const g = {
      version: 1, name: 'W', master: 'local[2]', batchDuration: 1000, seed: 1,
      nodes: [
        { id: 'q', op: 'queueStream', params: { batches: [['a']], oneAtATime: true }, position: { x: 0, y: 0 } },
        { id: 'w', op: 'reduceByKeyAndWindow', params: { reduce: '(a, b) => a + b', inverse: '(a, b) => a - b', window: 2000, slide: 1000 }, position: { x: 0, y: 0 } },
      ],
      edges: [{ id: 'e', source: 'q', target: 'w' }],
    } as PipelineGraph;
    expect(exportPython(g)).toContain('# PySpark reduces a window shorter than 5 slides again');
    const long = { ...g, nodes: g.nodes.map((n) => (n.id === 'w' ? { ...n, params: { ...n.params, window: 5000 } } : n)) };
    expect(exportPython(long)).not.toContain('PySpark reduces a window');
  });
});
