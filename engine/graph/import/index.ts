/**
 * TypeScript import: a program written against the engine API → a pipeline graph.
 *
 * `importTypeScript(source, { run })` is platform-neutral: `run` executes the program's pipeline-building code in a
 * sandbox and returns a recording (a Web Worker in the browser, a worker_thread in Node: importTs.node.ts). Without
 * `run` it records in the calling thread (no time limit: for tests and trusted input only).
 */
import { recordTypeScript, type RecordResult } from './recorder';
import { recordingToGraph, type ImportResult } from './toGraph';

export type { ImportResult } from './toGraph';
export type { RecordResult, Recording, RecCall, RecValue } from './recorder';
export { recordTypeScript, recordProgram } from './recorder';
export { prepareProgram, ProgramSyntaxError, SandboxViolation } from './instrument';
export { recordingToGraph, mapArgs } from './toGraph';
export { layeredLayout } from './layout';

/** The time an import may run before its worker is terminated. */
export const IMPORT_TIMEOUT_MS = 2000;

export class ImportError extends Error {
  constructor(message: string, readonly kind: 'syntax' | 'sandbox' | 'runtime' | 'timeout', readonly line?: number, readonly column?: number) {
    super(message);
    this.name = 'ImportError';
  }
}

export interface ImportOptions {
  /** Runs the program in a sandbox and returns the recording. */
  run?: (source: string) => Promise<RecordResult>;
}

export async function importTypeScript(source: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const result = await (opts.run ?? ((s: string) => recordTypeScript(s)))(source);
  return importResultFrom(result);
}

/** A worker's RecordResult → the graph, or an ImportError with the message to show. */
export function importResultFrom(result: RecordResult | { ok: false; kind: 'timeout'; message: string }): ImportResult {
  if (!result.ok) {
    throw new ImportError(result.message, result.kind, 'line' in result ? result.line : undefined, 'column' in result ? result.column : undefined);
  }
  return recordingToGraph(result.recording);
}
