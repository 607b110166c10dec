/**
 * Node platform adapter for TypeScript import: records the program in a child process with the limits of a
 * `.json` graph run (importChild.node.ts: Node's permission model with no file, child-process or worker access,
 * no code generation from strings, no network, a 256 MiB heap and 256 MiB of array buffers), killed after
 * IMPORT_TIMEOUT_MS. The program is never run with the privileges of the command.
 *
 * The child runs a bundle of ./importChild.node.ts made with esbuild (once per process), so it needs no TypeScript
 * loader. When the conservative type stripper cannot read a program, esbuild's TypeScript transform (here, in
 * the parent, which runs nothing of the program) decides: a real syntax error is reported with its line and
 * column, otherwise the transformed JavaScript is recorded (function sources then come from esbuild's output; a
 * warning says so).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';
import type { RecordResult } from './recorder';
import { IMPORT_TIMEOUT_MS, importResultFrom, type ImportResult } from './index';
import type { ImportRequest } from './worker';
import { errors } from '../../core/errors';

let bundle: Promise<string> | undefined;

/** The child's entry, bundled into a temporary directory removed when this process exits. */
function childBundle(): Promise<string> {
  bundle ??= (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-import-'));
    process.once('exit', () => { fs.rmSync(dir, { recursive: true, force: true }); });
    const outfile = path.join(dir, 'importChild.mjs');
    await build({
      entryPoints: [fileURLToPath(new URL('./importChild.node.ts', import.meta.url))],
      outfile, bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'silent',
    });
    return outfile;
  })();
  return bundle;
}

type TimeoutResult = { ok: false; kind: 'timeout'; message: string };

/** Records `req` in a fresh child process; resolves with its result or a timeout. */
export async function runInChild(req: ImportRequest, timeoutMs = IMPORT_TIMEOUT_MS): Promise<RecordResult | TimeoutResult> {
  const entry = await childBundle();
  const child = spawn(process.execPath, [
    '--experimental-permission', `--allow-fs-read=${entry}`, '--disallow-code-generation-from-strings', '--max-old-space-size=256',
    '--disable-warning=ExperimentalWarning', entry,
  ], { stdio: ['pipe', 'pipe', 'pipe'], env: {} });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => { out += c; });
  child.stderr.setEncoding('utf8').on('data', (c: string) => { err += c; });
  child.stdin.end(JSON.stringify(req));
  return new Promise((resolve) => {
    let done = false;
    const finish = (r: RecordResult | TimeoutResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      resolve(r);
    };
    const timer = setTimeout(() => finish({ ok: false, kind: 'timeout', message: errors.importTimeout(timeoutMs / 1000).message }), timeoutMs);
    child.on('error', (e) => finish({ ok: false, kind: 'runtime', message: errors.importFailed(e.message).message }));
    child.on('close', (code, signal) => {
      try {
        finish(JSON.parse(out) as RecordResult);
      } catch {
        const last = err.trim().split('\n').filter((l) => !/^\s+at /.test(l)).slice(-3).join(' ');
        finish({ ok: false, kind: 'runtime', message: last ? errors.importFailed(last).message : errors.importWorkerExited(code ?? signal).message });
      }
    });
  });
}

/** Records a TypeScript program in a limited child process (esbuild decides when the type stripper cannot). */
export async function recordInChild(source: string, timeoutMs = IMPORT_TIMEOUT_MS): Promise<RecordResult | TimeoutResult> {
  const first = await runInChild({ source }, timeoutMs);
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
  return runInChild({ source: js, alreadyJs: true, warnings: [`TypeScript syntax beyond the built-in type stripper (${first.message}); function sources are esbuild's JavaScript`] }, timeoutMs);
}

/** `importTypeScript` for Node: recorded in a permission-limited child process with time and memory limits. */
export async function importTypeScript(source: string, opts: { timeoutMs?: number } = {}): Promise<ImportResult> {
  return importResultFrom(await recordInChild(source, opts.timeoutMs));
}
