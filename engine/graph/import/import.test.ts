import { describe, expect, it } from 'vitest';
import { importTypeScript, ImportError } from './index';
import { importTypeScript as importInWorker } from './importTs.node';
import { stripTypes } from '../codegen/stripTypes';
import { errors } from '../../core/errors';

const HEAD = "import { SparkConf, StreamingContext, Seconds, Milliseconds, Some, StateSpec } from '../engine/index';\n" +
  "const conf = new SparkConf().setMaster('local[2]').setAppName('Hand').set('spark.streaming.clock', 'manual');\n" +
  'const ssc = new StreamingContext(conf, Seconds(2));\n';

describe('importTypeScript: hand-written programs', () => {
  it('records sources, chains, params, labels and a layered layout without tags', async () => {
    const { graph, warnings } = await importTypeScript(`${HEAD}
const lines = ssc.socketTextStream('localhost', 7777);
const counts = lines.flatMap((l: string) => l.split(' ')).map((w: string) => [w, 1] as [string, number]).reduceByKey((a: number, b: number) => a + b);
const windowed = counts.reduceByKeyAndWindow((a, b) => a + b, Seconds(10), Seconds(4));
windowed.print(5);
await ssc.start(); await ssc.step(3); await ssc.stop();`);
    expect(warnings).toEqual([]);
    expect(graph).toMatchObject({ name: 'Hand', master: 'local[2]', batchDuration: 2000 });
    expect(graph.nodes.map((n) => [n.id, n.op, n.params, n.label ?? null])).toEqual([
      ['n1', 'socketTextStream', { port: 7777 }, 'lines'],
      ['n2', 'flatMap', { f: '(l: string) => l.split(\' \')' }, null],
      ['n3', 'map', { f: '(w: string) => [w, 1] as [string, number]' }, null],
      ['n4', 'reduceByKey', { reduce: '(a: number, b: number) => a + b' }, 'counts'],
      ['n5', 'reduceByKeyAndWindow', { window: 10000, slide: 4000 }, 'windowed'],
      ['n6', 'print', { num: 5 }, null],
    ]);
    expect(graph.edges.map((e) => `${e.source}>${e.target}`)).toEqual(['n1>n2', 'n2>n3', 'n3>n4', 'n4>n5', 'n5>n6']);
    expect(graph.nodes.map((n) => n.position.x)).toEqual([40, 280, 520, 760, 1000, 1240]);
  });

  it('maps a second stream argument to the second port (join) and a StateSpec to mapWithState params', async () => {
    const { graph } = await importTypeScript(`${HEAD}
const a = ssc.socketTextStream('localhost', 1).map(x => [x, 1]);
const b = ssc.socketTextStream('localhost', 2).map(x => [x, 2]);
const j = a.join(b);
const s = j.mapWithState(StateSpec.function((k, v, st) => k).timeout(Seconds(30)));
s.print();`);
    const join = graph.nodes.find((n) => n.op === 'join')!;
    expect(graph.edges.filter((e) => e.target === join.id).map((e) => e.targetPort ?? 'left')).toEqual(['left', 'right']);
    expect(graph.nodes.find((n) => n.op === 'mapWithState')!.params).toEqual({ mappingFunction: '(k, v, st) => k', timeout: 30000 });
  });

  it('unknown methods and helper receivers become code nodes, never errors', async () => {
    const { graph, warnings } = await importTypeScript(`${HEAD}
class MyReceiver {}
const s = ssc.receiverStream(new MyReceiver());
const t = s.countByValueAndWindowish(3);
t.foreachRDD(async (rdd) => { const xs = await rdd.collect(); console.log(xs.length); });`);
    expect(graph.nodes.map((n) => n.op)).toEqual(['code', 'code', 'foreachRDD']);
    expect(graph.nodes[0].params.code).toBe('(stream, ssc) => ssc.receiverStream(undefined /* a MyReceiver */)');
    expect(graph.nodes[1].params.code).toBe('(stream, ssc) => stream.countByValueAndWindowish(3)');
    expect(graph.nodes[2].params.f).toContain('await rdd.collect()');
    expect(graph.edges.map((e) => `${e.source}>${e.target}`)).toEqual(['n1>n2', 'n2>n3']);
    expect(warnings.join('\n')).toMatch(/receiverStream\(\) is not an operator of the graph; kept as a code node/);
  });

  it('calls an exported main() when the top level builds nothing', async () => {
    const { graph } = await importTypeScript(`${HEAD.replace(/const (conf|ssc)[^\n]*\n/g, '')}
export async function main() {
  const ssc = new StreamingContext(new SparkConf().setAppName('M'), Milliseconds(500));
  ssc.queueStream([ssc.sparkContext.parallelize([1, 2])]).print();
}
if (process.argv[1] && import.meta.url === 'x') main();`);
    expect(graph.name).toBe('M');
    expect(graph.nodes.map((n) => [n.op, n.params])).toEqual([['queueStream', { batches: [[1, 2]] }], ['print', {}]]);
  });
});

const bad: { name: string; source: string; kind: string; message: RegExp; line?: number; column?: number }[] = [
  { name: 'syntax error', source: 'const a = 1;\nconst b = (;\n', kind: 'syntax', message: /^Syntax error at line 2, column 12: /, line: 2, column: 12 },
  { name: 'file system module', source: "import { readFileSync } from 'node:fs';\nreadFileSync('/etc/passwd');", kind: 'sandbox', message: /uses the module "node:fs"/ },
  { name: 'network', source: "await fetch('http://example.com');", kind: 'sandbox', message: /uses fetch\(\)/ },
  { name: 'process', source: 'process.exit(1);', kind: 'sandbox', message: /uses process\.exit/ },
  { name: 'require', source: "const fs = require('fs');", kind: 'sandbox', message: /uses require\(\)/ },
  { name: 'dynamic import', source: "const m = await import('node:fs');", kind: 'sandbox', message: /import\(\)/ },
  { name: 'caught violation', source: "try { fetch('x'); } catch {}", kind: 'sandbox', message: /uses fetch\(\)/ },
  { name: 'throwing program', source: "throw new Error('boom');", kind: 'runtime', message: /boom/ },
];

describe('importTypeScript: bad input', () => {
  for (const c of bad) {
    it(c.name, async () => {
      const err = await importTypeScript(c.source).then(() => undefined, (e) => e);
      expect(err).toBeInstanceOf(ImportError);
      expect(err.kind).toBe(c.kind);
      expect(err.message).toMatch(c.message);
      if (c.line !== undefined) expect([err.line, err.column]).toEqual([c.line, c.column]);
    });
  }

  it('terminates a program that runs longer than the limit (Node child process)', async () => {
    const t0 = performance.now();
    const err = await importInWorker('while (true) {}', { timeoutMs: 500 }).then(() => undefined, (e) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect(err.kind).toBe('timeout');
    expect(err.message).toBe(errors.importTimeout(0.5).message);
    expect(performance.now() - t0).toBeLessThan(5000);
  }, 10000);

  it('reports syntax errors from the Node child process with line and column', async () => {
    const err = await importInWorker('let x: number = 1;\nx = = 2;').then(() => undefined, (e) => e);
    expect([err.kind, err.line, err.column]).toEqual(['syntax', 2, 5]);
  });
});

const strip: [string, string][] = [
  ['(a: number, b: number) => a + b', '(a, b) => a + b'],
  ['w => [w, 1] as [string, number]', 'w => [w, 1]'],
  ['const m: Map<string, number[]> = new Map<string, number[]>();', 'const m = new Map();'],
  ['(vs: number[], s: Option<number>): Option<number> => Some(1)', '(vs, s) => Some(1)'],
  ["import { SparkConf, type Duration } from 'x';", "import { SparkConf, } from 'x';"],
  ["import type { X } from 'y';\nconst a = 1;", 'const a = 1;'],
  ['type P = [string, number];\ninterface Q { a: number }\nconst f = (x = c ? 1 : 2) => x;', 'const f = (x = c ? 1 : 2) => x;'],
  ['console.log(top!.length);', 'console.log(top.length);'],
  ['function f<T>(a: T, {b}: {b: number}): T { return a; }', 'function f(a, {b}) { return a; }'],
  ['const y = c ? (a) : b;', 'const y = c ? (a) : b;'],
  ['const s = `${a as number} x`;', 'const s = `${a} x`;'],
  ['const q = { a: 1, b: c ? d : e };', 'const q = { a: 1, b: c ? d : e };'],
];

describe('stripTypes', () => {
  for (const [ts, js] of strip) {
    it(ts, () => {
      const out = stripTypes(ts);
      expect(out.length).toBe(ts.length); // positions are kept
      expect(out.replace(/\s+/g, '')).toBe(js.replace(/\s+/g, '')); // the same tokens, types gone
    });
  }
});
