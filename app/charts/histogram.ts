import { max, scaleLinear, select } from 'd3';
import type { HistogramBin } from '../panels/model/streamingStats';
import { fmtNum, layer, sizeSvg, type ChartOptions } from './common';

export interface HistogramOptions extends ChartOptions { color: string; format?: (v: number) => string; label: string }

/** A horizontal histogram (as in the Spark UI's Streaming tab: value on y, count on x). */
export function renderHistogram(svg: SVGSVGElement, bins: HistogramBin[], o: HistogramOptions): void {
  sizeSvg(svg, o);
  select(svg).attr('role', 'img').attr('aria-label', o.label);
  const m = { top: 2, right: 24, bottom: 2, left: 52 };
  const w = Math.max(10, o.width - m.left - m.right);
  const h = Math.max(10, o.height - m.top - m.bottom);
  const g = layer(svg, 'plot').attr('transform', `translate(${m.left},${m.top})`);
  const x = scaleLinear().domain([0, max(bins, (b) => b.count) ?? 1]).range([0, w]);
  const band = bins.length ? h / bins.length : h;
  const fmt = o.format ?? fmtNum;
  const rows = g.selectAll<SVGGElement, HistogramBin>('g.bin').data(bins).join((en) => {
    const r = en.append('g').attr('class', 'bin');
    r.append('rect'); r.append('text').attr('class', 'v'); r.append('text').attr('class', 'c');
    return r;
  }).attr('transform', (_, i) => `translate(0,${h - (i + 1) * band})`);
  rows.select('rect').attr('x', 0).attr('y', 1).attr('height', Math.max(1, band - 2)).attr('width', (b) => x(b.count)).attr('fill', o.color);
  rows.select('text.v').attr('x', -4).attr('y', band / 2).attr('dy', '0.35em').attr('text-anchor', 'end')
    .attr('fill', o.palette.muted).attr('font-size', 9).text((b) => (band >= 9 ? fmt(b.x0) : ''));
  rows.select('text.c').attr('x', (b) => x(b.count) + 3).attr('y', band / 2).attr('dy', '0.35em')
    .attr('fill', o.palette.text).attr('font-size', 10).text((b) => (b.count && band >= 9 ? String(b.count) : ''));
  layer(svg, 'empty').selectAll('text').data(bins.length ? [] : [0]).join('text')
    .attr('x', o.width / 2).attr('y', o.height / 2).attr('text-anchor', 'middle').attr('fill', o.palette.muted).attr('font-size', 11).text('–');
}
