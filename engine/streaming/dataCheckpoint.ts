/**
 * Data checkpoints (Spark's ReliableRDDCheckpointData + DStreamCheckpointData): the RDD of a checkpointed
 * DStream (state, incremental window, mapWithState, or any stream given `checkpoint(interval)`) is written at
 * its checkpoint batches to `<dir>/dstream-<id>/rdd-<rddId>-<timeMs>/part-0000N`, one file per partition, each
 * written atomically; the DStream then holds a ReliableCheckpointRDD read from those files instead of the
 * RDD with its lineage, so the lineage of later batches starts at the checkpoint.
 */
import { CompactBuffer } from '../core/compactBuffer';
import { ScalaArrayBuffer } from '../core/arrayBuffer';
import { joinPath } from '../core/fileSystem';
import { isOption, None, Some } from '../core/option';
import { HashPartitioner, RangePartitioner, type Partitioner, type PartitionerDesc } from '../rdd/partitioner';
import { RDD } from '../rdd/RDD';
import type { SparkContext } from '../rdd/SparkContext';
import { StorageLevel } from '../rdd/storageLevel';
import type { DStream } from './dstream/DStream';
import type { DStreamContext } from './dstream/DStreamContext';
import { errors } from '../core/errors';
import { deserializeBlock, packedBlock, type SerializedBlock } from '../executor/serializedBlock';

/** One checkpointed RDD: where its partition files are and how it was partitioned. */
export interface RDDCheckpointFile { path: string; rddId: number; time: number; numPartitions: number; partitioner?: PartitionerDesc }

export const partFileName = (i: number): string => `part-${String(i).padStart(5, '0')}`;

// ---- records as text: JSON with tags for the engine's value classes -----------------------------------------
const TAG = '$dstream';
function replacer(this: unknown, _key: string, value: unknown): unknown {
  if (value === undefined) return { [TAG]: 'undefined' };
  if (typeof value === 'number' && !Number.isFinite(value)) return { [TAG]: 'number', v: String(value) };
  if (typeof value === 'bigint') return { [TAG]: 'bigint', v: value.toString() };
  if (value === null || typeof value !== 'object') return value;
  if (isOption(value)) return value.isDefined ? { [TAG]: 'Some', v: value.get() } : { [TAG]: 'None' };
  if (value instanceof CompactBuffer) return { [TAG]: 'CompactBuffer', v: Array.from(value) };
  if (value instanceof ScalaArrayBuffer) return { [TAG]: 'ArrayBuffer', v: Array.from(value) };
  if (value instanceof Map) return { [TAG]: 'Map', v: [...value] };
  if (value instanceof Set) return { [TAG]: 'Set', v: [...value] };
  if (!Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, TAG)) return { [TAG]: 'object', v: Object.entries(value) };
  return value;
}
function reviver(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.prototype.hasOwnProperty.call(value, TAG)) return value;
  const o = value as { [TAG]: string; v?: unknown };
  switch (o[TAG]) {
    case 'undefined': return undefined;
    case 'number': return Number(o.v);
    case 'bigint': return BigInt(o.v as string);
    case 'Some': return Some(o.v);
    case 'None': return None;
    case 'CompactBuffer': return CompactBuffer.from(o.v as unknown[]);
    case 'ArrayBuffer': return ScalaArrayBuffer.from(o.v as unknown[]);
    case 'Map': return new Map(o.v as [unknown, unknown][]);
    case 'Set': return new Set(o.v as unknown[]);
    case 'object': return Object.fromEntries(o.v as [string, unknown][]);
    default: throw errors.checkpointValueTag(o[TAG]);
  }
}

/** JSON that keeps Option, CompactBuffer, ArrayBuffer, Map, Set, undefined and non-finite numbers. */
export function toCheckpointJson(value: unknown): string { return JSON.stringify(value, replacer); }
export function fromCheckpointJson(text: string): unknown { return JSON.parse(text, reviver); }

/** The records with their count, so a reader can tell a complete file from a torn one. */
export function encodeRecords(records: unknown[]): string {
  return JSON.stringify({ count: records.length, records }, replacer);
}
export function decodeRecords(text: string, path: string): unknown[] {
  let parsed: { count?: unknown; records?: unknown };
  try { parsed = JSON.parse(text, reviver) as typeof parsed; } catch (e) {
    throw errors.checkpointFileCorrupt(path, e instanceof Error ? e.message : String(e));
  }
  if (!Array.isArray(parsed?.records) || parsed.count !== parsed.records.length) {
    throw errors.checkpointFileIncomplete(path, String(parsed?.count));
  }
  return parsed.records;
}

export function partitionerToDesc(p: Partitioner | undefined): PartitionerDesc | undefined { return p?.describe(); }
export function partitionerFromDescription(d: PartitionerDesc | undefined): Partitioner | undefined {
  if (!d) return undefined;
  return d.kind === 'hash' ? new HashPartitioner(d.numPartitions) : new RangePartitioner(d.numPartitions, d.bounds, d.ascending);
}

/** Runs a job over the RDD (its cached blocks, when persisted) and writes each partition to its own file. */
export async function writeRDDCheckpoint(ssc: Pick<DStreamContext, 'checkpointDir' | 'sparkContext'>, dstream: DStream<unknown>, time: number, rdd: RDD<unknown>): Promise<{ file: RDDCheckpointFile; parts: unknown[][] }> {
  const sc = ssc.sparkContext;
  const dir = joinPath(ssc.checkpointDir!, `dstream-${dstream.id}`, `rdd-${rdd.id}-${time}`);
  const parts = (await sc.runJob(rdd, { t: 'collect' })) as unknown[][];
  await sc.fs.mkdirs(dir);
  for (let i = 0; i < parts.length; i++) await sc.fs.writeFile(joinPath(dir, partFileName(i)), encodeRecords(parts[i]));
  return { file: { path: dir, rddId: rdd.id, time, numPartitions: parts.length, partitioner: partitionerToDesc(rdd.partitioner) }, parts };
}

/** Spark's ReliableCheckpointRDD: the saved partitions, with the partitioner the RDD had. */
export async function readRDDCheckpoint<T>(sc: SparkContext, file: RDDCheckpointFile): Promise<RDD<T>> {
  const slices: unknown[][] = [];
  for (let i = 0; i < file.numPartitions; i++) {
    const p = joinPath(file.path, partFileName(i));
    let text: string;
    try { text = await sc.fs.readFile(p); } catch (e) {
      throw errors.checkpointRDDPartMissing(file.path, file.numPartitions, p, e instanceof Error ? e.message : String(e));
    }
    slices.push(decodeRecords(text, p));
  }
  return checkpointRDD<T>(sc, slices, file);
}

export function checkpointRDD<T>(sc: SparkContext, slices: unknown[][], file: RDDCheckpointFile): RDD<T> {
  // Spark reads a checkpoint RDD's partitions from their files; here the driver holds them, packed when the codec
  // packs them whole (an updateStateByKey state of plain tuples, remembered for two checkpoint intervals). Other
  // records stay as they are: a mapWithState record's maps are shared with the versions built on it.
  const stored = slices.map((values): SerializedBlock | unknown[] => packedBlock(values) ?? values);
  const rdd = new RDD<T>(sc, {
    className: 'ReliableCheckpointRDD', opName: 'checkpoint', numPartitions: slices.length, deps: [],
    partitioner: partitionerFromDescription(file.partitioner),
    planFor: (p) => { const part = stored[p]; return { k: 'data', values: Array.isArray(part) ? part : deserializeBlock(part) }; },
  });
  rdd.setName(`checkpoint ${file.path}`);
  return rdd;
}

/**
 * Spark's DStreamCheckpointData for one DStream: the data checkpoints of its generated RDDs (time → file),
 * what the latest metadata checkpoint recorded, and the cleanup of files no checkpoint needs any more.
 */
export class DStreamCheckpointData {
  /** Time → file of RDDs of this stream that were checkpointed and are still generated (remembered). */
  readonly written = new Map<number, RDDCheckpointFile>();
  /** What the last metadata checkpoint recorded (kept when no RDD is checkpointed now, as Spark does). */
  current: Record<number, RDDCheckpointFile> = {};
  /** Every file this run knows about (written or restored), for cleanup. */
  private readonly all = new Map<number, RDDCheckpointFile>();

  constructor(readonly dstream: DStream<unknown>) {}

  noteWritten(file: RDDCheckpointFile): void { this.written.set(file.time, file); this.all.set(file.time, file); }

  /** Spark's update(time): the checkpoint files of the generated RDDs that have one. */
  update(): Record<number, RDDCheckpointFile> {
    const files: Record<number, RDDCheckpointFile> = {};
    for (const [t, f] of this.written) {
      if (this.dstream.generatedRDDs.has(t)) files[t] = f; else this.written.delete(t);
    }
    if (Object.keys(files).length > 0) this.current = files;
    return this.current;
  }

  /** Spark's cleanup: files older than the oldest one the just-written checkpoint refers to are deleted. */
  async cleanup(referenced: Record<number, RDDCheckpointFile>, sc: SparkContext): Promise<string[]> {
    const times = Object.keys(referenced).map(Number);
    if (times.length === 0) return [];
    const oldest = Math.min(...times);
    const deleted: string[] = [];
    for (const [t, f] of [...this.all]) {
      if (t >= oldest) continue;
      this.all.delete(t);
      try { await sc.fs.delete(f.path, true); deleted.push(f.path); } catch { /* Spark logs and keeps going */ }
    }
    return deleted;
  }

  /** Spark's restore: the checkpointed RDDs become the stream's generated RDDs again. */
  async restore(files: Record<string, RDDCheckpointFile>, sc: SparkContext): Promise<void> {
    for (const f of Object.values(files).sort((a, b) => a.time - b.time)) {
      const rdd = await readRDDCheckpoint(sc, f);
      rdd.persist(this.dstream.storageLevel === StorageLevel.NONE ? StorageLevel.MEMORY_ONLY_SER : this.dstream.storageLevel);
      this.dstream.generatedRDDs.set(f.time, rdd as never);
      this.written.set(f.time, f);
      this.all.set(f.time, f);
    }
    this.current = Object.fromEntries(Object.values(files).map((f) => [f.time, f]));
  }
}
