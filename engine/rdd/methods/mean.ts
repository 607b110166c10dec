import type { RDD } from '../RDD';
import { stats } from './stats';

/** Spark's DoubleRDDFunctions.mean: `stats().mean` (one job). */
export async function mean(rdd: RDD<number>): Promise<number> { return (await stats(rdd, 'mean')).mean; }
