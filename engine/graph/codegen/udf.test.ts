import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { translateUdf } from './udf';

/** TODO: the translation must be a marked stub (exact: false) that keeps the original source. */
const TODO = Symbol('TODO');
interface Case { ts: string; scala: string | typeof TODO; python: string | typeof TODO; imports?: string[] }

// python: a lambda, or (for block bodies) the whole `def f(...)` that the exporter hoists
const cases: Case[] = [
  { ts: "l => l.split(' ')",
    scala: "l => l.split(\" \")",
    python: "lambda l: l.split(' ')" },
  { ts: "w => [w, 1] as [string, number]",
    scala: "w => (w, 1)",
    python: "lambda w: (w, 1)" },
  { ts: "(a, b) => a + b",
    scala: "(a, b) => a + b",
    python: "lambda a, b: a + b" },
  { ts: "(a: number, b: number) => a - b",
    scala: "(a, b) => a - b",
    python: "lambda a, b: a - b" },
  { ts: "([k, v]) => v > 0",
    scala: "{ case (k, v) => v > 0 }",
    python: "lambda kv: kv[1] > 0" },
  { ts: "(values, state) => Some(values.reduce((a, b) => a + b, state.getOrElse(0)))",
    scala: "(values, state) => Some(values.sum + state.getOrElse(0))",
    python: "lambda values, state: sum(values) + (state or 0)" },
  { ts: "(values, state) => Some(values.reduce((a, b) => a + b, 0))",
    scala: "(values, state) => Some(values.sum)",
    python: "lambda values, state: sum(values)" },
  { ts: "t => t.split(' ').filter(w => w.startsWith('#'))",
    scala: "t => t.split(\" \").filter(w => w.startsWith(\"#\"))",
    python: "lambda t: [w for w in t.split(' ') if w.startswith('#')]" },
  { ts: "p => p[1]",
    scala: "p => p._2",
    python: "lambda p: p[1]" },
  { ts: "x => x.length > 0",
    scala: "x => x.size > 0",
    python: "lambda x: len(x) > 0" },
  { ts: "x => x % 2 === 0 ? 'even' : 'odd'",
    scala: "x => if (x % 2 == 0) \"even\" else \"odd\"",
    python: "lambda x: 'even' if x % 2 == 0 else 'odd'" },
  { ts: "w => `word: ${w}!`",
    scala: "w => s\"word: $w!\"",
    python: "lambda w: f'word: {w}!'" },
  { ts: "l => l.toLowerCase()",
    scala: "l => l.toLowerCase",
    python: "lambda l: l.lower()" },
  { ts: "l => l.toUpperCase().trim()",
    scala: "l => l.toUpperCase.trim",
    python: "lambda l: l.upper().strip()" },
  { ts: "w => w.endsWith('ing')",
    scala: "w => w.endsWith(\"ing\")",
    python: "lambda w: w.endswith('ing')" },
  { ts: "x => x !== 'a'",
    scala: "x => x != \"a\"",
    python: "lambda x: x != 'a'" },
  { ts: "x => !x.includes('a') && x.length < 3 || x === 'z'",
    scala: "x => !x.contains(\"a\") && x.size < 3 || x == \"z\"",
    python: "lambda x: 'a' not in x and len(x) < 3 or x == 'z'" },
  { ts: "(c, v) => [c[0] + v, c[1] + 1]",
    scala: "(c, v) => (c._1 + v, c._2 + 1)",
    python: "lambda c, v: (c[0] + v, c[1] + 1)" },
  { ts: "v => String(v).split(' ')",
    scala: "v => v.toString.split(\" \")",
    python: "lambda v: str(v).split(' ')" },
  { ts: "x => -(x + 1) * 2",
    scala: "x => -(x + 1) * 2",
    python: "lambda x: -(x + 1) * 2" },
  { ts: "([k, [a, b]]) => [k, a / b]",
    scala: "{ case (k, (a, b)) => (k, a.toDouble / b) }",
    python: "lambda kab: (kab[0], kab[1][0] / kab[1][1])" },
  { ts: "l => l.split('.')",
    scala: "l => l.split(\"\\\\.\")",
    python: "lambda l: l.split('.')" },
  { ts: "l => l.split(/\\s+/)",
    scala: "l => l.split(\"\\\\s+\")",
    python: "lambda l: re.split('\\\\s+', l)", imports: ["re"] },
  { ts: "x => Math.max(x, 0)",
    scala: "x => math.max(x, 0)",
    python: "lambda x: max(x, 0)" },
  { ts: "x => Math.abs(x - 10)",
    scala: "x => math.abs(x - 10)",
    python: "lambda x: abs(x - 10)" },
  { ts: "x => Math.floor(x / 2)",
    scala: "x => math.floor(x.toDouble / 2)",
    python: "lambda x: math.floor(x / 2)", imports: ["math"] },
  { ts: "(a, b) => Math.min(a, b)",
    scala: "(a, b) => math.min(a, b)",
    python: "lambda a, b: min(a, b)" },
  { ts: "x => (x + 1) * (x - 1)",
    scala: "x => (x + 1) * (x - 1)",
    python: "lambda x: (x + 1) * (x - 1)" },
  { ts: "s => s.isDefined ? s.get() : 0",
    scala: "s => if (s.isDefined) s.get else 0",
    python: "lambda s: s if s is not None else 0" },
  { ts: "(vs, s) => vs.length === 0 ? s : Some(vs.length)",
    scala: "(vs, s) => if (vs.size == 0) s else Some(vs.size)",
    python: "lambda vs, s: s if len(vs) == 0 else len(vs)" },
  { ts: "(vs, s) => { const total = vs.reduce((a, b) => a + b, 0); if (total === 0) return None; return Some(total + s.getOrElse(0)); }",
    scala: "{ (vs, s) =>\n  val total = vs.sum\n  if (total == 0) None else Some(total + s.getOrElse(0))\n}",
    python: "def f(vs, s):\n    total = sum(vs)\n    if total == 0:\n        return None\n    return total + (s or 0)" },
  { ts: "w => w + '!'",
    scala: "w => w + \"!\"",
    python: "lambda w: str(w) + '!'" },
  { ts: "n => 'n=' + n",
    scala: "n => \"n=\" + n",
    python: "lambda n: 'n=' + str(n)" },
  { ts: "([w, c]) => `${w}: ${c}`",
    scala: "{ case (w, c) => s\"$w: $c\" }",
    python: "lambda wc: f'{wc[0]}: {wc[1]}'" },
  { ts: "x => x > 1 && x < 10",
    scala: "x => x > 1 && x < 10",
    python: "lambda x: x > 1 and x < 10" },
  { ts: "x => parseInt(x)",
    scala: "x => x.toInt",
    python: "lambda x: int(x)" },
  { ts: "xs => xs.map(x => x * 2)",
    scala: "xs => xs.map(x => x * 2)",
    python: "lambda xs: [x * 2 for x in xs]" },
  { ts: "([k, vs]) => [k, vs.map(v => v + 1).join(',')]",
    scala: "{ case (k, vs) => (k, vs.map(v => v + 1).mkString(\",\")) }",
    python: "lambda t: (t[0], ','.join(map(str, [v + 1 for v in t[1]])))" },
  { ts: "x => x ?? 0",
    scala: "x => Option(x).getOrElse(0)",
    python: "lambda x: x if x is not None else 0" },
  { ts: "(a, b) => a * b + 1",
    scala: "(a, b) => a * b + 1",
    python: "lambda a, b: a * b + 1" },
  { ts: "x => [x, x.length, true]",
    scala: "x => (x, x.size, true)",
    python: "lambda x: (x, len(x), True)" },
  { ts: "x => null",
    scala: "x => null",
    python: "lambda x: None" },
  { ts: "x => x === undefined",
    scala: "x => x == null",
    python: "lambda x: x is None" },
  { ts: "(word, one, state) => { const sum = one.getOrElse(0) + state.getOption().getOrElse(0); state.update(sum); return [word, sum]; }",
    scala: "{ (word, one, state) =>\n  val sum = one.getOrElse(0) + state.getOption.getOrElse(0)\n  state.update(sum)\n  (word, sum)\n}",
    python: TODO },
  { ts: "async (rdd, time) => { const n = await rdd.count(); }", scala: TODO, python: TODO },
  { ts: "x => console.log(x)", scala: TODO, python: TODO },
  { ts: "x => { let y = x; y++; return y; }", scala: TODO, python: TODO },
  { ts: "x => x.foo", scala: TODO, python: TODO },
  { ts: "x => fetch(x)", scala: TODO, python: TODO },
  { ts: "({ a }) => a", scala: TODO, python: TODO },
  { ts: "l => l.split(' ').length",
    scala: "l => l.split(\" \").size",
    python: "lambda l: len(l.split(' '))" },
  { ts: "x => x.substring(0, 3)",
    scala: "x => x.substring(0, 3)",
    python: "lambda x: x[0:3]" },
  { ts: "x => x ** 2",
    scala: "x => math.pow(x, 2)",
    python: "lambda x: x ** 2" },
  { ts: "(rdd) => rdd.sortBy(([tag, n]) => n, false)",
    scala: "rdd => rdd.sortBy({ case (tag, n) => n }, false)",
    python: "lambda rdd: rdd.sortBy(lambda t: t[1], False)" },
  { ts: "rdd => rdd.map(x => x * 2).filter(x => x > 1)",
    scala: "rdd => rdd.map(x => x * 2).filter(x => x > 1)",
    python: "lambda rdd: rdd.map(lambda x: x * 2).filter(lambda x: x > 1)" },
];

describe('translateUdf → Scala', () => {
  for (const c of cases) {
    it(c.ts, () => {
      const r = translateUdf(c.ts, 'scala', { name: 'f' });
      if (c.scala === TODO) {
        expect(r.exact).toBe(false);
        expect(r.code).toContain('???');
        expect(r.code).toContain('TODO translate');
        expect(r.code).toContain(c.ts.replace(/\*\//g, '* /'));
        expect(r.code.startsWith('{') && r.code.endsWith('}')).toBe(true);
      } else {
        expect(r.exact).toBe(true);
        expect(r.code).toBe(c.scala);
      }
    });
  }
});

describe('translateUdf → Python', () => {
  for (const c of cases) {
    it(c.ts, () => {
      const r = translateUdf(c.ts, 'python', { name: 'f' });
      if (c.python === TODO) {
        expect(r.exact).toBe(false);
        expect(r.code).toBe('f');
        expect(r.prelude).toContain('raise NotImplementedError');
        expect(r.prelude).toContain(`#   ${c.ts}`);
      } else {
        expect(r.exact).toBe(true);
        expect(r.prelude ?? r.code).toBe(c.python);
        expect(r.imports).toEqual(c.imports);
      }
    });
  }

  it('every Python translation and stub compiles (python3 -m py_compile)', () => {
    const body: string[] = ['import re', 'import math', 'import functools', ''];
    cases.forEach((c, i) => {
      const r = translateUdf(c.ts, 'python', { name: `f${i}` });
      body.push(r.prelude ? `${r.prelude}\n\nu${i} = ${r.code}\n` : `u${i} = ${r.code}\n`);
    });
    const dir = mkdtempSync(join(tmpdir(), 'udf-py-'));
    const file = join(dir, 'udfs.py');
    writeFileSync(file, body.join('\n'));
    execFileSync('python3', ['-m', 'py_compile', file], { stdio: 'pipe' });
  });

  it('translated Python lambdas compute what the TypeScript computes', () => {
    const probes: { ts: string; args: unknown[] }[] = [
      { ts: "l => l.split(' ')", args: ['a b  c'] },
      { ts: '([k, v]) => v > 0', args: [['a', 3]] },
      { ts: "x => x % 2 === 0 ? 'even' : 'odd'", args: [7] },
      { ts: "x => !x.includes('a') && x.length < 3 || x === 'z'", args: ['bc'] },
      { ts: '(c, v) => [c[0] + v, c[1] + 1]', args: [[10, 2], 5] },
      { ts: "t => t.split(' ').filter(w => w.startsWith('#'))", args: ['#a b #c'] },
      { ts: '([w, c]) => `${w}: ${c}`', args: [['spark', 4]] },
      { ts: '(values, state) => Some(values.reduce((a, b) => a + b, state.getOrElse(0)))', args: [[1, 2, 3], null] },
    ];
    const lines = ['import json, re, math, functools', 'out = []'];
    for (const [i, p] of probes.entries()) {
      const r = translateUdf(p.ts, 'python', { name: `g${i}` });
      if (r.prelude) lines.push(r.prelude);
      const args = p.args.map((a) => `json.loads(${JSON.stringify(JSON.stringify(a))})`);
      lines.push(`out.append((${r.code})(${args.map((a, j) => (Array.isArray(p.args[j]) ? `tuple(${a})` : a)).join(', ')}))`);
    }
    lines.push('print(json.dumps(out))');
    const dir = mkdtempSync(join(tmpdir(), 'udf-run-'));
    const file = join(dir, 'run.py');
    writeFileSync(file, lines.join('\n'));
    const got = JSON.parse(execFileSync('python3', [file], { encoding: 'utf8' }));
    const Some = (x: unknown) => x;
    const expected = probes.map((p) => {
      // eslint-disable-next-line @typescript-eslint/no-implied-eval
      const f = new Function('Some', `return (${p.ts});`)(Some);
      const args = p.args.map((a) => (a === null ? { getOrElse: (d: unknown) => d } : a));
      return f(...args);
    });
    expect(got).toEqual(JSON.parse(JSON.stringify(expected)));
  });
});

describe('translateUdf stubs', () => {
  it('keeps the stub a valid Scala block comment when the source contains comment markers', () => {
    const r = translateUdf('x => /* hi */ x.foo', 'scala');
    expect(r.exact).toBe(false);
    expect(r.code).not.toMatch(/\/\*[^]*\/\*/);
    expect(r.code.match(/\*\//g)?.length).toBe(1);
  });
  it('a source that does not parse is a stub, not an exception', () => {
    expect(translateUdf('x => (', 'scala').exact).toBe(false);
    expect(translateUdf('x => (', 'python', { name: 'h' }).prelude).toContain('def h(x):');
  });
  it('multi-line sources keep every line in the comment', () => {
    const src = 'async (rdd) => {\n  const n = await rdd.count();\n}';
    expect(translateUdf(src, 'scala').code).toContain('  const n = await rdd.count();');
    expect(translateUdf(src, 'python').prelude).toContain('#     const n = await rdd.count();');
  });
  it('Scala parameter type hints annotate simple parameters', () => {
    expect(translateUdf('(vs, s) => Some(vs.reduce((a, b) => a + b, 0))', 'scala', { paramTypes: ['Seq[Int]', 'Option[Int]'] }).code)
      .toBe('(vs: Seq[Int], s: Option[Int]) => Some(vs.sum)');
  });
});

describe('translateUdf with record types (RECORD_TYPES)', () => {
  const tweet = { recordTypes: ['tweet'] };
  const cases: [string, string, string][] = [
    ["t => t.text.split(' ').filter(w => w.startsWith('#'))",
      't => t.getText.split(" ").filter(w => w.startsWith("#"))',
      "lambda t: [w for w in t['text'].split(' ') if w.startswith('#')]"],
    ['t => t.hashtags', 't => t.getHashtagEntities.map(h => "#" + h.getText).toSeq', "lambda t: t['hashtags']"],
    ['t => [t.user, t.hashtags.length]', 't => (("@" + t.getUser.getScreenName), t.getHashtagEntities.map(h => "#" + h.getText).toSeq.size)',
      "lambda t: (t['user'], len(t['hashtags']))"],
    ["t => t.lang === 'en'", 't => t.getLang == "en"', "lambda t: t['lang'] == 'en'"],
    ['t => [t.id, t.createdAt]', 't => (t.getId, t.getCreatedAt.getTime)', "lambda t: (t['id'], t['createdAt'])"],
    // a nested parameter with the same name is not a tweet
    ['t => t.hashtags.map(t => t.length)', 't => t.getHashtagEntities.map(h => "#" + h.getText).toSeq.map(t => t.size)',
      "lambda t: [len(t) for t in t['hashtags']]"],
  ];
  for (const [ts, scala, python] of cases) {
    it(ts, () => {
      expect(translateUdf(ts, 'scala', tweet)).toEqual({ code: scala, exact: true });
      expect(translateUdf(ts, 'python', { ...tweet, name: 'f' })).toEqual({ code: python, exact: true });
    });
  }

  it('fields a tweet does not have, and untyped parameters, stay TODO stubs', () => {
    expect(translateUdf('t => t.retweets', 'scala', tweet).exact).toBe(false);
    expect(translateUdf('t => t.retweets', 'python', tweet).reason).toBe('property .retweets of a tweet');
    expect(translateUdf('t => t.text', 'python').exact).toBe(false);
  });

  it('block bodies (Python defs) type their parameters too', () => {
    const r = translateUdf("t => { const words = t.text.split(' '); return words.length; }", 'python', { ...tweet, name: 'g' });
    expect(r.exact).toBe(true);
    expect(r.prelude).toBe("def g(t):\n    words = t['text'].split(' ')\n    return len(words)");
  });

  it('the translated Python computes on a JSON tweet what the TypeScript computes on the studio\'s tweet', () => {
    const sample = { id: 7, user: '@ada', text: 'streaming is fun #spark #bigdata', hashtags: ['#spark', '#bigdata'], createdAt: 1500, lang: 'en' };
    const fns = [
      "t => t.text.split(' ').filter(w => w.startsWith('#'))",
      't => t.hashtags.map(h => [h, 1])',
      't => [t.user, t.id, t.createdAt, t.lang]',
      "t => t.text.split(' ').filter(w => w.startsWith('#')).length === t.hashtags.length",
    ];
    const lines = ['import json', `tweet = json.loads(${JSON.stringify(JSON.stringify(sample))})`, 'out = []'];
    fns.forEach((src, i) => {
      const r = translateUdf(src, 'python', { ...tweet, name: `h${i}` });
      expect(r.exact, src).toBe(true);
      if (r.prelude) lines.push(r.prelude);
      lines.push(`out.append((${r.code})(tweet))`);
    });
    lines.push('print(json.dumps(out))');
    const dir = mkdtempSync(join(tmpdir(), 'udf-tweet-'));
    const file = join(dir, 'run.py');
    writeFileSync(file, lines.join('\n'));
    const got = JSON.parse(execFileSync('python3', [file], { encoding: 'utf8' }));
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const expected = fns.map((src) => new Function(`return (${src});`)()(sample));
    expect(got).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(got[0]).toEqual(['#spark', '#bigdata']);
  });
});

describe('translateUdf: a function argument that is not a literal', () => {
  // Such an argument (a name bound to a function elsewhere) used to escape as a TypeError from the translator.
  for (const src of ['(xs) => xs.reduce(add)', '(xs) => xs.map(parse)', '(rdd) => rdd.map(f)']) {
    for (const lang of ['scala', 'python'] as const) {
      it(`${lang}: ${src} is a marked stub naming the reason`, () => {
        const r = translateUdf(src, lang);
        expect(r.exact).toBe(false);
        expect(r.reason).toBe('a function argument that is not a function literal');
      });
    }
  }
  it('a reducer with a bare return is a marked stub, not a TypeError', () => {
    expect(translateUdf('(xs) => xs.reduce((a, b) => { return; })', 'scala')).toMatchObject({ exact: false, reason: 'return without a value' });
  });
});
