/**
 * The code pane's own small store: whether the pane is open, its language tab and width (remembered), and whether
 * the "Import TypeScript" dialog is open.
 */
import { create } from 'zustand';
import { CODE_LANGS, type ExportLang } from './codeModel';

export const CODE_PANE_KEY = 'dstream-studio:code-pane';
export const PANE_MIN = 300;
export const PANE_MAX = 900;
export const PANE_DEFAULT = 440;

export interface CodePaneState {
  open: boolean;
  lang: ExportLang;
  width: number;
  importOpen: boolean;
  setOpen: (open: boolean) => void;
  toggle: () => void;
  setLang: (lang: ExportLang) => void;
  setWidth: (px: number) => void;
  setImportOpen: (open: boolean) => void;
}

interface Saved { open?: unknown; lang?: unknown; width?: unknown }

function read(): Saved {
  try { return JSON.parse((typeof localStorage !== 'undefined' && localStorage.getItem(CODE_PANE_KEY)) || '{}') as Saved; } catch { return {}; }
}
function write(s: Pick<CodePaneState, 'open' | 'lang' | 'width'>) {
  try { if (typeof localStorage !== 'undefined') localStorage.setItem(CODE_PANE_KEY, JSON.stringify({ open: s.open, lang: s.lang, width: s.width })); } catch { /* private mode: not remembered */ }
}

export const clampWidth = (px: number) => Math.round(Math.max(PANE_MIN, Math.min(PANE_MAX, px)));

const saved = read();

export const useCodePane = create<CodePaneState>()((set, get) => {
  const persist = () => write(get());
  return {
    open: saved.open === true,
    lang: CODE_LANGS.includes(saved.lang as ExportLang) ? (saved.lang as ExportLang) : 'ts',
    width: typeof saved.width === 'number' && Number.isFinite(saved.width) ? clampWidth(saved.width) : PANE_DEFAULT,
    importOpen: false,
    setOpen: (open) => { set({ open }); persist(); },
    toggle: () => { set((s) => ({ open: !s.open })); persist(); },
    setLang: (lang) => { set({ lang }); persist(); },
    setWidth: (px) => { set({ width: clampWidth(px) }); persist(); },
    setImportOpen: (importOpen) => set({ importOpen }),
  };
});
