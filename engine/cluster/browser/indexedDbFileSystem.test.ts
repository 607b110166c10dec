/**
 * The IndexedDB file system: the FileSystem contract on an in-memory transactional store, writes killed at
 * seeded random points (the file is the old or the new one, never torn), and the IndexedDB adapter itself
 * against a small fake of the IndexedDB API (requests, auto-committing transactions, key ranges, abort).
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng';
import { IdbKvStore, KvFileSystem, IndexedDbFileSystem, type FileEntry, type IdbFactoryLike, type IdbKeyRangeLike, type KvStore, type KvTransaction } from './indexedDbFileSystem';
import { errors } from '../../core/errors';

/** A sorted map with all-or-nothing transactions; `failAfter` kills the writer after that many operations. */
class MemoryKv implements KvStore {
  readonly data = new Map<string, FileEntry>();
  ops = 0;
  failAfter = Infinity;
  async transact<T>(_mode: 'readonly' | 'readwrite', fn: (tx: KvTransaction) => Promise<T>): Promise<T> {
    const work = new Map(this.data);
    const step = () => { if (++this.ops > this.failAfter) throw new Error('killed'); };
    const tx: KvTransaction = {
      get: async (k) => { step(); const v = work.get(k); return v && { ...v }; },
      put: async (k, v) => { step(); work.set(k, { ...v }); },
      delete: async (k) => { step(); work.delete(k); },
      keys: async (lo, hi) => { step(); return [...work.keys()].filter((k) => k >= lo && k < hi).sort(); },
    };
    const r = await fn(tx);
    this.data.clear();
    for (const [k, v] of work) this.data.set(k, v);
    return r;
  }
}

describe('KvFileSystem: the FileSystem contract', () => {
  it('writes, reads, lists, stats, renames and deletes', async () => {
    let t = 100;
    const fs = new KvFileSystem(new MemoryKv(), () => t);
    await fs.writeFile('/cp/checkpoint-1000', 'a');
    t = 200;
    await fs.writeFile('/cp/receivedData/0/log-200', 'b');
    await fs.mkdirs('/cp/dstream-3');
    expect(await fs.readFile('/cp/checkpoint-1000')).toBe('a');
    expect(await fs.exists('/cp')).toBe(true);
    expect(await fs.exists('/cp/nothing')).toBe(false);
    expect((await fs.list('/cp')).map((s) => [s.path, s.isDirectory])).toEqual([
      ['/cp/checkpoint-1000', false], ['/cp/dstream-3', true], ['/cp/receivedData', true]]);
    expect(await fs.stat('/cp/checkpoint-1000')).toEqual({ path: '/cp/checkpoint-1000', isDirectory: false, modificationTime: 100, size: 1 });
    await fs.writeFile('/cp/checkpoint-1000', 'aa');
    expect((await fs.stat('/cp/checkpoint-1000')).modificationTime).toBe(200);
    await fs.rename('/cp/receivedData', '/old/receivedData');
    expect(await fs.readFile('/old/receivedData/0/log-200')).toBe('b');
    expect(await fs.exists('/cp/receivedData')).toBe(false);
    await expect(fs.delete('/old')).rejects.toThrow(errors.dirNotEmpty('/old').message);
    await fs.delete('/old', true);
    expect(await fs.exists('/old/receivedData/0/log-200')).toBe(false);
    await expect(fs.readFile('/cp/none')).rejects.toThrow(errors.fileNotFound('/cp/none').message);
    await expect(fs.list('/missing')).rejects.toThrow(errors.dirNotFound('/missing').message);
    await expect(fs.writeFile('/cp/dstream-3', 'x')).rejects.toThrow(errors.writeToDirectory('/cp/dstream-3').message);
  });

  it('a write killed at any point leaves the old file or the new one, never a torn one (200 seeded trials)', async () => {
    const rng = new Rng(11);
    for (let trial = 0; trial < 200; trial++) {
      const kv = new MemoryKv();
      const fs = new KvFileSystem(kv);
      await fs.writeFile('/cp/checkpoint-1000', 'old'.repeat(1 + (trial % 5)));
      const before = await fs.readFile('/cp/checkpoint-1000');
      kv.ops = 0;
      kv.failAfter = rng.nextInt(20);
      const next = `new-${trial}`;
      await fs.writeFile('/cp/checkpoint-1000', next).catch(() => undefined);
      kv.failAfter = Infinity;
      const reopened = new KvFileSystem(kv); // a new tab: cleans temporaries
      expect([before, next]).toContain(await reopened.readFile('/cp/checkpoint-1000'));
      expect((await reopened.list('/cp')).map((s) => s.path)).toEqual(['/cp/checkpoint-1000']);
    }
  });
});

// ---- a small fake of IndexedDB: enough for IdbKvStore --------------------------------------------------------
interface Range { lower: string; upper: string; lowerOpen: boolean; upperOpen: boolean }
const keyRange: IdbKeyRangeLike = { bound: (lower, upper, lowerOpen = false, upperOpen = false): Range => ({ lower, upper, lowerOpen, upperOpen }) };

class FakeIndexedDb implements IdbFactoryLike {
  readonly stores = new Map<string, Map<string, unknown>>();
  commits = 0;
  open(_name: string) {
    const req: Record<string, unknown> & { result?: unknown } = { onsuccess: null, onerror: null, onupgradeneeded: null, error: null };
    const fake = this;
    const db = {
      objectStoreNames: { contains: (n: string) => fake.stores.has(n) },
      createObjectStore: (n: string) => { fake.stores.set(n, new Map()); },
      close: () => undefined,
      transaction: (name: string, _mode: string) => fake.transaction(name),
    };
    setTimeout(() => { req.result = db; (req.onupgradeneeded as (() => void) | null)?.(); (req.onsuccess as () => void)(); });
    return req as never;
  }
  private transaction(name: string) {
    const committed = this.stores.get(name)!;
    const work = new Map(committed);
    let pending = 0, finished = false;
    const tx = {
      oncomplete: null as null | (() => void), onerror: null as null | (() => void), onabort: null as null | (() => void), error: null as unknown,
      abort: () => { if (finished) return; finished = true; tx.error = new Error('aborted'); tx.onabort?.(); },
      objectStore: () => store,
    };
    const maybeCommit = () => setTimeout(() => {
      if (finished || pending > 0) return;
      finished = true;
      committed.clear();
      for (const [k, v] of work) committed.set(k, v);
      this.commits++;
      tx.oncomplete?.();
    });
    const req = <T>(f: () => T) => {
      if (finished) throw new Error('TransactionInactiveError');
      pending++;
      const r = { result: undefined as T | undefined, error: null, onsuccess: null as null | (() => void), onerror: null };
      queueMicrotask(() => { r.result = structuredClone(f()); pending--; r.onsuccess?.(); maybeCommit(); });
      return r;
    };
    const inRange = (k: string, r: Range) => (r.lowerOpen ? k > r.lower : k >= r.lower) && (r.upperOpen ? k < r.upper : k <= r.upper);
    const store = {
      get: (k: string) => req(() => work.get(k)),
      put: (v: unknown, k: string) => req(() => { work.set(k, structuredClone(v)); return k; }),
      delete: (k: string) => req(() => { work.delete(k); return undefined; }),
      getAllKeys: (r: Range) => req(() => [...work.keys()].filter((k) => inRange(k, r)).sort()),
    };
    maybeCommit();
    return tx;
  }
}

describe('IndexedDbFileSystem on the IndexedDB API (fake)', () => {
  it('stores files in the "files" object store and swaps writes in atomically', async () => {
    const idb = new FakeIndexedDb();
    const fs = new IndexedDbFileSystem('test-db', () => 42, idb, keyRange);
    await fs.writeFile('/cp/checkpoint-2000', '{"version":2}');
    await fs.writeFile('/cp/dstream-1/rdd-7-10000/part-00000', '[]');
    expect(await fs.readFile('/cp/checkpoint-2000')).toBe('{"version":2}');
    expect((await fs.list('/cp')).map((s) => s.path)).toEqual(['/cp/checkpoint-2000', '/cp/dstream-1']);
    expect((await fs.stat('/cp/checkpoint-2000')).modificationTime).toBe(42);
    expect([...idb.stores.get('files')!.keys()].filter((k) => k.includes('tmp'))).toEqual([]);
    await fs.delete('/cp/dstream-1', true);
    expect(await fs.exists('/cp/dstream-1/rdd-7-10000/part-00000')).toBe(false);
  });

  it('a failing transaction aborts: nothing of it is committed', async () => {
    const idb = new FakeIndexedDb();
    const store = new IdbKvStore('db', idb, keyRange);
    await store.transact('readwrite', async (tx) => { await tx.put('/a', { kind: 'file', data: '1', mtime: 0 }); });
    await expect(store.transact('readwrite', async (tx) => {
      await tx.put('/a', { kind: 'file', data: '2', mtime: 0 });
      throw new Error('quota');
    })).rejects.toThrow('quota');
    expect(await store.transact('readonly', (tx) => tx.get('/a'))).toEqual({ kind: 'file', data: '1', mtime: 0 });
  });

  it('says what to use where IndexedDB does not exist', () => {
    expect(() => new IndexedDbFileSystem('x', () => 0, undefined as never, undefined as never)).toThrow(errors.indexedDbUnavailable().message);
  });
});
