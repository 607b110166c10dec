import { scaleLinear, select } from 'd3';
import type { BlockView, TimelineData } from '../panels/model/batchTimeline';
import { fmtBatch, layer, sizeSvg, truncate, type ChartOptions } from './common';

export interface TimelineOptions extends ChartOptions {
  /** A block's label inside its bar (translated; counts with plural forms). */
  blockLabel?: (records: number, partitions: number) => string;
  label: string;
  selected?: number;
  onSelect?: (batchTime: number) => void;
  streamLabel: (streamId: number) => string;
}

interface Band { batchTime: number; start: number; end: number; records: number; partitions: number; reported?: number }

/**
 * Batch timeline: time runs left to right; each batch is a band (batchTime − interval, batchTime];
 * each receiver has a lane where every 200 ms block is a marble (area ∝ records) that belongs to
 * the batch it was allocated to, labelled with its partition index in that batch's BlockRDD.
 */
export function renderTimeline(svg: SVGSVGElement, d: TimelineData, o: TimelineOptions): void {
  sizeSvg(svg, o);
  select(svg).attr('role', 'img').attr('aria-label', o.label);
  const m = { top: 34, right: 12, bottom: 22, left: 140 };
  const w = Math.max(10, o.width - m.left - m.right);
  const lanes = d.streams.length ? d.streams : [0];
  const laneH = Math.max(28, Math.min(56, (o.height - m.top - m.bottom) / lanes.length));
  const dur = d.batchDurationMs ?? 1000;
  const bands: Band[] = d.batches.map((b) => ({
    batchTime: b.batchTime, start: b.batchTime - dur, end: b.batchTime, records: b.records,
    partitions: b.partitions.reduce((n, p) => n + p.blocks.length, 0), reported: b.reportedRecords,
  }));
  const lastPending = d.pending.length ? Math.max(...d.pending.map((b) => b.time)) : undefined;
  const t0 = bands.length ? bands[0].start : d.pending[0]?.time ?? 0;
  const t1 = Math.max(bands.length ? bands[bands.length - 1].end : t0 + dur, lastPending ?? 0);
  const x = scaleLinear().domain([t0, t1 === t0 ? t0 + dur : t1]).range([0, w]);
  const g = layer(svg, 'plot').attr('transform', `translate(${m.left},${m.top})`);
  const h = laneH * lanes.length;

  // Batch bands (clickable: time travel to that batch).
  const band = layer(g.node()!, 'bands').selectAll<SVGGElement, Band>('g.band').data(bands, (b) => b.batchTime)
    .join((en) => { const e = en.append('g').attr('class', 'band'); e.append('rect'); e.append('text').attr('class', 't'); e.append('text').attr('class', 'n'); e.append('title'); return e; })
    .style('cursor', 'pointer')
    .on('click', (_, b) => o.onSelect?.(b.batchTime));
  band.select('rect').attr('x', (b) => x(b.start) + 1).attr('y', -30).attr('width', (b) => Math.max(1, x(b.end) - x(b.start) - 2)).attr('height', h + 30)
    .attr('rx', 4).attr('fill', (b, i) => (b.batchTime === o.selected ? o.palette.surface : i % 2 ? o.palette.background : o.palette.surface))
    .attr('stroke', (b) => (b.batchTime === o.selected ? o.palette.accent : o.palette.grid)).attr('stroke-width', (b) => (b.batchTime === o.selected ? 2 : 1));
  band.select('text.t').attr('x', (b) => x(b.end) - 6).attr('y', -18).attr('text-anchor', 'end').attr('font-size', 11).attr('font-weight', 600)
    .attr('fill', o.palette.text).text((b) => fmtBatch(b.batchTime));
  band.select('text.n').attr('x', (b) => x(b.end) - 6).attr('y', -5).attr('text-anchor', 'end').attr('font-size', 10)
    .attr('fill', o.palette.muted).text((b) => (x(b.end) - x(b.start) > 80 ? (o.blockLabel?.(b.records || b.reported || 0, b.partitions) ?? `${b.records || b.reported || 0} rec · ${b.partitions} part.`) : ''));
  band.select('title').text((b) => `${fmtBatch(b.batchTime)}: ${b.records || b.reported || 0} records in ${b.partitions} blocks`);

  // Lanes.
  const lane = layer(g.node()!, 'lanes').selectAll<SVGGElement, number>('g.lane').data(lanes, (s) => s)
    .join((en) => { const e = en.append('g').attr('class', 'lane'); e.append('line'); e.append('text'); return e; })
    .attr('transform', (_, i) => `translate(0,${i * laneH + laneH / 2})`);
  lane.select('line').attr('x1', 0).attr('x2', w).attr('stroke', o.palette.grid).attr('stroke-dasharray', '2 3');
  lane.select('text').attr('x', -8).attr('dy', '0.35em').attr('text-anchor', 'end').attr('font-size', 11).attr('fill', o.palette.text).text((s) => truncate(o.streamLabel(s), 20));

  // Blocks as marbles.
  const laneOf = new Map(lanes.map((s, i) => [s, i]));
  const blocks: (BlockView & { part: number })[] = [];
  for (const b of d.batches) for (const p of b.partitions) p.blocks.forEach((bl) => blocks.push({ ...bl, part: blocks.filter((x) => x.batchTime === b.batchTime).length }));
  for (const bl of d.pending) blocks.push({ ...bl, part: -1 });
  const maxRec = Math.max(1, ...blocks.map((b) => b.records));
  const rMax = Math.min(14, laneH / 2 - 3, Math.max(5, (x(t0 + d.blockIntervalMs) - x(t0)) / 2 - 3));
  const radius = (r: number) => Math.max(3, rMax * Math.sqrt(r / maxRec));
  const mk = layer(g.node()!, 'blocks').selectAll<SVGGElement, (typeof blocks)[number]>('g.block').data(blocks, (b) => b.blockId)
    .join((en) => { const e = en.append('g').attr('class', 'block'); e.append('circle'); e.append('text'); e.append('title'); return e; })
    .attr('transform', (b) => `translate(${x(b.time - d.blockIntervalMs / 2)},${(laneOf.get(b.streamId) ?? 0) * laneH + laneH / 2})`)
    .classed('lost', (b) => b.lost).classed('pending', (b) => b.part < 0);
  mk.select('circle').attr('r', (b) => radius(b.records))
    .attr('fill', (b) => (b.lost ? o.palette.background : b.part < 0 ? o.palette.background : o.palette.receiver))
    .attr('stroke', (b) => (b.lost ? o.palette.negative : o.palette.receiver)).attr('stroke-width', (b) => (b.lost ? 2.5 : 1.5))
    .attr('stroke-dasharray', (b) => (b.part < 0 ? '2 2' : null));
  mk.select('text').attr('dy', '0.35em').attr('text-anchor', 'middle').attr('font-size', 9)
    .attr('fill', (b) => (b.lost || b.part < 0 ? o.palette.text : o.palette.onFill))
    .text((b) => (b.lost ? '×' : b.part >= 0 && radius(b.records) >= 6 ? String(b.part) : ''));
  mk.select('title').text((b) => `${b.blockId}: ${b.records} records at ${b.time} ms on executor ${b.executorId}`
    + `${b.replicatedTo ? `, replicated to ${b.replicatedTo}` : ''}${b.wal ? ', in the WAL' : ''}${b.lost ? ' — LOST' : ''}`
    + `${b.part >= 0 ? ` → partition ${b.part} of batch ${b.batchTime} ms` : ' (not yet in a batch)'}`);

  // Time axis every block interval (labels only where they fit).
  const ticks = x.ticks(Math.max(2, Math.floor(w / 70)));
  layer(g.node()!, 'axis').attr('transform', `translate(0,${h + 14})`).selectAll('text').data(ticks).join('text')
    .attr('x', (t) => x(t)).attr('text-anchor', 'middle').attr('font-size', 10).attr('fill', o.palette.muted).text((t) => `${t}`);
}
