/**
 * Spark's RandomSampler.scala (`BernoulliSampler`, `GapSampling`, `GapSamplingReplacement`, `PoissonSampler`, `BernoulliCellSampler`,
 * StratifiedSamplingUtils' RandomDataGenerator) and
 * PartitionwiseSampledRDD's seeds (`partitionwiseSamplingSeeds`), on the JVM generator ports, so
 * `rdd.sample(false, fraction, seed)` and `repartition` pick what Spark picks.
 */
import { errors } from './errors';
import { JavaRandom, XORShiftRandom } from './javaRandom';
import { PoissonDistribution } from './poissonDistribution';

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
 * Spark's PoissonSampler(fraction): sampling with replacement, each item drawn Poisson(fraction) times. Call
 * `setSeed` before sampling (it reseeds both generators, as Spark's). Fractions <= 0.4 use gap sampling over
 * an XORShiftRandom; above, commons-math's PoissonDistribution(fraction) over a Well19937c.
 */
export class PoissonSampler<T = unknown> {
  private readonly rngGap: XORShiftRandom;
  private readonly rng: PoissonDistribution | undefined;
  private gap: GapSamplingReplacement | undefined;

  constructor(readonly fraction: number, seed: number | bigint = 0) {
    if (!(fraction >= 0 - RandomSamplerConstants.roundingEpsilon)) throw errors.samplingFractionNonNegative(fraction);
    this.rngGap = new XORShiftRandom(seed);
    // Spark builds PoissonDistribution(1.0) as a placeholder when fraction <= 0 (it never samples then).
    this.rng = fraction > RandomSamplerConstants.defaultMaxGapSamplingFraction ? new PoissonDistribution(fraction, javaLong(seed)) : undefined;
  }

  setSeed(seed: number | bigint): void {
    this.rng?.reseedRandomGenerator(javaLong(seed));
    this.rngGap.setSeed(seed);
  }

  /** How many times the next item is sampled (0 = skipped). */
  sample(): number {
    if (this.fraction <= 0) return 0;
    if (this.rng) return this.rng.sample();
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
 * Spark's BernoulliCellSampler(lb, ub, complement): keeps an item when a uniform draw falls in [lb, ub)
 * (randomSplit gives each split its own range of the same draws, so the splits partition the RDD).
 */
export class BernoulliCellSampler<T = unknown> {
  private readonly rng = new XORShiftRandom(0);

  constructor(readonly lb: number, readonly ub: number, readonly complement = false) {
    const eps = RandomSamplerConstants.roundingEpsilon;
    if (!(lb <= ub + eps)) throw errors.cellSamplerBounds(lb, ub);
  }

  setSeed(seed: number | bigint): void { this.rng.setSeed(seed); }

  sample(): number {
    if (this.ub - this.lb <= 0) return this.complement ? 1 : 0;
    const x = this.rng.nextDouble();
    const n = x >= this.lb && x < this.ub ? 1 : 0;
    return this.complement ? 1 - n : n;
  }

  *sampleItems(items: Iterable<T>): Generator<T> {
    for (const item of items) if (this.sample() > 0) yield item;
  }
}

/**
 * StratifiedSamplingUtils' RandomDataGenerator (sampleByKey): one XORShiftRandom for uniform draws and one
 * PoissonDistribution per distinct mean, each reseeded with the partition's seed when first used.
 */
export class StratifiedRandomDataGenerator {
  private readonly uniform = new XORShiftRandom(0);
  private readonly poissonCache = new Map<number, PoissonDistribution>();
  private poissonSeed = 0n;

  reSeed(seed: bigint): void {
    this.uniform.setSeed(seed);
    this.poissonSeed = seed;
    this.poissonCache.clear();
  }

  nextUniform(): number { return this.uniform.nextDouble(); }

  nextPoisson(mean: number): number {
    let poisson = this.poissonCache.get(mean);
    if (!poisson) {
      poisson = new PoissonDistribution(mean, this.poissonSeed);
      this.poissonCache.set(mean, poisson);
    }
    return poisson.sample();
  }
}

function javaLong(seed: number | bigint): bigint { return BigInt.asIntN(64, typeof seed === 'bigint' ? seed : BigInt(seed)); }

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
