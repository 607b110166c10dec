/**
 * Runs a TypeScript import in a sandboxed worker (app/workers/import.worker.ts): posts the source, turns the reply
 * into a graph with `importResultFrom`, and terminates the worker after IMPORT_TIMEOUT_MS (an endless loop never
 * blocks the page). The worker factory is injected so this runs in tests without a browser.
 */
import { IMPORT_TIMEOUT_MS, ImportError, importResultFrom, type ImportResult, type RecordResult } from '../../engine/graph/import/index';

/** The part of a Worker the runner uses. */
export interface WorkerLike {
  postMessage(data: unknown): void;
  terminate(): void;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onerror: ((ev: { message?: string; preventDefault?: () => void }) => void) | null;
  onmessageerror?: ((ev: unknown) => void) | null;
}

export interface ImportRun {
  /** The graph and the importer's warnings; rejects with an ImportError (kind, message, line/column). */
  result: Promise<ImportResult>;
  /** Stops the import (the worker is terminated); `result` rejects with an ImportError of kind 'cancelled'. */
  cancel(): void;
}

export type TimeoutReply = { ok: false; kind: 'timeout'; message: string };

export function timeoutMessage(ms: number): string {
  return `Import stopped: the program ran longer than ${ms / 1000} s while building its pipeline (an endless loop, or waiting for input?). Its worker was terminated.`;
}

/** Thrown by `cancel()`. */
export class ImportCancelled extends Error {
  constructor() { super('Import cancelled'); this.name = 'ImportCancelled'; }
}

function isRecordResult(v: unknown): v is RecordResult {
  if (!v || typeof v !== 'object') return false;
  const r = v as { ok?: unknown; recording?: unknown; kind?: unknown; message?: unknown };
  return r.ok === true ? !!r.recording && typeof r.recording === 'object' : r.ok === false && typeof r.kind === 'string' && typeof r.message === 'string';
}

export interface RunImportOptions {
  timeoutMs?: number;
  /** Timers (injected in tests). */
  setTimer?: (f: () => void, ms: number) => unknown;
  clearTimer?: (h: unknown) => void;
}

/** Starts one import in a fresh worker; the worker is always terminated when the run ends. */
export function runImport(source: string, createWorker: () => WorkerLike, opts: RunImportOptions = {}): ImportRun {
  const timeoutMs = opts.timeoutMs ?? IMPORT_TIMEOUT_MS;
  const setTimer = opts.setTimer ?? ((f, ms) => setTimeout(f, ms));
  const clearTimer = opts.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let cancel = () => {};
  const result = new Promise<ImportResult>((resolve, reject) => {
    let worker: WorkerLike;
    try {
      worker = createWorker();
    } catch (e) {
      reject(new ImportError(`The import worker could not be started: ${e instanceof Error ? e.message : String(e)}. Reload the page and try again.`, 'runtime'));
      return;
    }
    let done = false;
    const finish = (f: () => void) => {
      if (done) return;
      done = true;
      clearTimer(timer);
      worker.onmessage = null;
      worker.onerror = null;
      try { worker.terminate(); } catch { /* already gone */ }
      f();
    };
    const settle = (reply: RecordResult | TimeoutReply) => finish(() => {
      try { resolve(importResultFrom(reply)); } catch (e) { reject(e); }
    });
    const timer = setTimer(() => settle({ ok: false, kind: 'timeout', message: timeoutMessage(timeoutMs) }), timeoutMs);
    cancel = () => finish(() => reject(new ImportCancelled()));
    worker.onmessage = (ev) => {
      if (isRecordResult(ev.data)) settle(ev.data);
      else settle({ ok: false, kind: 'runtime', message: 'The import worker sent an unexpected reply; reload the page and try again.' });
    };
    worker.onerror = (ev) => {
      ev.preventDefault?.();
      settle({ ok: false, kind: 'runtime', message: `The program failed while building its pipeline: ${ev.message || 'the import worker stopped with an error'}` });
    };
    worker.onmessageerror = () => settle({ ok: false, kind: 'runtime', message: 'The import worker\'s reply could not be read; reload the page and try again.' });
    worker.postMessage({ source });
  });
  return { result, cancel: () => cancel() };
}

/** What the import dialog shows for a failed import (the English detail is the importer's own message). */
export interface ImportFailure {
  /** i18n key of the headline. */
  titleKey: string;
  detail: string;
  line?: number;
  column?: number;
}

export function describeImportFailure(e: unknown): ImportFailure {
  if (e instanceof ImportError) {
    const titleKey = `code.import.failed.${e.kind}`;
    return { titleKey, detail: e.message, line: e.line, column: e.column };
  }
  return { titleKey: 'code.import.failed.runtime', detail: e instanceof Error ? e.message : String(e) };
}

/** The source line at `line` with a caret under `column` (1-based), for showing a syntax error. */
export function excerptAt(source: string, line: number, column: number): { text: string; caret: string } | null {
  const lines = source.split('\n');
  if (!Number.isInteger(line) || line < 1 || line > lines.length) return null;
  const text = lines[line - 1].replace(/\t/g, ' ').replace(/\r$/, '');
  const col = Math.max(1, Math.min(Number.isInteger(column) ? column : 1, text.length + 1));
  return { text, caret: `${' '.repeat(col - 1)}^` };
}
