import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStudio } from '../store/store';
import { engine } from '../store/engineBridge';
import { requestRun } from '../files/consent';
import { useT } from '../i18n/useT';
import { confWithMemoryOverhead, confWithTaskTimeout, defaultMemoryOverheadMiB, formatMaster, formatSpeed, MEMORY_OVERHEAD_KEY, parseMaster, parseSizeMiB, sliderFromSpeed, speedFromSlider, taskTimeoutMs, type ClusterSettings } from './cluster';
import { formatDuration } from '../canvas/summary';
import type { Studio } from '../store/types';
import { IconPause, IconPlay, IconStep, IconStop } from './icons';
import { FaultToleranceFields, SimControls } from '../sim/SimControls';

const selectRun = (s: Studio) => ({ status: s.sim.status, speed: s.sim.speed, batches: s.sim.batchesCompleted, last: s.sim.lastBatchTime, interval: s.sim.lastIntervalTime, changed: s.sim.runDocVersion !== undefined && s.sim.runDocVersion !== s.docVersion });
const selectCluster = (s: Studio) => ({ master: s.meta.master, batchDuration: s.meta.batchDuration, seed: s.meta.seed, conf: s.meta.conf });

/** A number field that commits valid values only (min/max, integer). */
function NumberField({ label, value, min, max, onCommit, disabled, suffix, title, width = 64 }: { label: string; value: number; min: number; max: number; onCommit: (v: number) => void; disabled?: boolean; suffix?: string; title?: string; width?: number }) {
  const [draft, setDraft] = useState(String(value));
  useEffect(() => setDraft(String(value)), [value]);
  const n = Number(draft);
  const valid = draft.trim() !== '' && Number.isInteger(n) && n >= min && n <= max;
  return (
    <label className="run-field" title={title}>
      <span className="run-field__label">{label}</span>
      <span className="run-field__control">
        <input
          type="number" inputMode="numeric" value={draft} min={min} max={max} step={1} disabled={disabled} aria-invalid={!valid} style={{ width }}
          onChange={(e) => { setDraft(e.target.value); const v = Number(e.target.value); if (e.target.value.trim() !== '' && Number.isInteger(v) && v >= min && v <= max) onCommit(v); }}
          onBlur={() => { if (!valid) setDraft(String(value)); }}
        />
        {suffix && <span className="run-field__suffix">{suffix}</span>}
      </span>
    </label>
  );
}

function ClusterSettingsBar({ locked }: { locked: boolean }) {
  const t = useT();
  const { master, batchDuration, seed, conf } = useStudio(useShallow(selectCluster));
  const c = parseMaster(master);
  const setMaster = (next: ClusterSettings) => useStudio.getState().setMeta({ master: formatMaster(next) });
  const setConf = (f: (conf: Record<string, string> | undefined) => Record<string, string> | undefined) => useStudio.getState().setMeta({ conf: f(useStudio.getState().meta.conf) });
  const timeoutSeconds = Math.max(1, Math.round(taskTimeoutMs(conf) / 1000));
  const overheadMiB = c.mode === 'cluster' ? (parseSizeMiB(conf?.[MEMORY_OVERHEAD_KEY]) ?? defaultMemoryOverheadMiB(c.memoryMiB)) : 0;
  return (
    <details className="menu cluster-menu">
      <summary className="btn cluster-summary" title={t('cluster.title')}>
        <span className="cluster-summary__label">{t('cluster.short')}</span>
        <code>{master}</code>
        <span className="cluster-summary__sep">·</span>
        <span>{formatDuration(batchDuration)}</span>
        <span className="cluster-summary__sep">·</span>
        <span>{t('cluster.seed')} {seed}</span>
      </summary>
      <div className="menu__list cluster-pop">
        <fieldset className="cluster" disabled={locked}>
          <legend className="cluster__legend">{t('cluster.title')}</legend>
          {locked && <p className="muted small cluster__locked">{t('cluster.locked')}</p>}
          <label className="run-field">
            <span className="run-field__label">{t('cluster.master')}</span>
            <select
              value={c.mode} aria-label={t('cluster.master')}
              onChange={(e) => setMaster(e.target.value === 'local' ? { mode: 'local', cores: c.cores === '*' ? '*' : (c.cores || 2) } : { mode: 'cluster', executors: 2, cores: typeof c.cores === 'number' ? c.cores : 2, memoryMiB: 1024 })}
            >
              <option value="cluster">local-cluster</option>
              <option value="local">local</option>
            </select>
          </label>
          <div className="cluster__row">
            {c.mode === 'cluster' && (
              <NumberField label={t('cluster.executors')} value={c.executors} min={1} max={8} onCommit={(v) => setMaster({ ...c, executors: v })} width={64} />
            )}
            <NumberField
              label={t('cluster.cores')} value={c.cores === '*' ? 4 : c.cores} min={1} max={16} width={64}
              onCommit={(v) => setMaster(c.mode === 'local' ? { mode: 'local', cores: v } : { ...c, cores: v })}
            />
          </div>
          <div className="cluster__row">
            <NumberField label={t('cluster.batch')} value={batchDuration} min={10} max={3_600_000} suffix="ms" width={90} onCommit={(v) => useStudio.getState().setMeta({ batchDuration: v })} />
            <NumberField label={t('cluster.seed')} value={seed} min={0} max={2 ** 31 - 1} width={90} onCommit={(v) => useStudio.getState().setMeta({ seed: v })} />
          </div>
          <div className="cluster__row">
            <NumberField
              label={t('cluster.taskTimeout')} title={t('cluster.taskTimeoutHint')} value={timeoutSeconds} min={1} max={3600} suffix="s" width={72}
              onCommit={(v) => setConf((cf) => confWithTaskTimeout(cf, v))}
            />
            {c.mode === 'cluster' && (
              <NumberField
                label={t('cluster.memoryOverhead')} title={t('cluster.memoryOverheadHint')} value={overheadMiB} min={0} max={65536} suffix="MiB" width={80}
                onCommit={(v) => setConf((cf) => confWithMemoryOverhead(cf, v, c.memoryMiB))}
              />
            )}
          </div>
          <p className="muted small">{t('cluster.masterUrl')}: <code>{master}</code></p>
          <FaultToleranceFields />
        </fieldset>
      </div>
    </details>
  );
}

export function RunBar() {
  const t = useT();
  const { status, speed, batches, last, interval, changed } = useStudio(useShallow(selectRun));
  const live = status === 'running' || status === 'paused' || status === 'loading';
  return (
    <div className="run-bar" role="toolbar" aria-label={t('run.toolbar')}>
      <div className="run-buttons">
        <button type="button" className="btn btn--run" onClick={() => requestRun('run')} disabled={status === 'running' || status === 'loading'} aria-label={t('run.run')} title="Ctrl/⌘ + Enter">
          <IconPlay /> {t('run.run')}
        </button>
        <button type="button" className="btn" onClick={() => void engine.pause()} disabled={status !== 'running'} aria-label={t('run.pause')}>
          <IconPause /> {t('run.pause')}
        </button>
        <button type="button" className="btn" onClick={() => requestRun('step')} disabled={status === 'loading'} aria-label={t('run.step')} title={t('run.stepHint')}>
          <IconStep /> {t('run.step')}
        </button>
        <button type="button" className="btn" onClick={() => void engine.stop()} disabled={!live} aria-label={t('run.stop')}>
          <IconStop /> {t('run.stop')}
        </button>
      </div>
      <label className="speed">
        <span className="run-field__label">{t('run.speed')}</span>
        <input type="range" min={0} max={100} step={1} value={sliderFromSpeed(speed)} aria-valuetext={formatSpeed(speed)} aria-label={t('run.speed')}
          onChange={(e) => engine.setSpeed(speedFromSlider(Number(e.target.value)))} />
        <span className="speed__value" aria-hidden="true">{formatSpeed(speed)}</span>
      </label>
      <div className={`status status--${status}`} role="status" aria-live="polite">
        <span className="status__dot" aria-hidden="true" />
        <span>{t(`status.${status}`)}</span>
        {/* Spark's count (batches with jobs) and the clock of the last interval, so every Step changes what is shown. */}
        {batches > 0 && <span className="status__batches">{batches === 1 ? t('run.batchOne') : t('run.batches', { n: batches })}{interval === undefined && last !== undefined ? ` · ${formatDuration(last)}` : ''}</span>}
        {interval !== undefined && (
          <span className="status__clock" title={interval !== last ? t('run.noJobsHint', { time: interval }) : undefined}>
            {batches > 0 ? ' · ' : ''}{t('run.clock', { time: formatDuration(interval) })}
          </span>
        )}
        {changed && live && <span className="status__changed" title={t('run.changedHint')}>{t('run.changed')}</span>}
      </div>
      <SimControls />
      <div className="header-spacer" />
      <ClusterSettingsBar locked={live} />
    </div>
  );
}
