import { useEffect, useRef, useState } from 'react';
import { useStudio } from '../store/store';
import { useT } from '../i18n/useT';
import type { EditorHandle } from './codeEditor';
import type { Studio } from '../store/types';

const selectDark = (s: Studio) => s.theme === 'dark';

/** A function param edited in CodeMirror 6 (the editor chunk is loaded on first use). */
export function CodeField({ value, onChange, ariaLabel, runsOn, opName, placeholder, issue }: {
  value: string; onChange: (v: string) => void; ariaLabel: string; runsOn: 'executor' | 'driver'; opName: string; placeholder?: string;
  /** A validation issue for this param (shown when the editor's own check has nothing to say). */
  issue?: string;
}) {
  const t = useT();
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<EditorHandle | null>(null);
  const change = useRef(onChange);
  change.current = onChange;
  const dark = useStudio(selectDark);
  const [error, setError] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let disposed = false;
    import('./codeEditor').then(({ createEditor }) => {
      if (disposed || !host.current) return;
      editor.current = createEditor(host.current, {
        doc: value, ariaLabel, runsOn, opName, dark, placeholder,
        onChange: (v) => change.current(v),
        onCheck: (r) => setError(r.ok ? null : `${r.message} (${t('inspector.lineCol', { line: r.line, column: r.column })})`),
      });
      setReady(true);
    }, (e: Error) => setLoadError(e.message));
    return () => { disposed = true; editor.current?.destroy(); editor.current = null; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ariaLabel, runsOn, opName]);

  useEffect(() => { editor.current?.setDoc(value); }, [value]);
  useEffect(() => { editor.current?.setDark(dark); }, [dark]);

  if (loadError) {
    return <textarea className="code-fallback" value={value} aria-label={ariaLabel} onChange={(e) => onChange(e.target.value)} rows={4} />;
  }
  return (
    <div className="code-field">
      <div ref={host} className="code-field__editor" data-ready={ready || undefined} />
      {!ready && <div className="code-field__loading muted small">{t('common.loading')}</div>}
      {(error ?? issue) && <div className="field__error" role="alert">{error ?? issue}</div>}
    </div>
  );
}
