/** RDD checkpointing as Spark's: files through the engine's file system, lineage truncated, toDebugString. */
import { afterEach, describe, expect, it } from 'vitest';
import { SparkConf } from '../../core/conf';
import { MemoryFileSystem } from '../../core/fileSystem';
import { SparkContext } from '../SparkContext';

let sc: SparkContext | undefined;
const fresh = (fs = new MemoryFileSystem()) => (sc = new SparkContext(new SparkConf().setMaster('local[2]').setAppName('checkpoint'), { fs }));
afterEach(async () => { await sc?.stop(); sc = undefined; });

describe('RDD.checkpoint', () => {
  it('writes one part file per partition under <dir>/<uuid>/rdd-<id> after the first job, then reads them instead of the lineage', async () => {
    const fs = new MemoryFileSystem();
    const ctx = fresh(fs);
    ctx.setCheckpointDir('/cp');
    const dir = ctx.getCheckpointDir().get();
    expect(dir).toMatch(/^\/cp\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const rdd = ctx.parallelize([1, 2, 3, 4], 2).map((x) => x * 2);
    rdd.checkpoint();
    expect(await fs.exists(`${dir}/rdd-${rdd.id}`)).toBe(false);
    expect(await rdd.collect()).toEqual([2, 4, 6, 8]);
    expect(rdd.getCheckpointFile().get()).toBe(`${dir}/rdd-${rdd.id}`);
    expect((await fs.list(`${dir}/rdd-${rdd.id}`)).map((f) => f.path.split('/').pop())).toEqual(['part-00000', 'part-00001']);
    // Later jobs read the files, not the lineage: a changed file shows.
    await fs.writeFile(`${dir}/rdd-${rdd.id}/part-00001`, JSON.stringify({ count: 1, records: [60] }));
    expect(await rdd.collect()).toEqual([2, 4, 60]);
  });

  it('toDebugString shows the ReliableCheckpointRDD in place of the lineage (Spark\'s markCheckpointed)', async () => {
    const ctx = fresh();
    ctx.setCheckpointDir('/cp');
    const rdd = ctx.parallelize(['a', 'b', 'a'], 2).map((w) => [w, 1] as [string, number]).reduceByKey((a, b) => a + b);
    rdd.checkpoint();
    expect(rdd.toDebugString()).toBe([
      '(2) ShuffledRDD[2] at reduceByKey []',
      ' +-(2) MapPartitionsRDD[1] at map []',
      '    |  ParallelCollectionRDD[0] at parallelize []',
    ].join('\n'));
    await rdd.count();
    expect(rdd.toDebugString()).toBe([
      '(2) ShuffledRDD[2] at reduceByKey []',
      ' |  ReliableCheckpointRDD[3] at checkpoint []',
    ].join('\n'));
  });

  it('checkpoints only at the first job through the RDD (Spark\'s doCheckpointCalled)', async () => {
    const ctx = fresh();
    ctx.setCheckpointDir('/cp');
    const rdd = ctx.parallelize([1, 2, 3]);
    await rdd.count();
    rdd.checkpoint();
    await rdd.count();
    expect(rdd.isCheckpointed()).toBe(false);
  });

  it('a job over a child checkpoints the marked parent', async () => {
    const ctx = fresh();
    ctx.setCheckpointDir('/cp');
    const parent = ctx.parallelize([1, 2, 3]).map((x) => x + 1);
    parent.checkpoint();
    const child = parent.map((x) => x * 10);
    expect(await child.collect()).toEqual([20, 30, 40]);
    expect(parent.isCheckpointed()).toBe(true);
    expect(child.isCheckpointed()).toBe(false);
  });
});

describe('RDD.localCheckpoint', () => {
  it('persists with disk, caches every partition and truncates the lineage to a LocalCheckpointRDD', async () => {
    const ctx = fresh();
    const rdd = ctx.parallelize([1, 2, 3, 4], 2).map((x) => x + 1).localCheckpoint();
    expect(rdd.getStorageLevel().useDisk).toBe(true);
    expect(await rdd.take(1)).toEqual([2]);                 // computes partition 0 only; doCheckpoint caches partition 1
    expect(rdd.isCheckpointed()).toBe(true);
    expect(rdd.getCheckpointFile().isEmpty).toBe(true);
    expect(rdd.toDebugString()).toBe([
      '(2) MapPartitionsRDD[1] at map [Disk Memory Deserialized 1x Replicated]',
      ' |       CachedPartitions: 2; MemorySize: 32.0 B; DiskSize: 0.0 B',
      ' |  LocalCheckpointRDD[2] at localCheckpoint [Disk Memory Deserialized 1x Replicated]',
    ].join('\n'));
    expect(await rdd.collect()).toEqual([2, 3, 4, 5]);
  });
});
