import { describe, expect, it } from 'vitest';
import { JavaHashMap } from './javaHashMap';

const keys = (m: JavaHashMap<unknown, unknown>) => { const out: unknown[] = []; m.forEach((k) => out.push(k)); return out; };

describe('JavaHashMap', () => {
  it('iterates small integer keys in bucket order, as java.util.HashMap does', () => {
    const m = new JavaHashMap<number, string>();
    for (const k of [20, 3, 17, 1]) m.changeValue(k, () => `v${k}`);
    // capacity 16: 17 and 1 share bucket 1 (17 went in first), 3 is in bucket 3, 20 in bucket 4
    expect(keys(m)).toEqual([17, 1, 3, 20]);
  });

  it('keeps insertion order within a bucket across a resize and spreads keys into the doubled table', () => {
    const m = new JavaHashMap<number, number>();
    for (let k = 0; k < 13; k++) m.changeValue(k * 16, () => k);   // all in bucket 0 at capacity 16; the 13th resizes to 32
    expect(keys(m)).toEqual([0, 32, 64, 96, 128, 160, 192, 16, 48, 80, 112, 144, 176]);
  });

  it('updates existing keys in place and removes keys', () => {
    const m = new JavaHashMap<string, number[]>();
    m.changeValue('a', () => [1]);
    m.changeValue('a', (had, old) => (had ? [...old!, 2] : [0]));
    m.changeValue('b', () => [3]);
    m.remove('b');
    m.remove('missing');
    expect(m.get('a')).toEqual([1, 2]);
    expect(m.get('b')).toBeUndefined();
    expect(m.size).toBe(1);
  });
});
