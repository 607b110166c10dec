/**
 * The import worker's message handler, the same in a browser Web Worker and a Node worker_thread:
 * request `{ source, alreadyJs?, warnings? }` → response RecordResult. The host terminates the worker after
 * IMPORT_TIMEOUT_MS. Browser wiring (app engineer): `installImportWorker(self)` in a module worker, post the source,
 * pass the response to `importResultFrom`.
 */
import { recordTypeScript, type RecordResult } from './recorder';

export interface ImportRequest { source: string; alreadyJs?: boolean; warnings?: string[] }

export function handleImportRequest(req: ImportRequest): Promise<RecordResult> {
  return recordTypeScript(String(req.source), { alreadyJs: !!req.alreadyJs, warnings: req.warnings });
}

interface MessageScope {
  postMessage(data: unknown): void;
  onmessage: ((ev: { data: ImportRequest }) => void) | null;
}

export function installImportWorker(scope: MessageScope): void {
  scope.onmessage = (ev) => { void handleImportRequest(ev.data).then((r) => scope.postMessage(r)); };
}
