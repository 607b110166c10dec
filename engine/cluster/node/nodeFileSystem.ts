import type { FileStatus, FileSystem } from '../../core/fileSystem';
import { errors } from '../../core/errors';
import { nodeBuiltin } from './builtin';

type Fs = typeof import('node:fs/promises');
let fsPromise: Promise<Fs> | undefined;
// Loaded lazily so that browser bundles never evaluate node:fs.
const fs = (): Promise<Fs> => (fsPromise ??= import('node:fs/promises'));

/** A real directory tree in Node. Writes are atomic: write a temp file, then rename over the target. */
export class NodeFileSystem implements FileSystem {
  readonly kind = 'node';
  /** Synchronous check for definition-time errors (textFileStream of a missing directory). */
  existsSync(path: string): boolean {
    const fsSync = nodeBuiltin('node:fs');
    return fsSync ? fsSync.existsSync(path) : true;
  }
  async exists(path: string): Promise<boolean> { try { await (await fs()).stat(path); return true; } catch { return false; } }
  async mkdirs(path: string): Promise<void> { await (await fs()).mkdir(path, { recursive: true }); }
  async writeFile(path: string, data: string): Promise<void> { return this.write(path, data); }
  async writeBytes(path: string, data: Uint8Array): Promise<void> { return this.write(path, data); }
  async readBytes(path: string): Promise<Uint8Array> {
    try { return new Uint8Array(await (await fs()).readFile(path)); } catch (e) { throw describeFsError(e, path); }
  }
  private async write(path: string, data: string | Uint8Array): Promise<void> {
    const f = await fs();
    const dir = path.slice(0, Math.max(0, path.lastIndexOf('/')));
    if (dir) await f.mkdir(dir, { recursive: true });
    const tmp = `${path}.tmp-${process.pid}-${tmpCounter++}`;
    try {
      await f.writeFile(tmp, data);
      await f.rename(tmp, path);
    } catch (e) {
      await f.rm(tmp, { force: true }).catch(() => undefined);
      throw describeFsError(e, path);
    }
  }
  async readFile(path: string): Promise<string> {
    try { return await (await fs()).readFile(path, 'utf8'); } catch (e) { throw describeFsError(e, path); }
  }
  async list(dir: string): Promise<FileStatus[]> {
    const f = await fs();
    let names: string[];
    try { names = await f.readdir(dir); } catch (e) { throw describeFsError(e, dir); }
    const out: FileStatus[] = [];
    for (const n of names.sort()) {
      try { out.push(await this.stat(`${dir.replace(/\/$/, '')}/${n}`)); } catch { /* vanished between readdir and stat */ }
    }
    return out;
  }
  async stat(path: string): Promise<FileStatus> {
    try {
      const s = await (await fs()).stat(path);
      return { path, isDirectory: s.isDirectory(), modificationTime: s.mtimeMs, size: s.size };
    } catch (e) { throw describeFsError(e, path); }
  }
  async rename(from: string, to: string): Promise<void> { await (await fs()).rename(from, to); }
  async delete(path: string, recursive = false): Promise<void> { await (await fs()).rm(path, { recursive, force: true }); }
}

let tmpCounter = 0;

function describeFsError(e: unknown, path: string): Error {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return errors.fileNotFound(path);
  if (code === 'ENOSPC') return errors.noSpaceLeft(path);
  if (code === 'EACCES' || code === 'EPERM') return errors.permissionDenied(path);
  return e instanceof Error ? e : new Error(String(e));
}
