/**
 * Argument parsing for `npm run pipeline -- <file> [--batches N] [--master M] [--seed S]`.
 * Pure: no I/O, so it is unit-tested on its own (pipelineArgs.test.ts).
 */

export type PipelineKind = 'program' | 'graph';

export interface PipelineArgs {
  file: string;
  kind: PipelineKind;
  batches?: number;
  master?: string;
  seed?: number;
  /** Real milliseconds a task may run before it is declared hung (0: off). Default DEFAULT_TASK_TIMEOUT_MS. */
  taskTimeoutMs?: number;
  help?: boolean;
}

/** The command line's task timeout when --task-timeout is not given (the studio's spark.studio.task.timeout). */
export const DEFAULT_TASK_TIMEOUT_MS = 10_000;

/** A bad command line; the message is one line, printed as is, and the CLI exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const PIPELINE_USAGE =
  'usage: npm run pipeline -- <program.ts|program.js|graph.json> [--batches N] [--master M] [--seed S] [--task-timeout MS]';

const PROGRAM_EXT = /\.(ts|mts|cts|js|mjs|cjs)$/i;
const GRAPH_EXT = /\.json$/i;
/** local, local[N], local[*], local-cluster[W,C,M] (the engine validates the numbers further). */
const MASTER = /^(local(\[(\d+|\*)\])?|local-cluster\[\s*\d+\s*,\s*\d+\s*,\s*\d+\s*\])$/;

export function pipelineKind(file: string): PipelineKind | undefined {
  if (GRAPH_EXT.test(file)) return 'graph';
  if (PROGRAM_EXT.test(file) && !/\.d\.[cm]?ts$/i.test(file)) return 'program';
  return undefined;
}

function parseInteger(flag: string, raw: string, min: number): number {
  if (!/^-?\d+$/.test(raw.trim())) throw new UsageError(`${flag} needs a whole number, got "${raw}". ${PIPELINE_USAGE}`);
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < min) throw new UsageError(`${flag} must be a whole number ≥ ${min}, got "${raw}". ${PIPELINE_USAGE}`);
  return n;
}

export function parsePipelineArgs(argv: readonly string[]): PipelineArgs {
  let file: string | undefined;
  let batches: number | undefined;
  let master: string | undefined;
  let seed: number | undefined;
  let taskTimeoutMs: number | undefined;
  let help = false;
  const seen = new Set<string>();

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') continue;
    if (arg === '--help' || arg === '-h') { help = true; continue; }
    if (arg.startsWith('-') && arg !== '-') {
      const eq = arg.indexOf('=');
      const flag = eq > 0 ? arg.slice(0, eq) : arg;
      if (!['--batches', '--master', '--seed', '--task-timeout'].includes(flag)) throw new UsageError(`Unknown option ${flag}. ${PIPELINE_USAGE}`);
      if (seen.has(flag)) throw new UsageError(`${flag} was given twice. ${PIPELINE_USAGE}`);
      seen.add(flag);
      let value: string | undefined;
      if (eq > 0) value = arg.slice(eq + 1);
      else {
        value = argv[i + 1];
        if (value === undefined || (value.startsWith('--') && value.length > 2)) throw new UsageError(`${flag} needs a value. ${PIPELINE_USAGE}`);
        i++;
      }
      if (value === '') throw new UsageError(`${flag} needs a value. ${PIPELINE_USAGE}`);
      if (flag === '--batches') batches = parseInteger('--batches', value, 1);
      else if (flag === '--seed') seed = parseInteger('--seed', value, 0);
      else if (flag === '--task-timeout') taskTimeoutMs = parseInteger('--task-timeout', value, 0);
      else {
        const m = value.replace(/\s+/g, '');
        if (!MASTER.test(m)) {
          throw new UsageError(`--master "${value}" is not a master URL: use local, local[N], local[*] or local-cluster[W,C,M]. ${PIPELINE_USAGE}`);
        }
        master = m;
      }
      continue;
    }
    if (file !== undefined) throw new UsageError(`Only one pipeline file can be run at a time (got "${file}" and "${arg}"). ${PIPELINE_USAGE}`);
    file = arg;
  }

  if (help) return { file: file ?? '', kind: file ? pipelineKind(file) ?? 'program' : 'program', help: true };
  if (file === undefined) throw new UsageError(`No pipeline file given. ${PIPELINE_USAGE}`);
  const kind = pipelineKind(file);
  if (!kind) throw new UsageError(`Cannot run "${file}": expected a .ts/.js program or a .json pipeline graph. ${PIPELINE_USAGE}`);
  return { file, kind, ...(batches !== undefined && { batches }), ...(master !== undefined && { master }), ...(seed !== undefined && { seed }),
    ...(taskTimeoutMs !== undefined && { taskTimeoutMs }) };
}

/**
 * The overrides a program sees. The engine reads them when a StreamingContext is created from
 * a program run by `npm run pipeline`: DSTREAM_MASTER replaces the SparkConf master,
 * DSTREAM_SEED the seed of seeded sources, DSTREAM_BATCHES the number of batches to run.
 */
export function pipelineEnv(args: PipelineArgs): Record<string, string> {
  const env: Record<string, string> = {};
  if (args.batches !== undefined) env.DSTREAM_BATCHES = String(args.batches);
  if (args.master !== undefined) env.DSTREAM_MASTER = args.master;
  if (args.seed !== undefined) env.DSTREAM_SEED = String(args.seed);
  env.DSTREAM_TASK_TIMEOUT = String(args.taskTimeoutMs ?? DEFAULT_TASK_TIMEOUT_MS);
  return env;
}
