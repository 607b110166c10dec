/**
 * A tiny i18n layer: `translate(lang, key, vars)` over dictionaries split per area
 * (app/i18n/studio.ts, app/i18n/panels.ts, ...). Every area file exports an object shaped
 * `{ en: Record<string, string>, 'zh-CN': Record<string, string> }` (any export name); they are
 * merged here, so adding an area is adding a file. Pure: no React, no store.
 */
import { interpolate } from './format';
export type Lang = 'en' | 'zh-CN';
export const LANGS: readonly Lang[] = ['en', 'zh-CN'];
export type Dict = Record<string, string>;
export interface AreaDicts { en: Dict; 'zh-CN': Dict }

export function isAreaDicts(v: unknown): v is AreaDicts {
  return !!v && typeof v === 'object' && typeof (v as AreaDicts).en === 'object' && typeof (v as AreaDicts)['zh-CN'] === 'object';
}

/** Merge every `{ en, 'zh-CN' }` export of the given modules. */
export function mergeAreas(modules: Record<string, unknown>[]): AreaDicts {
  const out: AreaDicts = { en: {}, 'zh-CN': {} };
  for (const mod of modules) {
    for (const v of Object.values(mod as Record<string, unknown>)) {
      if (isAreaDicts(v)) { Object.assign(out.en, v.en); Object.assign(out['zh-CN'], v['zh-CN']); }
    }
  }
  return out;
}

const areaModules = import.meta.glob(['./*.ts', '!./index.ts', '!./format.ts', '!./useT.ts', '!./*.test.ts'], { eager: true }) as Record<string, Record<string, unknown>>;
export const dictionaries: AreaDicts = mergeAreas(Object.values(areaModules));

export { interpolate, pluralCategory } from './format';

/** Look a key up in `lang`, falling back to English and then to the key itself. */
export function translate(lang: Lang, key: string, vars?: Record<string, string | number>, dicts: AreaDicts = dictionaries): string {
  const own = dicts[lang]?.[key];
  const text = own ?? dicts.en[key] ?? key;
  return interpolate(text, vars, own !== undefined ? lang : 'en');
}

let currentLang: Lang = 'en';
export function setCurrentLang(lang: Lang): void { currentLang = lang; }
export function getCurrentLang(): Lang { return currentLang; }
/** `t` for code outside components (actions, notices); components use `useT()`. */
export function t(key: string, vars?: Record<string, string | number>): string { return translate(currentLang, key, vars); }

export function normalizeLang(v: unknown): Lang {
  if (v === 'zh-CN' || v === 'zh' || (typeof v === 'string' && v.toLowerCase().startsWith('zh'))) return 'zh-CN';
  return 'en';
}

/** Pick the localized string of a registry `Localized` value. */
export function loc(v: { en: string; 'zh-CN': string } | string | undefined, lang: Lang): string {
  if (!v) return '';
  if (typeof v === 'string') return v;
  return v[lang] || v.en;
}
