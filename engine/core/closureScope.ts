/**
 * Parsing a function's source text and finding its free variables (closure shipping, closure.ts).
 *
 * The source is parsed as strict-mode code (compiled functions run in strict mode), wrapped in
 * parentheses so that `function f() {}` is an expression and nothing can follow the function.
 * Object/class method shorthand (`foo(x) { ... }`, `async *gen() { ... }`, `static foo() {}`) is
 * rewritten to an anonymous function expression (a method does not bind its own name).
 *
 * Scoping follows the language: parameters (destructuring, defaults, rest), var (function-scoped)
 * and let/const/class/function declarations (block-scoped in strict code), catch parameters,
 * named function/class expressions binding their own name, `arguments` inside non-arrow functions.
 * Labels, property names, object keys, member properties and `new.target` are not references.
 *
 * Compiled TypeScript: a member access on a module namespace object that Vite SSR
 * (`__vite_ssr_import_3__.Some`), Vitest mocks (`__vi_import_0__.Some`) or esbuild
 * (`import_option.Some`) produced is reported under the imported name (`Some`), and when that name
 * is an engine shipped global it is rewritten to the bare name in the normalised source.
 */
import { parse } from 'acorn';
import type {
  AnonymousClassDeclaration, AnonymousFunctionDeclaration, AnyNode, ArrowFunctionExpression, ClassDeclaration, ClassExpression,
  Expression, FunctionDeclaration, FunctionExpression, Identifier, MemberExpression, Program, Statement, ModuleDeclaration,
} from 'acorn';
import { isAstNode, nodeFields } from './astNode';
import { errors, ShippedSyntaxError } from './errors';

/** The function literal a source parses to (a method is reparsed as a function expression). */
type FunctionNode = ArrowFunctionExpression | FunctionExpression;
/** Anything that opens a function scope. */
type AnyFunction = FunctionNode | FunctionDeclaration | AnonymousFunctionDeclaration;
type AnyClass = ClassDeclaration | AnonymousClassDeclaration | ClassExpression;

const MODULE_NAMESPACE = [/^__vite_ssr_import_\d+__$/, /^__vi_import_\d+__$/, /^import_[A-Za-z0-9_$]+$/];
export function isModuleNamespaceName(name: string): boolean { return MODULE_NAMESPACE.some((re) => re.test(name)); }

export interface FreeReference {
  name: string;
  /** First occurrence, in the input source: 0-based offset, 1-based line and column. */
  offset: number;
  line: number;
  column: number;
}

export interface FunctionAnalysis {
  /** The normalised source to ship: trimmed, methods rewritten, module namespace accesses to engine globals made bare. */
  source: string;
  kind: 'arrow' | 'function' | 'method';
  async: boolean;
  generator: boolean;
  /** Number of declared parameters, a rest parameter included (`(rdd, time) => ...` → 2). */
  arity: number;
  /** Free variable names, sorted and unique. */
  free: string[];
  /** First occurrence of each free variable, in source order. */
  references: FreeReference[];
  /** The source uses `import(...)`. */
  dynamicImport: boolean;
}

export interface AnalyzeOptions {
  /** Names that module namespace accesses may be rewritten to (the engine's shipped globals). */
  isShippedGlobal?: (name: string) => boolean;
  /** Used in error messages. */
  opName?: string;
}

const STRICT = '"use strict";';

interface ParseFailure { reason: string; offset: number }

function parseWrapped(text: string, prefix: string, suffix: string): { program: Program } | { failure: ParseFailure } {
  try {
    const program = parse(prefix + text + suffix, { ecmaVersion: 'latest', sourceType: 'script' });
    return { program };
  } catch (e) {
    const err = e as { pos?: number; message?: string };
    if (typeof err.pos !== 'number') throw e;
    const reason = String(err.message ?? 'Syntax error').replace(/\s*\(\d+:\d+\)\s*$/, '');
    return { failure: { reason, offset: Math.max(0, Math.min(text.length, err.pos - prefix.length)) } };
  }
}

export function lineColumn(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < source.length; i++) {
    if (source.charCodeAt(i) === 10) { line++; lineStart = i + 1; }
  }
  return { line, column: offset - lineStart + 1 };
}

function syntaxError(source: string, f: ParseFailure, opName?: string): ShippedSyntaxError {
  const { line, column } = lineColumn(source, f.offset);
  return new ShippedSyntaxError(f.reason, line, column, f.offset, opName);
}

function describeNode(node: AnyNode): string {
  switch (node.type) {
    case 'ClassExpression': return 'a class';
    case 'Identifier': return `the name '${node.name}'`;
    case 'Literal': return `the value ${node.raw}`;
    case 'SequenceExpression': return 'several expressions';
    case 'CallExpression': return 'a call, not a function';
    default: return `an expression (${node.type})`;
  }
}

const isFunctionNode = (n: AnyNode): n is FunctionNode => n.type === 'ArrowFunctionExpression' || n.type === 'FunctionExpression';
/** The expression of an expression statement (the wrapped source), else undefined. */
const expressionOf = (st: Statement | ModuleDeclaration | undefined): Expression | undefined => (st?.type === 'ExpressionStatement' ? st.expression : undefined);

/** Parses the source of one function; throws ShippedSyntaxError or a TypeError (not a function). */
function parseFunction(source: string, opName: string): { fn: FunctionNode; text: string; prefixLength: number; kind: FunctionAnalysis['kind']; toInput: (o: number) => number } {
  if (source.trim() === '') throw errors.sourceNotAFunction(opName, 'empty');
  const exprPrefix = `${STRICT}(`;
  const asExpr = parseWrapped(source, exprPrefix, '\n)');
  if ('program' in asExpr) {
    const body = asExpr.program.body;
    const fn = body.length === 2 ? expressionOf(body[1]) : undefined;
    if (!fn) throw errors.sourceNotAFunction(opName, 'several statements');
    if (!isFunctionNode(fn)) throw errors.sourceNotAFunction(opName, describeNode(fn));
    return { fn, text: source, prefixLength: exprPrefix.length, kind: fn.type === 'ArrowFunctionExpression' ? 'arrow' : 'function', toInput: (o) => o };
  }
  // Method shorthand, as Function.prototype.toString prints object and class methods.
  const staticMatch = /^\s*static\s+(?=[^\s(=])/.exec(source);
  const shift = staticMatch ? staticMatch[0].length : 0;
  const methodText = source.slice(shift);
  const methodPrefix = `${STRICT}({`;
  const asMethod = parseWrapped(methodText, methodPrefix, '\n})');
  if ('failure' in asMethod) {
    const m = { ...asMethod.failure, offset: asMethod.failure.offset + shift };
    throw syntaxError(source, m.offset > asExpr.failure.offset ? m : asExpr.failure, opName);
  }
  const obj = expressionOf(asMethod.program.body[1]);
  const props = obj?.type === 'ObjectExpression' ? obj.properties : [];
  const prop = props[0];
  if (props.length !== 1 || prop.type !== 'Property' || prop.value.type !== 'FunctionExpression' || !(prop.method || prop.kind !== 'init')) {
    throw syntaxError(source, asExpr.failure, opName);
  }
  if (prop.kind === 'get' || prop.kind === 'set') throw errors.accessorNotShippable(opName, prop.kind);
  const value = prop.value;
  const valueStart = value.start - methodPrefix.length; // in methodText
  const header = `${value.async ? 'async ' : ''}function${value.generator ? '*' : ''} `;
  const text = header + methodText.slice(valueStart, value.end - methodPrefix.length);
  const reparsed = parseWrapped(text, exprPrefix, '\n)');
  const toInput = (o: number) => Math.max(0, o - header.length) + valueStart + shift;
  if ('failure' in reparsed) {
    // e.g. `super` inside a method: report it at its place in the input.
    throw syntaxError(source, { reason: reparsed.failure.reason, offset: toInput(reparsed.failure.offset) }, opName);
  }
  const fn = expressionOf(reparsed.program.body[1]);
  // Unreachable: the reparsed text is `function …(…) {…}` taken from a method that parsed.
  if (!fn || !isFunctionNode(fn)) throw syntaxError(source, asExpr.failure, opName);
  return { fn, text, prefixLength: exprPrefix.length, kind: 'method', toInput };
}

class Scope {
  readonly names = new Set<string>();
  constructor(readonly parent: Scope | null, readonly isVarScope: boolean) {}
  resolves(name: string): boolean {
    for (let s: Scope | null = this; s; s = s.parent) if (s.names.has(name)) return true;
    return false;
  }
  varScope(): Scope {
    let s: Scope = this;
    while (!s.isVarScope && s.parent) s = s.parent;
    return s;
  }
}

interface Ref { node: Identifier; parent: AnyNode | null; scope: Scope }

/** Collects references and declarations; resolution happens after the walk (hoisting). */
class ScopeWalker {
  readonly refs: Ref[] = [];
  readonly parents = new Map<AnyNode, AnyNode | null>();
  dynamicImport = false;

  visit(node: AnyNode | null | undefined, scope: Scope, parent: AnyNode | null = null): void {
    if (!node) return;
    this.parents.set(node, parent);
    switch (node.type) {
      case 'Identifier': this.refs.push({ node, parent, scope }); return;
      case 'ThisExpression': case 'Super': case 'Literal': case 'MetaProperty': case 'TemplateElement':
      case 'PrivateIdentifier': case 'EmptyStatement': case 'DebuggerStatement':
      case 'BreakStatement': case 'ContinueStatement':
        return;
      case 'MemberExpression':
        this.visit(node.object, scope, node);
        if (node.computed) this.visit(node.property, scope, node);
        return;
      case 'Property': // in an object literal (patterns are handled by declare/assign)
        if (node.computed) this.visit(node.key, scope, node);
        this.visit(node.value, scope, node);
        return;
      case 'MethodDefinition': case 'PropertyDefinition':
        if (node.computed) this.visit(node.key, scope, node);
        this.visit(node.value, scope, node);
        return;
      case 'LabeledStatement': this.visit(node.body, scope, node); return;
      case 'FunctionDeclaration':
        if (node.id) scope.names.add(node.id.name);
        this.visitFunction(node, scope);
        return;
      case 'FunctionExpression': case 'ArrowFunctionExpression':
        this.visitFunction(node, scope);
        return;
      case 'ClassDeclaration':
        if (node.id) scope.names.add(node.id.name);
        this.visitClass(node, scope);
        return;
      case 'ClassExpression': this.visitClass(node, scope); return;
      case 'VariableDeclaration': {
        const target = node.kind === 'var' ? scope.varScope() : scope;
        for (const d of node.declarations) {
          this.declare(d.id, scope, target);
          this.visit(d.init, scope, d);
        }
        return;
      }
      case 'BlockStatement': this.visitAll(node.body, new Scope(scope, false), node); return;
      case 'StaticBlock': this.visitAll(node.body, new Scope(scope, true), node); return;
      case 'ForStatement': {
        const s = new Scope(scope, false);
        this.visit(node.init, s, node); this.visit(node.test, s, node); this.visit(node.update, s, node); this.visit(node.body, s, node);
        return;
      }
      case 'ForInStatement': case 'ForOfStatement': {
        const s = new Scope(scope, false);
        if (node.left.type === 'VariableDeclaration') this.visit(node.left, s, node); else this.assign(node.left, s);
        this.visit(node.right, s, node);
        this.visit(node.body, s, node);
        return;
      }
      case 'SwitchStatement': {
        this.visit(node.discriminant, scope, node);
        const s = new Scope(scope, false);
        for (const c of node.cases) { this.visit(c.test, s, c); this.visitAll(c.consequent, s, c); }
        return;
      }
      case 'TryStatement':
        this.visit(node.block, scope, node);
        if (node.handler) {
          const s = new Scope(scope, false);
          if (node.handler.param) this.declare(node.handler.param, s, s);
          this.visit(node.handler.body, s, node.handler);
        }
        this.visit(node.finalizer, scope, node);
        return;
      case 'AssignmentExpression':
        if (node.left.type === 'MemberExpression') this.visit(node.left, scope, node); else this.assign(node.left, scope);
        this.visit(node.right, scope, node);
        return;
      case 'ImportExpression':
        this.dynamicImport = true;
        this.visit(node.source, scope, node);
        this.visit(node.options, scope, node);
        return;
      default:
        for (const [key, v] of nodeFields(node)) {
          if (key === 'type' || key === 'start' || key === 'end' || key === 'loc' || key === 'range') continue;
          if (Array.isArray(v)) { for (const c of v) if (isAstNode(c)) this.visit(c, scope, node); } else if (isAstNode(v)) this.visit(v, scope, node);
        }
    }
  }

  private visitAll(nodes: readonly AnyNode[], scope: Scope, parent: AnyNode): void { for (const n of nodes) this.visit(n, scope, parent); }

  private visitFunction(fn: AnyFunction, outer: Scope): void {
    let s = outer;
    if (fn.type === 'FunctionExpression' && fn.id) { s = new Scope(outer, false); s.names.add(fn.id.name); }
    const params = new Scope(s, true);
    if (fn.type !== 'ArrowFunctionExpression') params.names.add('arguments');
    for (const p of fn.params) this.declare(p, params, params);
    if (fn.body.type === 'BlockStatement') this.visitAll(fn.body.body, new Scope(params, true), fn.body);
    else this.visit(fn.body, params, fn);
  }

  private visitClass(cls: AnyClass, outer: Scope): void {
    const inner = new Scope(outer, false);
    if (cls.id) inner.names.add(cls.id.name);
    this.visit(cls.superClass, inner, cls);
    for (const member of cls.body.body) this.visit(member, inner, cls.body);
  }

  /** A binding pattern: identifiers are declared in `target`; defaults and computed keys are expressions in `scope`. */
  private declare(p: AnyNode, scope: Scope, target: Scope): void {
    switch (p.type) {
      case 'Identifier': target.names.add(p.name); return;
      case 'ObjectPattern':
        for (const prop of p.properties) {
          if (prop.type === 'RestElement') { this.declare(prop.argument, scope, target); continue; }
          if (prop.computed) this.visit(prop.key, scope, prop);
          this.declare(prop.value, scope, target);
        }
        return;
      case 'ArrayPattern': for (const e of p.elements) if (e) this.declare(e, scope, target); return;
      case 'RestElement': this.declare(p.argument, scope, target); return;
      case 'AssignmentPattern': this.declare(p.left, scope, target); this.visit(p.right, scope, p); return;
      default: this.visit(p, scope, null);
    }
  }

  /** An assignment target: identifiers are references (writing a free variable is using it). */
  private assign(p: AnyNode, scope: Scope): void {
    switch (p.type) {
      case 'ObjectPattern':
        for (const prop of p.properties) {
          if (prop.type === 'RestElement') { this.assign(prop.argument, scope); continue; }
          if (prop.computed) this.visit(prop.key, scope, prop);
          this.assign(prop.value, scope);
        }
        return;
      case 'ArrayPattern': for (const e of p.elements) if (e) this.assign(e, scope); return;
      case 'RestElement': this.assign(p.argument, scope); return;
      case 'AssignmentPattern': this.assign(p.left, scope); this.visit(p.right, scope, p); return;
      default: this.visit(p, scope, null);
    }
  }
}

/**
 * The text range to replace for a module namespace access: the member expression itself, or the
 * whole `(0, ns.name)` of an indirect call (esbuild and Vite write imported calls that way).
 */
function unwrapIndirectCall(text: string, member: MemberExpression, parents: Map<AnyNode, AnyNode | null>, prefixLength: number): { start: number; end: number } {
  const range = { start: member.start - prefixLength, end: member.end - prefixLength };
  const seq = parents.get(member);
  if (seq?.type !== 'SequenceExpression' || seq.expressions.length !== 2 || seq.expressions[1] !== member) return range;
  const zero = seq.expressions[0];
  if (zero.type !== 'Literal' || zero.value !== 0) return range;
  const call = parents.get(seq);
  if (!call || !((call.type === 'CallExpression' && call.callee === seq) || (call.type === 'TaggedTemplateExpression' && call.tag === seq))) return range;
  let open = seq.start - prefixLength - 1;
  while (open >= 0 && /\s/.test(text[open])) open--;
  let close = seq.end - prefixLength;
  while (close < text.length && /\s/.test(text[close])) close++;
  if (text[open] !== '(' || text[close] !== ')') return range;
  return { start: open, end: close + 1 };
}

/**
 * Parses one function's source and finds its free variables. Throws ShippedSyntaxError (with line
 * and column) for a syntax error and a TypeError when the source is not a single function.
 */
export function analyzeFunctionSource(source: string, options: AnalyzeOptions = {}): FunctionAnalysis {
  const opName = options.opName ?? 'the operation';
  const isShipped = options.isShippedGlobal ?? (() => false);
  const { fn, text, prefixLength, kind, toInput } = parseFunction(source, opName);
  const walker = new ScopeWalker();
  walker.visit(fn, new Scope(null, true));

  const edits: { start: number; end: number; text: string }[] = [];
  const first = new Map<string, number>(); // name -> input offset
  for (const { node, parent, scope } of walker.refs) {
    const name = node.name;
    if (scope.resolves(name)) continue;
    let freeName = name;
    let at = node.start;
    if (isModuleNamespaceName(name) && parent?.type === 'MemberExpression' && parent.object === node && !parent.computed && parent.property.type === 'Identifier') {
      const prop = parent.property.name;
      freeName = prop === 'default' ? `${name}.default` : prop;
      at = parent.start;
      if (isShipped(prop) && !scope.resolves(prop)) edits.push({ ...unwrapIndirectCall(text, parent, walker.parents, prefixLength), text: prop });
    }
    const inputOffset = toInput(at - prefixLength);
    const prev = first.get(freeName);
    if (prev === undefined || inputOffset < prev) first.set(freeName, inputOffset);
  }
  let out = text;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);

  const references = [...first].map(([name, offset]) => ({ name, offset, ...lineColumn(source, offset) })).sort((a, b) => a.offset - b.offset);
  return {
    source: out.trim(),
    kind,
    async: Boolean(fn.async),
    generator: Boolean(fn.generator),
    arity: fn.params.length,
    free: [...first.keys()].sort(),
    references,
    dynamicImport: walker.dynamicImport,
  };
}
