/**
 * `npx tsx scripts/soak.ts [--batches N] [--master M] [--fault-every K] [--seed S]
 *                                         [--receiver-lines L] [--heap-limit-mb X] [--heap-slope-mb Y] [--json]`
 *
 * 1. Runs the gallery's hashtag pipeline (public/examples/hashtags.json: simulated tweets → hashtags → 10 s window
 *    with an inverse function → sorted → print) for N simulated batches on a manual clock, twice: fault-free, and
 *    with a seeded random fault about every K batches (killExecutor when the master has worker executors,
 *    crashReceiver, failNextTask). Each batch's printed text is hashed; the runs must print the same thing for every
 *    batch a fault cannot change — all of them, except those whose 10 s window overlaps the restart gap of a
 *    crashed receiver (a simulated source produces nothing while its receiver is down, as in Spark) — and the same
 *    final state (the last batch's top 10).
 * 2. Samples the heap (process.memoryUsage().heapUsed, after a GC when run with --expose-gc) every N/20 batches and
 *    checks it stays bounded: the last quarter's median is within `--heap-limit-mb` (default 64) of the second
 *    quarter's, and the slope over the second half is at most `--heap-slope-mb` (default 2) MB per 1,000 batches.
 * 3. At the end counts what is left: live executors (executorAdded − executorRemoved, and sc.getExecutorIds()),
 *    listeners on the context's bus, and the process's active handles by type compared with before the run.
 * 4. With --receiver-lines L (e.g. 1000000) also runs the reliable-receiver load test
 *    (engine/reliability/reliableReceiver.node.ts) for L lines with random disconnects and, on local-cluster, an
 *    executor killed mid-run.
 * Defaults: 2,000 batches, local-cluster[2,1,256], a fault every 500 batches. The full run is --batches 50000.
 * Exit code 0 when every check holds, 1 otherwise; --json prints the figures as one JSON line at the end.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { MemoryFileSystem, Milliseconds, Rng, SparkConf, StreamingContext } from '../engine/index';
import { buildPipeline } from '../engine/graph/buildPipeline';
import { parsePipeline } from '../engine/graph/schema';
import type { EngineEvent } from '../engine/core/events';
import type { PipelineGraph } from '../engine/graph/types';
import type { ReliableRunResult } from '../engine/reliability/reliableReceiver.node';
type ReceiverModule = typeof import('../engine/reliability/reliableReceiver.node');
// tsx resolves `x.node` as a native addon: load the .node.ts module by its full name (as scripts/import.ts does).
const loadReceiverModule = () => import(new URL('../engine/reliability/reliableReceiver.node.ts', import.meta.url).href) as Promise<ReceiverModule>;
import * as engine from '../engine/index';
import { nodeRuntime } from '../engine/runtime/nodeRuntime';
import { NodeWorkerSpawner } from '../engine/cluster/node/nodeSpawner';
import type { SpawnedWorker, WorkerLimits } from '../engine/cluster/spawner';

export interface SoakOptions {
  batches: number;
  master: string;
  faultEvery: number;
  seed: number;
  receiverLines: number;
  heapLimitMb: number;
  /** Largest heap slope accepted over the second half of the run, MB per 1,000 batches. */
  heapSlopeMb: number;
  log: (line: string) => void;
}

export function parseSoakArgs(argv: string[]): SoakOptions & { json: boolean } {
  const o = { batches: 2_000, master: 'local-cluster[2,1,256]', faultEvery: 500, seed: 11, receiverLines: 0, heapLimitMb: 64, heapSlopeMb: 2, json: false, log: (l: string) => console.log(l) };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = () => { const v = Number(argv[++i]); if (!Number.isFinite(v) || v < 0) throw new Error(`${a} needs a non-negative number`); return v; };
    if (a === '--batches') o.batches = Math.floor(num());
    else if (a === '--master') o.master = argv[++i];
    else if (a === '--fault-every') o.faultEvery = Math.max(1, Math.floor(num()));
    else if (a === '--seed') o.seed = Math.floor(num());
    else if (a === '--receiver-lines') o.receiverLines = Math.floor(num());
    else if (a === '--heap-limit-mb') o.heapLimitMb = num();
    else if (a === '--heap-slope-mb') o.heapSlopeMb = num();
    else if (a === '--json') o.json = true;
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return h >>> 0;
}

const gc = (globalThis as { gc?: () => void }).gc;
const activeHandles = (): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const t of process.getActiveResourcesInfo()) out[t] = (out[t] ?? 0) + 1;
  return out;
};

interface Fault { batch: number; kind: 'killExecutor' | 'crashReceiver' | 'failNextTask'; target?: string }

/** Counts executor workers started and ended (terminated or exited), to find leaks. */
const workers = { spawned: 0, ended: 0 };
const countingRuntime = nodeRuntime({ workerSpawner: () => {
  const inner = new NodeWorkerSpawner();
  return {
    platform: inner.platform,
    channel: () => inner.channel(),
    async spawn(label: string, limits?: WorkerLimits): Promise<SpawnedWorker> {
      const w = await inner.spawn(label, limits);
      workers.spawned++;
      let ended = false;
      const end = () => { if (!ended) { ended = true; workers.ended++; } };
      w.onExit(() => end());
      return { endpoint: w.endpoint, onExit: (l) => w.onExit(l), terminate: () => { end(); w.terminate(); }, setRef: w.setRef && ((r: boolean) => w.setRef!(r)) };
    },
  };
} });

/** One run of the hashtag pipeline, stepped one batch at a time. */
class HashtagRun {
  readonly ssc: StreamingContext;
  readonly heapMb: { batch: number; mb: number }[] = [];
  readonly faults: Fault[] = [];
  executorsAdded = 0; executorsRemoved = 0; taskFailures = 0; receiverStarts = 0;
  listenersAtStart = 0; listenersAtEnd = 0;
  private unsubscribe: () => void = () => undefined;
  private readonly rng: Rng;
  wallMs = 0;

  /** Printed text by batch time (a batch can print after its step returned: see step()). */
  readonly printed = new Map<number, string>();
  private lastTime = -1;

  constructor(private readonly o: SoakOptions, readonly withFaults: boolean) {
    const graph = loadGraph();
    const conf = new SparkConf().setMaster(o.master).setAppName(`soak-${withFaults ? 'faults' : 'reference'}`)
      .set('spark.streaming.clock', 'manual').set('spark.studio.seed', String(o.seed));
    for (const [k, v] of Object.entries(graph.conf ?? {})) conf.set(k, v);
    this.ssc = new StreamingContext(conf, Milliseconds(graph.batchDuration), { runtime: countingRuntime });
    const ssc = this.ssc;
    ssc.sparkContext.fs = new MemoryFileSystem(() => ssc.clock.getTimeMillis());
    ssc.checkpoint('/soak/checkpoints');
    ssc.stdout = (t: string) => {
      const m = /^-{43}\nTime: (\d+) ms\n/.exec(t);
      if (m) this.lastTime = Number(m[1]);
      this.printed.set(this.lastTime, (this.printed.get(this.lastTime) ?? '') + t);
    };
    ssc.stderr = () => undefined;
    this.unsubscribe = ssc.sparkContext.listenerBus.add((e: EngineEvent) => {
      if (e.type === 'executorAdded') this.executorsAdded++;
      else if (e.type === 'executorRemoved') this.executorsRemoved++;
      else if (e.type === 'taskEnd' && (e as { failureReason?: string }).failureReason) this.taskFailures++;
      else if (e.type === 'receiverStarted') this.receiverStarts++;
    });
    buildPipeline(graph, ssc, { api: engine });
    this.rng = new Rng(`soak-faults:${o.seed}`);
  }

  private get listenerCount(): number { return this.ssc.sparkContext.listenerBus.size; }

  async start(): Promise<void> { await this.ssc.start(); this.listenersAtStart = this.listenerCount; }

  private nextFault = Infinity;
  private nextFaultAfter(b: number): number { return b + Math.max(1, Math.round(this.o.faultEvery * (0.75 + 0.5 * this.rng.nextDouble()))); }

  /** Runs batch `b` (1-based), injecting the fault due before it. */
  async step(b: number): Promise<void> {
    const t0 = performance.now();
    const o = this.o, ssc = this.ssc;
    if (b === 1 && this.withFaults) this.nextFault = this.nextFaultAfter(0);
    // A fault about every faultEvery batches (± a quarter), none in the last 30 (the final state is compared).
    if (b === this.nextFault && b < o.batches - 30) {
      const cluster = o.master.startsWith('local-cluster');
      const kinds: Fault['kind'][] = cluster ? ['killExecutor', 'crashReceiver', 'failNextTask'] : ['crashReceiver', 'failNextTask'];
      const kind = kinds[this.rng.nextInt(kinds.length)];
      const f: Fault = { batch: b, kind };
      if (kind === 'killExecutor') {
        const ids = ssc.sparkContext.getExecutorIds();
        if (ids.length) {
          f.target = ids[this.rng.nextInt(ids.length)];
          await ssc.faults.killExecutor(f.target);
          // The cluster manager launches a replacement (a real worker, real time). With one core per executor the
          // restarted receiver holds the other one's only slot, and step() returns without the batch (it runs once
          // the replacement registers): wait for it, with a hang guard.
          const deadline = performance.now() + 60_000;
          while (ssc.sparkContext.getExecutorIds().length < ids.length && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        } else f.target = 'none live';
      } else if (kind === 'crashReceiver') { const id = ssc.graph.inputStreams[0].id; f.target = String(id); ssc.faults.crashReceiver(id); }
      else ssc.faults.failNextTask();
      this.faults.push(f);
      this.nextFault = this.nextFaultAfter(b);
    }
    await ssc.step(1);
    this.wallMs += performance.now() - t0;
  }

  /** Waits (real time, bounded) until the batch at `timeMs` has printed; returns its text and forgets it. */
  async take(timeMs: number): Promise<string | undefined> {
    const deadline = performance.now() + 30_000;
    while (!this.printed.has(timeMs) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    // Everything of a batch is printed by one print() call; later batches start with their own header.
    const t = this.printed.get(timeMs);
    this.printed.delete(timeMs);
    return t;
  }

  sampleHeap(b: number): void { this.heapMb.push({ batch: b, mb: Math.round(process.memoryUsage().heapUsed / 1048576 * 10) / 10 }); }

  async stop(): Promise<void> {
    this.listenersAtEnd = this.listenerCount;
    await this.ssc.stop();
    this.unsubscribe();
  }
}

function loadGraph(): PipelineGraph {
  const here = dirname(fileURLToPath(import.meta.url));
  const r = parsePipeline(readFileSync(join(here, '../public/examples/hashtags.json'), 'utf8'));
  if (!r.ok) throw new Error(`hashtags.json: ${r.issues.join('; ')}`);
  return r.graph;
}

function slopePer1000(points: { batch: number; mb: number }[]): number {
  if (points.length < 2) return 0;
  const mx = points.reduce((a, p) => a + p.batch, 0) / points.length, my = points.reduce((a, p) => a + p.mb, 0) / points.length;
  const num = points.reduce((a, p) => a + (p.batch - mx) * (p.mb - my), 0), den = points.reduce((a, p) => a + (p.batch - mx) ** 2, 0);
  return den === 0 ? 0 : (num / den) * 1000;
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : 0; };

export async function soak(o: SoakOptions): Promise<{ ok: boolean; problems: string[]; figures: Record<string, unknown> }> {
  const problems: string[] = [];
  const handlesBefore = activeHandles();
  o.log(`soak: hashtag pipeline, ${o.batches} batches on ${o.master}, a fault about every ${o.faultEvery} batches, seed ${o.seed}${gc ? '' : ' (run node with --expose-gc for exact heap figures)'}`);
  // The fault-free and the faulty run go in lockstep, so a batch that prints something else is reported with both texts.
  const ref = new HashtagRun(o, false), run = new HashtagRun(o, true);
  const graph = loadGraph();
  const windowBatches = Math.ceil(10_000 / graph.batchDuration) + 1;
  const restartBatches = Math.ceil(2_000 / graph.batchDuration) + 1;
  const mayDiffer = new Set<number>();
  let differing = 0, unexplained = 0, refLast = '', runLast = '';
  const sampleEvery = Math.max(1, Math.floor(o.batches / 20));
  await ref.start();
  await run.start();
  try {
    for (let b = 1; b <= o.batches; b++) {
      const before = run.faults.length;
      await ref.step(b);
      await run.step(b);
      const a = (await ref.take(b * graph.batchDuration)) ?? '(nothing printed)\n';
      const x = (await run.take(b * graph.batchDuration)) ?? '(nothing printed)\n';
      // A crashed receiver produces nothing until it restarts (2 s): the batches whose 10 s window holds that gap may differ.
      for (const f of run.faults.slice(before)) if (f.kind === 'crashReceiver') for (let k = b; k <= b + restartBatches + windowBatches; k++) mayDiffer.add(k);
      if (b === o.batches) { refLast = a; runLast = x; }
      if (a !== x) {
        differing++;
        if (!mayDiffer.has(b)) {
          unexplained++;
          if (unexplained <= 3) problems.push(`batch ${b} printed something else than the fault-free run (faults so far: ${JSON.stringify(run.faults.slice(-2))}):\n--- fault-free\n${a}--- with faults\n${x}`);
        }
      }
      if (b % sampleEvery === 0) {
        gc?.();
        ref.sampleHeap(b);
        run.sampleHeap(b);
        o.log(`  batch ${b}/${o.batches}: heap ${run.heapMb[run.heapMb.length - 1].mb} MB (both runs), executors ${run.ssc.sparkContext.getExecutorIds().join(',')}, faults ${run.faults.length}, differing batches ${differing}`);
      }
    }
  } finally {
    await ref.stop();
    await run.stop();
  }
  if (refLast !== runLast) problems.push(`final state differs:\n--- fault-free\n${refLast}--- with faults\n${runLast}`);
  if (run.faults.length < Math.floor(o.batches / o.faultEvery) - 1) problems.push(`only ${run.faults.length} faults were injected`);
  // Heap (both runs live in this process): bounded if the last quarter's median is within the limit of the second quarter's.
  const hs = run.heapMb.map((s) => s.mb);
  const quarter = (k: number) => median(hs.slice(Math.floor(hs.length * k / 4), Math.floor(hs.length * (k + 1) / 4)));
  const growth = quarter(3) - quarter(1);
  if (hs.length >= 8 && growth > o.heapLimitMb) problems.push(`heap grew by ${growth.toFixed(1)} MB between the second and the last quarter of the run (limit ${o.heapLimitMb} MB)`);
  // Bounded also means flat: the least-squares slope over the second half, in MB per 1,000 batches.
  const half = run.heapMb.slice(Math.floor(run.heapMb.length / 2));
  const slope = slopePer1000(half);
  if (half.length >= 5 && slope > o.heapSlopeMb) problems.push(`heap keeps growing: ${slope.toFixed(1)} MB per 1,000 batches over the second half (limit ${o.heapSlopeMb}); at 50,000 batches that is ${(slope * 50).toFixed(0)} MB`);
  for (const r of [ref, run]) {
    if (r.listenersAtEnd !== r.listenersAtStart) problems.push(`listener leak: ${r.listenersAtStart} listeners on the bus after start, ${r.listenersAtEnd} at the end`);
  }
  await new Promise((r) => setTimeout(r, 300));
  const liveWorkers = workers.spawned - workers.ended;
  if (liveWorkers !== 0) problems.push(`worker leak: ${workers.spawned} executor workers started, ${workers.ended} ended`);
  const handlesAfter = activeHandles();
  for (const [t, n] of Object.entries(handlesAfter)) {
    if (n > (handlesBefore[t] ?? 0) && !['Timeout', 'TTYWrap', 'PipeWrap'].includes(t)) problems.push(`active ${t} handles: ${handlesBefore[t] ?? 0} before, ${n} after`);
  }
  let receiver: ReliableRunResult | undefined;
  if (o.receiverLines > 0) {
    o.log(`reliable receiver: ${o.receiverLines} lines with random disconnects on ${o.master}`);
    const { runReliableReceiver } = await loadReceiverModule();
    receiver = await runReliableReceiver({ lines: o.receiverLines, seed: o.seed, master: o.master,
      killExecutorAtLine: o.master.startsWith('local-cluster') ? Math.floor(o.receiverLines / 2) : undefined, maxBatches: 20_000, log: o.log, runtime: countingRuntime });
    if (receiver.missing || receiver.unknown) problems.push(`reliable receiver: ${receiver.missing} lines missing, ${receiver.unknown} unknown`);
  }
  const figures = {
    batches: o.batches, master: o.master, seed: o.seed,
    faults: run.faults.reduce<Record<string, number>>((a, f) => ({ ...a, [f.kind]: (a[f.kind] ?? 0) + 1 }), {}),
    batchesDiffering: differing, batchesDifferingUnexplained: unexplained,
    taskFailures: run.taskFailures, receiverRestarts: Math.max(0, run.receiverStarts - 1), executorsAdded: run.executorsAdded, executorsRemoved: run.executorsRemoved,
    heapMb: { samples: hs, growthSecondToLastQuarter: Math.round(growth * 10) / 10, slopePer1000Batches: Math.round(slope * 10) / 10 },
    msPerBatch: { reference: Math.round(ref.wallMs / o.batches * 10) / 10, faults: Math.round(run.wallMs / o.batches * 10) / 10 },
    leftAfterStop: { workersStarted: workers.spawned, workersEnded: workers.ended, listeners: [ref.listenersAtStart, ref.listenersAtEnd, run.listenersAtStart, run.listenersAtEnd], handles: handlesAfter },
    ...(receiver && { receiver }),
  };
  return { ok: problems.length === 0, problems, figures };
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  let opts: ReturnType<typeof parseSoakArgs>;
  try { opts = parseSoakArgs(process.argv.slice(2)); } catch (e) { console.error(String((e as Error).message)); process.exit(2); }
  soak(opts).then((r) => {
    for (const p of r.problems) console.error(`FAIL ${p}`);
    console.log(opts.json ? JSON.stringify(r.figures) : JSON.stringify(r.figures, null, 2));
    console.log(r.ok ? 'soak: OK' : `soak: ${r.problems.length} problem(s)`);
    process.exit(r.ok ? 0 : 1);
  }, (e) => { console.error(e); process.exit(1); });
}
