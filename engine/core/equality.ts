/**
 * Key equality as Spark's hash maps see it, under the engine's JS ↔ JVM value convention
 * (see hash.ts): equal keys always have equal `hashCodeOf`.
 *
 * Two levels, as on the JVM:
 * - `keyEquals(a, b)` is what AppendOnlyMap / HashMap do with a key: `a.eq(b) || a.equals(b)`.
 *   For a top-level Double that is `java.lang.Double.equals`, which compares bit patterns, so
 *   NaN equals NaN (our -0 is the Integer 0, so the 0.0 / -0.0 distinction does not arise).
 * - `scalaEquals(a, b)` is Scala `==`, used for the elements of tuples, Options and Seqs (case
 *   class equality and `sameElements` use `==`): numbers compare by value, so NaN never equals
 *   NaN. (On the JVM two references to the *same* boxed NaN would be `==`; JS numbers have no
 *   identity, so this port always says false — keys such as `["x", NaN]` never combine.)
 *
 * Structure: a JS array (TupleN) equals another array of the same length with `==` elements;
 * a CompactBuffer (Seq) equals another CompactBuffer with `==` elements (a Seq never equals a
 * tuple); Some(x) equals Some(y) when x == y; None is None; Time/Duration compare millis; Map
 * and Set compare as Scala collections; objects with an `equals` method use it; plain objects
 * compare structurally (studio extension, matching hash.ts); null equals undefined (both null).
 */
import { CompactBuffer } from './compactBuffer';
import { SomeImpl, NoneImpl } from './option';
import { Duration, Time } from './time';

/** Java `a.equals(b)` on the JVM values (AppendOnlyMap's key test). NaN equals NaN. */
export function keyEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || a === null) {
    if (typeof a === 'bigint' || typeof b === 'bigint') return sameLong(a, b);
    if (typeof a === 'number') return a !== a && b !== b; // Double.equals(NaN, NaN)
    return (a === null || a === undefined) && (b === null || b === undefined);
  }
  if (typeof b !== 'object' || b === null) return false;
  return objectEquals(a, b);
}

/** Long.equals between a bigint and a bigint or a Long-valued number (safe integer outside int32). */
function sameLong(a: unknown, b: unknown): boolean {
  const la = asLong(a), lb = asLong(b);
  return la !== undefined && la === lb;
}

function asLong(x: unknown): bigint | undefined {
  if (typeof x === 'bigint') return BigInt.asIntN(64, x);
  if (typeof x === 'number' && Number.isSafeInteger(x) && (x | 0) !== x) return BigInt(x);
  return undefined;
}

/** Scala `a == b` on the JVM values. NaN never equals NaN. */
export function scalaEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || a === null) {
    if (typeof a === 'bigint' && typeof b === 'bigint') return BigInt.asIntN(64, a) === BigInt.asIntN(64, b);
    if (typeof a === 'bigint' && typeof b === 'number') return Number.isInteger(b) && BigInt.asIntN(64, a) === BigInt(b);
    if (typeof b === 'bigint' && typeof a === 'number') return Number.isInteger(a) && BigInt.asIntN(64, b) === BigInt(a);
    return (a === null || a === undefined) && (b === null || b === undefined);
  }
  if (typeof b !== 'object' || b === null) return false;
  return objectEquals(a, b);
}

function elementsEqual(a: ArrayLike<unknown>, b: ArrayLike<unknown>): boolean {
  const n = a.length;
  if (n !== b.length) return false;
  for (let i = 0; i < n; i++) if (!scalaEquals(a[i], b[i])) return false;
  return true;
}

function isPlainObject(x: object): boolean {
  const p = Object.getPrototypeOf(x);
  return p === Object.prototype || p === null;
}

function objectEquals(a: object, b: object): boolean {
  if (Array.isArray(a)) {
    if (!Array.isArray(b)) return false;
    const aSeq = a instanceof CompactBuffer, bSeq = b instanceof CompactBuffer;
    if (aSeq !== bSeq) return false;
    return elementsEqual(a, b);
  }
  if (a instanceof SomeImpl) return b instanceof SomeImpl && scalaEquals(a.value, b.value);
  if (a instanceof NoneImpl) return b instanceof NoneImpl;
  if (a instanceof Time) return b instanceof Time && a.milliseconds === b.milliseconds;
  if (a instanceof Duration) return b instanceof Duration && a.milliseconds === b.milliseconds;
  if (a instanceof Map) {
    if (!(b instanceof Map) || a.size !== b.size) return false;
    for (const [k, v] of a) {
      if (b.has(k)) { if (!scalaEquals(v, b.get(k))) return false; continue; }
      let found = false;
      for (const [k2, v2] of b) if (scalaEquals(k, k2)) { found = scalaEquals(v, v2); break; }
      if (!found) return false;
    }
    return true;
  }
  if (a instanceof Set) {
    if (!(b instanceof Set) || a.size !== b.size) return false;
    for (const x of a) {
      if (b.has(x)) continue;
      let found = false;
      for (const y of b) if (scalaEquals(x, y)) { found = true; break; }
      if (!found) return false;
    }
    return true;
  }
  const eq = (a as { equals?: unknown }).equals;
  if (typeof eq === 'function') return Boolean(eq.call(a, b));
  if (Array.isArray(b) || b instanceof SomeImpl || b instanceof NoneImpl || b instanceof Map || b instanceof Set) return false;
  if (isPlainObject(a) !== isPlainObject(b)) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  // Studio extension: structural equality of plain objects (key order does not matter).
  const ka = Object.keys(a), kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const rb = b as Record<string, unknown>, ra = a as Record<string, unknown>;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(rb, k)) return false;
    if (!scalaEquals(ra[k], rb[k])) return false;
  }
  return true;
}
