import type { KeyOrOrdering, RDD } from '../RDD';
import { ship } from '../RDD';
import * as actions from '../actions';
import { composeShipped } from '../shipCompose';

/**
 * Spark's RDD.max: `reduce(ord.max)`, the first of equal records. `keyOrOrdering` is PySpark's `key=` (a
 * one-parameter function) or Scala's Ordering as a comparator `(a, b) => number`.
 */
export async function max<T>(rdd: RDD<T>, keyOrOrdering?: KeyOrOrdering<T>): Promise<T> {
  return actions.reduce(rdd, betterOf('max', true, keyOrOrdering));
}

/** The reduce function of max/min: `Ordering.max` or `Ordering.min` under the user's key or comparator. */
export function betterOf(opName: string, wantMax: boolean, keyOrOrdering?: unknown) {
  if (keyOrOrdering === undefined) return ship(`(a, b) => RddInternals.better(a, b, ${wantMax})`, opName);
  return composeShipped(opName, (k) => `(a, b) => RddInternals.better(a, b, ${wantMax}, ${k})`, ship(keyOrOrdering, opName));
}
