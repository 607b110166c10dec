import { describe, it, expect } from 'vitest';
import { main } from './queue-stream';

const DASHES = '-'.repeat(43);
const block = (ms: number, lines: string[]) => [DASHES, `Time: ${ms} ms`, DASHES, ...lines, ''].join('\n') + '\n';
const EXPECTED = ['(4,100)', '(0,100)', '(6,100)', '(8,100)', '(2,100)', '(1,100)', '(3,100)', '(7,100)', '(9,100)', '(5,100)'];

describe('examples/queue-stream.ts', () => {
  it('prints Spark\'s QueueStream output, in Spark\'s order, for every batch', async () => {
    const chunks: string[] = [];
    await main({ batches: 3, stdout: (t) => chunks.push(t), master: 'local[2]' });
    const printed = chunks.map((c) => (c.endsWith('\n') ? c : `${c}\n`)).join('');
    expect(printed).toBe(block(1000, EXPECTED) + block(2000, EXPECTED) + block(3000, EXPECTED));
  });
});
