/**
 * The operator registry: every op of the streaming core API, once. The palette, inspector, validation, the run
 * and every exporter iterate `operators` or call `getOp`; none of them switches on an op name.
 */
import type { GraphNode, OpCategory, PipelineGraph } from './types';
import type { OpSpec } from './opSpec';
import { resolveParams } from './opSpec';
import { makeEmitContext } from './emit';
import type { Lang } from './emit';
import { sourceOps } from './ops/sources';
import { statelessOps } from './ops/stateless';
import { pairOps } from './ops/pair';
import { windowOps } from './ops/window';
import { stateOps } from './ops/state';
import { outputOps } from './ops/outputs';
import { codeOps } from './ops/code';
import { errors } from '../core/errors';

export const operators: readonly OpSpec[] = Object.freeze([
  ...sourceOps, ...statelessOps, ...pairOps, ...windowOps, ...stateOps, ...outputOps, ...codeOps,
]);

const byName = new Map<string, OpSpec>(operators.map((op) => [op.name, op]));

/** The op named `name`, or undefined (an own-property lookup: 'toString' or '__proto__' are not ops). */
export function getOp(name: string): OpSpec | undefined {
  return typeof name === 'string' ? byName.get(name) : undefined;
}

/** Category order as the palette shows it. */
export const categoryOrder: readonly OpCategory[] = ['source', 'transform', 'pair', 'window', 'state', 'output', 'code'];

export function opsByCategory(): Map<OpCategory, OpSpec[]> {
  const m = new Map<OpCategory, OpSpec[]>(categoryOrder.map((c) => [c, []]));
  for (const op of operators) m.get(op.category)!.push(op);
  return m;
}

/** The port name for an edge: `targetPort` or the op's first port ('in'). */
export function edgePort(op: OpSpec | undefined, targetPort: string | undefined): string {
  return targetPort ?? op?.inputs[0]?.port ?? 'in';
}

export interface EmitNodeOptions {
  lang: Lang;
  /** Variable names of the streams feeding each input port (by port name). */
  inputs: Record<string, string>;
  out: string;
  udf: (source: string, lang: 'scala' | 'python') => string;
  ssc?: string;
}

/** Prints one node as a statement of `lang` through its registry entry (what the exporters call per node). */
export function emitNode(graph: PipelineGraph, node: GraphNode, opts: EmitNodeOptions): string {
  const op = getOp(node.op);
  if (!op) throw errors.unknownOp(node.op, node.id);
  const e = makeEmitContext({
    lang: opts.lang, in: op.inputs.map((port) => opts.inputs[port.port] ?? ''), out: opts.out,
    params: resolveParams(op, node.params), node, graph, udf: opts.udf, ssc: opts.ssc,
  });
  return op.emit[opts.lang](e);
}
