/** The frame every panel shares: a landmark region, a translated title, full screen, a text alternative, the batch scrubber. */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStudio, type Studio } from '../store/store';
import { useT } from '../i18n/useT';
import type { RunSlice } from '../store/runSlice';
import { completedBatchTimes, shownBatch, type RunModel } from './model/run';
import { paletteFor, type Palette } from '../charts/palette';
import type { PipelineGraph } from '../../engine/graph/types';

export { useT };

type RunStore = Studio & Partial<RunSlice>;
const EMPTY_RUN: RunModel | undefined = undefined;

export const selectRun = (s: Studio): RunModel | undefined => (s as RunStore).run ?? EMPTY_RUN;
const selectTheme = (s: Studio) => (s as { theme?: string }).theme;

export function useRun(): RunModel | undefined { return useStudio(selectRun); }

/** Store actions of the run slice (no-ops when the slice is absent). */
export function useRunActions() {
  return useStudio(useShallow((s: Studio) => {
    const r = s as RunStore;
    return { selectBatch: r.selectBatch, injectFault: r.injectFault };
  }));
}

export function usePalette(): Palette { return paletteFor(useStudio(selectTheme)); }

/** The graph being edited (for window specs and stateful nodes), if the store has one. */
export function useGraph(): PipelineGraph | undefined {
  const version = useStudio((s: Studio) => (s as { docVersion?: number }).docVersion);
  return useMemo(() => {
    const g = (useStudio.getState() as { currentGraph?: () => PipelineGraph }).currentGraph;
    try { return g ? g() : undefined; } catch { return undefined; }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);
}

export function useReducedMotion(): boolean {
  const q = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia('(prefers-reduced-motion: reduce)') : null;
  const [reduced, setReduced] = useState(() => !!q?.matches);
  useEffect(() => {
    if (!q) return;
    const on = () => setReduced(q.matches);
    q.addEventListener?.('change', on);
    return () => q.removeEventListener?.('change', on);
  }, [q]);
  return reduced;
}

/** Width of an element, kept up to date with a ResizeObserver. */
export function useWidth<T extends HTMLElement>(fallback = 640): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [w, setW] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => { const cw = Math.floor(el.clientWidth); if (cw > 0) setW(cw); };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, w];
}

/** The batch the panels show (selected or latest) and the kept completed batch times. */
export function useShownBatch(run: RunModel | undefined): { batch?: number; completed: number[]; live: boolean } {
  return useMemo(() => run ? { batch: shownBatch(run), completed: completedBatchTimes(run), live: run.selectedBatch === undefined } : { completed: [], live: true }, [run]);
}

export function BatchScrubber({ run }: { run: RunModel | undefined }) {
  const t = useT();
  const { selectBatch } = useRunActions();
  const { batch, completed, live } = useShownBatch(run);
  const id = useId();
  if (!completed.length) return <span className="dsp-scrubber dsp-muted">{t('panels.noBatches')}</span>;
  const idx = Math.max(0, batch === undefined ? completed.length - 1 : completed.indexOf(batch));
  return (
    <div className="dsp-scrubber">
      <label htmlFor={id}>{t('panels.batch')}</label>
      <input id={id} type="range" min={0} max={completed.length - 1} step={1} value={idx < 0 ? completed.length - 1 : idx}
        aria-valuetext={`${completed[idx] ?? ''} ms`}
        onChange={(e) => selectBatch?.(completed[Number(e.target.value)])} />
      <output className="dsp-batch-time" aria-live="polite">{batch !== undefined ? `${batch} ms` : '–'}</output>
      <button type="button" className={live ? 'dsp-live on' : 'dsp-live'} aria-pressed={live} onClick={() => selectBatch?.(undefined)} title={t('panels.liveHint')}>
        {t('panels.live')}
      </button>
    </div>
  );
}

export interface PanelFrameProps {
  accessibleName: string;
  titleKey: string;
  run: RunModel | undefined;
  /** The text alternative: a table or a narrated summary. */
  alt: ReactNode;
  toolbar?: ReactNode;
  children: ReactNode;
  /** One-line narrated summary, announced politely (visible under the title). */
  summary?: string;
}

export function PanelFrame({ accessibleName, titleKey, run, alt, toolbar, children, summary }: PanelFrameProps) {
  const t = useT();
  const [full, setFull] = useState(false);
  const [showAlt, setShowAlt] = useState(false);
  const headingId = useId();
  const p = usePalette();
  const vars = {
    '--dsp-bg': p.background, '--dsp-surface': p.surface, '--dsp-text': p.text, '--dsp-muted': p.muted, '--dsp-grid': p.grid,
    '--dsp-accent': p.accent, '--dsp-pos': p.positive, '--dsp-neg': p.negative, '--dsp-recomputed': p.states.recomputed, '--dsp-onfill': p.onFill,
  } as React.CSSProperties;
  useEffect(() => {
    if (!full) return;
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') setFull(false); };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [full]);
  return (
    <section role="region" aria-label={accessibleName} className={`dsp-panel${full ? ' dsp-fullscreen' : ''}`} data-panel={accessibleName} style={vars}>
      <header className="dsp-head">
        <h2 id={headingId} className="dsp-title">{t(titleKey)}</h2>
        <BatchScrubber run={run} />
        <div className="dsp-tools">
          {toolbar}
          <button type="button" aria-pressed={showAlt} onClick={() => setShowAlt((v) => !v)}>{showAlt ? t('panels.showChart') : t('panels.showTable')}</button>
          <button type="button" aria-pressed={full} onClick={() => setFull((v) => !v)} title={t('panels.fullScreenHint')}>
            {full ? t('panels.exitFullScreen') : t('panels.fullScreen')}
          </button>
        </div>
      </header>
      {summary ? <p className="dsp-summary" aria-live="polite">{summary}</p> : null}
      <div className="dsp-body">
        <div className={showAlt ? 'dsp-chart dsp-hidden-visual' : 'dsp-chart'} aria-hidden={showAlt ? true : undefined}>{children}</div>
        <div className={showAlt ? 'dsp-alt' : 'dsp-alt dsp-visually-hidden'}>{alt}</div>
      </div>
    </section>
  );
}

export function Empty({ children }: { children: ReactNode }) { return <p className="dsp-empty">{children}</p>; }

/**
 * React owns the <svg>; D3 draws inside it in an effect, at most once per animation frame: several
 * store updates within a frame (or a burst of re-renders) draw once, with the latest data.
 */
export function useSvg<T extends Element = SVGSVGElement>(render: (el: T) => void, deps: readonly unknown[]): React.RefObject<T | null> {
  const ref = useRef<T>(null);
  const latest = useRef(render);
  latest.current = render;
  const frame = useRef<number | null>(null);
  useEffect(() => {
    if (frame.current !== null) return;
    const draw = () => { frame.current = null; if (ref.current) latest.current(ref.current); };
    if (typeof requestAnimationFrame === 'function') frame.current = requestAnimationFrame(draw);
    else draw();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  useEffect(() => () => { if (frame.current !== null && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame.current); frame.current = null; }, []);
  return ref;
}
