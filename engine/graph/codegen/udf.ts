/**
 * Mechanical translation of a graph's function parameters (JS/TS arrow functions kept as source
 * text) into Scala and Python (PySpark) for the Spark exporters.
 *
 * Only what translates without guessing is translated: arithmetic, comparisons, boolean logic,
 * ternaries, tuples, tuple indexing, destructuring parameters, the common string and array
 * methods, Math.*, Option (`Some`/`None`/`getOrElse`/`isDefined`), template literals, and bodies
 * made of `const` declarations, `if` and `return`. Anything else comes back with `exact: false`
 * and a clearly marked TODO stub that still compiles, carrying the original TypeScript.
 */
import { parse, type Node } from 'acorn';
import type {
  AnyNode, ArrayExpression, ArrowFunctionExpression, BinaryExpression, CallExpression, ConditionalExpression, Expression,
  FunctionDeclaration, FunctionExpression, Identifier, IfStatement, Literal, LogicalExpression, MemberExpression, Pattern,
  Statement, TemplateLiteral, UnaryExpression, VariableDeclarator,
} from 'acorn';
import { isAstNode } from '../../core/astNode';
import { stripTypes } from './stripTypes';
import { recordField } from './records';
import { scalaBlockCommentLines, scalaString } from './quote/scala';
import { pyCommentLines, pyString, pyStringReadable } from './quote/python';
import { UNSAFE_CHAR } from './quote/text';

export type UdfLang = 'scala' | 'python';

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

class Untranslatable extends Error {}
function fail(why: string): never { throw new Untranslatable(why); }

/** A function this module translates: a function expression, or a declaration as the whole source. */
type UdfFunction = ArrowFunctionExpression | FunctionExpression | FunctionDeclaration;
const isFunctionNode = (n: AnyNode): n is ArrowFunctionExpression | FunctionExpression => n.type === 'ArrowFunctionExpression' || n.type === 'FunctionExpression';

/** What `m.property.name` reads: the name of a named property (computed or not), else undefined. */
const nameOf = (m: MemberExpression): string | undefined => (m.property.type === 'Identifier' || m.property.type === 'PrivateIdentifier' ? m.property.name : undefined);

/** The parts of an array destructuring pattern (checkPattern has refused holes and every other pattern). */
function patternElements(p: Pattern): Pattern[] {
  if (p.type !== 'ArrayPattern') return fail('object destructuring');
  return p.elements.map((e) => e ?? fail('holes in destructuring'));
}

/** A parameter that is a plain name (checked by the caller). */
const paramName = (p: Pattern): string => (p.type === 'Identifier' ? p.name : fail('destructuring'));

interface Out { c: string; p: number }

const PY = { lambda: 1, cond: 2, or: 3, and: 4, not: 5, cmp: 6, bor: 7, bxor: 8, band: 9, shift: 10, add: 11, mul: 12, unary: 13, pow: 14, atom: 16 };
const SC = { lambda: 0, cond: 1, or: 2, xor: 3, and: 4, eq: 5, cmp: 6, add: 8, mul: 9, unary: 10, atom: 12 };

const PY_RESERVED = new Set(('False None True and as assert async await break class continue def del elif else except finally for from global if import in is ' +
  'lambda nonlocal not or pass raise return try while with yield sum len str int float max min abs any all list map re math functools').split(' '));
const SCALA_RESERVED = new Set(('abstract case catch class def do else extends false final finally for forSome if implicit import lazy macro match new null object ' +
  'override package private protected return sealed super this throw trait try true type val var while with yield').split(' '));

/** String literals go through the exporter's quoting modules (see quote/). */
const pythonString = pyStringReadable;

const REGEX_META = /[\\.[\]{}()*+?^$|-]/g;

function parseFunction(source: string): UdfFunction {
  const stripped = stripTypes(source);
  let prog: ReturnType<typeof parse>;
  try {
    prog = parse(`(${stripped}\n)`, { ecmaVersion: 'latest', sourceType: 'module' });
  } catch {
    prog = parse(stripped, { ecmaVersion: 'latest', sourceType: 'module' });
    const d = prog.body[0];
    if (prog.body.length === 1 && d?.type === 'FunctionDeclaration') return d;
    fail('not a function expression');
  }
  const st = prog.body[0];
  if (prog.body.length !== 1 || st.type !== 'ExpressionStatement') fail('not a single function expression');
  const fn = st.expression;
  if (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression') fail('not a function');
  return fn;
}

/** Every identifier name in a subtree (for picking fresh names). */
function collectNames(node: unknown, into: Set<string>): Set<string> {
  if (!node || typeof node !== 'object') return into;
  if (Array.isArray(node)) { for (const n of node) collectNames(n, into); return into; }
  if (isAstNode(node) && node.type === 'Identifier') into.add(node.name);
  for (const [k, v] of Object.entries(node)) if (k !== 'type' && k !== 'start' && k !== 'end') collectNames(v, into);
  return into;
}

function isStringy(n: AnyNode | null | undefined): boolean {
  if (!n) return false;
  if (n.type === 'Literal' && typeof n.value === 'string') return true;
  if (n.type === 'TemplateLiteral') return true;
  if (n.type === 'BinaryExpression' && n.operator === '+') return isStringy(n.left) || isStringy(n.right);
  if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && !n.callee.computed &&
    ['toLowerCase', 'toUpperCase', 'trim', 'toString', 'join', 'substring', 'charAt', 'replaceAll'].includes(nameOf(n.callee) ?? '')) return true;
  if (n.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name === 'String') return true;
  return false;
}

function isFalsyLiteral(n: AnyNode): boolean {
  return n.type === 'Literal' && (n.value === 0 || n.value === '' || n.value === false) || (n.type === 'ArrayExpression' && n.elements.length === 0);
}

/** `(a, b) => a + b` */
function isSumReducer(f: AnyNode | undefined): boolean {
  if (!f || (f.type !== 'ArrowFunctionExpression') || f.params.length !== 2) return false;
  const [a, b] = f.params;
  if (a.type !== 'Identifier' || b.type !== 'Identifier') return false;
  let body: AnyNode | null | undefined = f.body;
  if (body.type === 'BlockStatement') { const only = body.body[0]; if (body.body.length !== 1 || only.type !== 'ReturnStatement') return false; body = only.argument; }
  return !!body && body.type === 'BinaryExpression' && body.operator === '+' &&
    ((body.left.type === 'Identifier' && body.right.type === 'Identifier' &&
      ((body.left.name === a.name && body.right.name === b.name) || (body.left.name === b.name && body.right.name === a.name))));
}

class Translator {
  readonly imports = new Set<string>();
  /** Python: destructured names → their index expressions. */
  private env = new Map<string, string>();
  /** Names bound by parameters or declarations (callable as functions). */
  private bound = new Set<string>();
  /** Names bound to records of a known type (RECORD_TYPES) → that type. */
  private records = new Map<string, string>();
  /** Record types of the top-level function's parameters, applied once when they are bound. */
  private pendingRecordTypes?: (string | undefined)[];
  private fresh: Set<string>;

  constructor(readonly lang: UdfLang, allNames: Set<string>, recordTypes?: (string | undefined)[]) {
    this.fresh = new Set(allNames);
    this.pendingRecordTypes = recordTypes;
  }

  /** After the top-level function's parameters are bound: type the simple ones that receive known records. */
  private typeParams(params: Pattern[]): void {
    const types = this.pendingRecordTypes;
    this.pendingRecordTypes = undefined;
    if (!types) return;
    params.forEach((p, i) => { if (p.type === 'Identifier' && types[i]) this.records.set(p.name, types[i]!); });
  }

  private get py() { return this.lang === 'python'; }

  freshName(base: string): string {
    let n = base;
    for (let i = 1; this.fresh.has(n); i++) n = `${base}${i}`;
    this.fresh.add(n);
    return n;
  }

  ident(name: string): string {
    if (this.py) return PY_RESERVED.has(name) ? `${name}_` : name;
    return SCALA_RESERVED.has(name) ? `\`${name}\`` : name;
  }

  wrap(o: Out, min: number): string { return o.p >= min ? o.c : `(${o.c})`; }

  // ---------------------------------------------------------------- functions
  /** A function value (top-level or nested argument). */
  fn(f: UdfFunction, paramTypes?: (string | undefined)[], returnsCollection = false): Out {
    if (f.async) fail('async functions');
    if (f.generator) fail('generator functions');
    for (const p of f.params) this.checkPattern(p);
    const saved = new Map(this.env);
    const savedBound = new Set(this.bound);
    const savedRecords = new Map(this.records);
    try {
      return this.py ? this.pyLambda(f) : this.scalaLambda(f, paramTypes, returnsCollection);
    } finally {
      this.env = saved;
      this.bound = savedBound;
      this.records = savedRecords;
    }
  }

  /**
   * A function passed as an argument. Only a function literal can be translated; anything else (a name bound
   * to a function) used to reach fn() and fail there with a TypeError on its missing parameters.
   */
  private fnArg(f: Expression): Out {
    return isFunctionNode(f) ? this.fn(f) : fail('a function argument that is not a function literal');
  }

  private checkPattern(p: Pattern): void {
    if (p.type === 'Identifier') return;
    if (p.type === 'ArrayPattern') { for (const e of p.elements) { if (!e) return fail('holes in destructuring'); this.checkPattern(e); } return; }
    fail(p.type === 'AssignmentPattern' ? 'default parameter values' : p.type === 'RestElement' ? 'rest parameters' : 'object destructuring');
  }

  private bindPattern(p: Pattern): void {
    if (p.type === 'Identifier') { this.bound.add(p.name); this.env.delete(p.name); this.records.delete(p.name); return; }
    for (const e of patternElements(p)) this.bindPattern(e);
  }

  private scalaPattern(p: Pattern): string {
    if (p.type === 'Identifier') return this.ident(p.name);
    return `(${patternElements(p).map((e) => this.scalaPattern(e)).join(', ')})`;
  }

  private scalaLambda(f: UdfFunction, paramTypes?: (string | undefined)[], returnsCollection = false): Out {
    for (const p of f.params) this.bindPattern(p);
    this.typeParams(f.params);
    const destructures = f.params.some((p) => p.type !== 'Identifier');
    const body = f.body.type === 'BlockStatement' ? this.scalaBlock(f.body.body) : null;
    const expr = body ? null : returnsCollection && f.body.type === 'ArrayExpression' ? this.seq(f.body) : this.expr(f.body);
    if (destructures) {
      const head = f.params.length === 1 ? this.scalaPattern(f.params[0]) : `(${f.params.map((p) => this.scalaPattern(p)).join(', ')})`;
      const inner = body ? `\n${indent(body, '  ')}\n` : ` ${expr!.c} `;
      // an overloaded method gives a pattern-matching function no expected type: name and type the parameters
      if (paramTypes && f.params.every((_, i) => paramTypes[i])) {
        const args = f.params.map((_, i) => `x$${i + 1}`);
        const typedArgs = args.map((a: string, i: number) => `${a}: ${paramTypes[i]}`).join(', ');
        const scrutinee = args.length === 1 ? args[0] : `(${args.join(', ')})`;
        return { c: `{ (${typedArgs}) => ${scrutinee} match { case ${head} =>${inner}} }`, p: SC.atom };
      }
      return { c: `{ case ${head} =>${inner}}`, p: SC.atom };
    }
    const names = f.params.map((p, i) => this.ident(paramName(p)) + (paramTypes?.[i] ? `: ${paramTypes[i]}` : ''));
    const typed = names.some((n: string) => n.includes(':'));
    const head = names.length === 1 && !typed ? names[0] : `(${names.join(', ')})`;
    if (body) return { c: `{ ${head} =>\n${indent(body, '  ')}\n}`, p: SC.atom };
    return { c: `${head} => ${expr!.c}`, p: SC.lambda };
  }

  /** A declarator's value, translated; its names are bound for the statements that follow. */
  private declaredValue(d: VariableDeclarator): string {
    if (!d.init) fail('declaration without a value');
    this.checkPattern(d.id);
    const v = this.expr(d.init).c;
    this.bindPattern(d.id);
    return v;
  }

  /** Statements → a Scala block's lines (last line is the value). */
  private scalaBlock(stmts: Statement[]): string {
    const lines: string[] = [];
    for (let i = 0; i < stmts.length; i++) {
      const s = stmts[i];
      if (s.type === 'VariableDeclaration') {
        for (const d of s.declarations) {
          const v = this.declaredValue(d);
          lines.push(`val ${this.scalaPattern(d.id)} = ${v}`);
        }
      } else if (s.type === 'ReturnStatement') {
        if (!s.argument) fail('return without a value');
        lines.push(this.expr(s.argument).c);
        return lines.join('\n');
      } else if (s.type === 'IfStatement') {
        const cons = blockOf(s.consequent);
        const alt = s.alternate ? blockOf(s.alternate) : stmts.slice(i + 1);
        if (!alwaysReturns(cons) || !alwaysReturns(alt)) fail('if without a value on every path');
        const c = this.expr(s.test).c;
        const a = this.scoped(() => this.scalaBlock(cons));
        const b = this.scoped(() => this.scalaBlock(alt));
        const oneLine = !a.includes('\n') && !b.includes('\n') && a.length + b.length + c.length < 70;
        lines.push(oneLine ? `if (${c}) ${a} else ${b}` : `if (${c}) {\n${indent(a, '  ')}\n} else {\n${indent(b, '  ')}\n}`);
        return lines.join('\n');
      } else if (s.type === 'ExpressionStatement' && s.expression.type === 'CallExpression') {
        lines.push(this.expr(s.expression).c);
      } else if (s.type === 'EmptyStatement') {
        continue;
      } else {
        fail(`statement ${s.type}`);
      }
    }
    return fail('a function body without a return value');
  }

  private scoped<T>(f: () => T): T {
    const saved = new Map(this.env);
    const savedBound = new Set(this.bound);
    const savedRecords = new Map(this.records);
    try { return f(); } finally { this.env = saved; this.bound = savedBound; this.records = savedRecords; }
  }

  /** Python: bind a destructuring pattern to index expressions on `base`. */
  private pyBind(p: Pattern, base: string): void {
    if (p.type === 'Identifier') { this.env.set(p.name, base); this.bound.add(p.name); this.records.delete(p.name); return; }
    patternElements(p).forEach((e, i) => this.pyBind(e, `${base}[${i}]`));
  }

  private pyParamName(p: Pattern): string {
    if (p.type === 'Identifier') { this.bound.add(p.name); this.env.delete(p.name); this.records.delete(p.name); return this.ident(p.name); }
    const leaves: string[] = [];
    const walk = (q: Pattern): void => { if (q.type === 'Identifier') leaves.push(q.name); else patternElements(q).forEach(walk); };
    walk(p);
    const name = this.freshName(leaves.every((l) => l.length === 1) && leaves.length <= 3 ? leaves.join('') : 't');
    this.pyBind(p, name);
    return name;
  }

  private pyLambda(f: UdfFunction): Out {
    const params = f.params.map((p) => this.pyParamName(p));
    this.typeParams(f.params);
    if (f.body.type === 'BlockStatement') fail('block body inside an expression');
    const body = this.expr(f.body);
    return { c: `lambda${params.length ? ' ' + params.join(', ') : ''}: ${this.wrap(body, PY.lambda)}`, p: PY.lambda };
  }

  /** Python: a block-bodied function as a def. */
  pyDef(f: UdfFunction, name: string): string {
    if (f.async || f.generator) fail('async or generator functions');
    for (const p of f.params) this.checkPattern(p);
    const params: string[] = [];
    const unpack: string[] = [];
    for (const p of f.params) {
      if (p.type === 'Identifier') { params.push(this.pyParamName(p)); continue; }
      const leaves: string[] = [];
      const walk = (q: Pattern): void => { if (q.type === 'Identifier') leaves.push(q.name); else patternElements(q).forEach(walk); };
      walk(p);
      const n = this.freshName(leaves.every((l) => l.length === 1) && leaves.length <= 3 ? leaves.join('') : 't');
      params.push(n);
      unpack.push(`${this.pyTarget(p)} = ${n}`);
      this.bindPattern(p);
    }
    this.typeParams(f.params);
    const body = f.body.type === 'BlockStatement' ? this.pyStatements(f.body.body) : [`return ${this.expr(f.body).c}`];
    return `def ${name}(${params.join(', ')}):\n${[...unpack, ...body].map((l) => '    ' + l).join('\n')}`;
  }

  private pyTarget(p: Pattern): string {
    if (p.type === 'Identifier') return this.ident(p.name);
    return patternElements(p).map((e) => (e.type === 'ArrayPattern' ? `(${this.pyTarget(e)})` : this.pyTarget(e))).join(', ');
  }

  private pyStatements(stmts: Statement[]): string[] {
    const out: string[] = [];
    for (const s of stmts) {
      if (s.type === 'VariableDeclaration') {
        for (const d of s.declarations) {
          const v = this.declaredValue(d);
          out.push(`${this.pyTarget(d.id)} = ${v}`);
        }
      } else if (s.type === 'ReturnStatement') {
        if (!s.argument) fail('return without a value');
        out.push(`return ${this.expr(s.argument).c}`);
      } else if (s.type === 'IfStatement') {
        let cur: IfStatement = s;
        let kw = 'if';
        for (;;) {
          out.push(`${kw} ${this.expr(cur.test).c}:`);
          const consequent = cur.consequent;
          out.push(...this.scoped(() => this.pyStatements(blockOf(consequent))).map((l) => '    ' + l));
          const alternate = cur.alternate;
          if (!alternate) break;
          if (alternate.type === 'IfStatement') { cur = alternate; kw = 'elif'; continue; }
          out.push('else:');
          out.push(...this.scoped(() => this.pyStatements(blockOf(alternate))).map((l) => '    ' + l));
          break;
        }
      } else if (s.type === 'EmptyStatement') {
        continue;
      } else {
        fail(`statement ${s.type}`);
      }
    }
    if (out.length === 0) out.push('pass');
    return out;
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
        if (this.py && n.body.type === 'BlockStatement') fail('a nested function with a block body');
        return this.fn(n);
      case 'ParenthesizedExpression': return this.expr(n.expression);
      default: return fail(`${n.type}`);
    }
  }

  private literal(n: Literal): Out {
    if (n.regex) fail('regular expressions outside split');
    const v = n.value;
    if (v === null) return { c: this.py ? 'None' : 'null', p: 99 };
    if (typeof v === 'string') return { c: this.py ? pythonString(v) : scalaString(v), p: 99 };
    if (typeof v === 'boolean') return { c: this.py ? (v ? 'True' : 'False') : String(v), p: 99 };
    if (typeof v === 'number') {
      const raw = String(n.raw);
      if (/^0[xob]/i.test(raw) || raw.includes('_')) return { c: String(v), p: 99 };
      if (!this.py && Number.isInteger(v) && Math.abs(v) > 2147483647) return { c: `${raw}L`, p: 99 };
      return { c: raw, p: 99 };
    }
    return fail('literal');
  }

  private identifier(n: Identifier): Out {
    const name = n.name;
    if (this.env.has(name)) return { c: this.env.get(name)!, p: 99 };
    if (this.bound.has(name)) return { c: this.ident(name), p: 99 };
    if (name === 'undefined') return { c: this.py ? 'None' : 'null', p: 99 };
    if (name === 'None') return { c: 'None', p: 99 };
    if (name === 'Infinity') return { c: this.py ? "float('inf')" : 'Double.PositiveInfinity', p: 99 };
    return fail(`free variable ${name}`);
  }

  private template(n: TemplateLiteral): Out {
    const parts: (string | Out)[] = [];
    n.quasis.forEach((q, i) => {
      if (q.value.cooked) parts.push(q.value.cooked);
      if (i < n.expressions.length) parts.push(this.expr(n.expressions[i]));
    });
    if (this.py) {
      const exprsOk = parts.every((p) => typeof p === 'string' || (!/['"\\{}]/.test(p.c) && !p.c.includes('lambda')));
      if (exprsOk) {
        const body = parts.map((p) => (typeof p === 'string' ? pyString(p, "'").slice(1, -1).replace(/\{/g, '{{').replace(/\}/g, '}}') : `{${p.c}}`)).join('');
        return { c: `f'${body}'`, p: 99 };
      }
      const terms = parts.map((p) => (typeof p === 'string' ? pythonString(p) : `str(${p.c})`));
      return { c: terms.length ? terms.join(' + ') : "''", p: terms.length > 1 ? PY.add : 99 };
    }
    // an s"…" literal has no escapes of its own here: text with quotes, backslashes or controls is concatenated instead
    const literalOk = parts.every((p) => typeof p !== 'string' || (!/["\\\n\r\t]/.test(p) && !UNSAFE_CHAR.test(p)));
    if (literalOk) {
      // `$name` must not run into a following identifier character
      const safe = parts.map((p, i) => {
        if (typeof p === 'string') return p.replace(/\$/g, '$$$$');
        const next = parts[i + 1];
        const simple = /^[A-Za-z_][A-Za-z0-9_]*$/.test(p.c) && !(typeof next === 'string' && /^[A-Za-z0-9_]/.test(next));
        return simple ? `$${p.c}` : `\${${p.c}}`;
      }).join('');
      return { c: `s"${safe}"`, p: 99 };
    }
    const terms = parts.map((p) => (typeof p === 'string' ? scalaString(p) : this.wrap(p, SC.add + 1)));
    if (typeof parts[0] !== 'string') terms.unshift('""');
    return { c: terms.join(' + '), p: SC.add };
  }

  /** An array literal as a Scala Seq, whatever its length (a function's collection result). */
  private seq(n: ArrayExpression): Out {
    return { c: `Seq(${arrayItems(n).map((e) => this.expr(e).c).join(', ')})`, p: 99 };
  }

  private array(n: ArrayExpression): Out {
    const items = arrayItems(n).map((e) => this.expr(e).c);
    if (this.py) {
      if (items.length === 1) return { c: `[${items[0]}]`, p: 99 };
      return { c: `(${items.join(', ')})`, p: 99 };   // a tuple is also an iterable
    }
    if (items.length === 2 || items.length === 3) return { c: `(${items.join(', ')})`, p: 99 };
    return { c: `Seq(${items.join(', ')})`, p: 99 };
  }

  private unary(n: UnaryExpression): Out {
    const a = this.expr(n.argument);
    switch (n.operator) {
      case '!':
        if (this.py && a.p === PY.cmp && / in /.test(a.c) && n.argument.type === 'CallExpression' && n.argument.callee.type === 'MemberExpression' && nameOf(n.argument.callee) === 'includes') {
          return { c: a.c.replace(/ in (?=[^ ]*$)/, ' not in '), p: PY.cmp };
        }
        return this.py ? { c: `not ${this.wrap(a, PY.not)}`, p: PY.not } : { c: `!${this.wrap(a, SC.unary + 1)}`, p: SC.unary };
      case '-': return this.py ? { c: `-${this.wrap(a, PY.unary)}`, p: PY.unary } : { c: `-${this.wrap(a, SC.unary + 1)}`, p: SC.unary };
      case '+': return a;
      default: return fail(`operator ${n.operator}`);
    }
  }

  private isNullish(n: AnyNode): boolean {
    return (n.type === 'Literal' && n.value === null && !n.regex) || (n.type === 'Identifier' && n.name === 'undefined');
  }

  private binary(n: BinaryExpression): Out {
    const op: string = n.operator;
    if ((op === '===' || op === '==' || op === '!==' || op === '!=') && (this.isNullish(n.right) || this.isNullish(n.left))) {
      const other = this.expr(this.isNullish(n.right) ? n.left : n.right);
      const neg = op.startsWith('!');
      if (this.py) return { c: `${this.wrap(other, PY.cmp + 1)} is ${neg ? 'not ' : ''}None`, p: PY.cmp };
      return { c: `${this.wrap(other, SC.eq + 1)} ${neg ? '!=' : '=='} null`, p: SC.eq };
    }
    const l = this.expr(n.left);
    const r = this.expr(n.right);
    if (this.py) {
      const table: Record<string, [string, number]> = {
        '+': ['+', PY.add], '-': ['-', PY.add], '*': ['*', PY.mul], '/': ['/', PY.mul], '%': ['%', PY.mul],
        '==': ['==', PY.cmp], '===': ['==', PY.cmp], '!=': ['!=', PY.cmp], '!==': ['!=', PY.cmp],
        '<': ['<', PY.cmp], '<=': ['<=', PY.cmp], '>': ['>', PY.cmp], '>=': ['>=', PY.cmp],
        '&': ['&', PY.band], '|': ['|', PY.bor], '^': ['^', PY.bxor], '<<': ['<<', PY.shift], '>>': ['>>', PY.shift],
      };
      if (op === '**') return { c: `${this.wrap(l, PY.pow + 1)} ** ${this.wrap(r, PY.pow)}`, p: PY.pow };
      const t = table[op] ?? fail(`operator ${op}`);
      let lc = this.wrap(l, t[1] === PY.cmp ? t[1] + 1 : t[1]);
      let rc = this.wrap(r, t[1] + 1);
      if (op === '+' && (isStringy(n.left) || isStringy(n.right))) {
        if (!isStringy(n.left)) lc = `str(${l.c})`;
        if (!isStringy(n.right)) rc = `str(${r.c})`;
      }
      return { c: `${lc} ${t[0]} ${rc}`, p: t[1] };
    }
    const table: Record<string, [string, number]> = {
      '+': ['+', SC.add], '-': ['-', SC.add], '*': ['*', SC.mul], '/': ['/', SC.mul], '%': ['%', SC.mul],
      '==': ['==', SC.eq], '===': ['==', SC.eq], '!=': ['!=', SC.eq], '!==': ['!=', SC.eq],
      '<': ['<', SC.cmp], '<=': ['<=', SC.cmp], '>': ['>', SC.cmp], '>=': ['>=', SC.cmp],
      '&': ['&', SC.and], '|': ['|', SC.or], '^': ['^', SC.xor], '<<': ['<<', SC.cmp], '>>': ['>>', SC.cmp],
    };
    if (op === '**') return { c: `math.pow(${l.c}, ${r.c})`, p: SC.atom };
    const t = table[op] ?? fail(`operator ${op}`);
    let lc = this.wrap(l, t[1] === SC.eq || t[1] === SC.cmp ? t[1] + 1 : t[1]);
    const rc = this.wrap(r, t[1] + 1);
    // JS division is always floating point; Scala's Int / Int is not
    if (op === '/' && !isFloatLiteral(n.left) && !isFloatLiteral(n.right)) lc = `${this.wrap(l, SC.atom)}.toDouble`;
    return { c: `${lc} ${t[0]} ${rc}`, p: t[1] };
  }

  private logical(n: LogicalExpression): Out {
    const l = this.expr(n.left);
    const r = this.expr(n.right);
    if (n.operator === '??') {
      if (this.py) {
        if (n.left.type !== 'Identifier') fail('?? on a complex expression');
        return { c: `${l.c} if ${l.c} is not None else ${this.wrap(r, PY.cond)}`, p: PY.cond };
      }
      return { c: `Option(${l.c}).getOrElse(${r.c})`, p: SC.atom };
    }
    if (this.py) {
      const p = n.operator === '&&' ? PY.and : PY.or;
      return { c: `${this.wrap(l, p)} ${n.operator === '&&' ? 'and' : 'or'} ${this.wrap(r, p + 1)}`, p };
    }
    const p = n.operator === '&&' ? SC.and : SC.or;
    return { c: `${this.wrap(l, p)} ${n.operator} ${this.wrap(r, p + 1)}`, p };
  }

  private conditional(n: ConditionalExpression): Out {
    const c = this.expr(n.test);
    const a = this.expr(n.consequent);
    const b = this.expr(n.alternate);
    if (this.py) return { c: `${this.wrap(a, PY.cond + 1)} if ${this.wrap(c, PY.cond + 1)} else ${this.wrap(b, PY.cond)}`, p: PY.cond };
    return { c: `if (${c.c}) ${this.wrap(a, SC.cond + 1)} else ${this.wrap(b, SC.cond)}`, p: SC.cond };
  }

  private member(n: MemberExpression): Out {
    if (n.optional) fail('optional chaining');
    if (n.computed) {
      const obj = this.expr(n.object);
      const idx = n.property;
      const arrayish = n.object.type === 'CallExpression' && n.object.callee.type === 'MemberExpression' &&
        ['split', 'slice', 'map', 'filter', 'sort', 'concat'].includes(nameOf(n.object.callee) ?? '');
      if (idx.type === 'Literal' && typeof idx.value === 'number' && Number.isInteger(idx.value) && idx.value >= 0 && !arrayish) {
        return this.py ? { c: `${this.wrap(obj, PY.atom)}[${idx.value}]`, p: PY.atom } : { c: `${this.wrap(obj, SC.atom)}._${idx.value + 1}`, p: SC.atom };
      }
      const i = this.expr(idx);
      return this.py ? { c: `${this.wrap(obj, PY.atom)}[${i.c}]`, p: PY.atom } : { c: `${this.wrap(obj, SC.atom)}(${i.c})`, p: SC.atom };
    }
    const prop = nameOf(n) ?? fail('a computed property');   // not computed: always a name
    if (n.object.type === 'Identifier' && n.object.name === 'Math' && !this.bound.has('Math')) {
      if (prop === 'PI') { if (this.py) { this.imports.add('math'); return { c: 'math.pi', p: 99 }; } return { c: 'math.Pi', p: 99 }; }
      if (prop === 'E') { if (this.py) { this.imports.add('math'); return { c: 'math.e', p: 99 }; } return { c: 'math.E', p: 99 }; }
      fail(`Math.${prop}`);
    }
    const obj = this.expr(n.object);
    const recordType = n.object.type === 'Identifier' ? this.records.get(n.object.name) : undefined;
    if (recordType) {
      const c = recordField(recordType, prop, this.lang, this.wrap(obj, this.py ? PY.atom : SC.atom));
      if (c === undefined) fail(`property .${prop} of a ${recordType}`);
      return { c: c!, p: this.py ? PY.atom : SC.atom };
    }
    switch (prop) {
      case 'length':
      case 'size':
        return this.py ? { c: `len(${obj.c})`, p: PY.atom } : { c: `${this.wrap(obj, SC.atom)}.size`, p: SC.atom };
      case 'isDefined':
        return this.py ? { c: `${this.wrap(obj, PY.cmp + 1)} is not None`, p: PY.cmp } : { c: `${this.wrap(obj, SC.atom)}.isDefined`, p: SC.atom };
      case 'isEmpty':
        return this.py ? { c: `${this.wrap(obj, PY.cmp + 1)} is None`, p: PY.cmp } : { c: `${this.wrap(obj, SC.atom)}.isEmpty`, p: SC.atom };
      default:
        return fail(`property .${prop}`);
    }
  }

  private args(n: CallExpression, min: number, max: number): Expression[] {
    const a = n.arguments.map((x) => (x.type === 'SpreadElement' ? fail('spread arguments') : x));
    if (a.length < min || a.length > max) fail(`call with ${a.length} arguments`);
    return a;
  }

  private call(n: CallExpression): Out {
    if (n.optional) fail('optional call');
    const callee = n.callee;
    if (callee.type === 'Identifier') return this.globalCall(callee.name, n);
    if (callee.type !== 'MemberExpression' || callee.computed) return fail('computed call');
    if (callee.object.type === 'Identifier' && callee.object.name === 'Math' && !this.bound.has('Math')) return this.mathCall(nameOf(callee) ?? fail('a computed call'), n);
    const m = nameOf(callee) ?? fail('a computed call');   // not computed: always a name
    const objN = callee.object;
    const obj = () => this.expr(objN);
    const py = this.py;
    const o = (c: string, p = 99): Out => ({ c, p });
    const atomPy = (x: Out) => this.wrap(x, PY.atom);
    const atomSc = (x: Out) => this.wrap(x, SC.atom);
    switch (m) {
      case 'split': {
        const [sep] = this.args(n, 1, 1);
        const s = obj();
        if (sep.type === 'Literal' && sep.regex) {
          if (py) { this.imports.add('re'); return o(`re.split(${pythonString(sep.regex.pattern)}, ${s.c})`); }
          return o(`${atomSc(s)}.split(${scalaString(sep.regex.pattern)})`);
        }
        if (sep.type !== 'Literal' || typeof sep.value !== 'string') return fail('split with a computed separator');
        if (sep.value === '') return py ? o(`list(${s.c})`) : o(`${atomSc(s)}.split("")`);
        return py ? o(`${atomPy(s)}.split(${pythonString(sep.value)})`) : o(`${atomSc(s)}.split(${scalaString(sep.value.replace(REGEX_META, '\\$&'))})`);
      }
      case 'toLowerCase': case 'toUpperCase': case 'trim': {
        this.args(n, 0, 0);
        const s = obj();
        if (py) return o(`${atomPy(s)}.${{ toLowerCase: 'lower', toUpperCase: 'upper', trim: 'strip' }[m]}()`);
        return o(`${atomSc(s)}.${m}`);
      }
      case 'startsWith': case 'endsWith': {
        const [x] = this.args(n, 1, 1);
        const s = obj();
        const a = this.expr(x).c;
        return py ? o(`${atomPy(s)}.${m.toLowerCase()}(${a})`) : o(`${atomSc(s)}.${m}(${a})`);
      }
      case 'includes': {
        const [x] = this.args(n, 1, 1);
        const s = obj();
        const a = this.expr(x);
        return py ? { c: `${this.wrap(a, PY.cmp + 1)} in ${this.wrap(s, PY.cmp + 1)}`, p: PY.cmp } : o(`${atomSc(s)}.contains(${a.c})`);
      }
      case 'replaceAll': {
        const [a, b] = this.args(n, 2, 2);
        if (a.type !== 'Literal' || typeof a.value !== 'string') fail('replaceAll with a pattern');
        const s = obj();
        return py ? o(`${atomPy(s)}.replace(${this.expr(a).c}, ${this.expr(b).c})`) : o(`${atomSc(s)}.replace(${this.expr(a).c}, ${this.expr(b).c})`);
      }
      case 'substring': case 'slice': {
        const a = this.args(n, 1, 2).map((x) => this.expr(x).c);
        const s = obj();
        if (py) return o(`${atomPy(s)}[${a[0]}:${a[1] ?? ''}]`);
        if (m === 'substring') return o(`${atomSc(s)}.substring(${a.join(', ')})`);
        return o(a.length === 2 ? `${atomSc(s)}.slice(${a.join(', ')})` : `${atomSc(s)}.drop(${a[0]})`);
      }
      case 'charAt': {
        const [i] = this.args(n, 1, 1);
        const s = obj();
        return py ? o(`${atomPy(s)}[${this.expr(i).c}]`) : o(`${atomSc(s)}.charAt(${this.expr(i).c}).toString`);
      }
      case 'toString': {
        this.args(n, 0, 0);
        const s = obj();
        return py ? o(`str(${s.c})`) : o(`${atomSc(s)}.toString`);
      }
      case 'join': {
        // rdd.join(other) inside transform/transformWith is the pair-RDD join, not Array.prototype.join
        if (isRddish(objN) && n.arguments.length === 1) {
          const other = this.expr(n.arguments[0]).c;
          const s = obj();
          return o(`${py ? atomPy(s) : atomSc(s)}.join(${other})`);
        }
        const [sep] = this.args(n, 0, 1);
        const s = obj();
        const sp = sep ? this.expr(sep).c : py ? "','" : '","';
        return py ? o(`${sp}.join(map(str, ${s.c}))`) : o(`${atomSc(s)}.mkString(${sp})`);
      }
      case 'getOrElse': {
        const [d] = this.args(n, 1, 1);
        const s = obj();
        const dv = this.expr(d);
        if (!py) return o(`${atomSc(s)}.getOrElse(${dv.c})`);
        if (isFalsyLiteral(d)) return o(`(${this.wrap(s, PY.or + 1)} or ${this.wrap(dv, PY.or + 1)})`);
        if (objN.type !== 'Identifier') fail('getOrElse on a complex expression');
        return o(`(${s.c} if ${s.c} is not None else ${this.wrap(dv, PY.cond)})`);
      }
      case 'get': {
        this.args(n, 0, 0);
        const s = obj();
        return py ? s : o(`${atomSc(s)}.get`);
      }
      case 'reduce': {
        const [f, init] = this.args(n, 1, 2);
        const s = obj();
        if (isSumReducer(f) && (!init || (init.type === 'Literal' && init.value === 0))) return py ? o(`sum(${s.c})`) : o(`${atomSc(s)}.sum`);
        if (isSumReducer(f) && init && !isStringy(init)) {
          const iv = this.expr(init);
          return py ? { c: `sum(${s.c}) + ${this.wrap(iv, PY.add + 1)}`, p: PY.add } : { c: `${atomSc(s)}.sum + ${this.wrap(iv, SC.add + 1)}`, p: SC.add };
        }
        const fc = this.fnArg(f).c;
        if (py) {
          this.imports.add('functools');
          return o(`functools.reduce(${fc}, ${s.c}${init ? `, ${this.expr(init).c}` : ''})`);
        }
        return o(init ? `${atomSc(s)}.foldLeft(${this.expr(init).c})(${fc})` : `${atomSc(s)}.reduce(${fc})`);
      }
      case 'sortBy': case 'sortByKey': case 'reduceByKey': {
        if (m === 'reduceByKey' && !isRddish(objN)) return fail('reduceByKey on something that is not an RDD');
        // RDD methods (inside transform): the same names and arguments in Scala and PySpark
        const a = this.args(n, 0, 3).map((x) => (x.type === 'ArrowFunctionExpression' || x.type === 'FunctionExpression' ? this.fn(x).c : this.expr(x).c));
        const s = obj();
        return o(`${py ? atomPy(s) : atomSc(s)}.${m}(${a.join(', ')})`);
      }
      case 'map': case 'filter': case 'flatMap': case 'some': case 'every': {
        const [f] = this.args(n, 1, 1);
        const s = obj();
        const rdd = isRddish(objN) && m !== 'some' && m !== 'every';
        if (py && rdd) return o(`${atomPy(s)}.${m}(${this.fnArg(f).c})`);
        if (!py) {
          const name = { map: 'map', filter: 'filter', flatMap: 'flatMap', some: 'exists', every: 'forall' }[m];
          const fc = this.fnArg(f);
          return o(fc.c.startsWith('{') ? `${atomSc(s)}.${name} ${fc.c}` : `${atomSc(s)}.${name}(${fc.c})`);
        }
        if ((f.type === 'ArrowFunctionExpression' || f.type === 'FunctionExpression') && f.params.length === 1 && f.body.type !== 'BlockStatement' && !f.async) {
          return this.scoped(() => {
            this.checkPattern(f.params[0]);
            const target = this.pyTarget(f.params[0]);
            this.bindPattern(f.params[0]);
            const body = this.expr(f.body).c;
            const it = this.wrap(s, PY.or);
            const v = this.freshName('y');
            switch (m) {
              case 'map': return o(`[${body} for ${target} in ${it}]`);
              case 'filter': return o(`[${target.includes(',') ? `(${target})` : target} for ${target} in ${it} if ${body}]`);
              case 'flatMap': return o(`[${v} for ${target} in ${it} for ${v} in ${body}]`);
              case 'some': return o(`any(${body} for ${target} in ${it})`);
              default: return o(`all(${body} for ${target} in ${it})`);
            }
          });
        }
        const fc = this.fnArg(f).c;
        if (m === 'map') return o(`list(map(${fc}, ${s.c}))`);
        if (m === 'filter') return o(`list(filter(${fc}, ${s.c}))`);
        return fail(`${m} with a function value`);
      }
      case 'concat': {
        const [x] = this.args(n, 1, 1);
        const s = obj();
        const a = this.expr(x);
        return py ? { c: `${this.wrap(s, PY.add)} + ${this.wrap(a, PY.add + 1)}`, p: PY.add } : { c: `${this.wrap(s, SC.add)} ++ ${this.wrap(a, SC.add + 1)}`, p: SC.add };
      }
      case 'getOption': case 'exists': case 'remove': case 'isTimingOut': case 'update': {
        // Spark's State[S] (mapWithState): same names in Scala; PySpark has no mapWithState
        if (py) return fail(`State.${m}() (PySpark has no mapWithState)`);
        const a = this.args(n, m === 'update' ? 1 : 0, m === 'update' ? 1 : 0).map((x) => this.expr(x).c);
        const s = obj();
        return o(`${atomSc(s)}.${m}${m === 'update' ? `(${a[0]})` : m === 'remove' ? '()' : ''}`);
      }
      default:
        return fail(`method .${m}()`);
    }
  }

  private mathCall(m: string, n: CallExpression): Out {
    const py = this.py;
    switch (m) {
      case 'max': case 'min': {
        const a = this.args(n, 2, 8).map((x) => this.expr(x).c);
        if (py) return { c: `${m}(${a.join(', ')})`, p: 99 };
        return { c: a.slice(1).reduce((acc, x) => `math.${m}(${acc}, ${x})`, a[0]), p: 99 };
      }
      case 'abs': case 'sqrt': case 'floor': case 'ceil': case 'round': case 'log': case 'exp': {
        const [x] = this.args(n, 1, 1);
        const a = this.expr(x);
        if (!py) return { c: `math.${m}(${a.c})`, p: 99 };
        if (m === 'abs') return { c: `abs(${a.c})`, p: 99 };
        this.imports.add('math');
        if (m === 'round') return { c: `math.floor(${this.wrap(a, PY.add)} + 0.5)`, p: 99 };
        return { c: `math.${m}(${a.c})`, p: 99 };
      }
      case 'pow': {
        const [x, y] = this.args(n, 2, 2);
        const a = this.expr(x);
        const b = this.expr(y);
        return py ? { c: `${this.wrap(a, PY.pow + 1)} ** ${this.wrap(b, PY.pow)}`, p: PY.pow } : { c: `math.pow(${a.c}, ${b.c})`, p: 99 };
      }
      default: return fail(`Math.${m}`);
    }
  }

  private globalCall(name: string, n: CallExpression): Out {
    const py = this.py;
    if (this.bound.has(name)) {
      const a = this.args(n, 0, 16).map((x) => this.expr(x).c);
      return { c: `${this.env.get(name) ?? this.ident(name)}(${a.join(', ')})`, p: 99 };
    }
    switch (name) {
      case 'Some': {
        const [x] = this.args(n, 1, 1);
        const a = this.expr(x);
        return py ? a : { c: `Some(${a.c})`, p: 99 };
      }
      case 'parseInt': case 'parseFloat': case 'Number': case 'String': {
        const [x] = this.args(n, 1, name === 'parseInt' ? 2 : 1);
        const radix = n.arguments[1];
        if (name === 'parseInt' && radix && !(radix.type === 'Literal' && radix.value === 10)) fail('parseInt with a radix');
        const a = this.expr(x);
        if (py) return { c: `${{ parseInt: 'int', parseFloat: 'float', Number: 'float', String: 'str' }[name]}(${a.c})`, p: 99 };
        return { c: `${this.wrap(a, SC.atom)}.${{ parseInt: 'toInt', parseFloat: 'toDouble', Number: 'toDouble', String: 'toString' }[name]}`, p: 99 };
      }
      default:
        return fail(`call to ${name}`);
    }
  }
}

/** An RDD by naming convention (`rdd`, `rdd2`, ...) or an RDD method chain on one: PySpark keeps its methods. */
function isRddish(n: AnyNode): boolean {
  if (n.type === 'Identifier') return /^rdd/i.test(n.name);
  return n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && !n.callee.computed &&
    ['map', 'filter', 'flatMap', 'sortBy', 'sortByKey', 'reduceByKey', 'mapValues', 'distinct', 'union', 'join'].includes(nameOf(n.callee) ?? '') && isRddish(n.callee.object);
}

function isFloatLiteral(n: AnyNode): boolean {
  return n.type === 'Literal' && typeof n.value === 'number' && /[.eE]/.test(String(n.raw));
}

function blockOf(s: Statement): Statement[] {
  return s.type === 'BlockStatement' ? s.body : [s];
}

function alwaysReturns(stmts: Statement[]): boolean {
  const last = stmts[stmts.length - 1];
  if (!last) return false;
  if (last.type === 'ReturnStatement') return true;
  if (last.type === 'IfStatement') return !!last.alternate && alwaysReturns(blockOf(last.consequent)) && alwaysReturns(blockOf(last.alternate));
  return false;
}

/** The elements of an array literal, refusing spread and holes. */
function arrayItems(n: ArrayExpression): Expression[] {
  return n.elements.map((e) => (e && e.type !== 'SpreadElement' ? e : fail('spread or holes in array literals')));
}

function indent(s: string, pad: string): string {
  return s.split('\n').map((l) => (l ? pad + l : l)).join('\n');
}

/** Best-effort parameter names of a function source (for stubs), without failing. */
function stubParams(source: string): string[] | undefined {
  try {
    const f = parseFunction(source);
    return f.params.map((p, i) => (p.type === 'Identifier' ? p.name : p.type === 'AssignmentPattern' && p.left.type === 'Identifier' ? p.left.name : `arg${i}`));
  } catch {
    const m = /^\s*(?:async\s+)?\(?\s*([A-Za-z_$][\w$]*)\s*\)?\s*=>/.exec(source);
    return m ? [m[1]] : undefined;
  }
}

function scalaStub(source: string, reason: string): string {
  const params = stubParams(source) ?? ['x'];
  const safe = scalaBlockCommentLines(source.trim());
  const why = scalaBlockCommentLines(reason).join(' ');
  const head = params.length === 1 ? params[0] : `(${params.join(', ')})`;
  const named = head.replace(/[A-Za-z_$][\w$]*/g, (p) => (SCALA_RESERVED.has(p) ? `\`${p}\`` : p.replace(/\$/g, '_')));
  if (safe.length === 1) return `{ ${named} => ??? /* TODO translate (${why}): ${safe[0]} */ }`;
  return `{ ${named} =>\n  ??? /* TODO translate (${why}) from TypeScript:\n${indent(safe.join('\n'), '     ')}\n  */\n}`;
}

function pythonStub(source: string, name: string, reason: string): string {
  const params = (stubParams(source) ?? ['*args']).map((p) => p.replace(/\$/g, '_')).map((p) => (PY_RESERVED.has(p) ? `${p}_` : p));
  const lines = pyCommentLines(source.trim()).map((l) => `    #   ${l}`);
  return [
    `def ${name}(${params.join(', ')}):`,
    `    # TODO translate (${pyCommentLines(reason).join(' ')}) from TypeScript:`,
    ...lines,
    `    raise NotImplementedError(${pythonString(`TODO: translate ${name} from TypeScript`)})`,
  ].join('\n');
}

/**
 * Translates one function parameter's source to Scala or Python.
 * Scala: `code` is a lambda (`(a, b) => a + b`, `{ case (k, v) => ... }`).
 * Python: `code` is a lambda, or the name of the `def` in `prelude` (block bodies, TODO stubs).
 */
export function translateUdf(source: string, lang: UdfLang, opts: UdfOptions = {}): UdfTranslation {
  const name = opts.name ?? 'udf';
  let f: UdfFunction;
  try {
    f = parseFunction(source);
  } catch (e) {
    const reason = e instanceof Untranslatable ? e.message : 'not a parseable function';
    return stub(source, lang, name, reason);
  }
  const t = new Translator(lang, collectNames(f, new Set([name])), opts.recordTypes);
  try {
    if (lang === 'python' && f.body.type === 'BlockStatement') {
      const prelude = t.pyDef(f, name);
      return withImports({ code: name, exact: true, prelude }, t);
    }
    const out = t.fn(f, opts.paramTypes, opts.returnsCollection === true);
    return withImports({ code: out.c, exact: true }, t);
  } catch (e) {
    if (!(e instanceof Untranslatable)) throw e;
    return stub(source, lang, name, e.message);
  }
}

function withImports(r: UdfTranslation, t: Translator): UdfTranslation {
  if (t.imports.size) r.imports = [...t.imports].sort();
  return r;
}

function stub(source: string, lang: UdfLang, name: string, reason: string): UdfTranslation {
  if (lang === 'scala') return { code: scalaStub(source, reason), exact: false, reason };
  return { code: name, exact: false, prelude: pythonStub(source, name, reason), reason };
}
