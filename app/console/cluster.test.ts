import { describe, expect, it } from 'vitest';
import {
  confWithMemoryOverhead, confWithTaskTimeout, DEFAULT_TASK_TIMEOUT_MS, defaultMemoryOverheadMiB, MEMORY_OVERHEAD_KEY,
  parseSizeMiB, parseTimeMs, TASK_TIMEOUT_KEY, taskTimeoutMs, withConf,
} from './cluster';

describe('cluster conf fields (pure)', () => {
  it('parses Spark time strings like SparkConf.getTimeAsMs', () => {
    expect(parseTimeMs('3s')).toBe(3000);
    expect(parseTimeMs('6000ms')).toBe(6000);
    expect(parseTimeMs('6000')).toBe(6000);
    expect(parseTimeMs(' 2min ')).toBe(120_000);
    expect(parseTimeMs('1m')).toBe(60_000);
    expect(parseTimeMs('1h')).toBe(3_600_000);
    expect(parseTimeMs('3 seconds')).toBeUndefined();
    expect(parseTimeMs(undefined)).toBeUndefined();
  });

  it('reads the task timeout from graph.conf, else 10 s', () => {
    expect(taskTimeoutMs(undefined)).toBe(DEFAULT_TASK_TIMEOUT_MS);
    expect(taskTimeoutMs({ [TASK_TIMEOUT_KEY]: '3s' })).toBe(3000);
    expect(taskTimeoutMs({ [TASK_TIMEOUT_KEY]: 'soon' })).toBe(10_000);
    expect(taskTimeoutMs({ [TASK_TIMEOUT_KEY]: '0' })).toBe(10_000);
  });

  it('parses Spark size strings in MiB', () => {
    expect(parseSizeMiB('512m')).toBe(512);
    expect(parseSizeMiB('384')).toBe(384);
    expect(parseSizeMiB('1g')).toBe(1024);
    expect(parseSizeMiB('lots')).toBeUndefined();
    expect(defaultMemoryOverheadMiB(1024)).toBe(384);
    expect(defaultMemoryOverheadMiB(8192)).toBe(820);
  });

  it('writes the fields into graph.conf, leaving defaults out and other keys alone', () => {
    const conf = { 'spark.speculation': 'true' };
    expect(confWithTaskTimeout(conf, 3)).toEqual({ 'spark.speculation': 'true', [TASK_TIMEOUT_KEY]: '3s' });
    expect(confWithTaskTimeout({ [TASK_TIMEOUT_KEY]: '3s' }, 10)).toBeUndefined();
    expect(confWithMemoryOverhead(conf, 512, 1024)).toEqual({ 'spark.speculation': 'true', [MEMORY_OVERHEAD_KEY]: '512m' });
    expect(confWithMemoryOverhead({ [MEMORY_OVERHEAD_KEY]: '512m' }, 384, 1024)).toBeUndefined();
    expect(withConf(undefined, 'a', undefined)).toBeUndefined();
    expect(conf).toEqual({ 'spark.speculation': 'true' });
  });
});
