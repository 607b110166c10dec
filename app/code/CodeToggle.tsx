/**
 * The canvas toolbar's "Code" toggle: shows or hides the code pane beside the canvas. While the pane is open the
 * canvas is narrower, so the button shrinks to its icon (same accessible name, pressed state).
 */
import { useT } from '../i18n/useT';
import { useCodePane } from './codeStore';

function IconCode() {
  return (
    <svg viewBox="0 0 16 16" width="15" height="15" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round">
      <path d="M5.5 4 2 8l3.5 4M10.5 4 14 8l-3.5 4" />
    </svg>
  );
}

export function CodeToggle() {
  const t = useT();
  const open = useCodePane((s) => s.open);
  return (
    <>
      <span className="toolbar-sep" />
      <button
        type="button" className={`btn code-toggle${open ? ' is-active btn--icon' : ''}`} aria-pressed={open} aria-label={t('code.toggle')}
        title={open ? t('code.close') : t('code.toggleHint')} onClick={() => useCodePane.getState().toggle()}
      >
        <IconCode />{!open && <span>{t('code.toggle')}</span>}
      </button>
    </>
  );
}
