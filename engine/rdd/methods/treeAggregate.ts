import { errors } from '../../core/errors';
import type { Fn, RDD } from '../RDD';
import { ship } from '../RDD';
import * as actions from '../actions';
import { HashPartitioner } from '../partitioner';
import { foldByKey } from '../pairFunctions';
import { zeroLiteral } from '../shipCompose';
import { perPartitionRDD } from './perPartition';

/**
 * Spark's RDD.treeAggregate: each partition folded with seqOp, then levels of foldByKey(combOp) over
 * `numPartitions / scale` partitions (scale = max(ceil(numPartitions^(1/depth)), 2)) while a level still
 * saves time, then a final fold on the driver. The zero value must be plain data (it is cloned per use).
 */
export async function treeAggregate<T, U>(rdd: RDD<T>, zeroValue: U, seqOp: Fn<[U, T], U>, combOp: Fn<[U, U], U>, depth = 2): Promise<U> {
  checkDepth(depth);
  await rdd.sc.dagScheduler.prepareLineage(rdd);
  if (rdd.getNumPartitions() === 0) return structuredClone(zeroValue);
  const seq = ship(seqOp, 'treeAggregate');
  const comb = ship(combOp, 'treeAggregate');
  const zero = zeroLiteral(zeroValue);
  const partial = perPartitionRDD<U>(rdd, 'treeAggregate', (s) => `(it) => [RddInternals.foldPartition(it, ${zero}, ${s})]`, { fns: [seq] });
  return actions.fold(treeLevels(partial, zeroValue, comb, depth), structuredClone(zeroValue), comb);
}

/** The intermediate levels (Spark's while loop): returns the RDD the driver folds. */
export function treeLevels<U>(start: RDD<U>, zeroValue: U, comb: ReturnType<typeof ship>, depth: number): RDD<U> {
  let partial = start;
  let numPartitions = partial.getNumPartitions();
  const scale = Math.max(Math.ceil(Math.pow(numPartitions, 1.0 / depth)), 2);
  while (numPartitions > scale + Math.ceil(numPartitions / scale)) {
    numPartitions = Math.trunc(numPartitions / scale);
    const cur = numPartitions;
    const keyed = perPartitionRDD<[number, U]>(partial, 'treeAggregate', () => `(i, it) => Array.from(it, (u) => [i % ${cur}, u])`, { withIndex: true });
    partial = foldByKey<number, U>(keyed, zeroValue, comb, new HashPartitioner(cur)).values();
  }
  return partial;
}

export function checkDepth(depth: unknown): void {
  if (typeof depth !== 'number' || !Number.isInteger(depth) || depth < 1) throw errors.treeDepth(depth);
}

