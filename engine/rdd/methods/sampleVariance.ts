import type { RDD } from '../RDD';
import { stats } from './stats';

/** Spark's DoubleRDDFunctions.sampleVariance: `stats().sampleVariance` (one job). */
export async function sampleVariance(rdd: RDD<number>): Promise<number> { return (await stats(rdd, 'sampleVariance')).sampleVariance; }
