/**
 * The lesson panel's own small store: which lesson is open, the runner state, presenter mode. The runner is fed by
 * `connectLessons` (the studio store's event log, graph and dock tab) and by the panel (answers, navigation, export).
 */
import { create } from 'zustand';
import { initialRunner, reduceRunner, type RunnerInput, type RunnerState } from './runner';
import type { ExportLang, Lesson, LessonIndex } from './schema';

export interface LessonsState {
  open: boolean;
  presenter: boolean;
  index: LessonIndex | null;
  lesson: Lesson | null;
  runner: RunnerState | null;
  loading: boolean;
  error: string | null;
  exportLang: ExportLang | null;
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
  setOpen: (open) => set({ open }),
  setPresenter: (presenter) => set(presenter ? { presenter, open: true } : { presenter }),
  setIndex: (index) => set({ index }),
  setLoading: (loading, error = null) => set({ loading, error }),
  startLesson: (lesson) => set({ lesson, runner: initialRunner(lesson), error: null, loading: false, exportLang: null }),
  closeLesson: () => set({ lesson: null, runner: null, exportLang: null }),
  dispatch: (input) => {
    const { lesson, runner } = get();
    if (!lesson || !runner) return;
    const next = reduceRunner(lesson, runner, input);
    if (next !== runner) set({ runner: next });
  },
  showExport: (exportLang) => {
    set({ exportLang });
    if (exportLang) get().dispatch({ kind: 'ui', exported: exportLang });
  },
}));
