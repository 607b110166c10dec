/**
 * The shape most statistics share with Spark's: `mapPartitions(it => Iterator(partial(it)))` then one job that
 * brings the partials to the driver, in partition order.
 */
import type { ShippedFn } from '../../core/closure';
import type { RDD } from '../RDD';
import { composeShipped } from '../shipCompose';

export interface PerPartitionOptions {
  /** User functions whose sources the template inlines, in order. */
  fns?: ShippedFn[];
  /** The template's function takes (partitionIndex, records), as mapPartitionsWithIndex. */
  withIndex?: boolean;
  /** The records keep their keys and partition (sampling), so the parent's partitioner still holds. */
  preservesPartitioning?: boolean;
}

/** A mapPartitions RDD running the engine-written `template(...userSources)` over each partition. */
export function perPartitionRDD<U>(rdd: RDD<unknown>, opName: string, template: (...sources: string[]) => string,
  opts: PerPartitionOptions = {}): RDD<U> {
  const fn = composeShipped(opName, template, ...(opts.fns ?? []));
  const withIndex = opts.withIndex ?? false;
  return rdd.narrow<U>(opName, (p) => ({ t: 'mapPartitions', f: fn, withIndex, partition: p }), opts.preservesPartitioning ?? false);
}

/** Runs `template` over every partition in one job and returns each partition's single result. */
export async function partitionResults<U>(rdd: RDD<unknown>, opName: string, template: (...sources: string[]) => string,
  ...fnsOrOptions: (ShippedFn | PerPartitionOptions)[]): Promise<U[]> {
  const options = fnsOrOptions.find((x): x is PerPartitionOptions => !('kind' in x)) ?? {};
  const fns = fnsOrOptions.filter((x): x is ShippedFn => 'kind' in x);
  const parts = await rdd.sc.runJob(perPartitionRDD<U>(rdd, opName, template, { ...options, fns }), { t: 'collect' }) as U[][];
  return parts.map((p) => p[0]);
}
