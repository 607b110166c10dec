/**
 * Spark's speculative execution (TaskSetManager.checkSpeculatableTasks): once a quantile of a stage's tasks
 * has succeeded, a task that has been running longer than `multiplier` × the median successful duration
 * (and at least minTaskRuntime) gets one copy on another executor. The first attempt to succeed wins; the
 * other is killed (TaskKilled). Durations are real time measured on the driver, as Spark's TaskInfo.
 */
import type { SparkConf } from '../core/conf';

export interface SpeculationConf {
  enabled: boolean;
  multiplier: number;
  quantile: number;
  minTaskRuntimeMs: number;
  intervalMs: number;
}

export const SPECULATION_OFF: SpeculationConf = { enabled: false, multiplier: 1.5, quantile: 0.75, minTaskRuntimeMs: 100, intervalMs: 100 };

export function speculationConf(conf: SparkConf): SpeculationConf {
  return {
    enabled: conf.getBoolean('spark.speculation', false),
    multiplier: conf.getDouble('spark.speculation.multiplier', 1.5),
    quantile: conf.getDouble('spark.speculation.quantile', 0.75),
    minTaskRuntimeMs: conf.getTimeAsMs('spark.speculation.minTaskRuntime', '100ms'),
    intervalMs: conf.getTimeAsMs('spark.speculation.interval', '100ms'),
  };
}

/** Spark's Utils.median on the successful durations (sorted; mean of the middle two for an even count). */
export function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * The duration above which a running task is speculatable, or undefined while too few tasks have
 * succeeded (fewer than max(floor(quantile × numTasks), 1)).
 */
export function speculationThreshold(conf: SpeculationConf, numTasks: number, successfulDurations: number[]): number | undefined {
  const minFinished = Math.max(Math.floor(conf.quantile * numTasks), 1);
  if (successfulDurations.length < minFinished || successfulDurations.length === 0) return undefined;
  return Math.max(conf.multiplier * median(successfulDurations), conf.minTaskRuntimeMs);
}
