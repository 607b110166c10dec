import { JavaHashMap } from '../../core/javaHashMap';
import { compileShipped } from '../../core/closure';
import type { Fn, RDD } from '../RDD';
import { ship } from '../RDD';
import { partitionResults } from './perPartition';

/**
 * Spark's PairRDDFunctions.reduceByKeyLocally: a java.util.HashMap of reduced values per partition, merged on
 * the driver into the first one (one job, no shuffle). The Map iterates in that HashMap's order.
 */
export async function reduceByKeyLocally<K, V>(rdd: RDD<[K, V]>, f: Fn<[V, V], V>): Promise<Map<K, V>> {
  const fn = ship(f, 'reduceByKeyLocally');
  const parts = await partitionResults<[K, V][]>(rdd, 'reduceByKeyLocally', (g) => `(it) => [RddInternals.reduceByKeyLocallyOf(it, ${g})]`, fn);
  const merge = compileShipped<(a: V, b: V) => V>(fn, rdd.sc.closureRuntime);
  const map = new JavaHashMap<K, V>();
  for (const entries of parts) {
    for (const [k, v] of entries) map.changeValue(k, (had, old) => (had && old !== null && old !== undefined ? merge(old, v) : v));
  }
  const out = new Map<K, V>();
  map.forEach((k, v) => out.set(k, v));
  return out;
}
