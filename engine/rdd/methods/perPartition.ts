/**
 * The shape most statistics share with Spark's: `mapPartitions(it => Iterator(partial(it)))` then one job that
 * brings the partials to the driver, in partition order.
 */
import type { ShippedFn } from '../../core/closure';
import type { RDD } from '../RDD';
import { composeShipped } from '../shipCompose';

/** An RDD with one record per partition: `template(...userSources)` applied to the partition (and its index). */
export function perPartitionRDD<U>(rdd: RDD<unknown>, opName: string, template: (...sources: string[]) => string,
  fns: ShippedFn[] = [], withIndex = false): RDD<U> {
  const fn = composeShipped(opName, template, ...fns);
  return rdd.narrow<U>(opName, (p) => ({ t: 'mapPartitions', f: fn, withIndex, partition: p }), true);
}

/** Runs `template` over every partition in one job and returns each partition's single result. */
export async function partitionResults<U>(rdd: RDD<unknown>, opName: string, template: (...sources: string[]) => string,
  ...fns: ShippedFn[]): Promise<U[]> {
  const parts = await rdd.sc.runJob(perPartitionRDD<U>(rdd, opName, template, fns), { t: 'collect' }) as U[][];
  return parts.map((p) => p[0]);
}
