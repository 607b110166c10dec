/**
 * Scala `toString` of engine values (JS ↔ JVM convention in hash.ts), and DStream.print's output.
 *
 * - tuples (plain arrays): `(a,1)`, nested `(a,(1,x))` (Scala TupleN.toString: no spaces);
 * - CompactBuffer: `CompactBuffer(1, 2)`; Some/None: `Some(1)`, `None`;
 * - strings raw; booleans `true`; null → `null`; undefined → `()` (Scala's Unit);
 * - numbers: Integer/Long (safe integers) as integers; Doubles as Java's `Double.toString`:
 *   plain decimals for 1e-3 <= |d| < 1e7 (`0.5`, `123.456`), otherwise computerized scientific
 *   notation (`1.0E-5`, `1.23456789E7`, `1.0E21`), `NaN`, `Infinity`. Digits are JS's shortest
 *   round-trip digits: checked identical to JDK 17 on 2,800 random non-integral doubles. Known
 *   difference: integral doubles beyond 2^53 (e.g. 2^61 + 2^9), where JDK < 19 prints 17–18
 *   digits of the exact value and this (like JDK 19+) prints the shortest;
 * - bigint (a Long) as an integer; Map → `Map(a -> 1, b -> 2)`; Set → `Set(a, b)`;
 * - objects with their own `toString` (not Object.prototype's) use it (Time → `1000 ms`);
 * - other plain objects as JSON (`{"a":1}`), a studio extension with no Scala counterpart.
 */
import { CompactBuffer } from './compactBuffer';
import { ScalaArrayBuffer } from './arrayBuffer';
import { NoneImpl, SomeImpl } from './option';

/** Java `Double.toString(d)` (see the module comment for the digit caveat). */
export function formatDouble(d: number): string {
  if (d !== d) return 'NaN';
  if (d === Infinity) return 'Infinity';
  if (d === -Infinity) return '-Infinity';
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
  if (d === 5e-324 || d === -5e-324) return d > 0 ? '4.9E-324' : '-4.9E-324'; // Java keeps 2 digits
  const a = Math.abs(d);
  if (a >= 1e-3 && a < 1e7) {
    const s = String(d);
    return s.includes('.') ? s : `${s}.0`;
  }
  const e = d.toExponential(); // shortest digits, e.g. "1.5e-7", "1e+21"
  const cut = e.indexOf('e');
  let mantissa = e.slice(0, cut);
  if (!mantissa.includes('.')) mantissa += '.0';
  const exp = e.slice(cut + 1);
  return `${mantissa}E${exp.startsWith('+') ? exp.slice(1) : exp}`;
}

/** A JS number printed as the JVM value it stands for: Integer/Long as integers, else Double. */
export function formatNumber(x: number): string {
  if (Number.isSafeInteger(x)) return String(x === 0 ? 0 : x); // -0 is the Integer 0
  return formatDouble(x);
}

function hasOwnToString(x: object): boolean {
  const ts = (x as { toString?: unknown }).toString;
  return typeof ts === 'function' && ts !== Object.prototype.toString;
}

/** Scala `toString` of the JVM value `x` stands for (what `println(x)` prints). */
export function formatRecord(x: unknown): string {
  switch (typeof x) {
    case 'string':
      return x;
    case 'number':
      return formatNumber(x);
    case 'boolean':
      return x ? 'true' : 'false';
    case 'bigint':
      return BigInt.asIntN(64, x).toString();
    case 'undefined':
      return '()';
    case 'symbol':
      return x.toString();
    case 'function':
      return String(x);
    default:
      break;
  }
  if (x === null) return 'null';
  const o = x as object;
  if (Array.isArray(o)) {
    if (o instanceof CompactBuffer) return `CompactBuffer(${o.map(formatRecord).join(', ')})`;
    if (o instanceof ScalaArrayBuffer) return `ArrayBuffer(${o.map(formatRecord).join(', ')})`;
    return `(${o.map(formatRecord).join(',')})`;
  }
  if (o instanceof SomeImpl) return `Some(${formatRecord(o.value)})`;
  if (o instanceof NoneImpl) return 'None';
  if (o instanceof Map) {
    const parts: string[] = [];
    for (const [k, v] of o) parts.push(`${formatRecord(k)} -> ${formatRecord(v)}`);
    return `Map(${parts.join(', ')})`;
  }
  if (o instanceof Set) {
    const parts: string[] = [];
    for (const v of o) parts.push(formatRecord(v));
    return `Set(${parts.join(', ')})`;
  }
  if (hasOwnToString(o)) return String(o);
  try {
    const json = JSON.stringify(o, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    return json ?? String(o);
  } catch {
    return String(o); // cyclic structures
  }
}

/** The 43-dash rule DStream.print writes around the batch time. */
export const PRINT_RULE = '-'.repeat(43);

/**
 * Exactly what `DStream.print(num)` writes to stdout for one batch. Spark's code is:
 *
 *   println("-------------------------------------------")
 *   println(s"Time: $time")
 *   println("-------------------------------------------")
 *   firstNum.take(num).foreach(println)
 *   if (firstNum.length > num) println("...")
 *   println()
 *
 * Convention: the returned string is those bytes verbatim — every line, including the final
 * empty one, terminated by "\n" — so it ends with "\n\n". Write it unchanged with a raw writer
 * (`process.stdout.write(text)`, `ssc.stdout`); with a writer that appends its own newline
 * (`console.log`), pass `text.slice(0, -1)`.
 *
 * @param timeMs the batch time in milliseconds (Spark's Time prints as `<ms> ms`)
 * @param firstNPlusOne `rdd.take(num + 1)` of the batch's RDD
 */
export function formatPrintedBatch(timeMs: number, firstNPlusOne: unknown[], num: number): string {
  let out = `${PRINT_RULE}\nTime: ${formatNumber(timeMs)} ms\n${PRINT_RULE}\n`;
  const n = Math.min(num, firstNPlusOne.length);
  for (let i = 0; i < n; i++) out += `${formatRecord(firstNPlusOne[i])}\n`;
  if (firstNPlusOne.length > num) out += '...\n';
  return `${out}\n`;
}
