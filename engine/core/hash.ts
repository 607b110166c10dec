/**
 * JVM hash codes for engine values, so partitioning and shuffle order match Spark.
 *
 * JS value ↔ JVM value convention (the whole engine relies on it):
 * - a number that is an integer within int32 is a java.lang.Integer;
 * - a safe integer outside int32 is a java.lang.Long;
 * - any other number (fractions, NaN, ±Infinity, integers beyond 2^53) is a java.lang.Double;
 * - a bigint is a Long (wrapped to 64 bits);
 * - boolean → Boolean, string → String, null/undefined → null;
 * - a plain JS array is a Scala TupleN (arity = length), a CompactBuffer is a Scala Seq;
 * - Some/None are Scala Option; Time/Duration are Spark's case classes over a Long.
 *
 * Scala hashes follow Scala 2.12 (the default Scala of Spark 3.5):
 * scala/util/hashing/MurmurHash3.scala and scala.runtime.Statics.anyHash (`##`).
 */
import { CompactBuffer } from './compactBuffer';
import { SomeImpl, NoneImpl } from './option';
import { Duration, Time } from './time';

// ---------------------------------------------------------------- MurmurHash3 (x86_32) building blocks

/** Scala MurmurHash3.mix (= one Guava murmur3_32 block: mixK1 then mixH1). */
export function mix(hash: number, data: number): number {
  let h = mixLast(hash, data);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** Scala MurmurHash3.mixLast. */
export function mixLast(hash: number, data: number): number {
  let k = Math.imul(data, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  return hash ^ k;
}

/** Scala MurmurHash3.finalizeHash (avalanche of hash ^ length). */
export function finalizeHash(hash: number, length: number): number {
  return avalanche(hash ^ length);
}

function avalanche(hash: number): number {
  let h = hash;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

export const productSeed = 0xcafebabe | 0;
export const arraySeed = 0x3c074a61;
export const stringSeed = 0xf7ca7fd2 | 0;
export const symmetricSeed = 0xb592f7ae | 0;
export const traversableSeed = 0xe73a8b15 | 0;

/**
 * Guava `Hashing.murmur3_32().hashInt(h).asInt()` (seed 0): Spark's AppendOnlyMap `rehash`.
 */
export function murmur3HashInt(h: number): number {
  return finalizeHash(mix(0, h), 4);
}

/**
 * Scala 2.12 `MurmurHash3.bytesHash(data, seed)` (= MurmurHash3_x86_32 over the bytes,
 * little-endian 4-byte blocks). Bytes may be signed or unsigned; only the low 8 bits count.
 */
export function bytesHash(data: ArrayLike<number>, seed: number = arraySeed): number {
  let len = data.length;
  let h = seed | 0;
  let i = 0;
  while (len >= 4) {
    const k = (data[i] & 0xff) | ((data[i + 1] & 0xff) << 8) | ((data[i + 2] & 0xff) << 16) | ((data[i + 3] & 0xff) << 24);
    h = mix(h, k);
    i += 4;
    len -= 4;
  }
  let k = 0;
  if (len === 3) k ^= (data[i + 2] & 0xff) << 16;
  if (len >= 2) k ^= (data[i + 1] & 0xff) << 8;
  if (len >= 1) {
    k ^= data[i] & 0xff;
    h = mixLast(h, k);
  }
  return finalizeHash(h, data.length);
}

// ---------------------------------------------------------------- Java hashCode of primitives

/** Java `String.hashCode()` over UTF-16 code units. */
export function javaStringHashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/** Scala MurmurHash3.seqSeed = "Seq".hashCode */
export const seqSeed = javaStringHashCode('Seq');
/** Scala MurmurHash3.mapSeed = "Map".hashCode */
export const mapSeed = javaStringHashCode('Map');
/** Scala MurmurHash3.setSeed = "Set".hashCode */
export const setSeed = javaStringHashCode('Set');
/** `None.hashCode` (a case object hashes as its name) */
const NONE_HASH = javaStringHashCode('None');

const TWO_32 = 4294967296;

/** Java `Long.hashCode(v)` = (int)(v ^ (v >>> 32)) for an integral number with |v| < 2^63. */
export function javaLongHashCode(v: number): number {
  const lo = v % TWO_32; // exact, sign of v
  const hi = Math.floor(v / TWO_32); // arithmetic shift right 32
  return (lo | 0) ^ (hi | 0);
}

/** Java `Long.hashCode` of a bigint (wrapped to signed 64 bits). */
export function javaBigLongHashCode(v: bigint): number {
  const u = BigInt.asUintN(64, v);
  return (Number(u & 0xffffffffn) ^ Number(u >> 32n)) | 0;
}

const f64 = new DataView(new ArrayBuffer(8));

/** Java `Double.hashCode(d)`: hi ^ lo of `doubleToLongBits` (NaN canonicalised). */
export function javaDoubleHashCode(d: number): number {
  if (d !== d) return 0x7ff80000; // doubleToLongBits(NaN) = 0x7ff8000000000000
  f64.setFloat64(0, d);
  return f64.getInt32(0) ^ f64.getInt32(4);
}

/** Java `Float.hashCode(f)` = floatToIntBits(f) (NaN canonicalised). */
export function javaFloatHashCode(f: number): number {
  if (f !== f) return 0x7fc00000;
  f64.setFloat32(0, f);
  return f64.getInt32(0);
}

/** Java `x.hashCode()` of a JS number under the convention (Integer, Long or Double). */
export function numberHashCode(x: number): number {
  if ((x | 0) === x) return x | 0; // Integer (also -0 → 0)
  if (Number.isSafeInteger(x)) return javaLongHashCode(x); // Long
  return javaDoubleHashCode(x);
}

/**
 * Scala 2.12 `Statics.doubleHash` (what `##` gives for a boxed Double): an integral double that
 * fits an Int hashes as that Int, one that fits a Long as that Long, one exactly representable
 * as a Float as that Float, otherwise `Double.hashCode`.
 */
export function scalaDoubleHash(d: number): number {
  if ((d | 0) === d) return d | 0;
  if (Number.isInteger(d) && d >= -9223372036854775808 && d < 9223372036854775808) return javaLongHashCode(d);
  // (long) 2^63 saturates to Long.MaxValue, which compares equal to 2^63 as a double.
  if (d === 9223372036854775808) return -2147483648;
  if (Math.fround(d) === d) return javaFloatHashCode(d);
  return javaDoubleHashCode(d);
}

/** Scala `##` of a JS number: Integer → value, Long → Statics.longHash, Double → Statics.doubleHash. */
export function numberScalaHash(x: number): number {
  if ((x | 0) === x) return x | 0;
  if (Number.isSafeInteger(x)) return javaLongHashCode(x); // a Long outside int range never fits an Int
  return scalaDoubleHash(x);
}

// ---------------------------------------------------------------- products and collections

/** Scala 2.12 `MurmurHash3.productHash` of a TupleN given as a JS array (arity = length). */
export function tupleHash(t: ArrayLike<unknown>): number {
  const n = t.length;
  if (n === 0) return 0; // no Tuple0 in Scala; Unit hashes as 0
  let h = productSeed;
  for (let i = 0; i < n; i++) h = mix(h, scalaHash(t[i]));
  return finalizeHash(h, n);
}

/**
 * `((a, b)).hashCode` without allocating the tuple: what PartitionedAppendOnlyMap hashes for
 * its (partitionId, key) keys.
 */
export function tuple2Hash(a: unknown, b: unknown): number {
  return finalizeHash(mix(mix(productSeed, scalaHash(a)), scalaHash(b)), 2);
}

/** `(partitionId, key).hashCode` for an Int partition id (the hot path of map-side combine). */
export function partitionKeyHash(partitionId: number, key: unknown): number {
  return finalizeHash(mix(mix(productSeed, partitionId | 0), scalaHash(key)), 2);
}

/** Scala 2.12 `MurmurHash3.orderedHash(xs, seed)`. */
export function orderedHash(xs: Iterable<unknown>, seed: number): number {
  let n = 0;
  let h = seed | 0;
  for (const x of xs) {
    h = mix(h, scalaHash(x));
    n++;
  }
  return finalizeHash(h, n);
}

/** Scala 2.12 `MurmurHash3.seqHash` of a non-List Seq (CompactBuffer is one): orderedHash with seqSeed. */
export function seqHash(xs: Iterable<unknown>): number {
  return orderedHash(xs, seqSeed);
}

/** Scala 2.12 `MurmurHash3.unorderedHash(xs, seed)` over precomputed element hashes. */
function unorderedHashOf(hashes: Iterable<number>, seed: number): number {
  let a = 0, b = 0, n = 0, c = 1;
  for (const h of hashes) {
    a = (a + h) | 0;
    b ^= h;
    if (h !== 0) c = Math.imul(c, h);
    n++;
  }
  let h = seed | 0;
  h = mix(h, a);
  h = mix(h, b);
  h = mixLast(h, c);
  return finalizeHash(h, n);
}

/** Scala `mapHash`: unordered hash of the (k, v) tuples' hashes with mapSeed. */
export function mapHash(m: Map<unknown, unknown>): number {
  const hs: number[] = [];
  for (const [k, v] of m) hs.push(tuple2Hash(k, v));
  return unorderedHashOf(hs, mapSeed);
}

/** Scala `setHash`: unordered hash of the elements' `##` with setSeed. */
export function setHash(s: Set<unknown>): number {
  const hs: number[] = [];
  for (const x of s) hs.push(scalaHash(x));
  return unorderedHashOf(hs, setSeed);
}

const OBJECT_SEED = 0x4f626a63; // studio extension: seed for plain-object hashes

function isPlainObject(x: object): boolean {
  const p = Object.getPrototypeOf(x);
  return p === Object.prototype || p === null;
}

/**
 * Studio extension (no JVM counterpart): a plain object hashes structurally, independent of key
 * insertion order: keys sorted, then orderedHash over (String.hashCode(key), ##(value)).
 * Consistent with `keyEquals`, which compares plain objects structurally.
 */
function plainObjectHash(o: Record<string, unknown>): number {
  const keys = Object.keys(o).sort();
  let h = OBJECT_SEED;
  for (const k of keys) {
    h = mix(h, javaStringHashCode(k));
    h = mix(h, scalaHash(o[k]));
  }
  return finalizeHash(h, keys.length * 2);
}

function objectHash(x: object): number {
  if (Array.isArray(x)) {
    return x instanceof CompactBuffer ? seqHash(x) : tupleHash(x);
  }
  if (x instanceof SomeImpl) return finalizeHash(mix(productSeed, scalaHash(x.value)), 1);
  if (x instanceof NoneImpl) return NONE_HASH;
  // Spark's Time and Duration are case classes over a Long: productHash of one Long element.
  if (x instanceof Time || x instanceof Duration) {
    return finalizeHash(mix(productSeed, numberScalaHash(x.milliseconds)), 1);
  }
  if (x instanceof Map) return mapHash(x);
  if (x instanceof Set) return setHash(x);
  const hc = (x as { hashCode?: unknown }).hashCode;
  if (typeof hc === 'function') return (hc.call(x) as number) | 0;
  if (isPlainObject(x)) return plainObjectHash(x as Record<string, unknown>);
  // Other class instances: structural over own enumerable fields, like a plain object.
  return plainObjectHash(x as Record<string, unknown>);
}

/**
 * Java `x.hashCode()` of the JVM value a JS value stands for (see the convention above).
 * null/undefined → 0 (as Spark's HashPartitioner treats a null key).
 */
export function hashCodeOf(x: unknown): number {
  switch (typeof x) {
    case 'number':
      return numberHashCode(x);
    case 'string':
      return javaStringHashCode(x);
    case 'boolean':
      return x ? 1231 : 1237;
    case 'bigint':
      return javaBigLongHashCode(x);
    case 'undefined':
      return 0;
    case 'object':
      return x === null ? 0 : objectHash(x);
    default:
      return javaStringHashCode(String(x));
  }
}

/**
 * Scala `x.##` (Statics.anyHash): like hashCode, except boxed numbers hash by value across
 * types (a Long or Double that fits an Int hashes as that Int; see `scalaDoubleHash`).
 */
export function scalaHash(x: unknown): number {
  if (typeof x === 'string') return javaStringHashCode(x);
  if (typeof x === 'number') return numberScalaHash(x);
  if (typeof x === 'bigint') {
    const n = BigInt.asIntN(64, x);
    if (n >= -2147483648n && n <= 2147483647n) return Number(n);
    return javaBigLongHashCode(n);
  }
  return hashCodeOf(x);
}

// ---------------------------------------------------------------- hot paths of the shuffle maps
// One exported call each: under module transforms (tsx, vite) every cross-module call costs a
// getter, so the per-record work is kept inside this module.

/** AppendOnlyMap's slot hash: Guava murmur3_32().hashInt(key.hashCode). */
export function slotHashOf(key: unknown): number {
  if (typeof key === 'string') return finalizeHash(mix(0, javaStringHashCode(key)), 4);
  if (typeof key === 'number' && (key | 0) === key) return finalizeHash(mix(0, key | 0), 4);
  return finalizeHash(mix(0, hashCodeOf(key)), 4);
}

/** PartitionedAppendOnlyMap's slot hash: murmur3_32().hashInt((partition, key).hashCode). */
export function partitionKeySlotHash(partitionId: number, key: unknown): number {
  return partitionKeySlotHashOf(partitionId, typeof key === 'string' ? javaStringHashCode(key) : scalaHash(key));
}

/** partitionKeySlotHash from the key's `##` already computed (a string key's hash also picks its hash partition). */
export function partitionKeySlotHashOf(partitionId: number, keyHash: number): number {
  return finalizeHash(mix(0, finalizeHash(mix(mix(productSeed, partitionId | 0), keyHash), 2)), 4);
}

// ---------------------------------------------------------------- partitioning

/** Spark `Utils.nonNegativeMod(x: Int, mod: Int): Int` (an int32 result; never -0). */
export function nonNegativeMod(x: number, mod: number): number {
  const rawMod = x % mod;
  return (rawMod + (rawMod < 0 ? mod : 0)) | 0;
}

/** Spark `HashPartitioner.getPartition(key)`: null → 0, else nonNegativeMod(key.hashCode, n). */
export function partitionOf(key: unknown, numPartitions: number): number {
  if (typeof key === 'string') return nonNegativeMod(javaStringHashCode(key), numPartitions);
  if (key === null || key === undefined) return 0;
  return nonNegativeMod(hashCodeOf(key), numPartitions);
}
