/**
 * The fault-tolerance toggles as graph settings (pure): WAL and speculation are SparkConf keys in graph.conf;
 * receiver replication is the studio key PipelineSession applies to every receiver's storage level. Spark's
 * defaults are not written out (an unset key means: WAL off, replication 2, speculation off).
 */
import type { GraphMeta } from '../store/graphModel';

/** engine/graph/session.ts RECEIVER_STORAGE_LEVEL_KEY (not imported: that module pulls the engine into the page; a test checks they agree). */
export const RECEIVER_STORAGE_LEVEL_KEY = 'spark.studio.receiver.storageLevel';

export const WAL_KEY = 'spark.streaming.receiver.writeAheadLog.enable';
export const SPECULATION_KEY = 'spark.speculation';
export const REPLICATED = 'MEMORY_AND_DISK_SER_2';
export const SINGLE = 'MEMORY_AND_DISK_SER';

export interface FaultTolerance { wal: boolean; replicated: boolean; speculation: boolean }

type MetaLike = Pick<GraphMeta, 'conf' | 'checkpointDir' | 'name'>;

export function readFaultTolerance(meta: MetaLike): FaultTolerance {
  const c = meta.conf ?? {};
  return {
    wal: c[WAL_KEY] === 'true',
    replicated: (c[RECEIVER_STORAGE_LEVEL_KEY] ?? REPLICATED) !== SINGLE,
    speculation: c[SPECULATION_KEY] === 'true',
  };
}

/** A checkpoint directory for a pipeline that has none (the WAL lives there). */
export function defaultCheckpointDir(name: string): string {
  const slug = name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'pipeline';
  return `checkpoints/${slug}`;
}

/** The meta patch for a change; turning the WAL on without a checkpoint directory also sets one. */
export function applyFaultTolerance(meta: MetaLike, patch: Partial<FaultTolerance>): { patch: Partial<GraphMeta>; addedCheckpointDir?: string } {
  const next = { ...readFaultTolerance(meta), ...patch };
  const conf: Record<string, string> = { ...(meta.conf ?? {}) };
  const put = (k: string, v: string | undefined) => { if (v === undefined) delete conf[k]; else conf[k] = v; };
  put(WAL_KEY, next.wal ? 'true' : undefined);
  put(SPECULATION_KEY, next.speculation ? 'true' : undefined);
  put(RECEIVER_STORAGE_LEVEL_KEY, next.replicated ? undefined : SINGLE);
  const out: Partial<GraphMeta> = { conf };
  if (Object.keys(conf).length === 0) out.conf = undefined;
  let addedCheckpointDir: string | undefined;
  if (next.wal && !meta.checkpointDir) { addedCheckpointDir = defaultCheckpointDir(meta.name); out.checkpointDir = addedCheckpointDir; }
  return { patch: out, ...(addedCheckpointDir ? { addedCheckpointDir } : {}) };
}
