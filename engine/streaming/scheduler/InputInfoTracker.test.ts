import { describe, expect, it } from 'vitest';
import { Time } from '../../core/time';
import { InputInfoTracker } from './InputInfoTracker';

describe('InputInfoTracker', () => {
  it('collects one info per input stream and batch, and hands a batch over once', () => {
    const t = new InputInfoTracker();
    t.reportInfo(new Time(1000), { inputStreamId: 0, numRecords: 3 });
    t.reportInfo(new Time(1000), { inputStreamId: 1, numRecords: 5 });
    t.reportInfo(new Time(1000), { inputStreamId: 0, numRecords: 4 });
    t.reportInfo(new Time(2000), { inputStreamId: 0, numRecords: 9 });
    expect(t.takeInfo(new Time(1000))).toEqual({ 0: { inputStreamId: 0, numRecords: 4 }, 1: { inputStreamId: 1, numRecords: 5 } });
    expect(t.takeInfo(new Time(1000))).toEqual({});
    expect(t.takeInfo(new Time(2000))).toEqual({ 0: { inputStreamId: 0, numRecords: 9 } });
  });
});
