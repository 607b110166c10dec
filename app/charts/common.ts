/** Small helpers shared by the chart render functions. */
import { select, type Selection } from 'd3';
import type { Palette } from './palette';

export interface ChartOptions {
  width: number;
  height: number;
  palette: Palette;
  /** prefers-reduced-motion: no transitions or animations. */
  reducedMotion?: boolean;
}

export type G = Selection<SVGGElement, unknown, null, undefined>;

/** The one `<g class=cls>` child of a parent, created on first use (render functions are re-entrant). */
export function layer(parent: SVGSVGElement | SVGGElement, cls: string): G {
  const p = select(parent as SVGGElement);
  let g = p.select<SVGGElement>(`:scope > g.${cls}`);
  if (g.empty()) g = p.append('g').attr('class', cls);
  return g as unknown as G;
}

export function sizeSvg(svg: SVGSVGElement, o: ChartOptions): void {
  select(svg).attr('width', o.width).attr('height', o.height).attr('viewBox', `0 0 ${o.width} ${o.height}`)
    .classed('dsp-reduced-motion', !!o.reducedMotion);
}

export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (Math.abs(ms) >= 60000) return `${(ms / 60000).toFixed(1)} min`;
  if (Math.abs(ms) >= 1000) return `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 2)} s`;
  if (ms !== 0 && Math.abs(ms) < 10) return `${ms.toFixed(1)} ms`;
  return `${Math.round(ms)} ms`;
}

export function fmtNum(n: number): string {
  if (!Number.isFinite(n)) return '–';
  if (Math.abs(n) >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (Math.abs(n) >= 1e4) return `${(n / 1e3).toFixed(1)}k`;
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

export function fmtBytes(n: number): string {
  if (!n) return '0 B';
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}

/** Batch times print as Spark prints them: "<ms> ms". */
export function fmtBatch(t: number): string { return `${t} ms`; }

export function truncate(s: string, max: number): string { return s.length > max ? `${s.slice(0, Math.max(1, max - 1))}…` : s; }
