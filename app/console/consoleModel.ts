/**
 * The console's pure model: appending printed text to a capped line buffer, turning engine events
 * into console errors/warnings, and matching Spark's messages to a translated explanation.
 */
import type { EngineEvent } from '../../engine/core/events';

export const CONSOLE_LIMIT = 2000;

export interface ConsoleError {
  id: number;
  level: 'error' | 'warning';
  /** Spark's own words, shown in English. */
  message: string;
  /** i18n key of the explanation shown beside it, if the message is known. */
  explainKey?: string;
  time?: number;
  nodeId?: string;
  /** A failed job's first task failure, shown before Spark's message (which names only the most recent one). */
  cause?: string;
  /** The graph nodes the failure is attributed to (one when exact). */
  nodeIds?: string[];
}

/**
 * A message without its stack frames: the executor's frames point into the studio's bundle
 * (`executorWorker-BWgSJa0t.js:1:12558`), which tells a user nothing about their pipeline.
 */
export function withoutStackFrames(text: string): string {
  return text.split('\n').filter((l) => !/^\s*at\s.*(:\d+:\d+\)?|\(native\)|<anonymous>\)?)\s*$/.test(l) && !/^\s*\S*@\S+:\d+:\d+\s*$/.test(l)).join('\n').trim();
}

/**
 * Append `text` (which may hold several lines) to `lines`, keeping the last `limit` lines.
 * A trailing newline ends the text's last line rather than starting an empty one, so print()'s
 * blank separator line survives as one empty line.
 */
export function appendConsole(lines: string[], text: string, limit = CONSOLE_LIMIT): string[] {
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  const add = body.replace(/\r\n/g, '\n').split('\n');
  const out = lines.concat(add);
  return out.length > limit ? out.slice(out.length - limit) : out;
}

/** How many lines appendConsole adds for `text`. */
export function countLines(text: string): number {
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  let n = 1;
  for (let i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * The console's text in blocks of `size` lines, each keyed by its position in the run (line consoleDropped + i), so
 * that appending a batch's output changes only the last block or two: the page re-lays out those, not 2,000 lines.
 * Every block's text ends with a newline (a block's trailing empty line stays visible; copied text keeps line breaks).
 */
export function consoleBlocks(lines: string[], dropped: number, size = 64): { key: number; text: string }[] {
  const out: { key: number; text: string }[] = [];
  if (!lines.length) return out;
  for (let k = Math.floor(dropped / size); k * size < dropped + lines.length; k++) {
    const from = Math.max(0, k * size - dropped);
    const to = Math.min(lines.length, (k + 1) * size - dropped);
    out.push({ key: k, text: lines.slice(from, to).join('\n') + '\n' });
  }
  return out;
}

/** Known Spark messages → explanation keys (the message itself stays in English). */
const EXPLANATIONS: [RegExp, string][] = [
  [/No output operations registered/, 'explain.noOutput'],
  [/must be a multiple of the slide duration/, 'explain.windowMultiple'],
  [/checkpoint directory has not been set/, 'explain.checkpoint'],
  [/Task not serializable/, 'explain.notSerializable'],
  [/Job aborted due to stage failure/, 'explain.jobAborted'],
  [/different slide durations/, 'explain.slideDurations'],
  [/Could not parse Master URL/, 'explain.master'],
  [/exceeded .*ms|possible infinite loop/, 'explain.timeout'],
  [/SyntaxError|Unexpected token|Unterminated/, 'explain.syntax'],
  [/(only one|no) (task )?slot|local\[1\]|receivers? .*slot/i, 'explain.oneSlot'],
  [/is not a function|is not defined|Cannot read propert/, 'explain.udfError'],
  [/Executor lost|ExecutorLost|executor .* (lost|removed)/i, 'explain.executorLost'],
];

export function explainKey(message: string): string | undefined {
  for (const [re, key] of EXPLANATIONS) if (re.test(message)) return key;
  return undefined;
}

export function eventToConsoleError(e: EngineEvent): Omit<ConsoleError, 'id'> | null {
  const mk = (level: 'error' | 'warning', message: string, nodeId?: string) => ({ level, message, explainKey: explainKey(message), time: e.time, ...(nodeId ? { nodeId } : {}) });
  switch (e.type) {
    case 'jobEnd': {
      if (e.result !== 'JobFailed') return null;
      const message = withoutStackFrames(e.error ?? 'Job failed');
      const cause = e.cause !== undefined ? withoutStackFrames(e.cause) : undefined;
      return { ...mk('error', message, e.failedNodeIds?.[0]), ...(cause ? { cause, explainKey: explainKey(cause) ?? explainKey(message) } : {}),
        ...(e.failedNodeIds?.length ? { nodeIds: e.failedNodeIds } : {}) };
    }
    case 'outputOperationCompleted': return e.outputOperationInfo.failureReason ? mk('error', withoutStackFrames(e.outputOperationInfo.failureReason)) : null;
    case 'receiverError': return mk('warning', `Receiver ${e.receiverInfo.name} (stream ${e.receiverInfo.streamId}): ${e.receiverInfo.lastErrorMessage ?? e.receiverInfo.lastError ?? 'error'}`);
    case 'warning': return mk('warning', e.message);
    default: return null;
  }
}

/** Console lines to show: at most `max`, newest last. */
export function visibleLines(lines: string[], max: number): { lines: string[]; hidden: number } {
  if (lines.length <= max) return { lines, hidden: 0 };
  return { lines: lines.slice(lines.length - max), hidden: lines.length - max };
}

const DASHES = '-------------------------------------------';

/**
 * The printed lines of one batch (time travel): every print() block whose header is
 * `Time: <time> ms`, plus whatever was printed after it until the next block of another batch.
 * Empty when that batch's output is no longer in the buffer.
 */
export function batchLines(lines: string[], time: number): string[] {
  const out: string[] = [];
  let current: number | null = null;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === DASHES && i + 2 < lines.length && lines[i + 2] === DASHES) {
      const m = /^Time: (\d+) ms$/.exec(lines[i + 1]);
      if (m) current = Number(m[1]);
    }
    if (current === time) out.push(lines[i]);
  }
  return out;
}
