import { describe, expect, it } from 'vitest';
import { dictionaries, interpolate, mergeAreas, pluralCategory, translate } from './index';
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
    // A placeholder is `{name}` or the start of a plural `{name, plural, …}`.
    const vars = (s: string) => [...new Set([...s.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]))].sort().join(',');
    for (const k of Object.keys(studio.en)) expect(vars(studio['zh-CN'][k] ?? ''), k).toBe(vars(studio.en[k]));
  });
  it('merges area files and interpolates', () => {
    expect(Object.keys(dictionaries.en).length).toBeGreaterThanOrEqual(Object.keys(studio.en).length);
    expect(translate('zh-CN', 'run.run')).toBe('运行');
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
    expect(interpolate('{n} lines', { n: 3 })).toBe('3 lines');
    expect(mergeAreas([{ a: { en: { x: '1' }, 'zh-CN': { x: '一' } } }]).en.x).toBe('1');
  });
  it('picks plural forms with Intl.PluralRules in each language', () => {
    const text = '{n, plural, =0 {no batches} one {# batch} other {# batches}}';
    expect(interpolate(text, { n: 0 })).toBe('no batches');
    expect(interpolate(text, { n: 1 })).toBe('1 batch');
    expect(interpolate(text, { n: 2 })).toBe('2 batches');
    expect(interpolate(text, { n: '1,024' })).toBe('1,024 batches');
    expect(pluralCategory('en', 1)).toBe('one');
    expect(pluralCategory('zh-CN', 1)).toBe('other');
    expect(translate('en', 'run.batches', { n: 1 })).toBe('1 batch');
    expect(translate('en', 'panels.execResources', { cores: 1, mib: 512 })).toBe('1 core · 512 MiB');
    expect(translate('en', 'consent.accept', { n: 1 })).toBe('Run this function');
    expect(translate('en', 'consent.accept', { n: 3 })).toBe('Run these 3 functions');
    expect(translate('zh-CN', 'run.batches', { n: 1 })).toBe('1 个批次');
  });
  it('every English count meets its noun through a plural form (no "1 cores"; rates such as records/s are units)', () => {
    const nouns = 'batches|cores|functions|lines|records|nodes|edges|problems|warnings|errors|receivers|slots|jobs|stages|partitions|tasks|blocks|DStreams|RDDs|characters|keys|events|retries|steps|checks|window operations';
    const bare = new RegExp(`\\{\\w+\\} (?:[a-z]+ )?(?:${nouns})\\b(?!/)|\\w\\((?:s|es)\\)`);
    const offenders = Object.entries(dictionaries.en).filter(([, v]) => bare.test(v.replace(PLURAL_BLOCKS, ''))).map(([k, v]) => `${k}: ${v}`);
    expect(offenders).toEqual([]);
  });
  it('uses the same placeholders in both languages, in every area', () => {
    const vars = (s: string) => [...new Set([...s.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]))].sort().join(',');
    const zh = dictionaries['zh-CN'];
    const differ = Object.entries(dictionaries.en).filter(([k, v]) => zh[k] !== undefined && vars(zh[k]) !== vars(v)).map(([k]) => k);
    expect(differ).toEqual([]);
  });
});

/** The plural blocks of a string (their forms name the noun with its count). */
const PLURAL_BLOCKS = /\{\w+, plural,(?:\s*(?:=\d+|\w+)\s*\{[^{}]*\})+\s*\}/g;
