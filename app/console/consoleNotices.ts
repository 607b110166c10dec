import type { ConsoleError } from './consoleModel';

/** One banner above the console output: a message, how often it came, and the newest entry's id. */
export interface ConsoleNotice {
  id: number; level: ConsoleError['level']; message: string; explainKey?: string; count: number; ids: number[];
  /** The newest entry's first task failure and the nodes it is attributed to (see ConsoleError). */
  cause?: string; nodeIds?: string[];
}

/**
 * The banners the console shows: the same message repeated (a warning every batch, say) is one banner with a
 * count, dismissed ones are left out, the newest first. Pure, so the console and its tests agree.
 */
export function consoleNotices(errors: readonly ConsoleError[], dismissed: ReadonlySet<number>): ConsoleNotice[] {
  const byText = new Map<string, ConsoleNotice>();
  for (const e of errors) {
    if (dismissed.has(e.id)) continue;
    const key = `${e.level}\u0000${e.cause ?? ''}\u0000${e.message}`;
    const n = byText.get(key);
    if (n) { n.count++; n.ids.push(e.id); n.id = e.id; n.nodeIds = e.nodeIds; byText.delete(key); byText.set(key, n); }
    else byText.set(key, { id: e.id, level: e.level, message: e.message, explainKey: e.explainKey, count: 1, ids: [e.id], cause: e.cause, nodeIds: e.nodeIds });
  }
  return [...byText.values()].reverse();
}

/** How many banners show before "Show N more": the output below keeps its room. */
export const NOTICES_SHOWN = 3;
