/**
 * Every string of a pipeline document reaches the exported programs as a literal or as comment text, never as
 * code: seeded properties over crafted strings (controls, quotes, backslashes, comment terminators, line separators,
 * `\u000a` as text, encoding declarations) put into the ids, labels, names and params of the gallery graphs and of a
 * graph using every string param; each exported program must parse and hold exactly the statements of the same
 * graph with clean strings. TypeScript is read by the importer's reader, Scala by a Scala 2.12 lexer
 * (escape.testkit.ts), Python by python3 (one process for all programs of a property).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'acorn';
import type { GraphNode, PipelineGraph } from '../types';
import { parsePipeline } from '../schema';
import { getOp } from '../registry';
import { chain, graphOf } from '../testGraphs';
import { exportGraph } from './index';
import { NODE_TAG_RE, nodeTagId } from './meta';
import { readTs, scalaShape, scalaTokens } from './escape.testkit';
import { tsBlockCommentLines, tsLineComment, tsString } from './quote/ts';
import { scalaBlockCommentLines, scalaLineComment, scalaString } from './quote/scala';
import { pyLineComment, pyString, pyStringReadable } from './quote/python';
import { UNSAFE_CHAR, nodeTagText, parseNodeTagText } from './quote/text';

const here = dirname(fileURLToPath(import.meta.url));
const examplesDir = join(here, '../../../public/examples');
const SEED = 20261207;

// ---------- crafted strings ----------

const HAZARDS = [
  '*/', '/*', '\n', '\r', '\r\n', '\u2028', '\u2029', '\u0085', '"""', "'''", '"', "'", '`', '#', '//', '\\', '\\\\',
  '\\u000a', '\\u0022', '\\uuu000D', '\\u', '\\N{LINE FEED}', '\\x0a', '\u0000', '\f', '\v', '\t', '\u001b', '\u007f',
  '\u202e', '\u2066', '\ufeff', '\ud800', '\udc00', '${', '$x', '%', '%0A', 'coding: utf-7', '# -*- coding: latin-1 -*-',
  '+AAo-', ' node: x', '}', ')', ';', 'Some', 'KafkaUtils', 'json.loads', 'StorageLevel.', 'é', '中', '😀', ' ', 'a', 'Z9',
];
const fuzzString = fc.array(fc.oneof(fc.constantFrom(...HAZARDS), fc.string({ unit: 'binary', maxLength: 2 })), { maxLength: 6 })
  .map((parts) => parts.join(''));

// ---------- graphs ----------

function examples(): PipelineGraph[] {
  return readdirSync(examplesDir).filter((f) => f.endsWith('.json') && f !== 'index.json').sort().map((f) => {
    const r = parsePipeline(readFileSync(join(examplesDir, f), 'utf8'));
    if (!r.ok) throw new Error(`${f}: ${r.issues.join('; ')}`);
    return r.graph;
  });
}

/** A graph with every string param the ops have, a checkpoint dir and a conf entry. */
function allStrings(): PipelineGraph {
  const parts = [
    chain([['socketTextStream', { host: 'example.org', port: 9999, storageLevel: 'MEMORY_ONLY' }], ['saveAsTextFiles', { prefix: 'out/words', suffix: 'txt' }]]),
    chain([['textFileStream', { directory: 'in/' }], ['saveAsObjectFiles', { prefix: 'out/objects', suffix: 'bin' }]]),
    chain([['queueStream', { batches: [['a b', { key: 'value', n: 1 }], [['k', 1]]], defaultBatch: ['d'] }], 'print']),
    chain([['directKafkaStream', { topics: ['events', 'clicks'], options: { partitionsPerTopic: 2 } }], ['map', { f: 'r => r.value' }], 'print']),
    chain([['twitterStream', { options: { filters: ['spark', 'scala'] } }], ['map', { f: 't => t.text' }], 'print']),
    chain([['rateStream', { rowsPerSecond: 5 }], ['code', { code: '(s) => s.map((x) => x + 1)' }], 'print']),
    chain([['queueStream', { batches: [[['k', 1]]] }], ['mapWithState', {}], 'print']),
  ];
  const nodes: GraphNode[] = [];
  const edges: PipelineGraph['edges'] = [];
  parts.forEach((g, i) => {
    const id = (x: string) => `g${i}${x}`;
    nodes.push(...g.nodes.map((n) => ({ ...n, id: id(n.id), position: { x: n.position.x, y: i * 100 } })));
    edges.push(...g.edges.map((e) => ({ ...e, id: id(e.id), source: id(e.source), target: id(e.target) })));
  });
  return graphOf(nodes, edges, { name: 'All strings', checkpointDir: 'checkpoints/all', conf: { 'spark.ui.port': '4040' } });
}

const BASES = [...examples(), allStrings()];

interface Pair { crafted: PipelineGraph; clean: PipelineGraph }

/** The clean counterpart of a label or name: its ASCII words, which are all the exporters make identifiers of. */
const wordsOf = (s: string) => s.replace(/[^A-Za-z0-9]+/g, ' ').trim();

/**
 * The base graph twice: once with crafted strings from `pool` in every document string (name, master,
 * checkpoint dir, conf, ids, labels, edge ids, non-function params and record keys), once with clean strings
 * (`x<slot>`, or '' where the crafted one is empty, so optional arguments stay in or out alike). Labels and the
 * name keep their ASCII letters and digits, the words identifiers are made of, so both programs use the same names.
 */
function craft(base: PipelineGraph, pool: string[]): Pair {
  let slot = 0;
  const both = (): [string, string] => {
    const s = pool[slot % pool.length];
    const pair: [string, string] = [s, s === '' ? '' : `x${slot}`];
    slot++;
    return pair;
  };
  const words = (): [string, string] => { const [s] = both(); return [s, wordsOf(s)]; };
  const crafted: PipelineGraph = structuredClone(base);
  const clean: PipelineGraph = structuredClone(base);
  [crafted.name, clean.name] = words();
  [crafted.master, clean.master] = both();
  [crafted.checkpointDir, clean.checkpointDir] = both();
  const [key, cleanKey] = both();
  const [value, cleanValue] = both();
  crafted.conf = { ...(base.conf ?? {}), [`${key}|k`]: value };
  clean.conf = { ...(base.conf ?? {}), [`${cleanKey}|k`]: cleanValue };

  const ids = new Map<string, [string, string]>();
  base.nodes.forEach((n, i) => { const [s] = both(); ids.set(n.id, [`${s}|${i}`, `n${i}`]); });
  const deep = (v: unknown, keysToo: boolean): [unknown, unknown] => {
    if (typeof v === 'string') return both();
    if (Array.isArray(v)) { const xs = v.map((x) => deep(x, true)); return [xs.map((x) => x[0]), xs.map((x) => x[1])]; }
    if (v && typeof v === 'object') {
      const a: Record<string, unknown> = {};
      const b: Record<string, unknown> = {};
      Object.entries(v).forEach(([k, x], i) => {
        const [ka, kb] = keysToo ? both() : [k, k];
        const [xa, xb] = deep(x, true);
        a[keysToo ? `${ka}|${i}` : k] = xa;
        b[keysToo ? `${kb}|${i}` : k] = xb;
      });
      return [a, b];
    }
    return [v, v];
  };
  base.nodes.forEach((n, i) => {
    const op = getOp(n.op);
    const [label, cleanLabel] = words();
    const a = crafted.nodes[i];
    const b = clean.nodes[i];
    [a.id, b.id] = ids.get(n.id)!;
    [a.label, b.label] = [label, cleanLabel];
    for (const [k, v] of Object.entries(n.params)) {
      const type = op?.params[k]?.type;
      if (type === 'function' || type === 'enum') continue;
      [a.params[k], b.params[k]] = deep(v, k !== 'options');
    }
  });
  base.edges.forEach((e, i) => {
    const [s] = both();
    const a = crafted.edges[i];
    const b = clean.edges[i];
    [a.id, b.id] = [`${s}|e${i}`, `e${i}`];
    [a.source, b.source] = ids.get(e.source)!;
    [a.target, b.target] = ids.get(e.target)!;
  });
  return { crafted, clean };
}

// ---------- readers ----------

const NO_RAW = /\r/;

/** Ids of the `node:` tags of a Scala or Python program (lines of their own). */
function tagIds(program: string, mark: '//' | '#'): string[] {
  const re = mark === '#' ? /^\s*# node: (\S+)$/gm : /^\s*\/\/ node: (\S+)$/gm;
  return [...program.matchAll(re)].map((m) => nodeTagId(m[1])).sort();
}

const sortedIds = (g: PipelineGraph) => g.nodes.map((n) => n.id).sort();

/** No raw carriage return, control, line separator, bidi control or lone surrogate anywhere in the program. */
function expectPrintable(program: string) {
  expect(NO_RAW.test(program) || UNSAFE_CHAR.test(program)).toBe(false);
}

const PY_READER = String.raw`
import ast, json, sys
out = []
for item in json.load(sys.stdin):
    try:
        tree = ast.parse(item.encode('utf-8'))  # bytes: an encoding declaration would be honoured
        compile(tree, '<export>', 'exec')
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str): node.value = 'S'
        out.append({'ok': True, 'shape': ast.dump(tree), 'statements': len(tree.body)})
    except Exception as e:
        out.append({'ok': False, 'error': type(e).__name__ + ': ' + str(e)})
json.dump(out, sys.stdout)
`;

interface PyReading { ok: boolean; shape?: string; statements?: number; error?: string }

/** Parses Python programs in one python3 process. */
function readPython(items: string[]): PyReading[] {
  return JSON.parse(execFileSync('python3', ['-c', PY_READER], { input: JSON.stringify(items), maxBuffer: 256 * 1024 * 1024 }).toString());
}

const PY_VALUES = String.raw`
import ast, json, sys
out = []
for src in json.load(sys.stdin):
    try: out.append(ast.literal_eval(src))
    except Exception as e: out.append({'error': type(e).__name__ + ': ' + str(e)})
json.dump(out, sys.stdout)
`;

/** The values of Python expressions (string literals), evaluated by python3 without running code. */
function pythonValues(sources: string[]): unknown[] {
  return JSON.parse(execFileSync('python3', ['-c', PY_VALUES], { input: JSON.stringify(sources), maxBuffer: 64 * 1024 * 1024 }).toString());
}

// ---------- checks per language ----------

function checkTs(pair: Pair) {
  const a = exportGraph(pair.crafted, 'ts');
  const b = exportGraph(pair.clean, 'ts');
  expectPrintable(a);
  const ra = readTs(a);
  const rb = readTs(b);
  expect(ra.statements).toBe(rb.statements);
  expect(ra.shape).toBe(rb.shape);
  const tags = ra.lineComments.map((c) => NODE_TAG_RE.exec(c)).filter((m) => m !== null).map((m) => nodeTagId(m[1])).sort();
  expect(tags).toEqual(sortedIds(pair.crafted));
}

function checkScala(pair: Pair) {
  const a = exportGraph(pair.crafted, 'scala');
  const b = exportGraph(pair.clean, 'scala');
  expectPrintable(a);
  expect(scalaShape(a)).toBe(scalaShape(b));
  expect(tagIds(a, '//')).toEqual(sortedIds(pair.crafted));
}

function checkPython(pairs: Pair[]) {
  const programs = pairs.map((p) => [exportGraph(p.crafted, 'python'), exportGraph(p.clean, 'python')] as const);
  const read = readPython(programs.flat());
  pairs.forEach((p, i) => {
    const [a, b] = [read[2 * i], read[2 * i + 1]];
    const where = `crafted graph ${JSON.stringify(p.crafted)}`;
    expect(a.error, where).toBeUndefined();
    expect(b.error).toBeUndefined();
    expect(a.statements, where).toBe(b.statements);
    expect(a.shape, where).toBe(b.shape);
    expectPrintable(programs[i][0]);
    expect(tagIds(programs[i][0], '#'), where).toEqual(sortedIds(p.crafted));
  });
}

/** Half of the runs on the graph with every string param, the rest on the gallery graphs. */
const baseIndex = fc.oneof(fc.constant(BASES.length - 1), fc.nat({ max: BASES.length - 2 }));
const pairs = fc.record({ base: baseIndex, pool: fc.array(fuzzString, { minLength: 1, maxLength: 40 }) })
  .map(({ base, pool }) => craft(BASES[base], pool));

describe('exported programs with crafted document strings', () => {
  it('TypeScript: parses and has the statements of the clean graph (seeded, 300 runs)', () => {
    fc.assert(fc.property(pairs, (p) => { checkTs(p); }), { seed: SEED, numRuns: 300 });
  });

  it('Scala: lexes (Scala 2.12 rules) and has the tokens of the clean graph (seeded, 300 runs)', () => {
    fc.assert(fc.property(pairs, (p) => { checkScala(p); }), { seed: SEED + 1, numRuns: 300 });
  });

  it('Python: parses (python3, as bytes) and has the AST of the clean graph (seeded, 300 runs)', () => {
    checkPython(fc.sample(pairs, { seed: SEED + 2, numRuns: 300 }));
  });
});

// ---------- regressions ----------

const sourceToPrint = (over: Partial<PipelineGraph>, host: string, id = 'src') => graphOf(
  [{ id, op: 'socketTextStream', params: { host, port: 9999 }, position: { x: 0, y: 0 } },
    { id: 'out', op: 'print', params: {}, position: { x: 200, y: 0 } }],
  [{ id: 'e1', source: id, target: 'out' }], over);

describe('exporter regressions', () => {
  const injected = 'console.log("pwned")';

  it('a newline in a node id stays in its tag comment in all three languages (the issue\'s graph: no functions)', () => {
    const id = `src\n${injected}\nprint("pwned")\nSystem.exit(1)`;
    const pair = { crafted: sourceToPrint({}, 'localhost', id), clean: sourceToPrint({}, 'localhost') };
    checkTs(pair);
    checkScala(pair);
    checkPython([pair]);
    for (const lang of ['ts', 'scala', 'python'] as const) {
      const code = exportGraph(pair.crafted, lang);
      expect(code).not.toMatch(/^\s*(console\.log|print|System\.exit)\(/m);
      expect(code).toContain(`node: ${nodeTagText(id)}`);
    }
  });

  it('U+2028 in a node id does not end the TypeScript tag comment', () => {
    const pair = { crafted: sourceToPrint({}, 'localhost', `src\u2028${injected}`), clean: sourceToPrint({}, 'localhost') };
    checkTs(pair);
  });

  it('*/ in a label and in the name does not end the TypeScript block comments', () => {
    const crafted = sourceToPrint({ name: `x */ ${injected}; /*` }, 'localhost');
    crafted.nodes[0].label = `a */ ${injected}; /* b`;
    const clean = sourceToPrint({ name: wordsOf(crafted.name) }, 'localhost');
    clean.nodes[0].label = wordsOf(crafted.nodes[0].label);
    checkTs({ crafted, clean });
    checkScala({ crafted, clean });
  });

  it('""" and quotes in a Python param stay inside the string literal', () => {
    const host = `"""; import os; os.system('id'); """' + __import__('os').getcwd() + '`;
    const pair = { crafted: sourceToPrint({}, host), clean: sourceToPrint({}, 'localhost') };
    checkPython([pair]);
    expect(exportGraph(pair.crafted, 'python')).toContain(`socketTextStream(${pyString(host)}, 9999)`);
  });

  it('\\u000a in a Scala string or comment is text, not a line break (scalac 2.12 decodes unicode escapes first)', () => {
    const prefix = '\\u000a"); System.exit(1); println("';
    const crafted = chain([['socketTextStream', { host: 'h' }], ['saveAsTextFiles', { prefix }]], { name: 'n \\u000a System.exit(2)' });
    const clean = chain([['socketTextStream', { host: 'h' }], ['saveAsTextFiles', { prefix: 'p' }]], { name: wordsOf('n \\u000a System.exit(2)') });
    checkScala({ crafted, clean });
    const code = exportGraph(crafted, 'scala');
    expect(code).toContain('"\\\\u000a\\"); System.exit(1); println(\\""');
    expect(code).toMatch(/^\/\/ n \\\\u000a System\.exit\(2\)/m);
  });

  it('an encoding declaration in the name cannot re-decode the Python file', () => {
    const pair = { crafted: sourceToPrint({ name: 'coding: utf-7 +AAo-import os' }, 'localhost'), clean: sourceToPrint({ name: 'x' }, 'localhost') };
    checkPython([pair]);
    expect(exportGraph(pair.crafted, 'python').split('\n')[0]).not.toMatch(/coding[:=]/);
  });

  it('a crafted storage level is a string argument, not code', () => {
    const g = sourceToPrint({}, 'localhost');
    g.nodes[0].params.storageLevel = 'MEMORY_ONLY); evil(';
    expect(exportGraph(g, 'ts')).toContain(`StorageLevel.fromString('MEMORY_ONLY); evil(')`);
    expect(exportGraph(g, 'scala')).toContain('StorageLevel.fromString("MEMORY_ONLY); evil(")');
    expect(exportGraph(g, 'python')).toContain(`getattr(StorageLevel, 'MEMORY_ONLY); evil(')`);
    g.nodes[0].params.storageLevel = 'MEMORY_ONLY_2';
    expect(exportGraph(g, 'scala')).toContain('StorageLevel.MEMORY_ONLY_2');
  });

  it('a batch duration that is not a number prints as 0, not as its text', () => {
    const g = sourceToPrint({ batchDuration: '1); evil(' as unknown as number }, 'localhost');
    expect(exportGraph(g, 'ts')).toContain('new StreamingContext(conf, Milliseconds(0));');
    expect(exportGraph(g, 'scala')).toContain('new StreamingContext(conf, Milliseconds(0))');
    expect(exportGraph(g, 'python')).toContain('StreamingContext(sc, 0)');
  });

  it('labels make unique identifiers that never clash with the names the emitters derive', () => {
    const g = graphOf([
      { id: 'a', op: 'directKafkaStream', params: { topics: ['t'] }, position: { x: 0, y: 0 }, label: 'stream' },
      { id: 'b', op: 'directKafkaStream', params: { topics: ['t'] }, position: { x: 0, y: 0 }, label: 'stream kafka params' },
      { id: 'c', op: 'directKafkaStream', params: { topics: ['t'] }, position: { x: 0, y: 0 }, label: 'java' },
    ], []);
    const vals = [...exportGraph(g, 'scala').matchAll(/^\s*val (\w+) =/gm)].map((m) => m[1]);
    expect(new Set(vals).size).toBe(vals.length);
    expect(vals).not.toContain('java');
  });

  it('a Scala object name starting with a digit or taking a library name gets an App prefix', () => {
    expect(exportGraph(sourceToPrint({ name: '2024 stats' }, 'h'), 'scala')).toMatch(/^object App2024Stats \{/m);
    expect(exportGraph(sourceToPrint({ name: 'seq' }, 'h'), 'scala')).toMatch(/^object AppSeq \{/m);
  });
});

// ---------- the quoting modules ----------

const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fuzzString);

describe('quoting modules', () => {
  it('string literals read back as the same string: TypeScript (acorn), Scala (2.12 lexer), Python (ast.literal_eval)', () => {
    const samples = fc.sample(anyText, { seed: SEED + 3, numRuns: 400 });
    for (const s of samples) {
      for (const q of ["'", '"'] as const) {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const ast: any = parse(`x = ${tsString(s, q)}`, { ecmaVersion: 'latest' });
        expect(ast.body[0].expression.right.value).toBe(s);
      }
      const toks = scalaTokens(`val x = ${scalaString(s)}`);
      expect(toks.map((t) => t.kind)).toEqual(['keyword', 'id', 'keyword', 'string']);
      expect(toks[3].value).toBe(s);
    }
    const py = samples.flatMap((s) => [pyString(s), pyStringReadable(s)]);
    expect(pythonValues(py)).toEqual(samples.flatMap((s) => [s, s]));
  });

  it('comment text never ends its comment (line and block comments of each language)', () => {
    const samples = fc.sample(anyText, { seed: SEED + 4, numRuns: 400 });
    for (const s of samples) {
      const ts = `a;\n${tsLineComment(s)}\n/* ${tsBlockCommentLines(s).join('\n * ')} */\nb;`;
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      expect((parse(ts, { ecmaVersion: 'latest' }) as any).body.length).toBe(2);
      const sc = `a\n${scalaLineComment(s)}\n/* ${scalaBlockCommentLines(s).join('\n * ')} */\nb`;
      expect(scalaTokens(sc).map((t) => t.text)).toEqual(['a', '\n', 'b']);
    }
    const read = readPython(samples.map((s) => `${pyLineComment(s)}\na = 1\n${pyLineComment(s)}\nb = 2\n`));
    read.forEach((r, i) => { expect(r.error, JSON.stringify(samples[i])).toBeUndefined(); expect(r.statements).toBe(2); });
  });

  it('node tag text has no whitespace, star or backslash and decodes to the id', () => {
    for (const id of fc.sample(anyText, { seed: SEED + 5, numRuns: 400 })) {
      const t = nodeTagText(id);
      expect(t).not.toMatch(/[\s*\\]/);
      expect(UNSAFE_CHAR.test(t)).toBe(false);
      expect(parseNodeTagText(t)).toBe(id);
    }
    expect(nodeTagText('n1')).toBe('n1');
    expect(nodeTagText('a b*c\\%41%zz')).toBe('a%20b%2Ac%5C%2541%zz');
  });
});
