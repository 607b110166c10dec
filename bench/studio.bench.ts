/**
 * Row 8: the studio in headless Chromium.
 *
 * - 8.initial-js-gzip: the app is built once into a temp dir (`vite build`); the JS that index.html loads up front
 *   (its module entry script plus its modulepreload links) is gzipped (level 9) and summed.
 * - 8.first-render: that build served by scripts/serve.js (COOP/COEP headers), a fresh browser context per load,
 *   time from navigation start to the first canvas node of the default example painted (rAF probe); median of 3 loads (1 in --quick).
 * - 8.frame-p95-200-nodes / 8.long-tasks: a seeded 200-node graph (bench/studioGraph.ts) opened through a share link
 *   (`#g=…`, confirmed in the code dialog), run at 10× with a 1 s batch interval (10 simulated batches/s); frame times
 *   from a requestAnimationFrame loop and long tasks from a PerformanceObserver('longtask') over the window.
 * - 10.frame-p95-200-nodes-lineage (not in --quick): the same run with the Lineage tab open, the heaviest panel on a
 *   large graph (its DStream-over-time grid and the batch's stage DAG).
 * - 10.frame-p95-1000-nodes / 10.long-tasks-1000-nodes: the same run with a generated 1,000-node graph (100 chains).
 * - 8.heap-stable: the default example running at 10×; main-thread `performance.memory.usedJSHeapSize` sampled once a
 *   second after `window.gc()`; median of the first third vs the last third.
 *
 * Never throws: a stage that fails gives its rows met: false with the error as the note. Servers and browsers started
 * here are closed in finally blocks.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { parsePipeline } from '../engine/graph/schema';
import { hasErrors, validateGraph } from '../engine/graph/validate';
import { shareHash } from '../app/files/share';
import { studioGraph } from './studioGraph';
import { median, percentile, tempDir } from './harness';
import type { BenchOptions, BenchRow } from './run';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const errText = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 300);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const r1 = (x: number) => Math.round(x * 10) / 10;
const T0 = Date.now();
/** Progress on stderr with STUDIO_BENCH_DEBUG=1. */
const log = (msg: string) => { if (process.env.STUDIO_BENCH_DEBUG) process.stderr.write(`[studio ${r1((Date.now() - T0) / 1000)} s] ${msg}\n`); };

/** Rejects when `p` takes longer than `ms` (so one stuck stage cannot eat the runner's whole budget). */
function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} did not finish within ${Math.round(ms / 1000)} s`)), ms); });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

const ROW = {
  js: { id: '8.initial-js-gzip', name: 'studio initial JS (entry + modulepreload), gzip -9', unit: 'KB', target: '≤ 350' },
  render: { id: '8.first-render', name: 'studio first render of the default example (navigation → first canvas node), median of the loads', unit: 'ms', target: '≤ 1500' },
  frame: { id: '8.frame-p95-200-nodes', name: 'studio frame time p95, 200-node graph running at 10 batches/s', unit: 'ms', target: '≤ 20' },
  long: { id: '8.long-tasks', name: 'studio main-thread long tasks (> 50 ms) during the 200-node run', unit: 'tasks', target: '0' },
  lineage: { id: '10.frame-p95-200-nodes-lineage', name: 'studio frame time p95, the 200-node run with the Lineage tab open', unit: 'ms', target: '≤ 20' },
  frame1000: { id: '10.frame-p95-1000-nodes', name: 'studio frame time p95, 1,000-node graph running at 10 batches/s', unit: 'ms', target: '≤ 20' },
  long1000: { id: '10.long-tasks-1000-nodes', name: 'studio main-thread long tasks (> 50 ms) during the 1,000-node run', unit: 'tasks', target: '0' },
  heap: { id: '8.heap-stable', name: 'studio main-thread JS heap change (first vs last third), default example at 10×', unit: '%', target: '±10' },
} as const;

type RowKey = keyof typeof ROW;
const fail = (k: RowKey, note: string): BenchRow => ({ ...ROW[k], value: NaN, met: false, note });

// ---------------------------------------------------------------------------------------------
// Build

function build(outDir: string): void {
  const res = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' },
  });
  if (res.status !== 0 || !fs.existsSync(path.join(outDir, 'index.html'))) {
    throw new Error(`vite build failed (status ${res.status}${res.error ? `, ${res.error.message}` : ''}): ${(res.stderr || res.stdout || '').slice(-400)}`);
  }
}

/** The JS files index.html loads up front: module entry scripts and modulepreload links (local only). */
export function initialScripts(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*>/gi)) {
    const tag = m[0];
    if (!/type\s*=\s*["']?module/i.test(tag)) continue;
    const src = /\bsrc\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (src) out.add(src);
  }
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    if (!/rel\s*=\s*["']?modulepreload/i.test(tag)) continue;
    const href = /\bhref\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (href) out.add(href);
  }
  return [...out].filter((u) => !/^[a-z]+:\/\//i.test(u));
}

function initialJsRow(dir: string): BenchRow {
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const files = initialScripts(html);
  if (files.length === 0) return fail('js', 'index.html loads no module script');
  let gz = 0, raw = 0;
  const parts: string[] = [];
  for (const f of files) {
    const p = path.join(dir, f.replace(/^\.?\//, ''));
    const buf = fs.readFileSync(p);
    const z = gzipSync(buf, { level: 9 }).length;
    raw += buf.length; gz += z;
    parts.push(`${path.basename(f)} ${r1(z / 1024)}`);
  }
  const kb = gz / 1024;
  return { ...ROW.js, value: r1(kb), met: kb <= 350, note: `${files.length} files, ${r1(raw / 1024)} KB raw: ${parts.join(', ')}` };
}

// ---------------------------------------------------------------------------------------------
// Server and browser

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

async function startServer(dir: string): Promise<{ url: string; proc: ChildProcess }> {
  const port = await freePort();
  const proc = spawn(process.execPath, [path.join(ROOT, 'scripts/serve.js'), '--port', String(port), '--host', '127.0.0.1', '--dir', dir, '--strict-port'], {
    cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  proc.stderr?.on('data', (d) => { stderr += String(d); });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`serve.js exited (${proc.exitCode}): ${stderr.slice(-300)}`);
    try { const r = await fetch(url + '/'); if (r.ok) return { url, proc }; } catch { /* not yet */ }
    await sleep(100);
  }
  proc.kill();
  throw new Error('serve.js did not answer within 15 s');
}

function stopServer(proc: ChildProcess | undefined): void {
  if (proc && proc.exitCode === null) proc.kill('SIGTERM');
}

async function launch(): Promise<Browser> {
  const { chromium } = await import('@playwright/test');
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--no-first-run',
      '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
}

async function newPage(browser: Browser): Promise<{ ctx: BrowserContext; page: Page; errors: string[] }> {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(errText(e)));
  return { ctx, page, errors };
}

type StudioWindow = Window & {
  __studio?: {
    store: { getState(): { nodes: unknown[]; sim: { status: string; speed: number; batchesCompleted: number } } };
    engine: { setSpeed(s: number): void; run(): Promise<void>; stop(): Promise<void> };
  };
  __firstNode?: number;
  gc?: () => void;
};

/** Waits for the studio hook and a graph with at least `minNodes` nodes in the store. */
async function waitForStudio(page: Page, minNodes: number, timeout: number): Promise<void> {
  await page.waitForFunction((n) => {
    const s = (window as unknown as StudioWindow).__studio;
    return !!s && s.store.getState().nodes.length >= n;
  }, minNodes, { timeout });
}

/** Sets 10× and presses Run; resolves when the first batch has completed. */
async function runAt10x(page: Page, timeout: number): Promise<void> {
  await page.evaluate(() => { (window as unknown as StudioWindow).__studio!.engine.setSpeed(10); });
  const run = page.getByRole('button', { name: 'Run', exact: true });
  await run.waitFor({ state: 'visible', timeout });
  await page.waitForFunction(() => !(document.querySelector('button[aria-label="Run"]') as HTMLButtonElement | null)?.disabled, undefined, { timeout });
  await run.click();
  // A share link is untrusted: Run first lists its functions for consent.
  await page.waitForFunction(() => !!document.querySelector('[data-testid="consent-dialog"]')
    || (window as unknown as StudioWindow).__studio!.store.getState().sim.status !== 'idle', undefined, { timeout });
  const accept = page.getByTestId('consent-accept');
  if (await accept.isVisible()) await accept.click();
  await page.waitForFunction(() => {
    const st = (window as unknown as StudioWindow).__studio!.store.getState();
    return st.sim.status === 'failed' || st.sim.batchesCompleted >= 1;
  }, undefined, { timeout });
  const st = await simState(page);
  if (st.status === 'failed') throw new Error('the run failed to start');
  if (Math.abs(st.speed - 10) > 1e-9) throw new Error(`speed is ${st.speed}, not 10`);
}

const simState = (page: Page) => page.evaluate(() => (window as unknown as StudioWindow).__studio!.store.getState().sim);

// ---------------------------------------------------------------------------------------------
// Rows

/** Init script: the first animation frame in which a canvas node is laid out (non-zero box) → window.__firstNode. */
const FIRST_NODE_PROBE = `(function () {
  function tick() {
    var el = document.querySelector('.react-flow__node');
    if (el && el.getBoundingClientRect().width > 0) { window.__firstNode = performance.now(); return; }
    requestAnimationFrame(tick);
  }
  requestAnimationFrame(tick);
})();`;

/** Page function (ms) → { frames: frame intervals, long: long-task durations, domNodes }. */
const RECORD_FRAMES = `function (ms) {
  return new Promise(function (resolve) {
    var frames = [], long = [], obs;
    try {
      obs = new PerformanceObserver(function (list) { list.getEntries().forEach(function (e) { long.push(e.duration); }); });
      obs.observe({ type: 'longtask', buffered: false });
    } catch (e) { obs = undefined; }
    var start = 0, last = 0, b0 = window.__studio.store.getState().sim.batchesCompleted;
    function tick(now) {
      frames.push(now - last);
      last = now;
      if (now - start < ms) requestAnimationFrame(tick);
      else {
        if (obs) obs.disconnect();
        var sim = window.__studio.store.getState().sim;
        resolve({ frames: frames, long: long, domNodes: document.querySelectorAll('.react-flow__node').length, b0: b0, b1: sim.batchesCompleted, status: sim.status });
      }
    }
    requestAnimationFrame(function (now) { start = now; last = now; requestAnimationFrame(tick); });
  });
}`;

async function firstRender(browser: Browser, url: string, loads: number): Promise<BenchRow> {
  const times: number[] = [];
  for (let i = 0; i < loads; i++) {
    const { ctx, page, errors } = await newPage(browser);
    try {
      // A rAF probe from the first script on: the frame in which a canvas node is laid out (non-zero box).
      // (Scripts for the page are strings: tsx would wrap named functions in a `__name` helper the page lacks.)
      await page.addInitScript({ content: FIRST_NODE_PROBE });
      await page.goto(url + '/', { waitUntil: 'commit' });
      await page.locator('.react-flow__node').first().waitFor({ state: 'visible', timeout: 20_000 });
      await page.waitForFunction(() => (window as unknown as StudioWindow).__firstNode !== undefined, undefined, { timeout: 5_000 });
      times.push(await page.evaluate(() => (window as unknown as StudioWindow).__firstNode!));
      if (errors.length) throw new Error(`page error: ${errors[0]}`);
    } finally {
      await ctx.close();
    }
  }
  const m = median(times);
  return { ...ROW.render, value: Math.round(m), met: m <= 1500, note: `loads: ${times.map((t) => Math.round(t)).join(', ')} ms (fresh context each, served gzipped from 127.0.0.1, 1400×900)` };
}

/** A generated graph of `nodes` in chains of 10 (studioGraph.ts). */
interface GraphSize { nodes: number; chains: number; frame: 'frame' | 'frame1000'; long: 'long' | 'long1000' }
const NODES_200: GraphSize = { nodes: 200, chains: 20, frame: 'frame', long: 'long' };
const NODES_1000: GraphSize = { nodes: 1000, chains: 100, frame: 'frame1000', long: 'long1000' };

/** The run of a generated graph (200 nodes by default); `tab` opens that dock tab first (the default is the Cluster panel). */
async function frameBudget(browser: Browser, url: string, windowMs: number, quick: boolean, tab?: string, size: GraphSize = NODES_200): Promise<BenchRow[]> {
  const graph = studioGraph({ nodes: size.nodes, chains: size.chains, seed: 42, master: 'local[2]', batchDuration: 1000 });
  const parsed = parsePipeline(JSON.stringify(graph));
  if (!parsed.ok) throw new Error(`generated graph does not parse: ${parsed.issues[0]}`);
  const issues = validateGraph(parsed.graph);
  if (hasErrors(issues)) throw new Error(`generated graph is invalid: ${issues.find((i) => i.severity === 'error')!.message}`);

  const { ctx, page, errors } = await newPage(browser);
  try {
    await page.goto(url + '/' + shareHash(graph), { waitUntil: 'domcontentloaded' });
    log('frame: page loaded');
    await waitForStudio(page, size.nodes, 30_000);
    const nodeCount = await page.evaluate(() => (window as unknown as StudioWindow).__studio!.store.getState().nodes.length);
    if (nodeCount !== size.nodes) throw new Error(`the studio holds ${nodeCount} nodes, not ${size.nodes}`);
    await sleep(500); // let layout and validation settle
    if (tab) await page.evaluate((id) => { (window as unknown as { __studio: { store: { getState(): { setDockTab(t: string): void } } } }).__studio.store.getState().setDockTab(id); }, tab);
    await runAt10x(page, 20_000);
    log('frame: running, first batch done');
    await sleep(quick ? 500 : 1000); // past the first-batch warm-up

    const result = await within(page.evaluate(`(${RECORD_FRAMES})(${windowMs})`), windowMs + 15_000, 'the frame recorder') as { frames: number[]; long: number[]; domNodes: number; b0: number; b1: number; status: string };
    log(`frame: recorded ${result.frames.length} frames`);
    // Read inside the recorder: a round trip through a jammed main thread afterwards can take tens of seconds.
    const st = { status: result.status };
    const batches = result.b1 - result.b0;

    const p95 = percentile(result.frames, 95);
    const maxLong = result.long.length ? Math.max(...result.long) : 0;
    const errNote = errors.length ? `; page errors: ${errors.slice(0, 2).join(' | ')}` : '';
    if (tab) {
      return [{ ...ROW.lineage, value: r1(p95), met: p95 <= 20 && errors.length === 0,
        note: `${result.long.length} long tasks (max ${r1(maxLong)} ms); ${result.frames.length} frames, median ${r1(median(result.frames))} ms; ${batches} batches completed in ${r1(windowMs / 1000)} s${errors.length ? `; page errors: ${errors.slice(0, 2).join(' | ')}` : ''}` }];
    }
    const common = `${r1(windowMs / 1000)} s window, ${batches} batches completed (${r1(batches / (windowMs / 1000))}/s of 10/s asked), ` +
      `status ${st.status}, ${result.domNodes} node elements in the DOM`;
    return [
      { ...ROW[size.frame], value: r1(p95), met: p95 <= 20 && errors.length === 0,
        note: `${result.frames.length} frames, median ${r1(median(result.frames))} ms, p99 ${r1(percentile(result.frames, 99))} ms, max ${r1(Math.max(...result.frames))} ms; ${common}${errNote}` },
      { ...ROW[size.long], value: result.long.length, met: result.long.length === 0,
        note: `max ${r1(maxLong)} ms, total ${Math.round(result.long.reduce((a, b) => a + b, 0))} ms; ${common}` },
    ];
  } finally {
    log('closing the page');
    await ctx.close(); // closing the page ends its run (workers included); no Stop round trip through a busy main thread
    log('page closed');
  }
}

async function heapStable(browser: Browser, url: string, windowMs: number, quick = false): Promise<BenchRow> {
  const { ctx, page, errors } = await newPage(browser);
  try {
    await page.goto(url + '/', { waitUntil: 'domcontentloaded' });
    await waitForStudio(page, 1, 30_000);
    await page.locator('.react-flow__node').first().waitFor({ state: 'visible', timeout: 30_000 });
    const hasMemory = await page.evaluate(() => typeof (performance as unknown as { memory?: unknown }).memory === 'object');
    if (!hasMemory) throw new Error('performance.memory is not available');
    await runAt10x(page, 20_000);
    log('heap: running');
    const b0 = (await simState(page)).batchesCompleted;
    const samples: number[] = [];
    const t0 = Date.now();
    while (Date.now() - t0 < windowMs) {
      await sleep(1000);
      samples.push(await page.evaluate(() => {
        const w = window as unknown as StudioWindow;
        w.gc?.();
        return (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
      }));
    }
    const st = await simState(page);
    const batches = st.batchesCompleted - b0;
    const third = Math.max(1, Math.floor(samples.length / 3));
    const first = median(samples.slice(0, third));
    const lastM = median(samples.slice(-third));
    const pct = ((lastM - first) / first) * 100;
    const mb = (b: number) => r1(b / 1048576);
    const gcNote = (await page.evaluate(() => typeof (window as unknown as StudioWindow).gc === 'function')) ? 'after window.gc()' : 'no window.gc';
    return {
      // --quick runs 6 s: the panels are still filling their window of 100 batches (10 s at 10×), so it only reports.
      ...ROW.heap, value: r1(pct), met: quick ? null : Math.abs(pct) <= 10 && errors.length === 0 && st.status === 'running',
      note: `${quick ? 'report only with --quick (the panels keep 100 batches: 10 s at 10×, longer than this run); ' : ''}${samples.length} samples (1/s, ${gcNote}): first third median ${mb(first)} MB, last third ${mb(lastM)} MB, min ${mb(Math.min(...samples))}, max ${mb(Math.max(...samples))} MB; ` +
        `${r1(windowMs / 1000)} s wall at 10× = ${batches} batches completed (${batches} s simulated of the 600 s the row asks for), status ${st.status}` +
        (errors.length ? `; page errors: ${errors.slice(0, 2).join(' | ')}` : ''),
    };
  } finally {
    log('closing the page');
    await ctx.close(); // closing the page ends its run (workers included); no Stop round trip through a busy main thread
    log('page closed');
  }
}

// ---------------------------------------------------------------------------------------------

export async function rows({ quick }: BenchOptions): Promise<BenchRow[]> {
  const out: BenchRow[] = [];
  const dir = tempDir('studio');
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  try {
    log('build');
    try { build(dir); } catch (e) {
      return (Object.keys(ROW) as RowKey[]).map((k) => fail(k, errText(e)));
    }
    try { out.push(initialJsRow(dir)); } catch (e) { out.push(fail('js', errText(e))); }

    let url: string;
    try {
      const s = await startServer(dir);
      server = s.proc;
      url = s.url;
      browser = await launch();
    } catch (e) {
      const note = `could not start the server or Chromium: ${errText(e)}`;
      return [...out, fail('render', note), fail('frame', note), fail('long', note), fail('lineage', note), fail('heap', note), fail('frame1000', note), fail('long1000', note)];
    }

    log('first render');
    try { out.push(await within(firstRender(browser, url, quick ? 1 : 3), 40_000, 'first render')); } catch (e) { out.push(fail('render', errText(e))); }
    log('frame budget');
    try { out.push(...await within(frameBudget(browser, url, quick ? 2000 : 10_000, quick), quick ? 45_000 : 60_000, 'the 200-node run')); } catch (e) {
      out.push(fail('frame', errText(e)), fail('long', errText(e)));
    }
    log('frame budget, Lineage tab');
    if (quick) out.push({ ...ROW.lineage, value: NaN, met: null, note: 'not run with --quick' });
    else {
      try { out.push(...await within(frameBudget(browser, url, 10_000, quick, 'lineage'), 60_000, 'the 200-node run with the Lineage tab')); } catch (e) {
        out.push(fail('lineage', errText(e)));
      }
    }
    log('frame budget, 1,000 nodes');
    try { out.push(...await within(frameBudget(browser, url, quick ? 2000 : 10_000, quick, undefined, NODES_1000), quick ? 60_000 : 90_000, 'the 1,000-node run')); } catch (e) {
      out.push(fail('frame1000', errText(e)), fail('long1000', errText(e)));
    }
    log('heap');
    try { out.push(await within(heapStable(browser, url, quick ? 6_000 : 60_000, quick), quick ? 45_000 : 100_000, 'the heap run')); } catch (e) { out.push(fail('heap', errText(e))); }
    return out;
  } finally {
    await browser?.close().catch(() => undefined);
    stopServer(server);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
