import { extent, line, max, scaleLinear, select } from 'd3';
import { fmtNum, layer, sizeSvg, type ChartOptions } from './common';

export interface SparkPoint { batchTime: number; value: number }

export interface SparklineOptions extends ChartOptions {
  color: string;
  label: string;
  /** Draw a value axis and batch dots (the Streaming tab's timelines); plain sparkline otherwise. */
  axes?: boolean;
  selected?: number;
  format?: (v: number) => string;
  onSelect?: (batchTime: number) => void;
  /** Accessible name of a clickable point ("Open batch 2000 ms"). */
  pointLabel?: (batchTime: number) => string;
  /** Format of the time axis (batch times); default "<s> s". */
  formatTime?: (batchTime: number) => string;
}

/** Batch times on the simulated clock, as the toolbar shows them: 2000 → "2 s". */
const fmtTime = (t: number) => (t % 1000 === 0 ? `${t / 1000} s` : `${(t / 1000).toFixed(1)} s`);

/** A line over batch times; with `axes`, a small timeline with clickable batch dots. */
export function renderSparkline(svg: SVGSVGElement, points: SparkPoint[], o: SparklineOptions): void {
  sizeSvg(svg, o);
  // With clickable points the chart is a group of buttons (an img hides its children from assistive technology).
  select(svg).attr('role', o.axes && o.onSelect ? 'group' : 'img').attr('aria-label', o.label);
  const m = o.axes ? { top: 8, right: 10, bottom: 18, left: 44 } : { top: 2, right: 2, bottom: 2, left: 2 };
  const w = Math.max(10, o.width - m.left - m.right);
  const h = Math.max(6, o.height - m.top - m.bottom);
  const g = layer(svg, 'plot').attr('transform', `translate(${m.left},${m.top})`);
  const [t0, t1] = extent(points, (p) => p.batchTime) as [number | undefined, number | undefined];
  const x = scaleLinear().domain(t0 === undefined ? [0, 1] : t0 === t1 ? [t0 - 1, t0! + 1] : [t0, t1!]).range([0, w]);
  // nice(3) with ticks(3): the top tick is the top of the domain, so no value is drawn above the highest label.
  const y = scaleLinear().domain([0, (max(points, (p) => p.value) ?? 0) || 1]).nice(3).range([h, 0]);
  const fmt = o.format ?? fmtNum;
  // Ticks whose labels would repeat (0.5 ms and 1 ms both "1 ms") are dropped.
  const seen = new Set<string>();
  const ticks = o.axes ? y.ticks(3).filter((t) => { const l = fmt(t); if (seen.has(l)) return false; seen.add(l); return true; }) : [];
  layer(g.node()!, 'axis').selectAll('text').data(ticks).join('text')
    .attr('x', -6).attr('y', (d) => y(d)).attr('dy', '0.35em').attr('text-anchor', 'end').attr('font-size', 10)
    .attr('fill', o.palette.muted).text((d) => fmt(d));
  layer(g.node()!, 'grid').selectAll('line').data(ticks).join('line')
    .attr('x1', 0).attr('x2', w).attr('y1', (d) => y(d)).attr('y2', (d) => y(d)).attr('stroke', o.palette.grid).attr('stroke-width', 1);
  // The time axis: batch times on the engine's clock.
  const ft = o.formatTime ?? fmtTime;
  const tSeen = new Set<string>();
  const xTicks = o.axes && t0 !== undefined ? (t0 === t1 ? [t0] : x.ticks(Math.max(2, Math.min(6, Math.floor(w / 70))))).filter((t) => { const l = ft(t); if (tSeen.has(l)) return false; tSeen.add(l); return true; }) : [];
  layer(g.node()!, 'xaxis').attr('transform', `translate(0,${h})`).selectAll('text').data(xTicks).join('text')
    .attr('x', (d) => x(d)).attr('y', 13).attr('text-anchor', 'middle').attr('font-size', 10).attr('fill', o.palette.muted).text((d) => ft(d));
  layer(g.node()!, 'xaxis').selectAll('line').data(o.axes ? [0] : []).join('line')
    .attr('x1', 0).attr('x2', w).attr('y1', 0).attr('y2', 0).attr('stroke', o.palette.grid).attr('stroke-width', 1);
  layer(g.node()!, 'line').selectAll('path').data([points]).join('path')
    .attr('d', line<SparkPoint>().x((p) => x(p.batchTime)).y((p) => y(p.value))(points) ?? '')
    .attr('fill', 'none').attr('stroke', o.color).attr('stroke-width', 1.75);
  const dots = layer(g.node()!, 'dots').selectAll<SVGCircleElement, SparkPoint>('circle').data(o.axes ? points : points.slice(-1), (p) => p.batchTime)
    .join((en) => { const c = en.append('circle'); c.append('title'); return c; })
    .attr('cx', (p) => x(p.batchTime)).attr('cy', (p) => y(p.value))
    .attr('r', (p) => (p.batchTime === o.selected ? 5 : o.axes ? 3 : 2.2))
    .attr('fill', (p) => (p.batchTime === o.selected ? o.palette.text : o.color))
    .style('cursor', o.onSelect ? 'pointer' : 'default')
    .on('click', (_, p) => o.onSelect?.(p.batchTime));
  dots.select('title').text((p) => `${p.batchTime} ms: ${fmt(p.value)}`);
  // Spark's timelines open a batch on click: a larger, keyboard-reachable target over each point.
  const hits = layer(g.node()!, 'hits').selectAll<SVGCircleElement, SparkPoint>('circle').data(o.axes && o.onSelect ? points : [], (p) => p.batchTime)
    .join('circle')
    .attr('class', 'dsp-point').attr('data-batch', (p) => p.batchTime)
    .attr('cx', (p) => x(p.batchTime)).attr('cy', (p) => y(p.value)).attr('r', 8).attr('fill', 'transparent')
    .attr('role', 'button').attr('tabindex', 0).attr('aria-label', (p) => o.pointLabel?.(p.batchTime) ?? `${p.batchTime} ms`)
    .style('cursor', 'pointer')
    .on('click', (_, p) => o.onSelect?.(p.batchTime))
    .on('keydown', (ev: KeyboardEvent, p) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); o.onSelect?.(p.batchTime); } });
  hits.selectAll('title').data((p) => [p]).join('title').text((p) => `${p.batchTime} ms: ${fmt(p.value)}`);
}
