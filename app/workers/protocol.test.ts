import { describe, expect, it } from 'vitest';
import { HEARTBEAT_MS, hungDriverMessage, isHeartbeat, stallMs, watchdogVerdict, type WatchdogInput } from './protocol';

const base: WatchdogInput = { now: 0, lastBeat: undefined, watchingSince: 0, active: true, visible: true, timeoutMs: 3000 };
const at = (patch: Partial<WatchdogInput>) => watchdogVerdict({ ...base, ...patch });

describe('heartbeat watchdog (pure)', () => {
  it('recognises heartbeats and nothing else', () => {
    expect(isHeartbeat({ kind: 'heartbeat' })).toBe(true);
    expect(isHeartbeat({ kind: 'event' })).toBe(false);
    expect(isHeartbeat(null)).toBe(false);
    expect(isHeartbeat({ id: 'x', type: 'RETURN' })).toBe(false);
    expect(HEARTBEAT_MS).toBeLessThan(1000);
  });

  it('is idle when no run is active or the page is hidden', () => {
    expect(at({ active: false, now: 60_000 })).toEqual({ verdict: 'idle' });
    expect(at({ visible: false, now: 60_000, lastBeat: 0 })).toEqual({ verdict: 'idle' });
  });

  it('stays alive while beats arrive every 500 ms', () => {
    for (let now = 0; now < 20_000; now += 250) {
      const lastBeat = Math.floor(now / HEARTBEAT_MS) * HEARTBEAT_MS;
      expect(at({ now, lastBeat, lastCheck: now - 250 }).verdict).toBe('alive');
    }
  });

  it('is hung once the driver has been silent for the task timeout, not before', () => {
    expect(at({ now: 12_999, lastBeat: 10_000, watchingSince: 0, lastCheck: 12_749 })).toEqual({ verdict: 'alive', silentMs: 2999 });
    expect(at({ now: 13_000, lastBeat: 10_000, watchingSince: 0, lastCheck: 12_750 })).toEqual({ verdict: 'hung', silentMs: 3000 });
    expect(at({ now: 13_000, lastBeat: 10_000, timeoutMs: 10_000, lastCheck: 12_750 }).verdict).toBe('alive');
  });

  it('counts from when watching started (run started, page became visible), not from an old beat', () => {
    // Hidden for a minute, visible again at 60 s: the beats that stopped while hidden are not held against the driver.
    expect(at({ now: 61_000, lastBeat: 1000, watchingSince: 60_000, lastCheck: 60_750 }).verdict).toBe('alive');
    expect(at({ now: 63_000, lastBeat: 1000, watchingSince: 60_000, lastCheck: 62_750 }).verdict).toBe('hung');
    // No beat at all since watching began.
    expect(at({ now: 3000, lastBeat: undefined, watchingSince: 0, lastCheck: 2750 }).verdict).toBe('hung');
  });

  it('resyncs when the page itself stalled between checks', () => {
    expect(at({ now: 20_000, lastBeat: 1000, lastCheck: 1000 })).toEqual({ verdict: 'resync' });
    expect(stallMs(3000)).toBeGreaterThanOrEqual(2000);
    expect(stallMs(60_000)).toBe(30_000);
  });

  it('writes the console message like Spark, naming the stage', () => {
    expect(hungDriverMessage(3000, 'map at UdfLoop:spin', true)).toBe(
      "task exceeded 3000 ms (possible infinite loop in map at UdfLoop:spin); local mode runs tasks inside the driver's worker, so it was restarted. Use local-cluster to keep the run going.");
    expect(hungDriverMessage(10_000, undefined, true)).toMatch(/^task exceeded 10000 ms \(possible infinite loop in an unknown stage\)/);
    expect(hungDriverMessage(10_000, 'foreachRDD at x', false)).toMatch(/^driver did not respond for 10000 ms/);
  });
});
