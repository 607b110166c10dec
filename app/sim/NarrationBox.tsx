/** Guided fault mode's narration: the steps of the active narration, done ones ticked, the current one highlighted. */
import { useStudio } from '../store/store';
import { useT } from '../i18n/useT';
import type { Studio } from '../store/types';
import { currentStep, stepKey } from './narration';

/** A step not reached yet has no values for its placeholders: show an ellipsis, not "{batch}". */
const fill = (text: string) => text.replace(/\{\w+\}/g, '…');

const selectNarration = (s: Studio) => (s.guide.enabled ? s.guide.active : null);

export function NarrationBox() {
  const t = useT();
  const n = useStudio(selectNarration);
  if (!n) return null;
  const cur = currentStep(n);
  const required = n.steps.filter((s) => !s.optional);
  const doneRequired = required.filter((s) => s.status === 'done').length;
  const vars = n.vars;
  return (
    <section className={`sim-narration${n.complete ? (n.aborted ? ' sim-narration--aborted' : ' sim-narration--done') : ''}`} aria-label={t('sim.guide.region')} data-testid="guided-fault">
      <header className="sim-narration__head">
        <span className="sim-narration__kicker">{t('sim.guide.region')}</span>
        <h2 className="sim-narration__title">{t(`sim.guide.title.${n.fault}`, vars)}</h2>
        <button type="button" className="btn btn--icon btn--ghost btn--small" aria-label={t('sim.guide.close')} onClick={() => useStudio.getState().dismissNarration()}>✕</button>
      </header>
      <ol className="sim-narration__steps">
        {/* Optional steps appear only once they happen: "if needed" steps that never come would only confuse. */}
        {n.steps.filter((s) => !(s.optional && s.status !== 'done')).map((s) => {
          const state = s.status === 'done' ? 'done' : s === cur ? 'current' : s.status === 'skipped' ? 'skipped' : 'pending';
          return (
            <li key={s.id} className={`sim-step sim-step--${state}`} aria-current={state === 'current' ? 'step' : undefined} data-step={s.id} data-state={state}>
              <span className="sim-step__mark" aria-hidden="true">{state === 'done' ? '✓' : state === 'current' ? '▸' : '·'}</span>
              <span className="sim-step__text">
                {fill(t(stepKey(n.fault, s.id), vars))}
                {state === 'current' && <em className="sim-step__wait"> {t('sim.guide.waiting')}</em>}
              </span>
            </li>
          );
        })}
      </ol>
      <footer className="sim-narration__foot" aria-live="polite">
        {n.complete
          ? (n.aborted ? t(`sim.guide.${n.aborted}`, vars) : t('sim.guide.complete'))
          : t('sim.guide.progress', { n: Math.min(required.length, doneRequired + 1), total: required.length })}
      </footer>
    </section>
  );
}
