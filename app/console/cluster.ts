/** Master URL <-> cluster settings (pure). */
export type ClusterSettings =
  | { mode: 'local'; cores: number | '*' }
  | { mode: 'cluster'; executors: number; cores: number; memoryMiB: number };

export function parseMaster(master: string): ClusterSettings {
  const m = master.trim();
  let r = /^local-cluster\[\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\]$/.exec(m);
  if (r) return { mode: 'cluster', executors: +r[1], cores: +r[2], memoryMiB: +r[3] };
  r = /^local\[(\d+|\*)(?:,\d+)?\]$/.exec(m);
  if (r) return { mode: 'local', cores: r[1] === '*' ? '*' : +r[1] };
  if (m === 'local') return { mode: 'local', cores: 1 };
  return { mode: 'cluster', executors: 2, cores: 2, memoryMiB: 1024 };
}

export function formatMaster(c: ClusterSettings): string {
  if (c.mode === 'local') return `local[${c.cores}]`;
  return `local-cluster[${c.executors},${c.cores},${c.memoryMiB}]`;
}

/** Speed slider: a log scale from 0.1x to 10x; position 0..100. */
export const speedFromSlider = (pos: number) => Math.round(10 ** ((pos - 50) / 50) * 100) / 100;
export const sliderFromSpeed = (speed: number) => Math.round(Math.log10(Math.min(10, Math.max(0.1, speed))) * 50 + 50);
export const formatSpeed = (s: number) => `${s >= 1 ? (Math.round(s * 10) / 10) : s}×`;

/** graph.conf keys edited in the cluster settings. */
export const TASK_TIMEOUT_KEY = 'spark.studio.task.timeout';
export const MEMORY_OVERHEAD_KEY = 'spark.executor.memoryOverhead';
/** The studio's default task timeout (engine/cluster/index.ts: conf.getTimeAsMs('spark.studio.task.timeout', '10s')). */
export const DEFAULT_TASK_TIMEOUT_MS = 10_000;

const TIME_UNITS_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * A Spark time string in ms ('3s', '6000ms', '1min'; a bare number is ms, as SparkConf.getTimeAsMs reads it).
 * Undefined when it does not parse.
 */
export function parseTimeMs(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const m = /^\s*(\d+)\s*(us|ms|s|m|min|h|d)?\s*$/i.exec(raw);
  if (!m) return undefined;
  return Math.round(Number(m[1]) * TIME_UNITS_MS[(m[2] ?? 'ms').toLowerCase()]);
}

/** The task timeout a graph's conf sets (ms), else the default. */
export function taskTimeoutMs(conf: Record<string, string> | undefined): number {
  const ms = parseTimeMs(conf?.[TASK_TIMEOUT_KEY]);
  return ms !== undefined && ms > 0 ? ms : DEFAULT_TASK_TIMEOUT_MS;
}

/** A Spark size string in MiB ('512m', '1g', '384'; a bare number is MiB, as spark.executor.memoryOverhead reads it). */
export function parseSizeMiB(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(k|kb|m|mb|g|gb|t|tb)?\s*$/i.exec(raw);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = (m[2] ?? 'm').toLowerCase()[0];
  return Math.ceil(unit === 'k' ? n / 1024 : unit === 'g' ? n * 1024 : unit === 't' ? n * 1024 * 1024 : n);
}

/** Spark's default executor memory overhead: max(384 MiB, 10% of the executor memory). */
export const defaultMemoryOverheadMiB = (memoryMiB: number) => Math.max(384, Math.ceil(memoryMiB * 0.1));

/** The conf with one key set (or removed with undefined); undefined when nothing is left, like the fault-tolerance fields. */
export function withConf(conf: Record<string, string> | undefined, key: string, value: string | undefined): Record<string, string> | undefined {
  const next = { ...(conf ?? {}) };
  if (value === undefined) delete next[key]; else next[key] = value;
  return Object.keys(next).length ? next : undefined;
}

/** The conf after the task-timeout field changed (seconds); Spark's default is not written out. */
export const confWithTaskTimeout = (conf: Record<string, string> | undefined, seconds: number) =>
  withConf(conf, TASK_TIMEOUT_KEY, seconds * 1000 === DEFAULT_TASK_TIMEOUT_MS ? undefined : `${seconds}s`);

/** The conf after the memory-overhead field changed (MiB); the default for this executor memory is not written out. */
export const confWithMemoryOverhead = (conf: Record<string, string> | undefined, mib: number, memoryMiB: number) =>
  withConf(conf, MEMORY_OVERHEAD_KEY, mib === defaultMemoryOverheadMiB(memoryMiB) ? undefined : `${mib}m`);
