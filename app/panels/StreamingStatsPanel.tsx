import { useMemo, useState } from 'react';
import { streamingStatsData, type MetricSummary } from './model/streamingStats';
import { renderSparkline } from '../charts/sparkline';
import { renderHistogram } from '../charts/histogram';
import { fmtMs, fmtNum } from '../charts/common';
import type { Palette } from '../charts/palette';
import { Empty, PanelFrame, usePalette, useReducedMotion, useRun, useRunActions, useShownBatch, useSvg, useT, useWidth } from './common';

export const STATS_NAME = 'Streaming statistics';

const METRIC_KEYS: Record<MetricSummary['key'], string> = {
  inputRate: 'panels.inputRate', schedulingDelay: 'panels.schedulingDelay', processingTime: 'panels.processingTime', totalDelay: 'panels.totalDelay',
};

function MetricRow({ m, width, palette, selected, onSelect, reduced }: { m: MetricSummary; width: number; palette: Palette; selected?: number; onSelect?: (t: number) => void; reduced: boolean }) {
  const t = useT();
  const fmt = m.unit === 'ms' ? fmtMs : (v: number) => fmtNum(v);
  const color = m.key === 'inputRate' ? palette.positive : m.key === 'schedulingDelay' ? palette.stages[3] : m.key === 'processingTime' ? palette.accent : palette.stages[4];
  const lineW = Math.max(160, Math.floor((width - 170) * 0.64));
  const line = useSvg((el) => renderSparkline(el, m.series, { width: lineW, height: 74, palette, color, axes: true, selected, onSelect, label: t(METRIC_KEYS[m.key]), format: fmt, reducedMotion: reduced }), [m, lineW, palette, selected, onSelect, t]);
  const hist = useSvg((el) => renderHistogram(el, m.histogram, { width: Math.max(120, Math.min(360, width - lineW - 190)), height: 74, palette, color, label: t('panels.histogramOf', { metric: t(METRIC_KEYS[m.key]) }), format: fmt }), [m, width, lineW, palette, t]);
  return (
    <div className="dsp-metric">
      <div className="dsp-metric-name"><strong>{t(METRIC_KEYS[m.key])}{m.measured ? ` (${t('panels.measured')})` : ''}</strong><span>{m.avg !== undefined ? t('panels.avg', { v: m.unit === 'ms' ? fmtMs(m.avg) : `${fmtNum(m.avg)} ${t('panels.recordsPerSecond')}` }) : '–'}</span></div>
      <svg ref={line} className="dsp-svg" />
      <svg ref={hist} className="dsp-svg" />
    </div>
  );
}

export function StreamingStatsPanel() {
  const t = useT();
  const run = useRun();
  const palette = usePalette();
  const reduced = useReducedMotion();
  const { selectBatch } = useRunActions();
  const [box, width] = useWidth<HTMLDivElement>();
  const [showAll, setShowAll] = useState(false);
  const data = useMemo(() => run ? streamingStatsData(run.stats) : undefined, [run?.stats]);
  const { batch } = useShownBatch(run);
  const detail = run && batch !== undefined ? run.stats.batches[batch] : undefined;
  const summary = data ? t('panels.statsSummary', { n: data.completedCount, records: data.totalRecords, interval: data.batchDurationMs ? fmtMs(data.batchDurationMs) : '–' }) : undefined;
  const status = (s: string) => t(`panels.${s}`);
  const rows = data ? (showAll ? data.completed : data.completed.slice(0, 10)) : [];
  const table = data ? (
    <>
      <table className="dsp-table" data-testid="active-batches">
        <caption>{t('panels.activeBatches', { n: data.active.length })}</caption>
        <thead><tr><th>{t('panels.batchTime')}</th><th>{t('panels.records')}</th><th>{t('panels.schedulingDelay')}</th><th>{t('panels.processingTime')}</th><th>{t('panels.outputOps')}</th><th>{t('panels.status')}</th></tr></thead>
        <tbody>{data.active.map((b) => <tr key={b.batchTime}><td>{b.batchTime} ms</td><td>{b.numRecords}</td><td>{b.schedulingDelay !== undefined ? fmtMs(b.schedulingDelay) : '–'}</td><td>–</td><td>{b.succeededOps}/{b.totalOps}</td><td>{status(b.status)}</td></tr>)}</tbody>
      </table>
      <table className="dsp-table" data-testid="completed-batches">
        <caption>{t('panels.completedBatches', { n: data.completedCount })}</caption>
        <thead><tr><th>{t('panels.batchTime')}</th><th>{t('panels.inputRate')}</th><th>{t('panels.records')}</th><th>{t('panels.schedulingDelay')}</th><th>{t('panels.processingTime')}</th><th>{t('panels.totalDelay')}</th><th>{t('panels.outputOps')}</th></tr></thead>
        <tbody>{rows.map((b) => (
          <tr key={b.batchTime} className={b.batchTime === batch ? 'dsp-selected' : undefined}>
            <td><button type="button" className="dsp-link" onClick={() => selectBatch?.(b.batchTime)} aria-current={b.batchTime === batch ? 'true' : undefined}>{b.batchTime} ms</button></td>
            <td>{fmtNum(b.inputRate)} {t('panels.recordsPerSecond')}</td><td>{b.numRecords}</td>
            <td>{b.schedulingDelay !== undefined ? fmtMs(b.schedulingDelay) : '–'}</td><td>{b.processingDelay !== undefined ? fmtMs(b.processingDelay) : '–'}{b.measuredProcessingMs !== undefined ? <span className="dsp-muted"> · {fmtMs(b.measuredProcessingMs)} {t('panels.measured')}</span> : null}</td>
            <td>{b.totalDelay !== undefined ? fmtMs(b.totalDelay) : '–'}</td><td className={b.succeededOps < b.totalOps ? 'dsp-bad' : undefined}>{b.succeededOps}/{b.totalOps}</td>
          </tr>))}</tbody>
      </table>
      {data.completed.length > 10 ? <button type="button" className="dsp-link" onClick={() => setShowAll((v) => !v)}>{showAll ? '−' : `+ ${data.completed.length - 10}`}</button> : null}
    </>
  ) : null;
  const batchDetail = detail && run ? (
    <div className="dsp-detail">
      <h3>{t('panels.batchDetail', { t: detail.batchTime })}</h3>
      <table className="dsp-table">
        <thead><tr><th>{t('panels.outputOp')}</th><th>{t('panels.status')}</th><th>{t('panels.duration')}</th><th>{t('panels.jobs')}</th></tr></thead>
        <tbody>{detail.outputOps.map((o) => {
          const jobs = detail.jobIds.map((id) => run.exec.jobs[id]).filter((j) => j && j.outputOpId === o.id);
          return (<tr key={o.id}><td>{o.id}: {o.name}</td><td className={o.status === 'failed' ? 'dsp-bad' : undefined}>{t(`panels.opStatus.${o.status}`)}{o.failureReason ? <>: <span lang="en">{o.failureReason}</span></> : ''}</td>
            <td>{o.startTime !== undefined && o.endTime !== undefined ? fmtMs(o.endTime - o.startTime) : '–'}</td>
            <td>{jobs.map((j) => `${j.jobId} (${j.result ?? t('panels.opStatus.running')})`).join(', ') || '–'}</td></tr>);
        })}</tbody>
      </table>
    </div>
  ) : null;
  return (
    <PanelFrame accessibleName={STATS_NAME} titleKey="panels.stats" run={run} summary={summary} alt={data ? (
      <table className="dsp-table"><thead><tr><th>{t('panels.status')}</th><th>{t('panels.avgHead')}</th><th>{t('panels.maxHead')}</th></tr></thead>
        <tbody>{data.metrics.map((m) => <tr key={m.key}><td>{t(METRIC_KEYS[m.key])}</td>
          <td>{m.avg === undefined ? '–' : m.unit === 'ms' ? fmtMs(m.avg) : `${fmtNum(m.avg)} ${t('panels.recordsPerSecond')}`}</td>
          <td>{m.max === undefined ? '–' : m.unit === 'ms' ? fmtMs(m.max) : `${fmtNum(m.max)} ${t('panels.recordsPerSecond')}`}</td></tr>)}</tbody></table>
    ) : <Empty>{t('panels.empty')}</Empty>}>
      <div ref={box} className="dsp-fill">
        {data && data.completedCount + data.active.length > 0 ? (
          <>
            {data.metrics.map((m) => <MetricRow key={m.key} m={m} width={width} palette={palette} selected={batch} onSelect={selectBatch} reduced={reduced} />)}
            <div className="dsp-two">{table}{batchDetail}</div>
          </>
        ) : <Empty>{t('panels.empty')}</Empty>}
      </div>
    </PanelFrame>
  );
}
