import { describe, expect, it } from 'vitest';
import { doneFlags, lessonState, PROGRESS_KEY, readProgress, resetProgress, saveLessonProgress } from './progress';
import type { Lesson } from './schema';

const L = (en: string) => ({ en, 'zh-CN': `中文 ${en}` });
const lesson = (id: string, steps: string[]): Lesson => ({
  version: 1, id, order: 1, title: L(id), summary: L(id), pipeline: { example: 'wordcount.json' },
  steps: steps.map((s) => ({ id: s, title: L(s), text: L(s), action: { kind: 'read', hint: L('go on') } })),
});

class MemoryStorage {
  data = new Map<string, string>();
  getItem(k: string) { return this.data.get(k) ?? null; }
  setItem(k: string, v: string) { this.data.set(k, v); }
  removeItem(k: string) { this.data.delete(k); }
}

describe('lesson progress', () => {
  it('keeps the done steps of each lesson by step id', () => {
    const store = new MemoryStorage();
    const a = lesson('a', ['x', 'y', 'z']);
    saveLessonProgress(a, [true, false, true], store);
    saveLessonProgress(lesson('b', ['p']), [true], store);
    expect(readProgress(store)).toEqual({ a: { done: ['x', 'z'], total: 3 }, b: { done: ['p'], total: 1 } });
    // A lesson edited since (a step removed, one added) keeps what still exists.
    expect(doneFlags(lesson('a', ['new', 'z', 'x']), readProgress(store))).toEqual([false, true, true]);
  });
  it('resets one lesson or all', () => {
    const store = new MemoryStorage();
    saveLessonProgress(lesson('a', ['x']), [true], store);
    saveLessonProgress(lesson('b', ['p']), [true], store);
    expect(resetProgress('a', store)).toEqual({ b: { done: ['p'], total: 1 } });
    expect(resetProgress(undefined, store)).toEqual({});
    expect(store.getItem(PROGRESS_KEY)).toBeNull();
  });
  it('reads a damaged or foreign value as no progress', () => {
    const store = new MemoryStorage();
    for (const bad of ['{', '[1,2]', '"x"', 'null', '{"a": 3, "b": {"done": ["p", 4], "total": "x"}}']) {
      store.setItem(PROGRESS_KEY, bad);
      expect(readProgress(store), bad).toEqual(bad.startsWith('{"a"') ? { b: { done: ['p'], total: 1 } } : {});
    }
  });
  it('names the state of a lesson for the list', () => {
    expect(lessonState(undefined)).toBe('new');
    expect(lessonState({ done: [], total: 4 })).toBe('new');
    expect(lessonState({ done: ['a', 'b'], total: 4 })).toBe('started');
    expect(lessonState({ done: ['a', 'b', 'c', 'd'], total: 4 })).toBe('done');
  });
});
