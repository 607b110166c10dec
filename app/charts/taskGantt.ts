import { scaleLinear, select } from 'd3';
import type { GanttBar, GanttData } from '../panels/model/execution';
import { fmtBytes, fmtMs, layer, sizeSvg, type ChartOptions } from './common';
import { stageColor, type Palette } from './palette';

export interface GanttOptions extends ChartOptions { label: string; rowLabel: (row: string) => string; axisLabel?: string }

export interface GanttRect { bar: GanttBar; x: number; y: number; w: number; h: number; fill: string; stroke: string; dashed: boolean; faded: boolean; mark: string }

export interface GanttLayout { margin: { top: number; left: number; right: number; bottom: number }; rowH: number; rects: GanttRect[]; rows: { row: string; y: number }[]; ticks: { x: number; label: string }[]; height: number }

/** Above this many bars the Gantt draws on a canvas instead of SVG. */
export const GANTT_CANVAS_THRESHOLD = 1000;

export function barTooltip(b: GanttBar): string {
  const m = b.metrics;
  return [
    `task ${b.taskId} · stage ${b.stageId}.${b.stageAttemptId} · partition ${b.partition} · attempt ${b.attempt}${b.speculative ? ' (speculative)' : ''}`,
    `executor ${b.executorId}, slot ${b.slot} · ${b.status}${b.failureReason ? `: ${b.failureReason}` : ''}`,
    m ? `${fmtMs(m.durationMs)} · ${m.recordsIn} in / ${m.recordsOut} out · shuffle read ${fmtBytes(m.shuffleReadBytes)} · shuffle write ${fmtBytes(m.shuffleWriteBytes)}` : 'running',
  ].join('\n');
}

/** Pure layout of the Gantt (shared by the SVG and Canvas renderers and the canvas hit test). */
export function layoutGantt(d: GanttData, width: number, height: number, p: Palette): GanttLayout {
  const margin = { top: 8, left: 92, right: 12, bottom: 38 };
  const rowH = Math.max(14, Math.min(30, (height - margin.top - margin.bottom) / Math.max(1, d.rows.length)));
  const w = Math.max(10, width - margin.left - margin.right);
  const x = scaleLinear().domain(d.domain).range([0, w]);
  const rowY = new Map(d.rows.map((r, i) => [r, i * rowH]));
  const rects = d.bars.map((b) => {
    const fill = b.status === 'failed' || b.status === 'lost' ? p.states.lost : stageColor(p, b.stageId);
    return {
      bar: b, x: x(b.x0), y: (rowY.get(b.row) ?? 0) + 2, w: Math.max(2, x(b.x1) - x(b.x0) - 1), h: rowH - 4,
      fill, stroke: b.speculative ? p.text : fill, dashed: b.speculative || b.status === 'running', faded: b.status === 'killed',
      mark: b.status === 'failed' || b.status === 'lost' ? '✕' : b.speculative ? 'S' : b.attempt > 0 || b.stageAttemptId > 0 ? `↻${b.stageAttemptId || b.attempt}` : '',
    };
  });
  const span = d.domain[1] - d.domain[0];
  const fmt = (t: number) => (d.axis === 'time' || span >= 20 ? `${Math.round(t)}` : span >= 2 ? t.toFixed(1) : t.toFixed(2));
  const ticks = x.ticks(Math.max(2, Math.floor(w / 90))).map((t) => ({ x: x(t), label: `${fmt(t)} ms` }));
  return { margin, rowH, rects, rows: d.rows.map((row) => ({ row, y: rowY.get(row)! })), ticks, height: margin.top + d.rows.length * rowH + margin.bottom };
}

export function ganttHitTest(L: GanttLayout, px: number, py: number): GanttRect | undefined {
  const x = px - L.margin.left, y = py - L.margin.top;
  for (let i = L.rects.length - 1; i >= 0; i--) {
    const r = L.rects[i];
    if (x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h) return r;
  }
  return undefined;
}

/** Task Gantt per executor slot: stage colours, retries (↻), speculative copies (S, dashed), failures (✕). SVG or Canvas. */
export function renderTaskGantt(el: SVGSVGElement | HTMLCanvasElement, d: GanttData, o: GanttOptions): GanttLayout {
  const p = o.palette;
  const L = layoutGantt(d, o.width, o.height, p);
  const h = Math.max(o.height, L.height);
  if (el instanceof HTMLCanvasElement) { drawCanvas(el, L, d, o, h); return L; }
  sizeSvg(el, { ...o, height: h });
  select(el).attr('role', 'img').attr('aria-label', o.label);
  const g = layer(el, 'plot').attr('transform', `translate(${L.margin.left},${L.margin.top})`);
  const w = o.width - L.margin.left - L.margin.right;
  const row = layer(g.node()!, 'rows').selectAll<SVGGElement, GanttLayout['rows'][number]>('g.row').data(L.rows, (r) => r.row)
    .join((en) => { const e = en.append('g').attr('class', 'row'); e.append('rect'); e.append('text'); return e; })
    .attr('transform', (r) => `translate(0,${r.y})`);
  row.select('rect').attr('x', 0).attr('width', w).attr('height', L.rowH).attr('fill', (_, i) => (i % 2 ? p.background : p.surface));
  row.select('text').attr('x', -6).attr('y', L.rowH / 2).attr('dy', '0.35em').attr('text-anchor', 'end').attr('font-size', 10).attr('fill', p.text).text((r) => o.rowLabel(r.row));
  const bars = layer(g.node()!, 'bars').selectAll<SVGGElement, GanttRect>('g.task').data(L.rects, (r) => r.bar.taskId)
    .join((en) => { const e = en.append('g').attr('class', 'task'); e.append('rect'); e.append('text'); e.append('title'); return e; })
    .attr('transform', (r) => `translate(${r.x},${r.y})`);
  bars.select('rect').attr('width', (r) => r.w).attr('height', (r) => r.h).attr('rx', 2).attr('fill', (r) => (r.faded ? p.background : r.fill))
    .attr('stroke', (r) => r.stroke).attr('stroke-width', (r) => (r.dashed ? 2 : 1)).attr('stroke-dasharray', (r) => (r.dashed ? '4 2' : null));
  bars.select('text').attr('x', 3).attr('y', (r) => r.h / 2).attr('dy', '0.35em').attr('font-size', 10).attr('font-weight', 600)
    .attr('fill', (r) => (r.faded ? p.text : p.onFill))
    .text((r) => { const t = `${r.mark ? `${r.mark} ` : ''}${r.bar.stageId}.${r.bar.partition}`; return r.w > t.length * 6 + 4 ? t : r.w > 12 && r.mark ? r.mark : ''; });
  bars.select('title').text((r) => barTooltip(r.bar));
  layer(g.node()!, 'axis').attr('transform', `translate(0,${d.rows.length * L.rowH + 14})`).selectAll('text').data(L.ticks).join('text')
    .attr('x', (t) => t.x).attr('text-anchor', 'middle').attr('font-size', 10).attr('fill', p.muted).text((t) => t.label);
  layer(g.node()!, 'axis-label').attr('transform', `translate(0,${d.rows.length * L.rowH + 30})`).selectAll('text').data(o.axisLabel ? [o.axisLabel] : []).join('text')
    .attr('x', 0).attr('font-size', 10).attr('fill', p.muted).text((t) => t);
  return L;
}

function drawCanvas(c: HTMLCanvasElement, L: GanttLayout, d: GanttData, o: GanttOptions, h: number) {
  const p = o.palette;
  const dpr = typeof devicePixelRatio === 'number' ? devicePixelRatio : 1;
  c.width = Math.round(o.width * dpr); c.height = Math.round(h * dpr);
  c.style.width = `${o.width}px`; c.style.height = `${h}px`;
  c.setAttribute('role', 'img'); c.setAttribute('aria-label', o.label);
  const ctx = c.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = p.background; ctx.fillRect(0, 0, o.width, h);
  ctx.font = '10px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  const w = o.width - L.margin.left - L.margin.right;
  L.rows.forEach((r, i) => {
    ctx.fillStyle = i % 2 ? p.background : p.surface;
    ctx.fillRect(L.margin.left, L.margin.top + r.y, w, L.rowH);
    ctx.fillStyle = p.text; ctx.textAlign = 'right';
    ctx.fillText(o.rowLabel(r.row), L.margin.left - 6, L.margin.top + r.y + L.rowH / 2);
  });
  ctx.textAlign = 'left';
  for (const r of L.rects) {
    const x = L.margin.left + r.x, y = L.margin.top + r.y;
    ctx.fillStyle = r.faded ? p.background : r.fill;
    ctx.fillRect(x, y, r.w, r.h);
    if (r.dashed || r.faded) { ctx.setLineDash(r.dashed ? [4, 2] : []); ctx.strokeStyle = r.stroke; ctx.lineWidth = r.dashed ? 2 : 1; ctx.strokeRect(x, y, r.w, r.h); ctx.setLineDash([]); }
    if (r.mark && r.w > 12) { ctx.fillStyle = r.faded ? p.text : p.onFill; ctx.fillText(r.mark, x + 2, y + r.h / 2); }
  }
  ctx.fillStyle = p.muted; ctx.textAlign = 'center';
  for (const t of L.ticks) ctx.fillText(t.label, L.margin.left + t.x, L.margin.top + d.rows.length * L.rowH + 14);
  if (o.axisLabel) { ctx.textAlign = 'left'; ctx.fillText(o.axisLabel, L.margin.left, L.margin.top + d.rows.length * L.rowH + 30); }
}
