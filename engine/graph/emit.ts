/**
 * Small helpers the registry's emitters use to print one node as a TypeScript / Scala / Python statement.
 * The exporter (engine/graph/codegen) assembles the program (imports, conf, context, start) and supplies `udf`,
 * the TS → Scala/Python function translator; emitters call `e.fn(name)` for every function param.
 */
import type { GraphNode, PipelineGraph } from './types';
import { tsLineComment, tsPropertyKey, tsString } from './codegen/quote/ts';
import { scalaLineComment, scalaString } from './codegen/quote/scala';
import { pyLineComment, pyString } from './codegen/quote/python';

export type Lang = 'ts' | 'scala' | 'python';

export interface EmitContext {
  lang: Lang;
  /** Variable names of the streams feeding the node, in the op's `inputs` order ('' for an unconnected optional port). */
  in: string[];
  /** Variable name for the node's result. */
  out: string;
  /** Params with registry defaults filled in; functions are source text. */
  p: Record<string, unknown>;
  node: GraphNode;
  graph: PipelineGraph;
  /** The StreamingContext variable ('ssc'). */
  ssc: string;
  /** Translates a TS function source to the target language (supplied by the exporter). */
  udf(source: string, lang: 'scala' | 'python'): string;
  /** A function param in the target language: verbatim source for ts, `udf(source)` otherwise. */
  fn(name: string): string;
  /** Whether a param is set (not undefined/null/''). */
  has(name: string): boolean;
  /** A duration param (ms) as a literal: ts `Milliseconds(3000)`, scala `Seconds(3)`, python `3` (seconds). */
  dur(nameOrMs: string | number): string;
  /** A value as a literal of the target language (strings, numbers, booleans, arrays, plain objects). */
  lit(value: unknown): string;
  /** `const out = expr;` / `val out = expr` / `out = expr`. */
  assign(expr: string): string;
  /** `expr;` / `expr`. */
  stmt(expr: string): string;
  /** `<in[0]>.method(args...)`, dropping trailing undefined args. */
  call(method: string, ...args: (string | undefined)[]): string;
}

export interface EmitContextInit {
  lang: Lang;
  in: string[];
  out: string;
  params: Record<string, unknown>;
  node: GraphNode;
  graph: PipelineGraph;
  udf: (source: string, lang: 'scala' | 'python') => string;
  ssc?: string;
}

export function makeEmitContext(init: EmitContextInit): EmitContext {
  const { lang } = init;
  const p = init.params;
  const has = (name: string) => p[name] !== undefined && p[name] !== null && p[name] !== '';
  const e: EmitContext = {
    lang, in: init.in, out: init.out, p, node: init.node, graph: init.graph, ssc: init.ssc ?? 'ssc', udf: init.udf,
    has,
    fn(name) {
      const src = String(p[name] ?? '');
      return lang === 'ts' ? src : init.udf(src, lang);
    },
    dur(nameOrMs) {
      const ms = typeof nameOrMs === 'number' ? nameOrMs : Number(p[nameOrMs]);
      return durationLiteral(ms, lang);
    },
    lit: (v) => literal(v, lang),
    assign(expr) {
      if (lang === 'ts') return `const ${init.out} = ${expr};`;
      if (lang === 'scala') return `val ${init.out} = ${expr}`;
      return `${init.out} = ${expr}`;
    },
    stmt: (expr) => (lang === 'ts' ? `${expr};` : expr),
    call(method, ...args) {
      while (args.length && args[args.length - 1] === undefined) args.pop();
      return `${init.in[0]}.${method}(${args.map((a) => a ?? noneLiteral(lang)).join(', ')})`;
    },
  };
  return e;
}

export function noneLiteral(lang: Lang): string {
  return lang === 'ts' ? 'undefined' : lang === 'scala' ? 'null' : 'None';
}

export function durationLiteral(value: number, lang: Lang): string {
  // a non-number from a crafted document must not print as code (`NaN`, `Infinity` are names in Scala and Python)
  const ms = Number.isFinite(value) ? value : 0;
  if (lang === 'python') return String(ms / 1000);
  if (lang === 'scala') {
    if (ms !== 0 && ms % 60000 === 0) return `Minutes(${ms / 60000})`;
    if (ms !== 0 && ms % 1000 === 0) return `Seconds(${ms / 1000})`;
    return `Milliseconds(${ms})`;
  }
  return `Milliseconds(${ms})`;
}

/** A string literal of the target language (every document string is printed through here or `comment`). */
export function stringLiteral(s: string, lang: Lang): string {
  return lang === 'ts' ? tsString(s) : lang === 'scala' ? scalaString(s) : pyString(s);
}

/** A number from the document as a literal: finite numbers as they are, anything else 0. */
export function numberLiteral(v: unknown): string {
  return typeof v === 'number' && Number.isFinite(v) ? String(v) : '0';
}

export function literal(v: unknown, lang: Lang): string {
  if (v === undefined || v === null) return noneLiteral(lang);
  if (typeof v === 'string') return stringLiteral(v, lang);
  if (typeof v === 'number') return numberLiteral(v);
  if (typeof v === 'boolean') return lang === 'python' ? (v ? 'True' : 'False') : String(v);
  if (Array.isArray(v)) {
    const items = v.map((x) => literal(x, lang)).join(', ');
    return lang === 'scala' ? `Seq(${items})` : `[${items}]`;
  }
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>);
    if (lang === 'ts') return `{ ${entries.map(([k, x]) => `${tsPropertyKey(k)}: ${literal(x, lang)}`).join(', ')} }`;
    if (lang === 'scala') return `Map[String, Any](${entries.map(([k, x]) => `${scalaString(k)} -> ${literal(x, lang)}`).join(', ')})`;
    return `{${entries.map(([k, x]) => `${literal(k, lang)}: ${literal(x, lang)}`).join(', ')}}`;
  }
  return noneLiteral(lang);
}

/**
 * One record as a literal: like `literal`, except that [k, v] arrays are tuples in Scala and Python
 * (`("a", 1)`), as Spark's pair functions need.
 */
export function recordLiteral(v: unknown, lang: Lang): string {
  if (lang !== 'ts' && Array.isArray(v) && v.length === 2) return `(${recordLiteral(v[0], lang)}, ${recordLiteral(v[1], lang)})`;
  return literal(v, lang);
}

/** A list of batches of records (queueStream) as a literal. */
export function batchesLiteral(batches: unknown, lang: Lang): string {
  if (!Array.isArray(batches)) return literal(batches, lang);
  const inner = batches.map((b) => (Array.isArray(b)
    ? (lang === 'scala' ? `Seq(${b.map((r) => recordLiteral(r, lang)).join(', ')})` : `[${b.map((r) => recordLiteral(r, lang)).join(', ')}]`)
    : literal(b, lang)));
  return lang === 'scala' ? `Seq(${inner.join(', ')})` : `[${inner.join(', ')}]`;
}

/** Comment lines in the target language holding `text` (any text: no line of it can end the comment). */
export function comment(lang: Lang, text: string): string {
  return lang === 'ts' ? tsLineComment(text) : lang === 'scala' ? scalaLineComment(text) : pyLineComment(text);
}
