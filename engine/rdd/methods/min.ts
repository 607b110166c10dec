import type { KeyOrOrdering, RDD } from '../RDD';
import * as actions from '../actions';
import { betterOf } from './max';

/** Spark's RDD.min: `reduce(ord.min)`; `keyOrOrdering` as for max. */
export async function min<T>(rdd: RDD<T>, keyOrOrdering?: KeyOrOrdering<T>): Promise<T> {
  return actions.reduce(rdd, betterOf('min', false, keyOrOrdering));
}
