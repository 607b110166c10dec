import { errors } from '../../core/errors';
import type { Fn, RDD } from '../RDD';
import { ship } from '../RDD';
import * as actions from '../actions';
import { composeShipped } from '../shipCompose';
import { perPartitionRDD } from './perPartition';
import { checkDepth, treeLevels } from './treeAggregate';

/**
 * Spark's RDD.treeReduce: each partition reduced to an Option (`[]` or `[x]` here), then treeAggregate of the
 * options with the same depth; "empty collection" when every partition was empty.
 */
export async function treeReduce<T>(rdd: RDD<T>, f: Fn<[T, T], T>, depth = 2): Promise<T> {
  checkDepth(depth);
  const fn = ship(f, 'treeReduce');
  const op = composeShipped('treeReduce', (g) => `(c, x) => RddInternals.combineOptions(c, x, ${g})`, fn);
  const none: T[] = [];
  let result: T[] = none;
  if (rdd.getNumPartitions() > 0) {
    const partial = perPartitionRDD<T[]>(rdd, 'treeReduce', (g) => `(it) => [RddInternals.reduceOption(it, ${g})]`, { fns: [fn] });
    result = await actions.fold(treeLevels(partial, none, op, depth), [], op);
  }
  if (result.length === 0) throw errors.emptyCollection();
  return result[0];
}
