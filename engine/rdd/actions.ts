/** RDD actions: each runs a job and combines per-partition results on the driver, in partition order. */
import { compileShipped, type ShippedFn } from '../core/closure';
import { errors } from '../core/errors';
import { joinPath } from '../core/fileSystem';
import type { RDD } from './RDD';
import type { ResultOp } from './plan';
import type { WrittenFile } from '../core/events';

const SCALE_UP_FACTOR = 4; // spark.rdd.limit.scaleUpFactor

export async function collect<T>(rdd: RDD<T>): Promise<T[]> {
  const parts = await rdd.sc.runJob(rdd, { t: 'collect' }) as T[][];
  const out: T[] = [];
  for (const p of parts) for (const x of p) out.push(x);
  return out;
}

export async function count(rdd: RDD<unknown>): Promise<number> {
  const parts = await rdd.sc.runJob(rdd, { t: 'count' }) as number[];
  return parts.reduce((a, b) => a + b, 0);
}

/** Spark's RDD.take: scan one partition, then grow the number of partitions tried per job; 0 or less takes nothing. */
export async function take<T>(rdd: RDD<T>, num: number): Promise<T[]> {
  if (typeof num !== 'number' || !Number.isInteger(num)) throw errors.takeNotInteger(num);
  const buf: T[] = [];
  await rdd.sc.dagScheduler.prepareLineage(rdd);
  const totalParts = rdd.getNumPartitions();
  let partsScanned = 0;
  while (buf.length < num && partsScanned < totalParts) {
    let numPartsToTry = 1;
    const left = num - buf.length;
    if (partsScanned > 0) {
      if (buf.length === 0) numPartsToTry = partsScanned * SCALE_UP_FACTOR;
      else numPartsToTry = Math.min(Math.ceil((1.5 * left * partsScanned) / buf.length), partsScanned * SCALE_UP_FACTOR);
    }
    const parts: number[] = [];
    for (let p = partsScanned; p < Math.min(partsScanned + numPartsToTry, totalParts); p++) parts.push(p);
    const res = await rdd.sc.runJob(rdd, { t: 'take', n: left }, parts) as T[][];
    for (const r of res) for (const x of r) if (buf.length < num) buf.push(x);
    partsScanned += parts.length;
  }
  return buf;
}

export async function first<T>(rdd: RDD<T>): Promise<T> {
  const xs = await take(rdd, 1);
  if (xs.length === 0) throw errors.emptyCollection();
  return xs[0];
}

export async function isEmpty(rdd: RDD<unknown>): Promise<boolean> {
  await rdd.sc.dagScheduler.prepareLineage(rdd);
  return rdd.getNumPartitions() === 0 || (await take(rdd, 1)).length === 0;
}

export async function reduce<T>(rdd: RDD<T>, f: ShippedFn): Promise<T> {
  const parts = await rdd.sc.runJob(rdd, { t: 'reduce', f }) as { defined: boolean; value: T }[];
  const fn = compileShipped<(a: T, b: T) => T>(f, rdd.sc.closureRuntime);
  let acc: { defined: boolean; value: T } = { defined: false, value: undefined as T };
  for (const p of parts) {
    if (!p.defined) continue;
    acc = acc.defined ? { defined: true, value: fn(acc.value, p.value) } : p;
  }
  if (!acc.defined) throw errors.emptyCollection();
  return acc.value;
}

export async function fold<T>(rdd: RDD<T>, zero: T, f: ShippedFn): Promise<T> {
  const parts = await rdd.sc.runJob(rdd, { t: 'fold', zero, f }) as T[];
  const fn = compileShipped<(a: T, b: T) => T>(f, rdd.sc.closureRuntime);
  return parts.reduce((acc, p) => fn(acc, p), structuredClone(zero));
}

export async function aggregate<T, U>(rdd: RDD<T>, zero: U, seqOp: ShippedFn, combOp: ShippedFn): Promise<U> {
  const parts = await rdd.sc.runJob(rdd, { t: 'aggregate', zero, seqOp }) as U[];
  const comb = compileShipped<(a: U, b: U) => U>(combOp, rdd.sc.closureRuntime);
  return parts.reduce((acc, p) => comb(acc, p), structuredClone(zero));
}

export async function runForeach(rdd: RDD<unknown>, op: ResultOp): Promise<void> {
  await rdd.sc.runJob(rdd, op);
}

/** Spark's saveAsTextFile: one part-NNNNN file per partition (each record's toString per line) and a _SUCCESS marker. */
export async function saveAsTextFile(rdd: RDD<unknown>, path: string): Promise<void> {
  await writeParts(rdd, path, { t: 'toLines' }, linesText);
}

/** Objects are written as one JSON document per line (Spark writes SequenceFiles of Java-serialized arrays). */
export async function saveAsObjectFile(rdd: RDD<unknown>, path: string): Promise<void> {
  await writeParts(rdd, path, { t: 'collect' }, (records) => (records as unknown[]).map((r) => JSON.stringify(r) + '\n').join(''));
}

/** How much of each written file the outputWritten event carries (the result view shows the head). */
const HEAD_LINES = 50, HEAD_CHARS = 4000;

/** One text line per record, as TextOutputFormat writes a partition's `toLines` result. */
export const linesText = (lines: unknown): string => (lines as string[]).map((l) => l + '\n').join('');

/** How a part's text is stored: as text (the default), or encoded, e.g. compressed with a codec's extension. */
export interface PartStore {
  extension: string;
  /** Writes the part; resolves to its stored size when that is not the text's own. */
  write(file: string, text: string): Promise<number | undefined>;
}

/**
 * Hadoop's output committer as Spark uses it: refuse an existing directory, run the job, write one
 * `part-NNNNN<extension>` per partition and `_SUCCESS`, then tell the studio what was written.
 */
export async function writeParts(rdd: RDD<unknown>, path: string, op: ResultOp, encode: (partition: unknown) => string, store?: PartStore): Promise<void> {
  const sc = rdd.sc;
  const fs = sc.fs;
  const partStore = store ?? { extension: '', write: async (file: string, text: string) => { await fs.writeFile(file, text); return undefined; } };
  if (await fs.exists(path)) throw errors.outputDirExists(path);
  const parts = await sc.runJob(rdd, op);
  await fs.mkdirs(path);
  const files: WrittenFile[] = [];
  for (let i = 0; i < parts.length; i++) {
    const name = `part-${String(i).padStart(5, '0')}${partStore.extension}`;
    const text = encode(parts[i]);
    files.push(writtenFile(name, text, await partStore.write(joinPath(path, name), text)));
  }
  await fs.writeFile(joinPath(path, '_SUCCESS'), '');
  files.push(writtenFile('_SUCCESS', ''));
  const batchTime = sc.jobContext?.batchTime;
  sc.post({ type: 'outputWritten', time: sc.clock.getTimeMillis(), path, ...(batchTime !== undefined ? { batchTime } : {}), files });
}

/** What the outputWritten event says of a file: its size as stored (`bytes`, when encoded) and the head of its text. */
function writtenFile(name: string, text: string, storedBytes?: number): WrittenFile {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const headLines = lines.slice(0, HEAD_LINES).join('\n');
  const head = headLines.length > HEAD_CHARS ? headLines.slice(0, HEAD_CHARS) : headLines;
  return { name, bytes: storedBytes ?? new TextEncoder().encode(text).length, lines: lines.length, head, truncated: lines.length > HEAD_LINES || headLines.length > HEAD_CHARS };
}
