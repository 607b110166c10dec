import { errors } from '../../core/errors';
import { JavaRandom } from '../../core/javaRandom';
import { binomialUpperBound, poissonUpperBound } from '../../core/samplingBounds';
import type { RDD } from '../RDD';

const NUM_STDEV = 10.0;
const INT_MAX = 2147483647;
const MAX_SAMPLE_SIZE = INT_MAX - Math.trunc(NUM_STDEV * Math.sqrt(INT_MAX));

/**
 * Spark's RDD.takeSample: a count, then `sample` at a fraction that yields `num` records 99.99% of the time
 * (SamplingUtils.computeFractionForSampleSize), sampling again with the next seed of `new Random(seed)` until
 * it does, then Utils.randomizeInPlace with that Random and the first `num`. Without replacement and
 * `num >= count`, the whole RDD shuffled.
 */
export async function takeSample<T>(rdd: RDD<T>, withReplacement: boolean, num: number, seed: number = rdd.sc.nextSeed()): Promise<T[]> {
  if (typeof num !== 'number' || !Number.isInteger(num)) throw errors.takeSampleNotInteger(num);
  if (num < 0) throw errors.takeSampleNegative();
  if (num > MAX_SAMPLE_SIZE) throw errors.takeSampleTooLarge();
  if (num === 0) return [];
  const initialCount = await rdd.count();
  if (initialCount === 0) return [];
  const rand = new JavaRandom(seed);
  if (!withReplacement && num >= initialCount) return randomizeInPlace(await rdd.collect(), rand);
  const fraction = computeFractionForSampleSize(num, initialCount, withReplacement);
  let samples = await rdd.sample(withReplacement, fraction, rand.nextInt()).collect();
  // The fraction makes this rare; Spark logs "Needed to re-sample due to insufficient sample size".
  while (samples.length < num) samples = await rdd.sample(withReplacement, fraction, rand.nextInt()).collect();
  return randomizeInPlace(samples, rand).slice(0, num);
}

/** Spark's Utils.randomizeInPlace: Fisher-Yates from the end, j = rand.nextInt(i + 1). */
export function randomizeInPlace<T>(arr: T[], rand: JavaRandom): T[] {
  for (let i = arr.length - 1; i >= 1; i--) {
    const j = rand.nextInt(i + 1);
    const tmp = arr[j];
    arr[j] = arr[i];
    arr[i] = tmp;
  }
  return arr;
}

/** Spark's SamplingUtils.computeFractionForSampleSize (PoissonBounds / BinomialBounds with delta 1e-4). */
export function computeFractionForSampleSize(sampleSizeLowerBound: number, total: number, withReplacement: boolean): number {
  if (withReplacement) return poissonUpperBound(sampleSizeLowerBound) / total;
  const fraction = sampleSizeLowerBound / total;
  return binomialUpperBound(1e-4, total, fraction);
}
