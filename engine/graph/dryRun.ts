/**
 * The dry-run kind check: runs ONE batch of the graph's upstream part on the manual clock (its own context; no
 * outputs of the graph run) and samples the records feeding every pair port. "reduceByKey needs (key, value)
 * pairs, but words produces strings like "hello world". Add a map like w => [w, 1] before it."
 */
import type { GraphNode, PipelineGraph, ValidationIssue } from './types';
import type { DStream } from './opSpec';
import { getOp } from './registry';
import { buildPipeline } from './buildPipeline';
import { incomingByPort, nodeName } from './validate';
import { confEntries } from './session';
import * as engine from '../index';

export interface DryRunResult {
  /** Sampled records of the streams feeding pair ports, by source node id. */
  samples: Map<string, unknown[]>;
  issues: ValidationIssue[];
}

const isPair = (r: unknown) => Array.isArray(r) && r.length === 2;

/** "strings like "hello world"", "numbers like 3", "arrays of 3 like [a,b,c]" */
export function describeRecords(records: unknown[]): string {
  const r = records.find((x) => !isPair(x)) ?? records[0];
  const show = (v: unknown) => {
    const s = engine.formatRecord ? String(engine.formatRecord(v)) : JSON.stringify(v);
    return s.length > 40 ? `${s.slice(0, 40)}…` : s;
  };
  if (typeof r === 'string') return `strings like ${JSON.stringify(r.length > 40 ? `${r.slice(0, 40)}…` : r)}`;
  if (typeof r === 'number') return `numbers like ${r}`;
  if (typeof r === 'boolean') return `booleans like ${r}`;
  if (Array.isArray(r)) return `arrays of ${r.length} like ${show(r)}`;
  if (r === null || r === undefined) return `${String(r)} values`;
  return `objects like ${show(r)}`;
}

export const dryRunMessages = {
  notPairSampled: (opName: string, src: GraphNode, records: unknown[]) =>
    `${opName} needs (key, value) pairs, but ${nodeName(src)} produces ${describeRecords(records)}. Add a map like w => [w, 1] before it.`,
};

/** Samples one batch and reports pair ports fed by records that are not [key, value] pairs. Never throws. */
export async function dryRunKinds(graph: PipelineGraph, opts: { sampleSize?: number } = {}): Promise<DryRunResult> {
  const samples = new Map<string, unknown[]>();
  const issues: ValidationIssue[] = [];
  const incoming = incomingByPort(graph);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));

  // The pair ports, and the streams feeding them.
  const checks: { node: GraphNode; opName: string; edgeId: string; source: string }[] = [];
  for (const node of graph.nodes) {
    const op = getOp(node.op);
    for (const port of op?.inputs ?? []) {
      const e = incoming.get(node.id)?.get(port.port);
      if (port.kind === 'pair' && e) checks.push({ node, opName: op!.name, edgeId: e.id, source: e.source });
    }
  }
  if (!checks.length) return { samples, issues };

  // The part of the graph the sampled streams depend on (no outputs, no stateful checkpoint needed beyond it).
  const keep = new Set<string>();
  const stack = checks.map((c) => c.source);
  while (stack.length) {
    const id = stack.pop()!;
    if (keep.has(id)) continue;
    keep.add(id);
    for (const e of incoming.get(id)?.values() ?? []) stack.push(e.source);
  }
  const sub: PipelineGraph = {
    ...graph,
    nodes: graph.nodes.filter((n) => keep.has(n.id)),
    edges: graph.edges.filter((e) => keep.has(e.source) && keep.has(e.target)),
  };

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let ssc: any;
  try {
    const conf = new engine.SparkConf();
    for (const [k, v] of confEntries({ ...graph, master: 'local[2]' })) conf.set(k, v);
    ssc = new engine.StreamingContext(conf, engine.Milliseconds(graph.batchDuration));
    ssc.stdout = () => {};
    const built = buildPipeline(sub, ssc, { api: engine as unknown as Record<string, unknown>, skipValidation: true });
    const n = opts.sampleSize ?? 5;
    for (const id of new Set(checks.map((c) => c.source))) {
      const s: DStream | undefined = built.streams.get(id);
      s?.foreachRDD(async (rdd: { take(n: number): Promise<unknown[]> }) => {
        if (!samples.has(id)) {
          const recs = await rdd.take(n);
          if (recs.length) samples.set(id, recs);
        }
      });
    }
    await ssc.start();
    await ssc.step(1);
  } catch {
    // A graph that cannot run is reported by validateGraph and by the run itself; the dry run only samples.
  } finally {
    try { await ssc?.stop(); } catch { /* already stopped */ }
  }

  for (const c of checks) {
    const recs = samples.get(c.source);
    if (recs && recs.some((r) => !isPair(r))) {
      issues.push({ nodeId: c.node.id, edgeId: c.edgeId, severity: 'error', message: dryRunMessages.notPairSampled(c.opName, byId.get(c.source)!, recs) });
    }
  }
  return { samples, issues };
}
