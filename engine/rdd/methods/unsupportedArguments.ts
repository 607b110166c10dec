/**
 * Arguments of Spark's API (PySpark's mostly) that this engine does not support. JavaScript drops extra arguments
 * without a word, so a PySpark-style `sortByKey(true, 2, keyfunc)` would sort by the plain key; instead each such
 * argument is named in an error with what to use instead.
 */
import { errors } from '../../core/errors';

const PARTITION_FUNC = 'Custom partition functions are not supported: pass a number of partitions (a HashPartitioner) or a HashPartitioner / RangePartitioner.';

/** What to use instead of each unsupported argument, by its name in Spark's signature. */
const INSTEAD: Record<string, string> = {
  partitionFunc: PARTITION_FUNC,
  keyfunc: 'Sort by a derived key with sortBy((kv) => keyOf(kv[0])), or map the keys first.',
  partitionCoalescer: 'Custom PartitionCoalescers are not supported: coalesce(numPartitions, shuffle) uses Spark\'s DefaultPartitionCoalescer.',
  serializer: 'Records travel by structured clone; there is no serializer to choose.',
  use_unicode: 'Files are always read as UTF-8 strings.',
};

/**
 * Throws when any argument from position `supported` on is given: `names` are Spark's names for those positions.
 * `args` is the method's `arguments`.
 */
export function rejectUnsupportedArguments(method: string, args: ArrayLike<unknown>, supported: number, names: readonly string[]): void {
  for (let i = supported; i < args.length; i++) {
    if (args[i] === undefined) continue;
    const name = names[i - supported] ?? `#${i + 1}`;
    throw errors.unsupportedArgument(method, name, INSTEAD[name] ?? 'Remove it.');
  }
}

/** PySpark passes a partition function where the engine takes a flag or a partition count: refuse a function there. */
export function rejectPartitionFunc(method: string, value: unknown): void {
  if (typeof value === 'function') throw errors.unsupportedArgument(method, 'partitionFunc', PARTITION_FUNC);
}
