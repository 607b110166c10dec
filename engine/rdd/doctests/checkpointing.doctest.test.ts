/**
 * PySpark's doctests of RDD.checkpoint / localCheckpoint (pyspark/rdd.py, Spark 3.5) and CheckpointSuite /
 * LocalCheckpointSuite cases, plus the barrier checks of BarrierStageOnSubmittedSuite, ported to this engine.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errors } from '../../core/errors';
import { runDoctests } from './runDoctests';
import type { RddDoctest } from './doctestCase';
import type { SparkContext } from '../SparkContext';

const withCheckpointDir = (sc: SparkContext) => { sc.setCheckpointDir(mkdtempSync(join(tmpdir(), 'rdd-checkpoint-'))); return sc; };

const cases: RddDoctest[] = [
  // First: the shared context has no checkpoint directory yet.
  { source: 'CheckpointSuite: RDD.checkpoint without a checkpoint directory',
    run: (sc) => sc.parallelize([1]).checkpoint(), error: 'Checkpoint directory has not been set in the SparkContext' },
  // ---- pyspark/rdd.py RDD.checkpoint: isCheckpointed and getCheckpointFile before and after the first action ----
  { source: 'pyspark/rdd.py RDD.checkpoint',
    run: async (sc) => {
      const rdd = withCheckpointDir(sc).range(5);
      const seen: unknown[] = [rdd.isCheckpointed(), rdd.getCheckpointFile().isEmpty];
      rdd.checkpoint();
      seen.push(rdd.isCheckpointed(), rdd.getCheckpointFile().isEmpty, await rdd.count(), rdd.isCheckpointed(), rdd.getCheckpointFile().isEmpty);
      return seen;
    },
    expected: [false, true, false, true, 5, true, false] },
  { source: 'pyspark/rdd.py RDD.localCheckpoint',
    run: (sc) => { const rdd = sc.range(5); const before = rdd.isLocallyCheckpointed(); rdd.localCheckpoint(); return [before, rdd.isLocallyCheckpointed()]; },
    expected: [false, true] },

  // ---- CheckpointSuite / LocalCheckpointSuite "basic checkpointing" (reliable and local) ----
  ...(['reliable', 'local'] as const).map((kind): RddDoctest => ({
    source: `CheckpointSuite "basic checkpointing" (${kind})`,
    run: async (sc) => {
      withCheckpointDir(sc);
      const parCollection = sc.makeRDD([1, 2, 3, 4]);
      const flatMapped = parCollection.flatMap((x) => Array.from({ length: x }, (_, i) => i + 1));
      if (kind === 'reliable') flatMapped.checkpoint(); else flatMapped.localCheckpoint();
      const parentBefore = flatMapped.dependencies[0].rdd === parCollection;
      const result = await flatMapped.collect();
      const parentAfter = flatMapped.dependencies[0].rdd === parCollection;
      return [parentBefore, parentAfter, flatMapped.dependencies[0].rdd.className, (await flatMapped.collect()).join(',') === result.join(','), result];
    },
    expected: [true, false, kind === 'reliable' ? 'ReliableCheckpointRDD' : 'LocalCheckpointRDD', true, [1, 1, 2, 1, 2, 3, 1, 2, 3, 4]],
  })),
  { source: 'CheckpointSuite "checkpointing partitioners"',
    run: async (sc) => {
      withCheckpointDir(sc);
      const rdd = sc.makeRDD<[number, number]>([[1, 1], [2, 2], [3, 3]], 2).partitionBy(3);
      rdd.checkpoint();
      await rdd.count();
      return [rdd.isCheckpointed(), rdd.dependencies[0].rdd.partitioner?.numPartitions, rdd.partitioner?.numPartitions, await rdd.glom().collect()];
    },
    expected: [true, 3, 3, [[[3, 3]], [[1, 1]], [[2, 2]]]] },
  { source: 'LocalCheckpointSuite "missing checkpoint block fails with informative message"',
    run: async (sc) => {
      const rdd = sc.makeRDD([1, 2, 3, 4, 5, 6], 3).map((x) => x + 1).localCheckpoint();
      await rdd.collect();
      rdd.unpersist();
      return rdd.collect();
    },
    error: /Checkpoint block rdd_\d+_\d+ not found!.*rdd\.checkpoint\(\).*fault-tolerant/ },

  // ---- BarrierStageOnSubmittedSuite ----
  { source: 'BarrierStageOnSubmittedSuite "submit a barrier stage that doesn\'t contain PartitionPruningRDD"',
    run: (sc) => sc.parallelize([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 4).barrier().mapPartitions((it) => it).map((x) => x * 2).collect(),
    expected: [2, 4, 6, 8, 10, 12, 14, 16, 18, 20] },
  { source: 'BarrierStageOnSubmittedSuite "submit a barrier stage with zip()"',
    run: (sc) => sc.parallelize([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 4).barrier().mapPartitions((it) => it)
      .zip(sc.parallelize([11, 12, 13, 14, 15, 16, 17, 18, 19, 20], 4)).map((kv) => kv[0] * kv[1]).collect(),
    expected: [11, 24, 39, 56, 75, 96, 119, 144, 171, 200] },
  { source: 'BarrierStageOnSubmittedSuite "submit a barrier stage with union()"',
    run: (sc) => sc.parallelize([1, 2, 3], 2).barrier().mapPartitions((it) => it).union(sc.parallelize([4, 5], 2)).map((x) => x * 2).collect(),
    error: errors.barrierRddChain().message },
  { source: 'BarrierStageOnSubmittedSuite "submit a barrier stage with coalesce()"',
    run: (sc) => sc.parallelize([1, 2, 3, 4], 4).barrier().mapPartitions((it) => it).coalesce(1).collect(),
    error: errors.barrierRddChain().message },
  { source: 'BarrierStageOnSubmittedSuite "submit a barrier stage that contains an RDD that depends on multiple barrier RDDs"',
    run: (sc) => sc.parallelize([1, 2, 3, 4], 4).barrier().mapPartitions((it) => it)
      .zip(sc.parallelize([5, 6, 7, 8], 4).barrier().mapPartitions((it) => it)).collect(),
    error: errors.barrierRddChain().message },
  { source: 'BarrierStageOnSubmittedSuite "submit a barrier ResultStage that contains PartitionPruningRDD" (first())',
    run: (sc) => sc.parallelize([1, 2, 3, 4], 4).barrier().mapPartitions((it) => it).first(),
    error: errors.barrierRddChain().message },
  { source: 'BarrierStageOnSubmittedSuite "submit a barrier ShuffleMapStage that requires more slots than current total"',
    run: (sc) => sc.parallelize([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5).barrier().mapPartitions((it) => it).map((x) => [x, x] as [number, number])
      .reduceByKey((a, b) => a + b).collect(),
    error: '[SPARK-24819]: Barrier execution mode does not allow run a barrier stage that requires more slots than the total number of slots in the cluster currently' },
  { source: 'BarrierStageOnSubmittedSuite "submit a barrier ResultStage that requires more slots than current total"',
    run: (sc) => sc.parallelize([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5).barrier().mapPartitions((it) => it).collect(),
    error: errors.barrierNotEnoughSlots(5, 4).message },
];

runDoctests('checkpointing and barriers', cases);
