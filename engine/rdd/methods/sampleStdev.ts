import type { RDD } from '../RDD';
import { stats } from './stats';

/** Spark's DoubleRDDFunctions.sampleStdev: `stats().sampleStdev` (one job). */
export async function sampleStdev(rdd: RDD<number>): Promise<number> { return (await stats(rdd, 'sampleStdev')).sampleStdev; }
