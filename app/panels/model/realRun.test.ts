/**
 * Real recorded runs: the gallery's examples through PipelineSession on the manual clock, on local[2]
 * and on local-cluster[2,2,1024] (worker_threads executors), with faults injected through the
 * session. Every panel's data must agree with what the engine reports and prints: batch count,
 * records per batch (BatchInfo, received blocks, record samples), tasks per stage, executors, lost
 * and recomputed partitions, window membership, state keys, the PID rate.
 */
import { describe, expect, it } from 'vitest';
import type { EngineEvent, EventOf } from '../../../engine/core/events';
import type { PipelineGraph } from '../../../engine/graph/types';
import { loadExample, recordRun, type RecordedRealRun } from './recordRun';
import { applyEventsTo, completedBatchTimes, initialRunModel, reduceAll, selectBatchIn, shownBatch, type RunModel } from './run';
import { streamingStatsData } from './streamingStats';
import { batchTimelineData } from './batchTimeline';
import { lineageData, taskGanttData, type GanttData } from './execution';
import { clusterViewData } from './cluster';
import { dataPreviewData, splitPair, stateData } from './samples';
import { backpressureData } from './backpressure';
import { windowsData } from './windows';
import { windowSpecsFromGraph } from './graphInputs';

const CLUSTER = 'local-cluster[2,2,1024]';
const MASTERS = ['local[2]', CLUSTER] as const;

const of = <T extends EngineEvent['type']>(events: EngineEvent[], type: T) => events.filter((e): e is EventOf<T> => e.type === type);

/** The printed text cut per batch: batch time → printed records. */
function printedBatches(stdout: string[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  const text = stdout.join('');
  const re = /-{43}\nTime: (\d+) ms\n-{43}\n([\s\S]*?)\n(?=-{43}\nTime:|$)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.set(Number(m[1]), m[2].split('\n').filter((l) => l !== ''));
  return out;
}

/** Tasks started per batch and per (job, stage), computed from the raw events (independently of the reducers). */
function tasksFromEvents(events: EngineEvent[]) {
  const jobBatch = new Map<number, number | undefined>();
  const attemptJob = new Map<string, number>();
  const perBatch = new Map<number, number>();
  const perJobStage = new Map<string, number>();
  for (const e of events) {
    if (e.type === 'jobStart') jobBatch.set(e.jobId, e.batchTime);
    if (e.type === 'stageSubmitted') attemptJob.set(`${e.stageId}.${e.attemptId}`, e.jobId);
    if (e.type === 'taskStart') {
      const job = attemptJob.get(`${e.stageId}.${e.stageAttemptId}`)!;
      const bt = jobBatch.get(job);
      if (bt !== undefined) perBatch.set(bt, (perBatch.get(bt) ?? 0) + 1);
      perJobStage.set(`${job}:${e.stageId}`, (perJobStage.get(`${job}:${e.stageId}`) ?? 0) + 1);
    }
  }
  return { perBatch, perJobStage };
}

/** No two bars of a slot overlap; a task that started after another ended starts at or after its end. */
function expectCausalGantt(g: GanttData) {
  const byRow = new Map<string, GanttData['bars']>();
  for (const b of g.bars) byRow.set(b.row, [...(byRow.get(b.row) ?? []), b]);
  for (const bars of byRow.values()) {
    const sorted = [...bars].sort((a, b) => a.x0 - b.x0);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i].x0).toBeGreaterThanOrEqual(sorted[i - 1].x1 - 1e-9);
  }
  for (const a of g.bars) for (const b of g.bars) {
    if (a.endSeq !== undefined && a.endSeq < b.startSeq) expect(b.x0).toBeGreaterThanOrEqual(a.x1 - 1e-9);
  }
  for (const b of g.bars) expect(b.x1).toBeGreaterThan(b.x0);
}

/** Everything the panels show for one recorded run, checked against the run's own events and output. */
function checkRun(r: RecordedRealRun, m: RunModel, inputNode: string) {
  const completed = of(r.events, 'batchCompleted').map((e) => e.batchInfo);
  const printed = printedBatches(r.stdout);
  // Batches: the panels' completed batches are the engine's, and each one was printed.
  expect(completedBatchTimes(m)).toEqual(completed.map((b) => b.batchTime));
  expect([...printed.keys()]).toEqual(completed.map((b) => b.batchTime));
  const stats = streamingStatsData(m.stats);
  expect(stats.completedCount).toBe(completed.length);
  expect(stats.totalRecords).toBe(completed.reduce((n, b) => n + b.numRecords, 0));
  // Records per batch: BatchInfo = blocks the receiver stored for that batch = the input node's record sample.
  const tl = batchTimelineData(m.timeline, m.stats.times, m.stats.batchDurationMs);
  for (const b of completed) {
    expect(m.stats.batches[b.batchTime].numRecords).toBe(b.numRecords);
    expect(tl.batches.find((x) => x.batchTime === b.batchTime)!.records).toBe(b.numRecords);
    expect(dataPreviewData(m.samples, inputNode, b.batchTime, '', 1000).count).toBe(b.numRecords);
  }
  // Tasks: per batch in the Gantt, per (job, stage) in the lineage.
  const { perBatch, perJobStage } = tasksFromEvents(r.events);
  for (const b of completed) {
    const g = taskGanttData(m.exec, b.batchTime);
    expect(g.bars).toHaveLength(perBatch.get(b.batchTime) ?? 0);
    expect(g.axis).toBe('measured'); // the manual clock stands still while tasks run
    expectCausalGantt(g);
    const l = lineageData(m.exec, b.batchTime);
    expect(l.jobs.map((j) => j.jobId)).toEqual(of(r.events, 'jobStart').filter((j) => j.batchTime === b.batchTime).map((j) => j.jobId));
    for (const j of l.jobs) {
      expect(j.stages.map((s) => s.stageId).sort((a, c) => a - c)).toEqual(expect.arrayContaining([...j.stageIds].sort((a, c) => a - c)));
      for (const s of j.stages) expect(s.tasks.length).toBe(perJobStage.get(`${j.jobId}:${s.stageId}`) ?? 0);
    }
  }
  // Replaying the recorded run, chunked as the bridge delivers it, gives identical panel data.
  let chunked = initialRunModel();
  for (let i = 0; i < r.events.length; i += 17) chunked = applyEventsTo(chunked, structuredClone(r.events.slice(i, i + 17)));
  expect(chunked).toEqual(m);
}

async function waitFor(pred: () => boolean, ms = 15000) {
  const t0 = Date.now();
  while (!pred()) {
    if (Date.now() - t0 > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(MASTERS)('hashtags example on %s, 5 batches', (master) => {
  it('every panel agrees with the engine and the output', async () => {
    const r = await recordRun(loadExample('hashtags'), { master, batches: 5 });
    const m = reduceAll(r.events);
    checkRun(r, m, 'tweets');
    // Cluster: executors, their slots and the receiver pinned to a slot.
    const c = clusterViewData(m.cluster);
    const added = of(r.events, 'executorAdded');
    if (master === CLUSTER) {
      expect(c.executors.map((x) => [x.id, x.alive, x.slots.length])).toEqual(added.map((e) => [e.executorId, true, e.cores]));
      expect(c.stepProgress).toBe(5);
    } else {
      // local[2]: one executor, the driver, known from the tasks and the receiver it runs.
      expect(c.executors.map((x) => [x.id, x.alive, x.slots.length])).toEqual([['driver', true, 2]]);
    }
    const rs = of(r.events, 'receiverStarted')[0].receiverInfo;
    expect(c.receivers).toEqual([expect.objectContaining({ streamId: 0, executorId: rs.executorId, slot: rs.slot })]);
    expect(c.executors.flatMap((x) => x.slots).every((s) => s.taskId === undefined)).toBe(true); // the run is over
    expect(c.executors.reduce((n, x) => n + x.tasksSucceeded, 0)).toBe(of(r.events, 'taskEnd').filter((e) => e.reason === 'Success').length);
    // Windows: the example's window (10 s, slide 1 s, inverse) covers every batch so far.
    const w = windowsData(windowSpecsFromGraph(r.graph), m.stats.times, 1000);
    expect(w.rows[0].windows.map((x) => x.batches.length)).toEqual([1, 2, 3, 4, 5]);
    // Data preview: the hashtag node's records are hashtags; the windowed counts add up to the tags seen so far.
    const tags = dataPreviewData(m.samples, 'tags', 5000, '#', 1000);
    expect(tags.shown.length).toBe(tags.totalShown);
    const window = m.samples.byBatch[5000].window;
    const tagTotal = m.stats.times.reduce((n, t) => n + m.samples.byBatch[t].tags.count, 0);
    if (window.records.length >= window.count) expect(window.records.map((x) => Number(splitPair(x).value)).reduce((a, b) => a + b, 0)).toBe(tagTotal);
    // Time travel: batch 2000 is shown by every batch-scoped panel.
    const at2 = selectBatchIn(m, 2000);
    expect(shownBatch(at2)).toBe(2000);
    expect(lineageData(at2.exec, shownBatch(at2)).jobs.every((j) => j.batchTime === 2000)).toBe(true);
    expect(dataPreviewData(at2.samples, 'tweets', shownBatch(at2), '', 1000).shown[0]).toContain('"id":50');
  }, 60000);
});

describe(`faults on ${CLUSTER} (hashtags example)`, () => {
  it('killing an executor between batches: greyed, replaced, lost shuffle outputs recomputed, output unchanged', async () => {
    const clean = await recordRun(loadExample('hashtags'), { master: CLUSTER, batches: 4 });
    let atKill = -1;
    const r = await recordRun(loadExample('hashtags'), {
      master: CLUSTER, batches: 4,
      beforeStep: async (i, inject, events) => {
        if (i !== 2) return;
        await inject('killExecutor', ['1']);
        atKill = events.findIndex((e) => e.type === 'executorRemoved');
        // The cluster manager launches a replacement; wait until it registers.
        await waitFor(() => events.some((e) => e.type === 'executorAdded' && e.executorId === '2'));
      },
    });
    expect(r.stdout.join('')).toBe(clean.stdout.join(''));
    const m = reduceAll(r.events);
    checkRun(r, m, 'tweets');
    // Cluster: executor 1 greyed, executor 2 its replacement.
    const c = clusterViewData(m.cluster);
    expect(c.executors.map((x) => [x.id, x.status])).toEqual([['0', 'alive'], ['1', 'dead'], ['2', 'alive']]);
    expect(c.executors[2].replacementOf).toBe('1');
    expect(c.faults).toEqual([expect.objectContaining({ fault: 'killExecutor', target: '1' })]);
    // Right after the kill: the batch shown (2000) has lost map outputs (the executor held them); the replacement is launching.
    const mid = reduceAll(r.events.slice(0, atKill + 2));
    const l2 = lineageData(mid.exec, shownBatch(mid));
    expect(shownBatch(mid)).toBe(2000);
    expect(l2.counts.lost).toBeGreaterThan(0);
    expect(l2.jobs.flatMap((j) => j.stages).filter((s) => s.lostCount > 0).every((s) => s.isShuffleMap)).toBe(true);
    expect(clusterViewData(mid.cluster).executors.map((x) => [x.id, x.status])).toEqual([['0', 'alive'], ['1', 'dead'], ['2', 'launching']]);
    // Batch 3000 resubmits the lost stages (attempt 1): their partitions are recomputed.
    const resubmitted = of(r.events, 'stageSubmitted').filter((e) => e.attemptId > 0);
    expect(resubmitted.length).toBeGreaterThan(0);
    const l3 = lineageData(m.exec, 3000);
    expect(l3.hasFault).toBe(true);
    const rec = l3.jobs.flatMap((j) => j.stages).filter((s) => s.resubmitted);
    expect(rec.map((s) => s.stageId).sort()).toEqual([...new Set(resubmitted.map((e) => e.stageId))].sort());
    expect(rec.every((s) => s.attempts.some((a) => a.attemptId > 0))).toBe(true);
    expect(l3.counts.recomputed).toBe(resubmitted.reduce((n, e) => n + e.numTasks, 0));
    // And the earlier batches' lost outputs that a later job needed now read "recomputed" (in the job that did it);
    // outputs nobody needed again stay lost.
    const l2after = lineageData(m.exec, 2000);
    const cells2 = l2after.jobs.flatMap((j) => j.stages.filter((s) => s.status !== 'skipped').flatMap((s) => s.partitions.map((p) => ({ s, p }))));
    expect(cells2.some(({ p }) => p.state === 'recomputed' && p.recomputedInJob !== undefined)).toBe(true);
    const again = new Set(resubmitted.map((e) => e.stageId));
    for (const { s, p } of cells2) if (p.state === 'lost') expect(again.has(s.stageId), `stage ${s.stageId} p${p.partition}`).toBe(false);
    // Skipped stages: batch 3000's window job reuses the shuffle outputs of earlier batches.
    expect(lineageData(m.exec, 4000).jobs.flatMap((j) => j.stages).some((s) => s.status === 'skipped')).toBe(true);
  }, 90000);

  it('killing the executor of a running task: lost task and fetch failures in the Gantt, output unchanged', async () => {
    const clean = await recordRun(loadExample('hashtags'), { master: CLUSTER, batches: 4 });
    let killed = false;
    const r = await recordRun(loadExample('hashtags'), {
      master: CLUSTER, batches: 4,
      onEvent: (e, inject) => { if (!killed && e.type === 'taskStart' && e.time === 2000 && e.executorId === '1') { killed = true; void inject('killExecutor', ['1']); } },
    });
    expect(killed).toBe(true);
    expect(r.stdout.join('')).toBe(clean.stdout.join(''));
    const m = reduceAll(r.events);
    checkRun(r, m, 'tweets');
    const g = taskGanttData(m.exec, 2000);
    const ends = of(r.events, 'taskEnd').filter((e) => e.reason !== 'Success');
    expect(g.bars.filter((b) => b.status === 'lost').length).toBe(ends.filter((e) => e.reason === 'ExecutorLostFailure' && g.bars.some((b) => b.taskId === e.taskId)).length);
    expect(g.bars.filter((b) => b.status === 'lost' || b.status === 'failed').length).toBeGreaterThan(0);
    expect(g.bars.some((b) => b.attempt > 0 || b.stageAttemptId > 0)).toBe(true);
    const l = lineageData(m.exec, 2000);
    expect(l.hasFault).toBe(true);
    expect(l.jobs.flatMap((j) => j.stages).some((s) => s.resubmitted)).toBe(true);
  }, 90000);

  it('killing the receiver\'s executor (fault-tolerance demo): the receiver restarts on the other executor', async () => {
    const r = await recordRun(loadExample('fault-tolerance-demo'), {
      master: CLUSTER, batches: 4,
      beforeStep: async (i, inject) => { if (i === 2) await inject('killExecutor', ['0']); },
    });
    const m = reduceAll(r.events);
    checkRun(r, m, 'tweets');
    const c = clusterViewData(m.cluster);
    expect(c.executors.find((x) => x.id === '0')!.status).toBe('dead');
    const last = of(r.events, 'receiverStarted').at(-1)!.receiverInfo;
    expect(last.executorId).toBe('1');
    expect(m.cluster.receivers[0]).toMatchObject({ executorId: '1', starts: 2, lastError: expect.stringContaining('lost') });
  }, 90000);
});

describe('back-pressure demo (local[2], simulated cost 1 ms per record)', () => {
  it('shows the PID rate against the actual rate, and the delays it fixes', async () => {
    const r = await recordRun(loadExample('backpressure-demo'), { batches: 8, conf: { 'spark.studio.simulatedCostPerRecordMs': '1' } });
    const m = reduceAll(r.events);
    checkRun(r, m, 'rate');
    const rates = of(r.events, 'rateUpdated');
    expect(rates.length).toBeGreaterThan(3);
    const b = backpressureData(m.backpressure, m.stats);
    expect(b.enabled).toBe(true);
    expect(b.series[0].bound).toEqual(rates.map((e) => ({ time: e.time, rate: e.rate })));
    expect(b.series[0].actual).toEqual(of(r.events, 'batchCompleted').map((e) => ({ time: e.batchInfo.batchTime, rate: e.batchInfo.numRecords })));
    const stats = streamingStatsData(m.stats);
    const delay = stats.metrics.find((x) => x.key === 'schedulingDelay')!;
    expect(delay.series).toEqual(of(r.events, 'batchCompleted').map((e) => ({ batchTime: e.batchInfo.batchTime, value: e.batchInfo.schedulingDelay })));
    expect(stats.metrics.find((x) => x.key === 'processingTime')!.avg).toBeGreaterThan(0);
  }, 60000);
});

describe.each(MASTERS)('stateful word count on %s', (master) => {
  it('shows the state keys each batch printed, with the changes', async () => {
    const r = await recordRun(loadExample('stateful-wordcount'), { master, batches: 5 });
    const m = reduceAll(r.events);
    checkRun(r, m, 'lines');
    const printed = printedBatches(r.stdout);
    for (const t of completedBatchTimes(m)) {
      const st = stateData(m.samples, 'totals', t);
      const want = printed.get(t)!.map((l) => { const p = splitPair(l); return `${p.key}=${p.value}`; }).sort();
      expect(st.entries.filter((e) => e.change !== 'removed').map((e) => `${e.key}=${e.value}`).sort()).toEqual(want);
      expect(st.count).toBe(want.length);
    }
    const s2 = stateData(m.samples, 'totals', 2000);
    expect(s2.entries.find((e) => e.key === 'hello')).toMatchObject({ value: '3', previous: '2', change: 'updated' });
    expect(s2.entries.find((e) => e.key === 'streaming')).toMatchObject({ change: 'new' });
    expect(s2.entries.find((e) => e.key === 'world')).toMatchObject({ change: 'unchanged' });
  }, 60000);
});

describe('window membership against the printed windows', () => {
  const input = [['a'], ['b', 'a'], ['c'], ['a', 'c'], ['b'], ['a'], []];
  const graph = (window: number, slide: number, inverse: boolean): PipelineGraph => ({
    version: 1, name: 'windows', master: 'local[2]', batchDuration: 1000, seed: 1, checkpointDir: 'checkpoints/windows',
    nodes: [
      { id: 'lines', op: 'queueStream', params: { batches: input, oneAtATime: true }, position: { x: 0, y: 0 } },
      { id: 'pairs', op: 'map', params: { f: 'w => [w, 1]' }, position: { x: 200, y: 0 } },
      { id: 'win', op: 'reduceByKeyAndWindow', params: { reduce: '(a, b) => a + b', ...(inverse ? { inverse: '(a, b) => a - b' } : {}), window, slide }, position: { x: 400, y: 0 } },
      { id: 'print', op: 'print', params: { num: 100 }, position: { x: 600, y: 0 } },
    ],
    edges: [{ id: 'e1', source: 'lines', target: 'pairs' }, { id: 'e2', source: 'pairs', target: 'win' }, { id: 'e3', source: 'win', target: 'print' }],
  } as PipelineGraph);

  it.each([[3000, 1000, true], [3000, 1000, false], [4000, 2000, false], [2000, 2000, true]])('window %i ms, slide %i ms, inverse %s', async (win, slide, inverse) => {
    const g = graph(win, slide, inverse);
    const r = await recordRun(g, { batches: 7 });
    const m = reduceAll(r.events);
    const printed = printedBatches(r.stdout);
    const w = windowsData(windowSpecsFromGraph(g), m.stats.times, 1000, m.stats.zeroTime ?? 0);
    expect(w.rows[0].windows.map((x) => x.endTime)).toEqual([...printed.keys()]);
    for (const x of w.rows[0].windows) {
      const counts = new Map<string, number>();
      for (const b of x.batches) for (const word of input[b / 1000 - 1] ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
      const got = printed.get(x.endTime)!.map((l) => splitPair(l)).filter((p) => p.value !== '0').map((p) => `${p.key}=${p.value}`).sort();
      expect(got, `window at ${x.endTime}: batches ${x.batches}`).toEqual([...counts].map(([k, v]) => `${k}=${v}`).sort());
      if (inverse && x.subtracted.length) {
        // The previous window plus the added batches minus the subtracted ones.
        const prev = w.rows[0].windows.find((y) => y.endTime === x.endTime - slide);
        if (prev) expect([...prev.batches.filter((b) => !x.subtracted.includes(b)), ...x.added].sort()).toEqual([...x.batches].sort());
      }
    }
  }, 60000);
});
