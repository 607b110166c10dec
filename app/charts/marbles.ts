import { scaleBand, select } from 'd3';
import type { WindowInstance, WindowRow, WindowsData } from '../panels/model/windows';
import { fmtMs, layer, sizeSvg, truncate, type ChartOptions } from './common';

/** `specLabel`: a window row's title (translated), e.g. "window 10 s, slide 1 s (inverse)". */
export interface MarblesOptions extends ChartOptions { label: string; selected?: number; addedLabel: string; subtractedLabel: string; specLabel?: (windowText: string, slideText: string, inverse: boolean) => string }

type Cell = { endTime: number; batch: number; kind: 'in' | 'added' | 'subtracted' };

/**
 * Marble diagram of window ops: one column per batch; per window op, one row per window (computed
 * at a slide boundary) showing its batches as marbles; with an inverse function, added batches are
 * filled and marked "+", subtracted ones hollow and marked "−".
 */
export function renderMarbles(svg: SVGSVGElement, d: WindowsData, o: MarblesOptions): void {
  const rowH = 22;
  const headH = 26;
  const groupGap = 26;
  const m = { top: 30, right: 12, bottom: 8, left: 150 };
  const rows: { row: WindowRow; w: WindowInstance; y: number }[] = [];
  const groups: { row: WindowRow; y: number }[] = [];
  let y = 0;
  for (const row of d.rows) {
    groups.push({ row, y });
    y += headH;
    for (const w of row.windows) { rows.push({ row, w, y }); y += rowH; }
    y += groupGap;
  }
  const height = Math.max(o.height, m.top + y + m.bottom);
  sizeSvg(svg, { ...o, height });
  select(svg).attr('role', 'img').attr('aria-label', o.label);
  const allTimes = [...new Set([...d.batchTimes, ...rows.flatMap((r) => [...r.w.batches, ...r.w.subtracted])])].sort((a, b) => a - b);
  const w = Math.max(10, o.width - m.left - m.right);
  const x = scaleBand<number>().domain(allTimes).range([0, w]).padding(0.15);
  const r = Math.max(3, Math.min(8, x.bandwidth() / 2 - 1));
  const g = layer(svg, 'plot').attr('transform', `translate(${m.left},${m.top})`);
  layer(svg, 'head').attr('transform', `translate(${m.left},18)`).selectAll('text').data(allTimes).join('text')
    .attr('x', (t) => (x(t) ?? 0) + x.bandwidth() / 2).attr('text-anchor', 'middle').attr('font-size', 10)
    .attr('fill', (t) => (t === o.selected ? o.palette.accent : o.palette.muted)).attr('font-weight', (t) => (t === o.selected ? 700 : 400))
    .text((t) => (x.bandwidth() >= 34 ? `${t}` : x.bandwidth() >= 18 ? `${t / 1000}s` : ''));
  layer(g.node()!, 'groups').selectAll('text').data(groups).join('text')
    .attr('x', -m.left + 6).attr('y', (gr) => gr.y + 15).attr('font-size', 12).attr('font-weight', 600).attr('fill', o.palette.text)
    .text((gr) => `${truncate(gr.row.spec.label ?? gr.row.spec.nodeId, 40)} — ${o.specLabel?.(fmtMs(gr.row.spec.windowMs), fmtMs(gr.row.spec.slideMs), gr.row.spec.inverse) ?? `window ${fmtMs(gr.row.spec.windowMs)}, slide ${fmtMs(gr.row.spec.slideMs)}${gr.row.spec.inverse ? ' (inverse)' : ''}`}`);
  const rowSel = layer(g.node()!, 'rows').selectAll<SVGGElement, (typeof rows)[number]>('g.win').data(rows, (rr) => `${rr.row.spec.nodeId}:${rr.w.endTime}`)
    .join((en) => { const e = en.append('g').attr('class', 'win'); e.append('text').attr('class', 'lbl'); e.append('rect').attr('class', 'span'); e.append('g').attr('class', 'cells'); return e; })
    .attr('transform', (rr) => `translate(0,${rr.y})`);
  rowSel.select('text.lbl').attr('x', -8).attr('y', rowH / 2).attr('dy', '0.35em').attr('text-anchor', 'end').attr('font-size', 10)
    .attr('fill', (rr) => (rr.w.endTime === o.selected ? o.palette.accent : o.palette.muted)).attr('font-weight', (rr) => (rr.w.endTime === o.selected ? 700 : 400))
    .text((rr) => `@ ${rr.w.endTime} ms`);
  rowSel.select('rect.span').attr('x', (rr) => (x(rr.w.batches[0]) ?? 0)).attr('y', 3).attr('height', rowH - 6).attr('rx', rowH / 2 - 3)
    .attr('width', (rr) => rr.w.batches.length ? (x(rr.w.batches[rr.w.batches.length - 1]) ?? 0) + x.bandwidth() - (x(rr.w.batches[0]) ?? 0) : 0)
    .attr('fill', 'none').attr('stroke', (rr) => (rr.w.endTime === o.selected ? o.palette.accent : o.palette.grid)).attr('stroke-width', (rr) => (rr.w.endTime === o.selected ? 2 : 1));
  const cells = rowSel.select('g.cells').selectAll<SVGGElement, Cell>('g.c')
    .data((rr) => [
      ...rr.w.batches.map((b) => ({ endTime: rr.w.endTime, batch: b, kind: (rr.w.added.includes(b) ? 'added' : 'in') as Cell['kind'] })),
      ...rr.w.subtracted.map((b) => ({ endTime: rr.w.endTime, batch: b, kind: 'subtracted' as const })),
    ], (c) => `${c.batch}:${c.kind}`)
    .join((en) => { const e = en.append('g').attr('class', 'c'); e.append('circle'); e.append('text'); e.append('title'); return e; })
    .attr('transform', (c) => `translate(${(x(c.batch) ?? 0) + x.bandwidth() / 2},${rowH / 2})`);
  cells.select('circle').attr('r', r)
    .attr('fill', (c) => (c.kind === 'subtracted' ? o.palette.background : c.kind === 'added' ? o.palette.positive : o.palette.accent))
    .attr('stroke', (c) => (c.kind === 'subtracted' ? o.palette.negative : c.kind === 'added' ? o.palette.positive : o.palette.accent)).attr('stroke-width', 2);
  cells.select('text').attr('dy', '0.35em').attr('text-anchor', 'middle').attr('font-size', 11).attr('font-weight', 700)
    .attr('fill', (c) => (c.kind === 'subtracted' ? o.palette.negative : o.palette.onFill))
    .text((c) => (r < 6 ? '' : c.kind === 'added' ? '+' : c.kind === 'subtracted' ? '−' : ''));
  cells.select('title').text((c) => `window @ ${c.endTime} ms: batch ${c.batch} ms ${c.kind === 'added' ? o.addedLabel : c.kind === 'subtracted' ? o.subtractedLabel : ''}`);
}
