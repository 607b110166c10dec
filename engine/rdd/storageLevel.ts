/** Spark's StorageLevel: where a persisted RDD partition or a received block lives. */
import { errors } from '../core/errors';
export class StorageLevel {
  constructor(
    readonly useDisk: boolean,
    readonly useMemory: boolean,
    readonly useOffHeap: boolean,
    readonly deserialized: boolean,
    readonly replication: number = 1,
  ) {}

  static readonly NONE = new StorageLevel(false, false, false, false);
  static readonly DISK_ONLY = new StorageLevel(true, false, false, false);
  static readonly DISK_ONLY_2 = new StorageLevel(true, false, false, false, 2);
  static readonly MEMORY_ONLY = new StorageLevel(false, true, false, true);
  static readonly MEMORY_ONLY_2 = new StorageLevel(false, true, false, true, 2);
  static readonly MEMORY_ONLY_SER = new StorageLevel(false, true, false, false);
  static readonly MEMORY_ONLY_SER_2 = new StorageLevel(false, true, false, false, 2);
  static readonly MEMORY_AND_DISK = new StorageLevel(true, true, false, true);
  static readonly MEMORY_AND_DISK_2 = new StorageLevel(true, true, false, true, 2);
  static readonly MEMORY_AND_DISK_SER = new StorageLevel(true, true, false, false);
  static readonly MEMORY_AND_DISK_SER_2 = new StorageLevel(true, true, false, false, 2);
  static readonly OFF_HEAP = new StorageLevel(true, true, true, false, 1);

  get isValid(): boolean { return (this.useMemory || this.useDisk) && this.replication > 0; }

  equals(o: StorageLevel): boolean {
    return this.useDisk === o.useDisk && this.useMemory === o.useMemory && this.useOffHeap === o.useOffHeap &&
      this.deserialized === o.deserialized && this.replication === o.replication;
  }

  /** Spark's StorageLevel.description, e.g. "Memory Deserialized 1x Replicated". */
  get description(): string {
    let result = '';
    result += this.useDisk ? 'Disk ' : '';
    if (this.useMemory) result += this.useOffHeap ? 'Memory (off heap) ' : 'Memory ';
    result += this.deserialized ? 'Deserialized ' : 'Serialized ';
    result += `${this.replication}x Replicated`;
    return result;
  }

  toString(): string {
    return `StorageLevel(${[this.useDisk ? 'disk' : '', this.useMemory ? 'memory' : '', this.useOffHeap ? 'offheap' : '',
      this.deserialized ? 'deserialized' : ''].filter(Boolean).join(', ')}, ${this.replication} replicas)`;
  }

  /** Name of the constant this level equals, e.g. "MEMORY_AND_DISK_SER_2" (used in events and the UI). */
  get name(): string {
    for (const [k, v] of Object.entries(StorageLevel)) if (v instanceof StorageLevel && v.equals(this)) return k;
    return this.toString();
  }

  toJSON(): StorageLevelDesc { return { useDisk: this.useDisk, useMemory: this.useMemory, useOffHeap: this.useOffHeap, deserialized: this.deserialized, replication: this.replication }; }
  static fromJSON(d: StorageLevelDesc): StorageLevel { return new StorageLevel(d.useDisk, d.useMemory, d.useOffHeap, d.deserialized, d.replication); }
  static fromString(s: string): StorageLevel {
    const v: unknown = Reflect.get(StorageLevel, s);
    if (v instanceof StorageLevel) return v;
    throw errors.invalidStorageLevel(s);
  }
}

export interface StorageLevelDesc { useDisk: boolean; useMemory: boolean; useOffHeap: boolean; deserialized: boolean; replication: number }
