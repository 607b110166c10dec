/** The function translator's Scala method table (see udf.ts for the walker, udfAst.ts for the contract). */
import type { ArrayExpression, Pattern, Statement } from 'acorn';
import { scalaBlockCommentLines, scalaString } from './quote/scala';
import { UNSAFE_CHAR } from './quote/text';
import {
  alwaysReturns, arrayItems, blockOf, callRules, fail, indent, isFloatLiteral, isRddish, isSumReducer, isStringy, numberLiteralText, binaryOperators,
  paramName, patternElements, REGEX_META, rules, stubParams, type Out, type UdfFunction, type UdfTarget, type UdfWalker,
} from './udfAst';

/** Scala's precedences (higher binds tighter). */
const SC = { lambda: 0, cond: 1, or: 2, xor: 3, and: 4, eq: 5, cmp: 6, add: 8, mul: 9, unary: 10, atom: 12 };

const SCALA_RESERVED = new Set(('abstract case catch class def do else extends false final finally for forSome if implicit import lazy macro match new null object ' +
  'override package private protected return sealed super this throw trait try true type val var while with yield').split(' '));

// Scala ranks an operator by its first character, so `<<` and `>>` bind as `<` and `>` do.
const BINARY = binaryOperators({ add: SC.add, mul: SC.mul, eq: SC.eq, cmp: SC.cmp, and: SC.and, or: SC.or, xor: SC.xor, shift: SC.cmp });

const o = (c: string, p = 99): Out => ({ c, p });
const atom = (t: UdfWalker, x: Out) => t.wrap(x, SC.atom);
const ident = (name: string) => (SCALA_RESERVED.has(name) ? `\`${name}\`` : name);

function pattern(p: Pattern): string {
  if (p.type === 'Identifier') return ident(p.name);
  return `(${patternElements(p).map((e) => pattern(e)).join(', ')})`;
}

/** An array literal as a Scala Seq, whatever its length (a function's collection result). */
function seq(t: UdfWalker, n: ArrayExpression): Out {
  return { c: `Seq(${arrayItems(n).map((e) => t.expr(e).c).join(', ')})`, p: 99 };
}

function lambda(t: UdfWalker, f: UdfFunction, paramTypes: (string | undefined)[] | undefined, returnsCollection: boolean): Out {
  for (const p of f.params) t.bindPattern(p);
  t.typeParams(f.params);
  const destructures = f.params.some((p) => p.type !== 'Identifier');
  const body = f.body.type === 'BlockStatement' ? block(t, f.body.body) : null;
  const expr = body ? null : returnsCollection && f.body.type === 'ArrayExpression' ? seq(t, f.body) : t.expr(f.body);
  if (destructures) {
    const head = f.params.length === 1 ? pattern(f.params[0]) : `(${f.params.map((p) => pattern(p)).join(', ')})`;
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
  const names = f.params.map((p, i) => ident(paramName(p)) + (paramTypes?.[i] ? `: ${paramTypes[i]}` : ''));
  const typed = names.some((n: string) => n.includes(':'));
  const head = names.length === 1 && !typed ? names[0] : `(${names.join(', ')})`;
  if (body) return { c: `{ ${head} =>\n${indent(body, '  ')}\n}`, p: SC.atom };
  return { c: `${head} => ${expr!.c}`, p: SC.lambda };
}

/** Statements → a Scala block's lines (last line is the value). */
function block(t: UdfWalker, stmts: Statement[]): string {
  const lines: string[] = [];
  for (let i = 0; i < stmts.length; i++) {
    const s = stmts[i];
    if (s.type === 'VariableDeclaration') {
      for (const d of s.declarations) {
        const v = t.declaredValue(d);
        lines.push(`val ${pattern(d.id)} = ${v}`);
      }
    } else if (s.type === 'ReturnStatement') {
      if (!s.argument) fail('return without a value');
      lines.push(t.expr(s.argument).c);
      return lines.join('\n');
    } else if (s.type === 'IfStatement') {
      const cons = blockOf(s.consequent);
      const alt = s.alternate ? blockOf(s.alternate) : stmts.slice(i + 1);
      if (!alwaysReturns(cons) || !alwaysReturns(alt)) fail('if without a value on every path');
      const c = t.expr(s.test).c;
      const a = t.scoped(() => block(t, cons));
      const b = t.scoped(() => block(t, alt));
      const oneLine = !a.includes('\n') && !b.includes('\n') && a.length + b.length + c.length < 70;
      lines.push(oneLine ? `if (${c}) ${a} else ${b}` : `if (${c}) {\n${indent(a, '  ')}\n} else {\n${indent(b, '  ')}\n}`);
      return lines.join('\n');
    } else if (s.type === 'ExpressionStatement' && s.expression.type === 'CallExpression') {
      lines.push(t.expr(s.expression).c);
    } else if (s.type === 'EmptyStatement') {
      continue;
    } else {
      fail(`statement ${s.type}`);
    }
  }
  return fail('a function body without a return value');
}

function stub(source: string, reason: string): string {
  const params = stubParams(source) ?? ['x'];
  const safe = scalaBlockCommentLines(source.trim());
  const why = scalaBlockCommentLines(reason).join(' ');
  const head = params.length === 1 ? params[0] : `(${params.join(', ')})`;
  const named = head.replace(/[A-Za-z_$][\w$]*/g, (p) => (SCALA_RESERVED.has(p) ? `\`${p}\`` : p.replace(/\$/g, '_')));
  if (safe.length === 1) return `{ ${named} => ??? /* TODO translate (${why}): ${safe[0]} */ }`;
  return `{ ${named} =>\n  ??? /* TODO translate (${why}) from TypeScript:\n${indent(safe.join('\n'), '     ')}\n  */\n}`;
}

const methods = rules([
  ['split', (t, n, objN) => {
    const [sep] = t.args(n, 1, 1);
    const s = t.expr(objN);
    if (sep.type === 'Literal' && sep.regex) return o(`${atom(t, s)}.split(${scalaString(sep.regex.pattern)})`);
    if (sep.type !== 'Literal' || typeof sep.value !== 'string') return fail('split with a computed separator');
    if (sep.value === '') return o(`${atom(t, s)}.split("")`);
    return o(`${atom(t, s)}.split(${scalaString(sep.value.replace(REGEX_META, '\\$&'))})`);
  }],
  [['toLowerCase', 'toUpperCase', 'trim'], (t, n, objN, m) => {
    t.args(n, 0, 0);
    return o(`${atom(t, t.expr(objN))}.${m}`);
  }],
  [['startsWith', 'endsWith'], (t, n, objN, m) => {
    const [x] = t.args(n, 1, 1);
    const s = t.expr(objN);
    return o(`${atom(t, s)}.${m}(${t.expr(x).c})`);
  }],
  ['includes', (t, n, objN) => {
    const [x] = t.args(n, 1, 1);
    const s = t.expr(objN);
    return o(`${atom(t, s)}.contains(${t.expr(x).c})`);
  }],
  ['replaceAll', (t, n, objN) => {
    const [a, b] = t.args(n, 2, 2);
    if (a.type !== 'Literal' || typeof a.value !== 'string') fail('replaceAll with a pattern');
    const s = t.expr(objN);
    return o(`${atom(t, s)}.replace(${t.expr(a).c}, ${t.expr(b).c})`);
  }],
  [['substring', 'slice'], (t, n, objN, m) => {
    const a = t.args(n, 1, 2).map((x) => t.expr(x).c);
    const s = t.expr(objN);
    if (m === 'substring') return o(`${atom(t, s)}.substring(${a.join(', ')})`);
    return o(a.length === 2 ? `${atom(t, s)}.slice(${a.join(', ')})` : `${atom(t, s)}.drop(${a[0]})`);
  }],
  ['charAt', (t, n, objN) => {
    const [i] = t.args(n, 1, 1);
    const s = t.expr(objN);
    return o(`${atom(t, s)}.charAt(${t.expr(i).c}).toString`);
  }],
  ['toString', (t, n, objN) => {
    t.args(n, 0, 0);
    return o(`${atom(t, t.expr(objN))}.toString`);
  }],
  ['join', (t, n, objN) => {
    // rdd.join(other) inside transform/transformWith is the pair-RDD join, not Array.prototype.join
    if (isRddish(objN) && n.arguments.length === 1) {
      const other = t.expr(n.arguments[0]).c;
      return o(`${atom(t, t.expr(objN))}.join(${other})`);
    }
    const [sep] = t.args(n, 0, 1);
    const s = t.expr(objN);
    const sp = sep ? t.expr(sep).c : '","';
    return o(`${atom(t, s)}.mkString(${sp})`);
  }],
  ['getOrElse', (t, n, objN) => {
    const [d] = t.args(n, 1, 1);
    const s = t.expr(objN);
    const dv = t.expr(d);
    return o(`${atom(t, s)}.getOrElse(${dv.c})`);
  }],
  ['get', (t, n, objN) => {
    t.args(n, 0, 0);
    return o(`${atom(t, t.expr(objN))}.get`);
  }],
  ['reduce', (t, n, objN) => {
    const [f, init] = t.args(n, 1, 2);
    const s = t.expr(objN);
    if (isSumReducer(f) && (!init || (init.type === 'Literal' && init.value === 0))) return o(`${atom(t, s)}.sum`);
    if (isSumReducer(f) && init && !isStringy(init)) {
      const iv = t.expr(init);
      return { c: `${atom(t, s)}.sum + ${t.wrap(iv, SC.add + 1)}`, p: SC.add };
    }
    const fc = t.fnArg(f).c;
    return o(init ? `${atom(t, s)}.foldLeft(${t.expr(init).c})(${fc})` : `${atom(t, s)}.reduce(${fc})`);
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
    const name = ({ map: 'map', filter: 'filter', flatMap: 'flatMap', some: 'exists', every: 'forall' } as Record<string, string>)[m];
    const fc = t.fnArg(f);
    return o(fc.c.startsWith('{') ? `${atom(t, s)}.${name} ${fc.c}` : `${atom(t, s)}.${name}(${fc.c})`);
  }],
  ['concat', (t, n, objN) => {
    const [x] = t.args(n, 1, 1);
    const s = t.expr(objN);
    const a = t.expr(x);
    return { c: `${t.wrap(s, SC.add)} ++ ${t.wrap(a, SC.add + 1)}`, p: SC.add };
  }],
  [['getOption', 'exists', 'remove', 'isTimingOut', 'update'], (t, n, objN, m) => {
    // Spark's State[S] (mapWithState): the same names in Scala
    const a = t.args(n, m === 'update' ? 1 : 0, m === 'update' ? 1 : 0).map((x) => t.expr(x).c);
    const s = t.expr(objN);
    return o(`${atom(t, s)}.${m}${m === 'update' ? `(${a[0]})` : m === 'remove' ? '()' : ''}`);
  }],
]);

const mathCalls = callRules([
  [['max', 'min'], (t, n, m) => {
    const a = t.args(n, 2, 8).map((x) => t.expr(x).c);
    return { c: a.slice(1).reduce((acc, x) => `math.${m}(${acc}, ${x})`, a[0]), p: 99 };
  }],
  [['abs', 'sqrt', 'floor', 'ceil', 'round', 'log', 'exp'], (t, n, m) => {
    const [x] = t.args(n, 1, 1);
    return { c: `math.${m}(${t.expr(x).c})`, p: 99 };
  }],
  ['pow', (t, n) => {
    const [x, y] = t.args(n, 2, 2);
    const a = t.expr(x);
    const b = t.expr(y);
    return { c: `math.pow(${a.c}, ${b.c})`, p: 99 };
  }],
]);

const CONVERSIONS: Record<string, string> = { parseInt: 'toInt', parseFloat: 'toDouble', Number: 'toDouble', String: 'toString' };

const globalCalls = callRules([
  ['Some', (t, n) => {
    const [x] = t.args(n, 1, 1);
    return { c: `Some(${t.expr(x).c})`, p: 99 };
  }],
  [['parseInt', 'parseFloat', 'Number', 'String'], (t, n, name) => {
    const [x] = t.args(n, 1, name === 'parseInt' ? 2 : 1);
    const radix = n.arguments[1];
    if (name === 'parseInt' && radix && !(radix.type === 'Literal' && radix.value === 10)) fail('parseInt with a radix');
    const a = t.expr(x);
    return { c: `${t.wrap(a, SC.atom)}.${CONVERSIONS[name]}`, p: 99 };
  }],
]);

export const scala: UdfTarget = {
  lang: 'scala',
  atom: SC.atom,
  ident,
  lambda,
  nestedFunction: (t, f) => t.fn(f),
  literal(n) {
    const v = n.value;
    if (v === null) return { c: 'null', p: 99 };
    if (typeof v === 'string') return { c: scalaString(v), p: 99 };
    if (typeof v === 'boolean') return { c: String(v), p: 99 };
    if (typeof v === 'number') {
      const raw = String(n.raw);
      const text = numberLiteralText(raw, v);
      if (text === raw && Number.isInteger(v) && Math.abs(v) > 2147483647) return { c: `${raw}L`, p: 99 };
      return { c: text, p: 99 };
    }
    return fail('literal');
  },
  knownName(n) {
    if (n.name === 'undefined') return { c: 'null', p: 99 };
    if (n.name === 'None') return { c: 'None', p: 99 };
    if (n.name === 'Infinity') return { c: 'Double.PositiveInfinity', p: 99 };
    return undefined;
  },
  template(t, parts) {
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
    const terms = parts.map((p) => (typeof p === 'string' ? scalaString(p) : t.wrap(p, SC.add + 1)));
    if (typeof parts[0] !== 'string') terms.unshift('""');
    return { c: terms.join(' + '), p: SC.add };
  },
  array(items) {
    if (items.length === 2 || items.length === 3) return { c: `(${items.join(', ')})`, p: 99 };
    return { c: `Seq(${items.join(', ')})`, p: 99 };
  },
  unary(t, n, a) {
    switch (n.operator) {
      case '!': return { c: `!${t.wrap(a, SC.unary + 1)}`, p: SC.unary };
      case '-': return { c: `-${t.wrap(a, SC.unary + 1)}`, p: SC.unary };
      case '+': return a;
      default: return fail(`operator ${n.operator}`);
    }
  },
  nullCompare: (t, other, negated) => ({ c: `${t.wrap(other, SC.eq + 1)} ${negated ? '!=' : '=='} null`, p: SC.eq }),
  binary(t, n, l, r) {
    const op: string = n.operator;
    if (op === '**') return { c: `math.pow(${l.c}, ${r.c})`, p: SC.atom };
    const b = BINARY[op] ?? fail(`operator ${op}`);
    let lc = t.wrap(l, b[1] === SC.eq || b[1] === SC.cmp ? b[1] + 1 : b[1]);
    const rc = t.wrap(r, b[1] + 1);
    // JS division is always floating point; Scala's Int / Int is not
    if (op === '/' && !isFloatLiteral(n.left) && !isFloatLiteral(n.right)) lc = `${t.wrap(l, SC.atom)}.toDouble`;
    return { c: `${lc} ${b[0]} ${rc}`, p: b[1] };
  },
  logical(t, n, l, r) {
    if (n.operator === '??') return { c: `Option(${l.c}).getOrElse(${r.c})`, p: SC.atom };
    const p = n.operator === '&&' ? SC.and : SC.or;
    return { c: `${t.wrap(l, p)} ${n.operator} ${t.wrap(r, p + 1)}`, p };
  },
  conditional: (t, c, a, b) => ({ c: `if (${c.c}) ${t.wrap(a, SC.cond + 1)} else ${t.wrap(b, SC.cond)}`, p: SC.cond }),
  tupleIndex: (t, obj, index) => ({ c: `${t.wrap(obj, SC.atom)}._${index + 1}`, p: SC.atom }),
  index: (t, obj, i) => ({ c: `${t.wrap(obj, SC.atom)}(${i.c})`, p: SC.atom }),
  mathConstant(_t, prop) {
    if (prop === 'PI') return { c: 'math.Pi', p: 99 };
    if (prop === 'E') return { c: 'math.E', p: 99 };
    return undefined;
  },
  property(t, obj, prop) {
    switch (prop) {
      case 'length':
      case 'size': return { c: `${t.wrap(obj, SC.atom)}.size`, p: SC.atom };
      case 'isDefined': return { c: `${t.wrap(obj, SC.atom)}.isDefined`, p: SC.atom };
      case 'isEmpty': return { c: `${t.wrap(obj, SC.atom)}.isEmpty`, p: SC.atom };
      default: return undefined;
    }
  },
  methods,
  mathCalls,
  globalCalls,
  topLevel: (t, f, _name, paramTypes, returnsCollection) => ({ code: t.fn(f, paramTypes, returnsCollection).c }),
  stub: (source, _name, reason) => ({ code: stub(source, reason) }),
};
