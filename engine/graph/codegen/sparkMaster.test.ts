import { describe, expect, it } from 'vitest';
import type { PipelineGraph } from '../types';
import { pinnedParallelism, studioParallelism, submitMaster } from './sparkMaster';
import { exportScala } from './exportScala';
import { exportPython } from './exportPython';

const graph = (master: string, conf?: Record<string, string>): PipelineGraph =>
  ({ version: 1, name: 'P', master, batchDuration: 1000, nodes: [], edges: [], ...(conf ? { conf } : {}) }) as PipelineGraph;

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
