/**
 * The conformance runner: Spark's TestSuiteBase.testOperation, as data.
 *
 * A case is plain data (input batches, an operation, expected output batches). The runner
 *   - builds a StreamingContext on the manual clock (master `local[2]` as Spark's TestSuiteBase,
 *     overridable per case and by env DSTREAM_TEST_MASTER, e.g. `local-cluster[2,2,1024]`),
 *   - sets a checkpoint directory (TestSuiteBase always does),
 *   - feeds one RDD per batch through queueStream(oneAtATime = true), each made with
 *     `sc.parallelize(batch, numInputPartitions)` (TestInputStream's `numPartitions = 2`),
 *   - collects every generated RDD of the result with foreachRDD + collect (TestOutputStream),
 *   - runs `numBatches` batch intervals with ssc.step, stops, and compares per batch:
 *     as lists (order matters) or, with `useSet`, order-insensitively.
 * On a mismatch `report` shows the batch, expected and actual side by side.
 */
import { SparkConf, StreamingContext, Milliseconds } from '../../index';
import { tempCheckpointDir } from './__fixtures__/tmpdir';
import { TestInputStream } from './testInputStream';
import type { RDD } from '../../rdd/RDD';
import type { DStream } from '../dstream/DStream';
import type { Time } from '../../core/time';

export { tempCheckpointDir };

/**
 * The stream an operation is given. Cases are data over any record type, and each case annotates its functions'
 * parameters (`(x: string) => ...`), so the input's record type is `never`: every annotated function accepts it.
 * A case that passes the input on (union, transformWith) names its record type: `(s: DStream<number>) => ...`.
 */
export type CaseStream = DStream<never>;
/** What the runner reads from a result stream: its generated RDDs. */
export interface CaseOutput { foreachRDD(f: (rdd: RDD<unknown>, time: Time) => unknown): void }

/** What an operation may return: one DStream, or several named ones (e.g. mapped data and stateSnapshots()). */
export type OperationResult = CaseOutput | Record<string, CaseOutput>;

export interface StreamCase {
  /** Spark's test name, kept verbatim. */
  name: string;
  /** One array per batch. `null` is TestInputStream's "no RDD for this batch" (compute returns None). */
  input?: (unknown[] | null)[];
  /** Second input for two-stream operations (join, cogroup, transformWith). */
  input2?: (unknown[] | null)[];
  /** `s2` is the stream of `input2`; a case that reads it must give input2. */
  operation?: (s: CaseStream, s2: CaseStream) => OperationResult;
  /** Expected output batches; an object of named batch lists when the operation returns named streams. */
  expected?: unknown[][] | Record<string, unknown[][]>;
  /** Batch intervals to run (Spark: numBatches, default expected.size). */
  numBatches?: number;
  batchDurationMs?: number;
  /** Spark's useSet = true: compare each batch order-insensitively. */
  useSet?: boolean;
  /**
   * 'queue' (default): queueStream(oneAtATime), which dequeues one RDD each time the stream is computed.
   * 'testInputStream': Spark's TestInputStream, which picks input(i) by batch time. They differ only
   * when some batch time is never computed (a window whose slide skips batches); inputs with a null
   * batch always use TestInputStream.
   */
  inputKind?: 'queue' | 'testInputStream';
  /** Partitions of every input RDD (Spark's TestSuiteBase: 2). */
  numInputPartitions?: number;
  master?: string;
  /** ssc.checkpoint(tmp dir) before start (TestSuiteBase always sets one). Default true. */
  checkpoint?: boolean;
  /** Collect `rdd.glom().collect()` per batch instead of `rdd.collect()` (runStreamsWithPartitions). */
  collectPartitions?: boolean;
  /** Spark's intercept[SparkException] { testOperation(...) }: the run must fail; message must match if given. */
  expectError?: true | string | RegExp;
  /** Extra assertions on the collected outputs (throw to fail). Used instead of / besides `expected`. */
  verify?: (outputs: Record<string, unknown[][]>, run: RunResult) => void;
  /** Cases whose body is not testOperation-shaped (slice, persistence levels, ...). */
  custom?: (env: CaseEnv) => Promise<void>;
  /** Not portable: the reason, shown as a skipped test. */
  skip?: string;
  /** Known engine bug: the reason (kept failing in the report, shown as `fails` in vitest). */
  knownBug?: string;
}

export interface CaseEnv {
  master: string;
  /** A StreamingContext on the manual clock with the case's master and batch duration, checkpoint set. */
  newContext(opts?: { batchDurationMs?: number; checkpoint?: boolean; master?: string; appName?: string }): StreamingContext;
  /** queueStream of parallelize(batch, numPartitions) for every batch (or TestInputStream, see inputKind). */
  inputStream(ssc: StreamingContext, batches: (unknown[] | null)[], numPartitions?: number): CaseStream;
  /** Runs `n` batch intervals, failing after a real-time timeout instead of hanging. */
  step(ssc: StreamingContext, n: number): Promise<void>;
  /** Stops the context (never throws). */
  stop(ssc: StreamingContext): Promise<void>;
}

export interface BatchOutput { timeMs: number; records: unknown[] }

export interface RunResult {
  ok: boolean;
  /** Collected outputs per named output stream ('output' when the operation returns one DStream). */
  outputs: Record<string, unknown[][]>;
  times: Record<string, number[]>;
  errors: string[];
  /** Human-readable failure report (empty when ok). */
  report: string;
}

export const defaultMaster = (): string => process.env.DSTREAM_TEST_MASTER || 'local[2]';
const STEP_TIMEOUT_MS = Number(process.env.DSTREAM_TEST_STEP_TIMEOUT_MS || 15000);

// ---------------------------------------------------------------------------------------------
// Equality and printing
// ---------------------------------------------------------------------------------------------

function isOptionLike(x: unknown): x is { isDefined: boolean; get(): unknown } {
  return typeof x === 'object' && x !== null && 'isDefined' in x && typeof (x as { get?: unknown }).get === 'function' &&
    typeof (x as { getOrElse?: unknown }).getOrElse === 'function';
}

/**
 * A canonical text for a record, so that structurally equal records (Scala `==`) compare equal:
 * tuples and Seqs are arrays (a CompactBuffer equals a Seq with the same elements, as in Scala),
 * Options compare by content, Sets and Maps ignore order, numbers and bigints (Long) compare by value.
 */
export function canon(x: unknown): string {
  if (x === null) return 'null';
  if (x === undefined) return 'undefined';
  switch (typeof x) {
    case 'string': return JSON.stringify(x);
    case 'number': return Object.is(x, -0) ? '0' : String(x);
    case 'bigint': return String(x);
    case 'boolean': return String(x);
    case 'function': return `<function ${(x as { name?: string }).name ?? ''}>`;
    default: break;
  }
  if (isOptionLike(x)) return x.isDefined ? `Some(${canon(x.get())})` : 'None';
  if (x instanceof Set) return `Set(${[...x].map(canon).sort().join(',')})`;
  if (x instanceof Map) return `Map(${[...x].map(([k, v]) => `${canon(k)}->${canon(v)}`).sort().join(',')})`;
  if (Array.isArray(x)) return `(${x.map(canon).join(',')})`;
  if (typeof (x as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function') {
    return `(${[...(x as Iterable<unknown>)].map(canon).join(',')})`;
  }
  if (typeof x === 'object' && (x as object).constructor === Object) {
    return `{${Object.keys(x as object).sort().map((k) => `${k}:${canon((x as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  const s = String(x);
  return s === '[object Object]' ? JSON.stringify(x) : s;
}

/** Spark-like rendering for reports: tuples as (a,1), Seqs as List(1, 2), strings bare. */
export function show(x: unknown): string {
  if (x === null) return 'null';
  if (x === undefined) return 'undefined';
  if (typeof x === 'string') return JSON.stringify(x);
  if (isOptionLike(x)) return x.isDefined ? `Some(${show(x.get())})` : 'None';
  if (x instanceof Set) return `Set(${[...x].map(show).join(', ')})`;
  if (Array.isArray(x)) {
    const name = x.constructor && x.constructor !== Array ? x.constructor.name : '';
    return name ? `${name}(${x.map(show).join(', ')})` : `(${x.map(show).join(',')})`;
  }
  return canon(x);
}

function sameBatch(actual: unknown[], expected: unknown[], useSet: boolean): boolean {
  const a = actual.map(canon);
  const e = expected.map(canon);
  if (!useSet) return a.length === e.length && a.every((x, i) => x === e[i]);
  // Order-insensitive. Spark compares `toSet`; we compare multisets, which is stricter only about
  // duplicates (none of the ported expectations relies on duplicates collapsing).
  if (a.length !== e.length) return false;
  a.sort(); e.sort();
  return a.every((x, i) => x === e[i]);
}

function pad(s: string, n: number): string { return s.length >= n ? s : s + ' '.repeat(n - s.length); }

/** Batch-by-batch side-by-side report of expected and actual outputs. */
export function sideBySide(name: string, expected: unknown[][], actual: unknown[][], times: number[], useSet: boolean): string {
  const rows: string[] = [];
  const n = Math.max(expected.length, actual.length);
  const exp = expected.map((b) => `[${b.map(show).join(', ')}]`);
  const act = actual.map((b) => `[${b.map(show).join(', ')}]`);
  const w = Math.min(70, Math.max(8, ...exp.map((s) => s.length)));
  rows.push(`${name}: ${useSet ? 'order-insensitive' : 'ordered'} comparison; ${expected.length} batch(es) expected, ${actual.length} collected`);
  rows.push(`  ${pad('batch', 12)} ${pad('expected', w)}   actual`);
  for (let i = 0; i < n; i++) {
    const e = i < expected.length ? expected[i] : undefined;
    const a = i < actual.length ? actual[i] : undefined;
    const ok = e !== undefined && a !== undefined && sameBatch(a, e, useSet);
    const label = `${i}${times[i] !== undefined ? ` @${times[i]}ms` : ''}`;
    rows.push(`${ok ? ' ' : '✗'} ${pad(label, 12)} ${pad(exp[i] ?? '<none>', w)} ${ok ? '=' : '≠'} ${act[i] ?? '<none>'}`);
  }
  return rows.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Contexts and streams
// ---------------------------------------------------------------------------------------------

export function makeEnv(c: Pick<StreamCase, 'name' | 'master' | 'batchDurationMs' | 'checkpoint' | 'numInputPartitions' | 'inputKind'>): CaseEnv {
  const master = process.env.DSTREAM_TEST_MASTER || c.master || 'local[2]';
  return {
    master,
    newContext(opts = {}) {
      const conf = new SparkConf()
        .setMaster(opts.master ?? master)
        .setAppName(opts.appName ?? c.name)
        .set('spark.streaming.clock', 'manual');
      const ssc: StreamingContext = new StreamingContext(conf, Milliseconds(opts.batchDurationMs ?? c.batchDurationMs ?? 1000));
      ssc.stdout = () => { /* conformance runs print nothing */ };
      if (opts.checkpoint ?? c.checkpoint ?? true) ssc.checkpoint(tempCheckpointDir());
      return ssc;
    },
    inputStream(ssc, batches, numPartitions = c.numInputPartitions ?? 2) {
      return inputStreamOf(ssc, batches, numPartitions, c.inputKind);
    },
    step: stepWithTimeout,
    stop: stopQuietly,
  };
}

/**
 * Batch i (time zeroTime + (i+1)·batch) is `parallelize(input(i), numPartitions)`, fed through
 * queueStream(oneAtATime = true). A `null` batch is TestInputStream's "no RDD for this time"
 * (compute returns None), which a queue cannot express: inputs with a null batch use a port of
 * Spark's TestInputStream instead.
 */
export function inputStreamOf(ssc: StreamingContext, batches: (unknown[] | null)[], numPartitions = 2,
  kind: StreamCase['inputKind'] = 'queue'): CaseStream {
  // The records are the case's data, whose type only the case knows (see CaseStream).
  if (kind === 'testInputStream' || batches.some((b) => b === null)) return new TestInputStream(ssc, batches as (never[] | null)[], numPartitions);
  const sc = ssc.sparkContext;
  const queue = batches.map((b) => sc.parallelize((b ?? []) as never[], numPartitions));
  return ssc.queueStream(queue, true);
}

export async function stepWithTimeout(ssc: StreamingContext, n: number, timeoutMs = STEP_TIMEOUT_MS): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`ssc.step(${n}) did not resolve within ${timeoutMs} ms (real time)`)), timeoutMs);
  });
  try {
    await Promise.race([ssc.step(n), timeout]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}

export async function stopQuietly(ssc: StreamingContext): Promise<void> {
  try {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      Promise.resolve(ssc.stop()),
      new Promise((resolve) => { timer = setTimeout(resolve, 5000); }),
    ]);
    if (timer) clearTimeout(timer);
  } catch { /* a failed stop must not hide the case's own result */ }
}

function errText(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

function isCaseOutput(x: unknown): x is CaseOutput {
  return typeof x === 'object' && x !== null && typeof (x as { foreachRDD?: unknown }).foreachRDD === 'function';
}

// ---------------------------------------------------------------------------------------------
// runCase
// ---------------------------------------------------------------------------------------------

/** Runs one case and returns its outputs and a report; never throws for a failing case. */
export async function runCase(c: StreamCase): Promise<RunResult> {
  const env = makeEnv(c);
  const result: RunResult = { ok: false, outputs: {}, times: {}, errors: [], report: '' };
  if (c.custom) {
    try {
      await c.custom(env);
      result.ok = true;
    } catch (e) {
      result.errors.push(errText(e));
      result.report = `${c.name}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`;
    }
    return result;
  }
  if (!c.operation || !c.input) throw new Error(`case "${c.name}" needs input and operation (or custom)`);

  const expectedMap: Record<string, unknown[][]> | undefined = c.expected === undefined ? undefined
    : Array.isArray(c.expected) ? { output: c.expected } : c.expected;
  const numBatches = c.numBatches ?? (expectedMap ? Math.max(...Object.values(expectedMap).map((e) => e.length)) : c.input.length);

  let ssc: StreamingContext;
  try {
    ssc = env.newContext();
  } catch (e) {
    result.errors.push(errText(e));
    result.report = `${c.name}: creating the StreamingContext failed: ${errText(e)}`;
    return result;
  }
  const failures: string[] = [];
  // Spark rethrows a job (or job generation) error from awaitTermination: listen for it from the start.
  const terminated: Promise<unknown> = Promise.resolve(ssc.awaitTermination?.()).then(() => undefined, (e: unknown) => e);
  try {
    // Failed jobs and output operations also show up as events.
    try {
      ssc.addStreamingListener?.((ev: { type: string; result?: string; error?: string; outputOperationInfo?: { failureReason?: string } }) => {
        if (ev?.type === 'jobEnd' && ev.result === 'JobFailed') failures.push(`job failed: ${ev.error ?? ''}`);
        if (ev?.type === 'outputOperationCompleted' && ev.outputOperationInfo?.failureReason) {
          failures.push(`output operation failed: ${ev.outputOperationInfo.failureReason}`);
        }
      });
    } catch { /* listener API differs: rely on step()/awaitTermination errors */ }
    // The scheduler's ERROR log lines (Spark's log4j) go to stderr; keep them for the report.
    ssc.stderr = (text: string) => { if (/ERROR/.test(text)) failures.push(text.trim().split('\n')[0]); };

    const s1 = env.inputStream(ssc, c.input);
    if (!c.input2 && c.operation.length > 1) throw new Error(`case "${c.name}": its operation reads a second stream, so it needs input2`);
    const s2 = c.input2 ? env.inputStream(ssc, c.input2) : s1;
    const out = c.operation(s1, s2);
    const streams: Record<string, CaseOutput> = isCaseOutput(out) ? { output: out } : out;
    for (const [name, stream] of Object.entries(streams)) {
      const batches: unknown[][] = (result.outputs[name] = []);
      const times: number[] = (result.times[name] = []);
      const partitions = !!c.collectPartitions;
      stream.foreachRDD(async (rdd: RDD<unknown>, time: { milliseconds: number } | number) => {
        const records = partitions ? await rdd.glom().collect() : await rdd.collect();
        batches.push(records);
        times.push(typeof time === 'number' ? time : time?.milliseconds);
      });
    }
    await ssc.start();
    await env.step(ssc, numBatches);
  } catch (e) {
    failures.push(errText(e));
  } finally {
    if (ssc) await stopQuietly(ssc);
  }
  const termError = await Promise.race([terminated, new Promise((r) => setTimeout(() => r(undefined), 1000))]);
  if (termError) failures.push(errText(termError));
  result.errors = [...new Set(failures)];

  if (c.expectError) {
    const pattern = c.expectError;
    const matched = result.errors.some((m) => pattern === true ? true : typeof pattern === 'string' ? m.includes(pattern) : pattern.test(m));
    result.ok = matched;
    if (!matched) {
      result.report = `${c.name}: expected the run to fail${pattern === true ? '' : ` with ${String(pattern)}`}, ` +
        (result.errors.length ? `but it failed with:\n  ${result.errors.join('\n  ')}` : `but it succeeded with outputs ${JSON.stringify(Object.fromEntries(Object.entries(result.outputs).map(([k, v]) => [k, v.map((b) => b.map(show))])))}`);
    }
    return result;
  }

  const reports: string[] = [];
  if (result.errors.length) reports.push(`${c.name}: the run reported errors:\n  ${result.errors.join('\n  ')}`);
  if (expectedMap) {
    for (const [name, expected] of Object.entries(expectedMap)) {
      const actual = result.outputs[name] ?? [];
      const useSet = !!c.useSet;
      const ok = actual.length === expected.length && expected.every((e, i) => sameBatch(actual[i], e, useSet));
      if (!ok) reports.push(sideBySide(name === 'output' ? c.name : `${c.name} [${name}]`, expected, actual, result.times[name] ?? [], useSet));
    }
  }
  if (c.verify) {
    try { c.verify(result.outputs, result); } catch (e) { reports.push(`${c.name}: ${errText(e)}`); }
  }
  result.ok = reports.length === 0;
  result.report = reports.join('\n\n');
  return result;
}

/** Throws with the side-by-side report when the case fails (for use inside a test body). */
export async function assertCase(c: StreamCase): Promise<RunResult> {
  const r = await runCase(c);
  if (!r.ok) throw new Error(`\n${r.report}`);
  return r;
}

// Small helpers for case files -------------------------------------------------------------------

/** Scala's `a to b` (inclusive). */
export function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

/** An assertion helper for `verify`/`custom` bodies. */
export function check(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

export function sameSet(a: Iterable<unknown>, b: Iterable<unknown>): boolean {
  const x = new Set([...a].map(canon));
  const y = new Set([...b].map(canon));
  return x.size === y.size && [...x].every((v) => y.has(v));
}
