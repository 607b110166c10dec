/**
 * Static pair-type inference: what kind of records a function produces, read from its source text (parsed with acorn,
 * never run). `w => [w, 1]` gives pairs, `l => l.split(' ')` in a flatMap gives strings, `x => x` gives what came in.
 * Anything this module cannot prove is 'unknown', and 'unknown' is never reported as a problem: it must not guess.
 * User code is untrusted and nothing in a document runs before consent, so this replaces the old dry run.
 */
import { parseExpressionAt } from 'acorn';
import type { AnyNode, ArrowFunctionExpression, Expression, FunctionExpression, MemberExpression, Pattern } from 'acorn';
import { isAstNode } from '../core/astNode';
import { stripTypes } from './codegen/stripTypes';

export type StaticKind = 'pair' | 'nonPair' | 'unknown';

/** What a function receives as its first argument: one record (map, flatMap) or an iterable of records (mapPartitions). */
export type FnArg = 'record' | 'records' | 'none';
/** What it returns: one record (map) or an iterable of records (flatMap, mapPartitions). */
export type FnReturns = 'record' | 'records';

/** A function literal, the only thing this module reads the records of. */
type FunctionNode = ArrowFunctionExpression | FunctionExpression;
/** Any node an expression position may hold (callee, argument, element): the walkers answer 'unknown' to the rest. */
type MaybeNode = AnyNode | null | undefined;

/** What a name is bound to: the kind of its value and, for iterables, of their elements. */
interface Binding { value: StaticKind; elements: StaticKind }
type Env = Map<string, Binding>;

const UNKNOWN: Binding = { value: 'unknown', elements: 'unknown' };

/** One kind when every candidate agrees, else 'unknown'. No candidate (a function that never returns) is 'unknown'. */
export function combineKinds(kinds: StaticKind[]): StaticKind {
  if (kinds.length === 0) return 'unknown';
  return kinds.every((k) => k === kinds[0]) ? kinds[0] : 'unknown';
}

/** Methods whose result is a string, number or boolean whatever they are called on (never a 2-element array). */
const PRIMITIVE_METHODS = new Set([
  'toUpperCase', 'toLowerCase', 'toLocaleUpperCase', 'toLocaleLowerCase', 'trim', 'trimStart', 'trimEnd', 'padStart', 'padEnd',
  'repeat', 'replace', 'replaceAll', 'charAt', 'charCodeAt', 'codePointAt', 'normalize', 'startsWith', 'endsWith', 'localeCompare',
  'substring', 'substr', 'search', 'toFixed', 'toPrecision', 'toExponential', 'toString', 'join', 'includes', 'indexOf', 'lastIndexOf',
  'test', 'every', 'some', 'findIndex', 'findLastIndex',
]);
/** Global functions and namespaces whose results are primitives or plain objects, never arrays. */
const PRIMITIVE_CALLS = new Set(['String', 'Number', 'Boolean', 'parseInt', 'parseFloat', 'isNaN', 'isFinite', 'BigInt', 'Some', 'encodeURIComponent', 'decodeURIComponent']);
/** Namespaced functions returning primitives (`JSON.parse` is not one: it may return an array). */
const PRIMITIVE_NAMESPACES: Record<string, (name: string) => boolean> = {
  Math: () => true, Number: () => true, Date: () => true, JSON: (name) => name === 'stringify',
};
/** Array methods that keep the receiver's elements. */
const SAME_ELEMENTS = new Set(['filter', 'slice', 'sort', 'reverse', 'toSorted', 'toReversed']);

const ARITHMETIC_OR_COMPARISON = new Set(['+', '-', '*', '/', '%', '**', '|', '&', '^', '<<', '>>', '>>>', '==', '!=', '===', '!==', '<', '<=', '>', '>=', 'in', 'instanceof']);

const isFunction = (n: MaybeNode): n is FunctionNode => !!n && (n.type === 'ArrowFunctionExpression' || n.type === 'FunctionExpression');
// A non-computed property is always an Identifier or a PrivateIdentifier (`a.#x`); both carry a name.
const propName = (m: MemberExpression): string | undefined => (m.computed
  ? (m.property.type === 'Literal' && typeof m.property.value === 'string' ? m.property.value : undefined)
  : (m.property.type === 'Identifier' || m.property.type === 'PrivateIdentifier' ? m.property.name : undefined));

/** Kind of the value of an expression. */
function valueKind(e: MaybeNode, env: Env): StaticKind {
  switch (e?.type) {
    case 'ArrayExpression':
      if (e.elements.some((x) => x === null || x.type === 'SpreadElement')) return 'unknown';
      return e.elements.length === 2 ? 'pair' : 'nonPair';
    case 'Literal': case 'TemplateLiteral': case 'ObjectExpression': case 'UnaryExpression': case 'UpdateExpression':
    case 'ArrowFunctionExpression': case 'FunctionExpression': case 'ClassExpression':
      return 'nonPair';
    case 'BinaryExpression':
      return ARITHMETIC_OR_COMPARISON.has(e.operator) ? 'nonPair' : 'unknown';
    case 'LogicalExpression': return combineKinds([valueKind(e.left, env), valueKind(e.right, env)]);
    case 'ConditionalExpression': return combineKinds([valueKind(e.consequent, env), valueKind(e.alternate, env)]);
    case 'SequenceExpression': return valueKind(e.expressions[e.expressions.length - 1], env);
    case 'ParenthesizedExpression': return valueKind(e.expression, env);
    case 'AssignmentExpression': return e.operator === '=' ? valueKind(e.right, env) : 'nonPair';
    case 'Identifier':
      if (e.name === 'undefined' || e.name === 'NaN' || e.name === 'Infinity') return 'nonPair';
      return env.get(e.name)?.value ?? 'unknown';
    case 'CallExpression': {
      const c = e.callee;
      if (c.type === 'Identifier' && PRIMITIVE_CALLS.has(c.name) && !env.has(c.name)) return 'nonPair';
      if (c.type !== 'MemberExpression') return 'unknown';
      const name = propName(c);
      if (!name) return 'unknown';
      if (c.object.type === 'Identifier' && Object.hasOwn(PRIMITIVE_NAMESPACES, c.object.name) && !env.has(c.object.name)) {
        return PRIMITIVE_NAMESPACES[c.object.name](name) ? 'nonPair' : 'unknown';
      }
      return PRIMITIVE_METHODS.has(name) ? 'nonPair' : 'unknown';
    }
    default: return 'unknown';
  }
}

/** Kind of the elements of an iterable expression (what a flatMap or mapPartitions function returns). */
function elementsKind(e: MaybeNode, env: Env): StaticKind {
  switch (e?.type) {
    case 'ArrayExpression': {
      const kinds: StaticKind[] = [];
      for (const x of e.elements) {
        if (x === null) kinds.push('nonPair');   // a hole reads as undefined
        else if (x.type === 'SpreadElement') kinds.push(elementsKind(x.argument, env));
        else kinds.push(valueKind(x, env));
      }
      return combineKinds(kinds);
    }
    case 'Literal': return typeof e.value === 'string' ? 'nonPair' : 'unknown';   // a string iterates as characters
    case 'TemplateLiteral': return 'nonPair';
    case 'LogicalExpression': return combineKinds([elementsKind(e.left, env), elementsKind(e.right, env)]);
    case 'ConditionalExpression': return combineKinds([elementsKind(e.consequent, env), elementsKind(e.alternate, env)]);
    case 'SequenceExpression': return elementsKind(e.expressions[e.expressions.length - 1], env);
    case 'ParenthesizedExpression': return elementsKind(e.expression, env);
    case 'Identifier': return env.get(e.name)?.elements ?? 'unknown';
    case 'CallExpression': {
      const c = e.callee;
      if (c.type !== 'MemberExpression') return 'unknown';
      const name = propName(c);
      if (!name) return 'unknown';
      if (c.object.type === 'Identifier' && c.object.name === 'Object' && !env.has('Object')) {
        if (name === 'entries') return 'pair';
        if (name === 'keys') return 'nonPair';
        return 'unknown';
      }
      if (name === 'split' || name === 'match' || name === 'matchAll') return name === 'matchAll' ? 'unknown' : 'nonPair';
      const cb = e.arguments[0];
      if (name === 'map' && isFunction(cb)) return functionKind(cb, env, { value: elementsKind(c.object, env), elements: 'unknown' }, 'record');
      if (name === 'flatMap' && isFunction(cb)) return functionKind(cb, env, { value: elementsKind(c.object, env), elements: 'unknown' }, 'records');
      if (SAME_ELEMENTS.has(name)) return elementsKind(c.object, env);
      return 'unknown';
    }
    default: return 'unknown';
  }
}

/** A statement list always ends in return or throw (so the function cannot fall off its end and return undefined). */
function alwaysLeaves(s: MaybeNode): boolean {
  if (!s) return false;
  if (s.type === 'ReturnStatement' || s.type === 'ThrowStatement') return true;
  if (s.type === 'BlockStatement') return s.body.some(alwaysLeaves);
  if (s.type === 'IfStatement') return alwaysLeaves(s.consequent) && alwaysLeaves(s.alternate);
  return false;
}

/** Collects `const x = ...` bindings and return arguments of a body, not descending into nested functions. */
function scanBody(body: AnyNode, env: Env, returns: (Expression | null | undefined)[]): void {
  const visit = (n: unknown): void => {
    if (!isAstNode(n) || isFunction(n) || n.type === 'FunctionDeclaration' || n.type === 'ClassDeclaration') return;
    if (n.type === 'ReturnStatement') { returns.push(n.argument); return; }
    if (n.type === 'VariableDeclaration') {
      for (const d of n.declarations) {
        if (d.id.type !== 'Identifier') continue;
        // Only a `const` binding keeps its initial value; anything else may be reassigned.
        env.set(d.id.name, n.kind === 'const' && d.init ? { value: valueKind(d.init, env), elements: elementsKind(d.init, env) } : UNKNOWN);
      }
    }
    for (const [k, v] of Object.entries(n)) {
      if (k === 'type' || k === 'start' || k === 'end' || k === 'loc' || k === 'range') continue;
      if (Array.isArray(v)) v.forEach(visit);
      else if (v && typeof v === 'object') visit(v);
    }
  };
  visit(body);
}

function functionKind(fn: FunctionNode, outer: Env, firstArg: Binding, returns: FnReturns): StaticKind {
  if (fn.async || fn.generator) return 'unknown';
  const env: Env = new Map(outer);
  fn.params.forEach((p, i) => {
    // Destructured and later parameters are shadowing names we know nothing about.
    for (const name of boundNames(p)) env.set(name, i === 0 && p.type === 'Identifier' ? firstArg : UNKNOWN);
  });
  const kindOf = (e: Expression | null | undefined) => (e === null ? 'nonPair' : returns === 'record' ? valueKind(e, env) : elementsKind(e, env));
  if (fn.body.type !== 'BlockStatement') return kindOf(fn.body);
  const found: (Expression | null | undefined)[] = [];
  scanBody(fn.body, env, found);
  const kinds = found.map((r) => kindOf(r));
  if (!alwaysLeaves(fn.body)) kinds.push(returns === 'record' ? 'nonPair' : 'unknown');   // falls off the end: undefined
  return combineKinds(kinds);
}

function boundNames(p: Pattern | null | undefined): string[] {
  switch (p?.type) {
    case 'Identifier': return [p.name];
    case 'AssignmentPattern': return boundNames(p.left);
    case 'RestElement': return boundNames(p.argument);
    case 'ArrayPattern': return p.elements.flatMap((x) => (x ? boundNames(x) : []));
    case 'ObjectPattern': return p.properties.flatMap((x) => boundNames(x.type === 'RestElement' ? x.argument : x.value));
    default: return [];
  }
}

function parseWhole(code: string): FunctionNode | undefined {
  const node = parseExpressionAt(code, 0, { ecmaVersion: 'latest' });
  // The whole text must be the function (no trailing code the engine would also see).
  return isFunction(node) && code.slice(node.end).trim().replace(/;$/, '') === '' ? node : undefined;
}

function parseFunction(source: string): FunctionNode | undefined {
  try { return parseWhole(source); } catch (e) {
    // Too deeply nested: stripping types would not help and is slow on such input.
    if (e instanceof Error && /stack/i.test(e.message)) return undefined;
  }
  try { return parseWhole(stripTypes(source)); } catch { return undefined; }   // TypeScript annotations
}

/**
 * Kind of the records a function produces, from its source text alone.
 * `arg` says what its first parameter is and `inputKind` the kind of the input records (so `x => x` keeps it).
 */
export function inferFunctionKind(source: string, opts: { arg: FnArg; returns: FnReturns; inputKind?: StaticKind }): StaticKind {
  // Validation runs on every edit: a huge or absurdly nested source is 'unknown' rather than slow.
  if (source.length > MAX_SOURCE_CHARS) return 'unknown';
  try {
    const fn = parseFunction(source);
    if (!fn) return 'unknown';
    const input = opts.inputKind ?? 'unknown';
    const first: Binding = opts.arg === 'record' ? { value: input, elements: 'unknown' }
      : opts.arg === 'records' ? { value: 'nonPair', elements: input } : UNKNOWN;
    return functionKind(fn, new Map(), first, opts.returns);
  } catch {
    return 'unknown';   // too deep for the walker's stack
  }
}

const MAX_SOURCE_CHARS = 20_000;

/** Kind of literal records (queueStream's batches): pair when every record is a 2-element array, nonPair when none is. */
export function inferDataKind(batches: unknown): StaticKind {
  if (!Array.isArray(batches)) return 'unknown';
  const records = batches.flatMap((b) => (Array.isArray(b) ? b : []));
  if (records.length === 0) return 'unknown';
  return combineKinds(records.map((r) => (Array.isArray(r) && r.length === 2 ? 'pair' : 'nonPair')));
}
