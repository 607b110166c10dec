import { useEffect, useMemo, useRef, useState } from 'react';
import { lineageData, PARTITION_STATES, type LineageStage } from './model/execution';
import { lineageOverTimeData, type LotCellView, type LotRow, type LotState } from './model/lineageOverTime';
import { renderLineage } from '../charts/lineage';
import { LOT_HEAD_H, LOT_LABEL_W, LOT_ROW_H, renderLineageOverTime } from '../charts/lineageOverTime';
import { Empty, PanelFrame, useGraph, usePalette, useReducedMotion, useShownBatch, useSvg, useT, useWidth } from './common';
import type { Studio } from '../store/store';
import { useStore } from 'zustand';
import { LIVE_VIEW_MS, throttledView } from '../store/throttle';
import type { LotFold } from './model/lotFold';
import type { RunModel } from './model/run';

export const LINEAGE_NAME = 'Lineage';

/** Rows of the over-time grid drawn by default (a 200-node graph's full grid is ~6,000 SVG marks per update). */
const LOT_MAX_ROWS = 40;

/**
 * The panel follows the run 4 times a second: its grid and DAG change once a batch, and on a 200-node graph one
 * render lays out thousands of SVG marks and table cells (a render per frame froze the page).
 */
let view: ReturnType<typeof throttledView<{ run?: RunModel; lot: LotFold }>> | null = null;
function useLineageView(): { run?: RunModel; lot: LotFold } {
  view ??= throttledView((s: Studio) => ({ run: (s as { run?: RunModel }).run, lot: s.lot }), LIVE_VIEW_MS, (a, b) => a.run === b.run && a.lot === b.lot);
  return useStore(view, (v) => v.value);
}

/** Grids with more rows than this draw only the rows scrolled into view (and a few around them). */
const DRAW_ALL_ROWS_UP_TO = 24;
const ROWS_AROUND = 3;

/** The rows of the grid in `box` that its scrolling panel body shows: [first, last], or undefined for all. */
function useRowsInView(box: React.RefObject<HTMLDivElement | null>, rowCount: number): [number, number] | undefined {
  const [range, setRange] = useState<[number, number] | undefined>(undefined);
  const virtual = rowCount > DRAW_ALL_ROWS_UP_TO;
  useEffect(() => {
    const el = box.current;
    const body = el?.closest('.dsp-body');
    if (!virtual || !el || !body) { setRange(undefined); return; }
    const update = () => {
      const top = body.getBoundingClientRect().top - el.getBoundingClientRect().top;
      const first = Math.max(0, Math.floor((top - LOT_HEAD_H) / LOT_ROW_H) - ROWS_AROUND);
      const last = Math.max(first, Math.ceil((top + body.clientHeight - LOT_HEAD_H) / LOT_ROW_H) + ROWS_AROUND);
      setRange((r) => (r && r[0] === first && r[1] === last ? r : [first, last]));
    };
    update();
    body.addEventListener('scroll', update, { passive: true });
    const ro = typeof ResizeObserver === 'function' ? new ResizeObserver(update) : null;
    ro?.observe(body);
    return () => { body.removeEventListener('scroll', update); ro?.disconnect(); };
  }, [box, virtual]);
  return virtual ? range : undefined;
}

export function LineagePanel() {
  const t = useT();
  // A DStream with no node on the canvas: named as such and explained under the grid (panels.internalRowsNote).
  const lotRowLabel = (r: LotRow) => (r.internal ? t('panels.internalStream', { id: r.key.slice('dstream-'.length) }) : r.label);
  const { run, lot: lotFold } = useLineageView();
  const palette = usePalette();
  const reduced = useReducedMotion();
  const [box, width] = useWidth<HTMLDivElement>();
  const { batch, completed } = useShownBatch(run);
  const graph = useGraph();
  const data = useMemo(() => run ? lineageData(run.exec, batch) : undefined, [run?.exec, batch]);
  const lotState: LotState = lotFold.get();
  const maxColumns = Math.max(2, Math.min(12, Math.floor((width - LOT_LABEL_W - 8) / 84)));
  const [allRows, setAllRows] = useState(false);
  const maxRows = allRows ? undefined : LOT_MAX_ROWS;
  const lot = useMemo(() => lineageOverTimeData(lotState, { graph, selected: batch, times: completed, maxColumns, maxRows }), [lotState, graph, batch, completed, maxColumns, maxRows]);
  const totalRows = lot.rows.length + lot.hiddenRows;
  const lotBox = useRef<HTMLDivElement>(null);
  const rowRange = useRowsInView(lotBox, lot.rows.length);
  // Lookups by id: the text alternative of a 200-node grid has thousands of cells.
  const { rowLabels, cellById, cellAt, into } = useMemo(() => ({
    rowLabels: new Map(lot.rows.map((r) => [r.key, lotRowLabel(r)])),
    cellById: new Map(lot.cells.map((c) => [c.id, c])),
    cellAt: new Map(lot.cells.map((c) => [`${c.row}:${c.col}`, c])),
    into: lot.edges.reduce((m, e) => m.set(e.to, [...(m.get(e.to) ?? []), e.from]), new Map<string, string[]>()),
  }), [lot]);
  const rowName = (key: string) => rowLabels.get(key) ?? key;
  const cellText = (c: LotCellView) => [
    t('panels.lotCell', { node: rowName(c.key), t: c.batchTime, count: c.count ?? '–', rdds: c.rddIds.join(', ') || '–' }),
    c.cachedPartitions ? t('panels.lotCachedParts', { n: c.cachedPartitions, level: c.storageLevel ?? '' }) : '',
    c.checkpointed ? t('panels.lotCheckpointed') : '',
    c.status === 'lost' ? t('panels.lotLostParts', { n: c.lostPartitions, exec: c.lostExecutors.join(', ') }) : '',
    c.status === 'recomputed' && c.recomputedAtBatch !== undefined ? t('panels.lotRecomputedAt', { t: c.recomputedAtBatch }) : '',
    c.onPath ? t('panels.lotOnPath') : '',
  ].filter(Boolean).join(' · ');
  const lotSvg = useSvg((el) => {
    renderLineageOverTime(el, lot, { width, height: 60, palette, reducedMotion: reduced, label: t('panels.lotTitle'), rowLabel: lotRowLabel, cellTitle: cellText, rowRange });
  }, [lot, width, palette, reduced, t, rowRange]);
  const stageLabel = (s: LineageStage) => t('panels.stageLabel', {
    id: s.stageId, attempt: s.attempts.some((a) => a.attemptId > 0) ? t('panels.attempt', { n: s.attempts[s.attempts.length - 1].attemptId }) : '',
    kind: s.status === 'skipped' ? ` · ${t('panels.legend.skipped')}` : s.isShuffleMap ? t('panels.shuffleMap') : t('panels.result'),
  });
  const svg = useSvg((el) => { if (data) renderLineage(el, data, { width, height: 200, palette, reducedMotion: reduced, label: t('panels.lineage'), stageLabel }); }, [data, width, palette, reduced, t]);
  const stages = data?.jobs.flatMap((j) => j.stages) ?? [];
  const summary = data && data.jobs.length ? t('panels.lineageSummary', { t: batch ?? '–', jobs: data.jobs.length, stages: stages.length, done: data.counts.done, lost: data.counts.lost + data.counts.failed, recomputed: data.counts.recomputed }) : undefined;
  const lotSummary = lot.cells.length ? [
    t('panels.lotSummary', { rows: lot.rows.length, cols: lot.columns.length, lost: lot.lostCount, recomputed: lot.recomputedCount }),
    lot.recompute ? t('panels.lotRecompute', { t: lot.recompute.batchTime, n: lot.recompute.cells.length, stages: lot.recompute.stageIds.join(', ') || '–' }) : '',
  ].filter(Boolean).join(' · ') : undefined;
  const feeds = (id: string) => (into.get(id) ?? []).map((from) => { const c = cellById.get(from); return c ? `${rowName(c.key)}@${c.batchTime}` : from; });
  const lotAlt = lot.cells.length ? (
    <table className="dsp-table" aria-label={t('panels.lotTitle')}>
      <caption>{t('panels.lotTitle')}</caption>
      <thead><tr><th>{t('panels.lotDStream')}</th>{lot.columns.map((c) => <th key={c}>{c} ms</th>)}</tr></thead>
      <tbody>{lot.rows.map((r, ri) => (
        <tr key={r.key}><th scope="row">{lotRowLabel(r)}</th>{lot.columns.map((_, ci) => {
          const c = cellAt.get(`${ri}:${ci}`);
          const f = c ? feeds(c.id) : [];
          return <td key={ci} data-cell={c?.id}>{c ? `${cellText(c)}${f.length ? ` · ${t('panels.lotFeeds', { from: f.join(', ') })}` : ''}` : ''}</td>;
        })}</tr>))}</tbody>
    </table>
  ) : null;
  const alt = data && data.jobs.length ? (<>{lotAlt}
    <table className="dsp-table">
      <thead><tr><th>{t('panels.stage')}</th><th>{t('panels.rddChain')}</th><th>{t('panels.partitions')}</th></tr></thead>
      <tbody>{stages.map((s) => (
        <tr key={s.stageId}><td>{stageLabel(s)} {t('panels.ofJob', { id: s.jobId })}{s.parentStageIds.length ? ` ← ${s.parentStageIds.join(', ')}` : ''}{s.recomputing ? ` — ${t('panels.recomputing')}` : ''}</td>
          <td lang="en">{s.rddChain.join(' → ')}</td>
          <td>{s.partitions.map((c) => `${c.partition}: ${t(`panels.legend.${c.state}`)}`).join(', ')}</td></tr>))}</tbody>
    </table></>
  ) : lotAlt ?? <Empty>{t('panels.empty')}</Empty>;
  return (
    <PanelFrame accessibleName={LINEAGE_NAME} titleKey="panels.lineage" run={run} alt={alt} summary={[lotSummary, summary].filter(Boolean).join(' — ') || undefined}>
      <h3 className="dsp-subtitle" style={{ fontSize: 13, margin: '2px 0 4px' }}>{t('panels.lotTitle')}</h3>
      <ul className="dsp-legend" aria-hidden="true">
        <li><span className="dsp-swatch" style={{ background: palette.accent, borderColor: palette.accent, borderRadius: '50%' }} />{t('panels.lotCached')}</li>
        <li><span className="dsp-swatch" style={{ background: palette.positive, borderColor: palette.positive, transform: 'rotate(45deg) scale(.8)' }} />{t('panels.lotCheckpointed')}</li>
        <li><span className="dsp-swatch" style={{ background: palette.states.lost, borderColor: palette.states.lost }} />{t('panels.legend.lost')}</li>
        <li><span className="dsp-swatch" style={{ background: palette.states.recomputed, borderColor: palette.states.recomputed }} />{t('panels.legend.recomputed')}</li>
        <li><span style={{ display: 'inline-block', width: 18, borderTop: `2.5px dashed ${palette.states.recomputed}` }} />{t('panels.lotPath')}</li>
        <li><span style={{ display: 'inline-block', width: 18, borderTop: `1.5px dashed ${palette.muted}` }} />{t('panels.lotBack')}</li>
      </ul>
      {(lot.hiddenRows > 0 || (allRows && totalRows > LOT_MAX_ROWS)) && (
        <p className="dsp-muted small">
          {lot.hiddenRows > 0 ? `${t('panels.lotRowsCapped', { shown: lot.rows.length, total: totalRows })} ` : ''}
          <button type="button" className="btn btn--small btn--ghost" onClick={() => setAllRows(!allRows)}>
            {allRows ? t('panels.lotShowFirst', { shown: LOT_MAX_ROWS }) : t('panels.lotShowAll', { total: totalRows })}
          </button>
        </p>
      )}
      {lot.rows.some((r) => r.internal) && <p className="dsp-muted small dsp-internal-note">{t('panels.internalRowsNote')}</p>}
      <div ref={lotBox} className="dsp-fill dsp-lot">
        {lot.cells.length ? <svg ref={lotSvg} className="dsp-svg dsp-lineage-time" /> : <Empty>{t('panels.empty')}</Empty>}
      </div>
      <h3 className="dsp-subtitle" style={{ fontSize: 13, margin: '10px 0 4px' }}>{t('panels.lotStagesTitle', { t: batch ?? '–' })}</h3>
      <ul className="dsp-legend" aria-hidden="true">
        {PARTITION_STATES.map((s) => <li key={s}><span className={`dsp-swatch ${s}`} style={{ background: s === 'pending' || s === 'skipped' ? palette.background : palette.states[s], borderColor: palette.states[s], borderStyle: s === 'skipped' ? 'dashed' : undefined }} />{t(`panels.legend.${s}`)}</li>)}
      </ul>
      <div ref={box} className="dsp-fill">
        {data && data.jobs.length ? <svg ref={svg} className="dsp-svg dsp-lineage" /> : <Empty>{t('panels.empty')}</Empty>}
      </div>
    </PanelFrame>
  );
}
