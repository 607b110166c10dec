/**
 * Spark's LocalCheckpointRDD: what a locally checkpointed RDD reads once its lineage is truncated. Its partitions
 * exist only as the original RDD's cached blocks (read before this plan is reached, by the CachedPartition that
 * wraps it); computing one means the block is gone, which Spark reports instead of recomputing.
 */
import { errors } from '../../core/errors';
import { rddBlockId } from '../../core/blockId';
import { RDD } from '../RDD';
import type { PlanKind } from './kind';

export interface LocalCheckpointPlan { k: 'localCheckpoint'; rddId: number; originalRddId: number; partition: number }

export const localCheckpointKind: PlanKind<LocalCheckpointPlan> = {
  rddClass: 'LocalCheckpointRDD',
  inputs: () => [],
  push(plan) { throw errors.localCheckpointBlockNotFound(rddBlockId(plan.originalRddId, plan.partition)); },
};

export function localCheckpointRDD<T>(original: RDD<T>): RDD<T> {
  const rdd: RDD<T> = new RDD<T>(original.sc, {
    className: 'LocalCheckpointRDD', opName: 'localCheckpoint', numPartitions: original.getNumPartitions(), deps: [],
    partitioner: original.partitioner,
    planFor: (p): LocalCheckpointPlan => ({ k: 'localCheckpoint', rddId: rdd.id, originalRddId: original.id, partition: p }),
  });
  return rdd;
}
