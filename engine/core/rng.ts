/**
 * The studio's seeded randomness. Nothing in engine/ calls Math.random(): a seeded generator is passed in.
 * `Rng` is a fast generator (sfc32, 128-bit state, seeded through splitmix32) with the distributions the
 * simulated sources need (uniform, Gaussian, Zipf, Poisson, exponential) and `fork(label)` for independent,
 * reproducible sub-streams. The exact JVM ports Spark fidelity needs are in javaRandom.ts and randomSampler.ts.
 */
import { bytesHash, javaStringHashCode } from './hash';
import { errors } from './errors';
import { polarGaussianPair } from './javaRandom';


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
