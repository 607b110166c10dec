import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { clusterViewData } from './model/cluster';
import { fitCluster, renderClusterView } from '../charts/clusterView';
import { Empty, PanelFrame, useGraph, usePalette, useReducedMotion, useRun, useRunActions, useShownBatch, useSvg, useT } from './common';

export const CLUSTER_NAME = 'Cluster';

/** The width and height the box offers (it fills the panel's body: a flex item in panels.css). */
function useBoxSize<T extends HTMLElement>(): [React.RefObject<T | null>, { width: number; height: number }] {
  const ref = useRef<T>(null);
  const [size, setSize] = useState({ width: 640, height: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const width = Math.floor(el.clientWidth), height = Math.floor(el.clientHeight);
      if (width > 0) setSize((s) => (s.width === width && s.height === height ? s : { width, height }));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, size];
}

export function ClusterPanel() {
  const t = useT();
  const run = useRun();
  const palette = usePalette();
  const reduced = useReducedMotion();
  const { injectFault } = useRunActions();
  const [box, size] = useBoxSize<HTMLDivElement>();
  const graph = useGraph();
  // The app's name and master come from applicationStart; when the listener attached after it, from the graph run.
  const data = useMemo(() => {
    if (!run) return undefined;
    const d = clusterViewData(run.cluster);
    return { ...d, appName: d.appName ?? graph?.name, master: d.master ?? graph?.master };
  }, [run?.cluster, graph?.name, graph?.master]);
  const { batch } = useShownBatch(run);
  const stepLabels = [1, 2, 3, 4, 5].map((i) => t(`panels.step${i}`));
  const svg = useSvg((el) => {
    if (!data) return;
    // The whole diagram fits the box: scaled down in a short dock, up in full screen.
    const fit = fitCluster(data, size.width, size.height);
    renderClusterView(el, data, {
      width: fit.layoutWidth, height: 0, scale: fit.scale,
      words: {
        resources: (cores, mib) => t('panels.execResources', { cores, mib }),
        slots: (n) => t('panels.execSlots', { n }),
        driverState: (state) => t(`panels.driverState.${state}`),
      }, palette, reducedMotion: reduced, label: t('panels.cluster'), stepLabels,
      text: {
        driver: t('panels.driver'), clusterManager: t('panels.clusterManager'), worker: t('panels.worker'), executor: t('panels.executor'),
        slot: t('panels.slot'), lost: t('panels.lost'), replaces: t('panels.replaces'), receiver: t('panels.receiver'), idle: t('panels.idle'), launching: t('panels.launching'),
      },
    });
  }, [data, size, palette, reduced, t]);
  const alive = data?.executors.filter((e) => e.alive) ?? [];
  const lastBlock = useMemo(() => {
    if (!run) return undefined;
    const blocks = [...run.timeline.pending, ...(batch !== undefined ? run.timeline.byBatch[batch] ?? [] : [])].filter((b) => !b.lost);
    return blocks[blocks.length - 1]?.blockId;
  }, [run?.timeline, batch]);
  const fault = (kind: Parameters<NonNullable<typeof injectFault>>[0], args: unknown[] = []) => injectFault?.(kind, args);
  const summary = data ? t('panels.clusterSummary', { step: data.stepProgress, alive: alive.length, busy: data.busySlots, slots: data.totalSlots, receivers: data.receivers.filter((r) => r.status === 'running').length }) : undefined;
  const alt = data ? (
    <div>
      <ol>{[1, 2, 3, 4, 5].map((i) => <li key={i} aria-current={i === data.stepProgress ? 'step' : undefined}>{t('panels.stepNarration', { n: i, label: stepLabels[i - 1] })}{i <= data.stepProgress ? ' ✓' : ''}</li>)}</ol>
      <table className="dsp-table">
        <caption>{t('panels.executor')}</caption>
        <thead><tr><th>{t('panels.executor')}</th><th>{t('panels.worker')}</th><th>{t('panels.status')}</th><th>{t('panels.slot')}</th><th>{t('panels.receiver')}</th></tr></thead>
        <tbody>{data.executors.map((e) => (
          <tr key={e.id} className={e.status === 'dead' ? 'dsp-dead' : ''}>
            <td>{e.id === 'driver' ? t('panels.localDriver') : e.id}{e.replacementOf ? ` (${t('panels.replaces')} ${e.replacementOf})` : ''}</td><td>{e.host}</td>
            <td>{e.status === 'alive' ? t('panels.alive') : e.status === 'launching' ? t('panels.launching') : t('panels.dead', { reason: e.removedReason ?? '' })}</td>
            <td>{e.slots.map((s) => s.taskId !== undefined ? `${s.index}: task ${s.taskId} (stage ${s.stageId}, p${s.partition})` : `${s.index}: ${t('panels.idle')}`).join('; ')}</td>
            <td>{e.receivers.map((r) => `${r.name}${r.slot !== undefined ? ` @ ${t('panels.slot')} ${r.slot}` : ''}`).join(', ')}</td>
          </tr>))}</tbody>
      </table>
    </div>
  ) : <Empty>{t('panels.empty')}</Empty>;
  return (
    <PanelFrame accessibleName={CLUSTER_NAME} titleKey="panels.cluster" run={run} alt={alt} summary={summary}>
      <div ref={box} className="dsp-fill dsp-relative dsp-cluster-fill">
        {data && data.executors.length ? <svg ref={svg} className="dsp-svg" /> : <Empty>{t('panels.empty')}</Empty>}
      </div>
      <div className="dsp-faults" role="group" aria-label={t('panels.faults')}>
        <span className="dsp-faults-title">{t('panels.faults')}:</span>
        {/* One button per executor and receiver ever seen, in a fixed order: a killed one stays (disabled) rather than
            letting the next button slide under the pointer, so a second click never hits a different target. */}
        {(data?.executors ?? []).filter((e) => e.id !== 'driver').map((e) => (
          <button key={`k${e.id}`} type="button" className="dsp-danger" disabled={!e.alive} title={e.alive ? undefined : t('panels.faultTargetGone')}
            onClick={() => fault('killExecutor', [e.id])}>{t('panels.killExecutor', { id: e.id })}</button>))}
        {(data?.receivers ?? []).map((r) => (
          <button key={`r${r.streamId}`} type="button" className="dsp-danger" disabled={r.status !== 'running'} title={r.status === 'running' ? undefined : t('panels.faultTargetGone')}
            onClick={() => fault('crashReceiver', [r.streamId])}>{t('panels.crashReceiver', { id: r.streamId })}</button>))}
        <button type="button" onClick={() => fault('failNextTask', [])}>{t('panels.failNextTask')}</button>
        <button type="button" onClick={() => fault('slowTask', [2000])}>{t('panels.slowTask')}</button>
        <button type="button" disabled={!lastBlock} onClick={() => lastBlock && fault('loseBlock', [lastBlock])}>{t('panels.loseBlock')}</button>
        <button type="button" className="dsp-danger" onClick={() => fault('crashDriver', [])}>{t('panels.crashDriver')}</button>
      </div>
      {data && data.faults.length ? (
        <details className="dsp-faultlog"><summary>{t('panels.faultLog')} ({data.faults.length})</summary>
          <ul>{data.faults.slice().reverse().map((f, i) => <li key={i}><time>{f.time} ms</time> {f.fault} {f.target}: {f.detail}</li>)}</ul>
        </details>) : null}
    </PanelFrame>
  );
}
