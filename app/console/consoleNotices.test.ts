import { describe, expect, it } from 'vitest';
import { consoleNotices } from './consoleNotices';
import type { ConsoleError } from './consoleModel';

const warn = (id: number, message: string): ConsoleError => ({ id, level: 'warning', message });

describe('consoleNotices', () => {
  it('folds a repeated message into one banner with a count, newest first', () => {
    const n = consoleNotices([warn(1, 'a'), warn(2, 'b'), warn(3, 'a')], new Set());
    expect(n.map((x) => [x.message, x.count, x.id])).toEqual([['a', 2, 3], ['b', 1, 2]]);
  });
  it('folds the same failure of every batch into one banner showing the newest batch', () => {
    const job = (id: number, t: number): ConsoleError => ({ id, level: 'error', message: `Error running job streaming job ${t} ms.0`, cause: `Could not compute split, block input-0-${t} of RDD ${id} not found` });
    const n = consoleNotices([job(1, 1000), warn(2, 'b'), job(3, 2000)], new Set());
    expect(n.map((x) => [x.message, x.count, x.id, x.cause])).toEqual([
      ['Error running job streaming job 2000 ms.0', 2, 3, 'Could not compute split, block input-0-2000 of RDD 3 not found'], ['b', 1, 2, undefined]]);
  });
  it('leaves dismissed entries out', () => {
    const n = consoleNotices([warn(1, 'a'), warn(2, 'b'), warn(3, 'a')], new Set([1, 3]));
    expect(n.map((x) => x.message)).toEqual(['b']);
  });
  it('keeps an error and a warning with the same words apart', () => {
    const n = consoleNotices([warn(1, 'x'), { id: 2, level: 'error', message: 'x' }], new Set());
    expect(n).toHaveLength(2);
  });
});
