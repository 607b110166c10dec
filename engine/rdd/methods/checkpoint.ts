/**
 * Spark's RDD checkpointing. `checkpoint()` marks an RDD for a reliable checkpoint (ReliableRDDCheckpointData):
 * after the first job that computes it, a second job writes every partition to `<checkpointDir>/rdd-<id>/` through
 * the engine's file system, and the RDD's lineage is replaced by a ReliableCheckpointRDD reading those files.
 * `localCheckpoint()` (LocalRDDCheckpointData) persists the RDD with disk, caches the partitions the job did not,
 * and truncates the lineage to a LocalCheckpointRDD: fast, but a lost block is an error, not a recomputation.
 */
import { rddBlockId } from '../../core/blockId';
import { errors } from '../../core/errors';
import { joinPath } from '../../core/fileSystem';
import { None, Some, type Option } from '../../core/option';
import { encodeRecords, partFileName } from '../../streaming/dataCheckpoint';
import { localCheckpointRDD } from '../kinds/LocalCheckpointRDD';
import { reliableCheckpointRDD } from '../kinds/ReliableCheckpointRDD';
import { range, type RDD } from '../RDD';
import { StorageLevel } from '../storageLevel';

/** Spark's RDDCheckpointData: which kind, its CheckpointState, and what replaces the lineage once done. */
export interface CheckpointData {
  readonly kind: 'reliable' | 'local';
  state: 'Initialized' | 'CheckpointingInProgress' | 'Checkpointed';
  checkpointRDD?: RDD<unknown>;
  /** The directory a reliable checkpoint was written to (Spark's getCheckpointDir). */
  path?: string;
}

/** RDDs whose doCheckpoint ran (Spark's doCheckpointCalled: only the first job through an RDD checkpoints it). */
const doCheckpointCalled = new WeakSet<RDD<unknown>>();

export function checkpoint(rdd: RDD<unknown>): void {
  if (rdd.sc.checkpointDir === undefined) throw errors.rddCheckpointDirNotSet();
  rdd.checkpointData ??= { kind: 'reliable', state: 'Initialized' };
}

/** Spark's localCheckpoint: persisted with disk (MEMORY_AND_DISK unless a level was set, which then gains disk). */
export function localCheckpoint<T>(rdd: RDD<T>): RDD<T> {
  const level = rdd.getStorageLevel();
  if (level === StorageLevel.NONE || !level.isValid) rdd.persist(StorageLevel.MEMORY_AND_DISK);
  else if (!level.useDisk) rdd.persistOverriding(new StorageLevel(true, level.useMemory, level.useOffHeap, level.deserialized, level.replication));
  // Spark warns and keeps a materialized checkpoint; an unmaterialized reliable mark is overridden.
  if (rdd.checkpointData?.state !== 'Checkpointed') rdd.checkpointData = { kind: 'local', state: 'Initialized' };
  return rdd;
}

export const isCheckpointed = (rdd: RDD<unknown>): boolean => rdd.checkpointData?.state === 'Checkpointed';
export const isLocallyCheckpointed = (rdd: RDD<unknown>): boolean => rdd.checkpointData?.kind === 'local';
export function getCheckpointFile(rdd: RDD<unknown>): Option<string> {
  const data = rdd.checkpointData;
  return data?.kind === 'reliable' && data.path !== undefined ? Some(data.path) : None;
}

/** Spark's RDD.doCheckpoint, run after every job: checkpoints the marked RDDs of the lineage nearest the result. */
export async function doCheckpoint(rdd: RDD<unknown>): Promise<void> {
  if (doCheckpointCalled.has(rdd)) return;
  doCheckpointCalled.add(rdd);
  const data = rdd.checkpointData;
  const allMarkedAncestors = rdd.sc.conf.getBoolean('spark.checkpoint.checkpointAllMarkedAncestors', false);
  if (!data || allMarkedAncestors) for (const d of rdd.dependencies) await doCheckpoint(d.rdd);
  if (!data || data.state !== 'Initialized') return;
  data.state = 'CheckpointingInProgress';
  try {
    data.checkpointRDD = data.kind === 'reliable' ? await writeReliable(rdd, data) : await materializeLocal(rdd);
    data.state = 'Checkpointed';
  } catch (e) {
    data.state = 'Initialized';
    throw e;
  }
}

/** Spark's ReliableCheckpointRDD.writeRDDToCheckpointDirectory: a job over the RDD, one file per partition. */
async function writeReliable(rdd: RDD<unknown>, data: CheckpointData): Promise<RDD<unknown>> {
  const sc = rdd.sc;
  const dir = joinPath(sc.checkpointDir!, `rdd-${rdd.id}`);
  await sc.fs.mkdirs(dir);
  const parts = await sc.runResultJob(rdd, { t: 'collect' }) as unknown[][];
  for (let i = 0; i < parts.length; i++) await sc.fs.writeFile(joinPath(dir, partFileName(i)), encodeRecords(parts[i]));
  if (rdd.partitioner) await sc.fs.writeFile(joinPath(dir, '_partitioner'), JSON.stringify(rdd.partitioner.describe()));
  const cp = reliableCheckpointRDD(sc, dir, parts.length, rdd.partitioner);
  if (cp.getNumPartitions() !== rdd.getNumPartitions()) throw errors.checkpointPartitionCount(rdd.id, rdd.getNumPartitions(), cp.id, cp.getNumPartitions());
  data.path = dir;
  return cp;
}

/** Spark's LocalRDDCheckpointData.doCheckpoint: caches the partitions that are not cached yet. */
async function materializeLocal(rdd: RDD<unknown>): Promise<RDD<unknown>> {
  const sc = rdd.sc;
  const missing = range(rdd.getNumPartitions()).filter((p) => !sc.dagScheduler.blockLocations.has(rddBlockId(rdd.id, p)));
  if (missing.length > 0) await sc.runResultJob(rdd, { t: 'count' }, missing);
  return localCheckpointRDD(rdd);
}
