import { describe, expect, it } from 'vitest';
import { generatePipeline } from './generate';
import { validateGraph } from '../../engine/graph/validate';

describe('random pipelines for the Spark oracle', () => {
  it('the same seed gives the same pipeline, another seed another', () => {
    expect(generatePipeline(3, 1)).toEqual(generatePipeline(3, 1));
    expect(JSON.stringify(generatePipeline(3, 1))).not.toBe(JSON.stringify(generatePipeline(3, 2)));
  });

  it('200 pipelines are valid graphs ending in print() and cover state, windows with an inverse and joins', () => {
    const ops = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const { graph } = generatePipeline(i, 1);
      // the runner gives every run a checkpoint directory (stateful streams need one)
      const errors = validateGraph({ ...graph, checkpointDir: 'checkpoints/generated' }).filter((x) => x.severity === 'error');
      expect(errors, `pipeline ${i}`).toEqual([]);
      expect(graph.nodes[graph.nodes.length - 1].op).toBe('print');
      graph.nodes.forEach((n) => ops.add(n.op + (n.params.inverse ? '+inverse' : '')));
    }
    expect(ops.has('saveAsTextFiles')).toBe(true);
    for (const op of ['updateStateByKey', 'mapWithState', 'reduceByKeyAndWindow', 'reduceByKeyAndWindow+inverse', 'join', 'leftOuterJoin', 'union', 'transform', 'window']) {
      expect(ops.has(op), op).toBe(true);
    }
  });
});
