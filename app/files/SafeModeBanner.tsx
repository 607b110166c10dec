/** The safe-mode banner shown after a visit that crashed or froze during a run. */
import { useStudio } from '../store/store';
import { useT } from '../i18n/useT';
import type { Studio } from '../store/types';
import { openWithFunctionsDisabled, runAnyway } from './safeMode';

const selectSafe = (s: Studio) => s.safeMode;
const selectName = (s: Studio) => s.meta.name;

export function SafeModeBanner() {
  const t = useT();
  const on = useStudio(selectSafe);
  const name = useStudio(selectName);
  if (!on) return null;
  return (
    <div className="safe-banner" role="alert" aria-label={t('safe.title')}>
      <strong className="safe-banner__title">{t('safe.title')}</strong>
      <span className="safe-banner__text">{t('safe.text', { name })}</span>
      <span className="safe-banner__actions">
        <button type="button" className="btn btn--primary btn--small" onClick={openWithFunctionsDisabled} title={t('safe.disableHint')}>{t('safe.disable')}</button>
        <button type="button" className="btn btn--small" onClick={runAnyway}>{t('safe.runAnyway')}</button>
        <button type="button" className="btn btn--ghost btn--small" onClick={() => useStudio.getState().setSafeMode(false)}>{t('safe.dismiss')}</button>
      </span>
    </div>
  );
}
