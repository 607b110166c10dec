/**
 * The studio's view of the operator registry (engine/graph/registry.ts): the list of ops and the lookup by name.
 * Palette, inspector and canvas read ops here.
 */
import { getOp, operators } from '../../engine/graph/registry';
import type { OpSpec } from '../../engine/graph/opSpec';

export type { OpSpec };

export function allOps(): readonly OpSpec[] { return operators; }

export function opSpec(name: string): OpSpec | undefined { return getOp(name); }
