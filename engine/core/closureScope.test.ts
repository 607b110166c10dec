import { describe, expect, test } from 'vitest';
import { analyzeFunctionSource, type FunctionAnalysis } from './closureScope';
import { freeVariables } from './closure';

/** [description, source, free variables (sorted)] */
const FREE_VARIABLE_CASES: [string, string, string[]][] = [
  ['identity arrow', 'x => x', []],
  ['one free variable', 'x => y', ['y']],
  ['two params', '(a, b) => a + b', []],
  ['named function expression binds its name', 'function fact(n) { return n <= 1 ? 1 : n * fact(n - 1) }', []],
  ['anonymous function expression', 'function (x) { return g(x) }', ['g']],
  ['destructuring params with defaults and rest', '({ a, b: [c, ...d] = e }, ...rest) => a + c + d + rest', ['e']],
  ['default param refers to an earlier param', '(a = b, c = a) => c', ['b']],
  ['closure inside a default', '(a = () => z) => a()', ['z']],
  ['default cannot see body vars', '(a = b) => { var b = 1; return a }', ['b']],
  ['function declarations are hoisted', '() => { const r = h(); function h() { return 1 } return r }', []],
  ['var is hoisted', '() => { x = 1; var x; return x }', []],
  ['let is block scoped', '() => { { let x = 1 } return x }', ['x']],
  ['var escapes blocks', '() => { { var x = 1 } return x }', []],
  ['block function declarations are block scoped (strict)', '() => { { function g() {} } return g() }', ['g']],
  ['let shadowing in an inner block', '() => { let x = 1; { let x = 2; } return x }', []],
  ['catch parameter', '() => { try { risky() } catch (e) { return e } }', ['risky']],
  ['catch parameter is not visible after the catch', '() => { try {} catch (e) {} return e }', ['e']],
  ['destructured catch parameter', '() => { try {} catch ({ message }) { return message + m2 } }', ['m2']],
  ['labels are not variables', '() => { outer: for (let i = 0; i < 3; i++) { for (;;) { continue outer } } }', []],
  ['a label does not declare its name', '() => { foo: while (true) { break foo } return foo }', ['foo']],
  ['member properties are not references', 'o => o.length + o.foo.bar', []],
  ['object keys are not references, shorthand values are', '() => ({ a: 1, b: c, d })', ['c', 'd']],
  ['computed keys are references', '() => ({ [k]: 1 })', ['k']],
  ['computed members are references', 'o => o[key]', ['key']],
  ['object methods', '() => ({ m() { return this.x } })', []],
  ['classes: extends, fields, private names, super', '() => { class A extends B { constructor() { super(); this.v = w } static s = A; #p = 1; get q() { return this.#p } } return new A() }', ['B', 'w']],
  ['a class expression name is bound inside only', '() => { const C = class D { f() { return D } }; return D }', ['D']],
  ['static blocks', '() => class { static { var s = 1; t = s } }', ['t']],
  ['this is not a variable', 'function () { return this.x }', []],
  ['arguments inside a function', 'function () { return arguments.length }', []],
  ['arguments in a top-level arrow is free', '() => arguments[0]', ['arguments']],
  ['arguments in an arrow inside a function', 'function () { return () => arguments[0] }', []],
  ['for-of with destructuring; assigning a free variable uses it', 'xs => { for (const [k, v] of xs) total += v; }', ['total']],
  ['for-in var is function scoped', 'o => { for (var k in o) {} return k }', []],
  ['for-let is loop scoped', '() => { for (let i = 0; i < 2; i++) {} return i }', ['i']],
  ['switch cases share a scope', 'x => { switch (x) { case a: let y = 1; return y; default: return z } }', ['a', 'z']],
  ['template literal', 'x => `${x}-${suffix}`', ['suffix']],
  ['tagged template', 'x => tag`a${x}`', ['tag']],
  ['new.target', 'function F() { return new.target }', []],
  ['typeof an undeclared name is still a use', '() => typeof window', ['window']],
  ['optional chaining', 'o => o?.a?.[b]?.(c)', ['b', 'c']],
  ['destructuring assignment to a free variable', 'o => { ({ a: out } = o) }', ['out']],
  ['destructuring assignment with a default', 'o => { let a; [a = dflt] = o; return a }', ['dflt']],
  ['update expression', '() => counter++', ['counter']],
  ['logical assignment', 'o => { acc ??= o }', ['acc']],
  ['generator function', 'function* (xs) { for (const x of xs) yield x * k }', ['k']],
  ['async arrow', 'async (x) => await load(x)', ['load']],
  ['async generator', 'async function* g(xs) { for await (const x of xs) yield x + off }', ['off']],
  ['nested params shadow', 'x => [1].map(x => x + y)', ['y']],
  ['sequence', '(x) => (x, y)', ['y']],
  ['spread', '(...xs) => [...xs, ...ys]', ['ys']],
  ['object rest param', '({ a, ...rest }) => rest', []],
  ['a param default may name the function itself', 'function f(a = f) { return a }', []],
  ['globals are free variables too', 'x => Math.max(x, Number.MAX_SAFE_INTEGER)', ['Math', 'Number']],
  ['method shorthand does not bind its name', 'foo(x) { return foo + x }', ['foo']],
  ['async generator method shorthand', 'async *gen(xs) { yield* xs.map(f) }', ['f']],
  ['static method source', 'static triple(x) { return x * k3 }', ['k3']],
  ['Vite SSR import of a name', '(x) => (0,__vite_ssr_import_1__.Some)(x)', ['Some']],
  ['Vitest mock import', '(x) => __vi_import_0__.helper(x)', ['helper']],
  ['esbuild import', 'x=>x>0?(0,import_option.Some)(x):import_option.None', ['None', 'Some']],
  ['esbuild default import', 'x => (0, import_fixture.default)(x)', ['import_fixture.default']],
  ['a bare module namespace', '() => __vite_ssr_import_2__', ['__vite_ssr_import_2__']],
  ['esbuild keepNames helper', '() => { const g = /* @__PURE__ */ __name((y) => y, "g"); return g }', ['__name']],
  ['comments and regexes', 'x => /a(b)c/.test(x) /* y */ // z', []],
  ['unicode identifiers', 'x => x + größe', ['größe']],
];

describe('freeVariables', () => {
  test.each(FREE_VARIABLE_CASES)('%s', (_d, source, expected) => {
    expect(freeVariables(source)).toEqual(expected);
  });
});

/** [source, expected normalised source] with Some/None registered as shipped globals. */
const NORMALISE_CASES: [string, string][] = [
  ['(x) => (0,__vite_ssr_import_1__.Some)(x)', '(x) => Some(x)'],
  ['(x) => ( 0 , __vite_ssr_import_1__.Some ) (x)', '(x) => Some (x)'],
  ['x=>x>0?(0,import_option.Some)(x):import_option.None', 'x=>x>0?Some(x):None'],
  ['(x) => __vite_ssr_import_3__.Some.name', '(x) => Some.name'],
  ['(x) => (0, __vite_ssr_import_1__.helper)(x)', '(x) => (0, __vite_ssr_import_1__.helper)(x)'],
  ['(Some) => __vite_ssr_import_1__.Some(1)', '(Some) => __vite_ssr_import_1__.Some(1)'],
  ['  foo(x) { return x }  ', 'function (x) { return x }'],
  ['async *gen(xs) { yield* xs }', 'async function* (xs) { yield* xs }'],
  ['static m(a) { return a }', 'function (a) { return a }'],
];

describe('normalised source', () => {
  const isShippedGlobal = (n: string) => n === 'Some' || n === 'None';
  test.each(NORMALISE_CASES)('%s', (source, expected) => {
    expect(analyzeFunctionSource(source, { isShippedGlobal }).source).toBe(expected);
  });
});

describe('references carry positions', () => {
  test('first occurrence, 1-based line and column, in the input', () => {
    const a = analyzeFunctionSource('x => {\n  const y = a + b;\n  return a + x;\n}');
    expect(a.references).toEqual([
      { name: 'a', offset: 19, line: 2, column: 13 },
      { name: 'b', offset: 23, line: 2, column: 17 },
    ]);
  });
  test('positions inside a rewritten method point into the original text', () => {
    const a = analyzeFunctionSource('static foo(x) {\n  return zz }');
    expect(a.references).toEqual([{ name: 'zz', offset: 25, line: 2, column: 10 }]);
    expect(a.kind).toBe('method');
  });
});

describe('function facts', () => {
  const CASES: [string, Pick<FunctionAnalysis, 'kind' | 'async' | 'generator' | 'arity'>][] = [
    ['(rdd, time) => 1', { kind: 'arrow', async: false, generator: false, arity: 2 }],
    ['async x => x', { kind: 'arrow', async: true, generator: false, arity: 1 }],
    ['function* (it) { yield* it }', { kind: 'function', async: false, generator: true, arity: 1 }],
    ['async *m(a, b = 1, ...c) {}', { kind: 'method', async: true, generator: true, arity: 3 }],
    ['function () {}', { kind: 'function', async: false, generator: false, arity: 0 }],
  ];
  test.each(CASES)('%s', (source, expected) => {
    expect(analyzeFunctionSource(source)).toMatchObject(expected);
  });
});
