/**
 * Spark's RDD.toLocalIterator: the records on the driver one partition at a time, each partition fetched by its
 * own job when the iteration reaches it, so the driver holds at most one partition (two with PySpark's
 * prefetchPartitions, which starts the next partition's job while the current one is consumed).
 */
import type { RDD } from '../RDD';

export async function* toLocalIterator<T>(rdd: RDD<T>, prefetchPartitions = false): AsyncGenerator<T, void, undefined> {
  await rdd.sc.dagScheduler.prepareLineage(rdd);
  const n = rdd.getNumPartitions();
  const fetch = (p: number) => rdd.sc.runResultJob(rdd, { t: 'collect' }, [p]).then((r) => r[0] as T[]);
  let next = n > 0 ? fetch(0) : undefined;
  for (let p = 0; p < n; p++) {
    const current = await next!;
    next = p + 1 < n && prefetchPartitions ? fetch(p + 1) : undefined;
    next?.catch(() => undefined);   // awaited on the next turn; not an unhandled rejection if iteration stops first
    yield* current;
    if (p + 1 < n && !prefetchPartitions) next = fetch(p + 1);
  }
}
