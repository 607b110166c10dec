import { describe, expect, it } from 'vitest';
import { hashtagRun } from './fixtures';
import { reduceAll } from './run';
import { batchPageData } from './batchPage';
import { streamingStatsData, totalDelayOf } from './streamingStats';

describe("Spark's BatchPage and the delays of the Streaming tab", () => {
  const m = reduceAll(hashtagRun());

  it('lists each output operation with its jobs, stages and tasks succeeded/total', () => {
    const page = batchPageData(m.stats.batches[3000], m.exec);
    expect(page.ops.length).toBeGreaterThan(0);
    const op = page.ops[0];
    expect(op.status).toBe('succeeded');
    expect(op.jobs.length).toBeGreaterThan(0);
    for (const j of op.jobs) {
      expect(j.status).toBe('succeeded');
      expect(j.stagesSucceeded + j.stagesSkipped).toBe(j.stagesTotal);
      expect(j.tasksSucceeded).toBe(j.tasksTotal);
      expect(j.tasksTotal).toBeGreaterThan(0);
    }
  });

  it('total delay is scheduling delay + processing time, and measured time is a row of its own', () => {
    expect(totalDelayOf({ schedulingDelay: 10, processingDelay: 25, totalDelay: 99 })).toBe(35);
    expect(totalDelayOf({ totalDelay: 7 })).toBe(7);
    const s = streamingStatsData(m.stats);
    const keys = s.metrics.map((x) => x.key);
    expect(keys.slice(0, 4)).toEqual(['inputRate', 'schedulingDelay', 'processingTime', 'totalDelay']);
    expect(s.metrics.filter((x) => x.measured).every((x) => x.key === 'measuredProcessingTime')).toBe(true);
  });
});
