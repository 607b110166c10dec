import type { RDD } from '../RDD';
import { stats } from './stats';

/** Spark's DoubleRDDFunctions.variance: `stats().variance` (one job). */
export async function variance(rdd: RDD<number>): Promise<number> { return (await stats(rdd, 'variance')).variance; }
