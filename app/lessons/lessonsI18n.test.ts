import { describe, expect, it } from 'vitest';
import { lessons } from '../i18n/lessons';
import { ACTION_KINDS } from './schema';

describe('lesson UI strings', () => {
  it('en and zh-CN have the same keys, no empty text, the same placeholders', () => {
    const en = Object.keys(lessons.en).sort();
    expect(Object.keys(lessons['zh-CN']).sort()).toEqual(en);
    // A placeholder is `{name}` or the start of a plural `{name, plural, …}`.
    const vars = (s: string) => [...new Set([...s.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]))].sort().join(',');
    for (const k of en) {
      expect(lessons.en[k].trim(), k).not.toBe('');
      expect(lessons['zh-CN'][k], k).toMatch(/[\u3400-\u9fff]/);
      expect(vars(lessons['zh-CN'][k]), k).toBe(vars(lessons.en[k]));
    }
  });
  it('labels every action kind', () => {
    for (const a of ACTION_KINDS) expect(lessons.en[`lessons.action.${a}`], a).toBeDefined();
  });
});
