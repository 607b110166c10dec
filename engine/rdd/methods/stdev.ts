import type { RDD } from '../RDD';
import { stats } from './stats';

/** Spark's DoubleRDDFunctions.stdev: `stats().stdev` (one job). */
export async function stdev(rdd: RDD<number>): Promise<number> { return (await stats(rdd, 'stdev')).stdev; }
