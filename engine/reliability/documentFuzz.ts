/**
 * Hostile documents for the loaders' fuzz tests (graph JSON, lesson files, recorded runs, share links).
 * A fast-check arbitrary draws a *plan* (which base document, which mutations at which paths, whether to feed it as
 * text and how to damage the text); `applyPlan` turns the plan into the input deterministically. Shrinking works on
 * the plan, so a failure prints a small reproducer. Pure: no clock, no Math.random (fast-check's seeded generator).
 */
import fc from 'fast-check';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Keys that, mishandled, reach Object.prototype or shadow built-in methods. */
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', '__defineGetter__', 'then'] as const;

export type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number; to: number }
  | { kind: 'wrongType'; at: number; value: Json }
  | { kind: 'hugeString'; at: number; size: number }
  | { kind: 'deepNest'; at: number; depth: number; arrays: boolean }
  | { kind: 'protoKey'; at: number; key: (typeof PROTO_KEYS)[number]; value: Json }
  | { kind: 'renameKey'; at: number; name: string }
  | { kind: 'hostile'; at: number; which: number };

export type TextDamage =
  | { kind: 'none' }
  | { kind: 'truncate'; at: number }
  | { kind: 'insertBytes'; at: number; bytes: number[] }
  | { kind: 'replaceChar'; at: number; char: number }
  | { kind: 'deleteRange'; at: number; len: number }
  | { kind: 'duplicateKeyText'; at: number };

export interface Plan { base: number; mutations: Mutation[]; asText: boolean; damage: TextDamage }

const HUGE = 'x'.repeat(6_000_000);
/** One cached huge string: slices of it cost nothing to make, so huge-string mutations stay cheap. */
export function hugeString(size: number): string { return HUGE.slice(0, size); }

const idx = fc.nat({ max: 1_000_000 });

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: idx }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at: idx, to: idx }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('wrongType' as const), at: idx, value: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json> }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('hugeString' as const), at: idx, size: fc.constantFrom(100_001, 1_000_000, 5_000_001) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deepNest' as const), at: idx, depth: fc.constantFrom(63, 65, 1_000, 100_000), arrays: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('protoKey' as const), at: idx, key: fc.constantFrom(...PROTO_KEYS), value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json> }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('renameKey' as const), at: idx, name: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...PROTO_KEYS)) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('hostile' as const), at: idx, which: fc.nat({ max: 9 }) }) },
);

export const textDamageArb: fc.Arbitrary<TextDamage> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: idx }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('insertBytes' as const), at: idx, bytes: fc.array(fc.nat({ max: 0xffff }), { minLength: 1, maxLength: 16 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('replaceChar' as const), at: idx, char: fc.nat({ max: 0xffff }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteRange' as const), at: idx, len: fc.integer({ min: 1, max: 200 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicateKeyText' as const), at: idx }) },
);

/** `text`: force (or forbid) the text form; `hostile: false` leaves out values JSON text cannot hold. */
export function planArb(bases: number, opts: { text?: boolean; hostile?: boolean } = {}): fc.Arbitrary<Plan> {
  const mutation = opts.hostile === false ? mutationArb.filter((m) => m.kind !== 'hostile') : mutationArb;
  return fc.record({
    base: fc.nat({ max: bases - 1 }),
    mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
    asText: opts.text === undefined ? fc.boolean() : fc.constant(opts.text),
    damage: opts.text === false ? fc.constant({ kind: 'none' as const }) : textDamageArb,
  });
}

/** Every (container, key) slot of a JSON tree, in a stable order; the root is slot 0 (container undefined). */
function slots(root: unknown): { parent: Record<string, unknown> | unknown[] | undefined; key: string | number }[] {
  const out: { parent: Record<string, unknown> | unknown[] | undefined; key: string | number }[] = [{ parent: undefined, key: '' }];
  const stack: unknown[] = [root];
  while (stack.length && out.length < 5_000) {
    const v = stack.pop();
    try {
      if (Array.isArray(v)) v.forEach((x, i) => { out.push({ parent: v, key: i }); stack.push(x); });
      else if (v && typeof v === 'object') for (const k of Object.keys(v)) { out.push({ parent: v as Record<string, unknown>, key: k }); stack.push((v as Record<string, unknown>)[k]); }
    } catch { /* a hostile value planted by an earlier mutation: not walked into */ }
  }
  return out;
}

function nest(v: unknown, depth: number, arrays: boolean): unknown {
  let x = v;
  for (let i = 0; i < depth; i++) x = arrays ? [x] : { a: x };
  return x;
}

/** Values no JSON text can hold: only reachable when a caller passes an object (a paste handler, a bug upstream). */
function hostileValue(which: number): unknown {
  switch (which) {
    case 0: return Number.NaN;
    case 1: return Number.POSITIVE_INFINITY;
    case 2: return undefined;
    case 3: return () => 'a function';
    case 4: return Symbol('s');
    case 5: return 10n;
    case 6: { const o: Record<string, unknown> = {}; o.self = o; return o; }
    case 7: return Object.defineProperty({}, 'boom', { enumerable: true, get() { throw new Error('getter exploded'); } });
    case 8: return new Proxy({}, { ownKeys() { throw new Error('ownKeys exploded'); } });
    default: return new Map([['a', 1]]);
  }
}

function set(parent: Record<string, unknown> | unknown[], key: string | number, value: unknown): void {
  try {
    if (Array.isArray(parent)) parent[key as number] = value;
    else Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
  } catch { /* a non-configurable slot planted by an earlier hostile mutation */ }
}

/** Applies the plan to a deep copy of `base`; returns the object, or its (damaged) text. */
export function applyPlan(base: Json, plan: Plan): unknown {
  let root: unknown = structuredClone(base);
  let hostile = false;
  for (const m of plan.mutations) {
    const all = slots(root);
    const s = all[m.at % all.length];
    let current: unknown;
    try { current = s.parent === undefined ? root : (s.parent as Record<string | number, unknown>)[s.key]; } catch { continue; }
    const put = (v: unknown) => { if (s.parent === undefined) root = v; else set(s.parent, s.key, v); };
    switch (m.kind) {
      case 'delete':
        if (s.parent === undefined) root = undefined;
        else if (Array.isArray(s.parent)) s.parent.splice(s.key as number, 1);
        else delete (s.parent as Record<string, unknown>)[s.key as string];
        break;
      case 'duplicate': {
        const other = all[m.to % all.length];
        const copy = structuredCloneSafe(current);
        if (Array.isArray(current)) current.push(structuredCloneSafe(current[m.to % Math.max(1, current.length)]));
        else if (other.parent !== undefined && other !== s) set(other.parent, other.key, copy);
        break;
      }
      case 'wrongType': put(m.value); break;
      case 'hugeString': put(hugeString(m.size)); break;
      case 'deepNest': put(nest(current, m.depth, m.arrays)); break;
      case 'protoKey': {
        const target = current && typeof current === 'object' && !Array.isArray(current) ? current as Record<string, unknown>
          : s.parent && !Array.isArray(s.parent) ? s.parent : undefined;
        if (target) set(target, m.key, m.value);
        break;
      }
      case 'renameKey':
        if (s.parent && !Array.isArray(s.parent)) {
          const v = (s.parent as Record<string, unknown>)[s.key as string];
          delete (s.parent as Record<string, unknown>)[s.key as string];
          set(s.parent, m.name, v);
        }
        break;
      case 'hostile': hostile = true; put(hostileValue(m.which)); break;
    }
  }
  if (!plan.asText || hostile) return root;
  let text: string;
  try { text = stringify(root); } catch { return root; }
  return damageText(text, plan.damage);
}

/** The text a file would hold for `v`: itself if a string, else its JSON (or "null" when it has none). */
export function asFileText(v: unknown): string {
  if (typeof v === 'string') return v;
  try { return stringify(v); } catch { return 'null'; }
}

function structuredCloneSafe(v: unknown): unknown { try { return structuredClone(v); } catch { return v; } }

/** JSON.stringify that keeps own `__proto__` keys (it does) and survives deep nesting (falls back to a builder). */
function stringify(v: unknown): string {
  try { const s = JSON.stringify(v); return s === undefined ? 'undefined' : s; } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    // Too deep for the recursive stringifier: peel the nesting by hand.
    let depth = 0, x = v, open = '', close = '';
    while ((Array.isArray(x) && x.length === 1) || (x && typeof x === 'object' && Object.keys(x).length === 1 && 'a' in (x as object))) {
      if (Array.isArray(x)) { open += '['; close = ']' + close; x = x[0]; } else { open += '{"a":'; close = '}' + close; x = (x as { a: unknown }).a; }
      if (++depth > 1_000_000) break;
    }
    return open + (JSON.stringify(x) ?? 'null') + close;
  }
}

export function damageText(text: string, d: TextDamage): string {
  const at = (n: number) => (text.length === 0 ? 0 : n % (text.length + 1));
  switch (d.kind) {
    case 'none': return text;
    case 'truncate': return text.slice(0, at(d.at));
    case 'insertBytes': { const i = at(d.at); return text.slice(0, i) + String.fromCharCode(...d.bytes) + text.slice(i); }
    case 'replaceChar': { const i = at(d.at); return text.slice(0, i) + String.fromCharCode(d.char) + text.slice(i + 1); }
    case 'deleteRange': { const i = at(d.at); return text.slice(0, i) + text.slice(i + d.len); }
    case 'duplicateKeyText': {
      // `{"k":v,` → `{"k":v,"k":v,`: a key twice in one object (JSON.parse keeps the last one).
      const re = /"([A-Za-z_]\w*)":("[^"\\]*"|-?\d+(?:\.\d+)?|true|false|null),/g;
      const matches = [...text.matchAll(re)];
      if (!matches.length) return text;
      const m = matches[d.at % matches.length];
      return text.slice(0, m.index! + m[0].length) + m[0] + text.slice(m.index! + m[0].length);
    }
  }
}

/** Arbitrary inputs with no base document at all: random text, random JSON, random values, byte soup. */
export const randomInputArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.jsonValue({ maxDepth: 4 }),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.uint8Array({ maxLength: 300 }).map((b) => String.fromCharCode(...b)),
  fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true, withObjectString: true, withBoxedValues: true }),
);

/** Object.prototype (and Array.prototype) unchanged: a fuzz run must not pollute them. */
export function prototypeSnapshot(): string {
  return [Object.getOwnPropertyNames(Object.prototype).sort().join(','), Object.getOwnPropertyNames(Array.prototype).sort().join(','),
    JSON.stringify((({}) as Record<string, unknown>).polluted ?? null)].join('|');
}
