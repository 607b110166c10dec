/**
 * What the Windows and State panels need from the pipeline graph: window specs (window, slide,
 * inverse) and the stateful nodes. The operator registry says which nodes those are (engine/graph/opFacts.ts).
 */
import type { PipelineGraph } from '../../../engine/graph/types';
import { isStatefulOp, nodeWindow } from '../../../engine/graph/opFacts';
import type { WindowSpec } from './windows';

export function windowSpecsFromGraph(g: Pick<PipelineGraph, 'nodes' | 'batchDuration'> | undefined | null): WindowSpec[] {
  if (!g) return [];
  return g.nodes.flatMap((n) => {
    const w = nodeWindow(n, g.batchDuration);
    return w ? [{ nodeId: n.id, label: n.label ?? `${n.op} (${n.id})`, ...w }] : [];
  });
}

export function statefulNodeIds(g: Pick<PipelineGraph, 'nodes'> | undefined | null): string[] {
  return g ? g.nodes.filter((n) => isStatefulOp(n.op)).map((n) => n.id) : [];
}
