/**
 * Metadata checkpoints (Spark's Checkpoint + CheckpointWriter + DStreamGraph.updateCheckpointData): at every
 * checkpoint interval — when a batch's jobs are generated, and again when the batch has completed — the
 * context writes `<dir>/checkpoint-<ms>`: the conf, the graph, the pending batch times, each checkpointed
 * DStream's data checkpoint files (time → files), the direct Kafka offset ranges and the received blocks of
 * the remembered batches. Writes go through one queue, in the order they were asked for, each atomic (the
 * file system writes a temp file and renames it); the last 10 files are kept, as Spark keeps them.
 */
import { joinPath } from '../core/fileSystem';
import type { Time } from '../core/time';
import type { RDD } from '../rdd/RDD';
import { StorageLevel } from '../rdd/storageLevel';
import { checkpointRDD, DStreamCheckpointData, writeRDDCheckpoint, type RDDCheckpointFile } from './dataCheckpoint';
import type { DStream } from './dstream/DStream';
import type { ReceivedBlocksSnapshot } from './receiver/ReceiverTracker';
import type { Duration } from '../core/time';
import type { DStreamContext } from './dstream/DStreamContext';

export const CHECKPOINT_PREFIX = 'checkpoint-';
/** Spark's CheckpointWriter keeps this many checkpoint files. */
export const MAX_ATTEMPTS_TO_KEEP = 10;

/** What one DStream contributes to a metadata checkpoint (Spark's DStreamCheckpointData.data). */
export interface DStreamCheckpointEntry {
  className: string;
  /** Batch time → data checkpoint of the RDD generated for it. */
  files?: Record<string, RDDCheckpointFile>;
  /** Input streams that checkpoint their own state (direct Kafka: offset ranges per batch). */
  input?: unknown;
}

/** What a metadata checkpoint records (Spark's Checkpoint: conf, graph, pending batches, checkpoint data). */
export interface MetadataCheckpoint {
  version: 1 | 2;
  checkpointTime: number;
  master: string;
  appName: string;
  batchDurationMs: number;
  zeroTime: number;
  /** First batch time of the original run. */
  startTime?: number;
  checkpointDurationMs?: number;
  conf: [string, string][];
  /** Batches generated but not completed when the checkpoint was written (re-run on recovery). */
  pendingTimes: number[];
  graph: { id: number; className: string; opName: string; nodeId?: string; slideMs: number; parents: number[] }[];
  /** By DStream id. */
  dstreams?: Record<string, DStreamCheckpointEntry>;
  receivedBlocks?: ReceivedBlocksSnapshot;
  /** How many times this application has been recovered from a checkpoint. */
  generation?: number;
}

/** An input stream that keeps its own checkpoint data (Spark: DirectKafkaInputDStreamCheckpointData). */
export interface CheckpointableInput {
  checkpointSnapshot(): unknown;
  restoreCheckpoint(data: unknown): void | Promise<void>;
}
export function isCheckpointableInput(d: unknown): d is CheckpointableInput {
  return typeof (d as CheckpointableInput).checkpointSnapshot === 'function' && typeof (d as CheckpointableInput).restoreCheckpoint === 'function';
}

export const checkpointFileName = (timeMs: number): string => `${CHECKPOINT_PREFIX}${timeMs}`;

/** What the checkpointer reads from its StreamingContext: the DStream side, the interval and the pending batches. */
export interface CheckpointerContext extends Omit<DStreamContext, 'jobScheduler'> {
  readonly checkpointDuration?: Duration;
  readonly jobScheduler: { pendingTimes(): number[] };
}

/** The checkpoint machinery of one StreamingContext. */
export class Checkpointer {
  private queue: Promise<void> = Promise.resolve();
  private readonly data = new Map<number, DStreamCheckpointData>();
  private marked: { dstream: DStream<unknown>; time: number; rdd: RDD<unknown> }[] = [];
  private retired: RDD<unknown>[] = [];
  generation = 0;

  constructor(private readonly ssc: CheckpointerContext) {}

  dataOf(d: DStream<unknown>): DStreamCheckpointData {
    let c = this.data.get(d.id);
    if (!c) this.data.set(d.id, (c = new DStreamCheckpointData(d)));
    return c;
  }

  /** Spark's rdd.checkpoint() from DStream.getOrCompute: the RDD is kept (persisted) and saved after its batch's jobs. */
  mark(rdd: RDD<unknown>, dstream: DStream<unknown>, time: number): void {
    if (rdd.getStorageLevel() === StorageLevel.NONE) rdd.persist(StorageLevel.MEMORY_ONLY_SER);
    if (!this.ssc.checkpointDir) return;
    if (this.marked.some((m) => m.rdd === rdd)) return;
    this.marked.push({ dstream, time, rdd });
  }

  /**
   * Spark's RDD.doCheckpoint after the jobs of `batchTime`: every marked RDD of a batch up to it is written, and
   * the stream holds the checkpoint RDD instead (lineage truncated).
   */
  async writeDataCheckpoints(batchTime: number): Promise<void> {
    const ssc = this.ssc;
    const due = this.marked.filter((m) => m.time <= batchTime);
    this.marked = this.marked.filter((m) => m.time > batchTime);
    for (const r of this.retired.splice(0)) r.unpersist();
    for (const { dstream, time, rdd } of due) {
      if (dstream.generatedRDDs.get(time) !== rdd) continue; // forgotten meanwhile
      try {
        const { file, parts } = await writeRDDCheckpoint(ssc, dstream, time, rdd);
        // The stream reads the saved partitions from now on: a checkpoint RDD with the same partitioner.
        if (dstream.generatedRDDs.get(time) === rdd) {
          const cp = checkpointRDD(ssc.sparkContext, parts, file);
          cp.persist(rdd.getStorageLevel() === StorageLevel.NONE ? StorageLevel.MEMORY_ONLY_SER : rdd.getStorageLevel());
          dstream.generatedRDDs.set(time, cp as never);
          // A later batch may already have been generated over the old RDD: keep it cached until the next checkpoint.
          this.retired.push(rdd);
        }
        this.dataOf(dstream).noteWritten(file);
        ssc.post({ type: 'checkpointWritten', time: ssc.clock.getTimeMillis(), checkpointTime: time, kind: 'data', path: file.path, dstreamId: dstream.id });
      } catch (e) {
        ssc.printErr(`WARN ReliableRDDCheckpointData: could not checkpoint the RDD of ${dstream} for time ${time} ms: ${e instanceof Error ? e.message : e}\n`);
      }
    }
  }

  /** Spark's DoCheckpoint(time): the state is captured now; the file is written after earlier checkpoints. */
  write(time: Time): Promise<void> {
    const ssc = this.ssc;
    if (!ssc.checkpointDir) return Promise.resolve();
    let cp: MetadataCheckpoint;
    try { cp = this.snapshot(time.milliseconds); } catch (e) {
      ssc.printErr(`WARN CheckpointWriter: could not build the checkpoint for time ${time}: ${e instanceof Error ? e.message : e}\n`);
      return Promise.resolve();
    }
    const done = this.queue.then(() => this.writeNow(cp));
    this.queue = done.catch(() => undefined);
    return done;
  }

  /** Resolves when every checkpoint asked for so far has been written. */
  flush(): Promise<void> { return this.queue; }

  private async writeNow(cp: MetadataCheckpoint): Promise<void> {
    const ssc = this.ssc;
    const dir = ssc.checkpointDir!;
    const path = joinPath(dir, checkpointFileName(cp.checkpointTime));
    try {
      await ssc.receiverTracker.flushWal();
      await ssc.sparkContext.fs.writeFile(path, JSON.stringify(cp));
    } catch (e) {
      ssc.printErr(`WARN CheckpointWriter: could not write checkpoint for time ${cp.checkpointTime} ms to ${path}: ${e instanceof Error ? e.message : e}\n`);
      return;
    }
    ssc.post({ type: 'checkpointWritten', time: ssc.clock.getTimeMillis(), checkpointTime: cp.checkpointTime, kind: 'metadata', path });
    // Spark's ClearCheckpointData: data files older than what this checkpoint refers to are not needed any more.
    for (const [id, entry] of Object.entries(cp.dstreams ?? {})) {
      if (entry.files) await this.data.get(Number(id))?.cleanup(entry.files as Record<number, RDDCheckpointFile>, ssc.sparkContext);
    }
    await this.deleteOldCheckpointFiles(dir);
  }

  private async deleteOldCheckpointFiles(dir: string): Promise<void> {
    const fs = this.ssc.sparkContext.fs;
    let names: { path: string; time: number }[];
    try { names = (await fs.list(dir)).map((s) => ({ path: s.path, time: checkpointTimeOf(s.path) })).filter((s): s is { path: string; time: number } => s.time !== undefined); } catch { return; }
    names.sort((a, b) => a.time - b.time);
    for (const f of names.slice(0, Math.max(0, names.length - MAX_ATTEMPTS_TO_KEEP))) await fs.delete(f.path).catch(() => undefined);
  }

  /** Everything a restart needs, captured synchronously at `time`. */
  snapshot(time: number): MetadataCheckpoint {
    const ssc = this.ssc;
    const graph = ssc.graph;
    const dstreams: Record<string, DStreamCheckpointEntry> = {};
    const all = graph.allStreams();
    for (const d of all) {
      const entry: DStreamCheckpointEntry = { className: d.constructor.name };
      const data = this.data.get(d.id);
      if (data) { const files = data.update(); if (Object.keys(files).length) entry.files = files; }
      if (isCheckpointableInput(d)) entry.input = d.checkpointSnapshot();
      dstreams[d.id] = entry;
    }
    return {
      version: 2, checkpointTime: time, master: ssc.sparkContext.master, appName: ssc.sparkContext.appName,
      batchDurationMs: graph.batchDuration.milliseconds, zeroTime: graph.zeroTime!.milliseconds, startTime: graph.startTime?.milliseconds,
      checkpointDurationMs: ssc.checkpointDuration?.milliseconds, conf: ssc.conf.getAll(),
      pendingTimes: ssc.jobScheduler.pendingTimes(),
      graph: all.map((d) => ({ id: d.id, className: d.constructor.name, opName: d.opName, nodeId: d.nodeId,
        slideMs: d.slideDuration.milliseconds, parents: d.dependencies.map((p) => p.id) })),
      dstreams,
      receivedBlocks: ssc.receiverTracker.checkpointSnapshot(),
      generation: this.generation,
    };
  }
}

/** `checkpoint-<ms>` → ms (Spark's Checkpoint.REGEX also accepts the `.bk` backups). */
export function checkpointTimeOf(path: string): number | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const m = /^checkpoint-(\d+)(\.bk)?$/.exec(name);
  return m ? Number(m[1]) : undefined;
}
