import { compileShipped, type ShippedFn } from '../../core/closure';
import { errors } from '../../core/errors';
import type { KeyOrOrdering, RDD } from '../RDD';
import { ship } from '../RDD';
import { RddInternals } from './internals';
import { partitionResults } from './perPartition';

/**
 * Spark's RDD.takeOrdered: the `num` first records under the ordering, in that order. Each partition keeps its
 * own `num` first (Spark's bounded priority queue per partition), the driver merges them. `keyOrOrdering` is
 * PySpark's `key=` (a one-parameter function) or Scala's Ordering as a comparator `(a, b) => number`.
 */
export function takeOrdered<T>(rdd: RDD<T>, num: number, keyOrOrdering?: KeyOrOrdering<T>): Promise<T[]> {
  return orderedTake(rdd, 'takeOrdered', num, false, keyOrOrdering);
}

/** takeOrdered under the ordering, or (top) under its reverse. */
export async function orderedTake<T>(rdd: RDD<T>, opName: string, num: number, reverse: boolean, keyOrOrdering?: unknown): Promise<T[]> {
  if (typeof num !== 'number' || !Number.isInteger(num) || num < 0) throw errors.orderedCountNegative(opName, num);
  await rdd.sc.dagScheduler.prepareLineage(rdd);
  if (num === 0 || rdd.getNumPartitions() === 0) return [];
  const key: ShippedFn | undefined = keyOrOrdering === undefined ? undefined : ship(keyOrOrdering, opName);
  const fns = key ? [key] : [];
  const parts = await partitionResults<T[]>(rdd, opName,
    (k) => `(it) => [RddInternals.takeOrderedOf(it, ${num}, ${reverse}${k ? `, ${k}` : ''})]`, ...fns);
  const keyFn = key ? compileShipped<(x: unknown) => unknown>(key, rdd.sc.closureRuntime) : undefined;
  return RddInternals.takeOrderedOf(parts.flat(), num, reverse, keyFn) as T[];
}
