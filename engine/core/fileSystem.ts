/**
 * The engine's file system: output files (saveAsTextFiles), textFileStream inputs, checkpoints and the WAL.
 * One interface, one adapter per platform: a real directory in Node, memory or IndexedDB in the browser.
 */
import { errors } from './errors';
export interface FileStatus { path: string; isDirectory: boolean; modificationTime: number; size: number }

export interface FileSystem {
  readonly kind: string;
  exists(path: string): Promise<boolean>;
  mkdirs(path: string): Promise<void>;
  writeFile(path: string, data: string): Promise<void>;
  readFile(path: string): Promise<string>;
  /** Entries directly inside a directory (not recursive). A missing directory is an error naming it. */
  list(dir: string): Promise<FileStatus[]>;
  stat(path: string): Promise<FileStatus>;
  rename(from: string, to: string): Promise<void>;
  delete(path: string, recursive?: boolean): Promise<void>;
  /** Bytes (compressed outputs and inputs): file systems that store bytes implement these two; others hold text only. */
  writeBytes?(path: string, data: Uint8Array): Promise<void>;
  readBytes?(path: string): Promise<Uint8Array>;
}

export function joinPath(...parts: string[]): string {
  return parts.filter((p) => p.length > 0).join('/').replace(/\/+/g, '/');
}

function parentOf(path: string): string {
  const i = path.replace(/\/+$/, '').lastIndexOf('/');
  return i <= 0 ? (path.startsWith('/') ? '/' : '') : path.slice(0, i);
}

/** An in-memory file system (the browser default, and tests). Modification times come from the caller's clock. */
export class MemoryFileSystem implements FileSystem {
  readonly kind = 'memory';
  private files = new Map<string, { data: string; mtime: number; bytes?: Uint8Array }>();
  private dirs = new Set<string>(['', '/']);
  constructor(private now: () => number = () => 0) {}
  private norm(p: string): string { return p.replace(/\/+/g, '/').replace(/(.)\/$/, '$1'); }
  async exists(path: string): Promise<boolean> { const p = this.norm(path); return this.files.has(p) || this.dirs.has(p); }
  async mkdirs(path: string): Promise<void> {
    let p = this.norm(path);
    while (p && !this.dirs.has(p)) { this.dirs.add(p); p = parentOf(p); }
  }
  async writeFile(path: string, data: string): Promise<void> {
    const p = this.norm(path);
    if (this.dirs.has(p)) throw errors.writeToDirectory(path);
    await this.mkdirs(parentOf(p));
    this.files.set(p, { data, mtime: this.now() });
  }
  async writeBytes(path: string, bytes: Uint8Array): Promise<void> {
    let text = '';   // the text view, as a text reader would see the bytes
    for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
    await this.writeFile(path, text);
    this.files.get(this.norm(path))!.bytes = bytes.slice();
  }
  async readBytes(path: string): Promise<Uint8Array> {
    const f = this.files.get(this.norm(path));
    if (!f) throw errors.fileNotFound(path);
    return f.bytes ? f.bytes.slice() : new TextEncoder().encode(f.data);
  }
  async readFile(path: string): Promise<string> {
    const f = this.files.get(this.norm(path));
    if (!f) throw errors.fileNotFound(path);
    return f.data;
  }
  async list(dir: string): Promise<FileStatus[]> {
    const d = this.norm(dir);
    if (!this.dirs.has(d)) throw errors.dirNotFound(dir);
    const prefix = d === '/' ? '/' : d + '/';
    const out: FileStatus[] = [];
    for (const [p, f] of this.files) if (p.startsWith(prefix) && !p.slice(prefix.length).includes('/')) out.push({ path: p, isDirectory: false, modificationTime: f.mtime, size: f.data.length });
    for (const p of this.dirs) if (p !== d && p.startsWith(prefix) && p.length > prefix.length && !p.slice(prefix.length).includes('/')) out.push({ path: p, isDirectory: true, modificationTime: 0, size: 0 });
    return out.sort((a, b) => a.path.localeCompare(b.path));
  }
  async stat(path: string): Promise<FileStatus> {
    const p = this.norm(path);
    const f = this.files.get(p);
    if (f) return { path: p, isDirectory: false, modificationTime: f.mtime, size: f.data.length };
    if (this.dirs.has(p)) return { path: p, isDirectory: true, modificationTime: 0, size: 0 };
    throw errors.fileNotFound(path);
  }
  async rename(from: string, to: string): Promise<void> {
    const a = this.norm(from), b = this.norm(to);
    const f = this.files.get(a);
    if (!f) throw errors.fileNotFound(from);
    await this.mkdirs(parentOf(b));
    this.files.delete(a);
    this.files.set(b, f);
  }
  async delete(path: string, recursive = false): Promise<void> {
    const p = this.norm(path);
    if (this.files.delete(p)) return;
    if (!this.dirs.has(p)) return;
    const prefix = p + '/';
    const children = [...this.files.keys()].filter((k) => k.startsWith(prefix));
    if (children.length && !recursive) throw errors.dirNotEmpty(path);
    for (const k of children) this.files.delete(k);
    for (const d of [...this.dirs]) if (d === p || d.startsWith(prefix)) this.dirs.delete(d);
  }
}
