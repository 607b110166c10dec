/**
 * Hostile graphs through the command line, spawned as a user runs them (`npx tsx scripts/pipeline.ts file.json
 * --batches 2`), each in a fresh temp directory. Every case checks containment: no child process (the payloads
 * would `touch` a marker), no file outside the output directory (the marker and an escape file stay absent),
 * no network connection (a loopback listener that must see none), a bounded run, and the exit code and message.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenOnLoopback, type LoopbackListener } from './testing/loopbackListener';

const ROOT = path.resolve(__dirname, '..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

let listener: LoopbackListener;
let port = 0;
beforeAll(async () => { listener = await listenOnLoopback(); port = listener.port; });
afterAll(() => { listener.close(); });

interface Node { id: string; op: string; params?: Record<string, unknown> }

/** queueStream (two seeded batches) → the given nodes in a chain → print, on `master`. */
function graph(master: string, middle: Node[], extra: Record<string, unknown> = {}, output: Node = { id: 'out', op: 'print' }) {
  const nodes: Node[] = [{ id: 'src', op: 'queueStream', params: { batches: [['a b a'], ['c a']] } }, ...middle, output];
  return {
    version: 1, name: 'hostile', master, batchDuration: 1000, seed: 7, ...extra,
    nodes: nodes.map((n, i) => ({ params: {}, ...n, position: { x: i * 200, y: 0 } })),
    edges: nodes.slice(1).map((n, i) => ({ id: `e${i}`, source: nodes[i].id, target: n.id })),
  };
}

interface Run { code: number | null; stdout: string; stderr: string; dir: string; ms: number }

async function run(g: unknown, args: string[] = ['--batches', '2'], timeoutMs = 60_000): Promise<Run> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-'));
  fs.writeFileSync(path.join(dir, 'graph.json'), JSON.stringify(g).replaceAll('PORT', String(port)).replaceAll('DIR', dir));
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(TSX, [path.join(ROOT, 'scripts/pipeline.ts'), 'graph.json', ...args], { cwd: dir, timeout: timeoutMs, env: { ...process.env, DSTREAM_DEBUG: '' } },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr, dir, ms: Date.now() - started }));
  });
}

/** Nothing was written beside graph.json except the declared outputs, no marker, no connection. */
function contained(r: Run, allowed: string[] = []): void {
  const entries = fs.readdirSync(r.dir).filter((f) => f !== 'graph.json' && !allowed.some((a) => f.startsWith(a)));
  expect(entries).toEqual([]);
  expect(fs.existsSync(path.join(os.tmpdir(), 'hostile-escaped'))).toBe(false);
  expect(listener.connections).toBe(0);
}

const childProcess = (via: string) => `${via}.getBuiltinModule('node:child_process').execSync('touch DIR/marker; touch ${os.tmpdir()}/hostile-escaped')`;

const cases: { name: string; graph: unknown; args?: string[]; code: number; message?: RegExp; allowed?: string[]; stdout?: RegExp; maxMs?: number; files?: RegExp }[] = [
  { name: 'a harmless graph prints its batches and exits 0', code: 0,
    graph: graph('local[2]', [{ id: 'w', op: 'flatMap', params: { f: "l => l.split(' ')" } }]), stdout: /Time: 2000 ms\n-+\nc\na\n/ },
  { name: 'the Function-constructor escape in map (local[2]) cannot generate code', code: 1, message: /Code generation from strings disallowed/,
    graph: graph('local[2]', [{ id: 'm', op: 'map', params: { f: `x => ${childProcess("(() => {}).constructor('return this')().process")}` } }]) },
  { name: 'the same escape on a worker executor (local-cluster) cannot generate code either', code: 1, message: /Code generation from strings disallowed/,
    graph: graph('local-cluster[1,1,64]', [{ id: 'm', op: 'map', params: { f: `x => ${childProcess("(() => {}).constructor('return this')().process")}` } }]) },
  { name: 'a driver-side transform sees no process', code: 1, message: /Pipeline failed: 2 streaming job\(s\) failed\. First failure: Cannot read properties of undefined \(reading 'getBuiltinModule'\)/,
    graph: graph('local[2]', [{ id: 't', op: 'transform', params: { f: `(rdd) => { ${childProcess('process')}; return rdd; }` } }]) },
  { name: 'a driver-side foreachRDD sees no globalThis.process', code: 1, message: /First failure: Cannot read properties of undefined \(reading 'process'\)/,
    graph: graph('local[2]', [], {}, { id: 'out', op: 'foreachRDD', params: { f: `async (rdd) => { ${childProcess('globalThis.process')}; }` } }) },
  { name: 'AsyncFunction and eval are refused', code: 1, message: /Code generation from strings disallowed|eval/,
    graph: graph('local[2]', [{ id: 't', op: 'transform', params: { f: "(rdd) => { (async () => {}).constructor('return 1')(); return rdd; }" } }]) },
  { name: 'import() in a function is refused before the run', code: 1, message: /import\(\)/,
    graph: graph('local[2]', [{ id: 'm', op: 'map', params: { f: "x => import('node:child_process')" } }]) },
  { name: 'fetch from a function is refused (no network)', code: 1, message: /fetch/,
    graph: graph('local[2]', [{ id: 'm', op: 'map', params: { f: "x => { fetch('http://127.0.0.1:PORT/'); return x; }" } }]) },
  { name: 'a socket source defined from a driver function cannot reach an undeclared port', code: 1, message: /First failure: Adding new inputs, transformations, and output operations after starting a context is not supported/,
    graph: graph('local[2]', [{ id: 't', op: 'transform', params: { f: "(rdd) => { ssc.socketTextStream('127.0.0.1', PORT); return rdd; }" } }]) },
  { name: 'writing a file outside the output directory through the engine file system is denied', code: 1, message: /First failure: Access to this API has been restricted/,
    graph: graph('local[2]', [], {}, { id: 'out', op: 'foreachRDD', params: { f: `async (rdd) => { await rdd.context.fs.writeFile('${os.tmpdir()}/hostile-escaped', 'x'); }` } }) },
  { name: 'reading a file outside the declared directories is denied', code: 1, message: /First failure: Access to this API has been restricted/,
    graph: graph('local[2]', [], {}, { id: 'out', op: 'foreachRDD', params: { f: "async (rdd) => { throw new Error((await rdd.context.fs.readFile('/etc/hostname')).slice(0, 0) + 'read it'); }" } }) },
  { name: 'Object.prototype.then pollution fails the task instead of hanging local[2]', code: 1, message: /Cannot (assign to read only|add) property 'then'|read only property 'then'/,
    graph: graph('local[2]', [{ id: 'm', op: 'map', params: { f: 'x => { Object.prototype.then = function () {}; return x; }' } }]), maxMs: 30_000 },
  { name: 'a loop on the driver thread (local[2]) ends with a message within the task timeout', code: 1, message: /did not respond for 1500 ms/,
    args: ['--batches', '2', '--task-timeout', '1500'],
    graph: graph('local[2]', [{ id: 'm', op: 'map', params: { f: 'x => { for (;;) {} }' } }]), maxMs: 30_000 },
  { name: 'a loop on a worker executor fails the job with the task timeout and exit 1', code: 1, message: /possible infinite loop in map/,
    args: ['--batches', '1', '--task-timeout', '800'],
    graph: graph('local-cluster[1,1,64]', [{ id: 'm', op: 'map', params: { f: 'x => { for (;;) {} }' } }], { conf: { 'spark.task.maxFailures': '1' } }), maxMs: 40_000 },
  { name: 'a run whose every job failed exits 1', code: 1, message: /Pipeline failed: 2 streaming job\(s\) failed\. First failure: .*boom/,
    graph: graph('local[2]', [{ id: 'm', op: 'map', params: { f: "x => { throw new Error('boom'); }" } }]) },
  { name: 'a memory bomb of Float64Arrays on local-cluster fails its task naming the node and the limit', code: 1,
    message: /ran out of memory \(limit 64 MiB\) while running map at m.*array buffers/,
    graph: graph('local-cluster[1,1,16]', [{ id: 'm', op: 'map', params: { f: 'x => { const k = []; for (let i = 0; i < 256; i++) k.push(new Float64Array(1 << 20)); return k.length; }' } }],
      { conf: { 'spark.executor.memoryOverhead': '48m', 'spark.task.maxFailures': '1' } }) },
  { name: 'process.exit is out of reach in a worker executor', code: 1, message: /Cannot read properties of undefined \(reading 'exit'\)/,
    graph: graph('local-cluster[1,1,64]', [{ id: 'm', op: 'map', params: { f: 'x => { process.exit(0); return x; }' } }]) },
  { name: 'an output prefix outside the working directory is refused before anything runs', code: 1, message: /writes to .*, which is not inside the working directory/,
    graph: graph('local[2]', [], {}, { id: 'save', op: 'saveAsTextFiles', params: { prefix: '../x' } }) },
  { name: 'a checkpointDir of "/" is refused', code: 1, message: /writes to \/, which is not inside the working directory/,
    graph: graph('local[2]', [], { checkpointDir: '/' }) },
  { name: 'declared outputs are written (and nothing else)', code: 0, allowed: ['out-'], files: /^out-1000$/,
    graph: graph('local[2]', [], {}, { id: 'save', op: 'saveAsTextFiles', params: { prefix: 'out' } }) },
  { name: 'an invalid graph prints its issues and exits 1', code: 1, message: /is not a valid pipeline/,
    graph: { version: 1, name: 'x', master: 'local[2]', batchDuration: 0, nodes: [], edges: [] } },
];

describe('npm run pipeline -- hostile.json', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const r = await run(c.graph, c.args);
      try {
        expect({ code: r.code, stderr: r.stderr }).toMatchObject({ code: c.code, stderr: c.message ?? expect.anything() });
        if (c.stdout) expect(r.stdout).toMatch(c.stdout);
        if (c.maxMs) expect(r.ms).toBeLessThan(c.maxMs);
        if (c.files) expect(fs.readdirSync(r.dir)).toContainEqual(expect.stringMatching(c.files));
        contained(r, c.allowed);
      } catch (e) {
        throw new Error(`${(e as Error).message}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`);
      } finally {
        fs.rmSync(r.dir, { recursive: true, force: true });
      }
    }, 90_000);
  }
});

const PROGRAM_HEAD = "import { SparkConf, StreamingContext, Seconds } from '../engine/index';\n" +
  "const conf = new SparkConf().setMaster('local[2]').setAppName('Hostile').set('spark.streaming.clock', 'manual');\n" +
  'const ssc = new StreamingContext(conf, Seconds(1));\n';

const importCases: { name: string; body: string; message: RegExp }[] = [
  { name: 'the Function-constructor escape to child_process', message: /Code generation from strings disallowed/,
    body: `${childProcess("(() => {}).constructor('return this')().process")};` },
  { name: 'a stack-trace escape to a host frame finds nothing with privileges', message: /stops|not available|undefined|Cannot read/,
    body: `Error.prepareStackTrace = (e, cs) => cs.map((c) => c.getThis()); const frames = new Error().stack; ${childProcess('frames.find((t) => t && t.process).process')};` },
  { name: 'a loop while building the pipeline', message: /Import stopped: the program ran longer than 2 s/, body: 'for (;;) {}' },
  { name: 'a memory bomb of Float64Arrays', message: /array buffers .* memory limit of 256\.0 MiB/,
    body: 'const keep = []; for (let i = 0; i < 512; i++) keep.push(new Float64Array(1 << 20));' },
  { name: 'a connection to the loopback listener', message: /import failed|Import stopped|not available/,
    body: "const net = (() => {}).constructor('return this')().process; net.getBuiltinModule('node:net').connect(PORT, '127.0.0.1');" },
];

describe('npm run import -- hostile.ts', () => {
  for (const c of importCases) {
    it(`${c.name}: the import fails with a message, nothing runs with privileges`, async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-import-'));
      try {
        const file = path.join(dir, 'program.ts');
        fs.writeFileSync(file, (PROGRAM_HEAD + c.body + "\nssc.queueStream([]).print();\n").replaceAll('PORT', String(port)).replaceAll('DIR', dir));
        const r = await new Promise<{ code: number; stderr: string }>((resolve) => {
          execFile(TSX, [path.join(ROOT, 'scripts/import.ts'), file], { cwd: dir, timeout: 60_000 },
            (err, _stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stderr }));
        });
        expect(r).toMatchObject({ code: 1, stderr: c.message });
        expect(fs.readdirSync(dir)).toEqual(['program.ts']);
        expect(fs.existsSync(path.join(os.tmpdir(), 'hostile-escaped'))).toBe(false);
        expect(listener.connections).toBe(0);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }, 60_000);
  }
});
