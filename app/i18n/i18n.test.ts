import { describe, expect, it } from 'vitest';
import { dictionaries, interpolate, mergeAreas, translate } from './index';
import { studio } from './studio';

describe('i18n', () => {
  it('en and zh-CN have the same keys in every area', () => {
    const en = Object.keys(dictionaries.en).sort();
    const zh = Object.keys(dictionaries['zh-CN']).sort();
    expect(zh.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !zh.includes(k))).toEqual([]);
  });
  it('has no empty translation', () => {
    for (const lang of ['en', 'zh-CN'] as const) for (const [k, v] of Object.entries(dictionaries[lang])) expect(v.trim(), `${lang} ${k}`).not.toBe('');
  });
  it('uses the same placeholders in both languages', () => {
    const vars = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join(',');
    for (const k of Object.keys(studio.en)) expect(vars(studio['zh-CN'][k] ?? ''), k).toBe(vars(studio.en[k]));
  });
  it('merges area files and interpolates', () => {
    expect(Object.keys(dictionaries.en).length).toBeGreaterThanOrEqual(Object.keys(studio.en).length);
    expect(translate('zh-CN', 'run.run')).toBe('运行');
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
    expect(interpolate('{n} lines', { n: 3 })).toBe('3 lines');
    expect(mergeAreas([{ a: { en: { x: '1' }, 'zh-CN': { x: '一' } } }]).en.x).toBe('1');
  });
});
