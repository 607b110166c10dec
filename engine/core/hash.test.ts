import { describe, expect, it } from 'vitest';
import { CompactBuffer } from './compactBuffer';
import {
  bytesHash, finalizeHash, hashCodeOf, javaDoubleHashCode, javaStringHashCode, mapHash, mix, murmur3HashInt,
  nonNegativeMod, orderedHash, partitionKeyHash, partitionKeySlotHash, partitionKeySlotHashOf, partitionOf, productSeed, scalaDoubleHash,
  scalaHash, seqHash, seqSeed, setHash, slotHashOf, tuple2Hash, tupleHash,
} from './hash';
import { None, Some } from './option';
import { Duration, Time } from './time';

// Reference values below were produced on a JVM (OpenJDK 17, Guava 31.1): String.hashCode,
// Long.hashCode, Double.hashCode, Float.hashCode, Hashing.murmur3_32(seed).hashBytes/hashInt.

const javaStrings: [string, number][] = [["", 0], ["a", 97], ["hello", 99162322], ["Aa", 2112], ["BB", 2112], ["polygenelubricants", -2147483648], ["hello world", 1794106052], ["spark", 109638365], ["#spark", 1111658650], ["日本語", 25921943], ["😀", 1772899]];
const guavaHashInt: [number, number][] = [[0, 593689054], [1, -68075478], [2, 1085422463], [3, 847579505], [4, 1889779975], [5, 236698494], [6, -975490194], [7, 1343918321], [8, -1822472975], [9, 101886131], [10, -848998979], [-1, 1982413648], [42, -1134849565], [99162322, 1715862179], [-2147483648, -1718298732], [2147483647, -1653689534], [123456789, -1088346449]];
/** [utf-8 text, seed, Guava murmur3_32(seed).hashBytes(bytes) = Scala MurmurHash3.bytesHash(bytes, seed)] */
const murmurBytes: [string, number, number][] = [["", 0, 0], ["", 1, 1364076727], ["", 1007110753, -1579025880], ["", -1, -2114883783], ["", 1234, 254590987], ["a", 0, 1009084850], ["a", 1, 1485495528], ["a", 1007110753, -1188936396], ["a", -1, 711476519], ["a", 1234, 1374314456], ["ab", 0, -1681926305], ["ab", 1, -1207461050], ["ab", 1007110753, 799217227], ["ab", -1, -1350713883], ["ab", 1234, 2021260250], ["abc", 0, -1277324294], ["abc", 1, -1435112961], ["abc", 1007110753, -1711301140], ["abc", -1, -58670417], ["abc", 1234, -433716186], ["abcd", 0, 1139631978], ["abcd", 1, -1678424686], ["abcd", 1007110753, -611886717], ["abcd", -1, 729662808], ["abcd", 1234, 893017187], ["hello", 0, 613153351], ["hello", 1, -1152729939], ["hello", 1007110753, -655451736], ["hello", -1, 595297739], ["hello", 1234, -2043543705], ["Hello, world!", 0, -1070186941], ["Hello, world!", 1, -1436694437], ["Hello, world!", 1007110753, -215947956], ["Hello, world!", -1, 131250100], ["Hello, world!", 1234, -84488781], ["The quick brown fox jumps over the lazy dog", 0, 776992547], ["The quick brown fox jumps over the lazy dog", 1, 2028379687], ["The quick brown fox jumps over the lazy dog", 1007110753, 155064144], ["The quick brown fox jumps over the lazy dog", -1, 590642366], ["The quick brown fox jumps over the lazy dog", 1234, 662953101]];
/** [Long value, Long.hashCode] */
const javaLongs: [number, number][] = [[2147483648, -2147483648], [-2147483649, -2147483648], [4294967296, 1], [4294967301, 4], [-4294967296, -1], [9007199254740991, -2097152], [-9007199254740991, -2097151], [1234567890123, 1912276436], [-1234567890123, 1912276437]];
/** [Double.toString, Double.hashCode, Float.hashCode((float) d), (double)(float) d == d] */
const javaDoubles: [string, number, number, boolean][] = [["0.1", -1507852285, 1036831949, false], ["1.5", 1073217536, 1069547520, true], ["0.5", 1071644672, 1056964608, true], ["-2.25", -1073610752, -1072693248, true], ["3.14159", -1340954729, 1078530000, false], ["1.0E-300", -1017275066, 0, false], ["1.0E21", -1834355276, 1649989415, false], ["-0.75", -1075314688, -1086324736, true], ["123.456", 1522623320, 1123477881, false], ["NaN", 2146959360, 2143289344, false], ["Infinity", 2146435072, 2139095040, true], ["-Infinity", -1048576, -8388608, true], ["1.0E300", -164130400, 2139095040, false], ["2.5E-8", -1528399686, 852934549, false], ["9999999.0", -1587342641, 1259902591, true], ["1.0E7", 1097011920, 1259902592, true], ["0.001", -308163663, 981668463, false], ["1.0E-4", -737774129, 953267991, false], ["1.0E-5", -1241018300, 925353388, false], ["1.23456789E7", -1649721116, 1262248271, false]];

const utf8 = (s: string) => Array.from(new TextEncoder().encode(s));

describe('Java hashCode of primitives', () => {
  it.each(javaStrings)('String.hashCode(%j) = %i', (s, h) => {
    expect(javaStringHashCode(s)).toBe(h);
    expect(hashCodeOf(s)).toBe(h);
    expect(scalaHash(s)).toBe(h);
  });
  it.each(javaLongs)('Long.hashCode(%d) = %i', (v, h) => {
    expect(hashCodeOf(v)).toBe(h);
    expect(hashCodeOf(BigInt(v))).toBe(h);
    expect(scalaHash(v)).toBe(h); // a Long outside int range: ## = hashCode
  });
  it.each(javaDoubles)('Double.hashCode(%s) = %i', (s, h, fh, isFloat) => {
    const d = Number(s);
    expect(javaDoubleHashCode(d)).toBe(h);
    if (!Number.isSafeInteger(d)) {
      expect(hashCodeOf(d)).toBe(h);
      // Scala ## of a boxed Double: the Float's hash when exactly representable as a Float
      const integralLong = Number.isInteger(d) && Math.abs(d) < 2 ** 63;
      if (!integralLong) expect(scalaDoubleHash(d)).toBe(isFloat ? fh : h);
    }
  });
  const ints: [unknown, number][] = [[0, 0], [1, 1], [-1, -1], [2147483647, 2147483647], [-2147483648, -2147483648], [-0, 0]];
  it.each(ints)('Integer.hashCode(%j) = %i', (v, h) => expect(hashCodeOf(v)).toBe(h));
  const others: [string, unknown, number][] = [
    ['true', true, 1231], ['false', false, 1237], ['null', null, 0], ['undefined', undefined, 0],
    ['None', None, javaStringHashCode('None')],
  ];
  it.each(others)('hashCode(%s)', (_n, v, h) => expect(hashCodeOf(v)).toBe(h));
  it('Scala ## of integral doubles beyond 2^53 hashes as a Long (Statics.doubleHash)', () => {
    expect(scalaDoubleHash(2 ** 60)).toBe(2 ** 28); // Long.hashCode(2^60) = 2^28
    expect(scalaDoubleHash(-(2 ** 31))).toBe(-(2 ** 31));
    expect(scalaDoubleHash(-(2 ** 63))).toBe(-2147483648); // Long.hashCode(Long.MinValue)
    expect(scalaDoubleHash(2 ** 63)).toBe(-2147483648); // (long) saturates to Long.MaxValue == 2^63
    expect(scalaDoubleHash(2 ** 64)).toBe(0x5f800000); // Float.hashCode(2^64f)
  });
});

describe('MurmurHash3 (Scala 2.12 / Guava murmur3_32)', () => {
  it.each(guavaHashInt)('Guava murmur3_32().hashInt(%i) = %i', (x, h) => expect(murmur3HashInt(x)).toBe(h));
  it.each(murmurBytes)('bytesHash(%j, seed %i) = %i', (s, seed, h) => expect(bytesHash(utf8(s), seed)).toBe(h));
  it('public MurmurHash3_x86_32 vectors', () => {
    const cases: [number[], number, number][] = [
      [[], 0, 0], [[], 1, 0x514e28b7], [[], 0xffffffff, 0x81f16f39 | 0],
      [[0, 0, 0, 0], 0, 0x2362f9de], [[0x21, 0x43, 0x65, 0x87], 0, 0xf55b516b | 0],
      [[0x21, 0x43, 0x65, 0x87], 0x5082edee, 0x2362f9de], [[0x21, 0x43, 0x65], 0, 0x7e4a8634],
      [[0x21, 0x43], 0, 0xa0f7b07a | 0], [[0x21], 0, 0x72661cf4], [[0xff, 0xff, 0xff, 0xff], 0, 0x76293b50],
      [[0, 0, 0], 0, 0x85f0b427 | 0], [[0, 0], 0, 0x30f4c306], [[0], 0, 0x514e28b7],
    ];
    for (const [bytes, seed, h] of cases) expect(bytesHash(bytes, seed)).toBe(h);
  });
  it('hashInt equals hashing the 4 little-endian bytes with seed 0', () => {
    for (const x of [0, 1, -1, 123456789, -987654321]) {
      expect(murmur3HashInt(x)).toBe(bytesHash([x & 255, (x >>> 8) & 255, (x >>> 16) & 255, x >>> 24], 0));
    }
  });
});

/** A straightforward (slow, BigInt-free) restatement of Scala 2.12 productHash for cross-checking. */
function refProductHash(elems: number[]): number {
  let h = 0xcafebabe | 0;
  for (const e of elems) h = mix(h, e);
  return finalizeHash(h, elems.length);
}

describe('Scala products and collections', () => {
  const tuples: [string, unknown[], number[]][] = [
    ['(1,2)', [1, 2], [1, 2]],
    ['(a,1)', ['a', 1], [97, 1]],
    ['(hello,(1,x))', ['hello', [1, 'x']], [99162322, refProductHash([1, 120])]],
    ['(0.5,true)', [0.5, true], [1056964608, 1231]], // ## of a boxed 0.5 is Float.hashCode(0.5f)
    ['(null,5000000000)', [null, 5000000000], [0, hashCodeOf(5000000000)]],
    ['(1,2,3)', [1, 2, 3], [1, 2, 3]],
    ['(x)', ['x'], [120]],
  ];
  it.each(tuples)('productHash%s', (_n, t, elemHashes) => {
    expect(tupleHash(t)).toBe(refProductHash(elemHashes));
    expect(hashCodeOf(t)).toBe(refProductHash(elemHashes));
    if (t.length === 2) expect(tuple2Hash(t[0], t[1])).toBe(hashCodeOf(t));
  });
  it('partitionKeyHash(p, k) is the hashCode of the tuple (p, k)', () => {
    for (const k of ['a', 'hello', 42, -3, 0.25, ['x', 1], null]) {
      for (const p of [0, 1, 7, 199]) expect(partitionKeyHash(p, k)).toBe(hashCodeOf([p, k]));
    }
  });
  it('Some(x) is a Product1, None hashes as "None"', () => {
    expect(hashCodeOf(Some(1))).toBe(refProductHash([1]));
    expect(hashCodeOf(Some('a'))).toBe(refProductHash([97]));
    expect(hashCodeOf(Some(Some(2)))).toBe(refProductHash([refProductHash([2])]));
    expect(hashCodeOf(None)).toBe(2433880);
  });
  it('Time and Duration are case classes over a Long', () => {
    expect(hashCodeOf(new Time(1000))).toBe(refProductHash([1000]));
    expect(hashCodeOf(new Duration(5000000000))).toBe(refProductHash([hashCodeOf(5000000000)]));
  });
  it('CompactBuffer hashes as a Scala Seq (orderedHash with seqSeed), unlike a tuple', () => {
    expect(seqSeed).toBe(83010 - 3); // "Seq".hashCode = 83007
    const b = CompactBuffer.of(1, 2, 3);
    let h = seqSeed;
    for (const x of [1, 2, 3]) h = mix(h, x);
    expect(hashCodeOf(b)).toBe(finalizeHash(h, 3));
    expect(seqHash([1, 2, 3])).toBe(finalizeHash(h, 3));
    expect(orderedHash([], seqSeed)).toBe(finalizeHash(seqSeed, 0));
    expect(hashCodeOf(b)).not.toBe(hashCodeOf([1, 2, 3]));
  });
  it('Map and Set hash independently of insertion order', () => {
    expect(mapHash(new Map([['a', 1], ['b', 2]]))).toBe(mapHash(new Map([['b', 2], ['a', 1]])));
    expect(setHash(new Set([1, 2, 3]))).toBe(hashCodeOf(new Set([3, 2, 1])));
  });
  it('plain objects hash structurally, key order ignored (studio extension)', () => {
    expect(hashCodeOf({ a: 1, b: 'x' })).toBe(hashCodeOf({ b: 'x', a: 1 }));
    expect(hashCodeOf({ a: 1 })).not.toBe(hashCodeOf({ a: 2 }));
  });
  it('productSeed is 0xcafebabe as an Int', () => expect(productSeed).toBe(-889275714));
});

describe('shuffle-map hot paths agree with the general functions', () => {
  const keys: unknown[] = ['hello', '', 'polygenelubricants', 0, -1, 42, 5000000000, 0.5, 0.1, NaN, true, null, ['a', 1], Some(3), CompactBuffer.of(1)];
  it.each(keys.map((k) => [k]))('slotHashOf(%j) = murmur3HashInt(hashCodeOf(k))', (k) => {
    expect(slotHashOf(k)).toBe(murmur3HashInt(hashCodeOf(k)));
    for (const p of [0, 1, 5]) expect(partitionKeySlotHash(p, k)).toBe(murmur3HashInt(hashCodeOf([p, k])));
  });
  it.each(['hello', '', 'polygenelubricants', 'é😀'].map((k) => [k]))('a string key %j: its hashCode gives both its hash partition and its slot hash', (k) => {
    const kh = javaStringHashCode(k);
    for (const n of [1, 2, 7]) expect(nonNegativeMod(kh, n)).toBe(partitionOf(k, n));
    for (const p of [0, 1, 5]) expect(partitionKeySlotHashOf(p, kh)).toBe(partitionKeySlotHash(p, k));
  });
});

describe('HashPartitioner', () => {
  const mods: [number, number, number][] = [[7, 3, 1], [-7, 3, 2], [0, 5, 0], [-2147483648, 10, 2], [99162322, 2, 0], [-1, 2, 1]];
  it.each(mods)('nonNegativeMod(%i, %i) = %i', (x, m, r) => expect(nonNegativeMod(x, m)).toBe(r));
  it('nonNegativeMod never returns -0 (a negative multiple of mod)', () => expect(Object.is(nonNegativeMod(-6, 3), 0)).toBe(true));
  const parts: [unknown, number, number][] = [
    ['hello', 2, 0], ['hello', 3, 99162322 % 3], ['polygenelubricants', 7, nonNegativeMod(-2147483648, 7)],
    [null, 5, 0], [undefined, 5, 0], [4, 2, 0], [5, 2, 1], [-5, 2, 1], ['Aa', 4, 2112 % 4],
  ];
  it.each(parts)('partitionOf(%j, %i) = %i', (k, n, p) => expect(partitionOf(k, n)).toBe(p));
});
