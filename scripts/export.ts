/**
 * `npm run export -- <graph.json> --to ts|scala|python [--engine <module path>]`
 * Prints the pipeline graph as a TypeScript program (runs with `npm run pipeline`), a Scala or a PySpark
 * application. Bad input: one clear line on stderr and exit code 2 (command line) or 1 (unreadable graph).
 */
import fs from 'node:fs';
import { exportGraph, EXPORT_LANGS, type ExportLang } from '../engine/graph/codegen/index';
import { parsePipeline } from '../engine/graph/schema';

export const EXPORT_USAGE = 'Usage: npm run export -- <graph.json> --to ts|scala|python [--engine <module path>]';

export interface ExportArgs { file: string; to: ExportLang; engine?: string }

export class ExportUsageError extends Error {}

export function parseExportArgs(argv: string[]): ExportArgs {
  let file: string | undefined;
  let to: string | undefined;
  let engine: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') ? a.split(/=(.*)/s, 2) : [a, undefined];
    if (flag === '--to' || flag === '--engine') {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith('--')) throw new ExportUsageError(`${flag} needs a value. ${EXPORT_USAGE}`);
      if (flag === '--to') to = v; else engine = v;
    } else if (a.startsWith('--')) {
      throw new ExportUsageError(`Unknown option ${flag}. ${EXPORT_USAGE}`);
    } else if (file === undefined) {
      file = a;
    } else {
      throw new ExportUsageError(`Only one graph file, got "${file}" and "${a}". ${EXPORT_USAGE}`);
    }
  }
  if (!file) throw new ExportUsageError(`Missing the graph file. ${EXPORT_USAGE}`);
  const lang = to ?? 'ts';
  if (!(EXPORT_LANGS as readonly string[]).includes(lang)) throw new ExportUsageError(`--to must be ts, scala or python, got "${lang}". ${EXPORT_USAGE}`);
  return { file, to: lang as ExportLang, ...(engine !== undefined ? { engine } : {}) };
}

/** Runs the command; returns [exit code, stdout text, stderr line]. */
export function runExport(argv: string[]): { code: number; out: string; err: string } {
  let args: ExportArgs;
  try {
    args = parseExportArgs(argv);
  } catch (e) {
    if (e instanceof ExportUsageError) return { code: 2, out: '', err: e.message };
    throw e;
  }
  let text: string;
  try {
    text = fs.readFileSync(args.file, 'utf8');
  } catch (e) {
    return { code: 2, out: '', err: `Cannot read ${args.file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}` };
  }
  const parsed = parsePipeline(text);
  if (!parsed.ok) return { code: 1, out: '', err: `${args.file} is not a valid pipeline graph: ${parsed.issues[0]}${parsed.issues.length > 1 ? ` (and ${parsed.issues.length - 1} more)` : ''}` };
  return { code: 0, out: exportGraph(parsed.graph, args.to, args.engine ? { enginePath: args.engine } : {}), err: '' };
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${fs.realpathSync(process.argv[1])}`).href;
if (isMain) {
  const r = runExport(process.argv.slice(2));
  if (r.out) process.stdout.write(r.out);
  if (r.err) process.stderr.write(`${r.err}\n`);
  process.exitCode = r.code;
}
