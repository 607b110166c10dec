import { useMemo } from 'react';
import { windowsData, type WindowSpec } from './model/windows';
import { windowSpecsFromGraph } from './model/graphInputs';
import { batchTimesUpTo } from './model/run';
import { renderMarbles } from '../charts/marbles';
import { Empty, PanelFrame, useGraph, usePalette, useReducedMotion, useRun, useShownBatch, useSvg, useT, useWidth } from './common';

export const WINDOWS_NAME = 'Windows';

/** How many batches the marble diagram shows, ending at the shown batch. */
const SHOWN = 12;

export function WindowsPanel({ windowSpecs }: { windowSpecs?: WindowSpec[] }) {
  const t = useT();
  const run = useRun();
  const graph = useGraph();
  const palette = usePalette();
  const reduced = useReducedMotion();
  const [box, width] = useWidth<HTMLDivElement>();
  const { batch } = useShownBatch(run);
  const specs = useMemo(() => windowSpecs ?? windowSpecsFromGraph(graph), [windowSpecs, graph]);
  const data = useMemo(() => {
    if (!run) return undefined;
    const times = batchTimesUpTo(run, batch).filter((x) => run.stats.batches[x].status === 'completed' || x === batch).slice(-SHOWN);
    return windowsData(specs, times, run.stats.batchDurationMs ?? graph?.batchDuration ?? 1000, run.stats.zeroTime ?? 0);
  }, [run?.stats, specs, batch, graph?.batchDuration]);
  const svg = useSvg((el) => {
    if (data) renderMarbles(el, data, { width, height: 120, palette, reducedMotion: reduced, label: t('panels.windows'), selected: batch, addedLabel: t('panels.added'), subtractedLabel: t('panels.subtracted'),
      specLabel: (window, slide, inverse) => t(inverse ? 'panels.windowSpecInverse' : 'panels.windowSpec', { window, slide }) });
  }, [data, width, palette, reduced, batch, t]);
  const current = data?.rows.map((r) => ({ r, w: [...r.windows].reverse().find((w) => batch === undefined || w.endTime <= batch) }));
  const summary = data && data.rows.length && current?.[0]?.w && batch !== undefined
    ? t('panels.windowsSummary', { n: data.rows.length, t: current[0].w.endTime, batches: current[0].w.batches.map((b) => `${b} ms`).join(', ') }) : undefined;
  const alt = data && data.rows.length ? (
    <table className="dsp-table">
      <thead><tr><th>{t('panels.node')}</th><th>{t('panels.windowEnd')}</th><th>{t('panels.inWindow')}</th><th>{t('panels.added')}</th><th>{t('panels.subtracted')}</th></tr></thead>
      <tbody>{data.rows.flatMap((r) => r.windows.map((w) => (
        <tr key={`${r.spec.nodeId}:${w.endTime}`}><td>{r.spec.label ?? r.spec.nodeId}</td><td>{w.endTime} ms</td><td>{w.batches.join(', ')}</td>
          <td>{r.spec.inverse ? w.added.join(', ') || '–' : '–'}</td><td>{r.spec.inverse ? w.subtracted.join(', ') || '–' : '–'}</td></tr>)))}</tbody>
    </table>
  ) : <Empty>{t('panels.windowsEmpty')}</Empty>;
  return (
    <PanelFrame accessibleName={WINDOWS_NAME} titleKey="panels.windows" run={run} alt={alt} summary={summary}>
      <div ref={box} className="dsp-fill">
        {!specs.length ? <Empty>{t('panels.windowsEmpty')}</Empty> : data && data.batchTimes.length ? <svg ref={svg} className="dsp-svg" /> : <Empty>{t('panels.empty')}</Empty>}
      </div>
    </PanelFrame>
  );
}
