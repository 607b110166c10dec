/**
 * The engine's FileSystem on IndexedDB (checkpoints, the write-ahead log and saved outputs in the browser).
 * One object store, `files`, keyed by normalized path; each entry is a file (text + modification time) or an
 * explicit directory. A write goes to a temporary key first and is then swapped in — the temporary entry
 * read, the target put, the temporary deleted — in one transaction, so a reader sees the old or the new
 * file, never a torn one; temporaries a killed tab left behind are removed when the store is opened.
 * Modification times come from the injected clock (the engine's clock), never from Date.now().
 *
 * The IndexedDB specifics sit in `IdbKvStore` (typed structurally: engine/ has no DOM types); the file
 * system logic works on any `KvStore`, so it is tested in Node with an in-memory store.
 */
import type { FileStatus, FileSystem } from '../../core/fileSystem';
import { errors } from '../../core/errors';

export interface FileEntry { kind: 'file' | 'dir'; data?: string; mtime: number }

/** A transaction over a sorted key-value store. */
export interface KvTransaction {
  get(key: string): Promise<FileEntry | undefined>;
  put(key: string, value: FileEntry): Promise<void>;
  delete(key: string): Promise<void>;
  /** Keys k with lower <= k < upper, sorted. */
  keys(lower: string, upper: string): Promise<string[]>;
}
export interface KvStore {
  /** Runs `fn` in one transaction: all of its writes happen, or none. */
  transact<T>(mode: 'readonly' | 'readwrite', fn: (tx: KvTransaction) => Promise<T>): Promise<T>;
}

const TMP_MARK = '\u0000tmp-';
const END = '\uffff';

function norm(p: string): string {
  const s = p.replace(/\/+/g, '/');
  return s.length > 1 ? s.replace(/\/$/, '') : s;
}
function parentOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? (p.startsWith('/') ? '/' : '') : p.slice(0, i);
}
function childPrefix(dir: string): string { return dir === '/' ? '/' : dir === '' ? '' : dir + '/'; }

/** The FileSystem contract over a KvStore. */
export class KvFileSystem implements FileSystem {
  readonly kind: string = 'kv';
  private tmpCounter = 0;
  private ready?: Promise<void>;

  constructor(private readonly store: KvStore, private readonly now: () => number = () => 0) {}

  /** Removes temporaries of writes that never completed (a tab killed mid-write). */
  private init(): Promise<void> {
    return (this.ready ??= this.store.transact('readwrite', async (tx) => {
      for (const k of await tx.keys('', END)) if (k.includes(TMP_MARK)) await tx.delete(k);
    }));
  }

  private async mkdirsIn(tx: KvTransaction, path: string): Promise<void> {
    let p = norm(path);
    const mtime = this.now();
    while (p && p !== '/') {
      const e = await tx.get(p);
      if (e?.kind === 'file') throw errors.mkdirOverFile(path, p);
      if (e) break;
      await tx.put(p, { kind: 'dir', mtime });
      p = parentOf(p);
    }
  }

  async exists(path: string): Promise<boolean> {
    await this.init();
    const p = norm(path);
    if (p === '/' || p === '') return true;
    return this.store.transact('readonly', async (tx) => (await tx.get(p)) !== undefined || (await tx.keys(p + '/', p + '/' + END)).length > 0);
  }

  async mkdirs(path: string): Promise<void> {
    await this.init();
    await this.store.transact('readwrite', (tx) => this.mkdirsIn(tx, path));
  }

  async writeFile(path: string, data: string): Promise<void> {
    await this.init();
    const p = norm(path);
    const tmp = `${p}${TMP_MARK}${this.tmpCounter++}`;
    // 1. the new content under a temporary key (a kill here leaves the old file intact)…
    await this.store.transact('readwrite', async (tx) => {
      const existing = await tx.get(p);
      if (existing?.kind === 'dir') throw errors.writeToDirectory(path);
      await tx.put(tmp, { kind: 'file', data, mtime: this.now() });
    });
    // 2. …swapped in, in one transaction.
    await this.store.transact('readwrite', async (tx) => {
      const entry = await tx.get(tmp);
      if (!entry) throw errors.writeInterrupted(path);
      await this.mkdirsIn(tx, parentOf(p));
      await tx.put(p, { ...entry, mtime: this.now() });
      await tx.delete(tmp);
    });
  }

  async readFile(path: string): Promise<string> {
    await this.init();
    const e = await this.store.transact('readonly', (tx) => tx.get(norm(path)));
    if (!e || e.kind !== 'file') throw errors.fileNotFound(path);
    return e.data ?? '';
  }

  async list(dir: string): Promise<FileStatus[]> {
    await this.init();
    const d = norm(dir);
    return this.store.transact('readonly', async (tx) => {
      const self = d === '/' || d === '' ? { kind: 'dir' as const, mtime: 0 } : await tx.get(d);
      const prefix = childPrefix(d);
      const keys = (await tx.keys(prefix, prefix + END)).filter((k) => !k.includes(TMP_MARK));
      if (!self && keys.length === 0) throw errors.dirNotFound(dir);
      if (self?.kind === 'file') throw errors.notADirectory(dir);
      const out = new Map<string, FileStatus>();
      for (const k of keys) {
        const rest = k.slice(prefix.length);
        if (!rest) continue;
        const slash = rest.indexOf('/');
        if (slash >= 0) {
          const child = prefix + rest.slice(0, slash);
          if (!out.has(child)) out.set(child, { path: child, isDirectory: true, modificationTime: 0, size: 0 });
          continue;
        }
        const e = (await tx.get(k))!;
        out.set(k, { path: k, isDirectory: e.kind === 'dir', modificationTime: e.mtime, size: e.kind === 'file' ? (e.data ?? '').length : 0 });
      }
      return [...out.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    });
  }

  async stat(path: string): Promise<FileStatus> {
    await this.init();
    const p = norm(path);
    return this.store.transact('readonly', async (tx) => {
      const e = await tx.get(p);
      if (e) return { path: p, isDirectory: e.kind === 'dir', modificationTime: e.mtime, size: e.kind === 'file' ? (e.data ?? '').length : 0 };
      if (p === '/' || (await tx.keys(p + '/', p + '/' + END)).length > 0) return { path: p, isDirectory: true, modificationTime: 0, size: 0 };
      throw errors.fileNotFound(path);
    });
  }

  /** Moves a file, or a directory with everything under it, in one transaction. */
  async rename(from: string, to: string): Promise<void> {
    await this.init();
    const a = norm(from), b = norm(to);
    await this.store.transact('readwrite', async (tx) => {
      const e = await tx.get(a);
      const children = await tx.keys(a + '/', a + '/' + END);
      if (!e && children.length === 0) throw errors.fileNotFound(from);
      await this.mkdirsIn(tx, parentOf(b));
      if (e) { await tx.put(b, e); await tx.delete(a); }
      for (const k of children) {
        const v = await tx.get(k);
        if (v) await tx.put(b + k.slice(a.length), v);
        await tx.delete(k);
      }
    });
  }

  async delete(path: string, recursive = false): Promise<void> {
    await this.init();
    const p = norm(path);
    await this.store.transact('readwrite', async (tx) => {
      const e = await tx.get(p);
      if (e?.kind === 'file') { await tx.delete(p); return; }
      const children = await tx.keys(p + '/', p + '/' + END);
      if (children.length && !recursive) throw errors.dirNotEmpty(path);
      for (const k of children) await tx.delete(k);
      if (e) await tx.delete(p);
    });
  }
}

// ---- the IndexedDB adapter (structural types: no DOM library in engine/) -------------------------------------
interface IdbRequest<T> { result: T; error: unknown; onsuccess: ((ev: unknown) => void) | null; onerror: ((ev: unknown) => void) | null }
interface IdbOpenRequest extends IdbRequest<IdbDatabase> { onupgradeneeded: ((ev: unknown) => void) | null; onblocked?: ((ev: unknown) => void) | null }
interface IdbObjectStore {
  get(key: string): IdbRequest<unknown>;
  put(value: unknown, key: string): IdbRequest<unknown>;
  delete(key: string): IdbRequest<unknown>;
  getAllKeys(range: unknown): IdbRequest<unknown[]>;
}
interface IdbTransaction { objectStore(name: string): IdbObjectStore; oncomplete: ((ev: unknown) => void) | null; onerror: ((ev: unknown) => void) | null; onabort: ((ev: unknown) => void) | null; error: unknown; abort(): void }
interface IdbDatabase { objectStoreNames: { contains(name: string): boolean }; createObjectStore(name: string): unknown; transaction(store: string, mode: 'readonly' | 'readwrite'): IdbTransaction; close(): void }
export interface IdbFactoryLike { open(name: string, version?: number): IdbOpenRequest }
export interface IdbKeyRangeLike { bound(lower: string, upper: string, lowerOpen?: boolean, upperOpen?: boolean): unknown }

const STORE = 'files';

function request<T>(r: IdbRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(describeIdbError(r.error));
  });
}

function describeIdbError(e: unknown): Error {
  const name = (e as { name?: string })?.name;
  if (name === 'QuotaExceededError') return errors.storageQuotaExceeded();
  return e instanceof Error ? e : errors.indexedDbError(String((e as { message?: string })?.message ?? e));
}

/** A KvStore on one IndexedDB database. */
export class IdbKvStore implements KvStore {
  private db?: Promise<IdbDatabase>;
  constructor(readonly dbName: string, private readonly factory: IdbFactoryLike, private readonly keyRange: IdbKeyRangeLike) {}

  private open(): Promise<IdbDatabase> {
    return (this.db ??= new Promise<IdbDatabase>((resolve, reject) => {
      const r = this.factory.open(this.dbName, 1);
      r.onupgradeneeded = () => { if (!r.result.objectStoreNames.contains(STORE)) r.result.createObjectStore(STORE); };
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(describeIdbError(r.error));
      if ('onblocked' in r) r.onblocked = () => reject(errors.indexedDbBlocked(this.dbName));
    }));
  }

  async transact<T>(mode: 'readonly' | 'readwrite', fn: (tx: KvTransaction) => Promise<T>): Promise<T> {
    const db = await this.open();
    const t = db.transaction(STORE, mode);
    const done = new Promise<void>((resolve, reject) => {
      t.oncomplete = () => resolve();
      t.onerror = () => reject(describeIdbError(t.error));
      t.onabort = () => reject(describeIdbError(t.error ?? errors.indexedDbAborted()));
    });
    done.catch(() => undefined);
    const store = t.objectStore(STORE);
    const tx: KvTransaction = {
      get: async (key) => (await request(store.get(key))) as FileEntry | undefined,
      put: async (key, value) => { await request(store.put(value, key)); },
      delete: async (key) => { await request(store.delete(key)); },
      keys: async (lower, upper) => ((await request(store.getAllKeys(this.keyRange.bound(lower, upper, false, true)))) as string[]),
    };
    let result: T;
    try { result = await fn(tx); } catch (e) {
      try { t.abort(); } catch { /* already finished */ }
      throw e;
    }
    await done;
    return result;
  }

  close(): void { void this.db?.then((d) => d.close()); this.db = undefined; }
}

/** The browser's file system for checkpoints: `new IndexedDbFileSystem('dstream-studio', () => clock.getTimeMillis())`. */
export class IndexedDbFileSystem extends KvFileSystem {
  override readonly kind = 'indexeddb';
  constructor(dbName = 'dstream-studio-fs', now: () => number = () => 0,
    factory: IdbFactoryLike = (globalThis as { indexedDB?: IdbFactoryLike }).indexedDB!,
    keyRange: IdbKeyRangeLike = (globalThis as { IDBKeyRange?: IdbKeyRangeLike }).IDBKeyRange!) {
    if (!factory || !keyRange) throw errors.indexedDbUnavailable();
    super(new IdbKvStore(dbName, factory, keyRange), now);
  }
}
