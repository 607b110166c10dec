/**
 * Node platform adapter for TypeScript import: records the program in a worker_thread that is terminated after
 * IMPORT_TIMEOUT_MS, with network/file/process access replaced by stand-ins that stop the import.
 *
 * The worker runs a bundle of ./worker.ts made with esbuild (in memory, once per process), so it needs no
 * TypeScript loader. When the conservative type stripper cannot read a program, esbuild's TypeScript transform
 * decides: a real syntax error is reported with its line and column, otherwise the transformed JavaScript is
 * recorded (function sources then come from esbuild's output; a warning says so).
 */
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';
import type { RecordResult } from './recorder';
import { IMPORT_TIMEOUT_MS, importResultFrom, type ImportResult } from './index';
import type { ImportRequest } from './worker';
import { errors } from '../../core/errors';

let bundle: Promise<string> | undefined;

function workerBundle(): Promise<string> {
  bundle ??= build({
    stdin: {
      contents: [
        "import { parentPort } from 'node:worker_threads';",
        `import { handleImportRequest } from ${JSON.stringify(fileURLToPath(new URL('./worker.ts', import.meta.url)))};`,
        'const port = parentPort;',
        // cut the worker off from the process before any program runs in it
        "for (const k of ['fetch', 'WebSocket', 'XMLHttpRequest', 'EventSource', 'require', 'module', 'process', 'Buffer']) { try { delete globalThis[k]; } catch {} try { globalThis[k] = undefined; } catch {} }",
        'port.on("message", (req) => { handleImportRequest(req).then((r) => port.postMessage(r), (e) => port.postMessage({ ok: false, kind: "runtime", message: String(e && e.message || e) })); });',
      ].join('\n'),
      resolveDir: fileURLToPath(new URL('.', import.meta.url)),
      sourcefile: 'import-worker-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0].text);
  return bundle;
}

type TimeoutResult = { ok: false; kind: 'timeout'; message: string };

/** Records `req` in a fresh worker; resolves with its result or a timeout. */
export async function runInWorker(req: ImportRequest, timeoutMs = IMPORT_TIMEOUT_MS): Promise<RecordResult | TimeoutResult> {
  const code = await workerBundle();
  const worker = new Worker(code, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 256 }, stdout: true, stderr: true, env: {} });
  return new Promise((resolve) => {
    let done = false;
    const finish = (r: RecordResult | TimeoutResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(r);
    };
    const timer = setTimeout(() => finish({
      ok: false, kind: 'timeout',
      message: errors.importTimeout(timeoutMs / 1000).message,
    }), timeoutMs);
    worker.on('message', (r: RecordResult) => finish(r));
    worker.on('error', (e) => finish({ ok: false, kind: 'runtime', message: errors.importFailed(e.message).message }));
    worker.on('exit', (c) => finish({ ok: false, kind: 'runtime', message: errors.importWorkerExited(c).message }));
    worker.postMessage(req);
  });
}

/** Records a TypeScript program in a sandboxed worker (esbuild decides when the type stripper cannot). */
export async function recordInWorker(source: string, timeoutMs = IMPORT_TIMEOUT_MS): Promise<RecordResult | TimeoutResult> {
  const first = await runInWorker({ source }, timeoutMs);
  if (first.ok || first.kind !== 'syntax') return first;
  let js: string;
  try {
    js = (await transform(source, { loader: 'ts', format: 'esm', target: 'es2022', logLevel: 'silent' })).code;
  } catch (e) {
    const err = (e as { errors?: { text: string; location?: { line: number; column: number } }[] }).errors?.[0];
    if (err?.location) {
      return { ok: false, kind: 'syntax', message: errors.importSyntax(err.location.line, err.location.column + 1, err.text).message, line: err.location.line, column: err.location.column + 1 };
    }
    return first;
  }
  return runInWorker({ source: js, alreadyJs: true, warnings: [`TypeScript syntax beyond the built-in type stripper (${first.message}); function sources are esbuild's JavaScript`] }, timeoutMs);
}

/** `importTypeScript` for Node: sandboxed in a worker_thread with a time limit. */
export async function importTypeScript(source: string, opts: { timeoutMs?: number } = {}): Promise<ImportResult> {
  return importResultFrom(await recordInWorker(source, opts.timeoutMs));
}
