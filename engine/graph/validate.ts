/**
 * Live validation of a pipeline graph, in Spark's own words where Spark has them. Each issue names the node (and
 * param) it belongs to so the canvas can put it there. Pure and synchronous; pair kinds are inferred statically (staticKinds.ts), nothing runs.
 */
import type { GraphEdge, GraphNode, PipelineGraph, ValidationIssue } from './types';
import type { OpSpec } from './opSpec';
import { opNeedsCheckpoint, resolveParams } from './opSpec';
import { getOp } from './registry';
import { codeOf, errors, type CodedError, type ErrorCode } from '../core/errors';
import { checkFunctionSourceWithCode } from '../core/closure';
import { inferDataKind, inferFunctionKind, type StaticKind } from './staticKinds';

/** A node's display name in messages: its label, else its id. */
export function nodeName(node: GraphNode): string { return node.label ? `${node.label} (${node.id})` : node.id; }

/** Edges into each node, by port (the op's first port when targetPort is absent). */
export function incomingByPort(graph: PipelineGraph): Map<string, Map<string, GraphEdge>> {
  const m = new Map<string, Map<string, GraphEdge>>();
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  for (const e of graph.edges) {
    const target = byId.get(e.target);
    const port = e.targetPort ?? getOp(target?.op ?? '')?.inputs[0]?.port ?? 'in';
    if (!m.has(e.target)) m.set(e.target, new Map());
    m.get(e.target)!.set(port, e);
  }
  return m;
}

/**
 * Nodes in dependency order (Kahn's algorithm, ties broken by the order of graph.nodes so the order is stable),
 * plus the nodes left on cycles.
 */
export function topologicalOrder(graph: PipelineGraph): { order: GraphNode[]; cyclic: GraphNode[] } {
  const ids = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const indeg = new Map<string, number>(graph.nodes.map((n) => [n.id, 0]));
  const out = new Map<string, string[]>();
  for (const e of graph.edges) {
    if (!ids.has(e.source) || !ids.has(e.target)) continue;
    indeg.set(e.target, indeg.get(e.target)! + 1);
    if (!out.has(e.source)) out.set(e.source, []);
    out.get(e.source)!.push(e.target);
  }
  const ready = graph.nodes.filter((n) => indeg.get(n.id) === 0).map((n) => ids.get(n.id)!);
  const order: GraphNode[] = [];
  while (ready.length) {
    ready.sort((a, b) => a - b);
    const i = ready.shift()!;
    const n = graph.nodes[i];
    order.push(n);
    for (const t of out.get(n.id) ?? []) {
      indeg.set(t, indeg.get(t)! - 1);
      if (indeg.get(t) === 0) ready.push(ids.get(t)!);
    }
  }
  const done = new Set(order.map((n) => n.id));
  return { order, cyclic: graph.nodes.filter((n) => !done.has(n.id)) };
}

/**
 * Kind a node's output carries: declared by the registry, or, for ops whose records depend on a function (map,
 * flatMap) or on literal data (queueStream), inferred statically from the source text. Never runs user code.
 */
export function declaredKinds(graph: PipelineGraph): Map<string, StaticKind> {
  const kinds = new Map<string, StaticKind>();
  const incoming = incomingByPort(graph);
  for (const n of topologicalOrder(graph).order) {
    const op = getOp(n.op);
    if (!op) { kinds.set(n.id, 'unknown'); continue; }
    const first = incoming.get(n.id)?.get(op.inputs[0]?.port ?? 'in');
    const inputKind = first ? kinds.get(first.source) ?? 'unknown' : 'unknown';
    if (op.declaredKind === 'sameAsInput') kinds.set(n.id, inputKind);
    else if (op.declaredKind === 'unknown' && op.kindFrom) kinds.set(n.id, inferredKind(op, n, inputKind));
    else kinds.set(n.id, op.declaredKind);
  }
  return kinds;
}

function inferredKind(op: OpSpec, node: GraphNode, inputKind: StaticKind): StaticKind {
  const from = op.kindFrom;
  if (!from) return 'unknown';
  const params = resolveParams(op, node.params);
  if ('data' in from) return inferDataKind(params[from.data]);
  const src = params[from.fn];
  return typeof src === 'string' ? inferFunctionKind(src, { arg: from.arg, returns: from.returns, inputKind }) : 'unknown';
}

/** Slide duration (ms) of every node's output stream: the batch interval, changed by windowed ops. */
export function slideDurations(graph: PipelineGraph): Map<string, number | undefined> {
  const slides = new Map<string, number | undefined>();
  const incoming = incomingByPort(graph);
  for (const n of topologicalOrder(graph).order) {
    const op = getOp(n.op);
    if (!op) { slides.set(n.id, undefined); continue; }
    if (op.inputs.length === 0) { slides.set(n.id, graph.batchDuration); continue; }
    const first = incoming.get(n.id)?.get(op.inputs[0].port);
    const parent = first ? slides.get(first.source) : op.inputs[0].optional ? graph.batchDuration : undefined;
    if (op.flags.windowed) {
      const s = n.params.slide;
      slides.set(n.id, typeof s === 'number' && s > 0 ? s : parent);
    } else slides.set(n.id, parent);
  }
  return slides;
}

function receiverSlots(master: string): number | undefined {
  if (master === 'local') return 1;
  let m = /^local\[(\d+)(?:,\d+)?\]$/.exec(master);
  if (m) return Number(m[1]);
  m = /^local-cluster\[(\d+),\s*(\d+),\s*\d+\]$/.exec(master);
  if (m) return Number(m[1]) * Number(m[2]);
  return undefined; // local[*]: as many as the machine has
}

/** An issue's words and code, from the catalogue's error. */
const issueOf = (e: CodedError<ErrorCode>) => ({ message: e.message, code: e.code });

export const validationMessages = {
  notConnected: (op: OpSpec, node: GraphNode, port: string) =>
    `${op.name} ${nodeName(node)}: ${validationMessages.notConnectedDetail(port)}`,
  notConnectedDetail: (port: string) => `input '${port}' is not connected`,
  cycle: (names: string[]) =>
    `Cycle between ${names.join(', ')}: a DStream cannot depend on itself. Remove one of the edges.`,
  unknownOp: (node: GraphNode) => `Unknown op "${node.op}" on node ${nodeName(node)}`,
  danglingEdge: (edge: GraphEdge) => `Edge ${edge.id} connects a node that does not exist (${edge.source} → ${edge.target})`,
  notPairDeclared: (op: OpSpec, src: GraphNode, srcOp: OpSpec) =>
    `${op.name} needs (key, value) pairs, but ${nodeName(src)} (${srcOp.name}) produces records that are not pairs. Add a map like w => [w, 1] before it.`,
  localOneReceiver: () =>
    'local[1] with a receiver: the receiver takes the only task slot, so no batch is processed. Use local[2] or more.',
  receiversTakeAllSlots: (receivers: number, slots: number, master: string) =>
    `${receivers} receivers take all ${slots} task slots of ${master}, so no batch is processed. Give the executors more cores than there are receivers.`,
  udfSyntax: (op: OpSpec, param: string, message: string, line: number, column: number) =>
    `${op.name}.${param}: ${message} (line ${line}, column ${column})`,
};

/** Every problem of the graph (errors and warnings), in a stable order. */
export function validateGraph(graph: PipelineGraph): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const incoming = incomingByPort(graph);

  for (const e of graph.edges) {
    if (!byId.has(e.source) || !byId.has(e.target)) issues.push({ edgeId: e.id, severity: 'error', message: validationMessages.danglingEdge(e) });
  }

  const { cyclic } = topologicalOrder(graph);
  if (cyclic.length) {
    const msg = validationMessages.cycle(cyclic.map(nodeName));
    for (const n of cyclic) issues.push({ nodeId: n.id, severity: 'error', message: msg });
  }

  const kinds = declaredKinds(graph);
  const slides = slideDurations(graph);
  let outputs = 0;
  let receivers = 0;
  const needsCheckpoint: GraphNode[] = [];

  for (const node of graph.nodes) {
    const op = getOp(node.op);
    if (!op) { issues.push({ nodeId: node.id, severity: 'error', message: validationMessages.unknownOp(node) }); continue; }
    const params = resolveParams(op, node.params);
    const ports = incoming.get(node.id);
    if (op.output === null) outputs++;
    // A code node at the end of a chain may register outputs itself (foreachRDD inside its code).
    if (op.category === 'code' && !graph.edges.some((e) => e.source === node.id)) outputs++;
    if (op.flags.receiver) receivers++;
    if (opNeedsCheckpoint(op, params)) needsCheckpoint.push(node);

    // Ports: connected, and pair ports fed by pairs.
    for (const port of op.inputs) {
      const edge = ports?.get(port.port);
      if (!edge) {
        if (!port.optional) issues.push({ nodeId: node.id, severity: 'error', message: validationMessages.notConnected(op, node, port.port), detail: validationMessages.notConnectedDetail(port.port) });
        continue;
      }
      const src = byId.get(edge.source);
      const srcOp = src && getOp(src.op);
      if (port.kind === 'pair' && src && srcOp && kinds.get(src.id) === 'nonPair') {
        issues.push({ nodeId: node.id, edgeId: edge.id, severity: 'error', message: validationMessages.notPairDeclared(op, src, srcOp) });
      }
    }

    // Same slide on every input (union, transformWith, joins): Spark's TransformedDStream / UnionDStream check.
    if (op.inputs.length > 1) {
      const s = op.inputs.map((p) => ports?.get(p.port)).filter((e): e is GraphEdge => !!e).map((e) => slides.get(e.source));
      if (s.length > 1 && s.every((x) => x !== undefined) && new Set(s).size > 1) {
        issues.push({ nodeId: node.id, severity: 'error', ...issueOf(errors.differentSlideDurations()) });
      }
    }

    // Windows: multiples of the parent's slide (Spark's WindowedDStream requirements).
    if (op.flags.windowed) {
      const first = ports?.get(op.inputs[0].port);
      const parentSlide = first ? slides.get(first.source) : undefined;
      const w = params.window;
      const sl = params.slide;
      if (parentSlide !== undefined && typeof w === 'number' && w > 0 && w % parentSlide !== 0) {
        issues.push({ nodeId: node.id, param: 'window', severity: 'error', ...issueOf(errors.windowNotMultiple(w, parentSlide)) });
      }
      if (parentSlide !== undefined && typeof sl === 'number' && sl > 0 && sl % parentSlide !== 0) {
        issues.push({ nodeId: node.id, param: 'slide', severity: 'error', ...issueOf(errors.slideNotMultiple(sl, parentSlide)) });
      }
    }

    // Functions: syntax (line/column) and, for executor-side ones, free variables (Task not serializable).
    for (const [name, spec] of Object.entries(op.params)) {
      if (spec.type !== 'function') continue;
      const src = params[name];
      if (typeof src !== 'string' || src.trim() === '') continue;
      let r: ReturnType<typeof checkFunctionSourceWithCode>;
      try {
        r = checkFunctionSourceWithCode(src, { opName: op.name, freeVariables: spec.runsOn !== 'driver' });
      } catch (e) {
        r = { ok: false, message: e instanceof Error ? e.message : String(e), line: 1, column: 1, code: codeOf(e) ?? 'SHIPPED_SYNTAX_ERROR' };
      }
      if (!r.ok) {
        const serial = r.code === 'TASK_NOT_SERIALIZABLE' || r.code === 'DYNAMIC_IMPORT';
        issues.push({
          nodeId: node.id, param: name, severity: 'error', line: r.line, column: r.column, code: r.code,
          message: serial ? r.message : validationMessages.udfSyntax(op, name, r.message, r.line, r.column),
        });
      }
    }

    if (op.validate) {
      const inputSlideMs: Record<string, number | undefined> = {};
      for (const p of op.inputs) { const e = ports?.get(p.port); inputSlideMs[p.port] = e ? slides.get(e.source) : undefined; }
      for (const i of op.validate(params, { graph, node, params, inputSlideMs })) issues.push({ ...i, nodeId: i.nodeId ?? node.id });
    }
  }

  if (graph.nodes.length > 0 && outputs === 0) {
    issues.push({ severity: 'error', ...issueOf(errors.noOutputOperations()) });
  }
  if (!graph.checkpointDir) {
    for (const n of needsCheckpoint) issues.push({ nodeId: n.id, severity: 'error', ...issueOf(errors.checkpointDirNotSet()) });
  }
  const slots = receiverSlots(graph.master);
  if (receivers > 0 && slots !== undefined && receivers >= slots) {
    issues.push({
      severity: 'warning', code: 'receiversNeedMoreSlots',
      message: slots === 1 ? validationMessages.localOneReceiver() : validationMessages.receiversTakeAllSlots(receivers, slots, graph.master),
    });
  }
  return issues;
}

export const hasErrors = (issues: ValidationIssue[]) => issues.some((i) => i.severity === 'error');
