/**
 * Spark's SparkContext.runJob(rdd, func, partitions): a job whose tasks run the user's function over their
 * partition's records (an iterable, as mapPartitions gets); the results come back per partition, in the order
 * of `partitions` (Scala's Array[U]; PySpark flattens them into one list).
 */
import type { ResultOp } from '../plan';
import { ship, type Fn, type RDD } from '../RDD';
import type { SparkContext } from '../SparkContext';
import { errors } from '../../core/errors';

/** An engine-internal result descriptor (`{ t: 'collect' }`, ...), as opposed to a user function or its source. */
export function isResultOp(x: unknown): x is ResultOp {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && typeof Reflect.get(x, 't') === 'string' && Reflect.get(x, 'kind') !== 'shipped';
}

export async function runJob<T, U>(sc: SparkContext, rdd: RDD<T>, func: Fn<[Iterable<T>], U>, partitions?: number[]): Promise<Awaited<U>[]> {
  if (typeof func !== 'function' && typeof func !== 'string' && !(typeof func === 'object' && func !== null)) {
    throw errors.runJobNoFunction(func === undefined ? 'nothing' : typeof func);
  }
  const f = ship(func, 'runJob');
  return await sc.runResultJob(rdd, { t: 'partitionFunc', f }, partitions) as Awaited<U>[];
}
