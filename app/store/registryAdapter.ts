/**
 * The studio's view of the operator registry (engine/graph/registry.ts): a flat list and a
 * lookup, whatever container the registry uses. Palette, inspector and canvas read ops here.
 */
import * as registry from '../../engine/graph/registry';
import type { OpSpec } from '../../engine/graph/opSpec';

export type { OpSpec };

let cache: OpSpec[] | null = null;
export function allOps(): OpSpec[] {
  if (cache) return cache;
  const ops = (registry as unknown as { operators: unknown }).operators;
  const list = Array.isArray(ops) ? ops : ops instanceof Map ? [...ops.values()] : Object.values((ops ?? {}) as Record<string, unknown>);
  cache = (list as OpSpec[]).filter((o) => o && typeof o.name === 'string');
  return cache;
}

export function opSpec(name: string): OpSpec | undefined {
  try { return registry.getOp(name) ?? allOps().find((o) => o.name === name); } catch { return allOps().find((o) => o.name === name); }
}
