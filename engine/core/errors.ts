/**
 * The error catalogue: one constructor per error, with Spark's own words where Spark has them.
 * Tests import these constructors; a message never appears twice in the code.
 */

export class SparkException extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SparkException';
  }
}

/** Scala's `require(cond, msg)`: IllegalArgumentException("requirement failed: msg"). */
export class IllegalArgumentException extends Error {
  constructor(message: string) { super(message); this.name = 'IllegalArgumentException'; }
}
export class IllegalStateException extends Error {
  constructor(message: string) { super(message); this.name = 'IllegalStateException'; }
}
export class NotSerializableException extends SparkException {
  constructor(message: string) { super(message); this.name = 'NotSerializableException'; }
}

export function requireArg(cond: unknown, message: string): asserts cond {
  if (!cond) throw new IllegalArgumentException(`requirement failed: ${message}`);
}
export function requireState(cond: unknown, message: string): asserts cond {
  if (!cond) throw new IllegalStateException(message);
}

export const errors = {
  notAFunction: (op: string, what = 'function') => new TypeError(`${op} expects a ${what}, but was given something else. Pass a function such as (x) => x.`),
  numSlicesPositive: (n: unknown) => new IllegalArgumentException(`requirement failed: Positive number of partitions required (numSlices = ${n})`),
  numPartitionsPositive: (n: unknown) => new IllegalArgumentException(`requirement failed: Number of partitions (${n}) must be positive.`),
  invalidMaster: (master: string) => new SparkException(`Could not parse Master URL: '${master}'. Use local, local[N], local[*] or local-cluster[W,C,M].`),
  noMaster: () => new SparkException('A master URL must be set in your configuration'),
  noAppName: () => new SparkException('An application name must be set in your configuration'),
  contextStopped: () => new IllegalStateException('Cannot call methods on a stopped SparkContext.'),
  taskNotSerializable: (op: string, names: string[]) => new NotSerializableException(
    `Task not serializable: the function passed to ${op} uses ${names.map((n) => `'${n}'`).join(', ')} from outside the function, ` +
    `and functions are shipped to executors as source text without their surroundings. ` +
    `Fix: broadcast the value (const b = sc.broadcast(value)) and pass it in with closure({ ${names.join(', ')}: b }, fn), reading b.value inside, ` +
    `or move the value inside the function.`),
  jobAborted: (taskIndex: number, stageId: number, failures: number, cause: string, attemptId = 0) =>
    new SparkException(`Job aborted due to stage failure: Task ${taskIndex} in stage ${stageId}.${attemptId} failed ${failures} times, most recent failure: ${cause}`),
  emptyCollection: () => new Error('UnsupportedOperationException: empty collection'),
  // Batch (RDD) operations.
  fractionNegative: (f: number) => new IllegalArgumentException(`requirement failed: Fraction must be nonnegative, but got ${f}`),
  samplingFractionRange: (f: number) => new IllegalArgumentException(`requirement failed: Sampling fraction (${f}) must be on interval [0, 1]`),
  sampleWithReplacementFraction: (f: number) => new IllegalArgumentException(
    `sample(true, ${f}): sampling with replacement is only available for fractions up to 0.4 (Spark's gap sampling); ` +
    `above that Spark draws from commons-math's PoissonDistribution, which this engine does not reproduce. ` +
    `Use a fraction <= 0.4, or sample(false, fraction) for fractions up to 1.`),
  zipUnequalPartitions: (counts: number[]) => new IllegalArgumentException(
    `Can't zip RDDs with unequal numbers of partitions: List(${counts.join(', ')}). ` +
    `Give both RDDs the same number of partitions first (repartition or coalesce one of them).`),
  outputDirExists: (path: string) => Object.assign(
    new Error(`Output directory ${path} already exists. Save to a new path, or delete the directory first.`), { name: 'FileAlreadyExistsException' }),
  takeNegative: (n: unknown) => new IllegalArgumentException(
    `take expects a number of records >= 0, but got ${String(n)}. Pass 0 or more (Spark's take returns an empty array for negative numbers).`),
  /** A record that structured clone cannot carry between worker executors. */
  notSerializableRecord: (what: string, where: string, path: string) => new NotSerializableException(
    `NotSerializableException: ${what}${path ? ` (at record${path})` : ''} cannot be sent ${where}: in local-cluster mode records travel ` +
    'between worker executors by structured clone, which keeps only plain data. Fix: map the record to plain data ' +
    '(numbers, strings, arrays as tuples, plain objects, Map, Set, Some/None, CompactBuffer) before the shuffle, collect or cache, ' +
    'or run with master local[N].'),
  // Streaming (Spark's words).
  noOutputOperations: () => new IllegalArgumentException('requirement failed: No output operations registered, so nothing to execute'),
  windowNotMultiple: (windowMs: number, parentSlideMs: number) => new SparkException(
    `The window duration of windowed DStream (${windowMs} ms) must be a multiple of the slide duration of parent DStream (${parentSlideMs} ms)`),
  slideNotMultiple: (slideMs: number, parentSlideMs: number) => new SparkException(
    `The slide duration of windowed DStream (${slideMs} ms) must be a multiple of the slide duration of parent DStream (${parentSlideMs} ms)`),
  reducedWindowNotMultiple: (windowMs: number, parentSlideMs: number) => new IllegalArgumentException(
    `requirement failed: The window duration of ReducedWindowedDStream (${windowMs} ms) must be multiple of the slide duration of parent DStream (${parentSlideMs} ms)`),
  reducedSlideNotMultiple: (slideMs: number, parentSlideMs: number) => new IllegalArgumentException(
    `requirement failed: The slide duration of ReducedWindowedDStream (${slideMs} ms) must be multiple of the slide duration of parent DStream (${parentSlideMs} ms)`),
  checkpointDirNotSet: () => new IllegalArgumentException(
    'requirement failed: The checkpoint directory has not been set. Please set it by StreamingContext.checkpoint().'),
  addAfterStart: () => new IllegalStateException('Adding new inputs, transformations, and output operations after starting a context is not supported'),
  alreadyStopped: () => new IllegalStateException('StreamingContext has already been stopped'),
  alreadyStarted: () => new IllegalStateException('StreamingContext has already been started'),
  differentSlideDurations: () => new IllegalArgumentException('requirement failed: Some of the DStreams have different slide durations'),
  differentContexts: () => new IllegalArgumentException('requirement failed: Some of the DStreams have different contexts'),
  manualClockOnly: () => new IllegalStateException('ssc.step(n) needs the manual clock: set spark.streaming.clock to "manual" in the SparkConf.'),
  batchDurationNotSet: () => new SparkException('Batch duration for StreamingContext cannot be null'),
};
