import { describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createRunSlice, isRecordedRun, type RunSlice } from './runSlice';
import { hashtagRun } from '../panels/model/fixtures';
import { reduceAll, shownBatch } from '../panels/model/run';

const make = () => createStore<RunSlice>()(createRunSlice);

describe('run slice', () => {
  it('applies coalesced events and keeps the log', () => {
    const store = make();
    const events = hashtagRun();
    for (let i = 0; i < events.length; i += 13) store.getState().applyEvents(events.slice(i, i + 13));
    expect(store.getState().eventLog).toHaveLength(events.length);
    expect(store.getState().run).toEqual(reduceAll(events));
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
    expect(other.getState().eventLog).toHaveLength(0);
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
