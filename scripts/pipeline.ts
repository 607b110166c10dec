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
 *   It runs in a permission-limited child process (graphSandbox.ts): a graph is data, its functions untrusted.
 * Exit codes: 0 every job succeeded, 1 a job failed (or the graph is invalid, or the run was stopped), 2 bad
 * command line or missing file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { DEFAULT_TASK_TIMEOUT_MS, parsePipelineArgs, pipelineEnv, PIPELINE_USAGE, UsageError, type PipelineArgs } from './pipelineArgs';


function fail(code: number, message: string): never {
  process.stderr.write(message.endsWith('\n') ? message : `${message}\n`);
  process.exit(code);
}

async function runProgram(file: string, args: PipelineArgs): Promise<void> {
  Object.assign(process.env, pipelineEnv(args));
  process.argv = [process.argv[0], file];
  const programUrl = pathToFileURL(file).href;
  // From any directory: loaded as an ES module, with the engine of this repository (see programHooks.mjs).
  register(new URL('./programHooks.mjs', import.meta.url), {
    data: { engineUrl: new URL('../engine/index.ts', import.meta.url).href, programUrl },
  });
  const failures = await watchStreamingContexts();
  try {
    await import(programUrl);
  } catch (err) {
    // A program is the user's code: the stack points at their line.
    fail(1, err instanceof Error ? (err.stack ?? String(err)) : `Pipeline failed: ${String(err)}`);
  }
  // Let a stopped context's termination settle before reading it.
  await new Promise((r) => setImmediate(r));
  const failure = failures();
  if (failure !== undefined) fail(1, `Pipeline failed: ${failure}`);
}

/**
 * Spark's awaitTermination rethrows a streaming job's error; an exported program steps its batches and stops
 * without awaiting termination, so the command watches every StreamingContext the program starts (through the
 * public awaitTermination) and fails with the first error once the program has finished.
 */
async function watchStreamingContexts(): Promise<() => string | undefined> {
  const { StreamingContext } = await import('../engine/index');
  let first: string | undefined;
  const start = StreamingContext.prototype.start;
  StreamingContext.prototype.start = function (this: InstanceType<typeof StreamingContext>) {
    this.awaitTermination().catch((e: unknown) => { first ??= e instanceof Error ? e.message : String(e); });
    return start.call(this);
  };
  return () => first;
}

async function runGraph(file: string, args: PipelineArgs): Promise<void> {
  // A graph is data: it runs in a permission-limited child (graphSandbox.ts), never in this process.
  const { runGraphSandboxed } = await import('./graphSandbox');
  process.exitCode = await runGraphSandboxed(file, {
    ...(args.batches !== undefined && { batches: args.batches }),
    ...(args.master !== undefined && { master: args.master }),
    ...(args.seed !== undefined && { seed: args.seed }),
    taskTimeoutMs: args.taskTimeoutMs ?? DEFAULT_TASK_TIMEOUT_MS,
  });
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
      '  <file>.ts|.js       a program written against the engine API. A program is CODE: it runs in this process\n' +
      '                      with your privileges (files, network, child processes). Run only programs you trust.\n' +
      '  <file>.json         a pipeline graph saved by the studio. A graph is DATA: its functions run in a child\n' +
      '                      process under Node\'s permission model (no child processes, files only in the graph\'s\n' +
      '                      declared directories, no code generation, sockets only to its declared sources)\n' +
      '  --batches N         number of batch intervals to run (DSTREAM_BATCHES)\n' +
      '  --master M          local, local[N], local[*] or local-cluster[W,C,M] (DSTREAM_MASTER)\n' +
      '  --seed S            seed for seeded sources (DSTREAM_SEED)\n' +
      `  --task-timeout MS   a task running longer fails (default ${DEFAULT_TASK_TIMEOUT_MS}; 0: off) (DSTREAM_TASK_TIMEOUT)\n` +
      'Exit codes: 0 every job succeeded; 1 a job failed, the graph is invalid or the run was stopped; 2 bad command line.\n');
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
