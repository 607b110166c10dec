import { describe, it, expect } from 'vitest';
import { main } from './hashtags';

function parsePrinted(text: string): { time: number; lines: string[] }[] {
  const out: { time: number; lines: string[] }[] = [];
  const re = /-{43}\nTime: (\d+) ms\n-{43}\n((?:.+\n)*)\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ time: Number(m[1]), lines: m[2].split('\n').filter(Boolean) });
  return out;
}

async function run(seed: number, batches = 3): Promise<string> {
  const chunks: string[] = [];
  await main({ batches, seed, stdout: (t) => chunks.push(t), master: 'local[2]' });
  return chunks.map((c) => (c.endsWith('\n') ? c : `${c}\n`)).join('');
}

describe('examples/hashtags.ts', () => {
  it('prints the windowed top-10 hashtags, most tweeted first, and the lecture\'s foreachRDD report', async () => {
    const text = await run(42);
    const blocks = parsePrinted(text);
    // Two print()ed streams per batch.
    expect(blocks.map((b) => b.time)).toEqual([1000, 1000, 2000, 2000, 3000, 3000]);
    for (const b of blocks) {
      // print(10): at most 10 records, then "..." when there were more.
      const records = b.lines.filter((l) => l !== '...');
      expect(records.length).toBeLessThanOrEqual(10);
      if (b.lines.includes('...')) expect(b.lines.indexOf('...')).toBe(10);
      const counts = records.map((l) => {
        const m = /^\((\d+),(#\S+)\)$/.exec(l) ?? /^\((#\S+),(\d+)\)$/.exec(l);
        expect(m, `unexpected line ${l}`).toBeTruthy();
        return Number(/^\d+$/.test(m![1]) ? m![1] : m![2]);
      });
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
    }
    // The simulated stream produces hashtags.
    expect(blocks.some((b) => b.lines.length > 0)).toBe(true);
    // Both windows (60 s and 10 s) hold all 3 batches, so their top counts agree.
    const top = (b: { lines: string[] }) => Math.max(0, ...b.lines.filter((l) => l !== '...').map((l) => Number((/\d+/.exec(l.replace(/#[^,)\s]+/, '')) ?? ['0'])[0])));
    expect(top(blocks[4])).toBe(top(blocks[5]));
    // The foreachRDD form reports every batch.
    expect(text.match(/Popular topics in batch \d+ ms \(\d+ total\):/g)?.length).toBe(3);
  }, 30000);

  it('is deterministic for a seed', async () => {
    expect(await run(7, 2)).toBe(await run(7, 2));
  }, 30000);
});
