import { select } from 'd3';
import type { ClusterViewData, ExecutorView, ReceiverView, SlotView } from '../panels/model/cluster';
import { layer, sizeSvg, truncate, type ChartOptions } from './common';
import { stageColor } from './palette';

export interface ClusterViewOptions extends ChartOptions {
  label: string;
  /** Translated names of the 5 start-up steps (index 0 = step 1). */
  stepLabels: string[];
  /**
   * Display scale of the drawing (1 = the layout's pixels). The panel picks it so the whole diagram fits its
   * box: smaller in the dock, larger in full screen (see fitCluster); the layout is computed at width / scale.
   */
  scale?: number;
  /** Translated words with counts (plural forms): an executor's cores and memory, an implicit executor's slots, the driver's state. */
  words?: { resources(cores: number, memoryMiB: number): string; slots(n: number): string; driverState(state: ClusterViewData['driver']): string };
  text: { driver: string; clusterManager: string; worker: string; executor: string; slot: string; lost: string; replaces: string; receiver: string; idle: string; launching?: string };
}

type Exec = ClusterViewData['executors'][number];
interface ExecBox { x: number; y: number; w: number; h: number; exec: Exec }
interface WorkerBox { host: string; x: number; y: number; w: number; h: number; execs: ExecBox[] }

const SLOT = 44;

/** Pure layout: steps on top, driver and cluster manager on the left, workers (grouped by host) on the right. */
export function layoutCluster(d: ClusterViewData, width: number) {
  const stepsH = 62;   // the circles and two lines of label (wrapLabel)
  const left = { x: 8, w: Math.min(200, Math.max(150, width * 0.24)) };
  const driver = { x: left.x, y: stepsH + 8, w: left.w, h: 66 };
  const cm = { x: left.x, y: driver.y + driver.h + 18, w: left.w, h: 48 };
  const x0 = left.x + left.w + 48;
  const avail = Math.max(200, width - x0 - 8);
  const hosts = [...new Set(d.executors.map((e) => e.host))];
  const workers: WorkerBox[] = [];
  let cx = x0, cy = stepsH + 8, rowH = 0;
  for (const host of hosts) {
    const execs = d.executors.filter((e) => e.host === host);
    const ew = (e: Exec) => Math.max(200, 16 + e.slots.length * (SLOT + 6));
    const w = Math.min(avail, Math.max(...execs.map(ew)) + 16);
    if (cx + w > x0 + avail && cx > x0) { cx = x0; cy += rowH + 14; rowH = 0; }
    let ey = cy + 24;
    const boxes: ExecBox[] = execs.map((exec) => { const b = { x: cx + 8, y: ey, w: w - 16, h: 40 + SLOT + 12, exec }; ey += b.h + 8; return b; });
    const h = ey - cy;
    workers.push({ host, x: cx, y: cy, w, h, execs: boxes });
    cx += w + 14; rowH = Math.max(rowH, h);
  }
  const height = Math.max(cm.y + cm.h + 12, cy + rowH + 12);
  return { stepsH, driver, cm, workers, height };
}

/** Limits of the display scale: below 0.75 the labels are unreadable (the panel scrolls instead). */
export const CLUSTER_SCALE = { min: 0.75, max: 1.8 } as const;

/**
 * The scale and layout width at which the diagram fills a box of `width` × `height` without being cut:
 * scaled down in a short dock (then laid out wider, so it still spans the width), up in full screen.
 */
export function fitCluster(d: ClusterViewData, width: number, height: number): { scale: number; layoutWidth: number } {
  if (!(height > 0) || !(width > 0)) return { scale: 1, layoutWidth: width };
  let scale = 1;
  for (let i = 0; i < 3; i++) {
    const h = layoutCluster(d, width / scale).height;
    const next = Math.min(CLUSTER_SCALE.max, Math.max(CLUSTER_SCALE.min, height / h));
    if (Math.abs(next - scale) < 0.01) break;
    scale = next;
  }
  return { scale, layoutWidth: Math.floor(width / scale) };
}

/** Estimated width of `text` at `fontSize` px where the DOM cannot measure (CJK glyphs are square, Latin ones about 0.6 em). */
export function estimateTextWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/.test(ch) ? 1 : 0.6;
  return w * fontSize;
}

/**
 * Breaks `text` into at most `maxLines` lines no wider than `maxWidth` (measured by `measure`), at spaces or,
 * for Chinese, between any two characters; the last line ends with "…" when the text does not fit.
 */
export function wrapLabel(text: string, maxWidth: number, maxLines: number, measure: (s: string) => number): string[] {
  const tokens = text.match(/[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF][，。、：；）]?|[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]+\s*|\s+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (line && measure((line + tok).trimEnd()) > maxWidth) {
      if (lines.length === maxLines - 1) { lines.push(ellipsize(line + tokens.slice(i).join(''), maxWidth, measure)); return lines; }
      lines.push(line.trimEnd());
      line = tok.trimStart();
    } else line += tok;
  }
  if (line) lines.push(measure(line.trimEnd()) > maxWidth ? ellipsize(line, maxWidth, measure) : line.trimEnd());
  return lines;
}

function ellipsize(s: string, maxWidth: number, measure: (s: string) => number): string {
  let out = s.trimEnd();
  if (measure(out) <= maxWidth) return out;
  while (out.length > 1 && measure(`${out}…`) > maxWidth) out = out.slice(0, -1).trimEnd();
  return `${out}…`;
}

/** Each step label's wrap key (width, weight, text) as last laid out. */
const wrappedLabels = new WeakMap<SVGTextElement, string>();

/**
 * The cluster: the 5 start-up steps of the lecture, the driver (StreamingContext), the cluster
 * manager, worker nodes with executors and their task slots; running tasks light their slot in
 * their stage's colour, receivers are pinned to a slot, killed executors are greyed.
 */
export function renderClusterView(svg: SVGSVGElement, d: ClusterViewData, o: ClusterViewOptions): void {
  const L = layoutCluster(d, o.width);
  const scale = o.scale ?? 1;
  const height = Math.max(scale === 1 ? o.height : 0, L.height);
  sizeSvg(svg, { ...o, height });
  // The layout's coordinates stay in the viewBox; the element's size is the scaled one.
  select(svg).attr('width', Math.round(o.width * scale)).attr('height', Math.round(height * scale));
  select(svg).attr('role', 'img').attr('aria-label', o.label);
  const p = o.palette;

  // 1. Start-up steps.
  const sw = Math.max(60, (o.width - 16) / 5);
  const steps = layer(svg, 'steps').selectAll<SVGGElement, number>('g.step').data([1, 2, 3, 4, 5])
    .join((en) => { const e = en.append('g').attr('class', 'step'); e.append('line'); e.append('circle'); e.append('text').attr('class', 'n'); e.append('text').attr('class', 'l'); return e; })
    .attr('transform', (i) => `translate(${8 + (i - 1) * sw + sw / 2},18)`)
    .classed('done', (i) => i <= d.stepProgress).classed('current', (i) => i === d.stepProgress);
  steps.select('line').attr('x1', -sw / 2).attr('x2', 0).attr('stroke', (i) => (i <= d.stepProgress ? p.accent : p.grid)).attr('stroke-width', 2).attr('opacity', (i) => (i === 1 ? 0 : 1));
  steps.select('circle').attr('r', 11).attr('fill', (i) => (i <= d.stepProgress ? p.accent : p.background)).attr('stroke', (i) => (i <= d.stepProgress ? p.accent : p.muted)).attr('stroke-width', 2);
  steps.select('text.n').attr('dy', '0.35em').attr('text-anchor', 'middle').attr('font-size', 11).attr('font-weight', 700)
    .attr('fill', (i) => (i <= d.stepProgress ? p.onFill : p.text)).text((i) => String(i));
  // Labels wrap onto two lines inside their column (measured in the DOM, so any font fits), never past the edges.
  const labelW = sw - 8;
  steps.select('text.l').attr('y', 26).attr('text-anchor', 'middle').attr('font-size', 10)
    .attr('fill', (i) => (i <= d.stepProgress ? p.text : p.muted)).attr('font-weight', (i) => (i === d.stepProgress ? 700 : 400))
    .each(function (i) {
      const el = this as SVGTextElement;
      const label = o.stepLabels[i - 1] ?? '';
      // Measuring lays the text out (a forced layout per try): a label already wrapped at this width and weight stays.
      const key = `${labelW}|${i === d.stepProgress ? 700 : 400}|${label}`;
      if (wrappedLabels.get(el) === key) return;
      const measure = (s: string) => {
        if (typeof el.getComputedTextLength !== 'function') return estimateTextWidth(s, 10);
        el.textContent = s;
        return el.getComputedTextLength();
      };
      const lines = wrapLabel(label, labelW, 2, measure);
      el.textContent = '';
      select(el).selectAll('tspan').data(lines).join('tspan').attr('x', 0).attr('dy', (_l, k) => (k === 0 ? 0 : '1.2em')).text((l) => l);
      select(el).append('title').text(label);
      wrappedLabels.set(el, key);
    });

  // 2. Driver and cluster manager.
  const nodes = [
    { key: 'driver', ...L.driver, title: o.text.driver, lines: [`StreamingContext · ${o.words ? o.words.driverState(d.driver) : d.driver}`, d.appName ?? ''], color: d.driver === 'crashed' ? p.negative : p.accent },
    { key: 'cm', ...L.cm, title: o.text.clusterManager, lines: [d.master ?? ''], color: p.muted },
  ];
  const nb = layer(svg, 'nodes').selectAll<SVGGElement, (typeof nodes)[number]>('g.node').data(nodes, (n) => n.key)
    .join((en) => { const e = en.append('g').attr('class', 'node'); e.append('rect'); e.append('text').attr('class', 't'); e.append('g').attr('class', 'ls'); return e; })
    .attr('transform', (n) => `translate(${n.x},${n.y})`);
  nb.select('rect').attr('width', (n) => n.w).attr('height', (n) => n.h).attr('rx', 8).attr('fill', p.surface).attr('stroke', (n) => n.color).attr('stroke-width', 2)
    .attr('stroke-dasharray', (n) => (n.key === 'driver' && d.driver === 'crashed' ? '6 3' : null));
  nb.select('text.t').attr('x', 10).attr('y', 20).attr('font-size', 13).attr('font-weight', 700).attr('fill', p.text).text((n) => n.title);
  nb.select('g.ls').selectAll('text').data((n) => n.lines.filter(Boolean).map((l, i) => ({ l, i, w: n.w }))).join('text')
    .attr('x', 10).attr('y', (l) => 38 + l.i * 15).attr('font-size', 11).attr('fill', p.muted).text((l) => truncate(l.l, Math.floor(l.w / 6.4)));

  // 3. Links: driver ↔ each executor (registration, tasks), cluster manager → workers.
  const execBoxes = L.workers.flatMap((w) => w.execs);
  const links = [
    ...L.workers.map((w) => ({ key: `cm-${w.host}`, x1: L.cm.x + L.cm.w, y1: L.cm.y + L.cm.h / 2, x2: w.x, y2: w.y + 12, dashed: true, alive: true })),
    ...execBoxes.map((b) => ({ key: `d-${b.exec.id}`, x1: L.driver.x + L.driver.w, y1: L.driver.y + L.driver.h / 2, x2: b.x, y2: b.y + 20, dashed: false, alive: b.exec.alive })),
  ];
  layer(svg, 'links').lower().selectAll<SVGPathElement, (typeof links)[number]>('path').data(links, (l) => l.key).join('path')
    .attr('d', (l) => `M${l.x1},${l.y1}C${l.x1 + 30},${l.y1} ${l.x2 - 30},${l.y2} ${l.x2},${l.y2}`)
    .attr('fill', 'none').attr('stroke', (l) => (l.alive ? (l.dashed ? p.muted : p.accent) : p.grid)).attr('stroke-width', (l) => (l.dashed ? 1 : 1.5))
    .attr('stroke-dasharray', (l) => (l.dashed ? '3 3' : l.alive ? null : '2 4'));

  // 4. Workers, executors and slots.
  const wk = layer(svg, 'workers').selectAll<SVGGElement, WorkerBox>('g.worker').data(L.workers, (w) => w.host)
    .join((en) => { const e = en.append('g').attr('class', 'worker'); e.append('rect'); e.append('text'); e.append('g').attr('class', 'execs'); return e; })
    .attr('transform', (w) => `translate(${w.x},${w.y})`);
  wk.select('rect').attr('width', (w) => w.w).attr('height', (w) => w.h).attr('rx', 10).attr('fill', 'none').attr('stroke', p.grid).attr('stroke-width', 1.5);
  wk.select('text').attr('x', 10).attr('y', 16).attr('font-size', 11).attr('fill', p.muted).text((w) => `${o.text.worker}: ${w.host}`);
  const ex = wk.select('g.execs').selectAll<SVGGElement, ExecBox>('g.exec').data((w) => w.execs.map((b) => ({ ...b, x: b.x - w.x, y: b.y - w.y })), (b) => b.exec.id)
    .join((en) => { const e = en.append('g').attr('class', 'exec'); e.append('rect'); e.append('text').attr('class', 't'); e.append('text').attr('class', 's'); e.append('g').attr('class', 'slots'); return e; })
    .attr('transform', (b) => `translate(${b.x},${b.y})`)
    .classed('dead', (b) => b.exec.status === 'dead').classed('launching', (b) => b.exec.status === 'launching')
    .classed('replacement', (b) => !!b.exec.replacementOf && b.exec.status !== 'dead');
  ex.select('rect').attr('width', (b) => b.w).attr('height', (b) => b.h).attr('rx', 8)
    .attr('fill', (b) => (b.exec.alive ? p.surface : p.background)).attr('stroke', (b) => (b.exec.alive ? p.text : p.dead))
    .attr('stroke', (b) => (b.exec.alive ? p.text : b.exec.status === 'launching' ? p.accent : p.dead))
    .attr('stroke-width', 1.5).attr('stroke-dasharray', (b) => (b.exec.alive ? null : b.exec.status === 'launching' ? '2 3' : '5 4'));
  ex.select('text.t').attr('x', 10).attr('y', 17).attr('font-size', 12).attr('font-weight', 700).attr('fill', (b) => (b.exec.status === 'dead' ? p.dead : p.text))
    .attr('text-decoration', (b) => (b.exec.status === 'dead' ? 'line-through' : null))
    .text((b) => (b.exec.id === 'driver' ? o.text.driver : `${o.text.executor} ${b.exec.id}`));
  ex.select('text.s').attr('x', 10).attr('y', 32).attr('font-size', 10).attr('fill', (b) => (b.exec.status === 'dead' ? p.negative : p.muted))
    .text((b) => truncate(execSubtitle(b.exec, o), Math.floor(b.w / 5.8)));
  const slots = ex.select('g.slots').selectAll<SVGGElement, { s: SlotView; e: Exec; r?: ReceiverView }>('g.slot')
    .data((b) => b.exec.slots.map((s) => ({ s, e: b.exec, r: b.exec.receivers.find((r) => r.slot === s.index) })), (x) => x.s.index)
    .join((en) => { const e = en.append('g').attr('class', 'slot'); e.append('rect'); e.append('text').attr('class', 'a'); e.append('text').attr('class', 'b'); e.append('title'); return e; })
    .attr('transform', (x) => `translate(${10 + x.s.index * (SLOT + 6)},40)`)
    .classed('busy', (x) => x.s.taskId !== undefined);
  slots.select('rect').attr('width', SLOT).attr('height', SLOT).attr('rx', 5)
    .attr('fill', (x) => (!x.e.alive ? p.background : x.r && x.r.status === 'running' ? p.receiver : x.s.stageId !== undefined && x.s.taskId !== undefined ? stageColor(p, x.s.stageId) : p.background))
    .attr('stroke', (x) => (x.e.status === 'dead' ? p.dead : !x.e.alive ? p.muted : x.r ? p.receiver : x.s.taskId !== undefined && x.s.stageId !== undefined ? stageColor(p, x.s.stageId) : p.muted))
    .attr('stroke-width', 1.5).attr('stroke-dasharray', (x) => (x.s.speculative ? '4 2' : null));
  const busy = (x: { s: SlotView; e: Exec; r?: ReceiverView }) => x.e.alive && ((x.r && x.r.status === 'running') || x.s.taskId !== undefined);
  slots.select('text.a').attr('x', SLOT / 2).attr('y', 17).attr('text-anchor', 'middle').attr('font-size', 10).attr('font-weight', 700)
    .attr('fill', (x) => (busy(x) ? p.onFill : p.muted))
    .text((x) => (x.e.status === 'dead' ? '✕' : !x.e.alive ? '…' : x.r ? 'R' : x.s.taskId !== undefined ? `${x.s.stageId}.${x.s.partition}` : `${o.text.slot} ${x.s.index}`));
  slots.select('text.b').attr('x', SLOT / 2).attr('y', 32).attr('text-anchor', 'middle').attr('font-size', 9)
    .attr('fill', (x) => (busy(x) ? p.onFill : p.muted))
    .text((x) => (!x.e.alive ? '' : x.r ? `#${x.r.streamId}` : x.s.taskId !== undefined ? `t${x.s.taskId}${x.s.speculative ? ' S' : ''}` : o.text.idle));
  slots.select('title').text((x) => x.r ? `${o.text.receiver} ${x.r.name} (stream ${x.r.streamId}, ${x.r.status})`
    : x.s.taskId !== undefined ? `task ${x.s.taskId}: stage ${x.s.stageId}, partition ${x.s.partition}, attempt ${x.s.attempt}` : `${o.text.slot} ${x.s.index}: ${o.text.idle} (${x.s.tasksRun} tasks run)`);
}

function execSubtitle(e: ExecutorView & { receivers: ReceiverView[] }, o: ClusterViewOptions): string {
  if (e.status === 'dead') return `${o.text.lost}: ${e.removedReason ?? ''}`;
  if (e.status === 'launching') return `${o.text.launching ?? 'launching'}…${e.replacementOf ? ` · ${o.text.replaces} ${e.replacementOf}` : ''}`;
  const parts = [e.implicit ? (o.words?.slots(e.slots.length) ?? `${e.slots.length} slots`) : (o.words?.resources(e.cores, e.memoryMiB) ?? `${e.cores} cores · ${e.memoryMiB} MiB`)];
  if (e.replacementOf) parts.push(`${o.text.replaces} ${e.replacementOf}`);
  const unpinned = e.receivers.filter((r) => r.slot === undefined);
  if (unpinned.length) parts.push(`${o.text.receiver} ${unpinned.map((r) => `#${r.streamId}`).join(', ')}`);
  return parts.join(' · ');
}
