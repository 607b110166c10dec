import { useMemo } from 'react';
import { backpressureData } from './model/backpressure';
import { renderRateChart } from '../charts/rateChart';
import { fmtNum } from '../charts/common';
import { Empty, PanelFrame, usePalette, useReducedMotion, useRun, useSvg, useT, useWidth } from './common';

export const BACKPRESSURE_NAME = 'Back-pressure';

export function BackpressurePanel() {
  const t = useT();
  const run = useRun();
  const palette = usePalette();
  const reduced = useReducedMotion();
  const [box, width] = useWidth<HTMLDivElement>();
  const data = useMemo(() => run ? backpressureData(run.backpressure, run.stats) : undefined, [run?.backpressure, run?.stats]);
  const svg = useSvg((el) => {
    if (data) renderRateChart(el, data.series, { width, height: 220, palette, reducedMotion: reduced, label: t('panels.backpressure'), boundLabel: data.enabled ? t('panels.bpBound') : undefined, actualLabel: t('panels.bpActual') });
  }, [data, width, palette, reduced, t]);
  const has = !!data && data.series.some((s) => s.actual.length || s.bound.length);
  // With back-pressure off there is no PID bound: the summary, legend and table speak of the actual rate only.
  const bounded = !!data?.enabled;
  const actualText = (s: { latestActual?: number }) => (s.latestActual !== undefined ? fmtNum(s.latestActual) : '–');
  const summary = data && has ? data.series.map((s) => (bounded
    ? t('panels.bpSummary', { id: s.streamId, bound: s.latestBound !== undefined ? fmtNum(s.latestBound) : '–', actual: actualText(s) })
    : t('panels.bpSummaryOff', { id: s.streamId, actual: actualText(s) }))).join(' · ') : undefined;
  const alt = data && has ? (
    <table className="dsp-table">
      <thead><tr><th>{t('panels.stream', { id: '' })}</th><th>{t('panels.time')}</th>{bounded && <th>{t('panels.bpBound')}</th>}<th>{t('panels.bpActual')}</th></tr></thead>
      <tbody>{data.series.flatMap((s) => {
        const times = [...new Set([...s.bound.map((p) => p.time), ...s.actual.map((p) => p.time)])].sort((a, b) => a - b);
        return times.map((time) => (<tr key={`${s.streamId}:${time}`}><td>{s.streamId}</td><td>{time} ms</td>
          {bounded && <td>{fmtNum(s.bound.find((p) => p.time === time)?.rate ?? NaN)}</td>}<td>{fmtNum(s.actual.find((p) => p.time === time)?.rate ?? NaN)}</td></tr>));
      })}</tbody>
    </table>
  ) : <Empty>{t('panels.bpEmpty')}</Empty>;
  return (
    <PanelFrame accessibleName={BACKPRESSURE_NAME} titleKey="panels.backpressure" run={run} alt={alt} summary={summary}>
      <div ref={box} className="dsp-fill">
        {has ? <svg ref={svg} className="dsp-svg" /> : null}
        {data && !data.enabled ? <p className="dsp-muted">{t('panels.bpEmpty')}</p> : null}
      </div>
    </PanelFrame>
  );
}
