/** Palette groups and search (pure). */
import type { OpCategory } from '../../engine/graph/types';
import type { OpSpec } from '../../engine/graph/opSpec';

export const GROUPS: { id: string; titleKey: string; categories: OpCategory[] }[] = [
  { id: 'sources', titleKey: 'palette.sources', categories: ['source'] },
  { id: 'transformations', titleKey: 'palette.transformations', categories: ['transform', 'pair', 'code'] },
  { id: 'windows', titleKey: 'palette.windows', categories: ['window', 'state'] },
  { id: 'outputs', titleKey: 'palette.outputs', categories: ['output'] },
];

const norm = (s: string) => s.toLowerCase().normalize('NFKD');

/** Whether an op matches every word of the query (name, label and description in both languages). */
export function matches(op: OpSpec, query: string): boolean {
  const q = norm(query).trim();
  if (!q) return true;
  const hay = norm([op.name, op.label.en, op.label['zh-CN'], op.description.en, op.description['zh-CN'], op.category].join(' '));
  return q.split(/\s+/).every((w) => hay.includes(w));
}

export function groupOps(ops: readonly OpSpec[], query: string): { id: string; titleKey: string; ops: OpSpec[] }[] {
  const q = norm(query).trim();
  return GROUPS.map((g) => {
    const list = ops.filter((o) => g.categories.includes(o.category) && matches(o, query));
    // Name matches first when searching, otherwise registry order.
    if (q) list.sort((a, b) => Number(!norm(a.name).startsWith(q)) - Number(!norm(b.name).startsWith(q)));
    return { id: g.id, titleKey: g.titleKey, ops: list };
  }).filter((g) => g.ops.length > 0);
}
