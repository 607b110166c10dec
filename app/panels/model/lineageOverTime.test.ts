/**
 * The DStream graph over time from REAL recorded runs (recordRun.ts): hashtags on local[2] and on
 * local-cluster[2,2,1024] with an executor killed between batches; stateful word count long enough
 * to write a data checkpoint.
 */
import { describe, expect, it } from 'vitest';
import type { EngineEvent, EventOf } from '../../../engine/core/events';
import { loadExample, recordRun } from './recordRun';
import { cellId, initialLot, lineageOverTimeData, lotCell, lotCells, reduceLot, reduceLotAll } from './lineageOverTime';

const of = <T extends EngineEvent['type']>(events: EngineEvent[], type: T) => events.filter((e): e is EventOf<T> => e.type === type);
const waitFor = async (f: () => boolean) => { for (let i = 0; i < 400 && !f(); i++) await new Promise((r) => setTimeout(r, 25)); };

describe('lineage over time joins by id (never parses RDD or block names)', () => {
  it('puts an RDD in the cell of its call site and batch, and caches the partition a block event names', () => {
    const events: EngineEvent[] = [
      { type: 'batchSubmitted', time: 1000, batchInfo: { batchTime: 1000, streamIdToInputInfo: {}, submissionTime: 1000, numRecords: 0, outputOperationInfos: {} } },
      { type: 'jobStart', time: 1000, jobId: 0, stageIds: [0], description: 'print', batchTime: 1000 },
      { type: 'stageSubmitted', time: 1000, stageId: 0, attemptId: 0, name: 'print', numTasks: 2, rddIds: [12], rddChain: ['(not parsed)'], parentStageIds: [],
        isShuffleMap: false, jobId: 0, rddInfos: [{ id: 12, className: 'MapPartitionsRDD', op: 'flatMap', callSite: 'tags', numPartitions: 2, parentIds: [], storageLevel: 'NONE', dstreamId: 1, batchTime: 1000 }] },
      { type: 'blockUpdated', time: 1001, executorId: '0', blockId: '(not parsed)', storageLevel: 'MEMORY_ONLY', memSize: 10, diskSize: 0, records: 1, rddId: 12, partition: 1 },
    ];
    const c = lotCell(reduceLotAll(events), cellId('tags', 1000))!;
    expect(c.rddIds).toEqual([12]);
    expect(c.cached).toEqual({ 1: '0' });
  });
});

describe('lineage over time (hashtags, local[2])', () => {
  it('rows in graph order, record counts from the samples, graph edges, window reaching back, cached RDDs', async () => {
    const r = await recordRun(loadExample('hashtags'), { master: 'local[2]', batches: 5 });
    const s = reduceLotAll(r.events);
    const d = lineageOverTimeData(s, { graph: r.graph, selected: 4000, maxColumns: 3 });
    expect(d.columns).toEqual([2000, 3000, 4000]);
    expect(d.rows.slice(0, 5).map((x) => x.key)).toEqual(['tweets', 'tags', 'pairs', 'window', 'top']);
    expect(d.rows.some((x) => x.key === 'print')).toBe(false);
    expect(d.hiddenRows).toBe(0);
    // A capped grid keeps the first rows, and only their cells and edges.
    const capped = lineageOverTimeData(s, { graph: r.graph, selected: 4000, maxColumns: 3, maxRows: 2 });
    expect(capped.rows.map((x) => x.key)).toEqual(['tweets', 'tags']);
    expect(capped.hiddenRows).toBe(d.rows.length - 2);
    expect(capped.cells.length).toBeGreaterThan(0);
    expect(capped.cells.every((c) => c.row < 2)).toBe(true);
    expect(capped.edges.every((e) => /^(tweets|tags)@/.test(e.from) && /^(tweets|tags)@/.test(e.to))).toBe(true);
    // Every cell's count is the engine's record sample for that DStream and batch.
    for (const e of of(r.events, 'recordsSample')) {
      const c = d.cells.find((x) => x.id === cellId(e.nodeId ?? `dstream-${e.dstreamId}`, e.batchTime));
      if (d.columns.includes(e.batchTime)) expect(c?.count).toBe(e.count);
    }
    const E = (a: string, b: string) => d.edges.find((x) => x.from === a && x.to === b);
    expect(E('tweets@3000', 'tags@3000')?.back).toBe(false);
    expect(E('tags@3000', 'pairs@3000')).toBeDefined();
    expect(E('pairs@3000', 'window@3000')).toBeDefined();
    // The incremental window reaches back to its previous RDD (seen in the real lineage too).
    expect(E('window@3000', 'window@4000')?.back).toBe(true);
    expect(s.edges[2000]?.['window@1000>window@2000']).toBeDefined();
    // Cached: the window's RDDs are persisted (blockUpdated rdd_<id>_<p>).
    const cachedRdds = new Set(of(r.events, 'blockUpdated').filter((e) => e.blockId.startsWith('rdd_')).map((e) => Number(e.blockId.split('_')[1])));
    const w = d.cells.find((x) => x.id === 'window@4000')!;
    expect(w.cachedPartitions).toBeGreaterThan(0);
    expect(w.rddIds.some((id) => cachedRdds.has(id))).toBe(true);
    expect(d.cells.find((x) => x.id === 'tweets@4000')!.cachedPartitions).toBe(0);
    expect(d.lostCount + d.recomputedCount).toBe(0);
    expect(d.edges.some((x) => x.onPath)).toBe(false);
    // Without the graph: rows from the samples, edges from the real lineage only.
    const bare = lineageOverTimeData(s, { selected: 4000 });
    expect(bare.rows.slice(0, 5).map((x) => x.key)).toEqual(['tweets', 'tags', 'pairs', 'window', 'top']);
    expect(bare.edges.find((x) => x.from === 'tags@4000' && x.to === 'pairs@4000')).toBeDefined();
    expect(bare.edges.find((x) => x.from === 'window@3000' && x.to === 'window@4000')?.back).toBe(true);
    // Replay in any chunking gives the same state; eviction keeps the last N batches.
    let x = initialLot;
    for (const e of r.events) x = reduceLot(x, e);
    expect(x).toEqual(s);
    const small = reduceLotAll(r.events, { ...initialLot, maxBatches: 2 });
    expect(small.batches).toEqual([4000, 5000]);
    expect(lotCells(small).every((c) => c.batchTime >= 4000)).toBe(true);
    expect(Object.keys(small.cells).map(Number)).toEqual([4000, 5000]);
  }, 60000);
});

describe('lineage over time after a fault (hashtags, local-cluster[2,2,1024])', () => {
  it('an executor killed after batch 2000: its RDDs turn lost, batch 3000 recomputes them along the path', async () => {
    const r = await recordRun(loadExample('hashtags'), {
      master: 'local-cluster[2,2,1024]', batches: 4,
      beforeStep: async (i, inject, events) => {
        if (i !== 2) return;
        await inject('killExecutor', ['1']);
        await waitFor(() => events.some((e) => e.type === 'executorAdded' && e.executorId === '2'));
      },
    });
    const s = reduceLotAll(r.events);
    expect(s.faults).toEqual([expect.objectContaining({ executorId: '1', batchTime: 2000 })]);
    // Shown at 2000 (the batch when the executor died): lost cells are the ones that had data on executor 1.
    const at2 = lineageOverTimeData(s, { graph: r.graph, selected: 2000 });
    const lost = at2.cells.filter((c) => c.status === 'lost');
    expect(lost.length).toBeGreaterThan(0);
    expect(lost.every((c) => c.lostExecutors.includes('1'))).toBe(true);
    expect(lost.map((c) => c.id)).toEqual(expect.arrayContaining(['window@1000', 'window@2000']));
    expect(at2.edges.some((e) => e.onPath)).toBe(false);
    // Shown at 3000: the resubmitted stages (attemptId > 0) are this batch's recomputation.
    const resub = of(r.events, 'stageSubmitted').filter((e) => e.attemptId > 0);
    expect(resub.length).toBeGreaterThan(0);
    const at3 = lineageOverTimeData(s, { graph: r.graph, selected: 3000 });
    expect(at3.recompute?.stageIds).toEqual(expect.arrayContaining([...new Set(resub.map((e) => e.stageId))]));
    const path = at3.cells.filter((c) => c.onPath).map((c) => c.id);
    expect(path).toEqual(expect.arrayContaining(['pairs@1000', 'window@1000', 'window@2000', 'window@3000', 'top@3000']));
    expect(at3.cells.find((c) => c.id === 'window@1000')!.status).toBe('recomputed');
    // The path runs from the recomputed ancestors through the window's back edges to what batch 3000 printed.
    const onPath = at3.edges.filter((e) => e.onPath).map((e) => `${e.from}>${e.to}`);
    expect(onPath).toEqual(expect.arrayContaining(['pairs@1000>window@1000', 'window@1000>window@2000', 'window@2000>window@3000', 'window@3000>top@3000']));
    // The recomputed cached blocks were written again, on the surviving / replacement executors.
    for (const c of at3.cells.filter((x) => x.cachedPartitions > 0)) expect(Object.values(lotCell(s, c.id)!.cached)).not.toContain('1');
    // Outputs nobody needed again stay lost.
    expect(at3.cells.filter((c) => c.status === 'lost').every((c) => c.key === 'top')).toBe(true);
  }, 90000);
});

describe('lineage over time: checkpointed RDDs (stateful word count, local[2])', () => {
  it('marks the state DStream\'s RDD checkpointed at the data checkpoint, with the state edge reaching back', async () => {
    const r = await recordRun(loadExample('stateful-wordcount'), { master: 'local[2]', batches: 11 });
    const s = reduceLotAll(r.events);
    const data = of(r.events, 'checkpointWritten').filter((e) => e.kind === 'data' && e.dstreamId !== undefined);
    const d = lineageOverTimeData(s, { graph: r.graph, maxColumns: 12 });
    expect(data.length).toBeGreaterThan(0);
    const marked = d.cells.filter((c) => c.checkpointed);
    expect(marked.length).toBe(new Set(data.map((e) => `${e.dstreamId}@${e.checkpointTime}`)).size);
    for (const e of data) expect(marked.some((c) => c.batchTime === e.checkpointTime && c.key === s.dstreamKey[e.dstreamId!])).toBe(true);
    expect(d.edges.find((e) => e.from === 'totals@1000' && e.to === 'totals@2000')?.back).toBe(true);
  }, 60000);
});
