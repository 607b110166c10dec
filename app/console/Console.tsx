import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useStudio } from '../store/store';
import { useT } from '../i18n/useT';
import { selectConsoleErrors } from '../store/selectors';
import { batchLines, consoleBlocks, CONSOLE_LIMIT } from './consoleModel';
import type { Studio } from '../store/types';
import { Results } from './Results';
import { useStore } from 'zustand';
import { LIVE_VIEW_MS, throttledView } from '../store/throttle';
import { consoleNotices, NOTICES_SHOWN } from './consoleNotices';
import { IconClose } from './icons';

const selectSelectedBatch = (s: Studio) => s.run.selectedBatch;
const selectNodes = (s: Studio) => s.nodes;

/** The printed text, repainted a few times a second while a run prints every frame. */
let printed: ReturnType<typeof throttledView<{ lines: string[]; dropped: number }>> | null = null;
function usePrinted(): { lines: string[]; dropped: number } {
  printed ??= throttledView((s: Studio) => ({ lines: s.consoleLines, dropped: s.consoleDropped }), LIVE_VIEW_MS,
    (a, b) => a.lines === b.lines && a.dropped === b.dropped);
  return useStore(printed, (v) => v.value);
}

/** A block of console lines; unchanged blocks are neither re-rendered nor laid out again. */
const ConsoleBlock = memo(function ConsoleBlock({ text }: { text: string }) {
  return <div className="console__block">{text}</div>;
});

/** The Console: print() output in Spark's format, and errors (Spark's words + a translated explanation). */
export function Console() {
  const t = useT();
  // Errors at once; the printed lines through usePrinted (subscribing to them here re-rendered every frame).
  const errors = useStudio(selectConsoleErrors);
  const graphNodes = useStudio(selectNodes);
  const { lines, dropped } = usePrinted();
  const pre = useRef<HTMLDivElement>(null);
  const [follow, setFollow] = useState(true);
  const [view, setView] = useState<'output' | 'results'>('output');
  const selected = useStudio(selectSelectedBatch);
  const shown = useMemo(() => (selected === undefined ? lines : batchLines(lines, selected)), [lines, selected]);
  const blocks = useMemo(() => consoleBlocks(shown, selected === undefined ? dropped : 0), [shown, dropped, selected]);

  useLayoutEffect(() => {
    const el = pre.current;
    if (el && follow && selected === undefined) el.scrollTop = el.scrollHeight;
  }, [lines, follow, selected]);

  // Time travel shows one batch from its header.
  useLayoutEffect(() => { if (selected !== undefined && pre.current) pre.current.scrollTop = 0; }, [selected]);

  useEffect(() => { if (lines.length === 0) setFollow(true); }, [lines.length]);

  // Banners above the output: repeated messages folded, dismissable, the newest NOTICES_SHOWN shown unless expanded.
  const [dismissed, setDismissed] = useState<ReadonlySet<number>>(() => new Set());
  const [showAll, setShowAll] = useState(false);
  const notices = useMemo(() => consoleNotices(errors, dismissed), [errors, dismissed]);
  useEffect(() => { if (errors.length === 0) setDismissed(new Set()); }, [errors.length]);
  const text = shown.join('\n');
  // "tagPairs (map): " — the user's node and operator, as on the canvas (several when a task ran several functions).
  const nodeNames = (ids: string[] | undefined) => {
    if (!ids?.length) return '';
    const names = ids.map((id) => { const n = graphNodes.find((x) => x.id === id); return n ? `${n.data.label || n.id} (${n.data.op})` : id; });
    return `${names.length > 1 ? t('console.oneOf', { nodes: names.join(', ') }) : names[0]}: `;
  };
  return (
    <section className="console" role="region" aria-label="Console">
      <div className="console__bar">
        <h2 className="dock-title">{t('console.title')}</h2>
        <div className="seg" role="group" aria-label={t('console.view')}>
          <button type="button" className={`seg__btn${view === 'output' ? ' is-on' : ''}`} aria-pressed={view === 'output'} onClick={() => setView('output')}>{t('console.output')}</button>
          <button type="button" className={`seg__btn${view === 'results' ? ' is-on' : ''}`} aria-pressed={view === 'results'} onClick={() => setView('results')}>{t('results.title')}</button>
        </div>
        <span className="muted small">{lines.length >= CONSOLE_LIMIT ? t('console.capped', { n: CONSOLE_LIMIT }) : t('console.lines', { n: lines.length })}</span>
        <div className="header-spacer" />
        <button type="button" className="btn btn--small btn--ghost" onClick={() => void navigator.clipboard?.writeText(text)} disabled={!text}>{t('console.copy')}</button>
        <button type="button" className="btn btn--small btn--ghost" onClick={() => useStudio.getState().clearConsole()} disabled={!text && errors.length === 0}>{t('console.clear')}</button>
      </div>
      {selected !== undefined && (
        <div className="console__travel" role="note">
          <span>{t('console.batch', { time: selected })}{shown.length === 0 ? ` — ${t('console.batchGone')}` : ''}</span>
          <button type="button" className="btn btn--small" onClick={() => useStudio.getState().selectBatch(undefined)}>{t('console.live')}</button>
        </div>
      )}
      {notices.length > 0 && (
        <div className="console__notices">
          <ul className="console__errors" aria-label={t('console.errors')}>
            {(showAll ? notices : notices.slice(0, NOTICES_SHOWN)).map((e) => (
              <li key={e.id} className={`console-error console-error--${e.level}`}>
                {e.cause ? (
                  <>
                    <span className="console-error__msg console-error__cause" lang="en">✖ {nodeNames(e.nodeIds)}{e.cause}{e.count > 1 ? <span className="console-error__count"> ×{e.count}</span> : null}</span>
                    <span className="console-error__detail" lang="en">{e.message}</span>
                  </>
                ) : <span className="console-error__msg" lang="en">{e.level === 'error' ? '✖' : '⚠'} {e.nodeIds?.length ? nodeNames(e.nodeIds) : ''}{e.message}{e.count > 1 ? <span className="console-error__count"> ×{e.count}</span> : null}</span>}
                {e.explainKey && <span className="console-error__explain">{t(e.explainKey)}</span>}
                <button type="button" className="btn btn--icon btn--ghost btn--small console-error__dismiss" aria-label={t('console.dismissNotice')} title={t('console.dismissNotice')}
                  onClick={() => setDismissed((d) => new Set([...d, ...e.ids]))}><IconClose /></button>
              </li>
            ))}
          </ul>
          {notices.length > NOTICES_SHOWN && (
            <button type="button" className="btn btn--small btn--ghost console__more" aria-expanded={showAll} onClick={() => setShowAll((v) => !v)}>
              {showAll ? t('console.fewerNotices') : t('console.moreNotices', { n: notices.length - NOTICES_SHOWN })}
            </button>
          )}
        </div>
      )}
      {view === 'results' ? <Results /> : <div
        ref={pre} className="console__out" role="log" aria-live="off" tabIndex={0} aria-label={t('console.output')}
        onScroll={(e) => { const el = e.currentTarget; setFollow(el.scrollHeight - el.scrollTop - el.clientHeight < 24); }}
      >{text ? blocks.map((b) => <ConsoleBlock key={b.key} text={b.text} />) : <span className="muted">{t('console.empty')}</span>}</div>}
    </section>
  );
}
