/**
 * Spark's CheckpointReader: lists `checkpoint-<ms>` files of a directory, newest first, and returns the first
 * one that reads and parses completely. A torn or corrupt file is skipped with a warning; if files exist but
 * none can be read, it fails with Spark's "Failed to read checkpoint from directory" (unless told to ignore it).
 */
import type { FileSystem } from '../core/fileSystem';
import { checkpointTimeOf, type MetadataCheckpoint } from './checkpoint';
import { errors } from '../core/errors';

export interface CheckpointRead {
  checkpoint: MetadataCheckpoint;
  path: string;
  /** Newer files that could not be used, with why. */
  skipped: { path: string; reason: string }[];
}

/** Checkpoint files of `dir`, newest first (a `.bk` backup after the file of the same time). */
export async function getCheckpointFiles(fs: FileSystem, dir: string): Promise<{ path: string; time: number }[]> {
  if (!(await fs.exists(dir))) return [];
  const entries = await fs.list(dir);
  const files: { path: string; time: number; bk: boolean }[] = [];
  for (const e of entries) {
    if (e.isDirectory) continue;
    const time = checkpointTimeOf(e.path);
    if (time !== undefined) files.push({ path: e.path, time, bk: e.path.endsWith('.bk') });
  }
  files.sort((a, b) => b.time - a.time || Number(a.bk) - Number(b.bk));
  return files.map(({ path, time }) => ({ path, time }));
}

/** Parses and checks a metadata checkpoint; throws an error naming what is wrong. */
export function parseCheckpoint(text: string, path: string): MetadataCheckpoint {
  let cp: Partial<MetadataCheckpoint>;
  try { cp = JSON.parse(text) as Partial<MetadataCheckpoint>; } catch (e) {
    throw errors.checkpointTorn(path, e instanceof Error ? e.message : String(e));
  }
  const problems: string[] = [];
  if (cp === null || typeof cp !== 'object') throw errors.checkpointNotObject(path);
  if (cp.version !== 1 && cp.version !== 2) problems.push(`unknown version ${String(cp.version)}`);
  for (const k of ['checkpointTime', 'batchDurationMs', 'zeroTime'] as const) if (typeof cp[k] !== 'number' || !Number.isFinite(cp[k])) problems.push(`${k} is missing`);
  if (!Array.isArray(cp.pendingTimes)) problems.push('pendingTimes is missing');
  if (!Array.isArray(cp.graph)) problems.push('graph is missing');
  if (!Array.isArray(cp.conf)) problems.push('conf is missing');
  const expected = checkpointTimeOf(path);
  if (expected !== undefined && cp.checkpointTime !== undefined && cp.checkpointTime !== expected) problems.push(`it says time ${cp.checkpointTime} ms but is named for ${expected} ms`);
  if (problems.length) throw errors.checkpointInvalid(path, problems);
  return cp as MetadataCheckpoint;
}

/**
 * The latest usable checkpoint of `dir`, or undefined when there is none. `warn` receives one line per skipped
 * file (Spark: "Error reading checkpoint from file ...").
 */
export async function readCheckpoint(fs: FileSystem, dir: string, opts: { ignoreReadError?: boolean; warn?: (message: string) => void } = {}): Promise<CheckpointRead | undefined> {
  const files = await getCheckpointFiles(fs, dir);
  if (files.length === 0) return undefined;
  const skipped: { path: string; reason: string }[] = [];
  for (const f of files) {
    try {
      const checkpoint = parseCheckpoint(await fs.readFile(f.path), f.path);
      return { checkpoint, path: f.path, skipped };
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      skipped.push({ path: f.path, reason });
      opts.warn?.(`WARN CheckpointReader: Error reading checkpoint from file ${f.path}: ${reason}`);
    }
  }
  if (opts.ignoreReadError) return undefined;
  throw errors.checkpointUnreadable(dir, files.length, skipped[0]?.reason);
}
