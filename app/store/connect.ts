/**
 * Connection rules for the canvas (pure): which output may feed which input port.
 * A pair port accepts a pair stream, or an 'any' stream whose records are only known at run
 * time (validation then samples them); outputs of any other declared kind are refused.
 */
import type { PortKind } from '../../engine/graph/types';
import type { OpSpec } from '../../engine/graph/opSpec';

export interface ConnEdge { source: string; target: string; targetHandle?: string | null }
export interface ConnNode { id: string; op: string }
export type ConnResult = { ok: true } | { ok: false; reason: string };

/** 'pair' | 'nonPair' | 'unknown' after resolving 'sameAsInput' up the graph. */
export type ResolvedKind = 'pair' | 'nonPair' | 'unknown';

export function portAccepts(port: PortKind | string, out: ResolvedKind): boolean {
  if (port === 'pair') return out !== 'nonPair';
  return true;
}

/** The declared kind of a node's output, following 'sameAsInput' through its first input. */
export function resolveKind(nodeId: string, nodes: ConnNode[], edges: ConnEdge[], spec: (op: string) => OpSpec | undefined, seen = new Set<string>()): ResolvedKind {
  if (seen.has(nodeId)) return 'unknown';
  seen.add(nodeId);
  const n = nodes.find((x) => x.id === nodeId);
  const s = n && spec(n.op);
  if (!s) return 'unknown';
  const k = s.declaredKind ?? (s.output === 'pair' ? 'pair' : 'unknown');
  if (k !== 'sameAsInput') return k;
  const first = s.inputs[0]?.port;
  const e = edges.find((x) => x.target === nodeId && (x.targetHandle ?? first) === first);
  return e ? resolveKind(e.source, nodes, edges, spec, seen) : 'unknown';
}

function reaches(from: string, to: string, edges: ConnEdge[]): boolean {
  const out = new Map<string, string[]>();
  for (const e of edges) { const l = out.get(e.source) ?? []; l.push(e.target); out.set(e.source, l); }
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length) {
    const n = stack.pop()!;
    if (n === to) return true;
    if (seen.has(n)) continue;
    seen.add(n);
    stack.push(...(out.get(n) ?? []));
  }
  return false;
}

export function checkConnection(
  conn: { source: string | null; target: string | null; targetHandle?: string | null },
  nodes: ConnNode[], edges: ConnEdge[], spec: (op: string) => OpSpec | undefined,
): ConnResult {
  const { source, target } = conn;
  if (!source || !target) return { ok: false, reason: 'conn.incomplete' };
  if (source === target) return { ok: false, reason: 'conn.self' };
  const s = nodes.find((n) => n.id === source), t = nodes.find((n) => n.id === target);
  if (!s || !t) return { ok: false, reason: 'conn.incomplete' };
  const sSpec = spec(s.op), tSpec = spec(t.op);
  if (!sSpec || !tSpec) return { ok: false, reason: 'conn.unknownOp' };
  if (sSpec.output === null || sSpec.output === undefined) return { ok: false, reason: 'conn.noOutput' };
  const port = conn.targetHandle ?? tSpec.inputs[0]?.port;
  const input = tSpec.inputs.find((p) => p.port === port);
  if (!input) return { ok: false, reason: 'conn.noInput' };
  if (!portAccepts(input.kind, resolveKind(source, nodes, edges, spec))) return { ok: false, reason: 'conn.kind' };
  if (edges.some((e) => e.target === target && (e.targetHandle ?? tSpec.inputs[0]?.port) === port)) return { ok: false, reason: 'conn.portTaken' };
  if (reaches(target, source, edges)) return { ok: false, reason: 'conn.cycle' };
  return { ok: true };
}
