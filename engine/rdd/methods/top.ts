import type { KeyOrOrdering, RDD } from '../RDD';
import { orderedTake } from './takeOrdered';

/** Spark's RDD.top: `takeOrdered(num)(ord.reverse)`, the largest first. */
export function top<T>(rdd: RDD<T>, num: number, keyOrOrdering?: KeyOrOrdering<T>): Promise<T[]> {
  return orderedTake(rdd, 'top', num, true, keyOrOrdering);
}
