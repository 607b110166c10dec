/** Language, theme, dock layout, dialogs and notices. Language and theme are remembered. */
import type { StateCreator } from 'zustand';
import { normalizeLang, setCurrentLang, type Lang } from '../i18n/index';
import type { Studio } from './types';

export type Theme = 'light' | 'dark';

export type Dialog =
  | { kind: 'examples' }
  | { kind: 'pipelines' }
  | { kind: 'share' }
  | { kind: 'problems'; title: string; problems: string[] }
  | { kind: 'shortcuts' }
  | { kind: 'consent'; action: 'run' | 'step' };

export interface Notice {
  id: number;
  level: 'info' | 'warning' | 'error';
  text: string;
  /** An action button: an id the App knows how to run ('exportJson', ...). */
  action?: { labelKey: string; run: string };
}

export interface UiSlice {
  lang: Lang;
  theme: Theme;
  dockTab: string;
  dockHeight: number;
  dialog: Dialog | null;
  notices: Notice[];
  /** Autosave state of the current pipeline (shown beside its name). */
  saveStatus: 'saved' | 'pending' | 'failed';
  /** The previous visit ended while a run was active (a crash or a freeze): the graph is shown and nothing runs. */
  safeMode: boolean;
  setSafeMode: (on: boolean) => void;
  setSaveStatus: (s: 'saved' | 'pending' | 'failed') => void;
  setLang: (lang: Lang) => void;
  setTheme: (theme: Theme) => void;
  setDockTab: (id: string) => void;
  setDockHeight: (px: number) => void;
  openDialog: (d: Dialog) => void;
  closeDialog: () => void;
  notify: (n: Omit<Notice, 'id'>) => number;
  dismiss: (id: number) => void;
}

export const LANG_KEY = 'dstream-studio:lang';
export const THEME_KEY = 'dstream-studio:theme';

function readPref(key: string): string | null {
  try { return typeof localStorage !== 'undefined' ? localStorage.getItem(key) : null; } catch { return null; }
}
function writePref(key: string, v: string) {
  try { if (typeof localStorage !== 'undefined') localStorage.setItem(key, v); } catch { /* private mode: not remembered */ }
}

export function initialLang(): Lang {
  const saved = readPref(LANG_KEY);
  if (saved) return normalizeLang(saved);
  return normalizeLang(typeof navigator !== 'undefined' ? navigator.language : 'en');
}

let noticeSeq = 0;

/** About 30 % of the window, within 180–300 px. */
function initialDockHeight(): number {
  const h = typeof window !== 'undefined' && window.innerHeight ? window.innerHeight : 900;
  // Up to 340 px: on a 1080-line screen the Cluster diagram then shows whole in the dock (e2e/looks.spec.ts).
  return Math.round(Math.max(180, Math.min(340, h * 0.3)));
}

export const createUiSlice: StateCreator<Studio, [], [], UiSlice> = (set) => {
  const lang = initialLang();
  setCurrentLang(lang);
  return {
    lang,
    theme: readPref(THEME_KEY) === 'dark' ? 'dark' : 'light',
    dockTab: 'console',
    dockHeight: initialDockHeight(),
    dialog: null,
    notices: [],
    saveStatus: 'saved',
    safeMode: false,
    setSafeMode: (safeMode) => set({ safeMode }),
    setSaveStatus: (saveStatus) => set({ saveStatus }),
    setLang: (l) => { setCurrentLang(l); writePref(LANG_KEY, l); set({ lang: l }); },
    setTheme: (theme) => { writePref(THEME_KEY, theme); set({ theme }); },
    setDockTab: (dockTab) => set({ dockTab }),
    setDockHeight: (px) => set({ dockHeight: Math.max(120, Math.min(700, Math.round(px))) }),
    openDialog: (dialog) => set({ dialog }),
    closeDialog: () => set({ dialog: null }),
    notify: (n) => { const id = ++noticeSeq; set((s) => ({ notices: [...s.notices.slice(-4), { ...n, id }] })); return id; },
    dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  };
};
