/**
 * The iteration order of java.util.HashMap, for operations whose Spark implementation builds one
 * (SubtractedRDD.compute groups the left side into a HashMap<K, ArrayBuffer<V>> and iterates it).
 *
 * Bucket of a key: (h ^ h >>> 16) & (capacity - 1) with h = hashCode; capacity starts at 16 and doubles
 * when size exceeds 0.75 * capacity; a bucket keeps insertion order, and resizing keeps it (Java 8 splits
 * each bucket into a lo and a hi list in order). Tree bins (8+ colliding keys in one bucket) are not
 * modelled: a bucket stays a list.
 */
import { keyEquals } from './equality';
import { hashCodeOf } from './hash';

const INITIAL_CAPACITY = 16;
const LOAD_FACTOR = 0.75;

interface Entry<K, V> { readonly key: K; readonly hash: number; value: V }

export class JavaHashMap<K, V> {
  private capacity = INITIAL_CAPACITY;
  private table: Entry<K, V>[][] = emptyTable(INITIAL_CAPACITY);
  private count = 0;

  get size(): number { return this.count; }

  get(key: K): V | undefined {
    const bucket = this.table[spread(key) & (this.capacity - 1)];
    const i = indexIn(bucket, key);
    return i >= 0 ? bucket[i].value : undefined;
  }

  /** Sets the value of `key` to `update(had, old)`, like Spark's changeValue over a Java map's compute. */
  changeValue(key: K, update: (had: boolean, old: V | undefined) => V): void {
    const hash = spread(key);
    const bucket = this.table[hash & (this.capacity - 1)];
    const i = indexIn(bucket, key);
    if (i >= 0) { bucket[i].value = update(true, bucket[i].value); return; }
    bucket.push({ key, hash, value: update(false, undefined) });
    if (++this.count > this.capacity * LOAD_FACTOR) this.resize();
  }

  remove(key: K): void {
    const bucket = this.table[spread(key) & (this.capacity - 1)];
    const i = indexIn(bucket, key);
    if (i >= 0) { bucket.splice(i, 1); this.count--; }
  }

  /** Entries in HashMap's iteration order: bucket by bucket, insertion order within a bucket. */
  forEach(f: (key: K, value: V) => void): void {
    for (const bucket of this.table) for (const e of bucket) f(e.key, e.value);
  }

  private resize(): void {
    const old = this.table;
    this.capacity *= 2;
    this.table = emptyTable(this.capacity);
    for (const bucket of old) for (const e of bucket) this.table[e.hash & (this.capacity - 1)].push(e);
  }
}

function emptyTable<K, V>(capacity: number): Entry<K, V>[][] { return Array.from({ length: capacity }, () => []); }

function spread(key: unknown): number { const h = hashCodeOf(key); return (h ^ (h >>> 16)) | 0; }

function indexIn<K, V>(bucket: Entry<K, V>[], key: K): number {
  for (let i = 0; i < bucket.length; i++) if (keyEquals(bucket[i].key, key)) return i;
  return -1;
}
