/** Pure parts of the simulation features: breakpoints, recorded-run files, fault-tolerance settings, the sim fold. */
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../engine/core/events';
import { RECEIVER_STORAGE_LEVEL_KEY as SESSION_KEY } from '../../engine/graph/session';
import { compileBreakpoints, breakpointProblems, type Breakpoint } from './breakpoints';
import { parseRecordedRun, toRunFile } from './recordedRun';
import { applyFaultTolerance, readFaultTolerance, RECEIVER_STORAGE_LEVEL_KEY, WAL_KEY } from './faultTolerance';
import { loadExample, recordRun } from '../panels/model/recordRun';
import { RunRecorder } from '../store/runRecorder';
import { createStudio } from '../store/store';
import { create } from 'zustand';
import type { Studio } from '../store/types';

const sample = (nodeId: string, batchTime: number, records: string[]): EngineEvent => ({ type: 'recordsSample', time: batchTime, batchTime, dstreamId: 1, nodeId, count: records.length, records });
const completed = (batchTime: number) => ({ type: 'batchCompleted', time: batchTime, batchInfo: { batchTime, streamIdToInputInfo: {}, submissionTime: batchTime, numRecords: 0, outputOperationInfos: {} } }) as EngineEvent;

describe('breakpoints', () => {
  it('a batch breakpoint hits when that batch completes, not before', () => {
    const c = compileBreakpoints([{ id: 'b', kind: 'batch', batchTime: 3000 }]);
    expect(c.check(completed(2000))).toBeUndefined();
    expect(c.check(completed(3000))).toEqual({ id: 'b', kind: 'batch', batchTime: 3000 });
  });
  it('a text breakpoint matches a record of its node only', () => {
    const c = compileBreakpoints([{ id: 'r', kind: 'record', nodeId: 'counts', mode: 'text', pattern: '#spark' }]);
    expect(c.check(sample('other', 1000, ['(#spark,1)']))).toBeUndefined();
    expect(c.check(sample('counts', 1000, ['(#ai,2)']))).toBeUndefined();
    expect(c.check(sample('counts', 2000, ['(#ai,2)', '(#spark,3)']))).toEqual({ id: 'r', kind: 'record', batchTime: 2000, nodeId: 'counts', record: '(#spark,3)' });
  });
  it('an expression breakpoint runs over the printed record; a throwing expression is reported once and does not hit', () => {
    const c = compileBreakpoints([
      { id: 'x', kind: 'record', nodeId: 'n', mode: 'expression', pattern: 'Number(r.match(/,(\\d+)\\)/)[1]) > 5' },
    ]);
    expect(c.check(sample('n', 1000, ['(a,3)']))).toBeUndefined();
    expect(c.check(sample('n', 1000, ['(a,6)']))?.id).toBe('x');
    expect(c.check(sample('n', 1000, ['no tuple']))).toBeUndefined();
    expect(c.check(sample('n', 1000, ['still none']))).toBeUndefined();
    const p = c.takeProblems();
    expect(p).toHaveLength(1);
    expect(p[0].message).toMatch(/the expression threw on no tuple/);
  });
  it('a syntax error names the expression and the fix; bad shapes are refused', () => {
    const c = compileBreakpoints([{ id: 'bad', kind: 'record', nodeId: 'n', mode: 'expression', pattern: 'r.includes(' }]);
    expect(c.problems[0].message).toMatch(/does not parse.*write a JS expression over r/);
    expect(breakpointProblems([{ id: 'z', kind: 'batch', batchTime: -1 }] as Breakpoint[])[0].message).toMatch(/positive whole number/);
    expect(breakpointProblems([{ id: 'y', kind: 'watch' }])[0].message).toMatch(/unknown breakpoint kind watch/);
  });
});

describe('fault-tolerance settings', () => {
  it('uses the same storage-level key as PipelineSession', () => expect(RECEIVER_STORAGE_LEVEL_KEY).toBe(SESSION_KEY));
  it('writes only what differs from Spark defaults; WAL on adds a checkpoint directory', () => {
    const meta = { name: 'My Demo', conf: { 'spark.task.maxFailures': '4' } };
    expect(readFaultTolerance(meta)).toEqual({ wal: false, replicated: true, speculation: false });
    const r = applyFaultTolerance(meta, { wal: true, replicated: false, speculation: true });
    expect(r.patch.conf).toEqual({ 'spark.task.maxFailures': '4', [WAL_KEY]: 'true', 'spark.speculation': 'true', [RECEIVER_STORAGE_LEVEL_KEY]: 'MEMORY_AND_DISK_SER' });
    expect(r.addedCheckpointDir).toBe('checkpoints/my-demo');
    const back = applyFaultTolerance({ ...meta, conf: r.patch.conf, checkpointDir: 'x' }, { wal: false, replicated: true, speculation: false });
    expect(back.patch.conf).toEqual({ 'spark.task.maxFailures': '4' });
    expect(back.addedCheckpointDir).toBeUndefined();
  });
});

describe('recorded runs', () => {
  it('names the problems of broken files', () => {
    expect(parseRecordedRun('{oops').ok).toBe(false);
    const notJson = parseRecordedRun('{oops');
    expect(!notJson.ok && notJson.problems[0]).toMatch(/not JSON/);
    const pipeline = parseRecordedRun(JSON.stringify(loadExample('wordcount')));
    expect(!pipeline.ok && pipeline.problems[0]).toMatch(/This is a pipeline, not a recorded run: open it with File → Open/);
    const bad = parseRecordedRun(JSON.stringify({ version: 2, seed: 'x', events: [{ type: 'batchCompleted', time: 1 }, { time: 3 }, { type: 'nope', time: 1 }] }));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems).toEqual([
      '"version" must be 1, found 2: this file was written by another version of the studio, or edited.',
      '"seed" must be a number, found "x".',
      'events[0] (batchCompleted) lacks "batchInfo".',
      'events[1] has no "type": each event is like { "type": "batchCompleted", "time": 1000, ... }.',
      'events[2] has an unknown type "nope": it was not written by the engine.',
    ]);
  });

  it('save → open → replay rebuilds the panels and the console exactly (a real run)', async () => {
    const graph = loadExample('stateful-wordcount');
    const real = await recordRun(graph, { batches: 4 });
    // A live studio fed the events in frame-sized chunks, as the bridge does.
    const live = create<Studio>()(createStudio);
    for (let i = 0; i < real.events.length; i += 13) live.getState().applyEngineEvents(real.events.slice(i, i + 13));
    const text = JSON.stringify(toRunFile(live.getState().recordRun(graph, graph.seed)));
    const parsed = parseRecordedRun(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const replay = create<Studio>()(createStudio);
    replay.getState().replayRecordedRun(parsed.run, parsed.name);
    const a = live.getState(), b = replay.getState();
    expect(b.sim.batchesCompleted).toBe(4);
    expect(b.sim.batchesCompleted).toBe(a.sim.batchesCompleted);
    expect(b.consoleLines).toEqual(a.consoleLines);
    expect(b.consoleLines.join('\n')).toContain('Time: 4000 ms');
    expect(b.results).toEqual(a.results);
    expect(JSON.parse(JSON.stringify(b.run))).toEqual(JSON.parse(JSON.stringify(a.run)));
    expect(b.sim.replay).toEqual({ name: 'StatefulNetworkWordCount', events: real.events.length });
    expect(b.sim.status).toBe('stopped');
    // A new run clears the replay.
    b.resetRunView();
    expect(replay.getState().sim.replay).toBeUndefined();
  }, 60_000);

  it('a long run is saved as a base plus the latest events and replays exactly', async () => {
    const graph = loadExample('stateful-wordcount');
    const real = await recordRun(graph, { batches: 6 });
    const live = create<Studio>()(createStudio);
    live.setState({ recorder: new RunRecorder(null, [], 40) });   // fold into a base every 40 events
    for (let i = 0; i < real.events.length; i += 13) live.getState().applyEngineEvents(real.events.slice(i, i + 13));
    const saved = live.getState().recordRun(graph, graph.seed);
    expect(saved.base?.chrome?.batchesCompleted).toBeGreaterThan(0);
    expect(saved.events.length).toBeLessThan(40 + 13);
    const parsed = parseRecordedRun(JSON.stringify(toRunFile(saved)));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const replay = create<Studio>()(createStudio);
    replay.getState().replayRecordedRun(parsed.run, parsed.name);
    const a = live.getState(), b = replay.getState();
    expect(b.sim.batchesCompleted).toBe(6);
    expect(b.consoleLines).toEqual(a.consoleLines);
    expect(b.consoleDropped).toBe(a.consoleDropped);
    expect(b.results).toEqual(a.results);
    expect(b.liveCounts).toEqual(a.liveCounts);
    expect(JSON.stringify(b.run)).toBe(JSON.stringify(a.run));
    expect(b.lot.get()).toEqual(a.lot.get());
    expect(b.sim.replay).toEqual({ name: 'StatefulNetworkWordCount', events: real.events.length });
    // A damaged base is named, and nothing is loaded.
    const broken = parseRecordedRun(JSON.stringify({ ...toRunFile(saved), base: { eventCount: 1, run: {} } }));
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.problems.join(' ')).toMatch(/"base".*damaged/);
  }, 60_000);
});
