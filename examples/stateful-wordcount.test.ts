import { describe, it, expect } from 'vitest';
import { main } from './stateful-wordcount';

function parsePrinted(text: string): { time: number; lines: string[] }[] {
  const out: { time: number; lines: string[] }[] = [];
  const re = /-{43}\nTime: (\d+) ms\n-{43}\n((?:.+\n)*)\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ time: Number(m[1]), lines: m[2].split('\n').filter(Boolean) });
  return out;
}

describe('examples/stateful-wordcount.ts', () => {
  it('prints running totals, starting from the initial state (hello,1) (world,1)', async () => {
    const chunks: string[] = [];
    await main({ batches: 3, stdout: (t) => chunks.push(t), master: 'local[2]' });
    const batches = parsePrinted(chunks.map((c) => (c.endsWith('\n') ? c : `${c}\n`)).join(''));
    expect(batches.map((b) => b.time)).toEqual([1000, 2000, 3000]);
    expect([...batches[0].lines].sort()).toEqual(['(hello,3)', '(spark,1)', '(world,2)']);
    expect([...batches[1].lines].sort()).toEqual(['(hello,4)', '(spark,2)', '(state,1)', '(streaming,1)', '(world,2)']);
    expect([...batches[2].lines].sort()).toEqual(['(hello,4)', '(of,1)', '(spark,2)', '(state,2)', '(streaming,1)', '(world,3)']);
  });

  it('prints in Spark\'s order: HashPartitioner(2) partitions in turn, AppendOnlyMap order inside each', async () => {
    // Worked out with Spark's rules (murmur3 of String.hashCode, capacity 64) for these key sets.
    const chunks: string[] = [];
    await main({ batches: 3, stdout: (t) => chunks.push(t), master: 'local[2]' });
    const batches = parsePrinted(chunks.map((c) => (c.endsWith('\n') ? c : `${c}\n`)).join(''));
    expect(batches[0].lines).toEqual(['(hello,3)', '(world,2)', '(spark,1)']);
    expect(batches[1].lines).toEqual(['(hello,4)', '(streaming,1)', '(world,2)', '(spark,2)', '(state,1)']);
    expect(batches[2].lines).toEqual(['(hello,4)', '(streaming,1)', '(world,3)', '(spark,2)', '(state,2)', '(of,1)']);
  });

  it('with a seed, is deterministic', async () => {
    const run = async () => { const c: string[] = []; await main({ batches: 2, seed: 7, stdout: (t) => c.push(t) }); return c.join('\n'); };
    expect(await run()).toBe(await run());
  });
});
