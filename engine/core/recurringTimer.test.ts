import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock';
import { RecurringTimer } from './recurringTimer';

/** Lets the timer's promise chain run after a clock move. */
const turn = async () => { for (let i = 0; i < 5; i++) await Promise.resolve(); };

describe('RecurringTimer (Spark streaming.util.RecurringTimer on an injected clock)', () => {
  it('ticks only when the clock reaches each period, once per tick, in order', async () => {
    const clock = new ManualClock(0);
    const ticks: number[] = [];
    const timer = new RecurringTimer(clock, 100, (t) => { ticks.push(t); });
    timer.start();
    await turn();
    expect(ticks).toEqual([]);
    clock.setTime(99); await turn();
    expect(ticks).toEqual([]);
    clock.setTime(100); await turn();
    expect(ticks).toEqual([100]);
    for (const t of [200, 300]) { clock.setTime(t); await turn(); }
    expect(ticks).toEqual([100, 200, 300]);
    expect(timer.nextTickTime).toBe(400);
  });

  it('startTime is the next multiple of the period (a batch timer at 0 starts at 1000)', () => {
    const clock = new ManualClock(0);
    expect(new RecurringTimer(clock, 1000, () => undefined).startTime()).toBe(1000);
    clock.setTime(1500);
    expect(new RecurringTimer(clock, 1000, () => undefined).startTime()).toBe(2000);
  });

  it('does not tick after stop', async () => {
    const clock = new ManualClock(0);
    const ticks: number[] = [];
    const timer = new RecurringTimer(clock, 10, (t) => { ticks.push(t); });
    timer.start();
    clock.setTime(10); await turn();
    timer.stop();
    clock.setTime(50); await turn();
    await timer.ended;
    expect(ticks).toEqual([10]);
  });
});
