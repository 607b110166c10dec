/**
 * Benchmark runner: `npm run bench [-- --quick] [--filter TEXT] [--strict]`.
 *
 * Discovers bench/*.bench.ts (in file-name order, numbers sorted naturally), runs each file's
 *
 *   export async function rows(opts: { quick: boolean }): Promise<BenchRow[]>
 *
 * one file at a time, prints an aligned table and writes bench/results.json (machine info + rows).
 * Benchmarks compare inside one run (a ratio of two things measured back to back in the same
 * process), because absolute times on shared machines are noisy. A file that throws, times out or
 * returns malformed rows becomes a row with met: false and the error as its note; the runner
 * never crashes because of a benchmark. `--quick` is passed through (a smoke mode that must still
 * produce every row). `--strict` exits 1 when a target is missed (not used by `npm test`).
 *
 * Helpers for benchmark files are exported from here: `measure`, `compare`, `ratioRow`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchRow {
  /** "<row number>.<name>", e.g. "1.throughput-vs-loop" (the numbering of README's Performance table). */
  id: string;
  name: string;
  value: number;
  unit: string;
  /** Human-readable target, e.g. "≥ 0.8"; "" when the row only reports. */
  target: string;
  /** true / false against the target; null when there is no target. */
  met: boolean | null;
  note?: string;
}

export interface BenchOptions { quick: boolean }

export type BenchFile = { rows(opts: BenchOptions): Promise<BenchRow[]> };

// ---------------------------------------------------------------------------------------------
// Helpers for benchmark files

/** Keeps results alive so the JIT cannot drop the measured work. */
export let blackhole: unknown;
export function consume(x: unknown): void { blackhole = x; }

export interface Measurement { medianMs: number; minMs: number; samples: number[] }

/**
 * Times `fn` `rounds` times (after `warmup` untimed calls) and returns the median and minimum
 * duration of one call, in milliseconds.
 */
export async function measure(fn: () => unknown, { rounds = 7, warmup = 2 }: { rounds?: number; warmup?: number } = {}): Promise<Measurement> {
  for (let i = 0; i < warmup; i++) consume(await fn());
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    consume(await fn());
    samples.push(performance.now() - t0);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(sorted.length / 2)], minMs: sorted[0], samples };
}

/**
 * Runs `a` and `b` alternately (so both see the same machine state) and returns the median of the
 * per-round ratios time(a) / time(b).
 */
export async function compare(a: () => unknown, b: () => unknown, { rounds = 7, warmup = 2 }: { rounds?: number; warmup?: number } = {}): Promise<{ ratio: number; aMs: number; bMs: number }> {
  for (let i = 0; i < warmup; i++) { consume(await a()); consume(await b()); }
  const ratios: number[] = [];
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < rounds; i++) {
    let t0 = performance.now();
    consume(await a());
    const ta = performance.now() - t0;
    t0 = performance.now();
    consume(await b());
    const tb = performance.now() - t0;
    as.push(ta);
    bs.push(tb);
    ratios.push(ta / Math.max(tb, 1e-6));
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  return { ratio: median(ratios), aMs: median(as), bMs: median(bs) };
}

/** A row for a ratio with a target of the form "≤ x" or "≥ x". */
export function ratioRow(id: string, name: string, value: number, target: { op: '<=' | '>='; limit: number }, note?: string): BenchRow {
  const met = target.op === '<=' ? value <= target.limit : value >= target.limit;
  return { id, name, value, unit: 'ratio', target: `${target.op === '<=' ? '≤' : '≥'} ${target.limit}`, met, ...(note !== undefined && { note }) };
}

// ---------------------------------------------------------------------------------------------
// Runner

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));

export function discoverBenchFiles(dir = BENCH_DIR): string[] {
  return fs.readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((f) => path.join(dir, f));
}

function errorRow(file: string, message: string): BenchRow {
  const base = path.basename(file, '.bench.ts');
  return { id: `${base}.error`, name: `${base} (failed)`, value: Number.NaN, unit: '', target: '', met: false, note: message };
}

function validateRow(row: unknown, i: number): string | undefined {
  if (typeof row !== 'object' || row === null) return `row ${i} is not an object`;
  const r = row as Record<string, unknown>;
  for (const k of ['id', 'name', 'unit', 'target']) if (typeof r[k] !== 'string') return `row ${i}: "${k}" must be a string`;
  if (typeof r.value !== 'number') return `row ${i} (${String(r.id)}): "value" must be a number`;
  if (!(r.met === true || r.met === false || r.met === null)) return `row ${i} (${String(r.id)}): "met" must be true, false or null`;
  if (r.note !== undefined && typeof r.note !== 'string') return `row ${i} (${String(r.id)}): "note" must be a string`;
  return undefined;
}

function oneLine(s: string): string { return s.replace(/\s+/g, ' ').trim(); }

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} did not finish within ${Math.round(ms / 1000)} s`)), ms); });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** Runs one benchmark file; never throws. */
export async function runBenchFile(file: string, opts: BenchOptions, timeoutMs: number): Promise<BenchRow[]> {
  try {
    const mod = (await import(pathToFileURL(file).href)) as Partial<BenchFile>;
    if (typeof mod.rows !== 'function') return [errorRow(file, 'does not export rows(opts: { quick: boolean }): Promise<BenchRow[]>')];
    const rows = await withTimeout(Promise.resolve(mod.rows({ ...opts })), timeoutMs, path.basename(file));
    if (!Array.isArray(rows)) return [errorRow(file, 'rows() did not return an array')];
    const problems = rows.map(validateRow).filter((p): p is string => p !== undefined);
    if (problems.length) return [errorRow(file, `malformed rows: ${problems.join('; ')}`)];
    return rows;
  } catch (err) {
    return [errorRow(file, oneLine(err instanceof Error ? `${err.name === 'Error' ? '' : `${err.name}: `}${err.message}` : String(err)))];
  }
}

export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return '—';
  const abs = Math.abs(v);
  if (abs >= 1e5) return Math.round(v).toLocaleString('en-US');
  if (abs >= 100) return v.toFixed(0);
  if (abs >= 1) return v.toFixed(2);
  if (abs === 0) return '0';
  return v.toPrecision(3);
}

/** The aligned text table printed at the end of a run. */
export function formatTable(rows: BenchRow[]): string {
  const header = ['id', 'name', 'value', 'unit', 'target', 'met', 'note'];
  const cells = rows.map((r) => [r.id, r.name, formatValue(r.value), r.unit, r.target, r.met === null ? '–' : r.met ? 'yes' : 'NO', r.note ?? '']);
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((row) => row[c].length)));
  const line = (row: string[]) => row.map((cell, c) => (c === 2 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

export function machineInfo() {
  const cpus = os.cpus();
  return {
    os: `${os.type()} ${os.release()}`,
    platform: process.platform,
    arch: process.arch,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model?.trim() ?? 'unknown',
    totalMemoryMiB: Math.round(os.totalmem() / 2 ** 20),
    node: process.version,
    date: new Date().toISOString(),
  };
}

function parseArgs(argv: string[]): { quick: boolean; strict: boolean; filter?: string; out: string } {
  const opts = { quick: false, strict: false, filter: undefined as string | undefined, out: path.join(BENCH_DIR, 'results.json') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') continue;
    else if (a === '--quick') opts.quick = true;
    else if (a === '--strict') opts.strict = true;
    else if (a === '--filter' && argv[i + 1]) opts.filter = argv[++i];
    else if (a.startsWith('--filter=')) opts.filter = a.slice('--filter='.length);
    else if (a === '--out' && argv[i + 1]) opts.out = path.resolve(argv[++i]);
    else {
      console.error(`Unknown option ${a}. usage: npm run bench -- [--quick] [--filter TEXT] [--strict] [--out FILE]`);
      process.exit(2);
    }
  }
  return opts;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const files = discoverBenchFiles().filter((f) => !args.filter || path.basename(f).includes(args.filter));
  if (!files.length) {
    console.error(`No benchmark files${args.filter ? ` matching "${args.filter}"` : ''} in bench/ (*.bench.ts).`);
    process.exit(1);
  }
  const timeoutMs = (args.quick ? 120 : 900) * 1000;
  const started = performance.now();
  const rows: BenchRow[] = [];
  console.log(`Running ${files.length} benchmark file(s)${args.quick ? ' in quick mode' : ''} on ${os.cpus().length} CPU(s), Node ${process.version}\n`);
  for (const file of files) {
    const t0 = performance.now();
    process.stdout.write(`  ${path.basename(file)} ... `);
    const got = await runBenchFile(file, { quick: args.quick }, timeoutMs);
    rows.push(...got);
    const failed = got.some((r) => r.id.endsWith('.error'));
    process.stdout.write(`${failed ? 'FAILED' : `${got.length} row(s)`} in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  }
  console.log(`\n${formatTable(rows)}\n`);
  const result = {
    machine: machineInfo(),
    quick: args.quick,
    durationSeconds: Math.round((performance.now() - started) / 100) / 10,
    // JSON has no NaN: a failed row's value is written as null.
    rows: rows.map((r) => ({ ...r, value: Number.isFinite(r.value) ? r.value : null })),
  };
  fs.mkdirSync(path.dirname(args.out), { recursive: true });
  fs.writeFileSync(args.out, `${JSON.stringify(result, null, 2)}\n`);
  const missed = rows.filter((r) => r.met === false).length;
  const met = rows.filter((r) => r.met === true).length;
  console.log(`${met} target(s) met, ${missed} missed or failed, ${rows.length - met - missed} report-only. Wrote ${path.relative(process.cwd(), args.out)}`);
  // A benchmark may leave timers or workers behind (or time out); do not wait for them.
  process.exit(args.strict && missed ? 1 : 0);
}

// Not a top-level await: benchmark files import their helpers from this module while it runs.
const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
const RUNNING = Symbol.for('dstream.bench.running');
const g = globalThis as { [RUNNING]?: boolean };
if (invokedDirectly && !g[RUNNING]) {
  g[RUNNING] = true;
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  });
}
