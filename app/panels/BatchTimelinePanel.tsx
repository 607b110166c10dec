import { useMemo } from 'react';
import { batchTimelineData } from './model/batchTimeline';
import { batchTimesUpTo } from './model/run';
import { renderTimeline } from '../charts/timeline';
import { Empty, PanelFrame, usePalette, useReducedMotion, useRun, useRunActions, useShownBatch, useSvg, useT, useWidth } from './common';

export const TIMELINE_NAME = 'Batch timeline';

/** How many batches the timeline shows, ending at the shown batch. */
const SHOWN = 6;

export function BatchTimelinePanel() {
  const t = useT();
  const run = useRun();
  const palette = usePalette();
  const reduced = useReducedMotion();
  const { selectBatch } = useRunActions();
  const [box, width] = useWidth<HTMLDivElement>();
  const { batch, live } = useShownBatch(run);
  const data = useMemo(() => {
    if (!run) return undefined;
    const times = batchTimesUpTo(run, live ? undefined : batch).slice(-SHOWN);
    const reported: Record<number, number> = {};
    for (const x of times) reported[x] = run.stats.batches[x]?.numRecords ?? 0;
    const d = batchTimelineData(run.timeline, times, run.stats.batchDurationMs, reported);
    return live ? d : { ...d, pending: [] };
  }, [run?.timeline, run?.stats, batch, live]);
  const streamLabel = (id: number) => run?.cluster.receivers[id]?.name ?? t('panels.stream', { id });
  const svg = useSvg((el) => {
    if (data) renderTimeline(el, data, { width, height: Math.max(150, 70 + 50 * Math.max(1, data.streams.length)), palette, reducedMotion: reduced, label: t('panels.timeline'), selected: batch, onSelect: selectBatch, streamLabel, blockLabel: (records, partitions) => t('panels.blockLabel', { records, partitions }) });
  }, [data, width, palette, reduced, batch, t]);
  const cur = data?.batches.find((b) => b.batchTime === batch);
  const summary = cur ? t('panels.timelineSummary', { t: cur.batchTime, records: cur.records || cur.reportedRecords || 0, blocks: cur.partitions.reduce((n, p) => n + p.blocks.length, 0), streams: cur.partitions.length }) : undefined;
  const alt = data && data.batches.length ? (
    <table className="dsp-table">
      <thead><tr><th>{t('panels.batchTime')}</th><th>{t('panels.stream', { id: '' })}</th><th>{t('panels.partitions')}</th><th>{t('panels.records')}</th></tr></thead>
      <tbody>{data.batches.flatMap((b) => (b.partitions.length ? b.partitions : [{ streamId: -1, blocks: [], records: b.reportedRecords ?? 0 }]).map((p) => (
        <tr key={`${b.batchTime}:${p.streamId}`}><td>{b.batchTime} ms</td><td>{p.streamId >= 0 ? streamLabel(p.streamId) : '–'}</td>
          <td>{p.blocks.map((x, i) => `${i}: ${x.blockId} (${x.records})${x.lost ? ' LOST' : ''}`).join(', ') || '–'}</td><td>{p.records}</td></tr>)))}</tbody>
    </table>
  ) : <Empty>{t('panels.empty')}</Empty>;
  return (
    <PanelFrame accessibleName={TIMELINE_NAME} titleKey="panels.timeline" run={run} alt={alt} summary={summary}>
      <div ref={box} className="dsp-fill">
        {data && (data.batches.length || data.pending.length) ? <svg ref={svg} className="dsp-svg" /> : <Empty>{t('panels.empty')}</Empty>}
        {data && data.pending.length ? <p className="dsp-muted">{t('panels.pendingBlocks', { n: data.pending.length })}</p> : null}
      </div>
    </PanelFrame>
  );
}
