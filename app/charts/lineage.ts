import { select } from 'd3';
import type { LineageData, LineageStage, PartitionCell } from '../panels/model/execution';
import { layer, sizeSvg, truncate, type ChartOptions } from './common';
import { stageColor } from './palette';

export interface LineageOptions extends ChartOptions { label: string; stageLabel: (s: LineageStage) => string }

export interface StageBox { stage: LineageStage; jobId: number; x: number; y: number; w: number; h: number; cell: number; cols: number; chainY: number; cellsY: number }
export interface LineageLayout { boxes: StageBox[]; edges: { from: StageBox; to: StageBox }[]; jobs: { jobId: number; y: number; title: string }[]; height: number }

const BOX_W = 290;
const GAP_X = 56;
const LINE_H = 14;

/** Pure layout: per job a row, stages in columns by depth (parents left), partitions as a grid of cells. */
export function layoutLineage(d: LineageData, width: number): LineageLayout {
  const boxes: StageBox[] = [];
  const edges: LineageLayout['edges'] = [];
  const jobs: LineageLayout['jobs'] = [];
  let y = 4;
  for (const job of d.jobs) {
    jobs.push({ jobId: job.jobId, y, title: job.description });
    y += 20;
    const byDepth = new Map<number, LineageStage[]>();
    for (const s of job.stages) byDepth.set(s.depth, [...(byDepth.get(s.depth) ?? []), s]);
    const depths = [...byDepth.keys()].sort((a, b) => a - b);
    const colW = Math.max(160, Math.min(BOX_W, (width - 16 - GAP_X * Math.max(0, depths.length - 1)) / Math.max(1, depths.length)));
    let jobH = 0;
    const mine: StageBox[] = [];
    depths.forEach((dep, ci) => {
      let cy = y;
      for (const s of byDepth.get(dep)!) {
        const cols = Math.max(1, Math.floor((colW - 16) / 18));
        const n = s.partitions.length;
        const cell = n > 200 ? 8 : 16;
        const c = cell === 8 ? Math.max(1, Math.floor((colW - 16) / 10)) : cols;
        const rows = Math.ceil(n / c) || 1;
        const chain = s.status === 'skipped' ? 0 : Math.min(6, s.rddChain.length);
        const chainY = 36;
        const cellsY = chainY + chain * LINE_H + 6;
        const h = cellsY + rows * (cell + 2) + 10;
        const b: StageBox = { stage: s, jobId: job.jobId, x: 8 + ci * (colW + GAP_X), y: cy, w: colW, h, cell, cols: c, chainY, cellsY };
        mine.push(b);
        cy += h + 14;
      }
      jobH = Math.max(jobH, cy - y);
    });
    for (const b of mine) for (const p of b.stage.parentStageIds) {
      const from = mine.find((x) => x.stage.stageId === p);
      if (from) edges.push({ from, to: b });
    }
    boxes.push(...mine);
    y += jobH + 12;
  }
  return { boxes, edges, jobs, height: y };
}

/**
 * The lineage of one batch: jobs → stages (split at shuffles) with their RDD chains and their
 * partitions as cells (pending / running / done / skipped / failed / lost / recomputed). Skipped stages
 * (an earlier batch's output reused) are drawn dashed. Resubmitted stages
 * are outlined as recomputations; lost and recomputed cells pulse unless reduced motion is on.
 */
export function renderLineage(svg: SVGSVGElement, d: LineageData, o: LineageOptions): void {
  const L = layoutLineage(d, o.width);
  sizeSvg(svg, { ...o, height: Math.max(o.height, L.height) });
  select(svg).attr('role', 'img').attr('aria-label', o.label);
  const p = o.palette;
  let defs = select(svg).select<SVGDefsElement>('defs');
  if (defs.empty()) {
    defs = select(svg).append('defs');
    defs.append('marker').attr('id', 'dsp-arrow').attr('viewBox', '0 0 10 10').attr('refX', 9).attr('refY', 5)
      .attr('markerWidth', 7).attr('markerHeight', 7).attr('orient', 'auto-start-reverse').append('path').attr('d', 'M0,0L10,5L0,10z');
  }
  defs.select('marker path').attr('fill', p.muted);
  layer(svg, 'jobs').selectAll('text').data(L.jobs, (j) => (j as LineageLayout['jobs'][number]).jobId).join('text')
    .attr('x', 8).attr('y', (j) => j.y + 12).attr('font-size', 12).attr('font-weight', 600).attr('fill', p.text)
    .attr('lang', 'en').text((j) => `Job ${j.jobId}: ${truncate(j.title, 90)}`);   // Spark's job description, in Spark's words
  layer(svg, 'edges').selectAll('path').data(L.edges).join('path')
    .attr('d', (e) => {
      const x0 = e.from.x + e.from.w, y0 = e.from.y + 18, x1 = e.to.x - 2, y1 = e.to.y + 18;
      return `M${x0},${y0}C${x0 + 28},${y0} ${x1 - 28},${y1} ${x1},${y1}`;
    })
    .attr('fill', 'none').attr('stroke', (e) => (e.to.stage.recomputing ? p.states.recomputed : p.muted)).attr('stroke-width', (e) => (e.to.stage.recomputing ? 2.5 : 1.5))
    .attr('marker-end', 'url(#dsp-arrow)').classed('recompute-path', (e) => e.to.stage.recomputing || e.from.stage.recomputing);
  const box = layer(svg, 'stages').selectAll<SVGGElement, StageBox>('g.stage').data(L.boxes, (b) => b.stage.stageId)
    .join((en) => {
      const e = en.append('g').attr('class', 'stage');
      e.append('rect').attr('class', 'frame'); e.append('rect').attr('class', 'band');
      e.append('text').attr('class', 'title'); e.append('text').attr('class', 'sub');
      e.append('g').attr('class', 'chain'); e.append('g').attr('class', 'cells');
      return e;
    })
    .attr('transform', (b) => `translate(${b.x},${b.y})`)
    .classed('recomputing', (b) => b.stage.recomputing);
  box.select('rect.frame').attr('width', (b) => b.w).attr('height', (b) => b.h).attr('rx', 6).attr('fill', p.surface)
    .attr('stroke', (b) => (b.stage.recomputing ? p.states.recomputed : b.stage.lostCount ? p.states.lost : p.grid))
    .attr('stroke-width', (b) => (b.stage.recomputing || b.stage.lostCount ? 2.5 : 1))
    .attr('stroke-dasharray', (b) => (b.stage.recomputing ? '6 3' : b.stage.status === 'skipped' ? '2 3' : null));
  box.select('rect.band').attr('width', 6).attr('height', (b) => b.h).attr('rx', 3).attr('fill', (b) => stageColor(p, b.stage.stageId));
  box.select('text.title').attr('x', 14).attr('y', 16).attr('font-size', 12).attr('font-weight', 700).attr('fill', p.text).text((b) => truncate(o.stageLabel(b.stage), Math.floor((b.w - 20) / 7.2)));
  box.select('text.sub').attr('lang', 'en').attr('x', 14).attr('y', 30).attr('font-size', 10).attr('fill', p.muted).text((b) => truncate(b.stage.name, Math.floor(b.w / 6.2)));
  box.select('g.chain').selectAll('text').data((b) => b.stage.rddChain.slice(0, b.stage.status === 'skipped' ? 0 : 6).map((r, i) => ({ r, i, b }))).join('text')
    .attr('x', 14).attr('y', (c) => c.b.chainY + c.i * LINE_H + 10).attr('font-size', 10).attr('font-family', 'ui-monospace, monospace').attr('fill', p.text)
    .attr('lang', 'en').text((c) => truncate(`${c.i ? '→ ' : ''}${c.r}`, Math.floor(c.b.w / 6.3)));   // RDD names and call sites, as Spark prints them
  const cells = box.select('g.cells').selectAll<SVGRectElement, PartitionCell & { b: StageBox }>('rect')
    .data((b) => b.stage.partitions.map((c) => ({ ...c, b })), (c) => c.partition)
    .join((en) => { const r = en.append('rect'); r.append('title'); return r; })
    .attr('x', (c) => 14 + (c.partition % c.b.cols) * (c.b.cell + 2)).attr('y', (c) => c.b.cellsY + Math.floor(c.partition / c.b.cols) * (c.b.cell + 2))
    .attr('width', (c) => c.b.cell).attr('height', (c) => c.b.cell).attr('rx', 2)
    .attr('fill', (c) => (c.state === 'pending' || c.state === 'skipped' ? p.background : p.states[c.state]))
    .attr('stroke', (c) => p.states[c.state]).attr('stroke-width', 1.5)
    .attr('stroke-dasharray', (c) => (c.state === 'skipped' ? '2 2' : null))
    .attr('class', (c) => `dsp-cell ${c.state}`);
  cells.select('title').text((c) => `partition ${c.partition}: ${c.state}${c.executorId !== undefined ? ` (executor ${c.executorId})` : ''}${c.attempts > 1 ? `, ${c.attempts} attempts` : ''}${c.recomputedInJob !== undefined ? `, recomputed by job ${c.recomputedInJob}` : ''}`);
}
