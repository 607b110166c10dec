/**
 * Spark's RDD.zipPartitions(rdd2[, rdd3[, rdd4]], preservesPartitioning)(f): partition i of this RDD and of every
 * other, given to `f` together (as arrays, which are iterables, like mapPartitions' input). Spark's overloads stop
 * at four RDDs (ZippedPartitionsRDD2..4); here any number of others may be given, the function last but for the
 * optional preservesPartitioning flag.
 */
import { isShippedFn } from '../../core/closure';
import { errors } from '../../core/errors';
import { zippedPartitionsRDD } from '../kinds/ZippedPartitionsRDD';
import { RDD, ship, type Fn } from '../RDD';

export type ZipPartitionsArgs = unknown[];

export function zipPartitions<R>(self: RDD<unknown>, args: ZipPartitionsArgs): RDD<R> {
  const preserves = typeof args[args.length - 1] === 'boolean' ? args.pop() as boolean : false;
  const f = args.pop();
  const others = args;
  if (!(typeof f === 'function' || typeof f === 'string' || isShippedFn(f)) || others.length === 0 || !others.every((o): o is RDD<unknown> => o instanceof RDD)) {
    throw errors.zipPartitionsNoFunction();
  }
  return zippedPartitionsRDD<R>([self, ...others], ship(f, 'zipPartitions'), preserves);
}
