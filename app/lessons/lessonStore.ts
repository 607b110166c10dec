/**
 * The lesson panel's own small store: which lesson is open, the runner state, presenter mode. The runner is fed by
 * `connectLessons` (the studio store's event log, graph and dock tab) and by the panel (answers, navigation, export).
 */
import { create } from 'zustand';
import { initialRunner, reduceRunner, type RunnerInput, type RunnerState } from './runner';
import type { ExportLang, Lesson, LessonIndex, LessonIndexEntry } from './schema';
import { doneFlags, readProgress, resetProgress, saveLessonProgress, type Progress } from './progress';

export interface LessonsState {
  open: boolean;
  presenter: boolean;
  index: LessonIndex | null;
  lesson: Lesson | null;
  runner: RunnerState | null;
  loading: boolean;
  error: string | null;
  exportLang: ExportLang | null;
  /** Steps done per lesson, kept across reloads (progress.ts). */
  progress: Progress;
  /** A lesson the learner asked to open while a pipeline runs: the panel asks before stopping and replacing it. */
  pendingStart: Pick<LessonIndexEntry, 'file'> | null;
  setPendingStart: (entry: Pick<LessonIndexEntry, 'file'> | null) => void;
  /** Forgets one lesson's progress (its done marks too, when it is open), or every lesson's. */
  resetProgress: (lessonId?: string) => void;
  setOpen: (open: boolean) => void;
  setPresenter: (on: boolean) => void;
  setIndex: (index: LessonIndex) => void;
  setLoading: (loading: boolean, error?: string | null) => void;
  startLesson: (lesson: Lesson) => void;
  closeLesson: () => void;
  dispatch: (input: RunnerInput) => void;
  showExport: (lang: ExportLang | null) => void;
}

export const useLessons = create<LessonsState>()((set, get) => ({
  open: false,
  presenter: false,
  index: null,
  lesson: null,
  runner: null,
  loading: false,
  error: null,
  exportLang: null,
  progress: readProgress(),
  pendingStart: null,
  setPendingStart: (pendingStart) => set({ pendingStart }),
  resetProgress: (lessonId) => {
    const progress = resetProgress(lessonId);
    const { lesson, runner } = get();
    if (lesson && runner && (lessonId === undefined || lessonId === lesson.id)) set({ progress, runner: { ...runner, done: lesson.steps.map(() => false) } });
    else set({ progress });
  },
  setOpen: (open) => set({ open }),
  setPresenter: (presenter) => set(presenter ? { presenter, open: true } : { presenter }),
  setIndex: (index) => set({ index }),
  setLoading: (loading, error = null) => set({ loading, error }),
  startLesson: (lesson) => set((s) => ({
    lesson, runner: { ...initialRunner(lesson), done: doneFlags(lesson, s.progress) }, error: null, loading: false, exportLang: null, pendingStart: null,
  })),
  closeLesson: () => set({ lesson: null, runner: null, exportLang: null }),
  dispatch: (input) => {
    const { lesson, runner } = get();
    if (!lesson || !runner) return;
    const next = reduceRunner(lesson, runner, input);
    if (next === runner) return;
    set(next.done === runner.done ? { runner: next } : { runner: next, progress: saveLessonProgress(lesson, next.done) });
  },
  showExport: (exportLang) => {
    set({ exportLang });
    if (exportLang) get().dispatch({ kind: 'ui', exported: exportLang });
  },
}));
