import { joinPath } from '../core/fileSystem';
import type { Time } from '../core/time';
import type { StreamingContext } from './StreamingContext';

/** What a metadata checkpoint records (Spark's Checkpoint: conf, graph, pending batches). */
export interface MetadataCheckpoint {
  version: 1;
  checkpointTime: number;
  master: string;
  appName: string;
  batchDurationMs: number;
  zeroTime: number;
  conf: [string, string][];
  /** Batches generated but not completed when the checkpoint was written (re-run on recovery). */
  pendingTimes: number[];
  graph: { id: number; className: string; opName: string; nodeId?: string; slideMs: number; parents: number[] }[];
}

/** Writes `checkpoint-<ms>` atomically (the file system writes a temp file and renames it). */
export async function writeMetadataCheckpoint(ssc: StreamingContext, time: Time): Promise<string> {
  const dir = ssc.checkpointDir!;
  const completed = new Set(ssc.jobScheduler.completedBatches.map((b) => b.batchTime));
  const pending: number[] = [];
  const last = ssc.jobGenerator.lastGeneratedTime ?? time.milliseconds;
  for (let t = ssc.graph.startTime!.milliseconds; t <= last; t += ssc.graph.batchDuration.milliseconds) if (!completed.has(t) && t > last - 10 * ssc.graph.batchDuration.milliseconds) pending.push(t);
  const cp: MetadataCheckpoint = {
    version: 1, checkpointTime: time.milliseconds, master: ssc.sparkContext.master, appName: ssc.sparkContext.appName,
    batchDurationMs: ssc.graph.batchDuration.milliseconds, zeroTime: ssc.graph.zeroTime!.milliseconds, conf: ssc.conf.getAll(), pendingTimes: pending,
    graph: ssc.graph.allStreams().map((d) => ({ id: d.id, className: d.constructor.name, opName: d.opName, nodeId: d.nodeId,
      slideMs: d.slideDuration.milliseconds, parents: d.dependencies.map((p) => p.id) })),
  };
  const path = joinPath(dir, `checkpoint-${time.milliseconds}`);
  await ssc.sparkContext.fs.writeFile(path, JSON.stringify(cp));
  return path;
}
