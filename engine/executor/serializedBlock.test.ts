import { describe, expect, it } from 'vitest';
import { CompactBuffer } from '../core/compactBuffer';
import { None, Some } from '../core/option';
import { Time } from '../core/time';
import type { StorageLevelDesc } from '../rdd/storageLevel';
import { BlockManager } from './blockManager';

const level = (deserialized: boolean): StorageLevelDesc => ({ useDisk: false, useMemory: true, useOffHeap: false, deserialized, replication: 1 });
const MEMORY_ONLY_SER = level(false), MEMORY_ONLY = level(true);

class Counter { n = 1; }

describe('BlockManager: RDD blocks at a serialized level', () => {
  it.each([
    ['packed integer tuples', Array.from({ length: 200 }, (_, i) => [i, i * 2])],
    ['a short array of tuples', [['a', 1], ['b', 2]]],
    ['numbers', Array.from({ length: 100 }, (_, i) => i / 3)],
    ['repeating strings', Array.from({ length: 100 }, (_, i) => `w${i % 7}`)],
    ['distinct strings', Array.from({ length: 100 }, (_, i) => `line ${i}`)],
    ['engine values', [['k', Some(1)], ['n', None], ['b', CompactBuffer.of(1, 2)], ['t', new Time(5)], ['z', -0]]],
  ])('%s: every read returns equal, fresh records', (_name, values) => {
    const bm = new BlockManager('0');
    bm.put('rdd_1_0', values, MEMORY_ONLY_SER);
    const first = bm.get('rdd_1_0')!;
    expect(first).toEqual(values);
    expect(first).not.toBe(values);
    if (Array.isArray(first[0])) (first[0] as unknown[])[0] = 'changed'; else first[0] = 'changed';
    first.push('extra');
    expect(bm.get('rdd_1_0')).toEqual(values);
  });

  it('a state mutated in place after it was stored does not change the stored version', () => {
    const bm = new BlockManager('0');
    const state: [string, number[]][] = [['k', [1]]];
    bm.put('rdd_2_0', state, MEMORY_ONLY_SER);
    state[0][1].push(2);
    expect(bm.get('rdd_2_0')).toEqual([['k', [1]]]);
  });

  it('records the codec cannot encode are kept as they are, as a deserialized level keeps them', () => {
    const bm = new BlockManager('0');
    const values = [new Counter()];
    bm.put('rdd_3_0', values, MEMORY_ONLY_SER);
    expect(bm.get('rdd_3_0')).toBe(values);
  });

  it('a deserialized level and a received block keep the records themselves', () => {
    const bm = new BlockManager('0');
    const values = [[1, 2]];
    bm.put('rdd_4_0', values, MEMORY_ONLY);
    bm.put('input-0-1', values, MEMORY_ONLY_SER);
    expect(bm.get('rdd_4_0')).toBe(values);
    expect(bm.get('input-0-1')).toBe(values);
  });

  it('reports the block with its record count', () => {
    const bm = new BlockManager('0');
    bm.put('rdd_5_0', Array.from({ length: 70 }, (_, i) => [i, i]), MEMORY_ONLY_SER);
    expect(bm.drainUpdates()).toEqual([expect.objectContaining({ blockId: 'rdd_5_0', storageLevel: 'MEMORY_ONLY_SER', records: 70 })]);
  });
});
