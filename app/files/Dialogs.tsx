import { useEffect, useState } from 'react';
import { useStudio } from '../store/store';
import { useLang, useT } from '../i18n/useT';
import { loc } from '../i18n/index';
import type { Studio } from '../store/types';
import { Modal } from './Modal';
import { fetchExamplesIndex, type ExampleEntry } from './examples';
import { openExample, shareUrl } from './fileActions';
import { ConsentDialog } from './ConsentDialog';
import { deletePipeline, listPipelines } from './autosave';
import { appStorage, openSaved } from './autosaveSync';

const selectDialog = (s: Studio) => s.dialog;
const close = () => useStudio.getState().closeDialog();

function ExamplesDialog() {
  const t = useT();
  const lang = useLang();
  const [items, setItems] = useState<ExampleEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => { fetchExamplesIndex().then(setItems, (e: Error) => setError(e.message)); }, []);
  return (
    <Modal title={t('examples.title')} onClose={close} wide>
      {error && <p className="error-text" role="alert">{error}</p>}
      {!items && !error && <p className="muted">{t('common.loading')}</p>}
      {items && (
        <ul className="gallery" aria-label={t('examples.title')}>
          {items.map((ex) => (
            <li key={ex.id}>
              <button type="button" className="gallery__item" disabled={busy !== null} onClick={async () => { setBusy(ex.id); await openExample(ex.file); setBusy(null); }}>
                <span className="gallery__title">{loc(ex.title, lang)}</span>
                {ex.description && <span className="gallery__desc">{loc(ex.description, lang)}</span>}
                <span className="gallery__file">{ex.file}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </Modal>
  );
}

function PipelinesDialog() {
  const t = useT();
  const [list, setList] = useState(() => listPipelines(appStorage(), Date.now()));
  const current = useStudio((s: Studio) => s.meta.name);
  const fmt = new Intl.DateTimeFormat(useLang(), { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Modal title={t('pipelines.title')} onClose={close}>
      {list.names.length === 0 ? <p className="muted">{t('pipelines.empty')}</p> : (
        <ul className="saved-list">
          {list.names.map((p) => (
            <li key={p.name} className={p.name === current ? 'is-current' : ''}>
              <button type="button" className="saved-list__open" onClick={() => { if (openSaved(p.name)) close(); else setList(listPipelines(appStorage(), Date.now())); }}>
                <span className="saved-list__name">{p.name}</span>
                <span className="saved-list__time">{fmt.format(new Date(p.savedAt))}</span>
              </button>
              <button
                type="button" className="btn btn--ghost btn--small" aria-label={t('pipelines.delete', { name: p.name })}
                disabled={p.name === current}
                onClick={() => { if (confirm(t('pipelines.confirmDelete', { name: p.name }))) { deletePipeline(appStorage(), p.name, Date.now()); setList(listPipelines(appStorage(), Date.now())); } }}
              >{t('action.delete')}</button>
            </li>
          ))}
        </ul>
      )}
    </Modal>
  );
}

function ShareDialog() {
  const t = useT();
  const [url] = useState(() => shareUrl());
  const [copied, setCopied] = useState(false);
  return (
    <Modal title={t('share.title')} onClose={close} footer={
      <>
        <button type="button" className="btn btn--primary" onClick={async () => { try { await navigator.clipboard.writeText(url); setCopied(true); } catch { setCopied(false); } }}>{copied ? t('share.copied') : t('share.copy')}</button>
        <button type="button" className="btn" onClick={close}>{t('common.close')}</button>
      </>
    }>
      <p className="muted">{t('share.hint')}</p>
      <label className="field">
        <span className="field__label">{t('share.link')}</span>
        <textarea className="share-url" readOnly value={url} rows={4} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <p className="muted small">{t('share.size', { n: url.length })}</p>
    </Modal>
  );
}

function ProblemsDialog({ title, problems }: { title: string; problems: string[] }) {
  const t = useT();
  return (
    <Modal title={title} onClose={close} wide footer={<button type="button" className="btn btn--primary" onClick={close}>{t('common.ok')}</button>}>
      <p role="alert">{t('files.problemsIntro', { n: problems.length })}</p>
      <ul className="problem-list">{problems.map((p, i) => <li key={i}><code>{p}</code></li>)}</ul>
    </Modal>
  );
}

function ShortcutsDialog() {
  const t = useT();
  const rows: [string, string][] = [
    ['Ctrl/⌘ + Z', t('action.undo')], ['Shift + Ctrl/⌘ + Z', t('action.redo')], ['Ctrl/⌘ + C / V / X', t('shortcut.clipboard')],
    ['Ctrl/⌘ + D', t('action.duplicate')], ['Delete / Backspace', t('action.delete')], ['Ctrl/⌘ + A', t('shortcut.selectAll')],
    ['Shift + L', t('action.layout')], ['Shift + F', t('action.fit')], ['Ctrl/⌘ + S', t('action.save')], ['Ctrl/⌘ + Enter', t('run.run')],
    ['Tab / Arrow keys', t('shortcut.navigate')],
  ];
  return (
    <Modal title={t('shortcut.title')} onClose={close}>
      <table className="shortcuts"><tbody>{rows.map(([k, v]) => <tr key={k}><th scope="row"><kbd>{k}</kbd></th><td>{v}</td></tr>)}</tbody></table>
    </Modal>
  );
}

export function Dialogs() {
  const d = useStudio(selectDialog);
  if (!d) return null;
  switch (d.kind) {
    case 'examples': return <ExamplesDialog />;
    case 'pipelines': return <PipelinesDialog />;
    case 'share': return <ShareDialog />;
    case 'consent': return <ConsentDialog action={d.action} />;
    case 'problems': return <ProblemsDialog title={d.title} problems={d.problems} />;
    case 'shortcuts': return <ShortcutsDialog />;
  }
}
