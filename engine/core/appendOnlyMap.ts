/**
 * Ports of Spark's org.apache.spark.util.collection.AppendOnlyMap and PartitionedAppendOnlyMap,
 * so that map-side and reduce-side combining iterate in exactly Spark's order.
 *
 * AppendOnlyMap: open addressing over a power-of-two table (initial capacity 64), slot =
 * Guava murmur3_32().hashInt(key.hashCode) & mask, probing pos = (pos + i) & mask with i = 1, 2, ...
 * (quadratic), doubling when size > 0.7 * capacity and re-inserting in old slot order; the null
 * key lives outside the table and iterates first; iteration is then in slot order.
 *
 * How Spark uses them (for the shuffle code that calls these):
 * - map side with an aggregator (reduceByKey, combineByKey with mapSideCombine): ExternalSorter
 *   `changeValue((partition, key), update)` into a PartitionedAppendOnlyMap, then writes
 *   `partitionedDestructiveSortedIterator(Some(keyComparator))` where, with no Ordering, the
 *   comparator orders keys by `hashCode` (`hashKeyComparator`): so each map output partition is
 *   sorted by key hash, ties in slot order.
 * - reduce side with an aggregator: ExternalAppendOnlyMap `changeValue(key, update)` over the
 *   fetched records (map outputs in map-task order), then iterates the AppendOnlyMap.
 *
 * Storage differs from Spark's single interleaved array (keys and values in flat JS arrays plus
 * a cached rehash per slot) but every probe sequence, growth and iteration order is Spark's.
 * PartitionedAppendOnlyMap is Spark's small subclass: the same table over (partition, key) tuples.
 * Not thread-safe, like Spark's.
 */
import { keyEquals, scalaEquals } from './equality';
import { hashCodeOf, partitionKeySlotHash, slotHashOf } from './hash';
import { errors } from './errors';

const LOAD_FACTOR = 0.7;

const MAX_CAPACITY = 1 << 29;

/** Integer.highestOneBit-based next power of two (n >= 1). */
function nextPowerOf2(n: number): number {
  const highBit = 2 ** Math.floor(Math.log2(n));
  return highBit === n ? n : highBit * 2;
}

function checkInitialCapacity(initialCapacity: number): void {
  if (!(initialCapacity <= MAX_CAPACITY)) throw errors.mapCapacityTooBig();
  if (!(initialCapacity >= 1)) throw errors.mapCapacityInvalid();
}

/** The update function of `changeValue`: (hadValue, oldValue) → newValue. */
export type UpdateFunc<V> = (hadValue: boolean, oldValue: V | undefined) => V;

/** Spark ExternalSorter's default key comparator: by `hashCode` (null → 0). A partial order. */
export function hashKeyComparator(a: unknown, b: unknown): number {
  const h1 = a === null || a === undefined ? 0 : hashCodeOf(a);
  const h2 = b === null || b === undefined ? 0 : hashCodeOf(b);
  return h1 < h2 ? -1 : h1 === h2 ? 0 : 1;
}

export class AppendOnlyMap<K, V> implements Iterable<[K, V]> {
  protected capacity: number;
  protected mask: number;
  private curSize = 0;
  private growThreshold: number;
  /** keys[pos] === undefined marks an empty slot (the null key is kept aside, as in Spark). */
  protected keys: (K | undefined)[];
  protected values: (V | undefined)[];
  /** Cached rehash(key.hashCode) per slot: avoids recomputing hashes while probing and growing. */
  protected hashes: Int32Array;
  private haveNullValue = false;
  private nullValue: V | undefined = undefined;
  protected destroyed = false;

  constructor(initialCapacity = 64) {
    checkInitialCapacity(initialCapacity);
    this.capacity = nextPowerOf2(initialCapacity);
    this.mask = this.capacity - 1;
    this.growThreshold = Math.floor(LOAD_FACTOR * this.capacity);
    this.keys = new Array<K | undefined>(this.capacity).fill(undefined);
    this.values = new Array<V | undefined>(this.capacity).fill(undefined);
    this.hashes = new Int32Array(this.capacity);
  }

  get size(): number { return this.curSize; }

  /** The slot hash of a (non-null) key: Guava murmur3_32().hashInt(key.hashCode). */
  protected slotHash(key: K): number { return slotHashOf(key); }
  /** Key equality (Scala `==` on keys); only asked when the slot hashes are equal. */
  protected sameKey(a: K, b: K): boolean { return keyEquals(a, b); }

  /** Spark's `apply`: the value for `key`, or undefined (Spark: null) if absent. */
  apply(key: K): V | undefined {
    this.checkAlive();
    if (key === null || key === undefined) return this.nullValue;
    const pos = this.slotOf(key);
    return pos < 0 ? undefined : this.values[pos];
  }

  /** Same as `apply`, under the name JS readers expect. */
  get(key: K): V | undefined { return this.apply(key); }

  /** Whether `key` is present. */
  contains(key: K): boolean {
    if (key === null || key === undefined) return this.haveNullValue;
    return this.slotOf(key) >= 0;
  }

  /** The slot holding a (non-null) key, or -1: Spark's quadratic probe from the key's hash. */
  private slotOf(key: K): number {
    const h = this.slotHash(key);
    const keys = this.keys, hashes = this.hashes, mask = this.mask;
    let pos = h & mask;
    let i = 1;
    for (;;) {
      const cur = keys[pos];
      if (cur === undefined) return -1;
      if (cur === key || (hashes[pos] === h && this.sameKey(key, cur))) return pos;
      pos = (pos + i) & mask;
      i++;
    }
  }

  /** Spark's `update`: set the value for a key. */
  update(key: K, value: V): void {
    this.checkAlive();
    if (key === null || key === undefined) {
      if (!this.haveNullValue) this.incrementSize();
      this.nullValue = value;
      this.haveNullValue = true;
      return;
    }
    const h = this.slotHash(key);
    const keys = this.keys, hashes = this.hashes, mask = this.mask;
    let pos = h & mask;
    let i = 1;
    for (;;) {
      const cur = keys[pos];
      if (cur === undefined) {
        keys[pos] = key;
        this.values[pos] = value;
        hashes[pos] = h;
        this.incrementSize();
        return;
      }
      if (cur === key || (hashes[pos] === h && this.sameKey(key, cur))) {
        this.values[pos] = value;
        return;
      }
      pos = (pos + i) & mask;
      i++;
    }
  }

  /**
   * Spark's `changeValue`: set the value for key to updateFunc(hadValue, oldValue), oldValue
   * being undefined when absent. Returns the new value.
   */
  changeValue(key: K, updateFunc: UpdateFunc<V>): V {
    this.checkAlive();
    if (key === null || key === undefined) {
      if (!this.haveNullValue) this.incrementSize();
      this.nullValue = updateFunc(this.haveNullValue, this.nullValue);
      this.haveNullValue = true;
      return this.nullValue;
    }
    const h = this.slotHash(key);
    const keys = this.keys, hashes = this.hashes, mask = this.mask;
    let pos = h & mask;
    let i = 1;
    for (;;) {
      const cur = keys[pos];
      if (cur === key || (cur !== undefined && hashes[pos] === h && this.sameKey(key, cur))) {
        const nv = updateFunc(true, this.values[pos]);
        this.values[pos] = nv;
        return nv;
      }
      if (cur === undefined) {
        const nv = updateFunc(false, undefined);
        keys[pos] = key;
        this.values[pos] = nv;
        hashes[pos] = h;
        this.incrementSize();
        return nv;
      }
      pos = (pos + i) & mask;
      i++;
    }
  }

  /**
   * `changeValue` specialised to an aggregator, without a closure per record:
   * absent → createCombiner(value) (or value itself when createCombiner is null), present →
   * mergeValue(old, value). Same slots, same order as changeValue.
   */
  combine<T>(key: K, value: T, createCombiner: ((v: T) => V) | null, mergeValue: (c: V, v: T) => V): V {
    this.checkAlive();
    if (key === null || key === undefined) {
      const nv = this.haveNullValue ? mergeValue(this.nullValue as V, value) : createCombiner ? createCombiner(value) : sameAsCombiner<V>(value);
      if (!this.haveNullValue) this.incrementSize();
      this.nullValue = nv;
      this.haveNullValue = true;
      return nv;
    }
    const h = this.slotHash(key);
    const keys = this.keys, hashes = this.hashes, mask = this.mask;
    let pos = h & mask;
    let i = 1;
    for (;;) {
      const cur = keys[pos];
      if (cur === key || (cur !== undefined && hashes[pos] === h && this.sameKey(key, cur))) {
        const nv = mergeValue(this.values[pos] as V, value);
        this.values[pos] = nv;
        return nv;
      }
      if (cur === undefined) {
        const nv = createCombiner ? createCombiner(value) : sameAsCombiner<V>(value);
        keys[pos] = key;
        this.values[pos] = nv;
        hashes[pos] = h;
        this.incrementSize();
        return nv;
      }
      pos = (pos + i) & mask;
      i++;
    }
  }

  /** Iterates [key, value] in Spark's order: the null key first, then slot order. */
  *[Symbol.iterator](): Iterator<[K, V]> {
    this.checkAlive();
    if (this.haveNullValue) yield [null as K, this.nullValue as V];
    const keys = this.keys, values = this.values;
    for (let pos = 0; pos < this.capacity; pos++) {
      const k = keys[pos];
      if (k !== undefined) yield [k, values[pos] as V];
    }
  }

  /** Spark's `iterator`. */
  iterator(): Iterator<[K, V]> { return this[Symbol.iterator](); }

  /** Visits entries in iteration order without allocating pairs. */
  forEach(fn: (key: K, value: V) => void): void {
    this.checkAlive();
    if (this.haveNullValue) fn(null as K, this.nullValue as V);
    const keys = this.keys, values = this.values;
    for (let pos = 0; pos < this.capacity; pos++) {
      const k = keys[pos];
      if (k !== undefined) fn(k, values[pos] as V);
    }
  }

  /** The entries in iteration order, as an array of [key, value]. */
  toArray(): [K, V][] {
    const out: [K, V][] = [];
    this.forEach((k, v) => { out.push([k, v]); });
    return out;
  }

  /**
   * Spark's `destructiveSortedIterator(cmp)`: packs entries in slot order, sorts them stably
   * (Java's TimSort is stable; so is Array.prototype.sort), then yields the null key first (if
   * any) and the sorted entries. The map is unusable afterwards.
   */
  destructiveSortedIterator(cmp: (a: [K, V], b: [K, V]) => number): IterableIterator<[K, V]> {
    this.checkAlive();
    this.destroyed = true;
    const packed: [K, V][] = [];
    for (let pos = 0; pos < this.capacity; pos++) {
      const k = this.keys[pos];
      if (k !== undefined) packed.push([k, this.values[pos] as V]);
    }
    packed.sort(cmp);
    if (this.haveNullValue) packed.unshift([null as K, this.nullValue as V]);
    this.keys = [];
    this.values = [];
    return packed[Symbol.iterator]();
  }

  /** Whether the next insert will cause the map to grow. */
  get atGrowThreshold(): boolean { return this.curSize === this.growThreshold; }

  /** Current table capacity (for tests and the studio's data-structure view). */
  get tableCapacity(): number { return this.capacity; }

  protected checkAlive(): void {
    if (this.destroyed) throw errors.mapDestroyed();
  }

  /** Stores a new key in the empty slot `pos` of its probe path (its slot hash `h`). */
  protected placeAt(pos: number, key: K, value: V, h: number): void {
    this.keys[pos] = key;
    this.values[pos] = value;
    this.hashes[pos] = h;
    this.incrementSize();
  }

  private incrementSize(): void {
    this.curSize++;
    if (this.curSize > this.growThreshold) this.growTable();
  }

  /** Double the table and re-insert every key in old slot order (no equality checks needed). */
  protected growTable(): void {
    const newCapacity = this.capacity * 2;
    if (newCapacity >= 1 << 30) throw errors.mapCannotGrow();
    const newKeys = new Array<K | undefined>(newCapacity).fill(undefined);
    const newValues = new Array<V | undefined>(newCapacity).fill(undefined);
    const newHashes = new Int32Array(newCapacity);
    const newMask = newCapacity - 1;
    const keys = this.keys, values = this.values, hashes = this.hashes;
    for (let oldPos = 0; oldPos < this.capacity; oldPos++) {
      const k = keys[oldPos];
      if (k === undefined) continue;
      const h = hashes[oldPos];
      let newPos = h & newMask;
      let i = 1;
      while (newKeys[newPos] !== undefined) {
        newPos = (newPos + i) & newMask;
        i++;
      }
      newKeys[newPos] = k;
      newValues[newPos] = values[oldPos];
      newHashes[newPos] = h;
    }
    this.keys = newKeys;
    this.values = newValues;
    this.hashes = newHashes;
    this.capacity = newCapacity;
    this.mask = newMask;
    this.growThreshold = Math.floor(LOAD_FACTOR * newCapacity);
  }
}

/**
 * Spark's PartitionedAppendOnlyMap: an AppendOnlyMap whose keys are (partitionId, key) tuples, with
 * `insert(partition, key, value)` and the partitioned destructive sort. The tuple's hash (Scala 2.12
 * productHash of (Int, key)) is computed without hashing the array generically, and tuple equality is
 * case-class equality: the same partition id and key `==` key (Scala ==, see equality.ts).
 */
export class PartitionedAppendOnlyMap<K, V> extends AppendOnlyMap<[number, K], V> {
  protected override slotHash(key: [number, K]): number { return partitionKeySlotHash(key[0], key[1]); }
  protected override sameKey(a: [number, K], b: [number, K]): boolean {
    return a[0] === b[0] && (a[1] === b[1] || scalaEquals(a[1], b[1]));
  }

  /** Spark's `insert(partition, key, value)` = update((partition, key), value). */
  insert(partition: number, key: K, value: V): void { this.update([partition, key], value); }

  /**
   * `combine((partition, key), value, ...)` for map-side combine, which runs once per record: the same slots as the
   * inherited one, but the (partition, key) tuple is only allocated when the key is new. `h` may be given when the
   * key's hash is already known (partitionKeySlotHashOf: a string key's hash also picks its hash partition).
   */
  combineInPartition<T>(partition: number, key: K, value: T, createCombiner: ((v: T) => V) | null, mergeValue: (c: V, v: T) => V,
    h: number = partitionKeySlotHash(partition, key)): V {
    this.checkAlive();
    const keys = this.keys, hashes = this.hashes, mask = this.mask;
    let pos = h & mask;
    let i = 1;
    for (;;) {
      const cur = keys[pos];
      if (cur === undefined) {
        const nv = createCombiner ? createCombiner(value) : sameAsCombiner<V>(value);
        this.placeAt(pos, [partition, key], nv, h);
        return nv;
      }
      if (hashes[pos] === h && cur[0] === partition && (cur[1] === key || scalaEquals(key, cur[1]))) {
        const nv = mergeValue(this.values[pos] as V, value);
        this.values[pos] = nv;
        return nv;
      }
      pos = (pos + i) & mask;
      i++;
    }
  }

  /**
   * Spark's `partitionedDestructiveSortedIterator(keyComparator)`: entries packed in slot order,
   * then stably sorted by partition id, then by `keyComparator` if given (ExternalSorter passes
   * `hashKeyComparator` whenever it aggregates without an Ordering). Destroys the map.
   */
  partitionedDestructiveSortedIterator(keyComparator?: (a: K, b: K) => number): IterableIterator<[[number, K], V]> {
    const out: [[number, K], V][] = [];
    const byPartition = this.destructiveSortedPartitions(undefined, keyComparator);
    for (let p = 0; p < byPartition.length; p++) for (const [k, v] of byPartition[p]) out.push([[p, k], v]);
    return out[Symbol.iterator]();
  }

  /**
   * The same order as `partitionedDestructiveSortedIterator`, grouped: element p is partition
   * p's [key, value] list as Spark writes it to the map output. `numPartitions` (optional) pads
   * the result with empty lists. Destroys the map.
   */
  destructiveSortedPartitions(numPartitions?: number, keyComparator?: (a: K, b: K) => number): [K, V][][] {
    this.checkAlive();
    this.destroyed = true;
    const keys = this.keys, values = this.values;
    let maxPart = (numPartitions ?? 0) - 1;
    for (let pos = 0; pos < this.capacity; pos++) { const t = keys[pos]; if (t !== undefined && t[0] > maxPart) maxPart = t[0]; }
    const result: [K, V][][] = [];
    for (let p = 0; p <= maxPart; p++) result.push([]);
    if (keyComparator === hashKeyComparator) {
      // Fast path for Spark's default: precompute each key's hashCode once.
      const hashesByPart: number[][] = result.map(() => []);
      for (let pos = 0; pos < this.capacity; pos++) {
        const t = keys[pos];
        if (t === undefined) continue;
        const k = t[1];
        result[t[0]].push([k, values[pos] as V]);
        hashesByPart[t[0]].push(k === null || k === undefined ? 0 : hashCodeOf(k));
      }
      for (let p = 0; p <= maxPart; p++) {
        const entries = result[p], hs = hashesByPart[p];
        if (entries.length < 2) continue;
        const idx = entries.map((_, i) => i);
        idx.sort((a, b) => (hs[a] < hs[b] ? -1 : hs[a] === hs[b] ? a - b : 1));
        result[p] = idx.map((i) => entries[i]);
      }
    } else {
      // Stable bucketing by partition id keeps slot order within a partition (= stable sort).
      for (let pos = 0; pos < this.capacity; pos++) {
        const t = keys[pos];
        if (t !== undefined) result[t[0]].push([t[1], values[pos] as V]);
      }
      if (keyComparator) for (const list of result) list.sort((a, b) => keyComparator(a[0], b[0]));
    }
    this.keys = [];
    this.values = [];
    return result;
  }
}

/** With no createCombiner the value is its own combiner (an aggregator whose value and combiner types are one). */
function sameAsCombiner<V>(value: unknown): V {
  return value as V;
}
