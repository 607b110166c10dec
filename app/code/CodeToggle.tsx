/** The run bar's "Code" button: shows or hides the code pane beside the canvas. */
import { useT } from '../i18n/useT';
import { useCodePane } from './codeStore';

function IconCode() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round">
      <path d="M5.5 4 2 8l3.5 4M10.5 4 14 8l-3.5 4" />
    </svg>
  );
}

export function CodeToggle() {
  const t = useT();
  const open = useCodePane((s) => s.open);
  return (
    <button
      type="button" className={`btn code-toggle${open ? ' is-active' : ''}`} aria-pressed={open} title={t('code.toggleHint')}
      onClick={() => useCodePane.getState().toggle()}
    >
      <IconCode /> {t('code.toggle')}
    </button>
  );
}
