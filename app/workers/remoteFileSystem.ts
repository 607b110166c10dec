/**
 * The driver's FileSystem in the engine host: every call is a storage request to the page (app/host/scopedStorage.ts),
 * which keeps the files in its own IndexedDB, inside this run's directory. The host's origin owns no storage, so
 * checkpoints and the write-ahead log survive a driver restart only because the page keeps them.
 */
import type { FileStatus, FileSystem } from '../../engine/core/fileSystem';
import type { StorageReply, StorageRequest } from './protocol';

export class RemoteFileSystem implements FileSystem {
  readonly kind = 'app-storage';
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  /** `send` posts `{ kind: 'storage', id, request }` to the page; the driver hands replies to `settle`. */
  constructor(private readonly send: (id: number, request: StorageRequest) => void, private readonly now: () => number) {}

  settle(reply: StorageReply): void {
    const w = this.waiting.get(reply.id);
    if (!w) return;
    this.waiting.delete(reply.id);
    if (reply.ok) w.resolve(reply.value);
    else w.reject(new Error(reply.error));
  }

  private call(op: StorageRequest['op'], path: string, extra: Partial<StorageRequest> = {}): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.send(id, { op, path, now: this.now(), ...extra });
    });
  }

  async exists(path: string): Promise<boolean> { return (await this.call('exists', path)) === true; }
  async mkdirs(path: string): Promise<void> { await this.call('mkdirs', path); }
  async writeFile(path: string, data: string): Promise<void> { await this.call('writeFile', path, { data }); }
  async readFile(path: string): Promise<string> { return String(await this.call('readFile', path)); }
  async list(dir: string): Promise<FileStatus[]> { return (await this.call('list', dir)) as FileStatus[]; }
  async stat(path: string): Promise<FileStatus> { return (await this.call('stat', path)) as FileStatus; }
  async rename(from: string, to: string): Promise<void> { await this.call('rename', from, { to }); }
  async delete(path: string, recursive?: boolean): Promise<void> { await this.call('delete', path, recursive === undefined ? {} : { recursive }); }
}
