/**
 * The front end of the function translator (udf.ts): parsing a function's source, the questions asked of its AST,
 * and the contract between the language-neutral walker and each target language's method table (udfScala.ts,
 * udfPython.ts).
 */
import { parse } from 'acorn';
import type {
  AnyNode, ArrayExpression, ArrowFunctionExpression, CallExpression, Expression, FunctionDeclaration, FunctionExpression,
  Identifier, Literal, LogicalExpression, MemberExpression, Pattern, Statement, UnaryExpression, BinaryExpression, VariableDeclarator,
} from 'acorn';
import { isAstNode } from '../../core/astNode';
import { stripTypes } from './stripTypes';

export type UdfLang = 'scala' | 'python';

/** A construct the translator does not translate: the reason ends up in the TODO stub. */
export class Untranslatable extends Error {}
export function fail(why: string): never { throw new Untranslatable(why); }

/** A function this module translates: a function expression, or a declaration as the whole source. */
export type UdfFunction = ArrowFunctionExpression | FunctionExpression | FunctionDeclaration;
export const isFunctionNode = (n: AnyNode): n is ArrowFunctionExpression | FunctionExpression =>
  n.type === 'ArrowFunctionExpression' || n.type === 'FunctionExpression';

/** What `m.property.name` reads: the name of a named property (computed or not), else undefined. */
export const nameOf = (m: MemberExpression): string | undefined =>
  (m.property.type === 'Identifier' || m.property.type === 'PrivateIdentifier' ? m.property.name : undefined);

/** The parts of an array destructuring pattern (checkPattern has refused holes and every other pattern). */
export function patternElements(p: Pattern): Pattern[] {
  if (p.type !== 'ArrayPattern') return fail('object destructuring');
  return p.elements.map((e) => e ?? fail('holes in destructuring'));
}

/** A parameter that is a plain name (checked by the caller). */
export const paramName = (p: Pattern): string => (p.type === 'Identifier' ? p.name : fail('destructuring'));

/** Translated code and its precedence in the target language (higher binds tighter). */
export interface Out { c: string; p: number }

export const REGEX_META = /[\\.[\]{}()*+?^$|-]/g;

export function parseFunction(source: string): UdfFunction {
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
export function collectNames(node: unknown, into: Set<string>): Set<string> {
  if (!node || typeof node !== 'object') return into;
  if (Array.isArray(node)) { for (const n of node) collectNames(n, into); return into; }
  if (isAstNode(node) && node.type === 'Identifier') into.add(node.name);
  for (const [k, v] of Object.entries(node)) if (k !== 'type' && k !== 'start' && k !== 'end') collectNames(v, into);
  return into;
}

export function isStringy(n: AnyNode | null | undefined): boolean {
  if (!n) return false;
  if (n.type === 'Literal' && typeof n.value === 'string') return true;
  if (n.type === 'TemplateLiteral') return true;
  if (n.type === 'BinaryExpression' && n.operator === '+') return isStringy(n.left) || isStringy(n.right);
  if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && !n.callee.computed &&
    ['toLowerCase', 'toUpperCase', 'trim', 'toString', 'join', 'substring', 'charAt', 'replaceAll'].includes(nameOf(n.callee) ?? '')) return true;
  if (n.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name === 'String') return true;
  return false;
}

export function isFalsyLiteral(n: AnyNode): boolean {
  return n.type === 'Literal' && (n.value === 0 || n.value === '' || n.value === false) || (n.type === 'ArrayExpression' && n.elements.length === 0);
}

/** `(a, b) => a + b` */
export function isSumReducer(f: AnyNode | undefined): boolean {
  if (!f || (f.type !== 'ArrowFunctionExpression') || f.params.length !== 2) return false;
  const [a, b] = f.params;
  if (a.type !== 'Identifier' || b.type !== 'Identifier') return false;
  let body: AnyNode | null | undefined = f.body;
  if (body.type === 'BlockStatement') { const only = body.body[0]; if (body.body.length !== 1 || only.type !== 'ReturnStatement') return false; body = only.argument; }
  return !!body && body.type === 'BinaryExpression' && body.operator === '+' &&
    ((body.left.type === 'Identifier' && body.right.type === 'Identifier' &&
      ((body.left.name === a.name && body.right.name === b.name) || (body.left.name === b.name && body.right.name === a.name))));
}

/** An RDD by naming convention (`rdd`, `rdd2`, ...) or an RDD method chain on one: PySpark keeps its methods. */
export function isRddish(n: AnyNode): boolean {
  if (n.type === 'Identifier') return /^rdd/i.test(n.name);
  return n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && !n.callee.computed &&
    ['map', 'filter', 'flatMap', 'sortBy', 'sortByKey', 'reduceByKey', 'mapValues', 'distinct', 'union', 'join'].includes(nameOf(n.callee) ?? '') && isRddish(n.callee.object);
}

export function isFloatLiteral(n: AnyNode): boolean {
  return n.type === 'Literal' && typeof n.value === 'number' && /[.eE]/.test(String(n.raw));
}

export function blockOf(s: Statement): Statement[] {
  return s.type === 'BlockStatement' ? s.body : [s];
}

export function alwaysReturns(stmts: Statement[]): boolean {
  const last = stmts[stmts.length - 1];
  if (!last) return false;
  if (last.type === 'ReturnStatement') return true;
  if (last.type === 'IfStatement') return !!last.alternate && alwaysReturns(blockOf(last.consequent)) && alwaysReturns(blockOf(last.alternate));
  return false;
}

/** The elements of an array literal, refusing spread and holes. */
export function arrayItems(n: ArrayExpression): Expression[] {
  return n.elements.map((e) => (e && e.type !== 'SpreadElement' ? e : fail('spread or holes in array literals')));
}

export function indent(s: string, pad: string): string {
  return s.split('\n').map((l) => (l ? pad + l : l)).join('\n');
}

/** Best-effort parameter names of a function source (for stubs), without failing. */
export function stubParams(source: string): string[] | undefined {
  try {
    const f = parseFunction(source);
    return f.params.map((p, i) => (p.type === 'Identifier' ? p.name : p.type === 'AssignmentPattern' && p.left.type === 'Identifier' ? p.left.name : `arg${i}`));
  } catch {
    const m = /^\s*(?:async\s+)?\(?\s*([A-Za-z_$][\w$]*)\s*\)?\s*=>/.exec(source);
    return m ? [m[1]] : undefined;
  }
}

/**
 * What a target language's method table may ask of the walker (udf.ts's Translator): the scopes of the function
 * being translated (destructured names, bound names, record-typed names), fresh names, and translating sub-trees.
 */
export interface UdfWalker {
  readonly imports: Set<string>;
  /** Python: destructured names → their index expressions. */
  env: Map<string, string>;
  /** Names bound by parameters or declarations (callable as functions). */
  bound: Set<string>;
  /** Names bound to records of a known type (RECORD_TYPES) → that type. */
  records: Map<string, string>;
  freshName(base: string): string;
  ident(name: string): string;
  wrap(o: Out, min: number): string;
  expr(n: AnyNode): Out;
  fn(f: UdfFunction, paramTypes?: (string | undefined)[], returnsCollection?: boolean): Out;
  /** A function passed as an argument: only a function literal translates. */
  fnArg(f: Expression): Out;
  /** A call's arguments, refusing spread and a count outside [min, max]. */
  args(n: CallExpression, min: number, max: number): Expression[];
  checkPattern(p: Pattern): void;
  bindPattern(p: Pattern): void;
  /** After the top-level function's parameters are bound: type the simple ones that receive known records. */
  typeParams(params: Pattern[]): void;
  /** A declarator's value, translated; its names are bound for the statements that follow. */
  declaredValue(d: VariableDeclarator): string;
  /** Runs `f` in a nested scope (names it binds are forgotten afterwards). */
  scoped<T>(f: () => T): T;
}

/** A method of the call table: `obj.m(...)` where `objN` is the receiver's AST. */
export type MethodRule = (t: UdfWalker, n: CallExpression, objN: AnyNode, m: string) => Out;
/** A call of a name (`Math.max(...)` by its member name, `parseInt(...)`, `Some(...)`). */
export type CallRule = (t: UdfWalker, n: CallExpression, name: string) => Out;

/** A template literal's parts: text, and the translated expressions between them. */
export type TemplatePart = string | Out;

/**
 * One target language: how each construct the walker meets is written in it. The walker decides what a construct
 * is and in which order its parts are translated; the table decides the words.
 */
export interface UdfTarget {
  readonly lang: UdfLang;
  /** The precedence of an atom (a name, a call, an index). */
  readonly atom: number;
  ident(name: string): string;
  /** A function value (top-level or nested argument), its parameters checked. */
  lambda(t: UdfWalker, f: UdfFunction, paramTypes: (string | undefined)[] | undefined, returnsCollection: boolean): Out;
  /** A function literal met as an expression (an argument of a call). */
  nestedFunction(t: UdfWalker, f: ArrowFunctionExpression | FunctionExpression): Out;
  literal(n: Literal): Out;
  /** A free name the target knows (`undefined`, `None`, `Infinity`), else undefined. */
  knownName(n: Identifier): Out | undefined;
  template(t: UdfWalker, parts: TemplatePart[]): Out;
  array(items: string[]): Out;
  unary(t: UdfWalker, n: UnaryExpression, a: Out): Out;
  /** `x === null`, `x != undefined`, ... */
  nullCompare(t: UdfWalker, other: Out, negated: boolean): Out;
  binary(t: UdfWalker, n: BinaryExpression, l: Out, r: Out): Out;
  logical(t: UdfWalker, n: LogicalExpression, l: Out, r: Out): Out;
  conditional(t: UdfWalker, c: Out, a: Out, b: Out): Out;
  /** `t[0]` on a tuple. */
  tupleIndex(t: UdfWalker, obj: Out, index: number): Out;
  /** `xs[i]`. */
  index(t: UdfWalker, obj: Out, i: Out): Out;
  /** `Math.PI`, `Math.E`, else undefined. */
  mathConstant(t: UdfWalker, prop: string): Out | undefined;
  /** `.length`, `.size`, `.isDefined`, `.isEmpty`, else undefined. */
  property(t: UdfWalker, obj: Out, prop: string): Out | undefined;
  /** Methods by name; a name the table lacks does not translate. */
  readonly methods: ReadonlyMap<string, MethodRule>;
  /** `Math.<name>(...)` by name. */
  readonly mathCalls: ReadonlyMap<string, CallRule>;
  /** Calls of global names (`Some`, `parseInt`, ...) by name. */
  readonly globalCalls: ReadonlyMap<string, CallRule>;
  /**
   * The top-level function: an expression for it, or (Python, block bodies) the name of a `def` given as prelude.
   * Throws Untranslatable.
   */
  topLevel(t: UdfWalker, f: UdfFunction, name: string, paramTypes: (string | undefined)[] | undefined, returnsCollection: boolean): { code: string; prelude?: string };
  /** A TODO stub that compiles, carrying the original TypeScript, for a function that does not translate. */
  stub(source: string, name: string, reason: string): { code: string; prelude?: string };
}

/** A table of method rules; an entry may name several methods that share a rule. */
export function rules(entries: [string | string[], MethodRule][]): Map<string, MethodRule> {
  const m = new Map<string, MethodRule>();
  for (const [names, rule] of entries) for (const name of typeof names === 'string' ? [names] : names) m.set(name, rule);
  return m;
}

export function callRules(entries: [string | string[], CallRule][]): Map<string, CallRule> {
  const m = new Map<string, CallRule>();
  for (const [names, rule] of entries) for (const name of typeof names === 'string' ? [names] : names) m.set(name, rule);
  return m;
}

/** A number literal as both targets write it: hex, octal, binary and `1_000` forms become their decimal value. */
export function numberLiteralText(raw: string, value: number): string {
  return /^0[xob]/i.test(raw) || raw.includes('_') ? String(value) : raw;
}

/** A target's precedence levels for JavaScript's binary operators (higher binds tighter). */
export interface BinaryLevels { add: number; mul: number; eq: number; cmp: number; and: number; or: number; xor: number; shift: number }

/** JavaScript's binary operators as Scala and Python both spell them, each at the target's level. */
export function binaryOperators(l: BinaryLevels): Record<string, [string, number]> {
  return {
    '+': ['+', l.add], '-': ['-', l.add], '*': ['*', l.mul], '/': ['/', l.mul], '%': ['%', l.mul],
    '==': ['==', l.eq], '===': ['==', l.eq], '!=': ['!=', l.eq], '!==': ['!=', l.eq],
    '<': ['<', l.cmp], '<=': ['<=', l.cmp], '>': ['>', l.cmp], '>=': ['>=', l.cmp],
    '&': ['&', l.and], '|': ['|', l.or], '^': ['^', l.xor], '<<': ['<<', l.shift], '>>': ['>>', l.shift],
  };
}
