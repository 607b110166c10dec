/**
 * What every exporter needs before printing: the nodes in topological order, the variable feeding each input
 * port, and one readable, unique variable name per node (from its label, else its op).
 */
import type { GraphNode, PipelineGraph } from '../types';
import { edgePort, getOp } from '../registry';
import type { Lang } from '../emit';

const JS_RESERVED = ('break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
  'import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface ' +
  'package private protected public await async of undefined NaN Infinity arguments eval').split(' ');
const SCALA_RESERVED = ('abstract case catch class def do else extends false final finally for forSome if implicit import lazy macro match new null ' +
  'object override package private protected return sealed super this throw trait try true type val var while with yield').split(' ');
const PY_RESERVED = ('False None True and as assert async await break class continue def del elif else except finally for from global if import in is ' +
  'lambda nonlocal not or pass raise return try while with yield print len str int float list dict set map filter sum min max abs any all ' +
  'range type object id input iter next open re math functools time json getattr').split(' ');
/** Names the programs themselves use. */
const PROGRAM_NAMES = ('conf ssc sc args main process console Math String Number Array Object JSON Promise SparkConf SparkContext StreamingContext ' +
  'Milliseconds Seconds Minutes Duration Time Some None Option StateSpec State HashPartitioner StorageLevel KafkaUtils TwitterUtils ' +
  'LocationStrategies ConsumerStrategies RDD mutable Receiver pyspark java scala org classOf println').split(' ');

const RESERVED = new Set([...JS_RESERVED, ...SCALA_RESERVED, ...PY_RESERVED, ...PROGRAM_NAMES]);

/** Words of a label: "Word counts (5 s)" → ['word', 'counts', '5', 's']. */
function words(label: string): string[] {
  return label
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

export function camelCase(label: string): string {
  const w = words(label);
  if (w.length === 0) return '';
  return w[0] + w.slice(1).map((x) => x[0].toUpperCase() + x.slice(1)).join('');
}

export function snakeCase(label: string): string {
  return words(label).join('_');
}

export function pascalCase(label: string): string {
  const c = camelCase(label);
  return c ? c[0].toUpperCase() + c.slice(1) : '';
}

/** The base name for a node without a label. */
export function defaultBaseName(node: GraphNode): string {
  return node.op;
}

/** A legal, non-reserved identifier for `lang` from a label. */
export function identifierFor(label: string, lang: Lang): string {
  let base = lang === 'python' ? snakeCase(label) : camelCase(label);
  if (!base) base = lang === 'python' ? 'stream' : 'stream';
  if (/^[0-9]/.test(base)) base = lang === 'python' ? `s_${base}` : `s${base}`;
  if (RESERVED.has(base)) base = lang === 'python' ? `${base}_stream` : `${base}Stream`;
  return base;
}

/** Names the emitters derive from a node's variable (Scala's `<name>KafkaParams`): kept free as well. */
const DERIVED_SUFFIXES: Record<Lang, string[]> = { ts: [], scala: ['KafkaParams'], python: [] };

export interface PlannedNode {
  node: GraphNode;
  /** Variable name of the node's output. */
  name: string;
  /** Variable feeding each input port, by port name. */
  inputs: Record<string, string>;
}

export interface Plan {
  nodes: PlannedNode[];
  /** Nodes left out of the order because they sit on a cycle (printed last, in document order). */
  cyclic: string[];
}

/** Kahn's algorithm; ties broken by document order so the output is stable. */
export function topologicalOrder(graph: PipelineGraph): { order: GraphNode[]; cyclic: GraphNode[] } {
  const index = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const indeg = new Map(graph.nodes.map((n) => [n.id, 0]));
  const out = new Map<string, string[]>(graph.nodes.map((n) => [n.id, []]));
  for (const e of graph.edges) {
    if (!index.has(e.source) || !index.has(e.target)) continue;
    indeg.set(e.target, (indeg.get(e.target) ?? 0) + 1);
    out.get(e.source)!.push(e.target);
  }
  const ready = graph.nodes.filter((n) => indeg.get(n.id) === 0).map((n) => n.id);
  const order: GraphNode[] = [];
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  while (ready.length) {
    ready.sort((a, b) => index.get(a)! - index.get(b)!);
    const id = ready.shift()!;
    order.push(byId.get(id)!);
    for (const t of out.get(id)!) {
      indeg.set(t, indeg.get(t)! - 1);
      if (indeg.get(t) === 0) ready.push(t);
    }
  }
  const placed = new Set(order.map((n) => n.id));
  return { order, cyclic: graph.nodes.filter((n) => !placed.has(n.id)) };
}

export function planGraph(graph: PipelineGraph, lang: Lang): Plan {
  const { order, cyclic } = topologicalOrder(graph);
  const all = [...order, ...cyclic];
  const taken = new Set<string>();
  /** A name is free when neither it nor a name derived from it is taken. */
  const isTaken = (name: string) => taken.has(name) || DERIVED_SUFFIXES[lang].some((s) => taken.has(name + s));
  const names = new Map<string, string>();
  for (const n of all) {
    const base = identifierFor(n.label ?? defaultBaseName(n), lang);
    let name = base;
    for (let i = 2; isTaken(name); i++) name = lang === 'python' ? `${base}_${i}` : `${base}${i}`;
    taken.add(name);
    for (const s of DERIVED_SUFFIXES[lang]) taken.add(name + s);
    names.set(n.id, name);
  }
  const nodes = all.map((node) => {
    const op = getOp(node.op);
    const inputs: Record<string, string> = {};
    for (const e of graph.edges) {
      if (e.target !== node.id || !names.has(e.source)) continue;
      inputs[edgePort(op, e.targetPort)] = names.get(e.source)!;
    }
    return { node, name: names.get(node.id)!, inputs };
  });
  return { nodes, cyclic: cyclic.map((n) => n.id) };
}
