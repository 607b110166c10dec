/**
 * What may travel with a shipped function: plain, structured-cloneable data. Used for closure
 * variables and broadcast values, so that what runs in-process also runs across workers.
 */

/** Brand set on every Broadcast (realm-wide symbol, so duplicated module copies still agree). */
export const BROADCAST_BRAND: unique symbol = Symbol.for('dstream-studio.broadcast') as never;

export function isBroadcastLike(x: unknown): x is { readonly id: number; readonly value: unknown } {
  return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[BROADCAST_BRAND] === true;
}

export interface NotDataReport { path: string; what: string }

/**
 * Returns undefined when `value` is plain data, else where (a path such as `.a[2]`) and what the
 * first offending value is ('a function', 'an instance of Foo', ...).
 */
export function findNonData(value: unknown): NotDataReport | undefined {
  return walk(value, '', new Set());
}

function describe(value: object): string {
  if (typeof value === 'function') {
    return /^class[\s{]/.test(Function.prototype.toString.call(value)) ? `a class (${(value as { name: string }).name || 'anonymous'})` : `a function${(value as { name: string }).name ? ` (${(value as { name: string }).name})` : ''}`;
  }
  if (isBroadcastLike(value)) return 'a broadcast variable nested inside another value (pass it as its own closure variable)';
  const ctor = (Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null)?.constructor;
  return `an instance of ${ctor?.name || 'an unnamed class'}`;
}

function walk(value: unknown, path: string, seen: Set<object>): NotDataReport | undefined {
  switch (typeof value) {
    case 'undefined': case 'boolean': case 'number': case 'string': case 'bigint': return undefined;
    case 'symbol': return { path, what: 'a symbol' };
    case 'function': return { path, what: describe(value) };
    default: break;
  }
  if (value === null) return undefined;
  const obj = value as object;
  if (seen.has(obj)) return undefined; // structured clone keeps cycles
  seen.add(obj);
  const proto = Object.getPrototypeOf(obj);
  if (Array.isArray(obj) && proto === Array.prototype) {
    for (let i = 0; i < obj.length; i++) {
      const r = walk(obj[i], `${path}[${i}]`, seen);
      if (r) return r;
    }
    return undefined;
  }
  if (proto === Object.prototype || proto === null) {
    if (isBroadcastLike(obj)) return { path, what: describe(obj) };
    for (const key of Object.keys(obj)) {
      const r = walk((obj as Record<string, unknown>)[key], /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`, seen);
      if (r) return r;
    }
    return undefined;
  }
  if (proto === Map.prototype) {
    for (const [k, v] of obj as Map<unknown, unknown>) {
      const r = walk(k, `${path}.<key>`, seen) ?? walk(v, `${path}.get(${typeof k === 'string' ? JSON.stringify(k) : String(k)})`, seen);
      if (r) return r;
    }
    return undefined;
  }
  if (proto === Set.prototype) {
    for (const v of obj as Set<unknown>) {
      const r = walk(v, `${path}.<element>`, seen);
      if (r) return r;
    }
    return undefined;
  }
  if (proto === Date.prototype || proto === RegExp.prototype || proto === ArrayBuffer.prototype) return undefined;
  if (ArrayBuffer.isView(obj)) return undefined; // typed arrays, DataView
  return { path, what: describe(obj) };
}
