import { isOption } from '../core/option';
import { errors } from '../core/errors';

/**
 * Scala's default Ordering for the values the engine uses: numbers, strings (UTF-16 code unit order,
 * as Java's String.compareTo), booleans (false < true), tuples lexicographically, Options (None first).
 */
export function keyCompare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  const ta = typeof a, tb = typeof b;
  if (ta === 'number' && tb === 'number') return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
  if (ta === 'string' && tb === 'string') return (a as string) < (b as string) ? -1 : 1;
  if (ta === 'boolean' && tb === 'boolean') return a ? 1 : -1;
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) { const c = keyCompare(a[i], b[i]); if (c !== 0) return c; }
    return a.length - b.length;
  }
  if (isOption(a) && isOption(b)) {
    if (a.isEmpty) return b.isEmpty ? 0 : -1;
    if (b.isEmpty) return 1;
    return keyCompare(a.get(), b.get());
  }
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  throw errors.noOrdering(describe(a), describe(b));
}

function describe(x: unknown): string { return Array.isArray(x) ? 'tuple' : typeof x; }
