import { useCallback } from 'react';
import { useStudio } from '../store/store';
import { translate, type Lang } from './index';

export type TFn = (key: string, vars?: Record<string, string | number>) => string;

const selectLang = (s: { lang: Lang }) => s.lang;

/** The translation function for the current language; re-renders on language switch. */
export function useT(): TFn {
  const lang = useStudio(selectLang);
  return useCallback((key: string, vars?: Record<string, string | number>) => translate(lang, key, vars), [lang]);
}
export function useLang(): Lang { return useStudio(selectLang); }
