/**
 * `npm run import -- <program.ts>`: prints the pipeline graph JSON of a program written against the engine API.
 * The program is recorded against a recording engine in a child process with the limits of a `.json` graph run
 * (Node's permission model: no file system, child processes or workers; no code generation from strings; no
 * network; a 2 s limit; 256 MiB of heap and of array buffers): it never runs with this command's privileges.
 * Bad input (missing file, syntax error with line and column, sandbox stop, timeout): one line on stderr, exit 1
 * (2 for a bad command line). Import warnings go to stderr as `warning: ...` lines; the JSON goes to stdout.
 */
import fs from 'node:fs';
import { ImportError } from '../engine/graph/import/index';

type NodeImporter = typeof import('../engine/graph/import/importTs.node');
/** Loaded by URL (like pipeline.ts loads headless.ts): tsx does not add `.ts` to a `*.node` specifier. */
const loadImporter = (): Promise<NodeImporter> =>
  import(new URL('../engine/graph/import/importTs.node.ts', import.meta.url).href) as Promise<NodeImporter>;

export const IMPORT_USAGE = 'Usage: npm run import -- <program.ts>';

export async function runImport(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const files = argv.filter((a) => !a.startsWith('--'));
  const flags = argv.filter((a) => a.startsWith('--'));
  if (flags.length) return { code: 2, out: '', err: `Unknown option ${flags[0]}. ${IMPORT_USAGE}` };
  if (files.length !== 1) return { code: 2, out: '', err: `${files.length ? 'Only one program file' : 'Missing the program file'}. ${IMPORT_USAGE}` };
  let source: string;
  try {
    source = fs.readFileSync(files[0], 'utf8');
  } catch (e) {
    return { code: 2, out: '', err: `Cannot read ${files[0]}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}` };
  }
  try {
    const { importTypeScript } = await loadImporter();
    const { graph, warnings } = await importTypeScript(source);
    return { code: 0, out: `${JSON.stringify(graph, null, 2)}\n`, err: warnings.map((w) => `warning: ${w}`).join('\n') };
  } catch (e) {
    if (e instanceof ImportError) return { code: 1, out: '', err: `${files[0]}: ${e.message}` };
    return { code: 1, out: '', err: `${files[0]}: import failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${fs.realpathSync(process.argv[1])}`).href;
if (isMain) {
  const r = await runImport(process.argv.slice(2));
  if (r.out) process.stdout.write(r.out);
  if (r.err) process.stderr.write(`${r.err}\n`);
  process.exitCode = r.code;
}
