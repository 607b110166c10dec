/**
 * Runs a `.json` graph for `npm run pipeline` in a child process with the limits of an untrusted document
 * (DESIGN.md, trust model: in Node a graph is data, its functions run under Node's permission model):
 *
 *   node --experimental-permission --allow-worker --disallow-code-generation-from-strings
 *        --allow-fs-read=<bundle> --allow-fs-read=<graph> [--allow-fs-read=<input dirs>]
 *        --allow-fs-write=<output prefixes>* [--allow-fs-read/write=<checkpoint dir>]  graphRunner.js <graph> <options>
 *
 * No --allow-child-process, so the child cannot spawn processes. The engine and the runner are bundled to plain
 * JavaScript first (esbuild, in this trusted process), so the child needs neither tsx nor read access to the
 * project. The paths come from the graph: checkpointDir, saveAs*Files prefixes, textFileStream directories, and
 * the socket sources it may connect to (DSTREAM_SANDBOX_SOCKETS).
 *
 * The child beats every 200 ms; when its thread stays silent longer than the task timeout (a function looping
 * on the driver's thread, where the engine cannot interrupt it: local mode, transform, foreachRDD), it is killed
 * and the run fails with a message.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { getOp } from '../engine/graph/registry';
import { SANDBOX_ENV } from '../engine/cluster/node/hardening';

export interface SandboxOptions { batches?: number; master?: string; seed?: number; taskTimeoutMs: number }

/** What a graph may touch, resolved against the working directory. */
export interface GraphAccess { read: string[]; write: string[]; sockets: string[] }

interface GraphNodeLike { op?: unknown; params?: Record<string, unknown> }

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const driverSilent = (ms: number): string =>
  `Pipeline failed: the driver's thread did not respond for ${ms} ms (--task-timeout): a function running there (local mode, transform, ` +
  'foreachRDD) probably loops forever, so the run was stopped. Fix the function, or raise --task-timeout for long batches.';

function param(node: GraphNodeLike, name: string): unknown {
  const given = node.params?.[name];
  if (given !== undefined) return given;
  const spec = typeof node.op === 'string' ? getOp(node.op)?.params?.[name] : undefined;
  return (spec as { default?: unknown } | undefined)?.default;
}

/** The directories and sockets a graph declares (an unreadable graph declares none: the child reports why). */
export function graphAccess(text: string, cwd: string): GraphAccess {
  const access: GraphAccess = { read: [], write: [], sockets: [] };
  let graph: { checkpointDir?: unknown; nodes?: unknown };
  try { graph = JSON.parse(text) as typeof graph; } catch { return access; }
  if (typeof graph !== 'object' || graph === null) return access;
  const abs = (p: string) => path.resolve(cwd, p);
  if (typeof graph.checkpointDir === 'string' && graph.checkpointDir.trim()) {
    const dir = abs(graph.checkpointDir);
    access.read.push(dir);
    access.write.push(dir);
  }
  for (const node of Array.isArray(graph.nodes) ? (graph.nodes as GraphNodeLike[]) : []) {
    if (typeof node !== 'object' || node === null) continue;
    if (node.op === 'saveAsTextFiles' || node.op === 'saveAsObjectFiles') {
      const prefix = param(node, 'prefix');
      // Outputs are <prefix>-<time>[.<suffix>]: the prefix followed by anything, nothing beside it.
      if (typeof prefix === 'string' && prefix) { access.write.push(`${abs(prefix)}*`); access.read.push(`${abs(prefix)}*`); }
    } else if (node.op === 'textFileStream') {
      const dir = param(node, 'directory');
      if (typeof dir === 'string' && dir) access.read.push(abs(dir));
    } else if (node.op === 'socketTextStream') {
      const host = param(node, 'host');
      const port = param(node, 'port');
      if (typeof host === 'string' && (typeof port === 'number' || typeof port === 'string')) access.sockets.push(`${host}:${port}`);
    }
  }
  return access;
}

/** Bundles the runner and the executor worker to plain ES modules in a fresh directory. */
async function bundle(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-graph-'));
  fs.writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}\n');
  await build({
    entryPoints: { graphRunner: path.join(ROOT, 'scripts/graphRunner.ts'), executorWorker: path.join(ROOT, 'engine/cluster/node/executorWorker.ts') },
    outdir: dir, bundle: true, splitting: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'error',
  });
  return dir;
}

/** A declared write path must lie strictly inside the working directory ('/' or '..' as an output prefix would open everything). */
export function outsideWorkingDir(access: GraphAccess, cwd: string): string | undefined {
  return access.write.map((p) => p.replace(/\*$/, '')).find((p) => {
    const rel = path.relative(cwd, p);
    return rel === '' || rel.startsWith('..') || path.isAbsolute(rel);
  });
}

export const outputOutside = (file: string, dir: string, cwd: string): string =>
  `${path.basename(file)} writes to ${dir}, which is not inside the working directory ${cwd}: a graph may write only below the ` +
  'directory it is run from. Run it from a directory that contains its outputs and checkpointDir, or change those paths.';

export async function runGraphSandboxed(file: string, opts: SandboxOptions): Promise<number> {
  const cwd = process.cwd();
  const access = graphAccess(fs.readFileSync(file, 'utf8'), cwd);
  const outside = outsideWorkingDir(access, cwd);
  if (outside !== undefined) { process.stderr.write(`${outputOutside(file, outside, cwd)}\n`); return 1; }
  const dir = await bundle();
  try {
    for (const d of access.write) if (!d.endsWith('*')) fs.mkdirSync(d, { recursive: true });
    const flags = [
      '--experimental-permission', '--allow-worker', '--disallow-code-generation-from-strings',
      '--disable-warning=ExperimentalWarning', '--disable-warning=SecurityWarning',
      `--allow-fs-read=${dir}`, `--allow-fs-read=${file}`,
      ...access.read.map((p) => `--allow-fs-read=${p}`), ...access.write.map((p) => `--allow-fs-write=${p}`),
    ];
    const { taskTimeoutMs, ...rest } = opts;
    const child = spawn(process.execPath, [...flags, path.join(dir, 'graphRunner.js'), file, JSON.stringify({ ...rest, taskTimeoutMs })], {
      cwd, stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { [SANDBOX_ENV]: access.sockets.join(','), ...(process.env.TZ !== undefined && { TZ: process.env.TZ }) },
    });
    let lastBeat = Date.now();
    let silent = false;
    child.on('message', () => { lastBeat = Date.now(); });
    const watchdog = taskTimeoutMs > 0 ? setInterval(() => {
      if (Date.now() - lastBeat <= taskTimeoutMs + 1000 || silent) return;
      silent = true;
      child.kill('SIGKILL');
    }, 250) : undefined;
    const code = await new Promise<number>((resolve) => {
      child.on('exit', (c, signal) => resolve(c ?? (signal ? 128 : 1)));
      child.on('error', () => resolve(1));
    });
    if (watchdog) clearInterval(watchdog);
    if (silent) { process.stderr.write(`${driverSilent(taskTimeoutMs)}\n`); return 1; }
    if (code !== 0 && code !== 1) { process.stderr.write(`Pipeline failed: the graph runner exited with code ${code}\n`); return 1; }
    return code;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
