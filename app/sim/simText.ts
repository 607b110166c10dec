/** Texts of the simulation features, built from app/i18n (pure: `t` reads the current language). */
import { t } from '../i18n/index';
import type { Breakpoint, BreakpointHit, BreakpointProblem } from './breakpoints';

interface NodeLike { id: string; data?: { label?: string; op?: string } }

/** A node's name as the canvas shows it: its label, else its op and id. */
export function nodeName(id: string, nodes: readonly NodeLike[]): string {
  const n = nodes.find((x) => x.id === id);
  return n?.data?.label || (n?.data?.op ? `${n.data.op} (${id})` : id);
}

export function breakpointLabel(b: Breakpoint, nodes: readonly NodeLike[]): string {
  if (b.kind === 'batch') return t('sim.bp.batchLabel', { time: b.batchTime });
  return t('sim.bp.recordLabel', { node: nodeName(b.nodeId, nodes), mode: t(`sim.bp.mode.${b.mode}`), pattern: b.pattern });
}

export function breakpointNotice(hit: BreakpointHit, nodes: readonly NodeLike[]): string {
  return hit.kind === 'batch'
    ? t('sim.bp.hitBatch', { time: hit.batchTime })
    : t('sim.bp.hitRecord', { node: nodeName(hit.nodeId, nodes), record: hit.record, time: hit.batchTime });
}

export function breakpointProblemText(p: BreakpointProblem, bps: readonly Breakpoint[], nodes: readonly NodeLike[]): string {
  const b = bps.find((x) => x.id === p.id);
  return t('sim.bp.problem', { what: b ? breakpointLabel(b, nodes) : p.id, problem: p.message });
}
