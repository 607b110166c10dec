/**
 * What the Windows and State panels need from the pipeline graph: window specs (window, slide,
 * inverse) and the stateful nodes. Derived from the graph JSON only (no engine objects).
 */
import type { PipelineGraph } from '../../../engine/graph/types';
import type { WindowSpec } from './windows';

const WINDOW_OPS = new Set(['window', 'countByWindow', 'reduceByWindow', 'countByValueAndWindow', 'groupByKeyAndWindow', 'reduceByKeyAndWindow']);
/** Spark computes these incrementally with an inverse function of its own. */
const IMPLICIT_INVERSE = new Set(['countByWindow', 'countByValueAndWindow']);
const STATE_OPS = new Set(['updateStateByKey', 'mapWithState']);

const num = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) && n > 0 ? n : undefined;
};

export function windowSpecsFromGraph(g: Pick<PipelineGraph, 'nodes' | 'batchDuration'> | undefined | null): WindowSpec[] {
  if (!g) return [];
  return g.nodes.filter((n) => WINDOW_OPS.has(n.op)).map((n) => ({
    nodeId: n.id,
    label: n.label ?? `${n.op} (${n.id})`,
    windowMs: num(n.params.window) ?? g.batchDuration,
    slideMs: num(n.params.slide) ?? g.batchDuration,
    inverse: IMPLICIT_INVERSE.has(n.op) || (typeof n.params.inverse === 'string' && n.params.inverse.trim() !== ''),
  }));
}

export function statefulNodeIds(g: Pick<PipelineGraph, 'nodes'> | undefined | null): string[] {
  return g ? g.nodes.filter((n) => STATE_OPS.has(n.op)).map((n) => n.id) : [];
}
