/** The function translator's Python (PySpark) method table (see udf.ts for the walker, udfAst.ts for the contract). */
import type { IfStatement, Pattern, Statement } from 'acorn';
import { pyCommentLines, pyString, pyStringReadable } from './quote/python';
import {
  blockOf, callRules, fail, isFalsyLiteral, isRddish, isStringy, isSumReducer, nameOf, numberLiteralText, binaryOperators, patternElements, rules, stubParams,
  type Out, type UdfFunction, type UdfTarget, type UdfWalker,
} from './udfAst';

/** Python's precedences (higher binds tighter). */
const PY = { lambda: 1, cond: 2, or: 3, and: 4, not: 5, cmp: 6, bor: 7, bxor: 8, band: 9, shift: 10, add: 11, mul: 12, unary: 13, pow: 14, atom: 16 };

const PY_RESERVED = new Set(('False None True and as assert async await break class continue def del elif else except finally for from global if import in is ' +
  'lambda nonlocal not or pass raise return try while with yield sum len str int float max min abs any all list map re math functools').split(' '));

/** String literals go through the exporter's quoting modules (see quote/). */
const pythonString = pyStringReadable;

// Python's `==` shares its level with the other comparisons.
const BINARY = binaryOperators({ add: PY.add, mul: PY.mul, eq: PY.cmp, cmp: PY.cmp, and: PY.band, or: PY.bor, xor: PY.bxor, shift: PY.shift });

const o = (c: string, p = 99): Out => ({ c, p });
const atom = (t: UdfWalker, x: Out) => t.wrap(x, PY.atom);
const ident = (name: string) => (PY_RESERVED.has(name) ? `${name}_` : name);

/** Binds a destructuring pattern to index expressions on `base`. */
function bind(t: UdfWalker, p: Pattern, base: string): void {
  if (p.type === 'Identifier') { t.env.set(p.name, base); t.bound.add(p.name); t.records.delete(p.name); return; }
  patternElements(p).forEach((e, i) => bind(t, e, `${base}[${i}]`));
}

/** The name a parameter gets: its own, or a fresh one whose indexes the destructured names read. */
function paramName(t: UdfWalker, p: Pattern): string {
  if (p.type === 'Identifier') { t.bound.add(p.name); t.env.delete(p.name); t.records.delete(p.name); return ident(p.name); }
  const name = t.freshName(tupleName(p));
  bind(t, p, name);
  return name;
}

/** A destructured parameter's name: its one-letter leaves run together (`kv`), else `t`. */
function tupleName(p: Pattern): string {
  const leaves: string[] = [];
  const walk = (q: Pattern): void => { if (q.type === 'Identifier') leaves.push(q.name); else patternElements(q).forEach(walk); };
  walk(p);
  return leaves.every((l) => l.length === 1) && leaves.length <= 3 ? leaves.join('') : 't';
}

function lambda(t: UdfWalker, f: UdfFunction): Out {
  const params = f.params.map((p) => paramName(t, p));
  t.typeParams(f.params);
  if (f.body.type === 'BlockStatement') fail('block body inside an expression');
  const body = t.expr(f.body);
  return { c: `lambda${params.length ? ' ' + params.join(', ') : ''}: ${t.wrap(body, PY.lambda)}`, p: PY.lambda };
}

/** A block-bodied function as a def. */
function def(t: UdfWalker, f: UdfFunction, name: string): string {
  if (f.async || f.generator) fail('async or generator functions');
  for (const p of f.params) t.checkPattern(p);
  const params: string[] = [];
  const unpack: string[] = [];
  for (const p of f.params) {
    if (p.type === 'Identifier') { params.push(paramName(t, p)); continue; }
    const n = t.freshName(tupleName(p));
    params.push(n);
    unpack.push(`${target(p)} = ${n}`);
    t.bindPattern(p);
  }
  t.typeParams(f.params);
  const body = f.body.type === 'BlockStatement' ? statements(t, f.body.body) : [`return ${t.expr(f.body).c}`];
  return `def ${name}(${params.join(', ')}):\n${[...unpack, ...body].map((l) => '    ' + l).join('\n')}`;
}

/** An assignment (or for) target: `k`, `k, v`, `k, (a, b)`. */
function target(p: Pattern): string {
  if (p.type === 'Identifier') return ident(p.name);
  return patternElements(p).map((e) => (e.type === 'ArrayPattern' ? `(${target(e)})` : target(e))).join(', ');
}

function statements(t: UdfWalker, stmts: Statement[]): string[] {
  const out: string[] = [];
  for (const s of stmts) {
    if (s.type === 'VariableDeclaration') {
      for (const d of s.declarations) {
        const v = t.declaredValue(d);
        out.push(`${target(d.id)} = ${v}`);
      }
    } else if (s.type === 'ReturnStatement') {
      if (!s.argument) fail('return without a value');
      out.push(`return ${t.expr(s.argument).c}`);
    } else if (s.type === 'IfStatement') {
      let cur: IfStatement = s;
      let kw = 'if';
      for (;;) {
        out.push(`${kw} ${t.expr(cur.test).c}:`);
        const consequent = cur.consequent;
        out.push(...t.scoped(() => statements(t, blockOf(consequent))).map((l) => '    ' + l));
        const alternate = cur.alternate;
        if (!alternate) break;
        if (alternate.type === 'IfStatement') { cur = alternate; kw = 'elif'; continue; }
        out.push('else:');
        out.push(...t.scoped(() => statements(t, blockOf(alternate))).map((l) => '    ' + l));
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

function stub(source: string, name: string, reason: string): string {
  const params = (stubParams(source) ?? ['*args']).map((p) => p.replace(/\$/g, '_')).map((p) => (PY_RESERVED.has(p) ? `${p}_` : p));
  const lines = pyCommentLines(source.trim()).map((l) => `    #   ${l}`);
  return [
    `def ${name}(${params.join(', ')}):`,
    `    # TODO translate (${pyCommentLines(reason).join(' ')}) from TypeScript:`,
    ...lines,
    `    raise NotImplementedError(${pythonString(`TODO: translate ${name} from TypeScript`)})`,
  ].join('\n');
}

const STRING_CASE: Record<string, string> = { toLowerCase: 'lower', toUpperCase: 'upper', trim: 'strip' };

const methods = rules([
  ['split', (t, n, objN) => {
    const [sep] = t.args(n, 1, 1);
    const s = t.expr(objN);
    if (sep.type === 'Literal' && sep.regex) { t.imports.add('re'); return o(`re.split(${pythonString(sep.regex.pattern)}, ${s.c})`); }
    if (sep.type !== 'Literal' || typeof sep.value !== 'string') return fail('split with a computed separator');
    if (sep.value === '') return o(`list(${s.c})`);
    return o(`${atom(t, s)}.split(${pythonString(sep.value)})`);
  }],
  [['toLowerCase', 'toUpperCase', 'trim'], (t, n, objN, m) => {
    t.args(n, 0, 0);
    return o(`${atom(t, t.expr(objN))}.${STRING_CASE[m]}()`);
  }],
  [['startsWith', 'endsWith'], (t, n, objN, m) => {
    const [x] = t.args(n, 1, 1);
    const s = t.expr(objN);
    return o(`${atom(t, s)}.${m.toLowerCase()}(${t.expr(x).c})`);
  }],
  ['includes', (t, n, objN) => {
    const [x] = t.args(n, 1, 1);
    const s = t.expr(objN);
    const a = t.expr(x);
    return { c: `${t.wrap(a, PY.cmp + 1)} in ${t.wrap(s, PY.cmp + 1)}`, p: PY.cmp };
  }],
  ['replaceAll', (t, n, objN) => {
    const [a, b] = t.args(n, 2, 2);
    if (a.type !== 'Literal' || typeof a.value !== 'string') fail('replaceAll with a pattern');
    const s = t.expr(objN);
    return o(`${atom(t, s)}.replace(${t.expr(a).c}, ${t.expr(b).c})`);
  }],
  [['substring', 'slice'], (t, n, objN) => {
    const a = t.args(n, 1, 2).map((x) => t.expr(x).c);
    const s = t.expr(objN);
    return o(`${atom(t, s)}[${a[0]}:${a[1] ?? ''}]`);
  }],
  ['charAt', (t, n, objN) => {
    const [i] = t.args(n, 1, 1);
    const s = t.expr(objN);
    return o(`${atom(t, s)}[${t.expr(i).c}]`);
  }],
  ['toString', (t, n, objN) => {
    t.args(n, 0, 0);
    return o(`str(${t.expr(objN).c})`);
  }],
  ['join', (t, n, objN) => {
    // rdd.join(other) inside transform/transformWith is the pair-RDD join, not Array.prototype.join
    if (isRddish(objN) && n.arguments.length === 1) {
      const other = t.expr(n.arguments[0]).c;
      return o(`${atom(t, t.expr(objN))}.join(${other})`);
    }
    const [sep] = t.args(n, 0, 1);
    const s = t.expr(objN);
    const sp = sep ? t.expr(sep).c : "','";
    return o(`${sp}.join(map(str, ${s.c}))`);
  }],
  ['getOrElse', (t, n, objN) => {
    const [d] = t.args(n, 1, 1);
    const s = t.expr(objN);
    const dv = t.expr(d);
    if (isFalsyLiteral(d)) return o(`(${t.wrap(s, PY.or + 1)} or ${t.wrap(dv, PY.or + 1)})`);
    if (objN.type !== 'Identifier') fail('getOrElse on a complex expression');
    return o(`(${s.c} if ${s.c} is not None else ${t.wrap(dv, PY.cond)})`);
  }],
  ['get', (t, n, objN) => {
    t.args(n, 0, 0);
    return t.expr(objN);
  }],
  ['reduce', (t, n, objN) => {
    const [f, init] = t.args(n, 1, 2);
    const s = t.expr(objN);
    if (isSumReducer(f) && (!init || (init.type === 'Literal' && init.value === 0))) return o(`sum(${s.c})`);
    if (isSumReducer(f) && init && !isStringy(init)) {
      const iv = t.expr(init);
      return { c: `sum(${s.c}) + ${t.wrap(iv, PY.add + 1)}`, p: PY.add };
    }
    const fc = t.fnArg(f).c;
    t.imports.add('functools');
    return o(`functools.reduce(${fc}, ${s.c}${init ? `, ${t.expr(init).c}` : ''})`);
  }],
  [['sortBy', 'sortByKey', 'reduceByKey'], (t, n, objN, m) => {
    if (m === 'reduceByKey' && !isRddish(objN)) return fail('reduceByKey on something that is not an RDD');
    // RDD methods (inside transform): the same names and arguments in Scala and PySpark
    const a = t.args(n, 0, 3).map((x) => (x.type === 'ArrowFunctionExpression' || x.type === 'FunctionExpression' ? t.fn(x).c : t.expr(x).c));
    return o(`${atom(t, t.expr(objN))}.${m}(${a.join(', ')})`);
  }],
  [['map', 'filter', 'flatMap', 'some', 'every'], (t, n, objN, m) => {
    const [f] = t.args(n, 1, 1);
    const s = t.expr(objN);
    // PySpark keeps an RDD's own map, filter and flatMap; a list becomes a comprehension
    if (isRddish(objN) && m !== 'some' && m !== 'every') return o(`${atom(t, s)}.${m}(${t.fnArg(f).c})`);
    if ((f.type === 'ArrowFunctionExpression' || f.type === 'FunctionExpression') && f.params.length === 1 && f.body.type !== 'BlockStatement' && !f.async) {
      return t.scoped(() => {
        t.checkPattern(f.params[0]);
        const tgt = target(f.params[0]);
        t.bindPattern(f.params[0]);
        const body = t.expr(f.body).c;
        const it = t.wrap(s, PY.or);
        const v = t.freshName('y');
        switch (m) {
          case 'map': return o(`[${body} for ${tgt} in ${it}]`);
          case 'filter': return o(`[${tgt.includes(',') ? `(${tgt})` : tgt} for ${tgt} in ${it} if ${body}]`);
          case 'flatMap': return o(`[${v} for ${tgt} in ${it} for ${v} in ${body}]`);
          case 'some': return o(`any(${body} for ${tgt} in ${it})`);
          default: return o(`all(${body} for ${tgt} in ${it})`);
        }
      });
    }
    const fc = t.fnArg(f).c;
    if (m === 'map') return o(`list(map(${fc}, ${s.c}))`);
    if (m === 'filter') return o(`list(filter(${fc}, ${s.c}))`);
    return fail(`${m} with a function value`);
  }],
  ['concat', (t, n, objN) => {
    const [x] = t.args(n, 1, 1);
    const s = t.expr(objN);
    const a = t.expr(x);
    return { c: `${t.wrap(s, PY.add)} + ${t.wrap(a, PY.add + 1)}`, p: PY.add };
  }],
  // Spark's State[S] (mapWithState): PySpark has no mapWithState
  [['getOption', 'exists', 'remove', 'isTimingOut', 'update'], (_t, _n, _objN, m) => fail(`State.${m}() (PySpark has no mapWithState)`)],
]);

const mathCalls = callRules([
  [['max', 'min'], (t, n, m) => {
    const a = t.args(n, 2, 8).map((x) => t.expr(x).c);
    return { c: `${m}(${a.join(', ')})`, p: 99 };
  }],
  [['abs', 'sqrt', 'floor', 'ceil', 'round', 'log', 'exp'], (t, n, m) => {
    const [x] = t.args(n, 1, 1);
    const a = t.expr(x);
    if (m === 'abs') return { c: `abs(${a.c})`, p: 99 };
    t.imports.add('math');
    if (m === 'round') return { c: `math.floor(${t.wrap(a, PY.add)} + 0.5)`, p: 99 };
    return { c: `math.${m}(${a.c})`, p: 99 };
  }],
  ['pow', (t, n) => {
    const [x, y] = t.args(n, 2, 2);
    const a = t.expr(x);
    const b = t.expr(y);
    return { c: `${t.wrap(a, PY.pow + 1)} ** ${t.wrap(b, PY.pow)}`, p: PY.pow };
  }],
]);

const CONVERSIONS: Record<string, string> = { parseInt: 'int', parseFloat: 'float', Number: 'float', String: 'str' };

const globalCalls = callRules([
  ['Some', (t, n) => {
    const [x] = t.args(n, 1, 1);
    return t.expr(x);
  }],
  [['parseInt', 'parseFloat', 'Number', 'String'], (t, n, name) => {
    const [x] = t.args(n, 1, name === 'parseInt' ? 2 : 1);
    const radix = n.arguments[1];
    if (name === 'parseInt' && radix && !(radix.type === 'Literal' && radix.value === 10)) fail('parseInt with a radix');
    const a = t.expr(x);
    return { c: `${CONVERSIONS[name]}(${a.c})`, p: 99 };
  }],
]);

export const python: UdfTarget = {
  lang: 'python',
  atom: PY.atom,
  ident,
  lambda: (t, f) => lambda(t, f),
  nestedFunction(t, f) {
    if (f.body.type === 'BlockStatement') fail('a nested function with a block body');
    return t.fn(f);
  },
  literal(n) {
    const v = n.value;
    if (v === null) return { c: 'None', p: 99 };
    if (typeof v === 'string') return { c: pythonString(v), p: 99 };
    if (typeof v === 'boolean') return { c: v ? 'True' : 'False', p: 99 };
    if (typeof v === 'number') return { c: numberLiteralText(String(n.raw), v), p: 99 };
    return fail('literal');
  },
  knownName(n) {
    if (n.name === 'undefined') return { c: 'None', p: 99 };
    if (n.name === 'None') return { c: 'None', p: 99 };
    if (n.name === 'Infinity') return { c: "float('inf')", p: 99 };
    return undefined;
  },
  template(_t, parts) {
    const exprsOk = parts.every((p) => typeof p === 'string' || (!/['"\\{}]/.test(p.c) && !p.c.includes('lambda')));
    if (exprsOk) {
      const body = parts.map((p) => (typeof p === 'string' ? pyString(p, "'").slice(1, -1).replace(/\{/g, '{{').replace(/\}/g, '}}') : `{${p.c}}`)).join('');
      return { c: `f'${body}'`, p: 99 };
    }
    const terms = parts.map((p) => (typeof p === 'string' ? pythonString(p) : `str(${p.c})`));
    return { c: terms.length ? terms.join(' + ') : "''", p: terms.length > 1 ? PY.add : 99 };
  },
  array(items) {
    if (items.length === 1) return { c: `[${items[0]}]`, p: 99 };
    return { c: `(${items.join(', ')})`, p: 99 };   // a tuple is also an iterable
  },
  unary(t, n, a) {
    switch (n.operator) {
      case '!':
        if (a.p === PY.cmp && / in /.test(a.c) && n.argument.type === 'CallExpression' && n.argument.callee.type === 'MemberExpression' && nameOf(n.argument.callee) === 'includes') {
          return { c: a.c.replace(/ in (?=[^ ]*$)/, ' not in '), p: PY.cmp };
        }
        return { c: `not ${t.wrap(a, PY.not)}`, p: PY.not };
      case '-': return { c: `-${t.wrap(a, PY.unary)}`, p: PY.unary };
      case '+': return a;
      default: return fail(`operator ${n.operator}`);
    }
  },
  nullCompare: (t, other, negated) => ({ c: `${t.wrap(other, PY.cmp + 1)} is ${negated ? 'not ' : ''}None`, p: PY.cmp }),
  binary(t, n, l, r) {
    const op: string = n.operator;
    if (op === '**') return { c: `${t.wrap(l, PY.pow + 1)} ** ${t.wrap(r, PY.pow)}`, p: PY.pow };
    const b = BINARY[op] ?? fail(`operator ${op}`);
    let lc = t.wrap(l, b[1] === PY.cmp ? b[1] + 1 : b[1]);
    let rc = t.wrap(r, b[1] + 1);
    if (op === '+' && (isStringy(n.left) || isStringy(n.right))) {
      if (!isStringy(n.left)) lc = `str(${l.c})`;
      if (!isStringy(n.right)) rc = `str(${r.c})`;
    }
    return { c: `${lc} ${b[0]} ${rc}`, p: b[1] };
  },
  logical(t, n, l, r) {
    if (n.operator === '??') {
      if (n.left.type !== 'Identifier') fail('?? on a complex expression');
      return { c: `${l.c} if ${l.c} is not None else ${t.wrap(r, PY.cond)}`, p: PY.cond };
    }
    const p = n.operator === '&&' ? PY.and : PY.or;
    return { c: `${t.wrap(l, p)} ${n.operator === '&&' ? 'and' : 'or'} ${t.wrap(r, p + 1)}`, p };
  },
  conditional: (t, c, a, b) => ({ c: `${t.wrap(a, PY.cond + 1)} if ${t.wrap(c, PY.cond + 1)} else ${t.wrap(b, PY.cond)}`, p: PY.cond }),
  tupleIndex: (t, obj, index) => ({ c: `${t.wrap(obj, PY.atom)}[${index}]`, p: PY.atom }),
  index: (t, obj, i) => ({ c: `${t.wrap(obj, PY.atom)}[${i.c}]`, p: PY.atom }),
  mathConstant(t, prop) {
    if (prop === 'PI') { t.imports.add('math'); return { c: 'math.pi', p: 99 }; }
    if (prop === 'E') { t.imports.add('math'); return { c: 'math.e', p: 99 }; }
    return undefined;
  },
  property(t, obj, prop) {
    switch (prop) {
      case 'length':
      case 'size': return { c: `len(${obj.c})`, p: PY.atom };
      case 'isDefined': return { c: `${t.wrap(obj, PY.cmp + 1)} is not None`, p: PY.cmp };
      case 'isEmpty': return { c: `${t.wrap(obj, PY.cmp + 1)} is None`, p: PY.cmp };
      default: return undefined;
    }
  },
  methods,
  mathCalls,
  globalCalls,
  topLevel(t, f, name, paramTypes, returnsCollection) {
    if (f.body.type === 'BlockStatement') return { code: name, prelude: def(t, f, name) };
    return { code: t.fn(f, paramTypes, returnsCollection).c };
  },
  stub: (source, name, reason) => ({ code: name, prelude: stub(source, name, reason) }),
};
