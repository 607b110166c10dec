import { useRef } from 'react';
import { useStudio } from '../store/store';
import { useT } from '../i18n/useT';
import { downloadJson, newPipeline, openFile } from './fileActions';
import { saveNow } from './autosaveSync';
import { CodeMenuItems } from '../code/CodeMenuItems';
import { RunMenuItems } from '../sim/RunMenuItems';

/** The header's file actions: a File menu (details/summary) and the Examples button. */
export function FileMenu() {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const menu = useRef<HTMLDetailsElement>(null);
  const done = () => { if (menu.current) menu.current.open = false; };
  const open = (d: Parameters<ReturnType<typeof useStudio.getState>['openDialog']>[0]) => { done(); useStudio.getState().openDialog(d); };
  return (
    <div className="file-menu">
      <details className="menu" ref={menu}>
        <summary className="btn">{t('files.menu')}</summary>
        <div className="menu__list" role="group" aria-label={t('files.menu')}>
          <button type="button" className="menu__item" onClick={() => { done(); newPipeline(); }}>{t('files.new')}</button>
          <button type="button" className="menu__item" onClick={() => { done(); input.current?.click(); }}>{t('files.open')}</button>
          <button type="button" className="menu__item" onClick={() => { done(); saveNow(true); }}>{t('action.save')}<kbd>Ctrl/⌘ S</kbd></button>
          <button type="button" className="menu__item" onClick={() => { done(); downloadJson(); }}>{t('files.exportJson')}</button>
          <CodeMenuItems onDone={done} />
          <RunMenuItems onDone={done} />
          <button type="button" className="menu__item" onClick={() => open({ kind: 'share' })}>{t('share.title')}…</button>
          <button type="button" className="menu__item" onClick={() => open({ kind: 'pipelines' })}>{t('pipelines.title')}…</button>
          <hr />
          <button type="button" className="menu__item" onClick={() => open({ kind: 'shortcuts' })}>{t('shortcut.title')}</button>
        </div>
      </details>
      <button type="button" className="btn" onClick={() => useStudio.getState().openDialog({ kind: 'examples' })}>{t('examples.button')}</button>
      <input
        ref={input} type="file" accept=".json,application/json" hidden aria-label={t('files.open')} data-testid="open-file"
        onChange={async (e) => { const f = e.currentTarget.files?.[0]; e.currentTarget.value = ''; if (f) await openFile(f); }}
      />
    </div>
  );
}
