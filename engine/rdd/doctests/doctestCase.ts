/**
 * A ported Spark example as data: PySpark's RDD doctests (`pyspark/rdd.py`, `pyspark/context.py`) and the
 * matching cases of Spark's Scala suites (RDDSuite, PairRDDFunctionsSuite, DoubleRDDSuite,
 * PartitionwiseSampledRDDSuite). `runDoctests` runs every case on each master and compares with Spark's result.
 */
import type { SparkContext } from '../SparkContext';

export interface RddDoctest {
  /** Where Spark states the result, e.g. `pyspark/rdd.py RDD.sum` or `RDDSuite "basic operations"`. */
  source: string;
  /** The example, written against this engine's API as a user would. */
  run: (sc: SparkContext) => unknown;
  /** Spark's result as a JS value (Python tuples and Scala tuples are arrays, dicts are Maps). */
  expected?: unknown;
  /** Spark's result is a multiset here (order comes from a shuffle or is undefined in Spark). */
  unordered?: boolean;
  /** The example must throw: Spark's exception message, or a pattern of it. */
  error?: string | RegExp;
}
