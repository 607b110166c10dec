/**
 * Spark's ReliableCheckpointRDD: the partitions an RDD's checkpoint wrote to `<checkpointDir>/rdd-<id>/part-NNNNN`,
 * with the RDD's partitioner. The engine's file system belongs to the driver, so the files are read there (once,
 * before the first job that needs them) and each partition travels in its task's plan.
 */
import { errors } from '../../core/errors';
import { joinPath } from '../../core/fileSystem';
import { decodeRecords, partFileName } from '../../streaming/dataCheckpoint';
import type { Partitioner } from '../partitioner';
import { RDD } from '../RDD';
import type { SparkContext } from '../SparkContext';
import type { DataPlan } from './ParallelCollectionRDD';

export function reliableCheckpointRDD<T>(sc: SparkContext, dir: string, numPartitions: number, partitioner: Partitioner | undefined): RDD<T> {
  let slices: unknown[][] | undefined;
  return new RDD<T>(sc, {
    className: 'ReliableCheckpointRDD', opName: 'checkpoint', numPartitions, deps: [], partitioner,
    prepare: async () => {
      if (slices) return;
      const read: unknown[][] = [];
      for (let i = 0; i < numPartitions; i++) {
        const file = joinPath(dir, partFileName(i));
        let text: string;
        try { text = await sc.fs.readFile(file); } catch (e) {
          throw errors.checkpointRDDPartMissing(dir, numPartitions, file, e instanceof Error ? e.message : String(e));
        }
        read.push(decodeRecords(text, file));
      }
      slices = read;
    },
    planFor: (p): DataPlan => ({ k: 'data', values: slices![p] }),
  });
}
