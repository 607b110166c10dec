/**
 * `npm run test:spark`: real Spark 3.5 is the oracle. Every gallery example, every lesson pipeline and a few hundred
 * seeded random pipelines run on the engine (headless, recording what each source received), are exported to
 * Scala and PySpark "with this run's data", and run on Spark local[2] (all Scala cases compiled by one scalac and
 * run in one JVM; all PySpark cases in one Python process). Scala's print() output must be identical, order
 * included; PySpark's is compared per batch as a multiset (its shuffles order by Python's hashing).
 * Options: --graph <file.json> (one more case), --generated N (default 200), --python-generated N (how many of them also run on PySpark, default 20), --seed S, --no-python, --no-scala, --only <case-name-substring>.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { parsePipeline } from '../../engine/graph/schema';
import type { PipelineGraph } from '../../engine/graph/types';
import { exportScalaDetailed } from '../../engine/graph/codegen/exportScala';
import { exportPythonDetailed } from '../../engine/graph/codegen/exportPython';
import { runOnEngine, splitBatches, type EngineRun } from './engineRun';
import { generatePipeline } from './generate';
import { conformanceGraphs } from './conformance';
import { asPySparkComputes } from './pysparkWindows';
import { slideDurations } from '../../engine/graph/validate';
import { getOp } from '../../engine/graph/registry';
import { pythonLineToScala, scalaLineOfEngineForPython } from './normalize';
import { studioParallelism } from '../../engine/graph/codegen/sparkMaster';
import { translateUdf } from '../../engine/graph/codegen/udf';
import { readSaved, savedDifference, savedMultisetDifference, withOutputDir, writesTextFiles } from './savedFiles';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const SPARK = path.join(ROOT, '.spark');
const JARS = path.join(SPARK, 'venv/lib/python3.11/site-packages/pyspark/jars');
const WORK = path.join(SPARK, 'work');
/** Each case's saveAsTextFiles output, per runner: out/<engine|engine-py|scala|python>/<case id>/<the graph's prefix>. */
const OUT = path.join(WORK, 'out');
const outDir = (runner: 'engine' | 'engine-py' | 'scala' | 'python', id: string) => path.join(OUT, runner, id);
/** Spark 3.5's JavaModuleOptions (what spark-submit adds on Java 17). */
const JAVA_OPENS = ['java.lang', 'java.lang.invoke', 'java.lang.reflect', 'java.io', 'java.net', 'java.nio', 'java.util', 'java.util.concurrent',
  'java.util.concurrent.atomic', 'jdk.internal.ref', 'sun.nio.ch', 'sun.nio.cs', 'sun.security.action', 'sun.util.calendar']
  .map((p) => `--add-opens=java.base/${p}=ALL-UNNAMED`).concat(['-Djdk.reflect.useDirectMethodHandle=false']);

interface Case { name: string; category: 'example' | 'lesson' | 'conformance' | 'generated'; graph: PipelineGraph; batches: number }
/** engine: the graph's run; pyEngine: the run of the graph as PySpark computes it (pysparkWindows.ts), when it differs. */
interface Prepared extends Case { id: string; engine: EngineRun; pyEngine?: EngineRun }
interface Outcome {
  name: string; category: string; lang: 'scala' | 'python'; status: 'same' | 'differs' | 'skipped'; detail?: string;
  /** The case's functions, and how many of them the exporter translated (the rest are marked stubs). */
  functions: number; translated: number;
  /** The case's saveAsTextFiles output was compared too. */
  savedCompared?: boolean;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function loadCases(): Case[] {
  const cases: Case[] = [];
  const only = arg('--only');
  const exDir = path.join(ROOT, 'public/examples');
  for (const f of fs.readdirSync(exDir).filter((x) => x.endsWith('.json') && x !== 'index.json').sort()) {
    const parsed = parsePipeline(fs.readFileSync(path.join(exDir, f), 'utf8'));
    if (parsed.ok) cases.push({ name: `example ${f}`, category: 'example', graph: printEverything(parsed.graph), batches: 6 });
  }
  const lessonDir = path.join(ROOT, 'public/lessons');
  for (const f of fs.readdirSync(lessonDir).filter((x) => x.endsWith('.json') && x !== 'index.json').sort()) {
    const lesson = JSON.parse(fs.readFileSync(path.join(lessonDir, f), 'utf8')) as { pipeline?: { graph?: unknown } };
    if (!lesson.pipeline?.graph) continue;
    const parsed = parsePipeline(JSON.stringify(lesson.pipeline.graph));
    if (parsed.ok) {
      cases.push({ name: `lesson ${f}`, category: 'lesson', graph: printEverything(parsed.graph), batches: 6 });
      const saving = savedOutputsOnly(parsed.graph);
      if (saving) cases.push({ name: `lesson ${f} without ${saving.dropped.join(', ')} (its function does not translate), so saveAsTextFiles is compared`, category: 'lesson', graph: printEverything(saving.graph), batches: 6 });
    }
  }
  for (const c of conformanceGraphs()) cases.push({ name: `conformance ${c.name}`, category: 'conformance', graph: c.graph, batches: c.batches });
  const extra = arg('--graph');
  if (extra) {
    const parsed = parsePipeline(fs.readFileSync(extra, 'utf8'));
    if (!parsed.ok) throw new Error(`${extra} is not a valid pipeline graph: ${parsed.issues[0]}`);
    cases.push({ name: `graph ${path.basename(extra)}`, category: 'example', graph: printEverything(parsed.graph), batches: 3 });
  }
  const count = Number(arg('--generated') ?? 200);
  const seed = Number(arg('--seed') ?? 1);
  for (let i = 0; i < count; i++) {
    const g = generatePipeline(i, seed);
    cases.push({ name: `generated ${i} (seed ${seed})`, category: 'generated', graph: g.graph, batches: g.batches });
  }
  return only ? cases.filter((c) => c.name.includes(only)) : cases;
}

/** Markers split the driver's stdout into each case's output. */
function splitCases(out: string): Map<string, string> {
  const res = new Map<string, string>();
  const re = /^@@@CASE (\S+)\n([\s\S]*?)^@@@END \1\n/gm;
  for (const m of out.matchAll(re)) res.set(m[1], m[2]);
  return res;
}

function sh(cmd: string, args: string[], opts: { cwd?: string; timeoutMs?: number } = {}): { out: string; err: string; code: number } {
  const r = spawnSync(cmd, args, { cwd: opts.cwd ?? ROOT, encoding: 'utf8', maxBuffer: 1 << 28, timeout: opts.timeoutMs ?? 30 * 60_000 });
  return { out: r.stdout ?? '', err: r.stderr ?? '', code: r.status ?? -1 };
}

function showCase(p: Prepared, spark: string, lang: string, savedDiff?: string): string {
  return [
    ...(savedDiff ? [`saveAsTextFiles: ${savedDiff}`] : []),
    `--- ${p.name} differs on ${lang}`,
    `graph: ${JSON.stringify({ nodes: p.graph.nodes.map((n) => ({ id: n.id, op: n.op, params: n.params })), edges: p.graph.edges.map((e) => [e.source, e.target, e.targetPort]) })}`,
    `inputs: ${JSON.stringify(p.engine.recorded)}`,
    `engine:\n${p.engine.stdout}`,
    `spark (${lang}):\n${spark}`,
  ].join('\n');
}

function runScala(cases: Prepared[]): Outcome[] {
  const src = path.join(WORK, 'scala/src');
  const classes = path.join(WORK, 'scala/classes');
  fs.rmSync(path.join(WORK, 'scala'), { recursive: true, force: true });
  fs.mkdirSync(src, { recursive: true });
  fs.mkdirSync(classes, { recursive: true });
  const outcomes: Outcome[] = [];
  const runnable: Prepared[] = [];
  const fns = new Map<string, { functions: number; translated: number }>();
  for (const p of cases) {
    const graph = withOutputDir({ ...p.graph, name: `Oracle ${p.id}` }, outDir('scala', p.id));
    const { code, inexact } = exportScalaDetailed(graph, { recordedInputs: p.engine.recorded });
    const fn = { functions: functionCount(p.graph), translated: functionCount(p.graph) - inexact };
    fns.set(p.id, fn);
    if (inexact > 0 || /\?\?\?|TwitterUtils|KafkaUtils|socketTextStream|Receiver\(/.test(code.split('def build')[1] ?? '')) {
      outcomes.push({ ...fns.get(p.id)!, name: p.name, category: p.category, lang: 'scala', status: 'skipped', detail: inexact ? `${inexact} untranslated function(s)` : 'source not replayable' });
      continue;
    }
    fs.writeFileSync(path.join(src, `${p.id}.scala`), code);
    runnable.push(p);
  }
  fs.copyFileSync(path.join(ROOT, 'scripts/spark/StudioDriver.scala'), path.join(src, 'StudioDriver.scala'));
  let files = fs.readdirSync(src).map((f) => path.join(src, f));
  const t0 = Date.now();
  // one scalac for all cases; a case that does not compile is reported and left out, then the rest compile again
  for (let attempt = 0; attempt < 5; attempt++) {
    const r = sh('java', ['-Xmx2g', '-Xss8m', '-cp', `${path.join(SPARK, 'scalac')}/*`, 'scala.tools.nsc.Main', '-nowarn', '-usejavacp',
      '-cp', `${JARS}/*`, '-d', classes, ...files]);
    if (r.code === 0) break;
    const bad = new Set([...(r.out + r.err).matchAll(/([^\s:]+\.scala):\d+: error/g)].map((m) => path.basename(m[1], '.scala')));
    if (bad.size === 0 || bad.has('StudioDriver')) throw new Error(`scalac failed:\n${r.out}${r.err}`);
    for (const id of bad) {
      const p = runnable.find((x) => x.id === id)!;
      const msg = (r.out + r.err).split('\n').filter((l) => l.includes(`${id}.scala`)).slice(0, 3).join(' | ');
      outcomes.push({ ...fns.get(p.id)!, name: p.name, category: p.category, lang: 'scala', status: 'differs', detail: `does not compile: ${msg}` });
    }
    files = files.filter((f) => !bad.has(path.basename(f, '.scala')));
  }
  console.log(`scalac: ${files.length - 1} Scala programs compiled in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  const compiled = runnable.filter((p) => files.some((f) => path.basename(f, '.scala') === p.id));
  const t1 = Date.now();
  const results = new Map<string, string>();
  // one JVM per 80 cases (a crash loses one chunk only)
  for (let i = 0; i < compiled.length; i += 80) {
    const chunk = compiled.slice(i, i + 80);
    const r = sh('java', ['-Xmx2g', ...JAVA_OPENS, '-cp', `${classes}:${JARS}/*`, 'org.apache.spark.streaming.StudioDriver',
      ...chunk.map((p) => `${p.id}:${scalaObjectOf(p)}:${p.graph.batchDuration}:${p.batches}:${needsCheckpoint(p.graph) ? 1 : 0}:${studioParallelism(p.graph) ?? 2}:${outputSlides(p.graph)}`)], { cwd: path.join(WORK, 'scala') });
    for (const [k, v] of splitCases(r.out)) results.set(k, v);
  }
  console.log(`spark (scala): ${compiled.length} cases run in ${((Date.now() - t1) / 1000).toFixed(0)} s`);
  for (const p of compiled) {
    const out = results.get(p.id);
    if (out === undefined) { outcomes.push({ ...fns.get(p.id)!, name: p.name, category: p.category, lang: 'scala', status: 'differs', detail: 'no output (driver crashed)' }); continue; }
    const err = out.match(/^@@@ERROR (.*)$/m);
    if (err) { outcomes.push({ ...fns.get(p.id)!, name: p.name, category: p.category, lang: 'scala', status: 'differs', detail: `failed on Spark: ${err[1].slice(0, 300)}` }); continue; }
    const savedDiff = writesTextFiles(p.graph) ? savedDifference(p.engine.saved, readSaved(outDir('scala', p.id))) : undefined;
    const same = out === p.engine.stdout && !savedDiff;
    outcomes.push({ ...fns.get(p.id)!, name: p.name, category: p.category, lang: 'scala', status: same ? 'same' : 'differs',
      ...(same ? {} : { detail: showCase(p, out, 'scala', savedDiff) }), ...(writesTextFiles(p.graph) ? { savedCompared: true } : {}) });
  }
  return outcomes;
}

/** Stateful streams (state ops, windows computed with an inverse function) need a checkpoint directory. */
/** Function params a graph's nodes carry (given or defaulted), i.e. the functions an exporter must translate. */
function functionCount(g: PipelineGraph): number {
  let n = 0;
  for (const node of g.nodes) {
    for (const [k, spec] of Object.entries(getOp(node.op)?.params ?? {})) {
      const v = node.params[k] ?? spec.default;
      if (spec.type === 'function' && typeof v === 'string' && v.trim() !== '') n++;
    }
  }
  return n;
}

/** The slides of the graph's outputs (Spark runs an output's job only at times its slide divides). */
function outputSlides(g: PipelineGraph): string {
  const slides = slideDurations(g);
  const outs = g.nodes.filter((n) => getOp(n.op)?.output === null).map((n) => slides.get(n.id) ?? g.batchDuration);
  return [...new Set(outs.length ? outs : [g.batchDuration])].join(',');
}

function needsCheckpoint(g: PipelineGraph): boolean {
  return g.nodes.some((n) => ['updateStateByKey', 'mapWithState', 'countByWindow', 'countByValueAndWindow'].includes(n.op)
    || ((n.op === 'reduceByKeyAndWindow' || n.op === 'reduceByWindow') && typeof n.params.inverse === 'string' && n.params.inverse !== ''));
}

/** print(n) shows the first n records; a PySpark batch is compared as a multiset, so every record is printed. */
function printEverything(g: PipelineGraph): PipelineGraph {
  return { ...g, nodes: g.nodes.map((n) => (n.op === 'print' ? { ...n, params: { ...n.params, num: 1000 } } : n)) };
}

/**
 * A graph that writes text files but has output nodes whose functions do not translate (the output lesson's
 * foreachRDD sink uses foreachPartition), without those outputs: what it prints and saves is unchanged, and Spark
 * can run it. Undefined when there is nothing to drop or nothing would be saved.
 */
function savedOutputsOnly(g: PipelineGraph): { graph: PipelineGraph; dropped: string[] } | undefined {
  if (!writesTextFiles(g)) return undefined;
  const untranslatable = (n: PipelineGraph['nodes'][number]) => Object.entries(getOp(n.op)?.params ?? {}).some(([k, spec]) => {
    const v = n.params[k] ?? spec.default;
    return spec.type === 'function' && typeof v === 'string' && v.trim() !== ''
      && (!translateUdf(v, 'scala').exact || !translateUdf(v, 'python').exact);
  });
  const drop = g.nodes.filter((n) => getOp(n.op)?.output === null && untranslatable(n)).map((n) => n.id);
  if (!drop.length) return undefined;
  return {
    graph: { ...g, nodes: g.nodes.filter((n) => !drop.includes(n.id)), edges: g.edges.filter((e) => !drop.includes(e.target)) },
    dropped: drop.map((id) => `${id} (${g.nodes.find((n) => n.id === id)!.op})`),
  };
}

function scalaObjectOf(p: Prepared): string {
  return `Oracle${p.id[0].toUpperCase()}${p.id.slice(1)}`;
}

function runPython(cases: Prepared[]): Outcome[] {
  const dir = path.join(WORK, 'python');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const outcomes: Outcome[] = [];
  const runnable: Prepared[] = [];
  const fns = new Map<string, { functions: number; translated: number }>();
  const pyGenerated = Number(arg('--python-generated') ?? 20);
  for (const p of cases.filter((c) => c.category !== 'generated' || Number(c.name.split(' ')[1]) < pyGenerated)) {
    const { code, inexact } = exportPythonDetailed(withOutputDir({ ...p.graph, name: `Oracle ${p.id}` }, outDir('python', p.id)), { recordedInputs: p.engine.recorded });
    const fn = { functions: functionCount(p.graph), translated: functionCount(p.graph) - inexact };
    fns.set(p.id, fn);
    const build = code.split('def build')[1] ?? '';
    if (inexact > 0 || /socketTextStream|TODO/.test(build)) {
      const why = inexact ? `${inexact} untranslated function(s)` : /no mapWithState/.test(build) ? 'PySpark has no mapWithState' : 'source not replayable';
      outcomes.push({ ...fns.get(p.id)!, name: p.name, category: p.category, lang: 'python', status: 'skipped', detail: why });
      continue;
    }
    fs.writeFileSync(path.join(dir, `${p.id}.py`), code);
    runnable.push(p);
  }
  const t0 = Date.now();
  const results = new Map<string, string>();
  for (let i = 0; i < runnable.length; i += 80) {
    const chunk = runnable.slice(i, i + 80);
    const r = sh(path.join(SPARK, 'venv/bin/python'), [path.join(ROOT, 'scripts/spark/studio_driver.py'), dir,
      ...chunk.map((p) => `${p.id}:${p.id}:${p.graph.batchDuration}:${p.batches}:${needsCheckpoint(p.graph) ? 1 : 0}:${studioParallelism(p.graph) ?? 2}:${outputSlides(p.graph)}`)], { cwd: dir });
    for (const [k, v] of splitCases(r.out)) results.set(k, v);
  }
  console.log(`spark (python): ${runnable.length} cases run in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  for (const p of runnable) {
    const out = results.get(p.id);
    if (out === undefined) { outcomes.push({ ...fns.get(p.id)!, name: p.name, category: p.category, lang: 'python', status: 'differs', detail: 'no output (driver crashed)' }); continue; }
    const err = out.match(/^@@@ERROR (.*)$/m);
    if (err) { outcomes.push({ ...fns.get(p.id)!, name: p.name, category: p.category, lang: 'python', status: 'differs', detail: `failed on Spark: ${err[1].slice(0, 300)}` }); continue; }
    const expected = p.pyEngine ?? p.engine;
    const savedDiff = writesTextFiles(p.graph)
      ? savedMultisetDifference(expected.saved, readSaved(outDir('python', p.id)), scalaLineOfEngineForPython, pythonLineToScala) : undefined;
    const same = !expected.error && sameAsMultisets(expected.stdout, out) && !savedDiff;
    outcomes.push({ ...fns.get(p.id)!, name: p.name, category: p.category, lang: 'python', status: same ? 'same' : 'differs',
      ...(same ? {} : { detail: showCase({ ...p, engine: expected }, out, 'python', savedDiff) }), ...(writesTextFiles(p.graph) ? { savedCompared: true } : {}) });
  }
  return outcomes;
}

/** Per batch, the records (print()'s lines after the header) as sorted lists, PySpark's repr written as Scala prints. */
function sameAsMultisets(engineText: string, pyText: string): boolean {
  const eb = splitBatches(engineText).map((b) => b.split('\n').slice(3).filter((l) => l !== '').map(scalaLineOfEngineForPython).sort());
  const pb = pyText.split('-------------------------------------------\nTime: ').filter((b) => b.length > 0)
    .map((b) => b.split('\n').slice(2).filter((l) => l !== '').map(pythonLineToScala).sort());
  return JSON.stringify(eb) === JSON.stringify(pb);
}

async function main(): Promise<void> {
  const t0 = Date.now();
  execFileSync(path.join(ROOT, 'scripts/spark/setup.sh'), { stdio: 'inherit' });
  const cases = loadCases();
  const prepared: Prepared[] = [];
  const engineDir = path.join(WORK, 'engine-checkpoints');
  fs.rmSync(engineDir, { recursive: true, force: true });
  fs.rmSync(OUT, { recursive: true, force: true });
  for (const [i, c] of cases.entries()) {
    const engine = await runOnEngine(c.graph, c.batches, path.join(engineDir, `case${i}`), outDir('engine', `case${i}`));
    if (engine.error) console.log(`engine failed on ${c.name}: ${engine.error}`);
    else {
      const py = asPySparkComputes(c.graph);
      const pyEngine = py === c.graph ? undefined : await runOnEngine(py, c.batches, path.join(engineDir, `case${i}-py`), outDir('engine-py', `case${i}`));
      prepared.push({ ...c, id: `case${i}`, engine, ...(pyEngine ? { pyEngine } : {}) });
    }
  }
  console.log(`engine: ${prepared.length} of ${cases.length} cases run in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  const outcomes = [
    ...(process.argv.includes('--no-scala') ? [] : runScala(prepared)),
    ...(process.argv.includes('--no-python') ? [] : runPython(prepared)),
  ];
  for (const o of outcomes) if (o.status === 'differs') console.log(`${o.detail?.startsWith('---') ? o.detail : `--- ${o.name} (${o.lang}): ${o.detail}`}\n`);
  console.log('\nSpark oracle summary (same / differs / skipped):');
  for (const cat of ['example', 'lesson', 'conformance', 'generated']) for (const lang of ['scala', 'python']) {
    const os = outcomes.filter((o) => o.category === cat && o.lang === lang);
    if (!os.length) continue;
    const skipped = os.filter((o) => o.status === 'skipped');
    console.log(`  ${cat.padEnd(9)} ${lang.padEnd(6)} ${os.filter((o) => o.status === 'same').length} / ${os.filter((o) => o.status === 'differs').length} / ${skipped.length}`
      + (skipped.length ? `  (skipped: ${skipped.map((o) => `${o.name}: ${o.detail}`).join('; ')})` : ''));
  }
  const saved = outcomes.filter((o) => o.savedCompared);
  console.log(`\nsaveAsTextFiles contents compared in ${saved.length} case run(s): ${saved.map((o) => `${o.name} (${o.lang}): ${o.status}`).join('; ') || 'none'}`);
  console.log('\nFunction translator reach (functions / translated / translated and same on Spark):');
  for (const lang of ['scala', 'python'] as const) for (const cat of ['example', 'lesson', 'conformance', 'generated']) {
    const os = outcomes.filter((o) => o.category === cat && o.lang === lang);
    if (!os.length) continue;
    const sum = (f: (o: Outcome) => number) => os.reduce((a, o) => a + f(o), 0);
    console.log(`  ${lang.padEnd(6)} ${cat.padEnd(9)} ${sum((o) => o.functions)} / ${sum((o) => o.translated)} / ${sum((o) => (o.status === 'same' ? o.translated : 0))}`);
  }
  console.log(`total ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  if (outcomes.some((o) => o.status === 'differs')) process.exitCode = 1;
}

void main();
