/**
 * A recording → a pipeline graph, through the operator registry: each recorded call whose method is a registry op
 * and whose arguments fit the op's params becomes that op's node; anything else becomes an opaque `code` node
 * holding the call as source (never an error). Ids and positions come from the program's tags and metadata
 * comments, else auto ids and a left-to-right layered layout.
 */
import type { GraphEdge, GraphNode, ParamSpec, PipelineGraph } from '../types';
import { PIPELINE_VERSION } from '../types';
import { getOp } from '../registry';
import type { OpSpec } from '../opSpec';
import { CLOCK_CONF_KEY, SEED_CONF_KEY } from '../codegen/meta';
import type { RecCall, RecValue, Recording } from './recorder';
import { layeredLayout } from './layout';

export interface ImportResult { graph: PipelineGraph; warnings: string[] }

const DEFAULT_NAME = 'Imported pipeline';
const DEFAULT_MASTER = 'local[2]';
const DEFAULT_SEED = 42;

/** A recorded value as plain data (json params), or undefined when it is not data. */
function toData(v: RecValue): { ok: true; v: unknown } | { ok: false } {
  switch (v.kind) {
    case 'json': return { ok: true, v: v.v };
    case 'rdd': return toData(v.data);
    case 'array': {
      const items = v.items.map(toData);
      return items.every((x) => x.ok) ? { ok: true, v: items.map((x) => (x as { v: unknown }).v) } : { ok: false };
    }
    case 'object': {
      const e = Object.entries(v.entries).map(([k, x]) => [k, toData(x)] as const);
      return e.every(([, x]) => x.ok) ? { ok: true, v: Object.fromEntries(e.map(([k, x]) => [k, (x as { v: unknown }).v])) } : { ok: false };
    }
    default: return { ok: false };
  }
}

/** Whether a recorded value fits a param; returns the param value. */
function fit(spec: ParamSpec, v: RecValue): { ok: true; v: unknown } | { ok: false } {
  switch (spec.type) {
    case 'function': return v.kind === 'fn' ? { ok: true, v: v.src } : { ok: false };
    case 'duration': return v.kind === 'dur' ? { ok: true, v: v.ms } : { ok: false };
    case 'int':
    case 'number':
      if (v.kind === 'json' && typeof v.v === 'number') return { ok: true, v: v.v };
      if (v.kind === 'partitioner' && v.n.kind === 'json' && typeof v.n.v === 'number') return { ok: true, v: v.n.v };
      return { ok: false };
    case 'string':
    case 'enum':
      return v.kind === 'json' && typeof v.v === 'string' && (!spec.enumValues || spec.enumValues.includes(v.v)) ? { ok: true, v: v.v } : { ok: false };
    case 'boolean': return v.kind === 'json' && typeof v.v === 'boolean' ? { ok: true, v: v.v } : { ok: false };
    case 'stringList': return v.kind === 'json' && Array.isArray(v.v) && v.v.every((x) => typeof x === 'string') ? { ok: true, v: v.v } : { ok: false };
    case 'json': return v.kind === 'fn' || v.kind === 'stream' || v.kind === 'dur' || v.kind === 'undef' ? { ok: false } : toData(v);
    default: return { ok: false };
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

interface Mapped { params: Record<string, unknown>; streams: number[] }

/** Places positional args into the op's params (in declaration order, by type); undefined if something does not fit. */
export function mapArgs(op: OpSpec, args: RecValue[]): Mapped | undefined {
  const names = Object.keys(op.params);
  const params: Record<string, unknown> = {};
  const streams: number[] = [];
  let i = 0; // next param position
  const place = (v: RecValue): boolean => {
    for (let j = i; j < names.length; j++) {
      const r = fit(op.params[names[j]], v);
      if (r.ok) { params[names[j]] = r.v; i = j + 1; return true; }
    }
    return false;
  };
  for (const a of args) {
    if (a.kind === 'stream') { streams.push(a.id); continue; }
    if (a.kind === 'undef') { i++; continue; }
    if (a.kind === 'spec') {
      for (const [field, v] of Object.entries(a.fields)) {
        if (v.kind === 'undef') continue;
        const target = field === 'function' ? names.find((n) => op.params[n].type === 'function') : names.find((n) => n === field);
        if (!target) return undefined;
        const r = fit(op.params[target], v);
        if (!r.ok) return undefined;
        params[target] = r.v;
      }
      i = names.length;
      continue;
    }
    if (a.kind === 'array' && a.items.every((x) => x.kind === 'stream')) { streams.push(...a.items.map((x) => (x as { id: number }).id)); continue; }
    if (!place(a)) return undefined;
  }
  // drop values equal to the registry default (the graph keeps only what differs)
  for (const [k, v] of Object.entries(params)) {
    const d = op.params[k]?.default;
    if (d !== undefined && deepEqual(d, v)) delete params[k];
  }
  return { params, streams };
}

/** TypeScript source of a recorded value (for code nodes). */
function valueSource(v: RecValue): string {
  switch (v.kind) {
    case 'fn': return v.src;
    case 'json': return JSON.stringify(v.v) ?? 'undefined';
    case 'dur': return `Milliseconds(${v.ms})`;
    case 'rdd': return `ssc.sparkContext.parallelize(${valueSource(v.data)})`;
    case 'partitioner': return `new HashPartitioner(${valueSource(v.n)})`;
    case 'spec': {
      const f = v.fields;
      let s = `StateSpec.function(${f.function ? valueSource(f.function) : 'undefined'})`;
      for (const [k, x] of Object.entries(f)) if (k !== 'function') s += `.${k}(${valueSource(x)})`;
      return s;
    }
    case 'array': return `[${v.items.map(valueSource).join(', ')}]`;
    case 'object': return `{ ${Object.entries(v.entries).map(([k, x]) => `${JSON.stringify(k)}: ${valueSource(x)}`).join(', ')} }`;
    case 'stream': return `undefined /* another stream (#${v.id}): a code node has one input */`;
    case 'opaque': return `undefined /* ${v.text.replace(/\*\//g, '* /')} */`;
    case 'undef': return 'undefined';
  }
}

export function recordingToGraph(rec: Recording): ImportResult {
  const warnings = [...rec.warnings];
  const meta = rec.meta;
  const streamNode = new Map<number, string>();
  const nodes: GraphNode[] = [];
  const edges: { source: string; target: string; port?: string }[] = [];

  const tagged = new Set(rec.calls.map((c) => c.tag).filter((t): t is string => !!t));
  const used = new Set<string>();
  let auto = 1;
  const newId = (tag?: string): string => {
    if (tag && !used.has(tag)) { used.add(tag); return tag; }
    if (tag) warnings.push(`node id "${tag}" is used twice; the second node gets a new id`);
    let id = `n${auto++}`;
    while (used.has(id) || tagged.has(id)) id = `n${auto++}`;
    used.add(id);
    return id;
  };

  const codeNode = (c: RecCall, why: string) => {
    const recv = c.receiver === 'ssc' ? 'ssc' : 'stream';
    const extraStreams = c.args.filter((a) => a.kind === 'stream').length;
    if (extraStreams) warnings.push(`${c.method}(): a code node has one input; the other stream${extraStreams > 1 ? 's are' : ' is'} not connected`);
    const code = `(stream, ssc) => ${recv}.${c.method}(${c.args.map(valueSource).join(', ')})`;
    warnings.push(`${c.method}() ${why}; kept as a code node`);
    return { op: 'code', params: { code } as Record<string, unknown> };
  };

  for (const c of rec.calls) {
    const op = getOp(c.method);
    let opName: string;
    let params: Record<string, unknown>;
    let inputs: number[] = [];
    const isSource = c.receiver === 'ssc';
    if (op && op.name !== 'code' && (isSource ? op.inputs.length === 0 : op.inputs.length > 0)) {
      const m = mapArgs(op, c.args);
      const needed = op.inputs.length - (isSource ? 0 : 1);
      if (m && m.streams.length <= needed) {
        opName = op.name;
        params = m.params;
        inputs = isSource ? m.streams : [c.receiver as number, ...m.streams];
      } else {
        ({ op: opName, params } = codeNode(c, m ? 'has more stream inputs than the op' : 'has arguments the op does not take'));
        inputs = isSource ? [] : [c.receiver as number];
      }
    } else {
      ({ op: opName, params } = codeNode(c, op ? 'is called on the wrong kind of receiver' : 'is not an operator of the graph'));
      inputs = isSource ? [] : [c.receiver as number];
    }
    const id = newId(c.tag);
    streamNode.set(c.result, id);
    const node: GraphNode = { id, op: opName, params, position: { x: 0, y: 0 } };
    const posEntry = meta.positions?.[id];
    if (meta.positions) { if (posEntry?.label !== undefined) node.label = posEntry.label; }
    else if (rec.names[c.result] !== undefined) node.label = rec.names[c.result];
    nodes.push(node);
    const spec = getOp(opName);
    inputs.forEach((s, k) => {
      const source = streamNode.get(s);
      const port = spec?.inputs[k]?.port;
      if (source === undefined || port === undefined) return;
      edges.push({ source, target: id, port });
    });
  }

  // an output op's result stream is not a node anyone uses; nothing to do. Edge ids from the metadata, else e1, e2 ...
  const edgeIds = new Map<string, string>();
  for (const [eid, entry] of Object.entries(meta.edges ?? {})) {
    if (Array.isArray(entry) && entry.length >= 2) edgeIds.set(`${entry[0]}>${entry[1]}>${entry[2] ?? ''}`, eid);
  }
  const usedEdgeIds = new Set<string>();
  const taken = new Set(edgeIds.values());
  let autoEdge = 1;
  const graphEdges: GraphEdge[] = edges.map((e) => {
    const spec = getOp(nodes.find((n) => n.id === e.target)!.op);
    const firstPort = spec?.inputs[0]?.port ?? 'in';
    const explicit = edgeIds.get(`${e.source}>${e.target}>${e.port}`);
    const implicit = e.port === firstPort ? edgeIds.get(`${e.source}>${e.target}>`) : undefined;
    let id = explicit ?? implicit;
    const keepPort = explicit !== undefined || (implicit === undefined && e.port !== firstPort);
    if (!id || usedEdgeIds.has(id)) {
      do id = `e${autoEdge++}`; while (taken.has(id) || usedEdgeIds.has(id));
    }
    usedEdgeIds.add(id);
    return keepPort ? { id, source: e.source, target: e.target, targetPort: e.port } : { id, source: e.source, target: e.target };
  });

  // positions
  const missing = nodes.filter((n) => !meta.positions?.[n.id]);
  const layout = missing.length ? layeredLayout(nodes, graphEdges) : new Map<string, { x: number; y: number }>();
  for (const n of nodes) {
    const p = meta.positions?.[n.id];
    n.position = p && typeof p.x === 'number' && typeof p.y === 'number' ? { x: p.x, y: p.y } : layout.get(n.id) ?? { x: 0, y: 0 };
  }

  const conf = Object.fromEntries(rec.conf);
  const name = conf['spark.app.name'] ?? DEFAULT_NAME;
  const master = conf['spark.master'] ?? DEFAULT_MASTER;
  const seedRaw = conf[SEED_CONF_KEY];
  const seed = seedRaw !== undefined && Number.isFinite(Number(seedRaw)) ? Number(seedRaw) : DEFAULT_SEED;
  for (const k of ['spark.app.name', 'spark.master', SEED_CONF_KEY]) delete conf[k];
  if (conf[CLOCK_CONF_KEY] === 'manual') delete conf[CLOCK_CONF_KEY];
  if (rec.batchMs === undefined) warnings.push(`no batch duration found; using 1000 ms`);

  const graph: PipelineGraph = {
    version: PIPELINE_VERSION,
    name,
    master,
    batchDuration: rec.batchMs ?? 1000,
    seed,
    ...(rec.checkpointDir !== undefined ? { checkpointDir: rec.checkpointDir } : {}),
    ...(Object.keys(conf).length ? { conf } : {}),
    nodes,
    edges: graphEdges,
  };
  return { graph, warnings };
}
