/**
 * Runs `RddDoctest` cases on Spark's two local shapes: `local[4]` (one executor with four slots, the PySpark
 * doctests' own master) and `local-cluster[2,2,1024]` (two executor processes, so every shuffle and
 * closure crosses a process boundary). Results must equal Spark's, order included unless a case says not.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { SparkConf } from '../../core/conf';
import { SparkContext } from '../SparkContext';
import type { RddDoctest } from './doctestCase';

export const DOCTEST_MASTERS = ['local[4]', 'local-cluster[2,2,1024]'] as const;

const canonical = (x: unknown): string => JSON.stringify(x, (_k, v: unknown) =>
  v instanceof Map ? { map: [...v.entries()].map(([k, w]) => [canonical(k), w]).sort() } :
  v instanceof Set ? { set: [...v].map(canonical).sort() } : v);

/** What is compared: arrays stay arrays, iterables (CompactBuffer, generators' results) become arrays. */
export function comparable(x: unknown): unknown {
  if (x instanceof Map) return new Map([...x].map(([k, v]) => [comparable(k), comparable(v)]));
  if (Array.isArray(x)) return x.map(comparable);
  if (x !== null && typeof x === 'object' && Symbol.iterator in x && typeof x !== 'string') return [...(x as Iterable<unknown>)].map(comparable);
  return x;
}

export function runDoctests(suite: string, cases: RddDoctest[]): void {
  for (const master of DOCTEST_MASTERS) {
    describe(`${suite} on ${master}`, () => {
      const sc = new SparkContext(new SparkConf().setMaster(master).setAppName(suite));
      afterAll(() => sc.stop());
      for (const c of cases) {
        it(c.source, async () => {
          if (c.error !== undefined) {
            await expect(async () => { await c.run(sc); }).rejects.toThrow(c.error);
            return;
          }
          const actual = comparable(await c.run(sc));
          const expected = comparable(c.expected);
          if (c.unordered && Array.isArray(actual) && Array.isArray(expected)) {
            expect(actual.map(canonical).sort()).toEqual(expected.map(canonical).sort());
          } else {
            expect(actual).toEqual(expected);
          }
        });
      }
    });
  }
}
