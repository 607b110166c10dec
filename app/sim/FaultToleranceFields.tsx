/** Fault-tolerance toggles in the cluster settings: WAL, receiver replication, speculation → graph.conf (applied on the next Run). */
import { useShallow } from 'zustand/react/shallow';
import { useStudio } from '../store/store';
import { useT } from '../i18n/useT';
import type { Studio } from '../store/types';
import { applyFaultTolerance, readFaultTolerance, type FaultTolerance } from './faultTolerance';

const selectMeta = (s: Studio) => ({ conf: s.meta.conf, checkpointDir: s.meta.checkpointDir, name: s.meta.name });

export function FaultToleranceFields() {
  const t = useT();
  const meta = useStudio(useShallow(selectMeta));
  const ft = readFaultTolerance(meta);
  const change = (patch: Partial<FaultTolerance>) => {
    const next = applyFaultTolerance(useStudio.getState().meta, patch);
    useStudio.getState().setMeta(next.patch);
    if (next.addedCheckpointDir) useStudio.getState().notify({ level: 'info', text: t('sim.ft.walNeedsDir', { dir: next.addedCheckpointDir }) });
  };
  return (
    <div className="sim-ft" role="group" aria-label={t('sim.ft.legend')}>
      <div className="cluster__legend sim-ft__legend">{t('sim.ft.legend')}</div>
      <label className="sim-ft__check" title={t('sim.ft.walHint')}>
        <input type="checkbox" checked={ft.wal} onChange={(e) => change({ wal: e.target.checked })} />
        <span>{t('sim.ft.wal')}</span>
      </label>
      <label className="run-field" title={t('sim.ft.replicationHint')}>
        <span className="run-field__label">{t('sim.ft.replication')}</span>
        <select value={ft.replicated ? '2' : '1'} onChange={(e) => change({ replicated: e.target.value === '2' })}>
          <option value="2">{t('sim.ft.replicated')}</option>
          <option value="1">{t('sim.ft.single')}</option>
        </select>
      </label>
      <label className="sim-ft__check" title={t('sim.ft.speculationHint')}>
        <input type="checkbox" checked={ft.speculation} onChange={(e) => change({ speculation: e.target.checked })} />
        <span>{t('sim.ft.speculation')}</span>
      </label>
      <p className="muted small">{t('sim.ft.checkpointDir')}: <code>{meta.checkpointDir || '—'}</code></p>
    </div>
  );
}
