/**
 * Mechanical translation of a graph's function parameters (JS/TS arrow functions kept as source
 * text) into Scala and Python (PySpark) for the Spark exporters.
 *
 * Only what translates without guessing is translated: arithmetic, comparisons, boolean logic,
 * ternaries, tuples, tuple indexing, destructuring parameters, the common string and array
 * methods, Math.*, Option (`Some`/`None`/`getOrElse`/`isDefined`), template literals, and bodies
 * made of `const` declarations, `if` and `return`. Anything else comes back with `exact: false`
 * and a clearly marked TODO stub that still compiles, carrying the original TypeScript.
 *
 * This file is the language-neutral walker: it parses (udfAst.ts), keeps the scopes, decides what each construct is
 * and in which order its parts are translated. Each target language is one method table (udfScala.ts,
 * udfPython.ts) that writes the constructs in its words.
 */
import type {
  AnyNode, ArrayExpression, BinaryExpression, CallExpression, ConditionalExpression, Expression, Identifier, Literal,
  LogicalExpression, MemberExpression, Pattern, TemplateLiteral, UnaryExpression, VariableDeclarator,
} from 'acorn';
import { recordField } from './records';
import {
  arrayItems, collectNames, fail, isFunctionNode, nameOf, parseFunction, patternElements, Untranslatable,
  type Out, type TemplatePart, type UdfFunction, type UdfLang, type UdfTarget, type UdfWalker,
} from './udfAst';
import { scala } from './udfScala';
import { python } from './udfPython';

export type { UdfLang } from './udfAst';

export interface UdfOptions {
  /** Python: the name of the `def` to emit when a lambda is not enough (block bodies, TODO stubs). */
  name?: string;
  /** Scala: parameter types to annotate simple parameters with, e.g. ['Seq[Int]', 'Option[Int]']. */
  paramTypes?: (string | undefined)[];
  /**
   * The record type (a key of RECORD_TYPES) each simple parameter receives, e.g. ['tweet'] for a flatMap right after
   * twitterStream: field accesses on it (`t.text`) become the target's accessors (`t.getText`, `t['text']`).
   */
  recordTypes?: (string | undefined)[];
  /** Scala: the function returns a collection (flatMap's), so an array literal it returns is a Seq, never a tuple. */
  returnsCollection?: boolean;
}

export interface UdfTranslation {
  /** An expression usable where the function is passed (a lambda, or the name of `prelude`'s def). */
  code: string;
  /** true when the translation is mechanical and complete; false for a TODO stub. */
  exact: boolean;
  /** Python: a top-level `def` the exporter must emit before the pipeline (block bodies, stubs). */
  prelude?: string;
  /** Python modules the code needs (`re`, `math`, `functools`). */
  imports?: string[];
  /** Why the translation is not exact. */
  reason?: string;
}

const TARGETS: Record<UdfLang, UdfTarget> = { scala, python };

class Translator implements UdfWalker {
  readonly imports = new Set<string>();
  env = new Map<string, string>();
  bound = new Set<string>();
  records = new Map<string, string>();
  /** Record types of the top-level function's parameters, applied once when they are bound. */
  private pendingRecordTypes?: (string | undefined)[];
  private fresh: Set<string>;

  constructor(private readonly target: UdfTarget, allNames: Set<string>, recordTypes?: (string | undefined)[]) {
    this.fresh = new Set(allNames);
    this.pendingRecordTypes = recordTypes;
  }

  typeParams(params: Pattern[]): void {
    const types = this.pendingRecordTypes;
    this.pendingRecordTypes = undefined;
    if (!types) return;
    params.forEach((p, i) => { if (p.type === 'Identifier' && types[i]) this.records.set(p.name, types[i]!); });
  }

  freshName(base: string): string {
    let n = base;
    for (let i = 1; this.fresh.has(n); i++) n = `${base}${i}`;
    this.fresh.add(n);
    return n;
  }

  ident(name: string): string { return this.target.ident(name); }

  wrap(o: Out, min: number): string { return o.p >= min ? o.c : `(${o.c})`; }

  // ---------------------------------------------------------------- functions and scopes
  fn(f: UdfFunction, paramTypes?: (string | undefined)[], returnsCollection = false): Out {
    if (f.async) fail('async functions');
    if (f.generator) fail('generator functions');
    for (const p of f.params) this.checkPattern(p);
    const saved = new Map(this.env);
    const savedBound = new Set(this.bound);
    const savedRecords = new Map(this.records);
    try {
      return this.target.lambda(this, f, paramTypes, returnsCollection);
    } finally {
      this.env = saved;
      this.bound = savedBound;
      this.records = savedRecords;
    }
  }

  /**
   * Only a function literal can be translated; anything else (a name bound to a function) used to reach fn() and fail
   * there with a TypeError on its missing parameters.
   */
  fnArg(f: Expression): Out {
    return isFunctionNode(f) ? this.fn(f) : fail('a function argument that is not a function literal');
  }

  checkPattern(p: Pattern): void {
    if (p.type === 'Identifier') return;
    if (p.type === 'ArrayPattern') { for (const e of p.elements) { if (!e) return fail('holes in destructuring'); this.checkPattern(e); } return; }
    fail(p.type === 'AssignmentPattern' ? 'default parameter values' : p.type === 'RestElement' ? 'rest parameters' : 'object destructuring');
  }

  bindPattern(p: Pattern): void {
    if (p.type === 'Identifier') { this.bound.add(p.name); this.env.delete(p.name); this.records.delete(p.name); return; }
    for (const e of patternElements(p)) this.bindPattern(e);
  }

  declaredValue(d: VariableDeclarator): string {
    if (!d.init) fail('declaration without a value');
    this.checkPattern(d.id);
    const v = this.expr(d.init).c;
    this.bindPattern(d.id);
    return v;
  }

  scoped<T>(f: () => T): T {
    const saved = new Map(this.env);
    const savedBound = new Set(this.bound);
    const savedRecords = new Map(this.records);
    try { return f(); } finally { this.env = saved; this.bound = savedBound; this.records = savedRecords; }
  }

  // ---------------------------------------------------------------- expressions
  expr(n: AnyNode): Out {
    switch (n.type) {
      case 'Literal': return this.literal(n);
      case 'Identifier': return this.identifier(n);
      case 'TemplateLiteral': return this.template(n);
      case 'ArrayExpression': return this.array(n);
      case 'UnaryExpression': return this.unary(n);
      case 'BinaryExpression': return this.binary(n);
      case 'LogicalExpression': return this.logical(n);
      case 'ConditionalExpression': return this.conditional(n);
      case 'MemberExpression': return this.member(n);
      case 'CallExpression': return this.call(n);
      case 'ArrowFunctionExpression':
      case 'FunctionExpression':
        return this.target.nestedFunction(this, n);
      case 'ParenthesizedExpression': return this.expr(n.expression);
      default: return fail(`${n.type}`);
    }
  }

  private literal(n: Literal): Out {
    if (n.regex) fail('regular expressions outside split');
    return this.target.literal(n);
  }

  private identifier(n: Identifier): Out {
    const name = n.name;
    if (this.env.has(name)) return { c: this.env.get(name)!, p: 99 };
    if (this.bound.has(name)) return { c: this.ident(name), p: 99 };
    return this.target.knownName(n) ?? fail(`free variable ${name}`);
  }

  private template(n: TemplateLiteral): Out {
    const parts: TemplatePart[] = [];
    n.quasis.forEach((q, i) => {
      if (q.value.cooked) parts.push(q.value.cooked);
      if (i < n.expressions.length) parts.push(this.expr(n.expressions[i]));
    });
    return this.target.template(this, parts);
  }

  private array(n: ArrayExpression): Out {
    return this.target.array(arrayItems(n).map((e) => this.expr(e).c));
  }

  private unary(n: UnaryExpression): Out {
    return this.target.unary(this, n, this.expr(n.argument));
  }

  private binary(n: BinaryExpression): Out {
    const op: string = n.operator;
    if ((op === '===' || op === '==' || op === '!==' || op === '!=') && (isNullish(n.right) || isNullish(n.left))) {
      const other = this.expr(isNullish(n.right) ? n.left : n.right);
      return this.target.nullCompare(this, other, op.startsWith('!'));
    }
    const l = this.expr(n.left);
    const r = this.expr(n.right);
    return this.target.binary(this, n, l, r);
  }

  private logical(n: LogicalExpression): Out {
    const l = this.expr(n.left);
    const r = this.expr(n.right);
    return this.target.logical(this, n, l, r);
  }

  private conditional(n: ConditionalExpression): Out {
    const c = this.expr(n.test);
    const a = this.expr(n.consequent);
    const b = this.expr(n.alternate);
    return this.target.conditional(this, c, a, b);
  }

  private member(n: MemberExpression): Out {
    if (n.optional) fail('optional chaining');
    if (n.computed) {
      const obj = this.expr(n.object);
      const idx = n.property;
      const arrayish = n.object.type === 'CallExpression' && n.object.callee.type === 'MemberExpression' &&
        ['split', 'slice', 'map', 'filter', 'sort', 'concat'].includes(nameOf(n.object.callee) ?? '');
      if (idx.type === 'Literal' && typeof idx.value === 'number' && Number.isInteger(idx.value) && idx.value >= 0 && !arrayish) {
        return this.target.tupleIndex(this, obj, idx.value);
      }
      return this.target.index(this, obj, this.expr(idx));
    }
    const prop = nameOf(n) ?? fail('a computed property');   // not computed: always a name
    if (n.object.type === 'Identifier' && n.object.name === 'Math' && !this.bound.has('Math')) {
      return this.target.mathConstant(this, prop) ?? fail(`Math.${prop}`);
    }
    const obj = this.expr(n.object);
    const recordType = n.object.type === 'Identifier' ? this.records.get(n.object.name) : undefined;
    if (recordType) {
      const c = recordField(recordType, prop, this.target.lang, this.wrap(obj, this.target.atom));
      if (c === undefined) fail(`property .${prop} of a ${recordType}`);
      return { c: c!, p: this.target.atom };
    }
    return this.target.property(this, obj, prop) ?? fail(`property .${prop}`);
  }

  args(n: CallExpression, min: number, max: number): Expression[] {
    const a = n.arguments.map((x) => (x.type === 'SpreadElement' ? fail('spread arguments') : x));
    if (a.length < min || a.length > max) fail(`call with ${a.length} arguments`);
    return a;
  }

  private call(n: CallExpression): Out {
    if (n.optional) fail('optional call');
    const callee = n.callee;
    if (callee.type === 'Identifier') return this.globalCall(callee.name, n);
    if (callee.type !== 'MemberExpression' || callee.computed) return fail('computed call');
    if (callee.object.type === 'Identifier' && callee.object.name === 'Math' && !this.bound.has('Math')) {
      const m = nameOf(callee) ?? fail('a computed call');
      const rule = this.target.mathCalls.get(m);
      return rule ? rule(this, n, m) : fail(`Math.${m}`);
    }
    const m = nameOf(callee) ?? fail('a computed call');   // not computed: always a name
    const rule = this.target.methods.get(m);
    return rule ? rule(this, n, callee.object, m) : fail(`method .${m}()`);
  }

  private globalCall(name: string, n: CallExpression): Out {
    if (this.bound.has(name)) {
      const a = this.args(n, 0, 16).map((x) => this.expr(x).c);
      return { c: `${this.env.get(name) ?? this.ident(name)}(${a.join(', ')})`, p: 99 };
    }
    const rule = this.target.globalCalls.get(name);
    return rule ? rule(this, n, name) : fail(`call to ${name}`);
  }
}

function isNullish(n: AnyNode): boolean {
  return (n.type === 'Literal' && n.value === null && !n.regex) || (n.type === 'Identifier' && n.name === 'undefined');
}

/**
 * Translates one function parameter's source to Scala or Python.
 * Scala: `code` is a lambda (`(a, b) => a + b`, `{ case (k, v) => ... }`).
 * Python: `code` is a lambda, or the name of the `def` in `prelude` (block bodies, TODO stubs).
 */
export function translateUdf(source: string, lang: UdfLang, opts: UdfOptions = {}): UdfTranslation {
  const name = opts.name ?? 'udf';
  const target = TARGETS[lang];
  let f: UdfFunction;
  try {
    f = parseFunction(source);
  } catch (e) {
    const reason = e instanceof Untranslatable ? e.message : 'not a parseable function';
    return stub(target, source, name, reason);
  }
  const t = new Translator(target, collectNames(f, new Set([name])), opts.recordTypes);
  try {
    const r = target.topLevel(t, f, name, opts.paramTypes, opts.returnsCollection === true);
    const out: UdfTranslation = { code: r.code, exact: true, ...(r.prelude !== undefined ? { prelude: r.prelude } : {}) };
    if (t.imports.size) out.imports = [...t.imports].sort();
    return out;
  } catch (e) {
    if (!(e instanceof Untranslatable)) throw e;
    return stub(target, source, name, e.message);
  }
}

function stub(target: UdfTarget, source: string, name: string, reason: string): UdfTranslation {
  const s = target.stub(source, name, reason);
  return { code: s.code, exact: false, ...(s.prelude !== undefined ? { prelude: s.prelude } : {}), reason };
}
