import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '../../engine/core/fileSystem';
import { KvFileSystem, type FileEntry, type KvStore, type KvTransaction } from '../../engine/cluster/browser/indexedDbFileSystem';
import { ScopedStorage, StoragePathError, runScopeRoot, scopedPath, unscopedPath } from './scopedStorage';
import type { StorageRequest } from '../workers/protocol';

const req = (op: StorageRequest['op'], path: string, extra: Partial<StorageRequest> = {}): StorageRequest => ({ op, path, now: 1000, ...extra });

/** The IndexedDB file system's logic over a sorted in-memory map (as the app runs it, minus IndexedDB). */
function memoryKv(): KvStore {
  const m = new Map<string, FileEntry>();
  const tx: KvTransaction = {
    get: async (k) => m.get(k),
    put: async (k, v) => { m.set(k, v); },
    delete: async (k) => { m.delete(k); },
    keys: async (lo, hi) => [...m.keys()].filter((k) => k >= lo && k < hi).sort(),
  };
  return { transact: (_mode, fn) => fn(tx) };
}

describe('path-scoped storage API (the app side of the engine host)', () => {
  const root = runScopeRoot('run-1');

  it('maps engine paths into the run directory and back', () => {
    expect(scopedPath(root, 'checkpoints/wc')).toBe('/runs/run-1/checkpoints/wc');
    expect(scopedPath(root, '/checkpoints//wc/./')).toBe('/runs/run-1/checkpoints/wc');
    expect(scopedPath(root, '')).toBe('/runs/run-1');
    expect(unscopedPath(root, '/runs/run-1/checkpoints/wc/checkpoint-1000')).toBe('checkpoints/wc/checkpoint-1000');
  });

  it.each(['../run-2/checkpoints', 'checkpoints/../../run-2', '..', 'a/..', 'a\\..\\b', 'a\u0000tmp-1'])('refuses %j, naming the fix', (p) => {
    expect(() => scopedPath(root, p)).toThrow(StoragePathError);
    expect(() => scopedPath(root, p)).toThrow(/leaves the pipeline's own directory; use a relative path without "\.\."/);
  });

  it('refuses a run id that is not a plain name', () => {
    expect(() => runScopeRoot('../x')).toThrow(/not a storage scope name/);
    expect(() => runScopeRoot('')).toThrow(StoragePathError);
  });

  it('a pipeline reads and writes only its own run directory', async () => {
    const shared = new MemoryFileSystem();
    await shared.writeFile('/runs/other/checkpoints/wc/checkpoint-1000', 'the other run');
    await shared.writeFile('/dstream-autosave', 'not engine files');
    const mine = new ScopedStorage(() => shared, root);
    await mine.handle(req('writeFile', 'checkpoints/wc/checkpoint-2000', { data: 'mine' }));
    expect(await shared.readFile('/runs/run-1/checkpoints/wc/checkpoint-2000')).toBe('mine');
    expect(await mine.handle(req('readFile', '/checkpoints/wc/checkpoint-2000'))).toBe('mine');
    expect(await mine.handle(req('exists', 'checkpoints/wc/checkpoint-1000'))).toBe(false);
    await expect(mine.handle(req('readFile', '../other/checkpoints/wc/checkpoint-1000'))).rejects.toThrow(/leaves the pipeline's own directory/);
    await expect(mine.handle(req('rename', 'checkpoints/wc/checkpoint-2000', { to: '../other/x' }))).rejects.toThrow(/leaves/);
    await expect(mine.handle(req('delete', '..', { recursive: true }))).rejects.toThrow(/leaves/);
    // Deleting its whole root deletes only its own directory.
    await mine.handle(req('delete', '/', { recursive: true }));
    expect(await shared.readFile('/runs/other/checkpoints/wc/checkpoint-1000')).toBe('the other run');
    expect(await shared.readFile('/dstream-autosave')).toBe('not engine files');
  });

  it('lists and stats with engine paths, and names engine paths in errors', async () => {
    const mine = new ScopedStorage(() => new MemoryFileSystem(), root);
    await mine.handle(req('writeFile', 'cp/checkpoint-1000', { data: 'x' }));
    const listed = (await mine.handle(req('list', 'cp'))) as { path: string }[];
    expect(listed.map((s) => s.path)).toEqual(['cp/checkpoint-1000']);
    expect(((await mine.handle(req('stat', 'cp/checkpoint-1000'))) as { path: string }).path).toBe('cp/checkpoint-1000');
    const err = await mine.handle(req('readFile', 'cp/missing')).catch((e: Error) => e.message);
    expect(err).toContain('cp/missing');
    expect(err).not.toContain('/runs/run-1');
  });

  it('stamps files with the engine clock of each request, and clear() removes the run', async () => {
    const mine = new ScopedStorage((now) => new KvFileSystem(memoryKv(), now), root);
    await mine.handle(req('writeFile', 'wal/log-1', { data: 'a', now: 4000 }));
    expect(((await mine.handle(req('stat', 'wal/log-1'))) as { modificationTime: number }).modificationTime).toBe(4000);
    await mine.clear();
    expect(await mine.handle(req('exists', 'wal/log-1'))).toBe(false);
  });
});
