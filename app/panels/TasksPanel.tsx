import { useMemo, useRef, useState } from 'react';
import { taskGanttData } from './model/execution';
import { barTooltip, ganttHitTest, GANTT_CANVAS_THRESHOLD, renderTaskGantt, type GanttLayout } from '../charts/taskGantt';
import { fmtBytes, fmtMs } from '../charts/common';
import { Empty, PanelFrame, usePalette, useReducedMotion, useRun, useShownBatch, useSvg, useT, useWidth } from './common';

export const TASKS_NAME = 'Tasks';

export function TasksPanel() {
  const t = useT();
  const run = useRun();
  const palette = usePalette();
  const reduced = useReducedMotion();
  const [box, width] = useWidth<HTMLDivElement>();
  const [all, setAll] = useState(false);
  const { batch } = useShownBatch(run);
  const data = useMemo(() => run ? taskGanttData(run.exec, all ? undefined : batch) : undefined, [run?.exec, batch, all]);
  const useCanvas = !!data && data.bars.length > GANTT_CANVAS_THRESHOLD;
  const rowLabel = (r: string) => { const [e, s] = r.split(':'); return `${e === 'driver' ? t('panels.driver') : `${t('panels.executor')} ${e}`} · ${s}`; };
  const opts = { width, height: Math.max(120, 46 + (data?.rows.length ?? 1) * 30), palette, reducedMotion: reduced, label: t('panels.tasks'), rowLabel, axisLabel: data ? t(data.axis === 'time' ? 'panels.axisTime' : 'panels.axisMeasured') : undefined };
  const svg = useSvg((el) => { if (data && !useCanvas) renderTaskGantt(el, data, opts); }, [data, width, palette, reduced, useCanvas, t]);
  const layout = useRef<GanttLayout | null>(null);
  const [tip, setTip] = useState<{ x: number; y: number; text: string } | null>(null);
  const canvas = useSvg<HTMLCanvasElement>((el) => { if (data && useCanvas) layout.current = renderTaskGantt(el, data, opts); }, [data, width, palette, useCanvas, t]);
  const bars = data?.bars ?? [];
  const summary = data ? t('panels.tasksSummary', {
    n: bars.length, rows: data.rows.length, failed: bars.filter((b) => b.status === 'failed' || b.status === 'lost').length,
    speculative: bars.filter((b) => b.speculative).length, retries: bars.filter((b) => b.attempt > 0 || b.stageAttemptId > 0).length,
  }) : undefined;
  const alt = bars.length ? (
    <table className="dsp-table">
      <thead><tr><th>{t('panels.task')}</th><th>{t('panels.stage')}</th><th>{t('panels.partition')}</th><th>{t('panels.executorSlot')}</th><th>{t('panels.status')}</th><th>{t('panels.duration')}</th><th>{t('panels.shuffleRead')}</th><th>{t('panels.shuffleWrite')}</th></tr></thead>
      <tbody>{bars.slice(0, 500).map((b) => (
        <tr key={b.taskId}><td>{b.taskId}{b.speculative ? ` (${t('panels.speculative')})` : ''}</td><td>{b.stageId}.{b.stageAttemptId}</td><td>{b.partition}{t('panels.attempt', { n: b.attempt })}</td>
          <td>{b.executorId} / {b.slot}</td><td>{t(`panels.taskStatus.${b.status}`)}{b.failureReason ? <>: <span lang="en">{b.failureReason}</span></> : ''}</td><td>{b.metrics ? fmtMs(b.metrics.durationMs) : '–'}</td>
          <td>{b.metrics ? fmtBytes(b.metrics.shuffleReadBytes) : '–'}</td><td>{b.metrics ? fmtBytes(b.metrics.shuffleWriteBytes) : '–'}</td></tr>))}</tbody>
    </table>
  ) : <Empty>{t('panels.empty')}</Empty>;
  const toolbar = (
    <button type="button" aria-pressed={all} onClick={() => setAll((v) => !v)}>{all ? t('panels.thisBatch') : t('panels.allBatches')}</button>
  );
  return (
    <PanelFrame accessibleName={TASKS_NAME} titleKey="panels.tasks" run={run} alt={alt} summary={summary} toolbar={toolbar}>
      <div ref={box} className="dsp-fill dsp-relative">
        {!bars.length ? <Empty>{t('panels.empty')}</Empty> : useCanvas ? (
          <canvas ref={canvas} className="dsp-canvas"
            onMouseMove={(e) => {
              const L = layout.current; if (!L) return;
              const r = e.currentTarget.getBoundingClientRect();
              const hit = ganttHitTest(L, e.clientX - r.left, e.clientY - r.top);
              setTip(hit ? { x: e.clientX - r.left + 12, y: e.clientY - r.top + 12, text: barTooltip(hit.bar) } : null);
            }}
            onMouseLeave={() => setTip(null)} />
        ) : <svg ref={svg} className="dsp-svg" />}
        {tip ? <div className="dsp-tooltip" style={{ left: tip.x, top: tip.y }}>{tip.text}</div> : null}
      </div>
    </PanelFrame>
  );
}
