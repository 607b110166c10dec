import { useMemo } from 'react';
import { lineageData, PARTITION_STATES, type LineageStage } from './model/execution';
import { renderLineage } from '../charts/lineage';
import { Empty, PanelFrame, usePalette, useReducedMotion, useRun, useShownBatch, useSvg, useT, useWidth } from './common';

export const LINEAGE_NAME = 'Lineage';


export function LineagePanel() {
  const t = useT();
  const run = useRun();
  const palette = usePalette();
  const reduced = useReducedMotion();
  const [box, width] = useWidth<HTMLDivElement>();
  const { batch } = useShownBatch(run);
  const data = useMemo(() => run ? lineageData(run.exec, batch) : undefined, [run?.exec, batch]);
  const stageLabel = (s: LineageStage) => t('panels.stageLabel', {
    id: s.stageId, attempt: s.attempts.some((a) => a.attemptId > 0) ? t('panels.attempt', { n: s.attempts[s.attempts.length - 1].attemptId }) : '',
    kind: s.status === 'skipped' ? ` · ${t('panels.legend.skipped')}` : s.isShuffleMap ? t('panels.shuffleMap') : t('panels.result'),
  });
  const svg = useSvg((el) => { if (data) renderLineage(el, data, { width, height: 200, palette, reducedMotion: reduced, label: t('panels.lineage'), stageLabel }); }, [data, width, palette, reduced, t]);
  const stages = data?.jobs.flatMap((j) => j.stages) ?? [];
  const summary = data && data.jobs.length ? t('panels.lineageSummary', { t: batch ?? '–', jobs: data.jobs.length, stages: stages.length, done: data.counts.done, lost: data.counts.lost + data.counts.failed, recomputed: data.counts.recomputed }) : undefined;
  const alt = data && data.jobs.length ? (
    <table className="dsp-table">
      <thead><tr><th>{t('panels.stage')}</th><th>{t('panels.rddChain')}</th><th>{t('panels.partitions')}</th></tr></thead>
      <tbody>{stages.map((s) => (
        <tr key={s.stageId}><td>{stageLabel(s)} (job {s.jobId}){s.parentStageIds.length ? ` ← ${s.parentStageIds.join(', ')}` : ''}{s.recomputing ? ` — ${t('panels.recomputing')}` : ''}</td>
          <td>{s.rddChain.join(' → ')}</td>
          <td>{s.partitions.map((c) => `${c.partition}: ${t(`panels.legend.${c.state}`)}`).join(', ')}</td></tr>))}</tbody>
    </table>
  ) : <Empty>{t('panels.empty')}</Empty>;
  return (
    <PanelFrame accessibleName={LINEAGE_NAME} titleKey="panels.lineage" run={run} alt={alt} summary={summary}>
      <ul className="dsp-legend" aria-hidden="true">
        {PARTITION_STATES.map((s) => <li key={s}><span className={`dsp-swatch ${s}`} style={{ background: s === 'pending' || s === 'skipped' ? palette.background : palette.states[s], borderColor: palette.states[s], borderStyle: s === 'skipped' ? 'dashed' : undefined }} />{t(`panels.legend.${s}`)}</li>)}
      </ul>
      <div ref={box} className="dsp-fill">
        {data && data.jobs.length ? <svg ref={svg} className="dsp-svg dsp-lineage" /> : <Empty>{t('panels.empty')}</Empty>}
      </div>
    </PanelFrame>
  );
}
