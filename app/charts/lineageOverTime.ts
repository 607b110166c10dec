import { select } from 'd3';
import type { LotCellView, LotData, LotEdgeView } from '../panels/model/lineageOverTime';
import { fmtNum, layer, sizeSvg, truncate, type ChartOptions } from './common';

export interface LineageOverTimeOptions extends ChartOptions {
  label: string;
  cellTitle: (c: LotCellView) => string;
  rowLabel: (r: LotData['rows'][number]) => string;
  /** Rows to draw, first and last (inclusive): the ones scrolled into view. Default: every row. */
  rowRange?: [number, number];
}

export const LOT_LABEL_W = 150;
export const LOT_HEAD_H = 22;
export const LOT_ROW_H = 44;
const HEAD_H = LOT_HEAD_H;
const ROW_H = LOT_ROW_H;
const CELL_H = 26;

export interface LotLayout { width: number; colW: number; height: number; x: (col: number) => number; y: (row: number) => number; cellW: number }

export function layoutLineageOverTime(d: LotData, width: number): LotLayout {
  const n = Math.max(1, d.columns.length);
  const colW = Math.max(64, Math.min(180, (width - LOT_LABEL_W - 8) / n));
  const cellW = Math.min(96, colW - 26);
  return {
    colW, cellW, height: HEAD_H + d.rows.length * ROW_H + 6, width: LOT_LABEL_W + n * colW + 8,
    x: (col) => LOT_LABEL_W + col * colW + (colW - cellW) / 2,
    y: (row) => HEAD_H + row * ROW_H + (ROW_H - CELL_H) / 2,
  };
}

/**
 * The DStream graph over time: one row per DStream, one column per batch, each cell that DStream's
 * RDD for that batch (record count; a "C" badge when cached, a diamond when checkpointed). Same-batch
 * edges run down a column, edges from earlier batches (window, state, incremental reduce) run across.
 * Lost cells are red and pulse; after a fault the recomputation path of the shown batch is drawn in
 * the recomputed colour with moving dashes, and its cells turn from red to recomputed one step after
 * another (static when reduced motion is asked for).
 */
export function renderLineageOverTime(svg: SVGSVGElement, d: LotData, o: LineageOverTimeOptions): void {
  const L = layoutLineageOverTime(d, o.width);
  sizeSvg(svg, { ...o, height: Math.max(o.height, L.height) });
  const root = select(svg).attr('role', 'img').attr('aria-label', o.label);
  const p = o.palette;
  let defs = root.select<SVGDefsElement>('defs');
  if (defs.empty()) {
    defs = root.append('defs');
    for (const id of ['dsp-lot-arrow', 'dsp-lot-arrow-path']) {
      defs.append('marker').attr('id', id).attr('viewBox', '0 0 10 10').attr('refX', 9).attr('refY', 5)
        .attr('markerUnits', 'userSpaceOnUse').attr('markerWidth', 7).attr('markerHeight', 7).attr('orient', 'auto-start-reverse').append('path').attr('d', 'M0,0L10,5L0,10z');
    }
  }
  defs.select('#dsp-lot-arrow path').attr('fill', p.muted);
  defs.select('#dsp-lot-arrow-path path').attr('fill', p.states.recomputed);
  const sel = d.selected !== undefined ? d.columns.indexOf(d.selected) : -1;
  // Selected column band and batch headers.
  layer(svg, 'band').selectAll('rect').data(sel >= 0 ? [sel] : []).join('rect')
    .attr('x', (c) => LOT_LABEL_W + c * L.colW + 2).attr('y', 0).attr('width', L.colW - 4).attr('height', L.height - 2).attr('rx', 6)
    .attr('fill', p.surface).attr('stroke', p.accent).attr('stroke-width', 1);
  layer(svg, 'heads').selectAll('text').data(d.columns).join('text')
    .attr('x', (_, i) => LOT_LABEL_W + i * L.colW + L.colW / 2).attr('y', 15).attr('text-anchor', 'middle')
    .attr('font-size', 11).attr('font-weight', (_, i) => (i === sel ? 700 : 400)).attr('fill', (_, i) => (i === sel ? p.text : p.muted))
    .text((t) => `${t} ms`);
  // Only the rows in view are drawn (the SVG keeps the height of every row, so the scroll bar is right).
  const [firstRow, lastRow] = o.rowRange ?? [0, d.rows.length - 1];
  const shown = (row: number) => row >= firstRow && row <= lastRow;
  type RowAt = { r: LotData['rows'][number]; i: number };
  layer(svg, 'rows').selectAll<SVGTextElement, RowAt>('text').data(d.rows.map((r, i): RowAt => ({ r, i })).filter((x) => shown(x.i)), (x) => x.r.key).join('text')
    .attr('x', 6).attr('y', (x) => L.y(x.i) + CELL_H / 2 + 4).attr('font-size', 11).attr('fill', p.text)
    .text((x) => truncate(o.rowLabel(x.r), 24));
  const byId = new Map(d.cells.map((c) => [c.id, c]));
  const cx = (c: LotCellView) => L.x(c.col), cy = (c: LotCellView) => L.y(c.row);
  const edgePath = (e: LotEdgeView) => {
    const a = byId.get(e.from)!, b = byId.get(e.to)!;
    if (a.col === b.col) {
      const x = cx(a) + L.cellW / 2, y0 = cy(a) + CELL_H, y1 = cy(b) - 1;
      if (b.row === a.row + 1) return `M${x},${y0}L${x},${y1}`;
      const bend = x - L.cellW / 2 - 8;
      return `M${cx(a)},${cy(a) + CELL_H / 2}C${bend},${cy(a) + CELL_H / 2} ${bend},${cy(b) + CELL_H / 2} ${cx(b) - 1},${cy(b) + CELL_H / 2}`;
    }
    const x0 = cx(a) + L.cellW, y0 = cy(a) + CELL_H / 2 + (a.row === b.row ? 0 : 4);
    const x1 = cx(b) - 1, y1 = cy(b) + CELL_H / 2 - (a.row === b.row ? 0 : 4);
    const k = Math.min(40, (x1 - x0) / 2);
    return `M${x0},${y0}C${x0 + k},${y0} ${x1 - k},${y1} ${x1},${y1}`;
  };
  const edges = d.edges.filter((e) => shown(byId.get(e.from)!.row) || shown(byId.get(e.to)!.row)).sort((a, b) => Number(a.onPath) - Number(b.onPath));
  layer(svg, 'edges').selectAll<SVGPathElement, LotEdgeView>('path').data(edges, (e) => `${e.from}>${e.to}`).join('path')
    .attr('d', edgePath).attr('fill', 'none')
    .attr('stroke', (e) => (e.onPath ? p.states.recomputed : p.muted))
    .attr('stroke-width', (e) => (e.onPath ? 2.5 : 1.2))
    .attr('stroke-opacity', (e) => (e.onPath ? 1 : e.back ? 0.55 : 0.8))
    .attr('stroke-dasharray', (e) => (e.onPath ? '6 3' : e.back ? '3 3' : null))
    .attr('marker-end', (e) => (e.onPath ? 'url(#dsp-lot-arrow-path)' : 'url(#dsp-lot-arrow)'))
    .attr('class', (e) => `lot-edge ${e.kind}${e.back ? ' back' : ''}${e.onPath ? ' recompute-path' : ''}`);
  const fillOf = (c: LotCellView) => (c.status === 'lost' ? p.states.lost : c.status === 'recomputed' ? p.states.recomputed : c.col === sel ? p.background : p.surface);
  const g = layer(svg, 'cells').selectAll<SVGGElement, LotCellView>('g.lot-cell').data(d.cells.filter((c) => shown(c.row)), (c) => c.id)
    .join((en) => {
      const e = en.append('g').attr('class', 'lot-cell');
      e.append('title'); e.append('rect').attr('class', 'box'); e.append('text').attr('class', 'count');
      e.append('g').attr('class', 'marks');
      return e;
    })
    .attr('transform', (c) => `translate(${cx(c)},${cy(c)})`)
    .attr('data-cell', (c) => c.id).attr('data-status', (c) => c.status).attr('data-on-path', (c) => (c.onPath ? 'true' : null));
  g.select('title').text(o.cellTitle);
  g.select('rect.box').attr('width', L.cellW).attr('height', CELL_H).attr('rx', 4)
    .attr('fill', fillOf)
    .attr('stroke', (c) => (c.onPath ? p.states.recomputed : c.status === 'lost' ? p.states.lost : c.col === sel ? p.text : p.grid))
    .attr('stroke-width', (c) => (c.onPath ? 2.5 : c.col === sel ? 1.5 : 1))
    .attr('class', (c) => `box dsp-cell ${c.status === 'normal' ? '' : c.status}`);
  g.select('text.count').attr('x', L.cellW / 2).attr('y', CELL_H / 2 + 4).attr('text-anchor', 'middle').attr('font-size', 11)
    .attr('font-family', 'ui-monospace, monospace').attr('font-weight', (c) => (c.col === sel ? 700 : 400))
    .attr('fill', (c) => (c.status === 'normal' ? p.text : p.onFill))
    .text((c) => (c.count === undefined ? '·' : fmtNum(c.count)));
  const marks = g.select('g.marks');
  marks.selectAll('g.cached').data((c) => (c.cachedPartitions ? [c] : [])).join((en) => {
    const m = en.append('g').attr('class', 'cached');
    m.append('circle').attr('r', 6.5); m.append('text').attr('text-anchor', 'middle').attr('font-size', 8).attr('font-weight', 700).attr('y', 3).text('C');
    return m;
  }).attr('transform', `translate(${L.cellW - 1},1)`).call((m) => {
    m.select('circle').attr('fill', p.accent).attr('stroke', p.background).attr('stroke-width', 1.5);
    m.select('text').attr('fill', p.onFill);
  });
  marks.selectAll('path.ckpt').data((c) => (c.checkpointed ? [c] : [])).join('path').attr('class', 'ckpt')
    .attr('d', 'M1,-6L7,0L1,6L-5,0Z').attr('fill', p.positive).attr('stroke', p.background).attr('stroke-width', 1.5);
  // One pass of the recomputation, cell after cell (lost → recomputed), when the path changes.
  const pathCells = d.cells.filter((c) => c.onPath && c.status === 'recomputed').sort((a, b) => a.col - b.col || a.row - b.row);
  const key = pathCells.map((c) => c.id).join(',');
  if (!o.reducedMotion && key && svg.dataset.lotAnim !== key) {
    const order = new Map(pathCells.map((c, i) => [c.id, i]));
    g.filter((c) => order.has(c.id)).select('rect.box').interrupt().attr('fill', p.states.lost)
      .transition().delay((c) => 250 + order.get(c.id)! * 180).duration(350).attr('fill', fillOf);
  }
  svg.dataset.lotAnim = key;
}
