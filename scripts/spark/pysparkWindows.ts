/**
 * PySpark computes windows with an inverse function differently from Scala: PythonReducedWindowedDStream uses the
 * inverse only when windowDuration >= 5 * slideDuration ("for small window, reduce once will be better than twice",
 * Spark 3.5 PythonDStream.scala) and otherwise reduces the window's batches again. Keys whose values left the
 * window are then absent instead of printed with the inverse's result ((key,0) in Scala), and countByWindow of an
 * empty window prints nothing instead of 0. The oracle compares a PySpark run with the engine's run of this
 * rewritten graph, which is what PySpark computes; the Scala run is compared with the graph as it is.
 */
import type { GraphNode, PipelineGraph } from '../../engine/graph/types';
import { slideDurations } from '../../engine/graph/validate';

const hasInverse = (n: GraphNode) => typeof n.params.inverse === 'string' && n.params.inverse.trim() !== '';

/** Nodes PySpark reduces again each slide: an inverse window (or countByWindow) shorter than five slides. */
export function recomputedWindows(graph: PipelineGraph): GraphNode[] {
  const slides = slideDurations(graph);
  return graph.nodes.filter((n) => {
    const inverse = ((n.op === 'reduceByKeyAndWindow' || n.op === 'reduceByWindow') && hasInverse(n)) || n.op === 'countByWindow';
    const slide = slides.get(n.id);
    return inverse && typeof n.params.window === 'number' && slide !== undefined && n.params.window < 5 * slide;
  });
}

/** The graph as PySpark computes it (the same graph when no window is recomputed). */
export function asPySparkComputes(graph: PipelineGraph): PipelineGraph {
  const recomputed = new Set(recomputedWindows(graph).map((n) => n.id));
  if (recomputed.size === 0) return graph;
  const nodes: GraphNode[] = [];
  let edges = [...graph.edges];
  for (const n of graph.nodes) {
    if (!recomputed.has(n.id)) { nodes.push(n); continue; }
    const { inverse: _inverse, filterFunc, ...params } = n.params;
    if (n.op === 'countByWindow') {
      // PySpark: map(lambda x: 1).reduceByWindow(add, sub, ...), reduced again when the window is short
      const ones = `${n.id}__ones`;
      nodes.push({ ...n, id: ones, op: 'map', params: { f: '() => 1' } });
      nodes.push({ ...n, op: 'reduceByWindow', params: { ...params, reduce: '(a, b) => a + b' } });
      edges = edges.map((e) => (e.target === n.id ? { ...e, target: ones } : e));
      edges.push({ id: `${n.id}__e`, source: ones, target: n.id });
      continue;
    }
    if (typeof filterFunc === 'string' && filterFunc.trim() !== '') {
      // PySpark's reduceFunc filters the recomputed window with filterFunc
      const reduced = `${n.id}__reduced`;
      nodes.push({ ...n, id: reduced, params });
      nodes.push({ ...n, op: 'filter', params: { f: filterFunc } });
      edges = edges.map((e) => (e.target === n.id ? { ...e, target: reduced } : e));
      edges.push({ id: `${n.id}__e`, source: reduced, target: n.id });
      continue;
    }
    nodes.push({ ...n, params });
  }
  return { ...graph, nodes, edges };
}
