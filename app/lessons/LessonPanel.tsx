/**
 * The lesson panel (a side sheet over the inspector) and presenter mode (the current step as a large caption over a
 * clean canvas, keyboard driven). Logic lives in runner.ts; this file renders and forwards the learner's input.
 */
import { useEffect, useRef, useState } from 'react';
import { useStudio } from '../store/store';
import { engine } from '../store/engineBridge';
import { openDocument } from '../files/fileActions';
import { requestRun } from '../files/consent';
import { useLang, useT, type TFn } from '../i18n/useT';
import { getCurrentLang, t, type Lang } from '../i18n/index';
import type { Studio } from '../store/types';
import { connectLessons } from './connect';
import { ExportView } from './ExportView';
import { useLessons } from './lessonStore';
import { fetchLesson, fetchLessonIndex, resolvePipeline } from './loader';
import { answeringNodes, judgedByRun, lessonComplete, stepStatus, type StepStatus } from './runner';
import { lessonState } from './progress';
import { keepNodesInView } from './keepInView';
import type { Lesson, LessonIndexEntry, LessonStep, PipelineRef, Question } from './schema';
import { pick, RichText } from './text';
import { IconDone } from '../console/icons';
import './lessons.css';

const selectStatus = (s: Studio) => s.sim.status;
const selectDockHeight = (s: Studio) => s.dockHeight;
const selectLoadSeq = (s: Studio) => s.loadSeq;

/**
 * Where the panel goes: the top of the workspace (below the header and run bar) and the inspector's left edge (a step
 * that edits a parameter puts the panel beside the inspector instead of over it), followed on resize.
 */
function useWorkspaceBox(): { top: number; inspectorRight: number } {
  const [box, setBox] = useState({ top: 96, inspectorRight: 0 });
  useEffect(() => {
    const measure = () => {
      const ws = document.querySelector('.workspace');
      const insp = document.querySelector('.inspector');
      const top = ws ? Math.round(ws.getBoundingClientRect().top) : 96;
      const inspectorRight = insp ? Math.max(0, Math.round(window.innerWidth - insp.getBoundingClientRect().left)) : 0;
      setBox((b) => (b.top === top && b.inspectorRight === inspectorRight ? b : { top, inspectorRight }));
    };
    measure();
    window.addEventListener('resize', measure);
    const ro = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(measure) : null;
    for (const sel of ['.app-header', '.run-bar', '.inspector']) { const el = document.querySelector(sel); if (ro && el) ro.observe(el); }
    return () => { window.removeEventListener('resize', measure); ro?.disconnect(); };
  }, []);
  return box;
}

// ---------------------------------------------------------------- actions

async function loadPipeline(ref: PipelineRef, lesson?: Lesson): Promise<void> {
  const resolved = await resolvePipeline(ref);
  // A lesson's pipeline is named after the lesson, in the studio's language (its file says "Lesson: …" in English).
  const graph = lesson && resolved.name?.startsWith('Lesson: ')
    ? { ...resolved, name: t('lessons.pipelineName', { title: pick(lesson.title, getCurrentLang()).replace(/`/g, '') }) } : resolved;
  const st = useStudio.getState().sim.status;
  if (st === 'running' || st === 'paused' || st === 'loading') await engine.stop();
  openDocument(graph, { keepName: true, trusted: true });   // lessons are the app's own (public/lessons)
}

function showPanel(panel: string | undefined) {
  if (panel && panel !== 'console') useStudio.getState().setDockTab(panel);
}

const isLive = (st: string) => st === 'running' || st === 'paused' || st === 'loading';

/**
 * Opens a lesson. Its pipeline replaces the canvas and the run: while the learner's own pipeline runs (no lesson is
 * open, so the run is not a lesson's), the panel asks first; `confirmed` is the learner's yes.
 */
export async function startLesson(entry: Pick<LessonIndexEntry, 'file'>, confirmed = false): Promise<void> {
  const l = useLessons.getState();
  if (!confirmed && !l.lesson && isLive(useStudio.getState().sim.status)) { l.setPendingStart(entry); return; }
  l.setPendingStart(null);
  l.setLoading(true);
  try {
    const lesson = await fetchLesson(entry.file);
    await loadPipeline(lesson.pipeline, lesson);
    useLessons.getState().startLesson(lesson);
    entered.clear();
    enterStep(lesson, 0);
  } catch (e) {
    useLessons.getState().setLoading(false, e instanceof Error ? e.message : String(e));
  }
}

/** Steps entered in this lesson session (a step's own pipeline is loaded on the first entry only). */
const entered = new Set<string>();

function enterStep(lesson: Lesson, index: number) {
  const step = lesson.steps[index];
  if (!step) return;
  const key = `${lesson.id}/${step.id}`;
  const first = !entered.has(key);
  entered.add(key);
  if (first && step.pipeline) {
    void loadPipeline(step.pipeline, lesson).then(() => showPanel(step.panel), (e) => useLessons.getState().setLoading(false, e instanceof Error ? e.message : String(e)));
  } else showPanel(step.panel);
}

/** The lesson → opens in presenter mode before one is picked: the first one not finished yet. */
export function nextLessonToOpen(): LessonIndexEntry | undefined {
  const { index, progress } = useLessons.getState();
  if (!index) return undefined;
  return index.lessons.find((e) => lessonState(progress[e.id]) !== 'done') ?? index.lessons[0];
}

function go(kind: 'next' | 'prev') {
  const { lesson, runner, dispatch } = useLessons.getState();
  if (!lesson || !runner) {
    // Before a lesson is picked, → opens the first unfinished one (the keys hint says so).
    const entry = kind === 'next' ? nextLessonToOpen() : undefined;
    if (entry && !useLessons.getState().loading) void startLesson(entry);
    return;
  }
  const before = runner.stepIndex;
  dispatch({ kind });
  const after = useLessons.getState().runner?.stepIndex ?? before;
  if (after !== before) enterStep(lesson, after);
}

/** Presenter keys: → / PageDown next step, ← / PageUp previous, Space run/pause, S one batch, Esc leave. */
export function presenterKey(key: string): 'next' | 'prev' | 'playPause' | 'step' | 'exit' | null {
  if (key === 'ArrowRight' || key === 'PageDown') return 'next';
  if (key === 'ArrowLeft' || key === 'PageUp') return 'prev';
  if (key === ' ' || key === 'Spacebar') return 'playPause';
  if (key === 's' || key === 'S') return 'step';
  if (key === 'Escape') return 'exit';
  return null;
}

function isEditable(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  if (!el || typeof el.closest !== 'function') return false;
  return !!el.closest('input, textarea, select, [contenteditable="true"], .cm-editor');
}

function usePresenterKeys(on: boolean) {
  useEffect(() => {
    if (!on) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const cmd = presenterKey(e.key);
      if (!cmd || (cmd !== 'exit' && isEditable(e.target))) return;
      e.preventDefault();
      e.stopPropagation();
      if (cmd === 'next' || cmd === 'prev') go(cmd);
      else if (cmd === 'playPause') { if (useStudio.getState().sim.status === 'running') void engine.pause(); else requestRun('run'); }
      else if (cmd === 'step') requestRun('step');
      else useLessons.getState().setPresenter(false);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [on]);
}

// ---------------------------------------------------------------- pieces

function PredictBox({ q, status, lang, t, judgedLater }: { q: Question; status: StepStatus; lang: Lang; t: TFn; judgedLater: boolean }) {
  const { runner, dispatch } = useLessons.getState();
  const answer = runner?.answers[runner.stepIndex];
  const [draft, setDraft] = useState('');
  const locked = !!answer;
  const label = (n: number | undefined) => (n === undefined ? '' : q.kind === 'choice' ? pick(q.options[n], lang) : String(n));
  return (
    <fieldset className="lesson-predict">
      <legend>{t('lessons.predict')}</legend>
      <p className="lesson-predict__prompt"><RichText text={pick(q.prompt, lang)} /></p>
      {q.kind === 'choice' ? (
        <div className="lesson-predict__options" role="radiogroup" aria-label={pick(q.prompt, lang)}>
          {q.options.map((o, i) => {
            const chosen = answer?.kind === 'choice' && answer.index === i;
            const right = status.revealed && status.truth === i;
            return (
              <button key={i} type="button" role="radio" aria-checked={chosen} disabled={locked && !chosen}
                className={`lesson-option${chosen ? ' is-chosen' : ''}${right ? ' is-right' : ''}${status.revealed && chosen && !right ? ' is-wrong' : ''}`}
                onClick={() => { if (!locked) dispatch({ kind: 'answer', answer: { kind: 'choice', index: i } }); }}>
                <span className="lesson-option__key" aria-hidden="true">{String.fromCharCode(65 + i)}</span>
                <span>{o.en === o['zh-CN'] ? <code>{pick(o, lang)}</code> : <RichText text={pick(o, lang)} />}</span>
              </button>
            );
          })}
        </div>
      ) : (
        <form className="lesson-predict__number" onSubmit={(e) => { e.preventDefault(); const v = Number(draft); if (draft.trim() !== '' && Number.isFinite(v)) dispatch({ kind: 'answer', answer: { kind: 'number', value: v } }); }}>
          <label>
            <span>{t('lessons.numberLabel')}</span>
            <input type="number" inputMode="numeric" value={locked && answer?.kind === 'number' ? String(answer.value) : draft} disabled={locked} onChange={(e) => setDraft(e.target.value)} />
          </label>
          {!locked && <button type="submit" className="btn btn--small" disabled={draft.trim() === ''}>{t('lessons.lockIn')}</button>}
        </form>
      )}
      {locked && !status.revealed && <p className="lesson-note">{t('lessons.yourAnswer', { answer: label(answer?.kind === 'choice' ? answer.index : answer?.value) })} · {t(judgedLater && status.checkMet ? 'lessons.judgedByRun' : 'lessons.revealLater')}</p>}
      {status.revealed && (
        <div className={`lesson-reveal ${status.correct ? 'is-right' : 'is-wrong'}`} role="status">
          <strong>{status.correct ? t('lessons.correct') : t('lessons.wrong')}</strong>{' '}
          {q.kind === 'number' && <span>{t('lessons.truth', { answer: label(status.truth) })}</span>}
          <p><RichText text={pick(q.explain, lang)} /></p>
        </div>
      )}
    </fieldset>
  );
}

function StepBody({ lesson, step, index, status, lang, t }: { lesson: Lesson; step: LessonStep; index: number; status: StepStatus; lang: Lang; t: TFn }) {
  const runner = useLessons((s) => s.runner);
  const isLast = index === lesson.steps.length - 1;
  const complete = !!runner && lessonComplete(lesson, runner);
  return (
    <div className="lesson-step" data-step={step.id}>
      <h3 className="lesson-step__title">
        <span className="lesson-step__n">{index + 1}</span> {pick(step.title, lang)}
        {status.done && <span className="lesson-badge lesson-badge--done">✓ {t('lessons.stepDone')}</span>}
      </h3>
      <p className="lesson-step__text"><RichText text={pick(step.text, lang)} /></p>
      <LateVerdict lesson={lesson} index={index} lang={lang} t={t} />
      {step.predict && <PredictBox key={`${lesson.id}/${step.id}`} q={step.predict} status={status} lang={lang} t={t} judgedLater={judgedByRun(step)} />}
      <div className={`lesson-action${status.checkMet ? ' is-met' : ''}`}>
        <span className="lesson-action__kind">{t(`lessons.action.${step.action.kind}`)}</span>
        <span className="lesson-action__hint"><RichText text={pick(step.action.hint, lang)} /></span>
        {step.check && (
          <span className="lesson-action__state" role="status" aria-live="polite">
            {status.checkMet ? `✓ ${status.progress.total > 1 ? t('lessons.checks', { met: status.progress.total, total: status.progress.total }) : t('lessons.checkPassed')}`
              : status.progress.total > 1 ? t('lessons.checks', { met: status.progress.met, total: status.progress.total }) : t('lessons.waiting')}
          </span>
        )}
        {step.check && status.checkMet && step.predict && !status.answered && <span className="lesson-action__state">{t('lessons.answerFirst')}</span>}
      </div>
      {step.action.kind === 'export' && <ExportView />}
      {isLast && complete && <p className="lesson-complete" role="status"><IconDone /> {t('lessons.complete')}</p>}
    </div>
  );
}

function Nav({ lesson, index, t, next }: { lesson: Lesson; index: number; t: TFn; next?: LessonIndexEntry }) {
  const runner = useLessons((s) => s.runner);
  const isLast = index === lesson.steps.length - 1;
  return (
    <div className="lesson-nav">
      <button type="button" className="btn" onClick={() => go('prev')} disabled={index === 0}>← {t('lessons.prev')}</button>
      <ol className="lesson-dots" aria-label={t('lessons.steps')}>
        {lesson.steps.map((s, i) => (
          <li key={s.id}>
            <button type="button" className={`lesson-dot${i === index ? ' is-current' : ''}${runner?.done[i] ? ' is-done' : ''}`}
              aria-label={`${t('lessons.stepOf', { n: i + 1, total: lesson.steps.length })}${runner?.done[i] ? ` · ${t('lessons.stepDone')}` : ''}`}
              aria-current={i === index ? 'step' : undefined}
              onClick={() => { const l = useLessons.getState(); l.dispatch({ kind: 'goto', index: i }); enterStep(lesson, i); }} />
          </li>
        ))}
      </ol>
      {isLast && next
        ? <button type="button" className="btn btn--primary" onClick={() => void startLesson(next)}>{t('lessons.nextLesson')} →</button>
        : <button type="button" className="btn btn--primary" onClick={() => go('next')} disabled={isLast}>{t('lessons.next')} →</button>}
    </div>
  );
}

function LessonList({ lang, t }: { lang: Lang; t: TFn }) {
  const index = useLessons((s) => s.index);
  const loading = useLessons((s) => s.loading);
  const progress = useLessons((s) => s.progress);
  const [confirmReset, setConfirmReset] = useState(false);
  if (!index) return <p className="lesson-note">{t('lessons.loading')}</p>;
  const any = index.lessons.some((e) => lessonState(progress[e.id]) !== 'new');
  return (
    <>
      <ol className="lesson-list">
        {index.lessons.map((e) => {
          const p = progress[e.id];
          const state = lessonState(p);
          const mark = state === 'done' ? t('lessons.listDone') : state === 'started' && p ? t('lessons.listStarted', { n: p.done.length, total: p.total }) : '';
          return (
            <li key={e.id}>
              <button type="button" className={`lesson-list__item lesson-list__item--${state}`} disabled={loading} onClick={() => void startLesson(e)} data-progress={state}>
                <span className="lesson-list__n" aria-hidden={state === 'done'}>{state === 'done' ? '✓' : e.order}</span>
                <span>{pick(e.title, lang)}</span>
                {mark && <span className="lesson-list__mark">{mark}</span>}
              </button>
            </li>
          );
        })}
      </ol>
      {any && (confirmReset ? (
        <div className="lesson-reset" role="group" aria-label={t('lessons.resetAll')}>
          <span>{t('lessons.resetAsk')}</span>
          <button type="button" className="btn btn--small btn--danger" onClick={() => { useLessons.getState().resetProgress(); setConfirmReset(false); }}>{t('lessons.resetAll')}</button>
          <button type="button" className="btn btn--small" onClick={() => setConfirmReset(false)}>{t('lessons.cancel')}</button>
        </div>
      ) : <button type="button" className="btn btn--ghost btn--small lesson-reset__open" onClick={() => setConfirmReset(true)}>{t('lessons.resetAll')}…</button>)}
    </>
  );
}

/** The question asked before a lesson replaces the learner's running pipeline. */
function ConfirmStart({ t }: { t: TFn }) {
  const pending = useLessons((s) => s.pendingStart);
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => { if (pending) ref.current?.focus(); }, [pending]);
  if (!pending) return null;
  return (
    <div className="lesson-confirm" role="alertdialog" aria-labelledby="lesson-confirm-text">
      <p id="lesson-confirm-text">{t('lessons.replaceAsk')}</p>
      <div className="lesson-confirm__buttons">
        <button ref={ref} type="button" className="btn btn--primary btn--small" onClick={() => void startLesson(pending, true)}>{t('lessons.replaceYes')}</button>
        <button type="button" className="btn btn--small" onClick={() => useLessons.getState().setPendingStart(null)}>{t('lessons.cancel')}</button>
      </div>
    </div>
  );
}

/**
 * Hides the count badges of the nodes whose counts would answer the open question (a style rule keyed by node id,
 * so the canvas needs to know nothing about lessons).
 */
function HideAnsweringCounts() {
  const lesson = useLessons((s) => s.lesson);
  const runner = useLessons((s) => s.runner);
  const ids = lesson && runner ? answeringNodes(lesson, runner) : [];
  if (ids.length === 0) return null;
  const sel = ids.map((id) => `.react-flow__node[data-id=${JSON.stringify(id)}] .op-node__count`).join(', ');
  return <style data-testid="lesson-hidden-counts">{`${sel} { display: none !important; }`}</style>;
}

/** The verdict on the previous step's prediction when the run that judges it came after the learner moved on. */
function LateVerdict({ lesson, index, lang, t }: { lesson: Lesson; index: number; lang: Lang; t: TFn }) {
  const runner = useLessons((s) => s.runner);
  const prev = lesson.steps[index - 1];
  if (!runner || !prev?.predict || !judgedByRun(prev)) return null;
  const st = stepStatus(lesson, runner, index - 1);
  if (!st.answered) return null;
  if (!st.revealed) return <p className="lesson-note">{t('lessons.judgedByRun')}</p>;
  return (
    <div className={`lesson-reveal lesson-reveal--late ${st.correct ? 'is-right' : 'is-wrong'}`} role="status">
      <span className="lesson-reveal__about">{t('lessons.verdictOf', { n: index })}</span>{' '}
      <strong>{st.correct ? t('lessons.correct') : t('lessons.wrong')}</strong>
      <p><RichText text={pick(prev.predict.explain, lang)} /></p>
    </div>
  );
}

function useIndex() {
  const open = useLessons((s) => s.open);
  const index = useLessons((s) => s.index);
  useEffect(() => {
    if (!open || index) return;
    fetchLessonIndex().then((i) => useLessons.getState().setIndex(i), (e) => useLessons.getState().setLoading(false, e instanceof Error ? e.message : String(e)));
  }, [open, index]);
}

// ---------------------------------------------------------------- the panel

export function LessonPanel() {
  const t = useT();
  const lang = useLang();
  const open = useLessons((s) => s.open);
  const presenter = useLessons((s) => s.presenter);
  const lesson = useLessons((s) => s.lesson);
  const runner = useLessons((s) => s.runner);
  const error = useLessons((s) => s.error);
  const index = useLessons((s) => s.index);
  useStudio(selectStatus);
  const dockHeight = useStudio(selectDockHeight);
  const { top, inspectorRight } = useWorkspaceBox();
  useIndex();
  usePresenterKeys(presenter);
  useEffect(() => connectLessons(), []);
  useEffect(() => {
    const root = document.documentElement;
    if (presenter) root.dataset.presenter = 'on'; else delete root.dataset.presenter;
    return () => { delete root.dataset.presenter; };
  }, [presenter]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const stepKey = lesson && runner ? `${lesson.id}/${runner.stepIndex}` : '';
  const revealed = lesson && runner ? stepStatus(lesson, runner).revealed : false;
  // A new step starts at the top; a revealed answer scrolls into view.
  useEffect(() => { bodyRef.current?.scrollTo({ top: 0 }); }, [stepKey]);
  useEffect(() => { if (revealed) bodyRef.current?.querySelector('.lesson-reveal')?.scrollIntoView({ block: 'nearest' }); }, [revealed, stepKey]);
  // ...and so does the end of the lesson.
  const complete = lesson && runner ? lessonComplete(lesson, runner) : false;
  useEffect(() => { if (complete) bodyRef.current?.querySelector('.lesson-complete')?.scrollIntoView({ block: 'nearest' }); }, [complete, stepKey]);
  // The panel never hides the pipeline: after it moves (presenter mode, a step beside the inspector) or a lesson
  // pipeline is loaded (and fitted to the whole canvas), the view is fitted beside the panel when it covers a node.
  const loadSeq = useStudio(selectLoadSeq);
  const shown = open || presenter;
  useEffect(() => {
    if (!shown || !lesson) return;
    const id = setTimeout(keepNodesInView, 350);
    return () => clearTimeout(id);
  }, [shown, presenter, stepKey, lesson, loadSeq, inspectorRight]);

  if (!open && !presenter) return null;
  const i = runner?.stepIndex ?? 0;
  const step = lesson?.steps[i];
  const status = lesson && runner ? stepStatus(lesson, runner) : null;
  const entryIdx = index && lesson ? index.lessons.findIndex((e) => e.id === lesson.id) : -1;
  const next = index && entryIdx >= 0 ? index.lessons[entryIdx + 1] : undefined;
  const doneCount = runner ? runner.done.filter(Boolean).length : 0;
  // A step that edits a parameter needs the inspector: the panel moves beside it.
  const beside = !presenter && step?.action.kind === 'setParam' && inspectorRight > 0;
  // The export step shows code: a wider panel that may reach down over the dock.
  const wide = !presenter && step?.action.kind === 'export';

  return (
    <>
    {/* Outside the panel: a style rule is not the panel's text. */}
    <HideAnsweringCounts />
    <aside className={`lesson-panel${presenter ? ' lesson-panel--presenter' : ''}${beside ? ' lesson-panel--beside' : ''}${wide ? ' lesson-panel--wide' : ''}`} aria-label={t('lessons.panel')} lang={lang}
      style={presenter ? { top, bottom: dockHeight } : { top: top + 8, maxHeight: `calc(100vh - ${top + (wide ? 0 : dockHeight) + 16}px)`, ...(beside ? { right: inspectorRight + 8 } : {}) }}>
      <header className="lesson-panel__head">
        {lesson ? (
          <>
            <button type="button" className="btn btn--ghost btn--small" onClick={() => useLessons.getState().closeLesson()}>← {t('lessons.all')}</button>
            <h2 ref={headingRef} className="lesson-panel__title">{pick(lesson.title, lang)}</h2>
          </>
        ) : <h2 className="lesson-panel__title">{t('lessons.list')}</h2>}
        <div className="lesson-panel__tools">
          {presenter
            ? <button type="button" className="btn btn--small" onClick={() => useLessons.getState().setPresenter(false)}>{t('lessons.exitPresent')}</button>
            : <button type="button" className="btn btn--icon btn--ghost" aria-label={t('lessons.close')} title={t('lessons.close')} onClick={() => useLessons.getState().setOpen(false)}>✕</button>}
        </div>
      </header>
      {error && <div className="lesson-error" role="alert"><strong>{t('lessons.loadFailed')}</strong> <code>{error}</code></div>}
      {lesson && step && status && runner && (
        <div className="lesson-progress">
          <span>{t('lessons.stepOf', { n: i + 1, total: lesson.steps.length })}</span>
          <span className="lesson-progress__bar" aria-hidden="true"><span style={{ width: `${(100 * doneCount) / lesson.steps.length}%` }} /></span>
          <span>{t('lessons.doneOf', { n: doneCount, total: lesson.steps.length })}</span>
          {!presenter && <button type="button" className="btn btn--ghost btn--small" title={t('lessons.restartHint')} onClick={() => { useLessons.getState().resetProgress(lesson.id); void startLesson({ file: index?.lessons.find((e) => e.id === lesson.id)?.file ?? `${lesson.id}.json` }); }}>{t('lessons.restart')}</button>}
        </div>
      )}
      <ConfirmStart t={t} />
      <div className="lesson-panel__body" ref={bodyRef}>
        {!lesson && <LessonList lang={lang} t={t} />}
        {lesson && step && status && runner && (
          <>
            {i === 0 && !presenter && <p className="lesson-summary"><RichText text={pick(lesson.summary, lang)} /></p>}
            <StepBody lesson={lesson} step={step} index={i} status={status} lang={lang} t={t} />
          </>
        )}
      </div>
      {lesson && step && status && runner && <Nav lesson={lesson} index={i} t={t} next={next} />}
      {presenter && <p className="lesson-keys">{lesson ? t('lessons.presenterKeys') : t('lessons.presenterListKeys')}</p>}
    </aside>
    </>
  );
}

/** The header's buttons: open the lessons, and presenter mode. */
export function LessonButtons() {
  const t = useT();
  const open = useLessons((s) => s.open);
  const presenter = useLessons((s) => s.presenter);
  return (
    <div className="lesson-buttons">
      <button type="button" className={`btn${open ? ' is-active' : ''}`} aria-pressed={open} title={t('lessons.buttonHint')} onClick={() => useLessons.getState().setOpen(!open)}>{t('lessons.button')}</button>
      <button type="button" className={`btn${presenter ? ' is-active' : ''}`} aria-pressed={presenter} title={t('lessons.presentHint')} onClick={() => useLessons.getState().setPresenter(!presenter)}>{t('lessons.present')}</button>
    </div>
  );
}
