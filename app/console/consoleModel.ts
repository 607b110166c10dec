/**
 * The console's pure model: appending printed text to a capped line buffer, turning engine events
 * into console errors/warnings, and picking the translated explanation of each by its code.
 */
import type { EngineEvent, WarningCode } from '../../engine/core/events';
import type { ErrorCode } from '../../engine/core/errors';

export const CONSOLE_LIMIT = 2000;

export interface ConsoleError {
  id: number;
  level: 'error' | 'warning';
  /** Spark's own words, shown in English. */
  message: string;
  /** i18n key of the explanation shown beside it, if what failed is known. */
  explainKey?: string;
  /** What failed (an ErrorCode or WarningCode, as the engine sent it): picks the explanation. */
  code?: string;
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

/**
 * Explanations by code (core/errors.ts ErrorCode, events.ts WarningCode): the console picks the explanation of what
 * failed from the code the event carries, never from Spark's words (which stay in English beside it).
 */
const EXPLANATIONS: Partial<Record<ErrorCode | WarningCode, string>> = {
  NO_OUTPUT_OPERATIONS: 'explain.noOutput',
  WINDOW_NOT_MULTIPLE: 'explain.windowMultiple',
  SLIDE_NOT_MULTIPLE: 'explain.windowMultiple',
  REDUCED_WINDOW_NOT_MULTIPLE: 'explain.windowMultiple',
  REDUCED_SLIDE_NOT_MULTIPLE: 'explain.windowMultiple',
  CHECKPOINT_DIR_NOT_SET: 'explain.checkpoint',
  TASK_NOT_SERIALIZABLE: 'explain.notSerializable',
  CLOSURE_VAR_NOT_DATA: 'explain.notSerializable',
  BROADCAST_NOT_DATA: 'explain.notSerializable',
  DYNAMIC_IMPORT: 'explain.notSerializable',
  JOB_ABORTED: 'explain.jobAborted',
  STAGE_ABORTED: 'explain.jobAborted',
  DIFFERENT_SLIDE_DURATIONS: 'explain.slideDurations',
  INVALID_MASTER: 'explain.master',
  TASK_TIMEOUT: 'explain.timeout',
  SHIPPED_SYNTAX_ERROR: 'explain.syntax',
  IMPORT_SYNTAX: 'explain.syntax',
  receiversNeedMoreSlots: 'explain.oneSlot',
  batchStarvedByReceivers: 'explain.oneSlot',
  USER_FUNCTION_ERROR: 'explain.udfError',
  EXECUTOR_LOST: 'explain.executorLost',
  EXECUTOR_LOST_BY_APP: 'explain.executorLost',
};

/**
 * The explanation key for a code, if the console has one. The code may come from another realm (the driver's worker,
 * where user code runs), so it is looked up as data: an unknown code explains nothing.
 */
export function explainKey(code: string | undefined): string | undefined {
  return code !== undefined && Object.hasOwn(EXPLANATIONS, code) ? EXPLANATIONS[code as keyof typeof EXPLANATIONS] : undefined;
}

export function eventToConsoleError(e: EngineEvent): Omit<ConsoleError, 'id'> | null {
  const mk = (level: 'error' | 'warning', message: string, code: string | undefined, nodeId?: string) =>
    ({ level, message, explainKey: explainKey(code), time: e.time, ...(nodeId ? { nodeId } : {}) });
  switch (e.type) {
    case 'jobEnd': {
      if (e.result !== 'JobFailed') return null;
      const message = withoutStackFrames(e.error ?? 'Job failed');
      const cause = e.cause !== undefined ? withoutStackFrames(e.cause) : undefined;
      // The first task failure says what went wrong better than "Job aborted" does, so its explanation comes first.
      return { ...mk('error', message, e.errorCode, e.failedNodeIds?.[0]), ...(cause ? { cause, explainKey: explainKey(e.causeCode) ?? explainKey(e.errorCode) } : {}),
        ...(e.failedNodeIds?.length ? { nodeIds: e.failedNodeIds } : {}) };
    }
    case 'outputOperationCompleted': {
      const info = e.outputOperationInfo;
      return info.failureReason ? mk('error', withoutStackFrames(info.failureReason), info.failureCode) : null;
    }
    case 'receiverError': return mk('warning', `Receiver ${e.receiverInfo.name} (stream ${e.receiverInfo.streamId}): ${e.receiverInfo.lastErrorMessage ?? e.receiverInfo.lastError ?? 'error'}`, e.receiverInfo.lastErrorCode);
    case 'warning': return mk('warning', e.message, e.code);
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
