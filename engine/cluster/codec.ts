/**
 * The record codec for everything that crosses a worker boundary (task plans, task results, blocks,
 * shuffle fetches, broadcast values).
 *
 * Structured clone keeps plain data (numbers, strings, bigint, arrays, plain objects, Map, Set, Date,
 * typed arrays) but drops prototypes: a `Some(1)` would arrive as `{ value: 1, isDefined: true, ... }`
 * with no `get()`. `encode` turns the engine's record classes into tagged plain objects and `decode`
 * rebuilds them on the other side:
 *
 *   Some(x) / None, CompactBuffer, ScalaArrayBuffer, Time, Duration, Status   (tuples are plain arrays: kept)
 *
 * A plain object that happens to have a `$c` key is escaped, so decoding is exact. A value that
 * cannot travel (a function, a symbol, an instance of any other class, a DOM node) throws a
 * NotSerializableException naming the record type, which fails the task (as Spark fails a task whose
 * record is not serializable).
 *
 * Both functions return their input unchanged (same reference) when nothing needed encoding, so plain
 * data costs one walk and no allocation; `decode` revives in place (its input is always a fresh clone).
 * Long arrays of plain records are the exception: they are packed into one JSON string (or one
 * Float64Array for numbers), which is much cheaper to clone than many small arrays (see `pack`).
 */
import { ScalaArrayBuffer } from '../core/arrayBuffer';
import { CompactBuffer } from '../core/compactBuffer';
import { errors } from '../core/errors';
import { None, NoneImpl, Some, SomeImpl } from '../core/option';
import { Duration, Time } from '../core/time';
import { Status, type Tweet } from '../streaming/input/twitterStatus';

const TAG = '$c';

type Tagged =
  | { $c: 'Some'; v: unknown }
  | { $c: 'None' }
  | { $c: 'CompactBuffer'; v: unknown[] }
  | { $c: 'ArrayBuffer'; v: unknown[] }
  | { $c: 'Time'; ms: number }
  | { $c: 'Duration'; ms: number }
  | { $c: 'Status'; v: Tweet }                    // a simulated tweet (twitter4j's Status)
  | { $c: 'Map'; v: [unknown, unknown][] }
  | { $c: 'Set'; v: unknown[] }
  | { $c: 'Object'; v: Record<string, unknown> }
  | { $c: 'Json'; s: string }                    // a packed array of plain records
  | { $c: 'F64'; v: Float64Array }              // a packed array of numbers
  | { $c: 'Dict'; words: string[]; idx: Int32Array }   // a packed array of repeating strings
  | { $c: 'Strs'; s: string; ends: Int32Array };       // a packed array of distinct strings: one string and where each ends

function describeValue(x: unknown): string {
  if (typeof x === 'function') {
    const name = (x as { name?: string }).name;
    return /^class[\s{]/.test(Function.prototype.toString.call(x)) ? `a class (${name || 'anonymous'})` : `a function${name ? ` (${name})` : ''}`;
  }
  if (typeof x === 'symbol') return `a symbol (${String(x)})`;
  const proto = Object.getPrototypeOf(x) as { constructor?: { name?: string } } | null;
  const name = proto?.constructor?.name;
  return `a record of type ${name || 'an unnamed class'}`;
}

const ARRAY_PROTO = Array.prototype;
const OBJECT_PROTO = Object.prototype;

/** Encodes a value for structured clone. `where` completes "cannot be sent ..." in the error. */
export function encode(x: unknown, where = 'to another executor'): unknown {
  try {
    return enc(x);
  } catch (e) {
    if (!(e instanceof Unserializable)) throw e;
    // The walk keeps no path (it would cost a string per record); the path is found again for the message.
    throw errors.notSerializableRecord(describeValue(e.value), where, pathTo(x, e.value, '', 0) ?? '');
  }
}

/** Thrown by the walk at a value that cannot travel; `encode` turns it into the NotSerializableException. */
class Unserializable { constructor(readonly value: unknown) {} }

function enc(x: unknown): unknown {
  switch (typeof x) {
    case 'string': case 'number': case 'boolean': case 'undefined': case 'bigint': return x;
    case 'function': case 'symbol': throw new Unserializable(x);
    default: break;
  }
  if (x === null) return x;
  const proto = Object.getPrototypeOf(x);
  if (proto === ARRAY_PROTO) return encArray(x as unknown[]);
  if (proto === OBJECT_PROTO || proto === null) {
    const o = x as Record<string, unknown>;
    let out: Record<string, unknown> | undefined;
    for (const k in o) {
      const v = o[k];
      const e = enc(v);
      if (e !== v && !out) out = { ...o };
      if (out) out[k] = e;
    }
    if (Object.prototype.hasOwnProperty.call(o, TAG)) return { [TAG]: 'Object', v: out ?? o } satisfies Tagged;
    return out ?? o;
  }
  if (x instanceof SomeImpl) return { [TAG]: 'Some', v: enc(x.value) } satisfies Tagged;
  if (x instanceof NoneImpl) return { [TAG]: 'None' } satisfies Tagged;
  if (x instanceof CompactBuffer) return { [TAG]: 'CompactBuffer', v: encAll(x) } satisfies Tagged;
  if (x instanceof ScalaArrayBuffer) return { [TAG]: 'ArrayBuffer', v: encAll(x) } satisfies Tagged;
  if (x instanceof Time) return { [TAG]: 'Time', ms: x.milliseconds } satisfies Tagged;
  if (x instanceof Duration) return { [TAG]: 'Duration', ms: x.milliseconds } satisfies Tagged;
  if (x instanceof Status) return { [TAG]: 'Status', v: Status.fields(x) } satisfies Tagged;
  if (x instanceof Map) {
    const v: [unknown, unknown][] = [];
    for (const [k, val] of x) v.push([enc(k), enc(val)]);
    return { [TAG]: 'Map', v } satisfies Tagged;
  }
  if (x instanceof Set) return { [TAG]: 'Set', v: [...x].map(enc) } satisfies Tagged;
  if (x instanceof Date || ArrayBuffer.isView(x) || x instanceof ArrayBuffer || x instanceof RegExp) return x;
  if (Array.isArray(x)) return encAll(x);   // another Array subclass: travels as a plain array
  throw new Unserializable(x);
}

function encArray(a: unknown[]): unknown {
  if (a.length >= PACK_MIN) {
    const packed = pack(a);
    if (packed) return packed;
  }
  let out: unknown[] | undefined;
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    const e = enc(v);
    if (e !== v && !out) out = a.slice(0, i);
    if (out) out.push(e);
  }
  return out ?? a;
}

function encAll(a: unknown[]): unknown[] {
  const out = new Array<unknown>(a.length);
  for (let i = 0; i < a.length; i++) out[i] = enc(a[i]);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Packed record arrays: the fast path for plain data.
//
// Structured clone copies an array of tuples element by element, and slowly (V8 serialises every small
// array with its own header), on the sending thread. A long array whose records are plain JSON data
// (strings, finite numbers, booleans, null, and arrays / plain objects of those: tuples, nested tuples,
// rows) travels instead as one JSON string, which the receiver parses: one native call on each side. An
// array of numbers travels as one Float64Array (exact: -0, NaN and Infinity survive). Anything else
// (Some/None, CompactBuffer, undefined, a hole, -0 or NaN among other data, bigint, Map, Date, ...) makes the
// array take the general path, so decoding stays exact.

/** Arrays shorter than this are not worth packing. */
export const PACK_MIN = 64;
const MAX_PACK_DEPTH = 8;

function pack(a: unknown[]): Tagged | unknown[] | undefined {
  const n = a.length;
  let i = 0;
  while (i < n && typeof a[i] === 'number') i++;
  if (i === n) return { [TAG]: 'F64', v: Float64Array.from(a as number[]) };
  i = 0;
  while (i < n && typeof a[i] === 'string') i++;
  if (i === n) return dictionary(a as string[]) ?? concatenated(a as string[]) ?? a;
  for (; i < n; i++) {
    const x = a[i];
    if (typeof x !== 'string' && !jsonSafe(x, 0)) return undefined;
  }
  return { [TAG]: 'Json', s: JSON.stringify(a) };
}

/**
 * Strings that repeat (words, keys, hashtags: most streams) travel as their distinct values plus one index
 * per record: a Map lookup per record on the sender (string hashes are cached by the engine) and an array
 * read per record on the receiver, which also shares one string per distinct value. Gives up (undefined)
 * when the first records are mostly distinct.
 */
function dictionary(a: string[]): Tagged | undefined {
  const n = a.length;
  const ids = new Map<string, number>();
  const words: string[] = [];
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const s = a[i];
    let k = ids.get(s);
    if (k === undefined) {
      k = words.length;
      ids.set(s, k);
      words.push(s);
      if (words.length > DICTIONARY_PROBE / 2 && i < DICTIONARY_PROBE) return undefined;
    }
    idx[i] = k;
  }
  return { [TAG]: 'Dict', words, idx };
}

/**
 * Distinct strings (lines of text) travel as one string plus the offset where each ends: structured clone copies
 * one string where it would write and, on the receiver, allocate every record with its own header (~6× faster
 * for 500k lines of 10 words). Joining and slicing keep UTF-16 code units as they are, lone surrogates included.
 * Gives up past MAX_CONCATENATED characters (V8's string length limit is 2^29 - 24).
 */
function concatenated(a: string[]): Tagged | undefined {
  const ends = new Int32Array(a.length);
  let end = 0;
  for (let i = 0; i < a.length; i++) {
    end += a[i].length;
    if (end > MAX_CONCATENATED) return undefined;
    ends[i] = end;
  }
  return { [TAG]: 'Strs', s: a.join(''), ends };
}

const MAX_CONCATENATED = 1 << 28;

/** Records looked at before deciding that strings do not repeat enough for a dictionary. */
const DICTIONARY_PROBE = 4096;

function jsonSafe(x: unknown, depth: number): boolean {
  switch (typeof x) {
    case 'string': case 'boolean': return true;
    case 'number': return x - x === 0 && (x !== 0 || 1 / x > 0);   // finite, and not -0
    case 'object': {
      if (x === null) return true;
      if (depth >= MAX_PACK_DEPTH) return false;
      const proto = Object.getPrototypeOf(x);
      if (proto === ARRAY_PROTO) {
        const a = x as unknown[];
        for (let i = 0; i < a.length; i++) if (!jsonSafe(a[i], depth + 1)) return false;   // a hole reads undefined: not safe
        return true;
      }
      if (proto !== OBJECT_PROTO) return false;
      const o = x as Record<string, unknown>;
      for (const k in o) if (!jsonSafe(o[k], depth + 1)) return false;
      return true;
    }
    default: return false;
  }
}

/** The path (as in "at record[0][1]") from `root` to `target`, walking as `enc` does. */
function pathTo(root: unknown, target: unknown, path: string, depth: number): string | undefined {
  if (root === target) return path;
  if (typeof root !== 'object' || root === null || depth > 64) return undefined;
  const proto = Object.getPrototypeOf(root);
  if (Array.isArray(root)) {
    for (let i = 0; i < root.length; i++) { const p = pathTo(root[i], target, `${path}[${i}]`, depth + 1); if (p !== undefined) return p; }
    return undefined;
  }
  if (proto === OBJECT_PROTO || proto === null) {
    const o = root as Record<string, unknown>;
    for (const k in o) { const p = pathTo(o[k], target, `${path}.${k}`, depth + 1); if (p !== undefined) return p; }
    return undefined;
  }
  if (root instanceof SomeImpl) return pathTo(root.value, target, `${path}.get`, depth + 1);
  if (root instanceof Map) {
    for (const [k, v] of root) {
      const p = pathTo(k, target, `${path}.key`, depth + 1) ?? pathTo(v, target, `${path}.get(${String(k)})`, depth + 1);
      if (p !== undefined) return p;
    }
    return undefined;
  }
  if (root instanceof Set) {
    for (const e of root) { const p = pathTo(e, target, `${path}.element`, depth + 1); if (p !== undefined) return p; }
  }
  return undefined;
}

/**
 * Whether `encode` packed the whole value into one of the packed forms (JSON text, numbers, dictionary,
 * concatenated strings): such a value shares nothing with the records it came from, and `decode` builds new
 * records from it without changing it.
 */
export function isPacked(x: unknown): boolean {
  if (typeof x !== 'object' || x === null || Object.getPrototypeOf(x) !== OBJECT_PROTO) return false;
  const tag = (x as Record<string, unknown>)[TAG];
  return tag === 'Json' || tag === 'F64' || tag === 'Dict' || tag === 'Strs';
}

/** Rebuilds what `encode` tagged. Mutates and returns its input (a fresh structured clone). */
export function decode(x: unknown): unknown {
  if (typeof x !== 'object' || x === null) return x;
  if (Array.isArray(x)) {
    for (let i = 0; i < x.length; i++) {
      const v = x[i];
      if (typeof v === 'object' && v !== null) x[i] = decode(v);
    }
    return x;
  }
  const proto = Object.getPrototypeOf(x);
  if (proto !== OBJECT_PROTO && proto !== null) return x;   // Date, typed arrays, Map/Set from plain clones
  const o = x as Record<string, unknown>;
  const tag = o[TAG];
  if (typeof tag === 'string') {
    const t = o as Tagged;
    switch (t.$c) {
      case 'Some': return Some(decode(t.v));
      case 'None': return None;
      case 'CompactBuffer': { const b = new CompactBuffer<unknown>(); for (const e of t.v) b.push(decode(e)); return b; }
      case 'ArrayBuffer': { const b = new ScalaArrayBuffer<unknown>(); for (const e of t.v) b.push(decode(e)); return b; }
      case 'Time': return new Time(t.ms);
      case 'Duration': return new Duration(t.ms);
      case 'Status': return new Status(t.v);
      case 'Map': return new Map(t.v.map(([k, v]) => [decode(k), decode(v)]));
      case 'Set': return new Set(t.v.map(decode));
      case 'Object': return decodeFields(t.v);
      case 'Json': return JSON.parse(t.s) as unknown[];
      case 'F64': return Array.from(t.v);
      case 'Strs': {
        const out = new Array<string>(t.ends.length);
        let start = 0;
        for (let i = 0; i < out.length; i++) { const end = t.ends[i]; out[i] = t.s.slice(start, end); start = end; }
        return out;
      }
      case 'Dict': { const out = new Array<string>(t.idx.length); for (let i = 0; i < out.length; i++) out[i] = t.words[t.idx[i]]; return out; }
      default: break;
    }
  }
  return decodeFields(o);
}

function decodeFields(o: Record<string, unknown>): Record<string, unknown> {
  for (const k in o) {
    const v = o[k];
    if (typeof v === 'object' && v !== null) o[k] = decode(v);
  }
  return o;
}

/** encode then structured clone then decode: what a value looks like after crossing a worker boundary. */
export function roundTrip<T>(x: T, where?: string): T {
  return decode(structuredClone(encode(x, where))) as T;
}
