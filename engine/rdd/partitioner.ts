import { partitionOf } from '../core/hash';
import { keyCompare } from './ordering';
import { errors } from '../core/errors';

/** Serializable description of a partitioner, shipped with shuffle map tasks. */
export type PartitionerDesc =
  | { kind: 'hash'; numPartitions: number }
  | { kind: 'range'; numPartitions: number; bounds: unknown[]; ascending: boolean };

export abstract class Partitioner {
  abstract readonly numPartitions: number;
  abstract getPartition(key: unknown): number;
  abstract describe(): PartitionerDesc;
  abstract equals(other: Partitioner | undefined): boolean;
}

/** Spark's HashPartitioner: Java hashCode of the key, non-negative mod numPartitions. */
export class HashPartitioner extends Partitioner {
  constructor(override readonly numPartitions: number) {
    super();
    if (!Number.isInteger(numPartitions) || numPartitions < 0) {
      throw errors.numPartitionsPositive(numPartitions);
    }
  }
  getPartition(key: unknown): number { return partitionOf(key, this.numPartitions); }
  describe(): PartitionerDesc { return { kind: 'hash', numPartitions: this.numPartitions }; }
  equals(other: Partitioner | undefined): boolean { return other instanceof HashPartitioner && other.numPartitions === this.numPartitions; }
  override toString(): string { return `HashPartitioner(${this.numPartitions})`; }
}

/**
 * Spark's RangePartitioner: keys split at sampled bounds so each partition holds a sorted range. sortByKey's is made
 * before its sampling job runs (at the first action): until `setBounds`, it has the requested number of partitions;
 * then, as Spark's, bounds.length + 1, which is fewer when the sample has fewer distinct keys.
 */
export class RangePartitioner extends Partitioner {
  constructor(public numPartitions: number, readonly bounds: unknown[], readonly ascending = true) { super(); }
  setBounds(bounds: unknown[]): void { this.bounds.splice(0, this.bounds.length, ...bounds); this.numPartitions = bounds.length + 1; }
  getPartition(key: unknown): number { return rangePartition(key, this.bounds, this.ascending); }
  describe(): PartitionerDesc { return { kind: 'range', numPartitions: this.numPartitions, bounds: this.bounds, ascending: this.ascending }; }
  equals(other: Partitioner | undefined): boolean {
    return other instanceof RangePartitioner && other.numPartitions === this.numPartitions && other.ascending === this.ascending &&
      other.bounds.length === this.bounds.length && other.bounds.every((b, i) => keyCompare(b, this.bounds[i]) === 0);
  }
}

function rangePartition(key: unknown, bounds: unknown[], ascending: boolean): number {
  // Binary search for the first bound >= key (Spark: linear for <= 128 bounds, binary otherwise; same result).
  let lo = 0, hi = bounds.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keyCompare(bounds[mid], key) < 0) lo = mid + 1; else hi = mid;
  }
  return ascending ? lo : bounds.length - lo;
}

/** Rebuilds a partitioner on the executor side from its description. */
export function partitionerFromDesc(d: PartitionerDesc): (key: unknown) => number {
  if (d.kind === 'hash') { const n = d.numPartitions; return (k) => partitionOf(k, n); }
  const { bounds, ascending } = d;
  return (k) => rangePartition(k, bounds, ascending);
}

/** Accepts a Partitioner or a number of partitions, as Spark's overloads do. */
export function toPartitioner(p: Partitioner | number): Partitioner {
  if (p instanceof Partitioner) return p;
  if (typeof p !== 'number' || !Number.isInteger(p) || p < 1) throw errors.numPartitionsPositive(p);
  return new HashPartitioner(p);
}
