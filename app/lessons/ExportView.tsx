/** The lesson's export view: the current graph as TypeScript, Scala or PySpark (engine/graph/codegen). */
import { useMemo, useState } from 'react';
import { useStudio } from '../store/store';
import { useT } from '../i18n/useT';
import { exportTypeScript } from '../../engine/graph/codegen/exportTs';
import { exportScala } from '../../engine/graph/codegen/exportScala';
import { exportPython } from '../../engine/graph/codegen/exportPython';
import type { Studio } from '../store/types';
import { useLessons } from './lessonStore';
import type { ExportLang } from './schema';

const LANG_NAMES: Record<ExportLang, string> = { ts: 'TypeScript', scala: 'Scala', python: 'PySpark' };
const EXPORTERS: Record<ExportLang, (g: ReturnType<Studio['currentGraph']>) => string> = { ts: (g) => exportTypeScript(g), scala: exportScala, python: exportPython };
const selectDoc = (s: Studio) => s.docVersion;

export function ExportView() {
  const t = useT();
  const lang = useLessons((s) => s.exportLang);
  const docVersion = useStudio(selectDoc);
  const [copied, setCopied] = useState(false);
  const result = useMemo(() => {
    if (!lang) return null;
    try { return { code: EXPORTERS[lang](useStudio.getState().currentGraph()) }; } catch (e) { return { error: e instanceof Error ? e.message : String(e) }; }
    // docVersion: re-export when the graph changes.
  }, [lang, docVersion]);
  return (
    <section className="lesson-export" aria-label={t('lessons.export')}>
      <div className="lesson-export__tabs" role="group" aria-label={t('lessons.export')}>
        {(Object.keys(LANG_NAMES) as ExportLang[]).map((l) => (
          <button key={l} type="button" className={`btn btn--small${lang === l ? ' is-active' : ''}`} aria-pressed={lang === l}
            title={t('lessons.exportAs', { lang: LANG_NAMES[l] })} onClick={() => { setCopied(false); useLessons.getState().showExport(lang === l ? null : l); }}>
            {LANG_NAMES[l]}
          </button>
        ))}
        {/* In the row above the code, not over it (it covered the code's first lines). */}
        {result && 'code' in result && (
          <button type="button" className="btn btn--small lesson-export__copy" onClick={() => { void navigator.clipboard?.writeText(result.code ?? '').then(() => setCopied(true), () => {}); }}>
            {copied ? t('lessons.copied') : t('lessons.copy')}
          </button>
        )}
      </div>
      {result && 'code' in result && (
        <div className="lesson-export__code">
          <pre aria-label={lang ? LANG_NAMES[lang] : undefined} tabIndex={0}><code>{result.code}</code></pre>
        </div>
      )}
      {result && 'error' in result && <p className="lesson-export__error">{t('lessons.exportFailed')} <code>{result.error}</code></p>}
    </section>
  );
}
