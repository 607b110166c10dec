import { useId, useMemo, useState } from 'react';
import { dataPreviewData } from './model/samples';
import { renderSparkline } from '../charts/sparkline';
import { fmtNum } from '../charts/common';
import { Empty, PanelFrame, useGraph, usePalette, useReducedMotion, useRun, useShownBatch, useSvg, useT } from './common';

/** The node picked last (kept across tab switches, which remount the panel). */
let lastPicked: string | undefined;

export const PREVIEW_NAME = 'Data preview';

/** Records of the shown batch per node (first N sampled by the engine), searchable, with a records/s sparkline. */
export function DataPreviewPanel({ nodeId }: { nodeId?: string }) {
  const t = useT();
  const run = useRun();
  const graph = useGraph();
  const palette = usePalette();
  const reduced = useReducedMotion();
  const selId = useId();
  const searchId = useId();
  const { batch } = useShownBatch(run);
  const nodes = run?.samples.nodeOrder ?? [];
  const [picked, setPickedState] = useState<string | undefined>(() => lastPicked);
  const setPicked = (k: string) => { lastPicked = k; setPickedState(k); };
  const [query, setQuery] = useState('');
  const key = nodeId ?? (picked && nodes.includes(picked) ? picked : nodes[0]);
  const data = useMemo(() => run ? dataPreviewData(run.samples, key, batch, query, run.stats.batchDurationMs) : undefined, [run?.samples, key, batch, query]);
  const label = (k: string) => {
    const n = graph?.nodes.find((x) => x.id === k);
    const ref = run?.samples.nodes[k];
    return n ? `${n.label ?? n.op} (${k})` : ref && ref.nodeId === undefined ? t('panels.internalStream', { id: ref.dstreamId }) : k;
  };
  const spark = useSvg((el) => {
    if (data) renderSparkline(el, data.sparkline, { width: 160, height: 28, palette, color: palette.accent, label: t('panels.recordsPerSecond'), selected: batch, reducedMotion: reduced });
  }, [data, palette, batch, reduced, t]);
  const last = data?.sparkline.find((p) => p.batchTime === batch)?.value;
  const summary = data && key && batch !== undefined ? t('panels.previewSummary', { node: label(key), t: batch, count: data.count, shown: data.shown.length }) : undefined;
  const toolbar = (
    <>
      {nodes.length > 1 && !nodeId ? (
        <span className="dsp-field"><label htmlFor={selId}>{t('panels.node')}</label>
          <select id={selId} value={key} onChange={(e) => setPicked(e.target.value)}>{nodes.map((n) => <option key={n} value={n}>{label(n)}</option>)}</select></span>
      ) : null}
      <span className="dsp-field"><label htmlFor={searchId} className="dsp-visually-hidden">{t('panels.search')}</label>
        <input id={searchId} type="search" placeholder={t('panels.search')} value={query} onChange={(e) => setQuery(e.target.value)} /></span>
    </>
  );
  const list = data && data.shown.length ? (
    <ol className="dsp-records" start={0}>{data.shown.map((r, i) => <li key={i}><code>{r}</code></li>)}</ol>
  ) : <Empty>{nodes.length ? t('panels.previewEmpty') : t('panels.empty')}</Empty>;
  return (
    <PanelFrame accessibleName={PREVIEW_NAME} titleKey="panels.preview" run={run} summary={summary} toolbar={toolbar}
      alt={data ? <p>{summary} {data.sparkline.map((p) => `${p.batchTime} ms: ${fmtNum(p.value)} ${t('panels.recordsPerSecond')}`).join('; ')}</p> : <Empty>{t('panels.empty')}</Empty>}>
      <div className="dsp-fill">
        {data && data.sparkline.length ? (
          <div className="dsp-spark"><svg ref={spark} className="dsp-svg" /><span>{last !== undefined ? `${fmtNum(last)} ${t('panels.recordsPerSecond')}` : ''}</span>
            {data.count > data.totalShown ? <span className="dsp-muted">({data.totalShown}/{data.count})</span> : null}</div>
        ) : null}
        {list}
      </div>
    </PanelFrame>
  );
}
