import { useMemo, useState, useId } from 'react';
import { stateData } from './model/samples';
import { statefulNodeIds } from './model/graphInputs';
import { Empty, PanelFrame, useGraph, useRun, useShownBatch, useT } from './common';

/** The node picked last (kept across tab switches, which remount the panel). */
let lastPicked: string | undefined;

export const STATE_NAME = 'State';

export function StatePanel({ stateNodeIds }: { stateNodeIds?: string[] }) {
  const t = useT();
  const run = useRun();
  const graph = useGraph();
  const selId = useId();
  const { batch } = useShownBatch(run);
  const candidates = useMemo(() => {
    const ids = stateNodeIds ?? statefulNodeIds(graph);
    const sampled = run?.samples.nodeOrder ?? [];
    return ids.length ? ids.filter((id) => sampled.includes(id)).concat(ids.filter((id) => !sampled.includes(id))) : [];
  }, [stateNodeIds, graph, run?.samples.nodeOrder]);
  const [picked, setPickedState] = useState<string | undefined>(() => lastPicked);
  const setPicked = (k: string) => { lastPicked = k; setPickedState(k); };
  const key = picked && candidates.includes(picked) ? picked : candidates[0];
  const data = useMemo(() => run ? stateData(run.samples, key, batch) : undefined, [run?.samples, key, batch]);
  const label = (id: string) => graph?.nodes.find((n) => n.id === id)?.label ?? `${graph?.nodes.find((n) => n.id === id)?.op ?? ''} ${id}`.trim();
  const summary = data && key && data.batchTime !== undefined && data.entries.length
    ? t('panels.stateSummary', { node: label(key), t: data.batchTime, count: data.count, changed: data.changed, prev: data.previousBatchTime !== undefined ? `${data.previousBatchTime} ms` : '–' }) : undefined;
  const table = data && data.entries.length ? (
    <table className="dsp-table dsp-state">
      <thead><tr><th>{t('panels.key')}</th><th>{t('panels.value')}</th><th>{t('panels.previous')}</th><th>{t('panels.change')}</th></tr></thead>
      <tbody>{data.entries.map((e) => (
        <tr key={e.key} className={`dsp-change-${e.change}`}><td>{e.key}</td><td>{e.value}</td><td>{e.previous ?? '–'}</td><td>{t(`panels.change.${e.change}`)}</td></tr>))}</tbody>
    </table>
  ) : null;
  const toolbar = candidates.length > 1 ? (
    <span className="dsp-field"><label htmlFor={selId}>{t('panels.node')}</label>
      <select id={selId} value={key} onChange={(e) => setPicked(e.target.value)}>{candidates.map((c) => <option key={c} value={c}>{label(c)}</option>)}</select></span>
  ) : null;
  return (
    <PanelFrame accessibleName={STATE_NAME} titleKey="panels.state" run={run} summary={summary} toolbar={toolbar}
      alt={data?.history.length ? <ul>{data.history.map((h) => <li key={h.batchTime}>{h.batchTime} ms: {h.count} keys, {h.changed} changed</li>)}</ul> : <Empty>{t('panels.stateEmpty')}</Empty>}>
      {!candidates.length ? <Empty>{t('panels.stateEmpty')}</Empty> : (
        <div className="dsp-fill">
          {data && data.history.length ? (
            <ol className="dsp-history" aria-label="history">{data.history.map((h) => (
              <li key={h.batchTime} className={h.batchTime === batch ? 'on' : undefined} title={`${h.batchTime} ms: ${h.count} keys, ${h.changed} changed`}>
                <span className="dsp-bar" style={{ height: `${Math.min(100, 12 + h.changed * 10)}%` }} />{h.batchTime / 1000}s</li>))}</ol>
          ) : null}
          {table ?? <Empty>{t('panels.empty')}</Empty>}
        </div>
      )}
    </PanelFrame>
  );
}
