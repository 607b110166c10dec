import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { main } from './wordcount-batch';

/**
 * Spark's output for the same program and text on local[2]: parallelize makes 2 partitions of lines,
 * reduceByKey keeps 2; keys go by String.hashCode mod 2, each map output is sorted by key hash, and the
 * reduce side iterates Spark's AppendOnlyMap.
 */
const SPARK_OUTPUT = [
  '(is,1)', '(troubles,1)', '(mind,1)', '(tis,1)', '(slings,1)', '(arrows,1)', '(question,1)', '(nobler,1)', '(outrageous,1)',
  '(not,1)', '(that,1)', '(or,2)', '(a,1)', '(be,2)', '(against,1)', '(to,4)', '(arms,1)', '(in,1)', '(suffer,1)', '(of,2)',
  '(sea,1)', '(take,1)', '(whether,1)', '(and,1)', '(fortune,1)', '(the,3)',
].join('\n') + '\n';

describe('examples/wordcount-batch.ts', () => {
  it('prints Spark\'s (word,count) lines in Spark\'s order', async () => {
    const chunks: string[] = [];
    await main({ stdout: (t) => chunks.push(t) });
    expect(chunks.join('')).toBe(SPARK_OUTPUT);
  });

  it('counts other text, with one slot as with several', async () => {
    const one: string[] = [], four: string[] = [];
    await main({ stdout: (t) => one.push(t), master: 'local[1]', lines: ['a b a', '', 'b a'] });
    await main({ stdout: (t) => four.push(t), master: 'local[4]', lines: ['a b a', '', 'b a'] });
    expect(one.join('')).toBe('(a,3)\n(b,2)\n');
    expect(new Set(four)).toEqual(new Set(['(a,3)\n', '(b,2)\n']));
  });

  it('runs as a program: npm run pipeline -- examples/wordcount-batch.ts', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/pipeline.ts', 'examples/wordcount-batch.ts'], { encoding: 'utf8', timeout: 60_000 });
    expect(out).toBe(SPARK_OUTPUT);
  }, 60_000);
});
