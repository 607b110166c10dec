import type { ConsoleError } from './consoleModel';

/** One banner above the console output: a message, how often it came, and the newest entry's id. */
export interface ConsoleNotice {
  id: number; level: ConsoleError['level']; message: string; explainKey?: string; count: number; ids: number[];
  /** The newest entry's first task failure and the nodes it is attributed to (see ConsoleError). */
  cause?: string; nodeIds?: string[];
}

/**
 * The banners the console shows: the same message repeated (a warning every batch, or the same job failure in
 * every batch, which differs only in its batch time, block and task ids) is one banner with a count showing the
 * newest words; dismissed ones are left out; the newest first. Pure, so the console and its tests agree.
 */
export function consoleNotices(errors: readonly ConsoleError[], dismissed: ReadonlySet<number>): ConsoleNotice[] {
  const byText = new Map<string, ConsoleNotice>();
  for (const e of errors) {
    if (dismissed.has(e.id)) continue;
    const key = `${e.level}\u0000${sameWords(e.cause ?? '')}\u0000${sameWords(e.message)}`;
    const n = byText.get(key);
    if (n) {
      Object.assign(n, { id: e.id, message: e.message, cause: e.cause, nodeIds: e.nodeIds, count: n.count + 1 });
      n.ids.push(e.id);
      byText.delete(key);
      byText.set(key, n);
    }
    else byText.set(key, { id: e.id, level: e.level, message: e.message, explainKey: e.explainKey, count: 1, ids: [e.id], cause: e.cause, nodeIds: e.nodeIds });
  }
  return [...byText.values()].reverse();
}

/** How many banners show before "Show N more": the output below keeps its room. */
export const NOTICES_SHOWN = 3;

/** A message with its numbers (times, ids, counts) blanked: two messages with the same words are one banner. */
function sameWords(message: string): string {
  return message.replace(/\d+/g, '#');
}
