import { useMemo, useState } from 'react';
import { streamingStatsData, totalDelayOf, type MetricSummary } from './model/streamingStats';
import { renderSparkline } from '../charts/sparkline';
import { renderHistogram } from '../charts/histogram';
import { fmtMs, fmtNum } from '../charts/common';
import { batchPageData } from './model/batchPage';
import { withoutStackFrames } from '../console/consoleModel';
import type { Palette } from '../charts/palette';
import { Empty, PanelFrame, usePalette, useReducedMotion, useRun, useRunActions, useShownBatch, useSvg, useT, useWidth } from './common';

export const STATS_NAME = 'Streaming statistics';

const METRIC_KEYS: Record<MetricSummary['key'], string> = {
  inputRate: 'panels.inputRate', schedulingDelay: 'panels.schedulingDelay', processingTime: 'panels.processingTime', totalDelay: 'panels.totalDelay',
  measuredProcessingTime: 'panels.processingTime',
};

function MetricRow({ m, width, palette, selected, onSelect, reduced }: { m: MetricSummary; width: number; palette: Palette; selected?: number; onSelect?: (t: number) => void; reduced: boolean }) {
  const t = useT();
  const fmt = m.unit === 'ms' ? fmtMs : (v: number) => fmtNum(v);
  const color = m.key === 'inputRate' ? palette.positive : m.key === 'schedulingDelay' ? palette.stages[3] : m.key === 'processingTime' || m.key === 'measuredProcessingTime' ? palette.accent : palette.stages[4];
  // Which clock a delay is on: the engine's simulated clock (Spark's BatchInfo), or real milliseconds measured.
  const clock = m.unit !== 'ms' ? '' : ` (${t(m.measured ? 'panels.measuredClock' : 'panels.simulatedClock')})`;
  const lineW = Math.max(160, Math.floor((width - 170) * 0.64));
  const line = useSvg((el) => renderSparkline(el, m.series, { width: lineW, height: 90, palette, color, axes: true, selected, onSelect, label: `${t(METRIC_KEYS[m.key])}${clock}`, format: fmt, reducedMotion: reduced, pointLabel: (b) => t('panels.openBatch', { t: b }) }), [m, lineW, palette, selected, onSelect, t, clock]);
  const hist = useSvg((el) => renderHistogram(el, m.histogram, { width: Math.max(120, Math.min(360, width - lineW - 190)), height: 74, palette, color, label: t('panels.histogramOf', { metric: t(METRIC_KEYS[m.key]) }), format: fmt }), [m, width, lineW, palette, t]);
  return (
    <div className="dsp-metric">
      <div className="dsp-metric-name" data-metric={m.key}><strong>{t(METRIC_KEYS[m.key])}{clock}</strong><span>{m.avg !== undefined ? t('panels.avg', { v: m.unit === 'ms' ? fmtMs(m.avg) : `${fmtNum(m.avg)} ${t('panels.recordsPerSecond')}` }) : '–'}</span></div>
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
            <td>{totalDelayOf(b) !== undefined ? fmtMs(totalDelayOf(b)!) : '–'}</td><td className={b.succeededOps < b.totalOps ? 'dsp-bad' : undefined}>{b.succeededOps}/{b.totalOps}</td>
          </tr>))}</tbody>
      </table>
      {data.completed.length > 10 ? <button type="button" className="dsp-link" onClick={() => setShowAll((v) => !v)}>{showAll ? '−' : `+ ${data.completed.length - 10}`}</button> : null}
    </>
  ) : null;
  const page = detail && run ? batchPageData(detail, run.exec) : undefined;
  const cell = (v: number | undefined) => (v !== undefined ? fmtMs(v) : '–');
  // Spark's BatchPage: the batch's delays, then one row per job of each output operation.
  const batchDetail = page ? (
    <div className="dsp-detail" data-testid="batch-detail">
      <h3>{t('panels.batchDetail', { t: page.batchTime })}</h3>
      <ul className="dsp-batch-summary">
        <li><strong>{t('panels.batchDuration')}:</strong> {data?.batchDurationMs ? fmtMs(data.batchDurationMs) : '–'}</li>
        <li><strong>{t('panels.inputData')}:</strong> {page.numRecords} {t('panels.records')}</li>
        <li><strong>{t('panels.schedulingDelay')}:</strong> {cell(page.schedulingDelay)}</li>
        <li><strong>{t('panels.processingTime')}:</strong> {cell(page.processingTime)}</li>
        <li><strong>{t('panels.totalDelay')}:</strong> {cell(page.totalDelay)} <span className="dsp-muted">({t('panels.simulatedClock')})</span></li>
      </ul>
      <table className="dsp-table" data-testid="batch-jobs">
        <thead><tr>
          <th>{t('panels.outputOpId')}</th><th>{t('panels.description')}</th><th>{t('panels.outputOpDuration')}</th><th>{t('panels.status')}</th>
          <th>{t('panels.jobId')}</th><th>{t('panels.jobDuration')}</th><th>{t('panels.stagesSucceeded')}</th><th>{t('panels.tasksSucceeded')}</th><th>{t('panels.error')}</th>
        </tr></thead>
        <tbody>{page.ops.flatMap((o) => {
          const jobs = o.jobs.length ? o.jobs : [undefined];
          return jobs.map((j, k) => (
            <tr key={`${o.id}.${j?.jobId ?? 'none'}`}>
              {k === 0 && <>
                <td rowSpan={jobs.length}>{o.id}</td><td rowSpan={jobs.length}>{o.name}</td><td rowSpan={jobs.length}>{cell(o.durationMs)}</td>
                <td rowSpan={jobs.length} className={o.status === 'failed' ? 'dsp-bad' : undefined}>{t(`panels.opStatus.${o.status}`)}</td>
              </>}
              <td>{j ? j.jobId : '–'}</td><td>{j ? cell(j.durationMs) : '–'}</td>
              <td>{j ? `${j.stagesSucceeded}/${j.stagesTotal}${j.stagesSkipped ? ` (${t('panels.skippedN', { n: j.stagesSkipped })})` : ''}` : '–'}</td>
              <td className={j && j.tasksFailed ? 'dsp-bad' : undefined}>{j ? `${j.tasksSucceeded}/${j.tasksTotal}${j.tasksFailed ? ` (${t('panels.failedN', { n: j.tasksFailed })})` : ''}` : '–'}</td>
              <td className="dsp-error-cell">{withoutStackFrames(j?.error ?? (k === 0 ? o.failureReason ?? '' : '')) || '–'}</td>
            </tr>));
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
