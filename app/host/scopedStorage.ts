/**
 * The app's side of the engine's storage API. The engine host owns no storage (it runs in an opaque origin);
 * its driver asks the page for every checkpoint, write-ahead-log and output file operation, and the page carries
 * it out on its own FileSystem (IndexedDB) inside one directory that belongs to that run. The engine sees that
 * directory as its root: "checkpoints/x" is `<root>/checkpoints/x`. A path that tries to leave it ("..", or
 * anything the page cannot normalise) is refused with a message, so a pipeline reaches its own files only: not the
 * checkpoints of another tab's run, and never the app's other databases (those are not FileSystems at all).
 */
import type { FileStatus, FileSystem } from '../../engine/core/fileSystem';
import type { StorageRequest } from '../workers/protocol';

export class StoragePathError extends Error {}

/** Why a path was refused: names the path and what to write instead. */
const outsideScope = (path: string) => new StoragePathError(
  `Path "${path}" leaves the pipeline's own directory; use a relative path without ".." (e.g. "checkpoints/my-pipeline")`);

/**
 * The engine's path inside the scope, as the page's key: leading "/" and "./" dropped, repeated slashes folded,
 * "." segments removed; ".." anywhere is refused rather than resolved, as are control characters (the
 * IndexedDbFileSystem uses "\u0000" in its temporary keys).
 */
export function scopedPath(root: string, path: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(path)) throw outsideScope(path);
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..')) throw outsideScope(path);
  return parts.length ? `${root}/${parts.join('/')}` : root;
}

/** The page key back as the engine's path (relative to the scope). */
export function unscopedPath(root: string, key: string): string {
  if (key === root) return '';
  if (!key.startsWith(root + '/')) throw outsideScope(key);
  return key.slice(root.length + 1);
}

/** A root the page picks per realm: a name the engine cannot choose, so one run never lands in another's files. */
export function runScopeRoot(runId: string): string {
  if (!/^[A-Za-z0-9-]{1,64}$/.test(runId)) throw new StoragePathError(`Run id "${runId}" is not a storage scope name (letters, digits and "-")`);
  return `/runs/${runId}`;
}

/** Serves storage requests for one run's scope on the app's FileSystem. */
export class ScopedStorage {
  /** The engine's clock as last reported (modification times of the files it writes). */
  private engineNow = 0;
  private readonly fs: FileSystem;
  /** `open` makes the app's FileSystem, given the clock it should stamp files with (the engine's, per request). */
  constructor(open: (now: () => number) => FileSystem, readonly root: string) {
    this.fs = open(() => this.engineNow);
  }

  private status(s: FileStatus): FileStatus { return { ...s, path: unscopedPath(this.root, s.path) }; }

  /** Carries out one (already shape-checked) request; errors name engine paths, not the page's keys. */
  async handle(req: StorageRequest): Promise<unknown> {
    this.engineNow = req.now;
    const p = scopedPath(this.root, req.path);
    try {
      switch (req.op) {
        case 'exists': return await this.fs.exists(p);
        case 'mkdirs': return await this.fs.mkdirs(p);
        case 'writeFile': return await this.fs.writeFile(p, req.data ?? '');
        case 'readFile': return await this.fs.readFile(p);
        case 'list': return (await this.fs.list(p)).map((s) => this.status(s));
        case 'stat': return this.status(await this.fs.stat(p));
        case 'rename': return await this.fs.rename(p, scopedPath(this.root, req.to ?? ''));
        case 'delete': return await this.fs.delete(p, req.recursive);
      }
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      throw new Error(message.split(this.root + '/').join('').split(this.root).join('/'));
    }
  }

  /** Deletes everything of this scope (the realm is gone; nothing will read its checkpoints again). */
  async clear(): Promise<void> {
    if (await this.fs.exists(this.root)) await this.fs.delete(this.root, true);
  }
}
