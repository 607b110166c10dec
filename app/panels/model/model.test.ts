import { describe, expect, it } from 'vitest';
import { hashtagRun, fixtureRecordsPerBatch } from './fixtures';
import { applyEventsTo, completedBatchTimes, initialRunModel, reduceAll, selectBatchIn, shownBatch } from './run';
import { clusterViewData } from './cluster';
import { histogram, inputRate, streamingStatsData } from './streamingStats';
import { batchTimelineData } from './batchTimeline';
import { lineageData, taskGanttData } from './execution';
import { dataPreviewData, splitPair, stateData } from './samples';
import { backpressureData } from './backpressure';
import { windowsData } from './windows';
import { initialLot, reduceLot, reduceLotAll } from './lineageOverTime';

describe('a 5-batch run on 2 executors', () => {
  const events = hashtagRun();
  const m = reduceAll(events);
  const perBatch = fixtureRecordsPerBatch();

  it('keeps every batch with Spark UI statistics', () => {
    const s = streamingStatsData(m.stats);
    expect(s.completedCount).toBe(5);
    expect(s.totalRecords).toBe(5 * perBatch);
    expect(s.active).toHaveLength(0);
    expect(s.completed.map((b) => b.batchTime)).toEqual([5000, 4000, 3000, 2000, 1000]);
    expect(s.completed[0].inputRate).toBe(perBatch); // 1 s batches
    expect(s.completed[0]).toMatchObject({ succeededOps: 1, totalOps: 1, schedulingDelay: 10 });
    const input = s.metrics.find((x) => x.key === 'inputRate')!;
    expect(input.series).toHaveLength(5);
    expect(input.avg).toBe(perBatch);
    expect(input.histogram.reduce((n, b) => n + b.count, 0)).toBe(5);
    expect(s.completed[0].jobIds).toEqual([5]);
  });

  it('draws the cluster with slots, the receiver pinned and the 5 start-up steps', () => {
    const c = clusterViewData(m.cluster);
    expect(c.stepProgress).toBe(5);
    expect(c.driver).toBe('up');
    expect(c.executors.map((x) => [x.id, x.alive, x.slots.length])).toEqual([['0', true, 2], ['1', true, 2]]);
    expect(c.receivers).toEqual([expect.objectContaining({ streamId: 0, executorId: '0', slot: 1, status: 'running' })]);
    // The receiver's long-running task holds slot 1 of executor 0; every batch task finished.
    expect(c.executors[0].slots[1].taskId).toBe(0);
    expect(c.busySlots).toBe(1);
    expect(c.executors[0].tasksSucceeded + c.executors[1].tasksSucceeded).toBe(5 * 7);
  });

  it('allocates 200 ms blocks to the next batch as its partitions', () => {
    const t = batchTimelineData(m.timeline, m.stats.times, 1000);
    expect(t.batches).toHaveLength(5);
    for (const b of t.batches) {
      expect(b.partitions).toHaveLength(1);
      expect(b.partitions[0].blocks).toHaveLength(5);
      expect(b.records).toBe(perBatch);
    }
    expect(t.intervals).toHaveLength(25);
    expect(t.intervals[0]).toEqual({ streamId: 0, start: 0, blocks: 1, records: 4 });
    expect(t.pending).toHaveLength(0);
  });

  it('builds the lineage of the selected batch', () => {
    const l = lineageData(m.exec, 3000);
    expect(l.jobs).toHaveLength(1);
    expect(l.jobs[0].stages.map((s) => [s.stageId, s.depth, s.isShuffleMap, s.partitions.length])).toEqual([[5, 0, true, 5], [6, 1, false, 2]]);
    expect(l.counts.done).toBe(7);
    expect(l.hasFault).toBe(false);
  });

  it('lays out tasks per executor slot', () => {
    const g = taskGanttData(m.exec, 2000);
    expect(g.bars).toHaveLength(7);
    expect(g.axis).toBe('time');
    expect(g.rows).toEqual(['0:0', '1:0', '1:1']);
    expect(g.stageIds).toEqual([3, 4]);
    expect(g.bars[0].metrics?.shuffleWriteBytes).toBe(100);
  });

  it('previews records and diffs state per batch', () => {
    const p = dataPreviewData(m.samples, 'n1', 2000, 'spark', 1000);
    expect(p.count).toBe(perBatch);
    expect(p.shown.every((r) => r.toLowerCase().includes('spark'))).toBe(true);
    expect(p.sparkline).toHaveLength(5);
    const st = stateData(m.samples, 'n4', 3000);
    expect(st.previousBatchTime).toBe(2000);
    // batch 2: (#spark,2),(#streaming,2),(#bigdata,2),(#scala,2); batch 3: (#spark,3),(#streaming,4)
    expect(st.entries).toEqual([
      { key: '#spark', value: '3', previous: '2', change: 'updated' },
      { key: '#streaming', value: '4', previous: '2', change: 'updated' },
      { key: '#bigdata', value: '', previous: '2', change: 'removed' },
      { key: '#scala', value: '', previous: '2', change: 'removed' },
    ]);
    expect(st.history).toHaveLength(5);
  });

  it('compares the PID bound with the actual input rate', () => {
    const b = backpressureData(m.backpressure, m.stats);
    expect(b.enabled).toBe(true);
    expect(b.series[0].bound.map((p) => p.rate)).toEqual([107, 114, 121, 128, 135]);
    expect(b.series[0].actual.map((p) => p.rate)).toEqual([30, 30, 30, 30, 30]);
  });
});

describe('fault recovery', () => {
  const m = reduceAll(hashtagRun({ killExecutorInBatch: 3 }));

  it('greys the killed executor and shows its replacement', () => {
    const c = clusterViewData(m.cluster);
    expect(c.executors.map((x) => [x.id, x.alive])).toEqual([['0', true], ['1', false], ['2', true]]);
    expect(c.executors[2].replacementOf).toBe('1');
    expect(c.faults).toEqual([expect.objectContaining({ fault: 'killExecutor', target: '1' })]);
    expect(c.executors[1].slots.every((s) => s.taskId === undefined)).toBe(true);
  });

  it('marks the lost map partitions as recomputed by the resubmitted stage', () => {
    const l = lineageData(m.exec, 3000);
    const [map, result] = l.jobs[0].stages;
    expect(map.resubmitted).toBe(true);
    expect(map.attempts.map((a) => a.attemptId)).toEqual([0, 1]);
    expect(map.partitions.map((c) => c.state)).toEqual(['done', 'recomputed', 'recomputed', 'done', 'recomputed']);
    expect(result.resubmitted).toBe(true);
    expect(l.hasFault).toBe(true);
    // The output is unchanged: the same record count as without the fault.
    expect(m.stats.batches[3000].numRecords).toBe(fixtureRecordsPerBatch());
  });

  it('shows the lost partitions red at the moment of the fault', () => {
    const events = hashtagRun({ killExecutorInBatch: 3 });
    const at = events.findIndex((e) => e.type === 'executorRemoved');
    const mid = reduceAll(events.slice(0, at + 1));
    const l = lineageData(mid.exec, 3000);
    expect(l.jobs[0].stages[0].partitions.map((c) => c.state)).toEqual(['done', 'lost', 'lost', 'done', 'lost']);
    expect(l.counts.lost).toBe(3);
  });

  it('marks retries in the Gantt', () => {
    const g = taskGanttData(m.exec, 3000);
    expect(g.bars.filter((b) => b.status === 'failed' || b.status === 'lost')).toHaveLength(1);
    expect(g.bars.filter((b) => b.stageAttemptId === 1)).toHaveLength(5);
  });
});

describe('speculation', () => {
  it('marks the speculative copy and the killed original', () => {
    const m = reduceAll(hashtagRun({ speculativeInBatch: 2 }));
    const g = taskGanttData(m.exec, 2000);
    const copies = g.bars.filter((b) => b.partition === 4 && b.stageId === 3);
    expect(copies.map((b) => [b.speculative, b.status])).toEqual([[false, 'killed'], [true, 'success']]);
    expect(lineageData(m.exec, 2000).jobs[0].stages[0].partitions[4].state).toBe('done');
  });
});

describe('time travel and replay', () => {
  const events = hashtagRun({ batches: 8, killExecutorInBatch: 4, speculativeInBatch: 6 });

  it('replaying gives identical state, however the events were chunked', () => {
    const a = reduceAll(events);
    const b = reduceAll(structuredClone(events));
    let c = initialRunModel();
    for (let i = 0; i < events.length; i += 7) c = applyEventsTo(c, events.slice(i, i + 7));
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(JSON.stringify(c)).toBe(JSON.stringify(a));
  });

  it('never modifies an earlier model (the reducers copy on write per chunk)', () => {
    const deepFreeze = <T>(o: T): T => {
      if (o && typeof o === 'object' && !Object.isFrozen(o)) { Object.freeze(o); for (const v of Object.values(o)) deepFreeze(v); }
      return o;
    };
    let m = initialRunModel();
    let lot = initialLot;
    const snapshots: string[] = [];
    for (let i = 0; i < events.length; i += 50) {
      m = deepFreeze(applyEventsTo(m, events.slice(i, i + 50)));   // a write into a frozen object throws (ES module strict mode)
      lot = deepFreeze(reduceLotAll(events.slice(i, i + 50), lot));
      snapshots.push(JSON.stringify(m));
    }
    expect(JSON.stringify(m)).toBe(JSON.stringify(reduceAll(events)));
    expect(lot).toEqual(events.reduce(reduceLot, initialLot));
    expect(snapshots.at(-1)).toBe(JSON.stringify(m));
  });

  it('keeps only the last N batches', () => {
    const m = reduceAll(events, { maxBatches: 3 });
    expect(m.stats.times).toEqual([6000, 7000, 8000]);
    expect(Object.keys(m.exec.batchJobs).map(Number)).toEqual([6000, 7000, 8000]);
    expect(Object.keys(m.samples.byBatch).map(Number)).toEqual([6000, 7000, 8000]);
    expect(Object.values(m.exec.stages).every((s) => s.jobId === 0 || m.exec.jobs[s.jobId]?.batchTime! >= 6000)).toBe(true);
  });

  it('selects a batch and follows the latest otherwise', () => {
    const m = reduceAll(events);
    expect(shownBatch(m)).toBe(8000);
    const s = selectBatchIn(m, 2000);
    expect(shownBatch(s)).toBe(2000);
    expect(selectBatchIn(m, 1234)).toBe(m);
    expect(shownBatch(selectBatchIn(s, undefined))).toBe(8000);
    expect(completedBatchTimes(m)).toHaveLength(8);
  });
});

describe('windows', () => {
  it('lists the batches of each window and, with an inverse, the added and subtracted ones', () => {
    const w = windowsData([{ nodeId: 'w', windowMs: 3000, slideMs: 2000, inverse: true }], [1000, 2000, 3000, 4000, 5000, 6000], 1000);
    expect(w.rows[0].windows).toEqual([
      { endTime: 2000, batches: [1000, 2000], added: [1000, 2000], subtracted: [] },
      { endTime: 4000, batches: [2000, 3000, 4000], added: [3000, 4000], subtracted: [1000] },
      { endTime: 6000, batches: [4000, 5000, 6000], added: [5000, 6000], subtracted: [2000, 3000] },
    ]);
    // The window at 4000 = the one at 2000 (1000, 2000) + 3000, 4000 − 1000.
  });

  it('without an inverse lists the whole window', () => {
    const w = windowsData([{ nodeId: 'w', windowMs: 2000, slideMs: 1000, inverse: false }], [1000, 2000, 3000], 1000);
    expect(w.rows[0].windows.map((x) => x.batches)).toEqual([[1000], [1000, 2000], [2000, 3000]]);
    expect(w.rows[0].windows.every((x) => x.added.length === 0)).toBe(true);
  });
});

describe('helpers', () => {
  it('splits printed pairs', () => {
    expect(splitPair('(a,1)')).toEqual({ key: 'a', value: '1' });
    expect(splitPair('((a,b),(1,x))')).toEqual({ key: '(a,b)', value: '(1,x)' });
    expect(splitPair('hello')).toEqual({ key: 'hello', value: '' });
  });
  it('bins histograms and computes the input rate', () => {
    expect(histogram([])).toEqual([]);
    expect(histogram([5, 5]).reduce((n, b) => n + b.count, 0)).toBe(2);
    expect(inputRate(50, 500)).toBe(100);
  });
});
