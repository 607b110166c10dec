import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '../../engine/core/fileSystem';
import { RemoteFileSystem } from './remoteFileSystem';
import { ScopedStorage, runScopeRoot } from '../host/scopedStorage';
import { parseStorageRequest, type StorageRequest } from './protocol';

/** The driver's file system wired to the page's storage API through the same checks the real wire applies. */
function wired(clock: { t: number }) {
  let shared = new MemoryFileSystem();
  const page = new ScopedStorage((now) => (shared = new MemoryFileSystem(now)), runScopeRoot('r1'));
  const driver: RemoteFileSystem = new RemoteFileSystem((id, request: StorageRequest) => {
    const checked = parseStorageRequest(request);
    if (!checked) { driver.settle({ kind: 'storageReply', id, ok: false, error: 'refused' }); return; }
    page.handle(checked).then(
      (value) => driver.settle({ kind: 'storageReply', id, ok: true, value }),
      (e: Error) => driver.settle({ kind: 'storageReply', id, ok: false, error: e.message }),
    );
  }, () => clock.t);
  return { shared, driver };
}

describe('the driver file system over the storage API', () => {
  it('writes, lists, renames and deletes inside its run directory, stamped with the engine clock', async () => {
    const clock = { t: 3000 };
    const { shared, driver } = wired(clock);
    await driver.writeFile('cp/checkpoint-3000.tmp', 'state');
    await driver.rename('cp/checkpoint-3000.tmp', 'cp/checkpoint-3000');
    expect(await driver.readFile('cp/checkpoint-3000')).toBe('state');
    expect(await driver.exists('cp/checkpoint-3000.tmp')).toBe(false);
    expect((await driver.list('cp')).map((s) => [s.path, s.modificationTime])).toEqual([['cp/checkpoint-3000', 3000]]);
    expect(await shared.readFile('/runs/r1/cp/checkpoint-3000')).toBe('state');
    await driver.delete('cp', true);
    expect(await driver.exists('cp')).toBe(false);
  });

  it('fails a call with the page\'s message, naming the path and the fix', async () => {
    const { driver } = wired({ t: 0 });
    await expect(driver.readFile('../r2/cp/checkpoint-1000')).rejects.toThrow(/leaves the pipeline's own directory; use a relative path without "\.\."/);
    await expect(driver.readFile('cp/none')).rejects.toThrow(/cp\/none/);
  });

  it('ignores replies nobody waits for', () => {
    const { driver } = wired({ t: 0 });
    expect(() => driver.settle({ kind: 'storageReply', id: 12345, ok: true, value: 'x' })).not.toThrow();
  });
});
