import { NodeFileSystem } from '../cluster/node/nodeFileSystem';
/**
 * `npm run pipeline -- graph.json [--batches N] [--master M] [--seed S]`: runs a saved graph in Node and prints
 * exactly what the studio's console prints. An invalid graph throws GraphValidationError (the CLI prints the issues
 * without a stack trace and exits 1).
 */
import type { ValidationIssue } from './types';
import { parsePipeline } from './schema';
import { GraphValidationError } from './buildPipeline';
import { PipelineSession } from './session';

export interface HeadlessOptions {
  batches?: number;
  master?: string;
  seed?: number;
  /** spark.studio.task.timeout in milliseconds (0: off); the graph's conf applies when absent. */
  taskTimeoutMs?: number;
  stdout: (text: string) => void;
  /** Warnings and failures (default: process.stderr through console.error). */
  stderr?: (text: string) => void;
}

/** Runs the graph in the JSON text for `batches` batch intervals; returns the exit code. */
export async function runGraphText(text: string, opts: HeadlessOptions): Promise<number> {
  const stderr = opts.stderr ?? ((t: string) => { console.error(t.replace(/\n$/, '')); });
  const parsed = parsePipeline(text);
  if (!parsed.ok) throw new GraphValidationError(parsed.issues.map((message): ValidationIssue => ({ severity: 'error', message })));
  for (const w of parsed.warnings) stderr(`warning: ${w}\n`);
  // Spark's awaitTermination rethrows the first error of the JobScheduler (a job that failed, or jobs that could not
  // be generated); a run here ends after its batches, so it fails (exit 1) when there was any, naming how many and
  // the first.
  const failures: string[] = [];
  const session = new PipelineSession(parsed.graph, {
    ...(opts.master !== undefined && { master: opts.master }),
    ...(opts.seed !== undefined && { seed: opts.seed }),
    ...(opts.taskTimeoutMs !== undefined && { conf: { 'spark.studio.task.timeout': `${opts.taskTimeoutMs}ms` } }),
    onStdout: opts.stdout,
  });
  for (const i of session.issues) if (i.severity === 'warning') stderr(`warning: ${i.message}\n`);
  await session.start();
  (session.streamingContext as { jobScheduler?: { onError(l: (e: Error) => void): void } } | undefined)
    ?.jobScheduler?.onError((e) => { failures.push(e.message); });
  let code = 0;
  try {
    await session.step(opts.batches ?? 3);
  } catch (e) {
    stderr(`Pipeline failed: ${e instanceof Error ? e.message : String(e)}\n`);
    code = 1;
  } finally {
    await session.stop();
  }
  if (code === 0 && failures.length > 0) {
    stderr(`Pipeline failed: ${failures.length} streaming job(s) failed. First failure: ${failures[0]}\n`);
    code = 1;
  }
  return code;
}

/** Reads a graph file through the Node file system adapter (node:fs is loaded lazily there) and runs it. */
export async function runGraphFile(path: string, opts: HeadlessOptions): Promise<number> {
  const text = await new NodeFileSystem().readFile(path);
  return runGraphText(text, opts);
}
