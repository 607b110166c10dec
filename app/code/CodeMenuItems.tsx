/**
 * The File menu's code entries: Export → TypeScript / Scala / PySpark (download, or copy) and "Import TypeScript…".
 * Also mounts the import dialog (rendered into <body>).
 */
import { useT } from '../i18n/useT';
import { CODE_LANGS, LANG_NAMES } from './codeModel';
import { exportExtension } from '../../engine/graph/codegen/index';
import { copyCode, downloadCode } from './codeActions';
import { useCodePane } from './codeStore';
import { ImportDialog } from './ImportDialog';

/** `onDone` closes the menu. */
export function CodeMenuItems({ onDone }: { onDone: () => void }) {
  const t = useT();
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
      <button type="button" className="menu__item" onClick={() => { onDone(); useCodePane.getState().setImportOpen(true); }}>{t('code.menu.import')}</button>
      <ImportDialog />
      <hr />
    </>
  );
}
