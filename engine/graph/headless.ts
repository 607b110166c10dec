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
  const session = new PipelineSession(parsed.graph, {
    ...(opts.master !== undefined && { master: opts.master }),
    ...(opts.seed !== undefined && { seed: opts.seed }),
    onStdout: opts.stdout,
  });
  for (const i of session.issues) if (i.severity === 'warning') stderr(`warning: ${i.message}\n`);
  await session.start();
  let code = 0;
  try {
    await session.step(opts.batches ?? 3);
  } catch (e) {
    stderr(`Pipeline failed: ${e instanceof Error ? e.message : String(e)}\n`);
    code = 1;
  } finally {
    await session.stop();
  }
  return code;
}

/** Reads a graph file through the Node file system adapter (node:fs is loaded lazily there) and runs it. */
export async function runGraphFile(path: string, opts: HeadlessOptions): Promise<number> {
  const text = await new NodeFileSystem().readFile(path);
  return runGraphText(text, opts);
}
