/**
 * Spark's RandomSampler.scala (`BernoulliSampler`, `GapSampling`, `GapSamplingReplacement`, `PoissonGapSampler`) and
 * PartitionwiseSampledRDD's seeds (`partitionwiseSamplingSeeds`), on the JVM generator ports, so
 * `rdd.sample(false, fraction, seed)` and `repartition` pick what Spark picks.
 */
import { errors } from './errors';
import { JavaRandom, XORShiftRandom } from './javaRandom';

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
