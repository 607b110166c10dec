/**
 * The File menu's code entries: Export → TypeScript / Scala / PySpark (download, or copy), the same with this run's
 * data (the sources replay what the run received) and "Import TypeScript…".
 * Also mounts the import dialog (rendered into <body>).
 */
import { useT } from '../i18n/useT';
import { CODE_LANGS, LANG_NAMES } from './codeModel';
import { exportExtension } from '../../engine/graph/codegen/index';
import { copyCode, downloadCode, downloadWithRunData } from './codeActions';
import { useStudio } from '../store/store';
import { useCodePane } from './codeStore';
import { ImportDialog } from './ImportDialog';

/** `onDone` closes the menu. */
export function CodeMenuItems({ onDone }: { onDone: () => void }) {
  const t = useT();
  // The engine records a run's inputs as it goes; there is something to export once a batch completed.
  const hasRunData = useStudio((s) => s.sim.batchesCompleted > 0 && !s.sim.replay);
  return (
    <>
      <hr />
      <div className="code-menu__label" aria-hidden="true">{t('code.menu.export')}</div>
      {CODE_LANGS.map((l) => (
        <div key={l} className="code-menu__row">
          <button type="button" className="menu__item code-menu__lang" aria-label={t('code.menu.download', { lang: LANG_NAMES[l] })}
            onClick={() => { onDone(); downloadCode(l); }}>
            <span>→ {LANG_NAMES[l]}</span><span className="code-menu__ext">{exportExtension(l)}</span>
          </button>
          <button type="button" className="menu__item code-menu__copy" aria-label={t('code.menu.copy', { lang: LANG_NAMES[l] })} title={t('code.menu.copy', { lang: LANG_NAMES[l] })}
            onClick={() => { onDone(); void copyCode(l, { announce: true }); }}>
            {t('code.copy')}
          </button>
        </div>
      ))}
      <div className="code-menu__label" aria-hidden="true" title={t('code.runData.hint')}>{t('code.runData.label')}</div>
      {!hasRunData && <div className="code-menu__note" data-testid="run-data-needs-run">{t('code.runData.needsRun')}</div>}
      {CODE_LANGS.map((l) => (
        <div key={l} className="code-menu__row">
          <button type="button" className="menu__item code-menu__lang" disabled={!hasRunData}
            aria-label={t('code.runData.download', { lang: LANG_NAMES[l] })} title={hasRunData ? t('code.runData.hint') : t('code.runData.needsRun')}
            onClick={() => { onDone(); void downloadWithRunData(l); }}>
            <span>→ {LANG_NAMES[l]}</span><span className="code-menu__ext">{exportExtension(l)}</span>
          </button>
        </div>
      ))}
      <button type="button" className="menu__item" onClick={() => { onDone(); useCodePane.getState().setImportOpen(true); }}>{t('code.menu.import')}</button>
      <ImportDialog />
      <hr />
    </>
  );
}
