import { describe, it, expect } from 'vitest';
import { main, DEFAULT_LINES } from './network-wordcount';

/** Splits print() output into batches: { time, lines }. */
function parsePrinted(text: string): { time: number; lines: string[] }[] {
  const out: { time: number; lines: string[] }[] = [];
  const re = /-{43}\nTime: (\d+) ms\n-{43}\n((?:.+\n)*)\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ time: Number(m[1]), lines: m[2].split('\n').filter(Boolean) });
  return out;
}

function wordCounts(lines: string[]): string[] {
  const counts = new Map<string, number>();
  for (const l of lines) for (const w of l.split(' ')) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts].map(([w, n]) => `(${w},${n})`).sort();
}

describe('examples/network-wordcount.ts', () => {
  it('receives lines from its built-in server and prints each batch\'s word counts', async () => {
    const chunks: string[] = [];
    await main({ batches: 3, stdout: (t) => chunks.push(t), master: 'local[2]' });
    const printed = chunks.map((c) => (c.endsWith('\n') ? c : `${c}\n`)).join('');
    const batches = parsePrinted(printed);
    expect(batches.map((b) => b.time)).toEqual([1000, 2000, 3000]);
    // Lines sent before a batch's interval ends belong to that batch.
    batches.forEach((b, i) => expect([...b.lines].sort()).toEqual(wordCounts(DEFAULT_LINES[i])));
    // Spark's order for the first batch: HashPartitioner(2), then AppendOnlyMap order.
    expect(batches[0].lines).toEqual(['(hello,2)', '(world,1)', '(spark,1)']);
    expect(batches[1].lines).toEqual(['(stream,1)', '(batches,1)', '(into,1)', '(streaming,1)', '(spark,1)', '(small,1)', '(a,1)', '(cuts,1)']);
  }, 30000);
});
