import type { BlockUpdate } from '../rdd/plan';
import type { StorageLevelDesc } from '../rdd/storageLevel';
import { estimateRecordsSize } from './sizeEstimator';
import { errors } from '../core/errors';
import { deserializeBlock, serializeBlock, type SerializedBlock } from './serializedBlock';

const SHUFFLE_LEVEL: StorageLevelDesc = { useDisk: false, useMemory: true, useOffHeap: false, deserialized: true, replication: 1 };

export { ExecutorOutOfMemoryError } from '../core/errors';

/** `values` holds the records, or `serialized` their serialized form (an RDD block at a serialized level). */
interface StoredBlock { values: unknown[]; serialized?: SerializedBlock; records: number; level: StorageLevelDesc; memSize: number; diskSize: number; lastUse: number }

const NO_VALUES: unknown[] = [];

const levelName = (l: StorageLevelDesc): string => {
  const parts = [l.useDisk && !l.useMemory ? 'DISK_ONLY' : l.useMemory && l.useDisk ? 'MEMORY_AND_DISK' : 'MEMORY_ONLY'];
  if (!l.deserialized && l.useMemory) parts.push('SER');
  if (l.replication > 1) parts.push(String(l.replication));
  return parts.join('_');
};

/**
 * An executor's block store: cached RDD partitions, received input blocks and shuffle map outputs.
 * Memory is bounded (M MiB); least-recently-used blocks are evicted, or moved to "disk" when their
 * storage level allows it (disk is the platform's storage; in this in-process store it is a second map).
 */
export class BlockManager {
  private blocks = new Map<string, StoredBlock>();
  private useCounter = 0;
  private memUsed = 0;
  private pendingUpdates: BlockUpdate[] = [];

  /**
   * A hard budget for everything stored here, shuffle outputs included (which are never evicted): storing past
   * it throws ExecutorOutOfMemoryError. Set only where the worker has no real heap limit nor heap reading.
   */
  hardLimitBytes = Number.POSITIVE_INFINITY;

  constructor(readonly executorId: string, readonly maxMemoryBytes: number = Number.POSITIVE_INFINITY) {}

  get(blockId: string): unknown[] | undefined {
    const b = this.blocks.get(blockId);
    if (!b) return undefined;
    b.lastUse = ++this.useCounter;
    return b.serialized ? deserializeBlock(b.serialized) : b.values;
  }

  has(blockId: string): boolean { return this.blocks.has(blockId); }

  /** Shuffle map outputs: kept until their shuffle is cleaned, never evicted, not reported to the driver (as in Spark). */
  putShuffleBlock(blockId: string, values: unknown[], size: number): void {
    this.remove(blockId, false);
    if (this.memUsed + size > this.hardLimitBytes) {
      throw errors.blockBudgetExceeded(blockId, mib(size), mib(this.memUsed + size), mib(this.hardLimitBytes));
    }
    this.blocks.set(blockId, { values, records: values.length, level: SHUFFLE_LEVEL, memSize: size, diskSize: 0, lastUse: ++this.useCounter });
    this.memUsed += size;
  }

  put(blockId: string, values: unknown[], level: StorageLevelDesc, size = estimateRecordsSize(values)): void {
    this.remove(blockId, false);
    const inMemory = level.useMemory;
    // RDD blocks only: received input blocks (also at serialized levels) keep their records, as their receivers and write-ahead log expect.
    const serialized = !level.deserialized && blockId.startsWith('rdd_') ? serializeBlock(values) : undefined;
    const block: StoredBlock = { values: serialized ? NO_VALUES : values, serialized, records: values.length, level,
      memSize: inMemory ? size : 0, diskSize: inMemory ? 0 : size, lastUse: ++this.useCounter };
    this.blocks.set(blockId, block);
    this.memUsed += block.memSize;
    this.report(blockId, block);
    this.evictIfNeeded(blockId);
  }

  remove(blockId: string, report = true): boolean {
    const b = this.blocks.get(blockId);
    if (!b) return false;
    this.blocks.delete(blockId);
    this.memUsed -= b.memSize;
    if (report && b.level !== SHUFFLE_LEVEL) this.pendingUpdates.push({ blockId, executorId: this.executorId, storageLevel: 'NONE', memSize: 0, diskSize: 0, records: 0, removed: true });
    return true;
  }

  removeWhere(pred: (blockId: string) => boolean): string[] {
    const removed = [...this.blocks.keys()].filter(pred);
    for (const id of removed) this.remove(id);
    return removed;
  }

  blockIds(): string[] { return [...this.blocks.keys()]; }
  get memoryUsed(): number { return this.memUsed; }

  /** Block updates since the last call (reported to the driver with each task result). */
  drainUpdates(): BlockUpdate[] { const u = this.pendingUpdates; this.pendingUpdates = []; return u; }

  private report(blockId: string, b: StoredBlock): void {
    this.pendingUpdates.push({ blockId, executorId: this.executorId, storageLevel: levelName(b.level), memSize: b.memSize, diskSize: b.diskSize, records: b.records });
  }

  /** Spark's MemoryStore eviction: least recently used first; blocks whose level allows disk are moved there. */
  private evictIfNeeded(justStored: string): void {
    if (this.memUsed <= this.maxMemoryBytes) return;
    const candidates = [...this.blocks.entries()].filter(([id, b]) => b.memSize > 0 && id !== justStored && !id.startsWith('shuffle_'))
      .sort((a, b) => a[1].lastUse - b[1].lastUse);
    for (const [id, b] of candidates) {
      if (this.memUsed <= this.maxMemoryBytes) break;
      this.memUsed -= b.memSize;
      if (b.level.useDisk) {
        b.diskSize = b.memSize; b.memSize = 0;
        this.report(id, b);
      } else {
        this.blocks.delete(id);
        this.pendingUpdates.push({ blockId: id, executorId: this.executorId, storageLevel: 'NONE', memSize: 0, diskSize: 0, records: 0, removed: true });
      }
    }
  }
}

const mib = (bytes: number): string => (bytes / (1024 * 1024)).toFixed(1);
