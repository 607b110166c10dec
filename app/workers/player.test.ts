import { describe, expect, it } from 'vitest';
import { SimPlayer, clampSpeed, localFallback, type Timers } from './player';
import { coalesce } from '../store/bridgeModel';

function fakeTimers() {
  let t = 0;
  const q: { at: number; fn: () => void; id: number }[] = [];
  let id = 0;
  const timers: Timers = {
    setTimeout: (fn, ms) => { q.push({ at: t + ms, fn, id: ++id }); return id; },
    clearTimeout: (h) => { const i = q.findIndex((x) => x.id === h); if (i >= 0) q.splice(i, 1); },
    now: () => t,
  };
  const advance = async (ms: number) => {
    const end = t + ms;
    const settle = async () => { for (let i = 0; i < 10; i++) await Promise.resolve(); };
    await settle();   // what the caller started may set its timers a few microtasks later
    for (;;) {
      q.sort((a, b) => a.at - b.at);
      const next = q[0];
      if (!next || next.at > end) break;
      q.shift();
      t = next.at;
      next.fn();
      await settle();
    }
    t = end;
  };
  return { timers, advance };
}

function fakeSession() {
  const calls: string[] = [];
  return { calls, start: () => { calls.push('start'); }, step: (n: number) => { calls.push(`step${n}`); }, stop: () => { calls.push('stop'); } };
}

/** n held start-up steps that log `startup<k>` into `calls` when let out. */
function heldSteps(calls: string[], n: number) {
  let released = 0;
  return { pending: () => n - released, released: () => released, releaseNext: () => { if (released < n) calls.push(`startup${++released}`); } };
}

describe('SimPlayer', () => {
  it('steps one batch every batchDuration / speed', async () => {
    const { timers, advance } = fakeTimers();
    const s = fakeSession();
    const p = new SimPlayer(s, 1000, timers);
    await p.start();
    p.play(2);
    await advance(1600);
    expect(s.calls).toEqual(['start', 'step1', 'step1', 'step1']);
    p.pause();
    await advance(5000);
    expect(s.calls.length).toBe(4);
    expect(p.status).toBe('paused');
  });

  it('step pauses a running clock; stop stops', async () => {
    const { timers, advance } = fakeTimers();
    const s = fakeSession();
    const statuses: string[] = [];
    const p = new SimPlayer(s, 1000, timers, (st) => statuses.push(st));
    await p.start();
    p.play(1);
    await p.step(3);
    expect(s.calls).toEqual(['start', 'step1', 'step1', 'step1']);
    await advance(3000);
    expect(s.calls).toEqual(['start', 'step1', 'step1', 'step1']);
    await p.stop();
    expect(statuses).toEqual(['paused', 'running', 'paused', 'stopped']);
  });

  it('a failing step fails the player with the message', async () => {
    const { timers, advance } = fakeTimers();
    const p = new SimPlayer({ start() {}, step() { throw new Error('boom'); }, stop() {} }, 500, timers);
    let err = '';
    p['onStatus'] = (_s, e) => { if (e) err = e; };
    await p.start();
    p.play();
    await advance(600);
    expect(p.status).toBe('failed');
    expect(err).toBe('boom');
  });

  it('halt() (a breakpoint) pauses a running clock after the current batch', async () => {
    const { timers, advance } = fakeTimers();
    let p: SimPlayer | null = null;
    let n = 0;
    const statuses: string[] = [];
    p = new SimPlayer({ start() {}, step() { n++; if (n === 2) p!.halt(); }, stop() {} }, 1000, timers, (st) => statuses.push(st));
    await p.start();
    p.play(1);
    await advance(10_000);
    expect(n).toBe(2);
    expect(p.status).toBe('paused');
    expect(statuses).toEqual(['paused', 'running', 'paused']);
    // Play continues from there.
    p.play(1);
    await advance(1000);
    expect(n).toBe(3);
  });

  it('halt() stops a multi-batch step early', async () => {
    const { timers } = fakeTimers();
    let p: SimPlayer | null = null;
    let n = 0;
    p = new SimPlayer({ start() {}, step() { n++; if (n === 2) p!.halt(); }, stop() {} }, 1000, timers);
    await p.start();
    await p.step(5);
    expect(n).toBe(2);
    await p.step(2);
    expect(n).toBe(4);
  });

  it('exclusive() waits for the batch in progress, then keeps a running clock running', async () => {
    const { timers, advance } = fakeTimers();
    const log: string[] = [];
    let finish: () => void = () => {};
    const p = new SimPlayer({ start() {}, step: () => { log.push('step'); return new Promise<void>((r) => { finish = r; }); }, stop() {} }, 1000, timers);
    await p.start();
    p.play(1);
    await advance(1000);
    expect(log).toEqual(['step']);
    const done = p.exclusive(async () => { log.push('restart'); return 7; });
    await Promise.resolve();
    expect(log).toEqual(['step']);
    finish();
    expect(await done).toBe(7);
    expect(log).toEqual(['step', 'restart']);
    expect(p.status).toBe('running');
    await advance(1000);
    expect(log).toEqual(['step', 'restart', 'step']);
  });

  it('paces the start-up on the simulated clock: one step per 400 ms at 1×, ten times slower at 0.1×', async () => {
    const { timers, advance } = fakeTimers();
    const s = fakeSession();
    const startup = heldSteps(s.calls, 3);
    const p = new SimPlayer(s, 1000, timers, () => {}, startup);
    await p.start();
    p.play(0.1);
    expect(s.calls).toEqual(['start', 'startup1']);
    await advance(3999);
    expect(s.calls).toEqual(['start', 'startup1']);
    await advance(1);
    expect(s.calls).toEqual(['start', 'startup1', 'startup2']);
    p.setSpeed(1);
    await advance(400);
    expect(s.calls).toEqual(['start', 'startup1', 'startup2', 'startup3']);
    await advance(999);
    expect(s.calls).not.toContain('step1');
    await advance(1);
    expect(s.calls.at(-1)).toBe('step1');
  });

  it('paused in the start-up, Step shows the next start-up step; the first Step of a run plays it all, then its batch', async () => {
    const { timers, advance } = fakeTimers();
    const s = fakeSession();
    const p = new SimPlayer(s, 1000, timers, () => {}, heldSteps(s.calls, 3));
    await p.start();
    p.play(1);
    p.pause();
    await p.step();
    expect(s.calls).toEqual(['start', 'startup1', 'startup2']);
    await p.step();
    expect(s.calls).toEqual(['start', 'startup1', 'startup2', 'startup3']);
    await p.step();
    expect(s.calls.at(-1)).toBe('step1');

    const s2 = fakeSession();
    const p2 = new SimPlayer(s2, 1000, timers, () => {}, heldSteps(s2.calls, 3));
    await p2.start();
    const stepping = p2.step();
    await advance(400 * 3);
    await stepping;
    expect(s2.calls).toEqual(['start', 'startup1', 'startup2', 'startup3', 'step1']);
  });

  it('Steps clicked while the first one plays the start-up run one after the other, one batch each', async () => {
    const { timers, advance } = fakeTimers();
    const s = fakeSession();
    const p = new SimPlayer(s, 1000, timers, () => {}, heldSteps(s.calls, 3));
    await p.start();
    const clicks = [p.step(), p.step(), p.step()];
    await advance(400 * 3);
    await Promise.all(clicks);
    expect(s.calls).toEqual(['start', 'startup1', 'startup2', 'startup3', 'step1', 'step1', 'step1']);
  });

  it('clamps speed to 0.1x–10x', () => {
    expect(clampSpeed(50)).toBe(10);
    expect(clampSpeed(0)).toBe(0.1);
    expect(clampSpeed(NaN)).toBe(1);
  });
});

describe('driver helpers', () => {
  it('falls back from local-cluster to local with the same number of slots', () => {
    expect(localFallback('local-cluster[2,2,1024]')).toBe('local[4]');
    expect(localFallback('local[2]')).toBeNull();
  });
  it('coalesces worker messages into events and the last status', () => {
    const r = coalesce([
      { kind: 'event', event: { type: 'stdout', time: 1, text: 'a' } },
      { kind: 'status', status: 'running' },
      { kind: 'stdout', text: 'b' },
      { kind: 'status', status: 'failed', error: 'boom' },
    ]);
    expect(r.events.map((e) => e.type)).toEqual(['stdout', 'stdout']);
    expect(r.status).toEqual({ status: 'failed', error: 'boom' });
    expect(r.errors).toEqual(['boom']);
  });
});
