/**
 * `npm run pipeline -- <file> [--batches N] [--master M] [--seed S]`
 *
 * - A .ts/.js program written against the engine API is imported in this process (the npm script
 *   runs under tsx, so TypeScript needs no build step). The flags reach it as environment
 *   variables — DSTREAM_BATCHES, DSTREAM_MASTER, DSTREAM_SEED — which the engine reads as
 *   overrides (master of the SparkConf, seed of seeded sources, number of batches to run).
 * - A .json pipeline graph (the studio's file format) runs headless through
 *   engine/graph/headless.ts and prints what the studio's console prints. An invalid graph prints
 *   its validation messages and exits 1, without a stack trace.
 * Exit codes: 0 ok, 1 the pipeline failed, 2 bad command line or missing file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parsePipelineArgs, pipelineEnv, PIPELINE_USAGE, UsageError, type PipelineArgs } from './pipelineArgs';

interface IssueLike { message: string; severity?: string; nodeId?: string; edgeId?: string; param?: string; line?: number; column?: number }

interface HeadlessModule {
  runGraphFile(file: string, opts: { batches?: number; master?: string; seed?: number; stdout: (s: string) => void }): Promise<number>;
}

const debug = process.env.DSTREAM_DEBUG === '1';

function fail(code: number, message: string): never {
  process.stderr.write(message.endsWith('\n') ? message : `${message}\n`);
  process.exit(code);
}

function describeIssue(issue: IssueLike): string {
  const where = [
    issue.nodeId && `node ${issue.nodeId}`,
    issue.edgeId && `edge ${issue.edgeId}`,
    issue.param && `param ${issue.param}`,
    issue.line !== undefined && `line ${issue.line}${issue.column !== undefined ? `, column ${issue.column}` : ''}`,
  ].filter(Boolean).join(', ');
  return `${issue.severity ?? 'error'}: ${issue.message}${where ? ` (${where})` : ''}`;
}

function isValidationError(err: unknown): err is Error & { issues: IssueLike[] } {
  return err instanceof Error && (err.name === 'GraphValidationError' || err.constructor?.name === 'GraphValidationError') &&
    Array.isArray((err as { issues?: unknown }).issues);
}

async function runProgram(file: string, args: PipelineArgs): Promise<void> {
  Object.assign(process.env, pipelineEnv(args));
  process.argv = [process.argv[0], file];
  try {
    await import(pathToFileURL(file).href);
  } catch (err) {
    // A program is the user's code: the stack points at their line.
    fail(1, err instanceof Error ? (err.stack ?? String(err)) : `Pipeline failed: ${String(err)}`);
  }
}

async function runGraph(file: string, args: PipelineArgs): Promise<void> {
  // Loaded lazily (and by URL) so that running a program never loads the graph layer. The Node-only
  // part may live in headless.node.ts (the engine import check allows node:* there); else headless.ts.
  const candidates = ['../engine/graph/headless.node.ts', '../engine/graph/headless.ts'].map((p) => new URL(p, import.meta.url));
  const found = candidates.find((u) => fs.existsSync(u));
  let headless: HeadlessModule;
  try {
    if (!found) throw new Error('file not found');
    headless = (await import(found.href)) as HeadlessModule;
    if (typeof headless.runGraphFile !== 'function') throw new Error('it does not export runGraphFile');
  } catch (err) {
    fail(1, `Cannot load the headless graph runner (engine/graph/headless[.node].ts): ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    const code = await headless.runGraphFile(file, {
      ...(args.batches !== undefined && { batches: args.batches }),
      ...(args.master !== undefined && { master: args.master }),
      ...(args.seed !== undefined && { seed: args.seed }),
      stdout: (s: string) => { process.stdout.write(s); },
    });
    process.exitCode = typeof code === 'number' ? code : 0;
  } catch (err) {
    if (isValidationError(err)) {
      const lines = err.issues.length ? err.issues.map(describeIssue) : [err.message];
      fail(1, `${path.basename(file)} is not a valid pipeline:\n${lines.map((l) => `  ${l}`).join('\n')}`);
    }
    if (err instanceof Error) fail(1, debug ? (err.stack ?? err.message) : `Pipeline failed: ${err.message}`);
    fail(1, `Pipeline failed: ${String(err)}`);
  }
}

async function main(): Promise<void> {
  let args: PipelineArgs;
  try {
    args = parsePipelineArgs(process.argv.slice(2));
  } catch (err) {
    if (err instanceof UsageError) fail(2, err.message);
    throw err;
  }
  if (args.help) {
    process.stdout.write(`${PIPELINE_USAGE}\n` +
      '  <file>.ts|.js   a program written against the engine API (run in-process with tsx)\n' +
      '  <file>.json     a pipeline graph saved by the studio (run headless)\n' +
      '  --batches N     number of batch intervals to run (DSTREAM_BATCHES)\n' +
      '  --master M      local, local[N], local[*] or local-cluster[W,C,M] (DSTREAM_MASTER)\n' +
      '  --seed S        seed for seeded sources (DSTREAM_SEED)\n');
    return;
  }
  const file = path.resolve(args.file);
  if (!fs.existsSync(file)) fail(2, `Pipeline file not found: ${args.file}`);
  if (!fs.statSync(file).isFile()) fail(2, `Not a file: ${args.file}`);
  // The real path, as Node gives it to import.meta.url: programs compare it with process.argv[1]
  // to know they are the main module.
  const real = fs.realpathSync(file);
  if (args.kind === 'graph') await runGraph(real, args);
  else await runProgram(real, args);
}

await main();
