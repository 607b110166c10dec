/**
 * The block generator under a rate limit (Spark's BlockGeneratorSuite and RateLimiterSuite, on the engine's clock):
 * blocks never take more than rate × blockInterval records, and the producer is held back instead of the buffer
 * growing, whatever rate it offers.
 */
import { describe, expect, it } from 'vitest';
import { BlockGenerator, STORED, type ReceivedBlock } from './BlockGenerator';

const INTERVAL = 200;

/** A simulated source offering `perInterval` increasing values every block interval (like rateStream). */
function simulated(perInterval: number, limit: () => number | undefined) {
  const blocks: ReceivedBlock[] = [];
  let next = 0, maxBuffered = 0;
  const gen: BlockGenerator = new BlockGenerator(0, INTERVAL, 0, limit,
    () => { void gen.addData(Array.from({ length: perInterval }, () => next++)); maxBuffered = Math.max(maxBuffered, gen.pending); },
    (b) => blocks.push(b));
  return { gen, blocks, produced: () => next, maxBuffered: () => maxBuffered };
}

interface Case { name: string; perInterval: number; rate: number | undefined; cuts: number; blockSizes: number; maxBuffered: number; lagMs: number }
const cases: Case[] = [
  { name: 'without a limit every interval becomes one block of all it produced', perInterval: 300, rate: undefined, cuts: 10, blockSizes: 300, maxBuffered: 300, lagMs: 0 },
  { name: 'a limit below the offered rate caps each block and holds the producer back', perInterval: 1000, rate: 1000, cuts: 50, blockSizes: 200, maxBuffered: 1000, lagMs: 40 * INTERVAL },
  { name: 'a limit above the offered rate changes nothing', perInterval: 100, rate: 1000, cuts: 10, blockSizes: 100, maxBuffered: 100, lagMs: 0 },
];

describe('BlockGenerator rate limit', () => {
  for (const c of cases) {
    it(c.name, () => {
      const s = simulated(c.perInterval, () => c.rate);
      s.gen.cutUpTo(c.cuts * INTERVAL);
      expect(s.blocks.map((b) => b.records.length)).toEqual(Array(c.cuts).fill(c.blockSizes));
      expect(s.blocks.map((b) => b.blockId)).toEqual(Array.from({ length: c.cuts }, (_, i) => `input-0-${i * INTERVAL}`));
      // Records arrive in order, none dropped, none repeated; what was not produced yet is owed, not buffered.
      expect(s.blocks.flatMap((b) => b.records)).toEqual(Array.from({ length: c.cuts * c.blockSizes }, (_, i) => i));
      expect(s.maxBuffered()).toBeLessThanOrEqual(c.maxBuffered);
      expect(s.gen.productionLagMs).toBe(c.lagMs);
      expect(s.produced() - c.cuts * c.blockSizes).toBe(s.gen.pending);
    });
  }

  it('memory stays bounded at any offered rate: the buffer holds at most one block plus one interval', () => {
    const s = simulated(100_000, () => 500);
    s.gen.cutUpTo(1000 * INTERVAL);
    expect(s.blocks.every((b) => b.records.length === 100)).toBe(true);
    expect(s.maxBuffered()).toBeLessThanOrEqual(100_000 + 100);
    expect(s.produced()).toBeLessThan(100_000 * 2 + 1000 * 100);   // 1000 intervals offered 1e8 records; ~1e5 were made
  });

  it('a lifted limit lets the held-back producer catch up with the clock', () => {
    let rate: number | undefined = 1000;
    const s = simulated(1000, () => rate);
    s.gen.cutUpTo(10 * INTERVAL);
    expect(s.gen.productionLagMs).toBeGreaterThan(0);
    rate = undefined;
    s.gen.cutUpTo(11 * INTERVAL);
    expect(s.gen.productionLagMs).toBe(0);
    expect(s.blocks.flatMap((b) => b.records)).toEqual(Array.from({ length: 11_000 }, (_, i) => i));
  });

  it('store(record) resolves at once under the limit and waits for the next cut once a block is full (RateLimiter.waitToPush)', async () => {
    const blocks: ReceivedBlock[] = [];
    const gen = new BlockGenerator(0, INTERVAL, 0, () => 10, () => undefined, (b) => blocks.push(b));   // 2 records per block
    expect(gen.addData(['a'])).toBe(STORED);
    const full = gen.addData(['b']);
    expect(full).not.toBe(STORED);
    let released = false;
    void full.then(() => { released = true; });
    await Promise.resolve();
    expect(released).toBe(false);
    gen.cutUpTo(INTERVAL);
    await full;
    expect(blocks.map((b) => b.records)).toEqual([['a', 'b']]);
  });

  it('stopping releases blocked stores', async () => {
    const gen = new BlockGenerator(0, INTERVAL, 0, () => 5, () => undefined, () => undefined);
    const blocked = gen.addData(['x']);
    gen.release();
    await expect(blocked).resolves.toBeUndefined();
  });
});
