/**
 * Exact ports of the JVM generators Spark uses: `JavaRandom` (java.util.Random, the 48-bit LCG bit for bit) and
 * `XORShiftRandom` (org.apache.spark.util.random.XORShiftRandom on top of java.util.Random's nextInt/nextDouble/
 * nextGaussian). Longs are bigint where the JVM uses a long (seeds, nextLong); 64-bit state is kept as two
 * 32-bit halves for speed.
 */
import { bytesHash } from './hash';
import { errors } from './errors';

/** Marsaglia's polar method, as java.util.Random.nextGaussian: two standard normals from uniform draws. */
export function polarGaussianPair(nextDouble: () => number): [number, number] {
  let v1: number, v2: number, s: number;
  do {
    v1 = 2 * nextDouble() - 1;
    v2 = 2 * nextDouble() - 1;
    s = v1 * v1 + v2 * v2;
  } while (s >= 1 || s === 0);
  const multiplier = Math.sqrt((-2 * Math.log(s)) / s);
  return [v1 * multiplier, v2 * multiplier];
}

const TWO_24 = 16777216;
const MULT_LO = 0xece66d; // 0x5DEECE66D split at bit 24
const MULT_HI = 0x5de;

function toLong(seed: number | bigint): bigint {
  if (typeof seed === 'bigint') return BigInt.asIntN(64, seed);
  if (!Number.isInteger(seed)) throw errors.javaSeedNotInteger(seed);
  return BigInt.asIntN(64, BigInt(seed));
}

/**
 * java.util.Random: the 48-bit LCG and its derived methods, bit for bit. Subclasses override
 * `next(bits)` (and `setSeed`) exactly as Java subclasses do.
 */
export class JavaRandom {
  // 48-bit state as two 24-bit halves (exact double arithmetic, no BigInt on the hot path).
  private hi = 0;
  private lo = 0;
  protected haveNextNextGaussian = false;
  private nextNextGaussian = 0;

  constructor(seed: number | bigint) {
    this.setSeed(seed);
  }

  /** Java's setSeed: (seed ^ 0x5DEECE66D) & (2^48 - 1); clears the cached Gaussian. */
  setSeed(seed: number | bigint): void {
    const s = BigInt.asUintN(48, toLong(seed) ^ 0x5deece66dn);
    this.hi = Number(s >> 24n);
    this.lo = Number(s & 0xffffffn);
    this.haveNextNextGaussian = false;
  }

  /** Java's protected next(bits): the top `bits` bits of the advanced 48-bit state, as an int. */
  protected next(bits: number): number {
    const p = this.lo * MULT_LO + 0xb;
    const carry = Math.floor(p / TWO_24);
    const lo = p - carry * TWO_24;
    const q = this.hi * MULT_LO + this.lo * MULT_HI + carry;
    const hi = q - Math.floor(q / TWO_24) * TWO_24;
    this.hi = hi;
    this.lo = lo;
    return Math.floor((hi * TWO_24 + lo) / 2 ** (48 - bits)) | 0;
  }

  /** nextInt(): 32 random bits as a signed int. */
  nextInt(): number;
  /** nextInt(bound): uniform in [0, bound), Java's rejection loop. */
  nextInt(bound: number): number;
  nextInt(bound?: number): number {
    if (bound === undefined) return this.next(32);
    if (!(bound > 0) || (bound | 0) !== bound) throw errors.javaBoundNotPositive();
    let r = this.next(31);
    const m = bound - 1;
    if ((bound & m) === 0) return Math.floor((bound * r) / 2147483648) | 0;
    for (let u = r; ((u - (r = u % bound) + m) | 0) < 0; u = this.next(31));
    return r;
  }

  /** nextLong(): ((long) next(32) << 32) + next(32). */
  nextLong(): bigint {
    const a = this.next(32);
    const b = this.next(32);
    return BigInt.asIntN(64, (BigInt(a) << 32n) + BigInt(b));
  }

  /** nextDouble(): ((long) next(26) << 27) + next(27)) * 2^-53. */
  nextDouble(): number {
    return (this.next(26) * 134217728 + this.next(27)) / 9007199254740992;
  }

  nextFloat(): number {
    return this.next(24) / TWO_24;
  }

  nextBoolean(): boolean {
    return this.next(1) !== 0;
  }

  /** Java's polar-method nextGaussian (JS Math.log/sqrt for StrictMath: equal in practice, see tests). */
  nextGaussian(): number {
    if (this.haveNextNextGaussian) {
      this.haveNextNextGaussian = false;
      return this.nextNextGaussian;
    }
    const [g, spare] = polarGaussianPair(() => this.nextDouble());
    this.nextNextGaussian = spare;
    this.haveNextNextGaussian = true;
    return g;
  }
}

/**
 * Spark's XORShiftRandom.hashSeed: MurmurHash3.bytesHash over the 8 big-endian bytes of the
 * seed gives the low 32 bits; hashing the same bytes again seeded with them gives the high 32.
 */
export function xorShiftHashSeed(seed: number | bigint): bigint {
  const s = BigInt.asUintN(64, toLong(seed));
  const bytes: number[] = [];
  for (let i = 7; i >= 0; i--) bytes.push(Number((s >> BigInt(8 * i)) & 0xffn));
  const lowBits = bytesHash(bytes); // MurmurHash3.arraySeed
  const highBits = bytesHash(bytes, lowBits);
  return BigInt.asIntN(64, (BigInt(highBits) << 32n) | BigInt(lowBits >>> 0));
}

/**
 * Spark's org.apache.spark.util.random.XORShiftRandom(init): java.util.Random with `next(bits)`
 * replaced by Marsaglia's xorshift (21, 35, 4) over a 64-bit seed hashed by `xorShiftHashSeed`.
 * `new XORShiftRandom(partitionIndex).nextInt(numPartitions)` is repartition's start position.
 */
export class XORShiftRandom extends JavaRandom {
  private sHi = 0;
  private sLo = 0;

  constructor(init: number | bigint) {
    super(init); // calls the overridden setSeed, as Java's Random(long) does for subclasses
    this.setSeed(init);
  }

  /** Spark's override: re-hash the seed (does not clear the cached Gaussian, as in Spark). */
  override setSeed(s: number | bigint): void {
    const h = BigInt.asUintN(64, xorShiftHashSeed(s));
    this.sHi = Number(h >> 32n) | 0;
    this.sLo = Number(h & 0xffffffffn) | 0;
  }

  /** The current 64-bit seed (for tests and checkpoints). */
  get seed(): bigint {
    return BigInt.asIntN(64, (BigInt(this.sHi >>> 0) << 32n) | BigInt(this.sLo >>> 0));
  }

  protected override next(bits: number): number {
    const hi0 = this.sHi, lo0 = this.sLo;
    // nextSeed = seed ^ (seed << 21)
    let hi = hi0 ^ ((hi0 << 21) | (lo0 >>> 11));
    let lo = lo0 ^ (lo0 << 21);
    // nextSeed ^= nextSeed >>> 35
    lo ^= hi >>> 3;
    // nextSeed ^= nextSeed << 4
    hi ^= (hi << 4) | (lo >>> 28);
    lo ^= lo << 4;
    this.sHi = hi;
    this.sLo = lo;
    return bits >= 32 ? lo | 0 : lo & (2 ** bits - 1);
  }
}
