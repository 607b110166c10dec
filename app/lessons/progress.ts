/**
 * Lesson progress kept across reloads: per lesson, the ids of the steps done (ids, not indexes, so an edited lesson
 * keeps what still exists). Stored in the app's own localStorage (the trusted host); a bad or foreign value reads as
 * no progress. Pure apart from the Storage passed in.
 */
import type { Lesson } from './schema';

export const PROGRESS_KEY = 'dstream-studio.lessonProgress.v1';
/** Per lesson id: the done step ids and the lesson's number of steps (for the list's marks, before it is opened). */
export type Progress = Record<string, { done: string[]; total: number }>;

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function storage(): Store | null {
  try { return typeof localStorage !== 'undefined' ? localStorage : null; } catch { return null; }
}

export function readProgress(store: Store | null = storage()): Progress {
  try {
    const v: unknown = JSON.parse(store?.getItem(PROGRESS_KEY) ?? '{}');
    if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
    const out: Progress = {};
    for (const [id, entry] of Object.entries(v as Record<string, unknown>)) {
      const e = entry as { done?: unknown; total?: unknown } | null;
      if (!e || typeof e !== 'object' || !Array.isArray(e.done)) continue;
      const done = e.done.filter((x): x is string => typeof x === 'string');
      out[id] = { done, total: typeof e.total === 'number' && e.total > 0 ? e.total : done.length };
    }
    return out;
  } catch { return {}; }
}

function write(p: Progress, store: Store | null): void {
  try { store?.setItem(PROGRESS_KEY, JSON.stringify(p)); } catch { /* storage full or blocked: progress is kept for this page only */ }
}

/** Records the done steps of a lesson (the step ids whose flag is set). */
export function saveLessonProgress(lesson: Lesson, done: readonly boolean[], store: Store | null = storage()): Progress {
  const p = readProgress(store);
  const entry = { done: lesson.steps.filter((_, i) => done[i]).map((s) => s.id), total: lesson.steps.length };
  if (JSON.stringify(p[lesson.id]) === JSON.stringify(entry)) return p;
  const next = { ...p, [lesson.id]: entry };
  write(next, store);
  return next;
}

/** The done flags of a lesson's steps, from stored progress. */
export function doneFlags(lesson: Lesson, p: Progress): boolean[] {
  const ids = new Set(p[lesson.id]?.done ?? []);
  return lesson.steps.map((s) => ids.has(s.id));
}

/** Forgets one lesson's progress, or every lesson's. */
export function resetProgress(lessonId?: string, store: Store | null = storage()): Progress {
  if (lessonId === undefined) { try { store?.removeItem(PROGRESS_KEY); } catch { /* nothing stored */ } return {}; }
  const p = { ...readProgress(store) };
  delete p[lessonId];
  write(p, store);
  return p;
}

/** "done" when every step is, "started" when some are, else "new" (for the lesson list's marks). */
export function lessonState(entry: Progress[string] | undefined): 'done' | 'started' | 'new' {
  if (!entry || entry.done.length === 0) return 'new';
  return entry.done.length >= entry.total ? 'done' : 'started';
}
