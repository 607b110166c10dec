/**
 * A file system whose writer is killed at a chosen point of a chosen write, as if the process died there.
 * It wraps any FileSystem (MemoryFileSystem, NodeFileSystem in a temp directory, IndexedDB) and performs every write
 * itself as the two steps an atomic writer takes — write a temp file, rename it over the target — so that a kill can
 * land between them:
 *
 *   beforeTempWrite  nothing of the write reaches the disk
 *   midTempWrite     the temp file holds a prefix of the data (a torn temp file)
 *   afterTempWrite   the temp file is complete, the rename never happens
 *   afterRename      the write is complete; the process dies right after it
 *
 * With `atomic: false` it models a naive writer that writes the target in place: `midTempWrite` then leaves a torn
 * *target* file, which the readers must detect and skip. After the kill every mutating call fails with
 * WriterKilledError (a dead process does nothing more); reads keep working, so the same disk can be handed to a
 * recovering driver. Every mutating call is logged (`log`) so a recorded run can be replayed through another
 * instance with a different kill point (`replay`), and every write's full data is kept (`intended`) so a test can
 * tell a complete file from a torn one.
 */
import type { FileStatus, FileSystem } from '../core/fileSystem';

export type KillPoint = 'beforeTempWrite' | 'midTempWrite' | 'afterTempWrite' | 'afterRename';
export const KILL_POINTS: readonly KillPoint[] = ['beforeTempWrite', 'midTempWrite', 'afterTempWrite', 'afterRename'];

/** Kill during the `atWrite`-th writeFile (1-based) at `point`; `fraction` of the data reaches a torn file. */
export interface KillPlan { atWrite: number; point: KillPoint; fraction: number }

export class WriterKilledError extends Error {
  constructor(what: string) { super(`writer killed (fault injected): ${what} did not happen`); this.name = 'WriterKilledError'; }
}

export type FsOp =
  | { op: 'writeFile'; path: string; data: string }
  | { op: 'mkdirs'; path: string }
  | { op: 'rename'; from: string; to: string }
  | { op: 'delete'; path: string; recursive?: boolean };

export class FaultyFileSystem implements FileSystem {
  readonly kind: string;
  /** writeFile calls so far (the one being killed included). */
  writes = 0;
  dead = false;
  /** What happened at the kill: the write's target and the point. */
  killed?: { path: string; point: KillPoint; writeIndex: number };
  /** Every mutating call asked for, in order (those after the kill included: they failed). */
  readonly log: FsOp[] = [];
  /** path → the full data of every write asked for it (a checkpoint time can be written twice). */
  readonly intended = new Map<string, Set<string>>();
  private tmpCounter = 0;

  constructor(readonly inner: FileSystem, private readonly plan?: KillPlan, private readonly opts: { atomic?: boolean } = {}) {
    this.kind = `faulty(${inner.kind})`;
  }

  private get atomic(): boolean { return this.opts.atomic !== false; }
  private alive(what: string): void { if (this.dead) throw new WriterKilledError(what); }
  private die(path: string, point: KillPoint): never {
    this.dead = true;
    this.killed = { path, point, writeIndex: this.writes };
    throw new WriterKilledError(`the rest of the write of ${path} (killed ${point})`);
  }

  /** Whether `text` is exactly what one of the writes asked for `path` meant to leave (not torn). */
  isComplete(path: string, text: string): boolean { return this.intended.get(path)?.has(text) ?? false; }

  exists(p: string): Promise<boolean> { return this.inner.exists(p); }
  readFile(p: string): Promise<string> { return this.inner.readFile(p); }
  list(d: string): Promise<FileStatus[]> { return this.inner.list(d); }
  stat(p: string): Promise<FileStatus> { return this.inner.stat(p); }

  async mkdirs(p: string): Promise<void> { this.log.push({ op: 'mkdirs', path: p }); this.alive(`mkdirs ${p}`); await this.inner.mkdirs(p); }
  async rename(a: string, b: string): Promise<void> { this.log.push({ op: 'rename', from: a, to: b }); this.alive(`rename ${a}`); await this.inner.rename(a, b); }
  async delete(p: string, r?: boolean): Promise<void> { this.log.push({ op: 'delete', path: p, recursive: r }); this.alive(`delete ${p}`); await this.inner.delete(p, r); }

  async writeFile(path: string, data: string): Promise<void> {
    this.log.push({ op: 'writeFile', path, data });
    this.alive(`write ${path}`);
    const n = ++this.writes;
    let set = this.intended.get(path);
    if (!set) this.intended.set(path, (set = new Set()));
    set.add(data);
    const kill = this.plan && this.plan.atWrite === n ? this.plan : undefined;
    const torn = kill ? data.slice(0, Math.min(data.length - 1, Math.floor(data.length * kill.fraction))) : data;
    if (kill?.point === 'beforeTempWrite') this.die(path, kill.point);
    if (!this.atomic) {
      if (kill?.point === 'midTempWrite') { await this.inner.writeFile(path, torn); this.die(path, kill.point); }
      await this.inner.writeFile(path, data);
      if (kill) this.die(path, kill.point);
      return;
    }
    const tmp = `${path}.tmp-${++this.tmpCounter}`;
    if (kill?.point === 'midTempWrite') { await this.inner.writeFile(tmp, torn); this.die(path, kill.point); }
    await this.inner.writeFile(tmp, data);
    if (kill?.point === 'afterTempWrite') this.die(path, kill.point);
    await this.inner.rename(tmp, path);
    if (kill) this.die(path, kill.point);
  }
}

/**
 * Replays a recorded sequence of mutating calls through `fs` (paths mapped by `mapPath`), stopping at the first
 * failure: what a process doing the same work would have left on disk when killed there.
 */
export async function replay(log: readonly FsOp[], fs: FileSystem, mapPath: (p: string) => string = (p) => p): Promise<{ applied: number; error?: unknown }> {
  let applied = 0;
  for (const o of log) {
    try {
      if (o.op === 'writeFile') await fs.writeFile(mapPath(o.path), o.data);
      else if (o.op === 'mkdirs') await fs.mkdirs(mapPath(o.path));
      else if (o.op === 'rename') await fs.rename(mapPath(o.from), mapPath(o.to));
      else await fs.delete(mapPath(o.path), o.recursive);
    } catch (error) { return { applied, error }; }
    applied++;
  }
  return { applied };
}
