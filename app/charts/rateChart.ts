import { curveStepAfter, extent, line, max, scaleLinear, select } from 'd3';
import type { BackpressureSeries, RatePoint } from '../panels/model/backpressure';
import { fmtNum, layer, sizeSvg, type ChartOptions } from './common';

/** `boundLabel` undefined: back-pressure is off, so there is no PID bound to draw or name in the legend. */
export interface RateChartOptions extends ChartOptions { label: string; boundLabel?: string; actualLabel: string }

/** The PID estimator's rate bound (a step line) against the actual input rate per batch (a line with dots). */
export function renderRateChart(svg: SVGSVGElement, series: BackpressureSeries[], o: RateChartOptions): void {
  sizeSvg(svg, o);
  select(svg).attr('role', 'img').attr('aria-label', o.label);
  const m = { top: 24, right: 12, bottom: 24, left: 52 };
  const w = Math.max(10, o.width - m.left - m.right);
  const h = Math.max(10, o.height - m.top - m.bottom);
  const showBound = o.boundLabel !== undefined;
  const all = series.flatMap((s) => (showBound ? [...s.bound, ...s.actual] : s.actual));
  const [t0, t1] = extent(all, (p) => p.time) as [number | undefined, number | undefined];
  const x = scaleLinear().domain(t0 === undefined ? [0, 1] : t0 === t1 ? [t0 - 500, t0! + 500] : [t0, t1!]).range([0, w]);
  const y = scaleLinear().domain([0, (max(all, (p) => p.rate) ?? 0) * 1.1 || 1]).nice().range([h, 0]);
  const g = layer(svg, 'plot').attr('transform', `translate(${m.left},${m.top})`);
  layer(g.node()!, 'grid').selectAll('line').data(y.ticks(4)).join('line')
    .attr('x1', 0).attr('x2', w).attr('y1', (d) => y(d)).attr('y2', (d) => y(d)).attr('stroke', o.palette.grid);
  layer(g.node()!, 'yaxis').selectAll('text').data(y.ticks(4)).join('text')
    .attr('x', -6).attr('y', (d) => y(d)).attr('dy', '0.35em').attr('text-anchor', 'end').attr('font-size', 10).attr('fill', o.palette.muted).text(fmtNum);
  layer(g.node()!, 'xaxis').selectAll('text').data(x.ticks(Math.max(2, Math.floor(w / 90)))).join('text')
    .attr('x', (d) => x(d)).attr('y', h + 16).attr('text-anchor', 'middle').attr('font-size', 10).attr('fill', o.palette.muted).text((d) => `${d} ms`);
  const lines = layer(g.node()!, 'series').selectAll<SVGGElement, BackpressureSeries>('g.s').data(series, (s) => s.streamId)
    .join((en) => { const s = en.append('g').attr('class', 's'); s.append('path').attr('class', 'bound'); s.append('path').attr('class', 'actual'); s.append('g').attr('class', 'dots'); return s; });
  const mk = (curve: boolean) => { const l = line<RatePoint>().x((p) => x(p.time)).y((p) => y(p.rate)); return curve ? l.curve(curveStepAfter) : l; };
  lines.select('path.bound').attr('d', (s) => (showBound ? mk(true)(s.bound) ?? '' : '')).attr('fill', 'none').attr('stroke', o.palette.accent).attr('stroke-width', 2).attr('stroke-dasharray', '6 3');
  lines.select('path.actual').attr('d', (s) => mk(false)(s.actual) ?? '').attr('fill', 'none').attr('stroke', o.palette.positive).attr('stroke-width', 2);
  lines.select('g.dots').selectAll('circle').data((s) => s.actual).join('circle')
    .attr('cx', (p) => x(p.time)).attr('cy', (p) => y(p.rate)).attr('r', 3).attr('fill', o.palette.positive);
  const legend = layer(svg, 'legend').attr('transform', `translate(${m.left},12)`);
  const items = [...(o.boundLabel !== undefined ? [{ label: o.boundLabel, color: o.palette.accent, dash: '6 3' }] : []), { label: o.actualLabel, color: o.palette.positive, dash: '' }];
  const it = legend.selectAll<SVGGElement, (typeof items)[number]>('g').data(items).join((en) => { const e = en.append('g'); e.append('line'); e.append('text'); return e; })
    .attr('transform', (_, i) => `translate(${i * 200},0)`);
  it.select('line').attr('x1', 0).attr('x2', 22).attr('y1', 0).attr('y2', 0).attr('stroke', (d) => d.color).attr('stroke-width', 2).attr('stroke-dasharray', (d) => d.dash || null);
  it.select('text').attr('x', 28).attr('dy', '0.35em').attr('font-size', 11).attr('fill', o.palette.text).text((d) => d.label);
}
