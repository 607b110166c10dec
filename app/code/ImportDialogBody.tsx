/**
 * "Import TypeScript": a program (chosen file or pasted text) is recorded in a sandboxed worker that is terminated
 * after IMPORT_TIMEOUT_MS; the resulting graph replaces the current one as one undoable step. Errors name the
 * problem (syntax errors with line, column and the offending line), warnings are listed. Loaded lazily (the
 * importer's recorder stays out of the initial bundle).
 */
import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/useT';
import { Modal } from '../files/Modal';
import { useStudio } from '../store/store';
import { IMPORT_TIMEOUT_MS } from '../../engine/graph/import/index';
import { useCodePane } from './codeStore';
import { ImportCancelled, describeImportFailure, excerptAt, runImport, type ImportFailure, type ImportRun, type WorkerLike } from './importRunner';
import { applyImportedGraph } from './codeActions';
import { engine } from '../store/engineBridge';

// The program runs in an engine host (an opaque origin without storage or network), like every pipeline function.
const createImportWorker = (): WorkerLike => engine.importWorker();

type Phase =
  | { kind: 'edit' }
  | { kind: 'running' }
  | { kind: 'failed'; failure: ImportFailure; source: string }
  | { kind: 'done'; name: string; nodes: number; edges: number; warnings: string[] };

const SECONDS = IMPORT_TIMEOUT_MS / 1000;

/** Offset of a 1-based line and column in a text. */
function offsetAt(text: string, line: number, column: number): number {
  let off = 0;
  for (let l = 1; l < line; l++) { const nl = text.indexOf('\n', off); if (nl < 0) return text.length; off = nl + 1; }
  return Math.min(text.length, off + Math.max(0, column - 1));
}

function FailureView({ failure, source }: { failure: ImportFailure; source: string }) {
  const t = useT();
  const excerpt = failure.line !== undefined ? excerptAt(source, failure.line, failure.column ?? 1) : null;
  const kind = failure.titleKey.split('.').pop() ?? 'runtime';
  return (
    <div className="code-import__failure" role="alert">
      <strong>{t(failure.titleKey, { s: SECONDS })}</strong>
      {failure.line !== undefined && <span className="code-import__at">{t('code.import.at', { line: failure.line, column: failure.column ?? 1 })}</span>}
      {excerpt && (
        <pre className="code-import__excerpt" aria-label={t('code.import.excerpt')}><span className="code-import__lineno">{failure.line}</span>{excerpt.text}{'\n'}<span className="code-import__lineno" aria-hidden="true">{' '.repeat(String(failure.line).length)}</span><span className="code-import__caret">{excerpt.caret}</span></pre>
      )}
      {failure.detail && <p className="code-import__detail" lang="en">{failure.detail}</p>}
      <p className="code-import__fix">{t(`code.import.fix.${kind}`)}</p>
    </div>
  );
}

export default function ImportDialogBody() {
  const t = useT();
  const [source, setSource] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'edit' });
  const [elapsed, setElapsed] = useState(0);
  const run = useRef<ImportRun | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const failureBox = useRef<HTMLDivElement>(null);
  const close = () => { run.current?.cancel(); useCodePane.getState().setImportOpen(false); };

  useEffect(() => () => run.current?.cancel(), []);
  // A failure is scrolled into view; a syntax error also puts the text cursor at its line and column.
  useEffect(() => {
    if (phase.kind !== 'failed') return;
    failureBox.current?.scrollIntoView({ block: 'nearest' });
    const { line, column } = phase.failure;
    const ta = area.current;
    if (!ta || line === undefined || ta.value !== phase.source) return;
    const at = offsetAt(ta.value, line, column ?? 1);
    ta.setSelectionRange(at, at);
  }, [phase]);
  useEffect(() => {
    if (phase.kind !== 'running') return;
    const started = performance.now();
    const id = setInterval(() => setElapsed((performance.now() - started) / 1000), 100);
    return () => clearInterval(id);
  }, [phase.kind]);

  const start = async (text: string) => {
    if (!text.trim()) { setPhase({ kind: 'failed', failure: { titleKey: 'code.import.empty', detail: '' }, source: text }); return; }
    run.current?.cancel();
    setElapsed(0);
    setPhase({ kind: 'running' });
    const r = runImport(text, createImportWorker);
    run.current = r;
    try {
      const { graph, warnings } = await r.result;
      if (run.current !== r) return;
      run.current = null;
      const name = applyImportedGraph(graph);
      const summary = { name, nodes: graph.nodes.length, edges: graph.edges.length };
      if (warnings.length === 0) {
        useStudio.getState().notify({ level: 'info', text: t('code.import.done', summary) });
        useCodePane.getState().setImportOpen(false);
      } else {
        setPhase({ kind: 'done', ...summary, warnings });
      }
    } catch (e) {
      if (run.current !== r) return;
      run.current = null;
      if (e instanceof ImportCancelled) { setPhase({ kind: 'edit' }); return; }
      setPhase({ kind: 'failed', failure: describeImportFailure(e), source: text });
    }
  };

  const onFile = async (f: File) => {
    let text: string;
    try { text = await f.text(); } catch (e) {
      setPhase({ kind: 'failed', failure: { titleKey: 'code.import.readFailed', detail: e instanceof Error ? e.message : String(e) }, source: '' });
      return;
    }
    setFileName(f.name);
    setSource(text);
    await start(text);
  };

  const running = phase.kind === 'running';
  const footer = phase.kind === 'done'
    ? <button type="button" className="btn btn--primary" onClick={close}>{t('code.import.close')}</button>
    : (
      <>
        {running
          ? <button type="button" className="btn" onClick={() => { run.current?.cancel(); }}>{t('code.import.cancel')}</button>
          : <button type="button" className="btn" onClick={close}>{t('code.import.close')}</button>}
        <button type="button" className="btn btn--primary" disabled={running || !source.trim()} onClick={() => void start(source)}>
          {running ? t('code.import.running', { s: elapsed.toFixed(1) }) : t('code.import.run')}
        </button>
      </>
    );

  return (
    <Modal title={t('code.import.title')} onClose={close} footer={footer} wide>
      {phase.kind === 'done' ? (
        <div className="code-import__done">
          <p role="status">{t('code.import.done', { name: phase.name, nodes: phase.nodes, edges: phase.edges })}</p>
          <h3 className="code-import__subhead">{t('code.import.warnings', { n: phase.warnings.length })}</h3>
          <p className="muted small">{t('code.import.warningsIntro')}</p>
          <ul className="code-import__warnings" aria-label={t('code.import.warnings', { n: phase.warnings.length })}>
            {phase.warnings.map((w, i) => <li key={i} className="issue issue--warning" lang="en">⚠ {w}</li>)}
          </ul>
        </div>
      ) : (
        <div className="code-import">
          <p className="code-import__intro">{t('code.import.intro', { s: SECONDS })}</p>
          <div className="code-import__file">
            <button type="button" className="btn" disabled={running} onClick={() => file.current?.click()}>{t('code.import.choose')}</button>
            {fileName && <span className="muted small">{t('code.import.file', { file: fileName })}</span>}
            <input
              ref={file} type="file" accept=".ts,.mts,.js,.mjs,text/typescript,text/javascript,text/plain" hidden data-testid="import-ts-file" aria-label={t('code.import.choose')}
              onChange={(e) => { const f = e.currentTarget.files?.[0]; e.currentTarget.value = ''; if (f) void onFile(f); }}
            />
          </div>
          <label className="code-import__paste">
            <span className="field__label">{t('code.import.paste')}</span>
            <textarea
              ref={area} value={source} rows={9} spellCheck={false} disabled={running} placeholder={t('code.import.placeholder')}
              onChange={(e) => { setSource(e.target.value); setFileName(null); if (phase.kind === 'failed') setPhase({ kind: 'edit' }); }}
            />
          </label>
          {running && <p className="muted small" role="status">{t('code.import.runningHint', { s: SECONDS })}</p>}
          {phase.kind === 'failed' && <div ref={failureBox}><FailureView failure={phase.failure} source={phase.source} /></div>}
        </div>
      )}
    </Modal>
  );
}
