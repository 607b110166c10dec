/**
 * The live code pane beside the canvas: the graph as TypeScript / Scala / PySpark, read-only and highlighted (the
 * CodeMirror chunk is loaded when the pane first opens), re-exported shortly after the graph changes. Clicking or
 * moving the cursor into a statement selects its node on the canvas; selecting a node scrolls to its statement.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useReactFlow } from '@xyflow/react';
import { useStudio } from '../store/store';
import { useT } from '../i18n/useT';
import { canvasHandle } from '../canvas/canvasRef';
import type { Studio } from '../store/types';
import { useCodePane, PANE_MIN } from './codeStore';
import {
  CODE_LANGS, LANG_NAMES, exportCode, exportFileName, nodeSpans, scrollTargetForSelection, selectedRanges, selectionForCursor,
  type ExportLang, type ExportOutcome, type NodeSpan,
} from './codeModel';
import { copyCode, downloadCode } from './codeActions';
import type { CodeViewHandle } from './codeView';
import './code.css';

/** How long the pane waits after the last graph change before exporting again. */
export const CODE_DEBOUNCE_MS = 250;
/** Space the canvas keeps, besides the palette (224) and the inspector (312), when the pane is wide. */
const CANVAS_MIN = 360;
const SIDE_COLUMNS = 224 + 312;

const selectDoc = (s: Studio) => ({ nodes: s.nodes, edges: s.edges, meta: s.meta });
const selectSelected = (s: Studio) => s.nodes.filter((n) => n.selected).map((n) => n.id);
const selectDark = (s: Studio) => s.theme === 'dark';

const svg = { viewBox: '0 0 16 16', width: 14, height: 14, fill: 'none', stroke: 'currentColor', strokeWidth: 1.6, strokeLinecap: 'round', strokeLinejoin: 'round', 'aria-hidden': true } as const;
const IconCopy = () => <svg {...svg}><rect x="5.5" y="5.5" width="8" height="8" rx="1.5" /><path d="M10.5 3.5v-.5a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h.5" /></svg>;
const IconDownload = () => <svg {...svg}><path d="M8 2.5v7.5M4.8 7 8 10.2 11.2 7M3 13.5h10" /></svg>;
const IconCheck = () => <svg {...svg}><path d="M3 8.5 6.5 12 13 4.5" /></svg>;

function useWindowWidth(): number {
  const [w, setW] = useState(() => (typeof window !== 'undefined' ? window.innerWidth : 1280));
  useEffect(() => {
    const on = () => setW(window.innerWidth);
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return w;
}

interface Exported { lang: ExportLang; outcome: ExportOutcome; spans: NodeSpan[] }

function exportNow(lang: ExportLang): Exported {
  const outcome = exportCode(useStudio.getState().currentGraph(), lang);
  return { lang, outcome, spans: outcome.ok ? nodeSpans(outcome.code, lang) : [] };
}

/** The exported program, refreshed CODE_DEBOUNCE_MS after the document changes (at once for a new language). */
function useExported(lang: ExportLang): Exported {
  const doc = useStudio(useShallow(selectDoc));
  const [state, setState] = useState<Exported>(() => exportNow(lang));
  const first = useRef(true);
  useEffect(() => {
    if (state.lang !== lang) { setState(exportNow(lang)); return; }
    if (first.current) { first.current = false; return; }
    const id = setTimeout(() => setState((prev) => {
      const next = exportNow(lang);
      return prev.outcome.ok && next.outcome.ok && prev.outcome.code === next.outcome.code && prev.lang === next.lang ? prev : next;
    }), CODE_DEBOUNCE_MS);
    return () => clearTimeout(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc, lang]);
  return state.lang === lang ? state : exportNow(lang);
}

function PaneBody() {
  const t = useT();
  const { lang, width } = useCodePane(useShallow((s) => ({ lang: s.lang, width: s.width })));
  const exported = useExported(lang);
  const selected = useStudio(useShallow(selectSelected));
  const dark = useStudio(selectDark);
  const name = useStudio((s: Studio) => s.meta.name);
  const rf = useReactFlow();
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<CodeViewHandle | null>(null);
  const spans = useRef<NodeSpan[]>(exported.spans);
  spans.current = exported.spans;
  const [ready, setReady] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const windowWidth = useWindowWidth();
  const tabBase = useId();
  const code = exported.outcome.ok ? exported.outcome.code : '';

  /** Bring a node into the canvas's view if it is outside (the zoom stays). */
  const revealNode = (id: string) => {
    const n = rf.getInternalNode(id);
    const size = canvasHandle()?.size();
    if (!n || !size || size.width === 0) return;
    const { x, y, zoom } = rf.getViewport();
    const w = n.measured.width ?? 190, h = n.measured.height ?? 72;
    const p = n.internals.positionAbsolute;
    const left = p.x * zoom + x, top = p.y * zoom + y;
    const inside = left >= 0 && top >= 0 && left + w * zoom <= size.width && top + h * zoom <= size.height;
    if (!inside) void rf.setCenter(p.x + w / 2, p.y + h / 2, { zoom, duration: 200 });
  };
  const reveal = useRef(revealNode);
  reveal.current = revealNode;

  // The canvas column changes width when the pane opens or closes: fit the graph to what is left.
  useEffect(() => {
    const fit = () => { requestAnimationFrame(() => canvasHandle()?.fitView()); };
    fit();
    return fit;
  }, []);

  useEffect(() => {
    let disposed = false;
    import('./codeView').then(({ createCodeView }) => {
      if (disposed || !host.current) return;
      const st = useStudio.getState();
      view.current = createCodeView(host.current, {
        doc: code, lang, dark: st.theme === 'dark', ariaLabel: t('code.editorLabel', { lang: LANG_NAMES[lang] }),
        onCursorLine: (line) => {
          const sel = useStudio.getState().nodes.filter((n) => n.selected).map((n) => n.id);
          const id = selectionForCursor(spans.current, line, sel);
          if (!id) return;
          useStudio.getState().selectOnly([id]);
          reveal.current(id);
        },
      });
      setReady(true);
    }, (e: Error) => setLoadError(e.message));
    return () => { disposed = true; view.current?.destroy(); view.current = null; };
    // The view is created once; content, language, theme and marks are pushed by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => { view.current?.setContent(code, lang); }, [code, lang, ready]);
  useEffect(() => { view.current?.setDark(dark); }, [dark, ready]);
  useEffect(() => { view.current?.setMarked(selectedRanges(exported.spans, selected)); }, [exported.spans, selected, ready]);
  // Selecting on the canvas scrolls to the statement (not when the cursor already sits in it).
  const selKey = selected.join('\u0000');
  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const line = scrollTargetForSelection(spans.current, selected, v.cursorLine());
    if (line !== null) v.revealLine(line);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selKey, ready, lang]);
  useEffect(() => { setCopied(false); }, [lang]);
  useEffect(() => {
    if (!copied) return;
    const id = setTimeout(() => setCopied(false), 1600);
    return () => clearTimeout(id);
  }, [copied]);

  const maxWidth = Math.max(PANE_MIN, windowWidth - SIDE_COLUMNS - CANVAS_MIN);
  const shown = Math.min(width, maxWidth);

  const onResizeDown = (e: PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    const startX = e.clientX;
    const startW = shown;
    const el = e.currentTarget;
    el.setPointerCapture(e.pointerId);
    const move = (ev: globalThis.PointerEvent) => useCodePane.getState().setWidth(Math.min(maxWidth, startW + (startX - ev.clientX)));
    const up = () => { el.removeEventListener('pointermove', move); el.removeEventListener('pointerup', up); el.removeEventListener('pointercancel', up); };
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
    el.addEventListener('pointercancel', up);
  };
  const onResizeKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 80 : 20;
    if (e.key === 'ArrowLeft') { e.preventDefault(); useCodePane.getState().setWidth(Math.min(maxWidth, shown + step)); }
    if (e.key === 'ArrowRight') { e.preventDefault(); useCodePane.getState().setWidth(shown - step); }
  };

  const tabId = (l: ExportLang) => `${tabBase}-tab-${l}`;
  const panelId = `${tabBase}-panel`;
  const fileName = useMemo(() => exportFileName(name, lang), [name, lang]);
  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = CODE_LANGS.indexOf(lang);
    const next = e.key === 'ArrowRight' ? CODE_LANGS[(i + 1) % CODE_LANGS.length] : e.key === 'ArrowLeft' ? CODE_LANGS[(i + CODE_LANGS.length - 1) % CODE_LANGS.length] : null;
    if (!next) return;
    e.preventDefault();
    useCodePane.getState().setLang(next);
    document.getElementById(tabId(next))?.focus();
  };

  return (
    <aside className="code-pane" style={{ width: shown }} aria-label={t('code.pane')} data-lang={lang}>
      <div
        className="code-pane__resize" role="separator" aria-orientation="vertical" tabIndex={0}
        aria-label={t('code.resize')} aria-valuemin={PANE_MIN} aria-valuemax={maxWidth} aria-valuenow={shown}
        onPointerDown={onResizeDown} onKeyDown={onResizeKey}
      />
      <header className="code-pane__head">
        <div className="code-pane__tabs" role="tablist" aria-label={t('code.languages')} onKeyDown={onTabKey}>
          {CODE_LANGS.map((l) => (
            <button
              key={l} id={tabId(l)} type="button" role="tab" aria-selected={lang === l} aria-controls={panelId} tabIndex={lang === l ? 0 : -1}
              className={`code-pane__tab${lang === l ? ' is-active' : ''}`} onClick={() => useCodePane.getState().setLang(l)}
            >{LANG_NAMES[l]}</button>
          ))}
        </div>
        <div className="code-pane__actions">
          <button type="button" className="btn btn--small code-pane__action" disabled={!exported.outcome.ok} title={t('code.copyHint', { lang: LANG_NAMES[lang] })}
            aria-label={copied ? t('code.copied') : t('code.copy')} onClick={() => { void copyCode(lang).then((ok) => setCopied(ok)); }}>
            {copied ? <IconCheck /> : <IconCopy />}<span className="code-pane__action-label">{copied ? t('code.copied') : t('code.copy')}</span>
          </button>
          <button type="button" className="btn btn--small code-pane__action" disabled={!exported.outcome.ok} title={t('code.downloadHint', { file: fileName })}
            aria-label={t('code.download')} onClick={() => downloadCode(lang)}>
            <IconDownload /><span className="code-pane__action-label">{t('code.download')}</span>
          </button>
          <button type="button" className="btn btn--icon btn--small btn--ghost" aria-label={t('code.close')} title={t('code.close')}
            onClick={() => useCodePane.getState().setOpen(false)}>✕</button>
        </div>
      </header>
      <div className="code-pane__body" role="tabpanel" id={panelId} aria-labelledby={tabId(lang)}>
        {!exported.outcome.ok && (
          <div className="code-pane__error" role="alert">
            <strong>{t('code.exportFailedTitle', { lang: LANG_NAMES[lang] })}</strong>
            <code lang="en">{exported.outcome.error}</code>
          </div>
        )}
        {loadError
          ? <pre className="code-pane__plain" tabIndex={0} aria-label={t('code.editorLabel', { lang: LANG_NAMES[lang] })}>{code}</pre>
          : <div ref={host} className="code-pane__editor" data-ready={ready || undefined} />}
        {!ready && !loadError && <pre className="code-pane__plain code-pane__plain--loading" aria-hidden="true">{code}</pre>}
      </div>
      <footer className="code-pane__foot">
        <span>{t('code.hint')}</span>
        <code className="code-pane__file" title={fileName}>{fileName}</code>
      </footer>
    </aside>
  );
}

/** Mounted beside the canvas; nothing is rendered (and nothing exported) while the pane is closed. */
export function CodePane() {
  const open = useCodePane((s) => s.open);
  return open ? <PaneBody /> : null;
}
