import { describe, expect, it } from 'vitest';
import { SUITES, conformanceGraphs, exclusionOf } from './conformance';
import { validateGraph } from '../../engine/graph/validate';

describe('the conformance suites as pipelines for the Spark oracle', () => {
  it('every suite case either runs as a graph or says why not', () => {
    const unaccounted = SUITES.flat().filter((c) => {
      const runs = conformanceGraphs().some((g) => g.name === c.name);
      return !runs && exclusionOf(c) === undefined;
    }).map((c) => c.name);
    expect(unaccounted).toEqual([]);
  });

  it('the graphs are valid, end in print() and cover the three suites', () => {
    const graphs = conformanceGraphs();
    for (const { name, graph } of graphs) {
      const errors = validateGraph({ ...graph, checkpointDir: 'checkpoints/conformance' }).filter((x) => x.severity === 'error');
      expect(errors, name).toEqual([]);
      expect(graph.nodes[graph.nodes.length - 1].op).toBe('print');
    }
    const ops = new Set(graphs.flatMap((g) => g.graph.nodes.map((n) => n.op)));
    for (const op of ['reduceByKey', 'join', 'cogroup', 'updateStateByKey', 'reduceByKeyAndWindow', 'countByValueAndWindow', 'mapWithState']) expect(ops.has(op), op).toBe(true);
    expect(graphs.length).toBeGreaterThanOrEqual(35);
  });
});
