/**
 * The run bar's simulation controls: the replay badge, the guided-fault toggle (and its narration box) and
 * the breakpoints popover. Components hold no engine logic: breakpoints go through the bridge to the worker.
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStudio } from '../store/store';
import { engine } from '../store/engineBridge';
import { useT } from '../i18n/useT';
import type { Studio } from '../store/types';
import { newBreakpointId, type Breakpoint } from './breakpoints';
import { breakpointLabel } from './simText';
import { NarrationBox } from './NarrationBox';
import './sim.css';

const selectBar = (s: Studio) => ({ replay: s.sim.replay, guide: s.guide.enabled, count: s.breakpoints.length });

export function SimControls() {
  const t = useT();
  const { replay, guide, count } = useStudio(useShallow(selectBar));
  return (
    <div className="sim-controls">
      {replay && (
        <span className="sim-badge" role="status" title={t('sim.run.badgeHint', { name: replay.name })} data-testid="replay-badge">
          {t('sim.run.badge')}
        </span>
      )}
      <button
        type="button" className={`btn btn--small sim-toggle${guide ? ' sim-toggle--on' : ''}`} aria-pressed={guide}
        title={t('sim.guide.toggleHint')} onClick={() => useStudio.getState().setGuideEnabled(!guide)}
      >
        <span className="sim-toggle__dot" aria-hidden="true" />{t('sim.guide.toggle')}
      </button>
      <details className="menu sim-bp-menu">
        <summary className="btn btn--small sim-bp-summary" aria-label={t('sim.bp.button')} title={t('sim.bp.button')} data-testid="breakpoints-menu">
          <span className={`sim-bp-icon${count > 0 ? ' sim-bp-icon--set' : ''}`} aria-hidden="true" />
          {count > 0 && <span className="sim-count" aria-hidden="true">{count}</span>}
        </summary>
        <div className="menu__list sim-bp-pop">
          <BreakpointEditor />
        </div>
      </details>
      <NarrationBox />
    </div>
  );
}

const selectEditor = (s: Studio) => ({ bps: s.breakpoints, nodes: s.nodes, batchDuration: s.meta.batchDuration });

function BreakpointEditor() {
  const t = useT();
  const { bps, nodes, batchDuration } = useStudio(useShallow(selectEditor));
  const [batch, setBatch] = useState(String(batchDuration * 3));
  const [nodeId, setNodeId] = useState('');
  const [mode, setMode] = useState<'text' | 'expression'>('text');
  const [pattern, setPattern] = useState('');
  const [error, setError] = useState<string | null>(null);
  const node = nodes.find((n) => n.id === nodeId) ? nodeId : nodes[0]?.id ?? '';
  const set = (next: Breakpoint[]) => { setError(null); void engine.setBreakpoints(next); };
  const addBatch = () => {
    const n = Number(batch);
    if (!Number.isInteger(n) || n <= 0) { setError(t('sim.bp.invalidBatch')); return; }
    if (!bps.some((b) => b.kind === 'batch' && b.batchTime === n)) set([...bps, { id: newBreakpointId(), kind: 'batch', batchTime: n }]);
  };
  const addRecord = () => {
    if (!node) { setError(t('sim.bp.noNodes')); return; }
    if (!pattern.trim()) { setError(t('sim.bp.invalidPattern')); return; }
    set([...bps, { id: newBreakpointId(), kind: 'record', nodeId: node, mode, pattern: pattern.trim() }]);
    setPattern('');
  };
  return (
    <div className="sim-bp" role="group" aria-label={t('sim.bp.title')}>
      <div className="sim-bp__title">{t('sim.bp.title')}</div>
      {bps.length === 0 ? <p className="muted small sim-bp__none">{t('sim.bp.none')}</p> : (
        <ul className="sim-bp__list">
          {bps.map((b) => {
            const label = breakpointLabel(b, nodes);
            return (
              <li key={b.id}>
                <span className="sim-bp__dot" aria-hidden="true" />
                <span className="sim-bp__label">{label}</span>
                <button type="button" className="btn btn--icon btn--ghost btn--small" aria-label={t('sim.bp.remove', { what: label })} onClick={() => set(bps.filter((x) => x.id !== b.id))}>✕</button>
              </li>
            );
          })}
        </ul>
      )}
      <form className="sim-bp__row" noValidate onSubmit={(e) => { e.preventDefault(); addBatch(); }}>
        <label className="run-field sim-grow">
          <span className="run-field__label">{t('sim.bp.batch')}</span>
          <span className="run-field__control">
            <input type="number" min={batchDuration} step={batchDuration} value={batch} onChange={(e) => setBatch(e.target.value)} aria-describedby="sim-bp-batch-hint" />
            <span className="run-field__suffix">ms</span>
          </span>
        </label>
        <button type="submit" className="btn btn--small">{t('sim.bp.add')}</button>
      </form>
      <p id="sim-bp-batch-hint" className="muted small sim-bp__hint">{t('sim.bp.batchHint')}</p>
      <form className="sim-bp__record" onSubmit={(e) => { e.preventDefault(); addRecord(); }}>
        <div className="run-field__label">{t('sim.bp.record')}</div>
        <div className="sim-bp__row">
          <label className="run-field">
            <span className="run-field__label">{t('sim.bp.node')}</span>
            <select value={node} onChange={(e) => setNodeId(e.target.value)} disabled={nodes.length === 0}>
              {nodes.map((n) => <option key={n.id} value={n.id}>{n.data.label || `${n.data.op} (${n.id})`}</option>)}
            </select>
          </label>
          <label className="run-field">
            <span className="run-field__label">{t('sim.bp.mode')}</span>
            <select value={mode} onChange={(e) => setMode(e.target.value as 'text' | 'expression')}>
              <option value="text">{t('sim.bp.mode.text')}</option>
              <option value="expression">{t('sim.bp.mode.expression')}</option>
            </select>
          </label>
        </div>
        <div className="sim-bp__row">
          <label className="run-field sim-grow">
            <span className="run-field__label">{t('sim.bp.pattern')}</span>
            <input type="text" value={pattern} spellCheck={false} className={mode === 'expression' ? 'sim-mono' : ''} onChange={(e) => setPattern(e.target.value)}
              placeholder={mode === 'text' ? '#spark' : 'r.includes("spark")'} aria-describedby="sim-bp-pattern-hint" />
          </label>
          <button type="submit" className="btn btn--small">{t('sim.bp.add')}</button>
        </div>
        <p id="sim-bp-pattern-hint" className="muted small sim-bp__hint">{t(mode === 'text' ? 'sim.bp.patternHintText' : 'sim.bp.patternHintExpr')}</p>
      </form>
      {error && <p className="sim-bp__error" role="alert">{error}</p>}
    </div>
  );
}
export { FaultToleranceFields } from './FaultToleranceFields';
