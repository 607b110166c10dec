import { describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createRunSlice, isRecordedRun, type RunSlice } from './runSlice';
import { RunRecorder } from './runRecorder';
import { hashtagRun } from '../panels/model/fixtures';
import { reduceAll, shownBatch } from '../panels/model/run';
import { initialLot, reduceLotAll } from '../panels/model/lineageOverTime';

const make = () => createStore<RunSlice>()(createRunSlice);

describe('run slice', () => {
  it('applies coalesced events and records them', () => {
    const store = make();
    const events = hashtagRun();
    for (let i = 0; i < events.length; i += 13) store.getState().applyEvents(events.slice(i, i + 13));
    expect(store.getState().recorder.events()).toEqual(events);
    expect(store.getState().recorder.total).toBe(events.length);
    expect(store.getState().run).toEqual(reduceAll(events));
    expect(store.getState().lot.get()).toEqual(reduceLotAll(events, initialLot));
    expect(store.getState().runFeed.events).toEqual(events.slice(events.length - ((events.length - 1) % 13 + 1)));
  });

  it('folds old events into a base: the recording stays bounded and replays to the same state', () => {
    const store = make();
    store.setState({ recorder: new RunRecorder(null, [], 100) });
    const events = hashtagRun({ batches: 8, killExecutorInBatch: 4 });
    expect(events.length).toBeGreaterThan(300);
    for (let i = 0; i < events.length; i += 13) {
      store.getState().applyEvents(events.slice(i, i + 13));
      expect(store.getState().recorder.events().length).toBeLessThan(100 + 13);
    }
    const rec = JSON.parse(JSON.stringify(store.getState().recordRun(null, 7)));
    expect(rec.base.eventCount + rec.events.length).toBe(events.length);
    expect(isRecordedRun(rec)).toBe(true);
    const other = make();
    other.getState().loadRecordedRun(rec);
    expect(other.getState().run).toEqual(store.getState().run);
    expect(JSON.stringify(other.getState().run)).toBe(JSON.stringify(store.getState().run));
    expect(other.getState().lot.get()).toEqual(store.getState().lot.get());
    expect(other.getState().recorder.total).toBe(events.length);
    // A damaged base is refused as a whole.
    expect(isRecordedRun({ ...rec, base: { ...rec.base, run: { nope: 1 } } })).toBe(false);
  });

  it('selects a batch, records and replays a run identically', () => {
    const store = make();
    const events = hashtagRun({ killExecutorInBatch: 2 });
    store.getState().applyEvents(events);
    store.getState().selectBatch(2000);
    expect(shownBatch(store.getState().run)).toBe(2000);
    const rec = JSON.parse(JSON.stringify(store.getState().recordRun(null, 42)));
    expect(isRecordedRun(rec)).toBe(true);
    expect(rec.seed).toBe(42);
    const other = make();
    other.getState().loadRecordedRun(rec);
    expect(other.getState().run).toEqual({ ...store.getState().run, selectedBatch: undefined });
    expect(() => other.getState().loadRecordedRun({ nope: 1 } as never)).toThrow(/Not a recorded run/);
    other.getState().reset();
    expect(other.getState().recorder.isEmpty).toBe(true);
    expect(other.getState().run.stats.times).toHaveLength(0);
  });

  it('routes fault injection to the installed handler', () => {
    const store = make();
    store.getState().injectFault('killExecutor', ['1']); // no handler: ignored
    const h = vi.fn();
    store.getState().setFaultHandler(h);
    store.getState().injectFault('killExecutor', ['1']);
    expect(h).toHaveBeenCalledWith('killExecutor', ['1']);
  });
});
