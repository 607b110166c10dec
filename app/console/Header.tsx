import { useEffect, useState } from 'react';
import { useStudio } from '../store/store';
import { useT } from '../i18n/useT';
import { LANGS, type Lang } from '../i18n/index';
import { FileMenu } from '../files/FileMenu';
import { LessonButtons } from '../lessons/LessonPanel';
import type { Studio } from '../store/types';
import { IconMoon, IconSun } from './icons';

const selectName = (s: Studio) => s.meta.name;
const selectLang = (s: Studio) => s.lang;
const selectTheme = (s: Studio) => s.theme;
const LANG_NAMES: Record<Lang, string> = { en: 'English', 'zh-CN': '简体中文' };

function PipelineName() {
  const t = useT();
  const name = useStudio(selectName);
  const [draft, setDraft] = useState(name);
  useEffect(() => setDraft(name), [name]);
  useEffect(() => { document.title = name ? `${name} — DStream Studio` : 'DStream Studio'; }, [name]);
  const commit = () => { const v = draft.trim(); if (v && v !== name) useStudio.getState().setMeta({ name: v }); else setDraft(name); };
  return (
    <input
      className="pipeline-name" value={draft} aria-label={t('header.pipelineName')} spellCheck={false}
      onChange={(e) => setDraft(e.target.value)} onBlur={commit}
      onKeyDown={(e) => { if (e.key === 'Enter') { commit(); e.currentTarget.blur(); } if (e.key === 'Escape') { setDraft(name); e.currentTarget.blur(); } }}
    />
  );
}

const selectSave = (s: Studio) => s.saveStatus;

/** "Saved in this browser" / "Saving…" / "Not saved" beside the name. */
function SaveStatus() {
  const t = useT();
  const status = useStudio(selectSave);
  return <span className={`save-status save-status--${status}`} role="status" title={t(`save.${status}Hint`)}>{t(`save.${status}`)}</span>;
}

export function Header() {
  const t = useT();
  const lang = useStudio(selectLang);
  const theme = useStudio(selectTheme);
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand__logo" aria-hidden="true">
          <svg viewBox="0 0 24 24" width="22" height="22"><rect x="2" y="5" width="5" height="14" rx="1.5" /><rect x="9.5" y="5" width="5" height="14" rx="1.5" opacity=".75" /><rect x="17" y="5" width="5" height="14" rx="1.5" opacity=".5" /></svg>
        </span>
        <h1>DStream Studio</h1>
      </div>
      <PipelineName />
      <SaveStatus />
      <FileMenu />
      <LessonButtons />
      <div className="header-spacer" />
      <label className="header-select">
        <span className="visually-hidden">{t('header.language')}</span>
        <select value={lang} onChange={(e) => useStudio.getState().setLang(e.target.value as Lang)} aria-label={t('header.language')}>
          {LANGS.map((l) => <option key={l} value={l}>{LANG_NAMES[l]}</option>)}
        </select>
      </label>
      <button
        type="button" className="btn btn--icon btn--ghost" aria-label={theme === 'dark' ? t('header.light') : t('header.dark')} title={theme === 'dark' ? t('header.light') : t('header.dark')}
        onClick={() => useStudio.getState().setTheme(theme === 'dark' ? 'light' : 'dark')}
      >{theme === 'dark' ? <IconSun /> : <IconMoon />}</button>
    </header>
  );
}
