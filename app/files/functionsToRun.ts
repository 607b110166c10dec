/** What the consent dialog lists: every function a pipeline will run, with its node. Pure. */
import { opSpec, type OpSpec } from '../store/registryAdapter';
import type { PipelineGraph } from '../../engine/graph/types';
import { resolveParams } from '../../engine/graph/opSpec';
import { listCode } from './share';

export interface FunctionToRun {
  nodeId: string;
  /** The node's label, when it has one. */
  label?: string;
  op: string;
  param: string;
  source: string;
  /** The registry's default, not written in the document (it runs all the same). */
  isDefault: boolean;
}

/**
 * Every function the pipeline will run: the function params of every node with the registry's defaults filled in,
 * plus any other text that may be compiled (params of unknown ops, code-like JSON), in node order.
 */
export function functionsToRun(graph: PipelineGraph, spec: (op: string) => OpSpec | undefined = opSpec): FunctionToRun[] {
  const out: FunctionToRun[] = [];
  const seen = new Set<string>();
  const add = (f: FunctionToRun) => { const k = `${f.nodeId}\u0000${f.param}`; if (!seen.has(k)) { seen.add(k); out.push(f); } };
  for (const n of graph.nodes) {
    const s = spec(n.op);
    const label = n.label ? { label: n.label } : {};
    if (s) {
      const params = resolveParams(s, n.params);
      for (const [param, ps] of Object.entries(s.params)) {
        const v = params[param];
        if (ps.type !== 'function' || typeof v !== 'string' || v.trim() === '') continue;
        const given = n.params?.[param];
        add({ nodeId: n.id, ...label, op: n.op, param, source: v, isDefault: given === undefined || given === null });
      }
    }
    for (const c of listCode({ ...graph, nodes: [n] }, spec)) add({ nodeId: n.id, ...label, op: n.op, param: c.param, source: c.source, isDefault: false });
  }
  return out;
}

