import { errors } from '../../core/errors';
import { formatRecord } from '../../core/format';
import type { RDD } from '../RDD';
import { partitionResults } from './perPartition';

/**
 * Spark's DoubleRDDFunctions.histogram.
 * - `histogram(bucketCount)`: a job for max and min, then `bucketCount` evenly spaced buckets between them
 *   (Spark's customRange: `min + i * (max - min) / bucketCount`, the last edge exactly max; one bucket
 *   `[min, min]` when all values are equal) and a second job counting them: returns `[buckets, counts]`.
 * - `histogram(buckets, evenBuckets = false)`: the counts for the given edges. Buckets are open to the right
 *   except the last, `[1, 10, 20, 50]` means [1, 10) [10, 20) [20, 50]; values outside (and NaN, unless the
 *   last edge is NaN) are not counted. `evenBuckets` switches the binary search for Spark's constant-time
 *   lookup, which assumes evenly spaced edges.
 */
export function histogram(rdd: RDD<number>, bucketCount: number): Promise<[number[], number[]]>;
export function histogram(rdd: RDD<number>, buckets: number[], evenBuckets?: boolean): Promise<number[]>;
/** PySpark's form over strings: string edges, string records. */
export function histogram(rdd: RDD<string>, buckets: string[]): Promise<number[]>;
export async function histogram(rdd: RDD<number> | RDD<string>, spec: number | number[] | string[], evenBuckets = false): Promise<[number[], number[]] | number[]> {
  if (Array.isArray(spec)) {
    if (spec.length > 0 && spec.every((b) => typeof b === 'string')) {
      checkStringBuckets(spec as string[]);
      return countBuckets(rdd as RDD<number>, spec, false);
    }
    checkBuckets(spec);
    return countBuckets(rdd as RDD<number>, spec as number[], evenBuckets);
  }
  if (typeof spec !== 'number' || !Number.isInteger(spec)) throw errors.histogramBucketCount(spec);
  return histogramOfCount(rdd as RDD<number>, spec);
}

async function histogramOfCount(rdd: RDD<number>, bucketCount: number): Promise<[number[], number[]]> {
  const parts = await partitionResults<[number, number]>(rdd, 'histogram', () => '(it) => [RddInternals.maxMinOf(it)]');
  if (parts.length === 0) throw errors.emptyCollection(); // Spark's reduce over no partitions
  let max = Number.NEGATIVE_INFINITY, min = Number.POSITIVE_INFINITY;
  for (const [pMax, pMin] of parts) { max = Math.max(max, pMax); min = Math.min(min, pMin); }
  if (!Number.isFinite(min) || !Number.isFinite(max)) throw errors.histogramInvalidRdd();
  const buckets = min !== max ? customRange(min, max, bucketCount) : [min, min];
  if (buckets.length < 2) throw errors.histogramBucketsTooFew();
  return [buckets, await countBuckets(rdd, buckets, true)];
}

/** Spark's customRange (Scala's Range.Double is inexact, SI-8782): `min + (s * span) / steps` for each step, then max. */
function customRange(min: number, max: number, steps: number): number[] {
  const span = max - min;
  const out: number[] = [];
  for (let s = 0; s < steps; s++) out.push(min + (s * span) / steps);
  out.push(max);
  return out;
}

function checkBuckets(buckets: unknown[]): void {
  if (buckets.length < 2) throw errors.histogramBucketsTooFew();
  const shown = () => `[${buckets.map(formatRecord).join(', ')}]`;
  for (const b of buckets) if (typeof b !== 'number') throw errors.notANumber('histogram buckets', formatRecord(b));
  for (let i = 1; i < buckets.length; i++) {
    const a = buckets[i - 1] as number, b = buckets[i] as number;
    // Java's Double.compare order: NaN only as the last edge.
    if (a !== a || !(a < b || b !== b)) throw errors.histogramBucketsUnsorted(shown());
  }
}

function checkStringBuckets(buckets: string[]): void {
  if (buckets.length < 2) throw errors.histogramBucketsTooFew();
  for (let i = 1; i < buckets.length; i++) {
    if (!(buckets[i - 1] < buckets[i])) throw errors.histogramBucketsUnsorted(`[${buckets.join(', ')}]`);
  }
}

async function countBuckets(rdd: RDD<number>, buckets: number[] | string[], evenBuckets: boolean): Promise<number[]> {
  await rdd.sc.dagScheduler.prepareLineage(rdd);
  if (rdd.getNumPartitions() === 0) return new Array<number>(buckets.length - 1).fill(0);
  const edges = `[${buckets.map((b) => (typeof b === 'string' ? JSON.stringify(b) : numberLiteral(b))).join(', ')}]`;
  const parts = await partitionResults<number[]>(rdd, 'histogram', () => `(it) => [RddInternals.histogramOf(it, ${edges}, ${evenBuckets})]`);
  return parts.reduce((a, b) => a.map((x, i) => x + b[i]));
}

function numberLiteral(x: number): string {
  if (x !== x) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  return Object.is(x, -0) ? '-0' : String(x);
}
