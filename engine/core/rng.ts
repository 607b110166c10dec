/**
 * Randomness for the engine. Nothing in engine/ calls Math.random(): a seeded generator is passed in.
 *
 * - `Rng`: the studio's fast seeded generator (sfc32, 128-bit state, seeded through splitmix32)
 *   with the distributions the simulated sources need (uniform, Gaussian, Zipf, Poisson,
 *   exponential) and `fork(label)` for independent, reproducible sub-streams.
 * - Exact ports for Spark fidelity: `JavaRandom` (java.util.Random), `XORShiftRandom` (Spark's
 *   org.apache.spark.util.random.XORShiftRandom on top of java.util.Random's nextInt/nextDouble/
 *   nextGaussian), `BernoulliSampler` / `GapSampling` / `GapSamplingReplacement` (Spark's
 *   RandomSampler.scala) and `partitionwiseSamplingSeeds` (PartitionwiseSampledRDD), so
 *   `rdd.sample(false, fraction, seed)` and `repartition` pick what Spark picks.
 *   Longs are bigint where the JVM uses a long (seeds, nextLong); 64-bit state is kept as two
 *   32-bit halves for speed.
 */
import { bytesHash, javaStringHashCode } from './hash';
import { errors } from './errors';

// ---------------------------------------------------------------------------------- studio Rng

/** splitmix32 step: a well-mixed 32-bit value from a counter (used only for seeding). */
function splitmix32(state: number): [next: number, out: number] {
  const next = (state + 0x9e3779b9) | 0;
  let t = next ^ (next >>> 16);
  t = Math.imul(t, 0x21f0aaad);
  t ^= t >>> 15;
  t = Math.imul(t, 0x735a2d97);
  t ^= t >>> 15;
  return [next, t >>> 0];
}

/** A seed as a 32-bit integer: numbers by value (low 32 bits), strings by a Murmur hash. */
function seedToUint32(seed: number | string): number {
  if (typeof seed === 'string') {
    const bytes: number[] = [];
    for (let i = 0; i < seed.length; i++) {
      const u = seed.charCodeAt(i);
      bytes.push(u & 0xff, u >>> 8);
    }
    return bytesHash(bytes, 0x5eed) >>> 0;
  }
  if (!Number.isFinite(seed)) throw errors.rngSeedNotFinite(seed);
  const lo = Math.trunc(seed) % 4294967296;
  const hi = Math.trunc(Math.trunc(seed) / 4294967296);
  return (lo ^ Math.imul(hi | 0, 0x9e3779b1)) >>> 0;
}

/**
 * The studio's seeded generator: sfc32 (Chris Doty-Humphrey's Small Fast Chaotic PRNG), a
 * 128-bit state seeded via splitmix32. Same seed ⇒ same stream, in the browser and in Node.
 */
/** Marsaglia's polar method, as java.util.Random.nextGaussian: two standard normals from uniform draws. */
function polarGaussianPair(nextDouble: () => number): [number, number] {
  let v1: number, v2: number, s: number;
  do {
    v1 = 2 * nextDouble() - 1;
    v2 = 2 * nextDouble() - 1;
    s = v1 * v1 + v2 * v2;
  } while (s >= 1 || s === 0);
  const multiplier = Math.sqrt((-2 * Math.log(s)) / s);
  return [v1 * multiplier, v2 * multiplier];
}

export class Rng {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;
  private spareGaussian: number | undefined = undefined;
  private zipfCache: Map<string, ZipfSampler> | undefined;
  /** The 32-bit key this generator was seeded with; `fork` derives children from it. */
  readonly seedKey: number;

  constructor(seed: number | string = 0) {
    this.seedKey = seedToUint32(seed);
    let s = this.seedKey;
    let out: number;
    [s, out] = splitmix32(s); this.a = out | 0;
    [s, out] = splitmix32(s); this.b = out | 0;
    [s, out] = splitmix32(s); this.c = out | 0;
    [s, out] = splitmix32(s); this.d = out | 0;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** Next raw 32-bit output, unsigned. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  nextDouble(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Uniform integer in [0, n); n a positive integer up to 2^53. */
  nextInt(n: number): number {
    if (!(n > 0) || !Number.isInteger(n)) throw errors.nextIntBound(n);
    if (n <= 4294967296) return Math.floor((this.nextUint32() * n) / 4294967296);
    return Math.floor(this.nextDouble() * n);
  }

  /** Uniform integer in [min, max] (both inclusive). */
  nextIntBetween(min: number, max: number): number {
    return min + this.nextInt(max - min + 1);
  }

  /** Standard normal (Marsaglia polar method; the spare value is kept for the next call). */
  nextGaussian(mean = 0, stdDev = 1): number {
    if (this.spareGaussian !== undefined) {
      const g = this.spareGaussian;
      this.spareGaussian = undefined;
      return mean + stdDev * g;
    }
    const [g, spare] = polarGaussianPair(() => this.nextDouble());
    this.spareGaussian = spare;
    return mean + stdDev * g;
  }

  /** true with probability p (default 0.5). */
  nextBoolean(p = 0.5): boolean {
    return this.nextDouble() < p;
  }

  /** Exponential with the given rate (mean 1/rate): inter-arrival times. */
  nextExponential(rate = 1): number {
    return -Math.log(1 - this.nextDouble()) / rate;
  }

  /** A uniformly chosen element; throws on an empty array. */
  pick<T>(arr: readonly T[]): T {
    if (arr.length === 0) throw errors.pickFromEmpty();
    return arr[this.nextInt(arr.length)];
  }

  /** Shuffles in place (Fisher–Yates) and returns the array. */
  shuffle<T>(arr: T[]): T[] {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = this.nextInt(i + 1);
      const t = arr[i];
      arr[i] = arr[j];
      arr[j] = t;
    }
    return arr;
  }

  /** A Zipf-distributed rank in [1, n] with exponent s (P(k) ∝ 1/k^s); samplers are cached. */
  zipf(n: number, s: number): number {
    const key = `${n}:${s}`;
    this.zipfCache ??= new Map();
    let z = this.zipfCache.get(key);
    if (!z) {
      z = new ZipfSampler(n, s);
      this.zipfCache.set(key, z);
    }
    return z.sample(this);
  }

  /** Poisson-distributed count with the given mean (Knuth below 30, Hörmann's PTRS above). */
  poisson(mean: number): number {
    if (!(mean >= 0) || !Number.isFinite(mean)) throw errors.poissonMean(mean);
    if (mean === 0) return 0;
    if (mean < 30) {
      const limit = Math.exp(-mean);
      let k = 0;
      let p = this.nextDouble();
      while (p > limit) {
        k++;
        p *= this.nextDouble();
      }
      return k;
    }
    // PTRS: W. Hörmann, "The transformed rejection method for generating Poisson random variables" (1993).
    const slam = Math.sqrt(mean);
    const loglam = Math.log(mean);
    const b = 0.931 + 2.53 * slam;
    const a = -0.059 + 0.02483 * b;
    const invalpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.nextDouble() - 0.5;
      const v = this.nextDouble();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -mean + k * loglam - logGamma(k + 1)) return k;
    }
  }

  /**
   * An independent, reproducible stream for a named purpose. The child depends only on this
   * generator's seed and the label — not on how many values were drawn — so adding a draw
   * somewhere never shifts another component's stream.
   */
  fork(label: string): Rng {
    const h = javaStringHashCode(label);
    const [, mixed] = splitmix32((this.seedKey ^ Math.imul(h, 0x85ebca6b)) | 0);
    return new Rng((mixed ^ ((h >>> 16) | (h << 16))) >>> 0);
  }

  /** The full generator state (for checkpoints); restore with `Rng.fromState`. */
  getState(): [number, number, number, number, number] {
    return [this.a, this.b, this.c, this.d, this.seedKey];
  }

  static fromState(state: readonly [number, number, number, number, number]): Rng {
    const r = new Rng(state[4]);
    r.a = state[0] | 0;
    r.b = state[1] | 0;
    r.c = state[2] | 0;
    r.d = state[3] | 0;
    return r;
  }
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9): ~15 significant digits. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const g = 7;
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  const xx = x - 1;
  let a = c[0];
  const t = xx + g + 0.5;
  for (let i = 1; i < 9; i++) a += c[i] / (xx + i);
  return 0.5 * Math.log(2 * Math.PI) + (xx + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Zipf(n, s) by inverse CDF over a precomputed table: O(n) once, O(log n) per sample. */
export class ZipfSampler {
  private readonly cdf: Float64Array;

  constructor(readonly n: number, readonly s: number) {
    if (!(n >= 1) || !Number.isInteger(n)) throw errors.zipfN(n);
    if (!(s >= 0) || !Number.isFinite(s)) throw errors.zipfExponent(s);
    this.cdf = new Float64Array(n);
    let sum = 0;
    for (let k = 1; k <= n; k++) {
      sum += 1 / Math.pow(k, s);
      this.cdf[k - 1] = sum;
    }
    for (let i = 0; i < n; i++) this.cdf[i] /= sum;
    this.cdf[n - 1] = 1;
  }

  /** P(rank = k). */
  probability(k: number): number {
    if (k < 1 || k > this.n) return 0;
    return this.cdf[k - 1] - (k > 1 ? this.cdf[k - 2] : 0);
  }

  /** A rank in [1, n]. */
  sample(rng: { nextDouble(): number }): number {
    const u = rng.nextDouble();
    let lo = 0, hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cdf[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return lo + 1;
  }
}

// ---------------------------------------------------------------------------------- JVM ports

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

/** Spark's RandomSampler constants. */
export const RandomSamplerConstants = {
  defaultMaxGapSamplingFraction: 0.4,
  rngEpsilon: 5e-11,
  roundingEpsilon: 1e-6,
} as const;

/** Scala's Double.toInt: truncation, saturating at the Int range. */
function doubleToInt(d: number): number {
  if (d !== d) return 0;
  if (d >= 2147483647) return 2147483647;
  if (d <= -2147483648) return -2147483648;
  return Math.trunc(d);
}

/** Spark's GapSampling: geometric skips between sampled items (fraction in (0, 1)). */
export class GapSampling {
  private readonly lnq: number;
  private countForDropping = 0;

  constructor(private readonly f: number, private readonly rng: JavaRandom, private readonly epsilon = RandomSamplerConstants.rngEpsilon) {
    if (!(f > 0 && f < 1)) throw errors.samplingFractionOpen(f);
    if (!(epsilon > 0)) throw errors.samplingEpsilon(epsilon);
    this.lnq = Math.log1p(-f);
    this.advance();
  }

  /** 1 if the next item is sampled, else 0. */
  sample(): number {
    if (this.countForDropping > 0) {
      this.countForDropping--;
      return 0;
    }
    this.advance();
    return 1;
  }

  private advance(): void {
    const u = Math.max(this.rng.nextDouble(), this.epsilon);
    this.countForDropping = doubleToInt(Math.log(u) / this.lnq);
  }
}

/** Spark's GapSamplingReplacement: Poisson(f) counts with geometric skips over zeros (f > 0). */
export class GapSamplingReplacement {
  private readonly q: number;
  private countForDropping = 0;

  constructor(private readonly f: number, private readonly rng: JavaRandom, private readonly epsilon = RandomSamplerConstants.rngEpsilon) {
    if (!(f > 0)) throw errors.samplingFractionPositive(f);
    if (!(epsilon > 0)) throw errors.samplingEpsilon(epsilon);
    this.q = Math.exp(-f);
    this.advance();
  }

  private poissonGE1(): number {
    let pp = this.q + (1.0 - this.q) * this.rng.nextDouble();
    let r = 1;
    pp *= this.rng.nextDouble();
    while (pp > this.q) {
      r++;
      pp *= this.rng.nextDouble();
    }
    return r;
  }

  /** How many times the next item is sampled (0 = skipped). */
  sample(): number {
    if (this.countForDropping > 0) {
      this.countForDropping--;
      return 0;
    }
    const r = this.poissonGE1();
    this.advance();
    return r;
  }

  private advance(): void {
    const u = Math.max(this.rng.nextDouble(), this.epsilon);
    this.countForDropping = doubleToInt(Math.log(u) / -this.f);
  }
}

/**
 * Spark's BernoulliSampler(fraction): sampling without replacement. Call `setSeed` (as
 * PartitionwiseSampledRDD does per partition) before sampling. Fractions <= 0.4 use GapSampling
 * (created lazily on the first sample, after setSeed, as Spark's lazy val); above, one
 * nextDouble() <= fraction per item.
 */
export class BernoulliSampler<T = unknown> {
  private readonly rng: XORShiftRandom;
  private gapSampling: GapSampling | undefined;

  constructor(readonly fraction: number, seed: number | bigint = 0) {
    const eps = RandomSamplerConstants.roundingEpsilon;
    if (!(fraction >= 0 - eps && fraction <= 1 + eps)) {
      throw errors.samplingFractionRange(fraction);
    }
    this.rng = new XORShiftRandom(seed);
  }

  setSeed(seed: number | bigint): void {
    this.rng.setSeed(seed);
  }

  /** 1 if the next item is sampled, else 0. */
  sample(): number {
    const f = this.fraction;
    if (f <= 0) return 0;
    if (f >= 1) return 1;
    if (f <= RandomSamplerConstants.defaultMaxGapSamplingFraction) {
      this.gapSampling ??= new GapSampling(f, this.rng, RandomSamplerConstants.rngEpsilon);
      return this.gapSampling.sample();
    }
    return this.rng.nextDouble() <= f ? 1 : 0;
  }

  /** RandomSampler.sample(items): items.filter(_ => sample() > 0). */
  *sampleItems(items: Iterable<T>): Generator<T> {
    for (const item of items) if (this.sample() > 0) yield item;
  }

  clone(): BernoulliSampler<T> {
    return new BernoulliSampler<T>(this.fraction);
  }
}

/**
 * Spark's PoissonSampler(fraction) for sampling with replacement — only the gap-sampling branch
 * (fraction <= 0.4) is exact; above it Spark uses commons-math3's PoissonDistribution
 * (Well19937c), which is not ported: this throws for such fractions rather than differ silently.
 */
export class PoissonGapSampler<T = unknown> {
  private readonly rngGap: XORShiftRandom;
  private gap: GapSamplingReplacement | undefined;

  constructor(readonly fraction: number, seed: number | bigint = 0) {
    if (!(fraction >= 0 - RandomSamplerConstants.roundingEpsilon)) throw errors.samplingFractionNonNegative(fraction);
    if (fraction > RandomSamplerConstants.defaultMaxGapSamplingFraction) {
      throw errors.poissonSamplerFraction(fraction);
    }
    this.rngGap = new XORShiftRandom(seed);
  }

  setSeed(seed: number | bigint): void {
    this.rngGap.setSeed(seed);
  }

  sample(): number {
    if (this.fraction <= 0) return 0;
    this.gap ??= new GapSamplingReplacement(this.fraction, this.rngGap, RandomSamplerConstants.rngEpsilon);
    return this.gap.sample();
  }

  *sampleItems(items: Iterable<T>): Generator<T> {
    if (this.fraction <= 0) return;
    for (const item of items) {
      const count = this.sample();
      for (let i = 0; i < count; i++) yield item;
    }
  }
}

/**
 * PartitionwiseSampledRDD.getPartitions: `val random = new Random(seed)` then one
 * `random.nextLong()` per parent partition, in order: the seed each partition's sampler gets.
 */
export function partitionwiseSamplingSeeds(seed: number | bigint, numPartitions: number): bigint[] {
  const random = new JavaRandom(seed);
  const out: bigint[] = [];
  for (let i = 0; i < numPartitions; i++) out.push(random.nextLong());
  return out;
}

/**
 * Indices (within one partition of `length` items) that `rdd.sample(false, fraction, seed)`
 * keeps, given that partition's seed from `partitionwiseSamplingSeeds`.
 */
export function bernoulliSampleIndices(length: number, fraction: number, partitionSeed: number | bigint): number[] {
  const sampler = new BernoulliSampler(fraction);
  sampler.setSeed(partitionSeed);
  const out: number[] = [];
  for (let i = 0; i < length; i++) if (sampler.sample() > 0) out.push(i);
  return out;
}

/** RDD.repartition / coalesce(shuffle = true): the first key position for partition `index`. */
export function repartitionStartPosition(index: number, numPartitions: number): number {
  return new XORShiftRandom(index).nextInt(numPartitions);
}
