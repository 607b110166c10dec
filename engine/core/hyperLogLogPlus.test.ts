import { describe, expect, it } from 'vitest';
import { HyperLogLogPlus, murmurHash64 } from './hyperLogLogPlus';

const enc = new TextEncoder();

describe('HyperLogLogPlus (stream-lib, dense)', () => {
  // com.clearspring.analytics.hash.MurmurHash.hash64(String) as Spark 3.5.9's stream-lib prints it.
  it.each([
    ['', '-7207201254813729732'], ['a', '584566915021039271'], ['abc', '-3600451775755102027'], ['0', '3482904090867950579'],
    ['12345678', '1123327355903392148'], ['123456789', '-2019225991244942874'], ['hello world, longer text', '-4595804078315186887'],
  ])('MurmurHash.hash64(%j)', (s, expected) => {
    expect(BigInt.asIntN(64, murmurHash64(enc.encode(s))).toString()).toBe(expected);
  });

  it('merging per-partition sketches equals one sketch of everything', () => {
    const all = new HyperLogLogPlus(10), a = new HyperLogLogPlus(10), b = new HyperLogLogPlus(10);
    for (let i = 0; i < 3000; i++) { all.offer(i); (i % 2 ? a : b).offer(i); }
    a.addAll(b);
    expect(a.registers).toEqual(all.registers);
    expect(a.cardinality()).toBe(all.cardinality());
  });

  it('small sets count exactly (linear counting), duplicates once', () => {
    const h = new HyperLogLogPlus(12);
    for (let i = 0; i < 200; i++) h.offer(`k${i % 50}`);
    expect(h.cardinality()).toBe(50);
  });
});
