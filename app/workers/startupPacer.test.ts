import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../engine';
import { StartupPacer } from './startupPacer';

const stepEvent = (index: 1 | 2 | 3 | 4 | 5, executorId?: string): EngineEvent =>
  ({ type: 'clusterStep', time: 0, step: 'executorLaunched', index, detail: '', ...(executorId ? { executorId } : {}) });
const added = (id: string): EngineEvent => ({ type: 'executorAdded', time: 0, executorId: id, host: 'h', cores: 1, memoryMiB: 1024 });
const label = (e: EngineEvent) => (e.type === 'clusterStep' ? `step${e.index}${e.executorId ?? ''}` : e.type);

describe('StartupPacer', () => {
  it('holds the start-up and lets it out one step at a time, each step with the events that came with it', () => {
    const out: string[][] = [];
    const p = new StartupPacer((es) => out.push(es.map(label)));
    expect(p.offer(stepEvent(1))).toBe(false);   // not holding: passes
    p.beginStartup();
    for (const e of [stepEvent(2), stepEvent(3, 'a'), stepEvent(3, 'b'), added('a'), stepEvent(4, 'a'), stepEvent(4, 'b')]) expect(p.offer(e)).toBe(true);
    p.endStartup();
    expect(p.pending()).toBe(3);
    expect(p.offer(added('late'))).toBe(true);   // queues behind the held steps
    p.releaseNext();
    p.releaseNext();
    expect(out).toEqual([['step2'], ['step3a', 'step3b']]);
    expect(p.released()).toBe(2);
    p.releaseNext();
    expect(out[2]).toEqual(['executorAdded', 'step4a', 'step4b', 'executorAdded']);
    expect(p.pending()).toBe(0);
    expect(p.offer(added('after'))).toBe(false);
  });

  it('an executor registering (executorAdded) is step 4, also when the next executor is launched after it', () => {
    const out: string[][] = [];
    const p = new StartupPacer((es) => out.push(es.map(label)));
    p.beginStartup();
    for (const e of [stepEvent(3, 'a'), added('a'), stepEvent(4, 'a'), stepEvent(3, 'b'), added('b'), stepEvent(4, 'b')]) p.offer(e);
    p.releaseAll();
    expect(out).toEqual([['step3a'], ['executorAdded', 'step4a', 'step3b', 'executorAdded', 'step4b']]);
  });

  it('what comes before the first step is let out with it, not as a step of its own', () => {
    const out: string[][] = [];
    const p = new StartupPacer((es) => out.push(es.map(label)));
    p.beginStartup();
    const early: EngineEvent = { type: 'warning', time: 0, code: 'graphValidation', message: 'early' };
    for (const e of [early, stepEvent(2), stepEvent(3)]) p.offer(e);
    expect(p.pending()).toBe(2);
    p.releaseNext();
    expect(out).toEqual([['warning', 'step2']]);
  });

  it('lets everything out when the first batch is submitted (step 5)', () => {
    const out: string[][] = [];
    const p = new StartupPacer((es) => out.push(es.map(label)));
    p.beginStartup();
    p.offer(stepEvent(2));
    p.offer(stepEvent(3));
    expect(p.offer(stepEvent(5))).toBe(true);
    expect(out.flat()).toEqual(['step2', 'step3', 'step5']);
    expect(p.pending()).toBe(0);
  });
});
