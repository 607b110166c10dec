import { describe, expect, it } from 'vitest';
import { EventLoop } from './EventLoop';

type Ev = { type: 'a' | 'b'; n: number };

describe('EventLoop (Spark streaming scheduler event loop)', () => {
  it('handles events one at a time in posting order, even when a handler awaits', async () => {
    const log: string[] = [];
    const loop = new EventLoop<Ev>('test', async (e) => {
      log.push(`start ${e.type}${e.n}`);
      await Promise.resolve(); await Promise.resolve();
      log.push(`end ${e.type}${e.n}`);
    }, () => undefined);
    void loop.post({ type: 'a', n: 1 });
    const second = loop.post({ type: 'b', n: 2 });
    await second;
    expect(log).toEqual(['start a1', 'end a1', 'start b2', 'end b2']);
  });

  it('reports a failing handler and goes on with the next event', async () => {
    const errors: string[] = [];
    const seen: number[] = [];
    const loop = new EventLoop<Ev>('JobGenerator', (e) => { if (e.n === 1) throw new Error('boom'); seen.push(e.n); },
      (m, e) => errors.push(`${m}: ${(e as Error).message}`));
    await loop.post({ type: 'a', n: 1 });
    await loop.post({ type: 'b', n: 2 });
    expect(errors).toEqual(['Error in JobGenerator handling a: boom']);
    expect(seen).toEqual([2]);
  });
});
