/**
 * A store value that follows the studio store at most every `ms` milliseconds while it changes fast, and at once
 * when it changed after a quiet spell (the last value always arrives). At 10 batches/s a 200-node graph changes
 * its live counts and console every frame; painting those 60 times a second cost more than a frame.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStudio } from './store';
import type { Studio } from './types';

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** A vanilla store holding `select(studio)`, updated at most every `ms` (trailing edge). */
export function throttledView<T>(select: (s: Studio) => T, ms: number, equal: (a: T, b: T) => boolean = Object.is): StoreApi<{ value: T }> {
  const view = createStore<{ value: T }>(() => ({ value: select(useStudio.getState()) }));
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const push = () => {
    timer = null;
    last = now();
    const value = select(useStudio.getState());
    if (!equal(value, view.getState().value)) view.setState({ value });
  };
  useStudio.subscribe((s) => {
    if (timer !== null || equal(select(s), view.getState().value)) return;
    const wait = ms - (now() - last);
    if (wait <= 0) push();
    else timer = setTimeout(push, wait);
  });
  return view;
}

/** How often the canvas's live counts and the console's text follow a running pipeline (4 times a second). */
export const LIVE_VIEW_MS = 250;
