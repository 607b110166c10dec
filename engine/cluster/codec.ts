import { errors } from '../core/errors';
/**
 * The record codec for everything that crosses a worker boundary (task plans, task results, blocks,
 * shuffle fetches, broadcast values).
 *
 * Structured clone keeps plain data (numbers, strings, bigint, arrays, plain objects, Map, Set, Date,
 * typed arrays) but drops prototypes: a `Some(1)` would arrive as `{ value: 1, isDefined: true, ... }`
 * with no `get()`. `encode` turns the engine's record classes into tagged plain objects and `decode`
 * rebuilds them on the other side:
 *
 *   Some(x) / None, CompactBuffer, ScalaArrayBuffer, Time, Duration   (tuples are plain arrays: kept)
 *
 * A plain object that happens to have a `$c` key is escaped, so decoding is exact. A value that
 * cannot travel (a function, a symbol, an instance of any other class, a DOM node) throws a
 * NotSerializableException naming the record type, which fails the task (as Spark fails a task whose
 * record is not serializable).
 *
 * Both functions return their input unchanged (same reference) when nothing needed encoding, so plain
 * data costs one walk and no allocation; `decode` revives in place (its input is always a fresh clone).
 */
import { ScalaArrayBuffer } from '../core/arrayBuffer';
import { CompactBuffer } from '../core/compactBuffer';
import { NotSerializableException } from '../core/errors';
import { None, NoneImpl, Some, SomeImpl } from '../core/option';
import { Duration, Time } from '../core/time';

const TAG = '$c';

type Tagged =
  | { $c: 'Some'; v: unknown }
  | { $c: 'None' }
  | { $c: 'CompactBuffer'; v: unknown[] }
  | { $c: 'ArrayBuffer'; v: unknown[] }
  | { $c: 'Time'; ms: number }
  | { $c: 'Duration'; ms: number }
  | { $c: 'Map'; v: [unknown, unknown][] }
  | { $c: 'Set'; v: unknown[] }
  | { $c: 'Object'; v: Record<string, unknown> };

export const notSerializableRecord = errors.notSerializableRecord;

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
  return enc(x, where, '');
}

function enc(x: unknown, where: string, path: string): unknown {
  switch (typeof x) {
    case 'string': case 'number': case 'boolean': case 'undefined': case 'bigint': return x;
    case 'function': case 'symbol': throw notSerializableRecord(describeValue(x), where, path);
    default: break;
  }
  if (x === null) return x;
  const proto = Object.getPrototypeOf(x);
  if (proto === ARRAY_PROTO) return encArray(x as unknown[], where, path);
  if (proto === OBJECT_PROTO || proto === null) {
    const o = x as Record<string, unknown>;
    let out: Record<string, unknown> | undefined;
    for (const k in o) {
      const v = o[k];
      const e = enc(v, where, `${path}.${k}`);
      if (e !== v && !out) out = { ...o };
      if (out) out[k] = e;
    }
    if (Object.prototype.hasOwnProperty.call(o, TAG)) return { [TAG]: 'Object', v: out ?? o } satisfies Tagged;
    return out ?? o;
  }
  if (x instanceof SomeImpl) return { [TAG]: 'Some', v: enc(x.value, where, `${path}.get`) } satisfies Tagged;
  if (x instanceof NoneImpl) return { [TAG]: 'None' } satisfies Tagged;
  if (x instanceof CompactBuffer) return { [TAG]: 'CompactBuffer', v: encAll(x, where, path) } satisfies Tagged;
  if (x instanceof ScalaArrayBuffer) return { [TAG]: 'ArrayBuffer', v: encAll(x, where, path) } satisfies Tagged;
  if (x instanceof Time) return { [TAG]: 'Time', ms: x.milliseconds } satisfies Tagged;
  if (x instanceof Duration) return { [TAG]: 'Duration', ms: x.milliseconds } satisfies Tagged;
  if (x instanceof Map) {
    const v: [unknown, unknown][] = [];
    for (const [k, val] of x) v.push([enc(k, where, `${path}.key`), enc(val, where, `${path}.get(${String(k)})`)]);
    return { [TAG]: 'Map', v } satisfies Tagged;
  }
  if (x instanceof Set) return { [TAG]: 'Set', v: [...x].map((e) => enc(e, where, `${path}.element`)) } satisfies Tagged;
  if (x instanceof Date || ArrayBuffer.isView(x) || x instanceof ArrayBuffer || x instanceof RegExp) return x;
  if (Array.isArray(x)) return encAll(x, where, path);   // another Array subclass: travels as a plain array
  throw notSerializableRecord(describeValue(x), where, path);
}

function encArray(a: unknown[], where: string, path: string): unknown[] {
  let out: unknown[] | undefined;
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    const e = enc(v, where, `${path}[${i}]`);
    if (e !== v && !out) out = a.slice(0, i);
    if (out) out.push(e);
  }
  return out ?? a;
}

function encAll(a: unknown[], where: string, path: string): unknown[] {
  const out = new Array<unknown>(a.length);
  for (let i = 0; i < a.length; i++) out[i] = enc(a[i], where, `${path}[${i}]`);
  return out;
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
      case 'Map': return new Map(t.v.map(([k, v]) => [decode(k), decode(v)]));
      case 'Set': return new Set(t.v.map(decode));
      case 'Object': return decodeFields(t.v);
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
