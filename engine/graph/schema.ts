/**
 * The pipeline document's structural check. `parsePipeline` lists every problem with a JSON path and never
 * half-loads: either a complete, normalised graph or the list of issues. It never throws, runs in time linear in
 * the input, and guards against deep nesting and huge strings (documents come from files, share links and pastes).
 */
import type { GraphEdge, GraphNode, ParamSpec, PipelineGraph } from './types';
import { PIPELINE_VERSION } from './types';
import { getOp } from './registry';

export type ParseResult =
  | { ok: true; graph: PipelineGraph; warnings: string[] }
  | { ok: false; issues: string[] };

export const LIMITS = {
  maxTextLength: 5_000_000,
  maxNodes: 2_000,
  maxEdges: 5_000,
  maxStringLength: 100_000,
  maxDepth: 64,
  maxIssues: 200,
};

const MASTER_RE = /^(?:local(?:\[(?:[1-9]\d{0,4}|\*)(?:,[1-9]\d{0,4})?\])?|local-cluster\[[1-9]\d{0,3},\s*[1-9]\d{0,4},\s*[1-9]\d{0,7}\])$/;

/** Whether `master` is a master URL this engine runs: local, local[N], local[*], local[N,F], local-cluster[W,C,M]. */
export function isValidMaster(master: string): boolean { return MASTER_RE.test(master); }

const TOP_KEYS = new Set(['version', 'name', 'master', 'batchDuration', 'seed', 'checkpointDir', 'conf', 'nodes', 'edges']);
const NODE_KEYS = new Set(['id', 'op', 'params', 'position', 'label']);
const EDGE_KEYS = new Set(['id', 'source', 'target', 'targetPort']);

// ---------- migrations ----------

/** Upgrades documents of older versions, one step at a time: migrations[n] turns version n into n + 1. */
export const migrations: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {};

export type MigrateResult = { ok: true; doc: Record<string, unknown>; warnings: string[] } | { ok: false; issues: string[] };

export function newerVersionMessage(version: number): string {
  return `version: this file was made by a newer DStream Studio (pipeline version ${version}); this version reads pipeline version ${PIPELINE_VERSION}. Update DStream Studio to open it.`;
}

/** Brings a document to PIPELINE_VERSION. A missing version is read as 1, with a warning. */
export function migrate(doc: Record<string, unknown>): MigrateResult {
  const warnings: string[] = [];
  let version = doc.version;
  if (version === undefined) {
    warnings.push(`version: missing; read as version ${PIPELINE_VERSION}`);
    version = PIPELINE_VERSION;
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, issues: [`version: expected a positive integer, got ${preview(version)}`] };
  }
  if (version > PIPELINE_VERSION) return { ok: false, issues: [newerVersionMessage(version)] };
  let out: Record<string, unknown> = { ...doc, version };
  for (let v = version; v < PIPELINE_VERSION; v++) {
    const step = migrations[v];
    if (!step) return { ok: false, issues: [`version: no migration from version ${v}`] };
    try { out = { ...step(out), version: v + 1 }; } catch (e) {
      return { ok: false, issues: [`version: migrating from version ${v} failed: ${e instanceof Error ? e.message : String(e)}`] };
    }
    warnings.push(`version: migrated from version ${v} to ${v + 1}`);
  }
  return { ok: true, doc: out, warnings };
}

// ---------- helpers ----------

/** A short, safe rendering of any value for messages (huge strings are cut before stringifying). */
export function preview(v: unknown): string {
  try {
    if (v === undefined) return 'nothing';
    if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
    if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
    if (Array.isArray(v)) return `an array of ${v.length}`;
    if (typeof v === 'object') return 'an object';
    return `a ${typeof v}`;
  } catch {
    return 'an unreadable value';
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const pathKey = (k: string) => (/^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k.length > 40 ? `${k.slice(0, 40)}…` : k)}]`);

/** A JSON value (no functions, no cycles), at most maxDepth deep, strings bounded; iterative so depth cannot overflow the stack. */
function checkJsonValue(root: unknown, path: string, issues: string[]): boolean {
  const stack: { v: unknown; depth: number; path: string }[] = [{ v: root, depth: 0, path }];
  const seen = new Set<object>();
  let budget = 200_000;
  while (stack.length) {
    const { v, depth, path: p } = stack.pop()!;
    if (--budget < 0) { issues.push(`${path}: value too large`); return false; }
    if (v === null || typeof v === 'boolean') continue;
    if (typeof v === 'number') { if (!Number.isFinite(v)) { issues.push(`${p}: expected a finite number, got ${preview(v)}`); return false; } continue; }
    if (typeof v === 'string') { if (v.length > LIMITS.maxStringLength) { issues.push(`${p}: string longer than ${LIMITS.maxStringLength} characters`); return false; } continue; }
    if (typeof v !== 'object') { issues.push(`${p}: expected JSON data, got ${preview(v)}`); return false; }
    if (depth >= LIMITS.maxDepth) { issues.push(`${path}: nested deeper than ${LIMITS.maxDepth} levels`); return false; }
    if (seen.has(v)) { issues.push(`${p}: circular or shared reference`); return false; }
    seen.add(v);
    if (Array.isArray(v)) v.forEach((x, i) => stack.push({ v: x, depth: depth + 1, path: `${p}[${i}]` }));
    else for (const k of Object.keys(v)) stack.push({ v: (v as Record<string, unknown>)[k], depth: depth + 1, path: `${p}${pathKey(k)}` });
  }
  return true;
}

/** Checks one param value against its spec; pushes issues; returns whether it is acceptable. */
export function checkParamValue(spec: ParamSpec, v: unknown, path: string, issues: string[]): boolean {
  const before = issues.length;
  if (v === null || v === undefined) {
    if (spec.optional || spec.default !== undefined) return true;
    issues.push(`${path}: required`);
    return false;
  }
  const range = (n: number) => {
    if (spec.min !== undefined && n < spec.min) issues.push(`${path}: must be at least ${spec.min}, got ${n}`);
    else if (spec.max !== undefined && n > spec.max) issues.push(`${path}: must be at most ${spec.max}, got ${n}`);
  };
  switch (spec.type) {
    case 'function':
      if (typeof v !== 'string') issues.push(`${path}: expected the source text of a function, got ${preview(v)}`);
      else if (v.trim() === '' && !spec.optional) issues.push(`${path}: expected the source text of a function, got an empty string`);
      else if (v.length > LIMITS.maxStringLength) issues.push(`${path}: function source longer than ${LIMITS.maxStringLength} characters`);
      break;
    case 'duration':
      if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || !Number.isInteger(v)) issues.push(`${path}: expected a duration in milliseconds, got ${preview(v)}`);
      else range(v);
      break;
    case 'int':
      if (typeof v !== 'number' || !Number.isInteger(v)) issues.push(`${path}: expected an integer, got ${preview(v)}`);
      else range(v);
      break;
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) issues.push(`${path}: expected a number, got ${preview(v)}`);
      else range(v);
      break;
    case 'string':
      if (typeof v !== 'string') issues.push(`${path}: expected a string, got ${preview(v)}`);
      else if (v.length > LIMITS.maxStringLength) issues.push(`${path}: string longer than ${LIMITS.maxStringLength} characters`);
      break;
    case 'boolean':
      if (typeof v !== 'boolean') issues.push(`${path}: expected true or false, got ${preview(v)}`);
      break;
    case 'enum':
      if (typeof v !== 'string' || !(spec.enumValues ?? []).includes(v)) issues.push(`${path}: expected one of ${(spec.enumValues ?? []).join(', ')}, got ${preview(v)}`);
      break;
    case 'stringList':
      if (!Array.isArray(v)) issues.push(`${path}: expected a list of strings, got ${preview(v)}`);
      else {
        const bad = v.findIndex((x) => typeof x !== 'string' || x.length > LIMITS.maxStringLength);
        if (bad >= 0) issues.push(`${path}[${bad}]: expected a string, got ${preview(v[bad])}`);
      }
      break;
    case 'json':
      checkJsonValue(v, path, issues);
      break;
  }
  return issues.length === before;
}

/** A deep copy of checked JSON data. */
function copyJson<T>(v: T): T { return v === undefined ? v : JSON.parse(JSON.stringify(v)) as T; }

// ---------- the check ----------

/** Parses a pipeline document (JSON text or an already-parsed value). Never throws. */
export function parsePipeline(input: unknown): ParseResult {
  try {
    return parseUnsafe(input);
  } catch (e) {
    return { ok: false, issues: [`(document): could not be read: ${e instanceof Error ? e.message : String(e)}`] };
  }
}

function parseUnsafe(input: unknown): ParseResult {
  let doc: unknown = input;
  if (typeof input === 'string') {
    if (input.length > LIMITS.maxTextLength) return { ok: false, issues: [`(document): larger than ${LIMITS.maxTextLength} characters`] };
    if (input.trim() === '') return { ok: false, issues: ['(document): empty; expected a pipeline JSON document'] };
    try { doc = JSON.parse(input); } catch (e) {
      return { ok: false, issues: [`(document): not valid JSON: ${e instanceof Error ? e.message : String(e)}`] };
    }
  }
  if (!isObj(doc)) return { ok: false, issues: [`(document): expected a JSON object with version, name, master, batchDuration, seed, nodes and edges, got ${preview(doc)}`] };

  const mig = migrate(doc);
  if (!mig.ok) return { ok: false, issues: mig.issues };
  const d = mig.doc;
  const warnings = [...mig.warnings];
  const issues: string[] = [];

  for (const k of Object.keys(d)) if (!TOP_KEYS.has(k)) warnings.push(`${k}: unknown field, ignored`);

  if (typeof d.name !== 'string') issues.push(`name: expected a string, got ${preview(d.name)}`);
  else if (d.name.length > 1000) issues.push('name: longer than 1000 characters');

  if (typeof d.master !== 'string') issues.push(`master: expected a master URL such as "local[2]" or "local-cluster[2,2,1024]", got ${preview(d.master)}`);
  else if (!isValidMaster(d.master)) issues.push(`master: Could not parse Master URL: ${preview(d.master)}. Use local, local[N], local[*] or local-cluster[W,C,M].`);

  if (typeof d.batchDuration !== 'number' || !Number.isFinite(d.batchDuration) || !Number.isInteger(d.batchDuration) || d.batchDuration <= 0) {
    issues.push(`batchDuration: expected a positive number of milliseconds, got ${preview(d.batchDuration)}`);
  }
  if (typeof d.seed !== 'number' || !Number.isSafeInteger(d.seed)) issues.push(`seed: expected an integer, got ${preview(d.seed)}`);

  if (d.checkpointDir !== undefined && d.checkpointDir !== null) {
    if (typeof d.checkpointDir !== 'string' || d.checkpointDir.trim() === '') issues.push(`checkpointDir: expected a non-empty directory name, got ${preview(d.checkpointDir)}`);
    else if (d.checkpointDir.length > 1000) issues.push('checkpointDir: longer than 1000 characters');
  }
  if (d.conf !== undefined && d.conf !== null) {
    if (!isObj(d.conf)) issues.push(`conf: expected an object of string settings, got ${preview(d.conf)}`);
    else {
      for (const k of Object.keys(d.conf)) {
        const v = d.conf[k];
        if (typeof v !== 'string') issues.push(`conf${pathKey(k)}: expected a string value, got ${preview(v)}`);
        else if (v.length > 10_000) issues.push(`conf${pathKey(k)}: longer than 10000 characters`);
        if (issues.length > LIMITS.maxIssues) break;
      }
    }
  }

  // Nodes.
  const nodes: GraphNode[] = [];
  const nodeById = new Map<string, { node: GraphNode; index: number }>();
  if (!Array.isArray(d.nodes)) issues.push(`nodes: expected a list of nodes, got ${preview(d.nodes)}`);
  else if (d.nodes.length > LIMITS.maxNodes) issues.push(`nodes: more than ${LIMITS.maxNodes} nodes`);
  else {
    d.nodes.forEach((raw, i) => {
      if (issues.length > LIMITS.maxIssues) return;
      const at = `nodes[${i}]`;
      if (!isObj(raw)) { issues.push(`${at}: expected a node object { id, op, params, position }, got ${preview(raw)}`); return; }
      for (const k of Object.keys(raw)) if (!NODE_KEYS.has(k)) warnings.push(`${at}${pathKey(k)}: unknown field, ignored`);
      let ok = true;
      const id = raw.id;
      if (typeof id !== 'string' || id === '' || id.length > 200) { issues.push(`${at}.id: expected a non-empty string id, got ${preview(id)}`); ok = false; }
      else if (nodeById.has(id)) { issues.push(`${at}.id: duplicate node id ${preview(id)} (also nodes[${nodeById.get(id)!.index}])`); ok = false; }
      const op = typeof raw.op === 'string' ? getOp(raw.op) : undefined;
      if (typeof raw.op !== 'string') { issues.push(`${at}.op: expected an op name, got ${preview(raw.op)}`); ok = false; }
      else if (!op) { issues.push(`${at}.op: unknown op ${preview(raw.op)}`); ok = false; }
      const pos = raw.position;
      if (!isObj(pos) || typeof pos.x !== 'number' || !Number.isFinite(pos.x) || typeof pos.y !== 'number' || !Number.isFinite(pos.y)) {
        issues.push(`${at}.position: expected { "x": number, "y": number }, got ${preview(pos)}`); ok = false;
      }
      if (raw.label !== undefined && (typeof raw.label !== 'string' || raw.label.length > 200)) { issues.push(`${at}.label: expected a short string, got ${preview(raw.label)}`); ok = false; }
      const params: Record<string, unknown> = {};
      if (raw.params !== undefined && !isObj(raw.params)) { issues.push(`${at}.params: expected an object, got ${preview(raw.params)}`); ok = false; }
      else if (op) {
        const given = (raw.params ?? {}) as Record<string, unknown>;
        for (const k of Object.keys(given)) {
          if (!has(op.params, k)) { issues.push(`${at}.params${pathKey(k)}: unknown parameter of ${op.name} (known: ${Object.keys(op.params).join(', ') || 'none'})`); ok = false; continue; }
          if (!checkParamValue(op.params[k], given[k], `${at}.params${pathKey(k)}`, issues)) { ok = false; continue; }
          if (given[k] !== null && given[k] !== undefined) params[k] = copyJson(given[k]);
        }
        for (const [k, spec] of Object.entries(op.params)) {
          if (!has(given, k) && spec.default === undefined && !spec.optional) { issues.push(`${at}.params.${k}: required by ${op.name}`); ok = false; }
        }
      }
      if (!ok) { if (typeof id === 'string' && id !== '' && !nodeById.has(id)) nodeById.set(id, { node: undefined as never, index: i }); return; }
      const node: GraphNode = { id: id as string, op: raw.op as string, params, position: { x: (pos as { x: number }).x, y: (pos as { y: number }).y } };
      if (typeof raw.label === 'string') node.label = raw.label;
      nodes.push(node);
      nodeById.set(node.id, { node, index: i });
    });
  }

  // Edges.
  const edges: GraphEdge[] = [];
  const edgeIds = new Map<string, number>();
  const portTaken = new Map<string, number>();
  if (!Array.isArray(d.edges)) issues.push(`edges: expected a list of edges, got ${preview(d.edges)}`);
  else if (d.edges.length > LIMITS.maxEdges) issues.push(`edges: more than ${LIMITS.maxEdges} edges`);
  else {
    d.edges.forEach((raw, i) => {
      if (issues.length > LIMITS.maxIssues) return;
      const at = `edges[${i}]`;
      if (!isObj(raw)) { issues.push(`${at}: expected an edge object { id, source, target, targetPort }, got ${preview(raw)}`); return; }
      for (const k of Object.keys(raw)) if (!EDGE_KEYS.has(k)) warnings.push(`${at}${pathKey(k)}: unknown field, ignored`);
      let ok = true;
      if (typeof raw.id !== 'string' || raw.id === '' || raw.id.length > 200) { issues.push(`${at}.id: expected a non-empty string id, got ${preview(raw.id)}`); ok = false; }
      else if (edgeIds.has(raw.id)) { issues.push(`${at}.id: duplicate edge id ${preview(raw.id)} (also edges[${edgeIds.get(raw.id)}])`); ok = false; }
      else edgeIds.set(raw.id, i);
      const src = typeof raw.source === 'string' ? nodeById.get(raw.source) : undefined;
      const tgt = typeof raw.target === 'string' ? nodeById.get(raw.target) : undefined;
      if (typeof raw.source !== 'string') { issues.push(`${at}.source: expected a node id, got ${preview(raw.source)}`); ok = false; }
      else if (!src) { issues.push(`${at}.source: no node with id ${preview(raw.source)}`); ok = false; }
      if (typeof raw.target !== 'string') { issues.push(`${at}.target: expected a node id, got ${preview(raw.target)}`); ok = false; }
      else if (!tgt) { issues.push(`${at}.target: no node with id ${preview(raw.target)}`); ok = false; }
      if (raw.targetPort !== undefined && typeof raw.targetPort !== 'string') { issues.push(`${at}.targetPort: expected a port name, got ${preview(raw.targetPort)}`); ok = false; }
      if (!ok || !src?.node || !tgt?.node) return;
      const srcOp = getOp(src.node.op)!;
      const tgtOp = getOp(tgt.node.op)!;
      if (srcOp.output === null) { issues.push(`${at}.source: ${src.node.id} is an output (${srcOp.name}) and has no output port`); return; }
      if (tgtOp.inputs.length === 0) { issues.push(`${at}.target: ${tgt.node.id} is a source (${tgtOp.name}) and has no input port`); return; }
      const port = (raw.targetPort as string | undefined) ?? tgtOp.inputs[0].port;
      if (!tgtOp.inputs.some((p) => p.port === port)) {
        issues.push(`${at}.targetPort: ${tgtOp.name} has no port ${preview(port)} (ports: ${tgtOp.inputs.map((p) => p.port).join(', ')})`); return;
      }
      const key = `${tgt.node.id}\u0000${port}`;
      if (portTaken.has(key)) { issues.push(`${at}: port ${preview(port)} of ${tgt.node.id} is already connected by edges[${portTaken.get(key)}]`); return; }
      portTaken.set(key, i);
      const edge: GraphEdge = { id: raw.id as string, source: src.node.id, target: tgt.node.id };
      if (raw.targetPort !== undefined) edge.targetPort = raw.targetPort as string;
      edges.push(edge);
    });
  }

  if (issues.length) {
    const shown = issues.slice(0, LIMITS.maxIssues);
    if (issues.length > LIMITS.maxIssues) shown.push(`… and more problems (only the first ${LIMITS.maxIssues} are listed)`);
    return { ok: false, issues: shown };
  }
  const graph: PipelineGraph = {
    version: PIPELINE_VERSION, name: d.name as string, master: d.master as string,
    batchDuration: d.batchDuration as number, seed: d.seed as number, nodes, edges,
  };
  if (typeof d.checkpointDir === 'string') graph.checkpointDir = d.checkpointDir;
  if (isObj(d.conf)) graph.conf = { ...(d.conf as Record<string, string>) };
  return { ok: true, graph, warnings };
}

/** The document as saved to a file (stable key order, two-space indent). */
export function serializePipeline(graph: PipelineGraph): string {
  return `${JSON.stringify(graph, null, 2)}\n`;
}
