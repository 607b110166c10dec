/**
 * "A run is active" in storage: set when engine work starts, cleared when it stops cleanly and when the page is left
 * (pagehide). A mark still there when the app starts means the previous visit crashed or froze while running, and
 * the app opens in safe mode (see safeMode.ts) instead of offering to run the same thing again.
 */
import { useStudio } from '../store/store';
import { PREFIX, type StorageLike } from './autosave';
import { appStorage } from './autosaveSync';
import type { SimStatus } from '../store/simSlice';

export const RUN_MARK_KEY = `${PREFIX}run-active`;

export interface RunMark { pipeline: string }

export function markRunActive(pipeline: string, storage: StorageLike = appStorage()): void {
  try { storage.setItem(RUN_MARK_KEY, JSON.stringify({ pipeline } satisfies RunMark)); } catch { /* storage full: no safe mode next time */ }
}

export function clearRunMark(storage: StorageLike = appStorage()): void {
  try { storage.removeItem(RUN_MARK_KEY); } catch { /* nothing to clear */ }
}

/** The mark left by the previous visit, if any (any value counts: a damaged mark still means a run was active). */
export function readRunMark(storage: StorageLike = appStorage()): RunMark | null {
  const raw = storage.getItem(RUN_MARK_KEY);
  if (raw === null) return null;
  try {
    const v = JSON.parse(raw) as { pipeline?: unknown };
    return { pipeline: typeof v?.pipeline === 'string' ? v.pipeline : '' };
  } catch { return { pipeline: '' }; }
}

const working = (s: SimStatus) => s === 'loading' || s === 'running' || s === 'paused';

/** Follows the run's status (mark while the engine works, clear when it stops) and clears the mark on a clean exit. */
export function startRunMark(): () => void {
  const unsub = useStudio.subscribe((s, prev) => {
    if (s.sim.status === prev.sim.status) return;
    if (working(s.sim.status)) { if (!working(prev.sim.status)) markRunActive(s.meta.name); }
    else clearRunMark();
  });
  const leave = () => clearRunMark();
  window.addEventListener('pagehide', leave);
  return () => { unsub(); window.removeEventListener('pagehide', leave); };
}
