/** The netcat panel's own state (text box, chosen endpoint, history): kept while the dock switches tabs. */
import { create } from 'zustand';
import { appendHistory, type SentEntry } from './netcatModel';

export interface NetcatState {
  text: string;
  chosen: string | null;
  history: SentEntry[];
  setText(text: string): void;
  choose(key: string): void;
  record(entry: Omit<SentEntry, 'seq'>): void;
  clear(): void;
}

export const useNetcat = create<NetcatState>()((set) => ({
  text: '',
  chosen: null,
  history: [],
  setText: (text) => set({ text }),
  choose: (chosen) => set({ chosen }),
  record: (entry) => set((s) => ({ history: appendHistory(s.history, entry) })),
  clear: () => set({ history: [] }),
}));
