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

/** A syntax error in a function's source text; line and column are 1-based, offset 0-based. */
export class ShippedSyntaxError extends SyntaxError {
  constructor(readonly reason: string, readonly line: number, readonly column: number, readonly offset: number, opName?: string) {
    super(`${opName ? `Syntax error in the function given to ${opName}: ` : ''}${reason} (line ${line}, column ${column})`);
    this.name = 'SyntaxError';
  }
}

/**
 * Thrown inside a task when the executor's heap watchdog (or its block budget) says it ran out of memory, on
 * platforms without a hard heap limit (browser workers). The driver replaces the executor.
 */
export class ExecutorOutOfMemoryError extends Error {
  static readonly errorName = 'ExecutorOutOfMemoryError';
  constructor(message: string) { super(message); this.name = ExecutorOutOfMemoryError.errorName; }
}

/** An Error with another name (Java's exception classes this engine has no class for). */
const named = (name: string, message: string): Error => Object.assign(new Error(message), { name });


/** Spark's AppendOnlyMap says this both when asked for too large a map and when it cannot grow. */
const MAP_CAPACITY_LIMIT = "Can't make capacity bigger than 2^29 elements";

export const errors = {
  // ---- core: functions and closures shipped to executors, broadcast variables ----
  notAFunction: (op: string, what = 'function') => new TypeError(`${op} expects a ${what}, but was given something else. Pass a function such as (x) => x.`),
  nativeFunction: (op: string, name: string) => new TypeError(
    `${op} was given the built-in function ${name ? `'${name}'` : '(anonymous)'}, which has no source text to ship to executors. ` +
    `Wrap it in an arrow function that calls it, e.g. (a, b) => Math.max(a, b).`),
  boundFunction: (op: string, name: string) => new TypeError(
    `${op} was given a bound function ('${name}'), which has no source text to ship to executors. ` +
    `Use an arrow function instead, e.g. (x) => f(x, 1), with any outside value passed through closure({ ... }, fn).`),
  sourceNotAFunction: (op: string, found: string) => new TypeError(
    `${op} expects the source of a function (an arrow function, a function expression or a method), but the source is ${found}.`),
  accessorNotShippable: (op: string, kind: string) => new TypeError(
    `${op} was given a ${kind}ter; only functions and methods can be shipped. Pass an arrow function instead.`),
  dynamicImport: (op: string) => new NotSerializableException(
    `Task not serializable: the function passed to ${op} uses import(), which cannot run on executors. Import modules on the driver and pass plain data (or a broadcast variable) instead.`),
  closureVarNotData: (op: string | undefined, name: string, path: string, what: string) => new NotSerializableException(
    `Task not serializable: the closure variable '${name}'${op ? ` of the function passed to ${op}` : ''} holds ${what}` +
    `${path ? ` at ${name}${path}` : ''}, which cannot be shipped to executors. Closure variables must be plain data ` +
    `(numbers, strings, booleans, null, arrays, plain objects, Map, Set, Date) or a broadcast variable (sc.broadcast(value)).`),
  broadcastNotData: (path: string, what: string) => new NotSerializableException(
    `Task not serializable: a broadcast value must be plain data (numbers, strings, booleans, null, arrays, plain objects, Map, Set, Date), ` +
    `but it holds ${what}${path ? ` at value${path}` : ''}.`),
  invalidClosureVarName: (name: string) => new TypeError(
    `closure(): '${name}' cannot be a closure variable name: use an identifier that is not a reserved word, a standard global or an engine global.`),
  closureVarsNotObject: () => new TypeError('closure(vars, fn) expects a plain object of variables as its first argument, e.g. closure({ limit: 10 }, (x) => x < limit).'),
  notShipped: (what: string) => new TypeError(`compileShipped expects a shipped function ({ kind: 'shipped', source, opName }), but was given ${what}.`),
  missingOnExecutor: (op: string, names: string[]) => new SparkException(
    `The function shipped for ${op} uses ${names.map((n) => `'${n}'`).join(', ')}, which ${names.length === 1 ? 'is' : 'are'} not available on this executor. ` +
    `Driver and executors must compile with the same table of shipped globals: add the value to engine/runtime/shippedGlobals.ts, or pass the table that shipped the function to compileShipped (option globals).`),
  networkNotAllowed: (op: string, names: string[]) => new SparkException(
    `The function shipped for ${op} uses ${names.map((n) => `'${n}'`).join(', ')}, but network access is not allowed on this executor (compileShipped option allowNetwork).`),
  compileFailed: (op: string, reason: string) => new SparkException(`Cannot compile the function shipped for ${op}: ${reason}`),
  noBroadcastRuntime: (id: number) => new SparkException(
    `Broadcast(${id}) is used inside a shipped function, but the function was compiled without a broadcast runtime (compileShipped(fn, runtime)).`),
  broadcastDestroyed: (id: number) => new SparkException(`Attempted to use Broadcast(${id}) after it was destroyed`),
  unknownBroadcast: (id: number) => new SparkException(`Failed to get broadcast_${id}: no broadcast variable with id ${id} exists`),
  shippedGlobalsReadOnly: () => new TypeError('A table of shipped globals is read-only: build a new one with table.with({ name: value })'),
  shippedGlobalsNoDelete: () => new TypeError('A table of shipped globals is read-only: build a new one with table.without(name)'),
  shippedGlobalNotIdentifier: (name: string) => new TypeError(`Shipped globals: '${name}' is not a valid identifier`),
  shippedGlobalIsStandard: (name: string) => new TypeError(
    `Shipped globals: '${name}' is a standard JavaScript global and cannot be replaced inside shipped functions`),
  shippedGlobalTaken: (name: string) => new TypeError(
    `Shipped globals: '${name}' is already in the table with a different value (pass { replace: true } to replace it)`),

  // ---- core: configuration, time, options, random numbers, collections ----
  confEmptyKey: () => new IllegalArgumentException('requirement failed: SparkConf.set: key must be a non-empty string'),
  confNullValue: (key: string) => new TypeError(`SparkConf.set: null value for ${key}`),
  confNoSuchKey: (key: string) => new Error(`java.util.NoSuchElementException: ${key}`),
  confNotInteger: (key: string, v: string) => new Error(`${key} should be an integer, but was ${v}`),
  confNotNumber: (key: string, v: string) => new Error(`${key} should be a number, but was ${v}`),
  confNotBoolean: (key: string, v: string) => new Error(`${key} should be boolean, but was ${v}`),
  confNotTime: (key: string, v: string) => new Error(`${key} should be a time like 200ms or 10s, but was ${v}`),
  durationNotFinite: (ms: unknown) => new TypeError(`Duration must be a finite number of milliseconds, got ${ms}`),
  unparsableDuration: (value: unknown) => new TypeError(
    `Cannot parse duration "${value}": use a number of milliseconds or a value like "500ms", "2s", "1min"`),
  noneGet: () => new Error('NoSuchElementException: None.get'),
  rngSeedNotFinite: (seed: unknown) => new TypeError(`Rng seed must be a finite number or a string, got ${seed}`),
  nextIntBound: (n: number) => new RangeError(`nextInt bound must be a positive integer, got ${n}`),
  pickFromEmpty: () => new RangeError('pick from an empty array'),
  poissonMean: (mean: number) => new RangeError(`poisson mean must be a finite number >= 0, got ${mean}`),
  zipfN: (n: number) => new RangeError(`Zipf n must be a positive integer, got ${n}`),
  zipfExponent: (s: number) => new RangeError(`Zipf exponent must be a finite number >= 0, got ${s}`),
  javaSeedNotInteger: (seed: unknown) => new TypeError(`seed must be an integer (a Java long), got ${seed}`),
  javaBoundNotPositive: () => new RangeError('bound must be positive'),
  samplingFractionOpen: (f: number) => new RangeError(`requirement failed: Sampling fraction (${f}) must reside on open interval (0, 1)`),
  samplingFractionPositive: (f: number) => new RangeError(`requirement failed: Sampling fraction (${f}) must be > 0`),
  samplingFractionNonNegative: (f: number) => new RangeError(`requirement failed: Sampling fraction (${f}) must be >= 0`),
  samplingEpsilon: (epsilon: number) => new RangeError(`requirement failed: epsilon (${epsilon}) must be > 0`),
  poissonSamplerFraction: (f: number) => new RangeError(`sampling with replacement is only ported for fraction <= 0.4 (got ${f})`),
  mapCapacityTooBig: () => new Error(`requirement failed: ${MAP_CAPACITY_LIMIT}`),
  mapCapacityInvalid: () => new Error('requirement failed: Invalid initial capacity'),
  mapCannotGrow: () => new Error(MAP_CAPACITY_LIMIT),
  mapDestroyed: () => new Error('assertion failed: Map state is invalid from destructive sorting!'),

  // ---- core: file systems (memory, Node, IndexedDB) ----
  fileNotFound: (path: string) => new Error(`File does not exist: ${path}`),
  dirNotFound: (dir: string) => new Error(`Directory does not exist: ${dir}`),
  notADirectory: (dir: string) => new Error(`Not a directory: ${dir}`),
  writeToDirectory: (path: string) => new Error(`Cannot write ${path}: it is a directory`),
  mkdirOverFile: (path: string, file: string) => new Error(`Cannot create directory ${path}: ${file} is a file`),
  dirNotEmpty: (path: string) => new Error(`Directory not empty: ${path}`),
  noSpaceLeft: (path: string) => new Error(`No space left on device while writing ${path}: free some disk space or choose another directory`),
  permissionDenied: (path: string) => new Error(`Permission denied: ${path}: choose a directory you can write to`),
  writeInterrupted: (path: string) => new Error(`Write of ${path} was interrupted: its temporary copy is gone. Write it again`),
  storageQuotaExceeded: () => new Error(
    'The browser storage quota is exhausted: delete old checkpoints or saved outputs, or export them and clear site data'),
  indexedDbError: (detail: string) => new Error(`IndexedDB error: ${detail}`),
  indexedDbBlocked: (dbName: string) => new Error(`IndexedDB database ${dbName} is blocked by another tab: close the other studio tabs and retry`),
  indexedDbAborted: () => new Error('transaction aborted'),
  indexedDbUnavailable: () => new Error('IndexedDB is not available here: use MemoryFileSystem (or NodeFileSystem in Node)'),

  // ---- rdd: SparkContext and batch (RDD) operations ----
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
  /** Spark's DAGScheduler.cleanUpAfterSchedulerStop. */
  jobCancelledShutdown: (jobId: number) => new SparkException(`Job ${jobId} cancelled because SparkContext was shut down`),
  jobAborted: (taskIndex: number, stageId: number, failures: number, cause: string, attemptId = 0) =>
    new SparkException(`Job aborted due to stage failure: Task ${taskIndex} in stage ${stageId}.${attemptId} failed ${failures} times, most recent failure: ${cause}`),
  emptyCollection: () => new Error('UnsupportedOperationException: empty collection'),
  sparkConfExpected: () => new TypeError('new SparkContext(conf) expects a SparkConf'),
  noClusterModule: (master: string) => new Error(
    `local-cluster mode is not available in this build: this host's runtime starts no executor workers (give the SparkContext a runtime with a workerSpawner, engine/runtime/), or use local[N]. Master was ${master}.`),
  parallelizeNotIterable: () => new TypeError('parallelize expects an array or another iterable of records'),
  unionNotArray: () => new IllegalArgumentException('requirement failed: union needs an array of RDDs'),
  fractionNegative: (f: number) => new IllegalArgumentException(`requirement failed: Fraction must be nonnegative, but got ${f}`),
  samplingFractionRange: (f: number) => new IllegalArgumentException(`requirement failed: Sampling fraction (${f}) must be on interval [0, 1]`),
  sampleWithReplacementFraction: (f: number) => new IllegalArgumentException(
    `sample(true, ${f}): sampling with replacement is only available for fractions up to 0.4 (Spark's gap sampling); ` +
    `above that Spark draws from commons-math's PoissonDistribution, which this engine does not reproduce. ` +
    `Use a fraction <= 0.4, or sample(false, fraction) for fractions up to 1.`),
  zipUnequalPartitions: (counts: number[]) => new IllegalArgumentException(
    `Can't zip RDDs with unequal numbers of partitions: List(${counts.join(', ')}). ` +
    `Give both RDDs the same number of partitions first (repartition or coalesce one of them).`),
  outputDirExists: (path: string) => named('FileAlreadyExistsException',
    `Output directory ${path} already exists. Save to a new path, or delete the directory first.`),
  takeNegative: (n: unknown) => new IllegalArgumentException(
    `take expects a number of records >= 0, but got ${String(n)}. Pass 0 or more (Spark's take returns an empty array for negative numbers).`),
  /** A record that structured clone cannot carry between worker executors. */
  notSerializableRecord: (what: string, where: string, path: string) => new NotSerializableException(
    `NotSerializableException: ${what}${path ? ` (at record${path})` : ''} cannot be sent ${where}: in local-cluster mode records travel ` +
    'between worker executors by structured clone, which keeps only plain data. Fix: map the record to plain data ' +
    '(numbers, strings, arrays as tuples, plain objects, Map, Set, Some/None, CompactBuffer) before the shuffle, collect or cache, ' +
    'or run with master local[N].'),
  storageLevelChange: () => new Error('UnsupportedOperationException: Cannot change storage level of an RDD after it was already assigned a level'),
  invalidStorageLevel: (s: string) => new Error(`Invalid StorageLevel: ${s}`),
  sampleFractionNotNumber: (f: unknown) => new TypeError(`sample expects a fraction (a number), but got ${String(f)}`),
  sampleSeedNotInteger: (seed: unknown) => new TypeError(`sample expects an integer seed (a Java long), but got ${seed}`),
  noOrdering: (a: string, b: string) => new TypeError(
    `No implicit Ordering defined for ${a} and ${b}: sort keys must be numbers, strings, booleans, tuples or Options`),
  notAPair: (op: string, record: string) => new TypeError(
    `${op} needs (key, value) pairs, but got ${record}. Map each record to a [key, value] array first, for example w => [w, 1].`),
  notIterableResult: (op: string, result: string) => new TypeError(
    `The function given to ${op} must return an iterable (an array or a generator), but returned ${result}.`),

  // ---- scheduler / cluster: jobs, tasks, executors ----
  nonExistentPartition: (p: number, n: number) => new Error(
    `IllegalArgumentException: Attempting to access a non-existent partition: ${p}. Total number of partitions: ${n}`),
  stageAborted: (kind: string, stageId: number, name: string, maxAttempts: number, reason: string) => new SparkException(
    `Job aborted due to stage failure: ${kind} ${stageId} (${name}) has failed the maximum allowable number of times: ${maxAttempts}. Most recent failure reason: ${reason}`),
  /** A task that ran past spark.studio.task.timeout (the task fails with this message). */
  taskTimeout: (ms: number, site: string) => named('TaskTimeout', `task exceeded ${ms} ms (possible infinite loop in ${site})`),
  taskKilled: (reason: string) => named('TaskKilled', `TaskKilled (${reason})`),
  /** Spark's ExecutorLostFailure.toErrorString for a loss that is not the tasks' fault. */
  executorLost: (executorId: string, reason: string) => named('ExecutorLostFailure',
    `ExecutorLostFailure (executor ${executorId} exited unrelated to the running tasks) Reason: ${reason}`),
  /** Spark's ExecutorLostFailure.toErrorString with exitCausedByApp = true (counted towards spark.task.maxFailures). */
  executorLostByApp: (executorId: string, reason: string) => named('ExecutorLostFailure',
    `ExecutorLostFailure (executor ${executorId} exited caused by one of the running tasks) Reason: ${reason}`),
  /** A task whose executor ran out of memory. */
  executorOom: (executorId: string, limitMiB: number, site: string, detail: string) => named('OutOfMemoryError',
    `executor ${executorId} ran out of memory (limit ${limitMiB} MiB) while running ${site}: ${detail}`),
  heapOverLimit: (usedMiB: string, limitMiB: string, op: string) => new ExecutorOutOfMemoryError(
    `heap in use ${usedMiB} MiB exceeds the limit of ${limitMiB} MiB in ${op}`),
  arrayBuffersOverLimit: (requestedMiB: string, usedMiB: string, limitMiB: string) => new ExecutorOutOfMemoryError(
    `allocating ${requestedMiB} MiB of array buffers (typed arrays, ArrayBuffer, WebAssembly.Memory) with ${usedMiB} MiB already in use would pass the executor's memory limit of ${limitMiB} MiB`),
  blockBudgetExceeded: (blockId: string, sizeMiB: string, totalMiB: string, budgetMiB: string) => new ExecutorOutOfMemoryError(
    `storing ${blockId} (${sizeMiB} MiB) would bring the executor's blocks to ${totalMiB} MiB, over its budget of ${budgetMiB} MiB`),
  noExecutorStarted: (workers: number, coresPerWorker: number, memoryMiB: number, why: string) => new SparkException(
    `Failed to start any executor for local-cluster[${workers},${coresPerWorker},${memoryMiB}]: ${why}. ` +
    'Check that the executor worker script loads (the engine must be importable in a worker), or use master local[N].'),
  executorBroadcastMissing: (id: number, executorId: string) => new Error(
    `SparkException: Failed to get broadcast_${id} on executor ${executorId}: it was destroyed or never sent. Create the broadcast with sc.broadcast(value) before the job that uses it.`),
  executorNotInitialised: () => new Error('executor not initialised'),
  notInWorkerThread: () => new Error('executorWorker.ts must run inside a worker_threads Worker'),
  noWebWorkers: () => new Error('Web Workers are not available here (no Worker constructor): use master local[N]'),
  localThreads: (s: string, master: string) => new Error(`Asked to run locally with ${s} threads (master ${master}): use a positive number of threads`),
  notASize: (key: string, value: string) => new Error(`${key} must be a size such as 384m or 1g, but was '${value}'`),

  // ---- streaming: StreamingContext, DStreams, inputs, receivers ----
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
  sscStdoutNotFunction: () => new TypeError('ssc.stdout must be a function (text: string) => void'),
  streamingConfExpected: () => new TypeError('new StreamingContext(conf, batchDuration) expects a SparkConf or a SparkContext'),
  batchDurationNotPositive: (d: unknown) => new IllegalArgumentException(`requirement failed: Batch duration must be positive, got ${d}`),
  stepNeedsStarted: () => new IllegalStateException('ssc.step(n) needs a started context: call await ssc.start() first'),
  stepCount: (n: unknown) => new IllegalArgumentException(`requirement failed: step(n) needs a non-negative integer, got ${n}`),
  unionNeedsStreams: () => new IllegalArgumentException('requirement failed: union needs at least one DStream'),
  unknownClock: (name: string) => new Error(`Unknown spark.streaming.clock "${name}": use "manual" or "system"`),
  simulatedCost: (cost: string) => new Error(`spark.studio.simulatedCostPerRecordMs must be a number of milliseconds >= 0, got "${cost}"`),
  zeroTimeAlreadySet: (zeroTime: unknown, time: unknown) => new SparkException(
    `ZeroTime is already initialized to ${zeroTime}, cannot initialize it again to ${time}`),
  dstreamNotInitialized: (dstream: unknown) => new SparkException(`${dstream} has not been initialized`),
  rememberDurationNotSet: (dstream: unknown) => new IllegalArgumentException(`requirement failed: Remember duration is set to null for ${dstream}`),
  dstreamStorageLevelChange: () => new Error('UnsupportedOperationException: Cannot change storage level of a DStream after streaming context has started'),
  dstreamCheckpointChange: () => new Error('UnsupportedOperationException: Cannot change checkpoint interval of a DStream after streaming context has started'),
  printCount: (n: unknown) => new IllegalArgumentException(`requirement failed: print(num) needs a non-negative integer, got ${n}`),
  windowDurationExpected: () => new TypeError(
    'reduceByKeyAndWindow(reduce, inverse, windowDuration, slideDuration?, ...) needs a window Duration as its third argument, e.g. Seconds(30)'),
  noParentRDD: (t: unknown) => new SparkException(`Couldn't generate RDD from parent at time ${t}`),
  noParentRDDForUnion: (t: unknown) => new SparkException(`Could not generate RDD from a parent for unifying at time ${t}`),
  transformReturnedNull: () => new SparkException(
    'Transform function must not return null. Return SparkContext.emptyRDD() instead to represent no element as the result of transformation.'),
  transformNotRDD: (op: string, got: string) => new TypeError(
    `The function given to ${op} must return an RDD (it runs on the driver and gets the batch's RDD), but it returned ${got}.`),
  stateNotSet: () => new Error('NoSuchElementException: State is not set'),
  stateUpdateAfterRemove: () => new Error('IllegalArgumentException: requirement failed: Cannot update the state after it has been removed'),
  stateUpdateTimingOut: () => new Error('IllegalArgumentException: requirement failed: Cannot update the state that is timing out'),
  stateRemoveTimingOut: () => new Error('IllegalArgumentException: requirement failed: Cannot remove the state that is timing out'),
  stateRemoveTwice: () => new Error('IllegalArgumentException: requirement failed: Cannot remove the state that has already been removed'),
  textFileStreamNoPath: () => new TypeError('textFileStream expects a directory path'),
  textFileStreamNoDir: (dir: string) => new Error(
    `textFileStream: the directory ${dir} does not exist. Create it (new files written into it become the stream) or fix the path.`),
  textFileStreamList: (dir: string, detail: string) => new Error(`textFileStream: cannot list ${dir}: ${detail}`),
  receiverStreamNotReceiver: () => new TypeError('receiverStream expects a Receiver: a class extending Receiver with onStart() and onStop()'),
  queueStreamNotArray: () => new TypeError('queueStream expects an array of RDDs used as a queue (push RDDs onto it later to feed more batches)'),
  queueStreamNotRDD: () => new TypeError('queueStream: the queue must hold RDDs, e.g. queue.push(ssc.sparkContext.parallelize([1, 2, 3]))'),
  kafkaTopics: () => new TypeError('directKafkaStream expects a non-empty array of topic names, e.g. ["events"]'),
  kafkaPartitions: (n: unknown) => new RangeError(`directKafkaStream: partitionsPerTopic must be a positive integer, got ${n}`),
  rateStreamRate: (rate: unknown) => new RangeError(`rateStream: rowsPerSecond must be a number >= 0, got ${rate}`),
  twitterStreamRate: (rate: unknown) => new RangeError(`twitterStream: tweetsPerSecond must be >= 0, got ${rate}`),
  socketHost: () => new TypeError('socketTextStream expects a host name, e.g. "localhost"'),
  socketPort: (port: unknown) => new RangeError(`socketTextStream: port must be an integer from 0 to 65535, got ${port}`),
  connectionRefused: (host: string, port: number) => new Error(`Connection refused: nothing listens on ${host}:${port}`),
  noWebSocket: () => new Error('WebSocket is not available on this platform'),
  webSocketFailed: (url: string) => new Error(`WebSocket connection to ${url} failed`),
  storeBeforeStart: () => new Error('Receiver.store called before the receiver was started'),
  blockIntervalNotPositive: () => new Error("IllegalArgumentException: requirement failed: 'spark.streaming.blockInterval' should be a positive value"),
  walWithoutCheckpointDir: () => new Error(
    'SparkException: Cannot enable receiver write-ahead log without checkpoint directory set. Please use streamingContext.checkpoint() to set the checkpoint directory. See documentation for more details.'),
  pidBatchInterval: (ms: number) => new Error(`IllegalArgumentException: requirement failed: Specified batch interval ${ms} in PIDRateEstimator is invalid.`),
  pidProportional: (v: number) => new Error(`IllegalArgumentException: requirement failed: Proportional term ${v} in PIDRateEstimator should be >= 0.`),
  pidIntegral: (v: number) => new Error(`IllegalArgumentException: requirement failed: Integral term ${v} in PIDRateEstimator should be >= 0.`),
  pidDerivative: (v: number) => new Error(`IllegalArgumentException: requirement failed: Derivative term ${v} in PIDRateEstimator should be >= 0.`),
  pidMinRate: () => new Error('IllegalArgumentException: requirement failed: Minimum rate in PIDRateEstimator should be > 0'),
  unknownRateEstimator: (name: string) => new Error(`IllegalArgumentException: Unknown rate estimator: ${name}`),
  windowValueCount: () => new Error('Unexpected number of sequences of reduced values'),
  windowKeyHash: () => new Error('Neither previous window has value for key, nor new values found. Are you sure your key class hashes consistently?'),
  // Receiver.store after the receiver stopped (Spark's BlockGenerator.addData / pushArrayBuffer on a stopped supervisor).
  blockGeneratorStopped: () => new Error('SparkException: Cannot add data as BlockGenerator has not been started or has been stopped'),
  // store(array/iterator) whose block reached no live executor and no write-ahead log (Spark's BlockManagerBasedBlockHandler).
  blockNotStored: (blockId: string, level: string) => new Error(`SparkException: Could not store ${blockId} to block manager with storage level ${level}`),
  // The driver asked an executor for the blocks of a receiver it does not run (it was restarted elsewhere).
  receiverNotOnExecutor: (streamId: number, executorId: string) => new Error(`Receiver for stream ${streamId} is not running on executor ${executorId}`),
  // Fault injection (the studio's chaos buttons).
  killExecutorLocal: (executorId: string) => new Error(
    `killExecutor(${executorId}): local mode runs tasks in the driver, there is no executor process to kill. Use a local-cluster[W,C,M] master.`),
  killExecutorUnknown: (executorId: string, live: string[]) => new Error(
    `killExecutor: no live executor with id "${executorId}" (live: ${live.join(', ') || 'none'})`),
  crashReceiverUnknown: (streamId: number) => new Error(`crashReceiver: no receiver for input stream ${streamId}`),
  injectedReceiverCrash: () => new Error('injected receiver crash'),
  slowTaskMs: (ms: number) => new RangeError(`slowTask(ms) needs a positive number of milliseconds, got ${ms}`),

  // ---- checkpoint / recovery ----
  checkpointIntervalNotSet: (className: string) => new IllegalArgumentException(
    `requirement failed: The checkpoint interval for ${className} has not been set. Please use DStream.checkpoint() to set the interval.`),
  checkpointIntervalBelowSlide: (className: string, interval: unknown, slide: unknown) => new IllegalArgumentException(
    `requirement failed: The checkpoint interval for ${className} has been set to ${interval} which is lower than its slide time (${slide}). Please set it to at least ${slide}.`),
  checkpointIntervalNotMultiple: (className: string, interval: unknown, slide: unknown) => new IllegalArgumentException(
    `requirement failed: The checkpoint interval for ${className} has been set to ${interval} which not a multiple of its slide time (${slide}). Please set it to a multiple of ${slide}.`),
  checkpointNoDir: () => new TypeError('checkpoint(directory) expects a directory path'),
  checkpointTorn: (path: string, detail: string) => new Error(`${path} is not a complete checkpoint (${detail})`),
  checkpointNotObject: (path: string) => new Error(`${path} is not a checkpoint: expected a JSON object`),
  checkpointInvalid: (path: string, problems: string[]) => new Error(`${path} is not a valid checkpoint: ${problems.join('; ')}`),
  checkpointUnreadable: (dir: string, files: number, reason: string | undefined) => new Error(
    `SparkException: Failed to read checkpoint from directory ${dir}: none of its ${files} checkpoint file(s) is complete (${reason}). ` +
    'Delete the directory to start afresh, or pass { ignoreReadError: true } to getOrCreate to create a new context.'),
  checkpointValueTag: (tag: unknown) => new Error(`Unknown value tag "${tag}" in a checkpoint file`),
  checkpointFileCorrupt: (path: string, detail: string) => new Error(
    `Checkpoint file ${path} is corrupt (${detail}): delete the checkpoint directory or restore it from a backup`),
  checkpointFileIncomplete: (path: string, count: string) => new Error(
    `Checkpoint file ${path} is incomplete: expected ${count} records. Delete the checkpoint directory or restore it from a backup`),
  checkpointRDDPartMissing: (path: string, numPartitions: number, part: string, detail: string) => new Error(
    `Checkpoint RDD ${path} has ${numPartitions} partitions but ${part} cannot be read (${detail}): the checkpoint directory is incomplete`),
  walBlockIncomplete: (walPath: string, blockId: string) => new Error(`${walPath} does not hold block ${blockId} completely`),
  kafkaCheckpointData: (name: string) => new Error(
    `The checkpoint data of ${name} is not offset ranges: was the checkpoint written by another graph? Use a new checkpoint directory.`),
  getOrCreateNoDir: () => new TypeError('getOrCreate(checkpointDir, createFn) expects a checkpoint directory path'),
  getOrCreateNoFn: () => new TypeError('getOrCreate(checkpointDir, createFn) expects a function that creates the StreamingContext'),
  getOrCreateNotAContext: () => new TypeError('getOrCreate(checkpointDir, createFn): createFn must return the StreamingContext it created'),
  getOrCreateStarted: () => new Error('getOrCreate(checkpointDir, createFn): createFn must not start the context; getOrCreate returns it for you to start'),
  checkpointBatchDuration: (dir: string, cp: number, now: number) => new Error(
    `The checkpoint in ${dir} was written by an application with batch duration ${cp} ms, but createFn built one with ${now} ms: use the same batch duration, or a new checkpoint directory`),
  checkpointGraphMismatch: (dir: string, detail: string) => new Error(
    `The DStream graph built by createFn does not match the checkpoint in ${dir}: ${detail}. Define exactly the same DStreams and outputs inside createFn (Spark requires all DStream setup to be in the create function), or use a new checkpoint directory`),

  // ---- graph: pipelines built from the studio's graphs ----
  unknownOp: (op: string, nodeId?: string) => new Error(`Unknown op "${op}"${nodeId === undefined ? '' : ` on node ${nodeId}`}`),
  notFunctionSource: (got: string) => new TypeError(`Expected the source of a function, got ${got}`),
  // Importing a TypeScript program as a graph (the result carries the message).
  importTimeout: (seconds: number) => new Error(
    `Import stopped: the program ran longer than ${seconds} s while building its pipeline (an endless loop, or waiting for input?). Its worker was terminated.`),
  importFailed: (detail: string) => new Error(`The program failed while building its pipeline: ${detail}`),
  importWorkerExited: (code: unknown) => new Error(`The import worker exited (code ${code}) before the program finished.`),
  importSyntax: (line: number, column: number, detail: string) => new Error(`Syntax error at line ${line}, column ${column}: ${detail}`),
  importDynamicModule: () => new Error(
    'Import stopped: the program loads a module with import(); modules other than the engine are not available while importing.'),
  importForbidden: (what: string) => new Error(
    `Import stopped: the program uses ${what} while building its pipeline; network, file system and process access are not available during import.`),
  // Running an untrusted graph from the command line (engine/cluster/node/hardening.ts).
  socketNotDeclared: (target: string, allowed: readonly string[]) => Object.assign(new Error(
    `Connection to ${target} refused: a pipeline graph may only connect to the socket sources it declares (${allowed.length ? allowed.join(', ') : 'none'})`),
  { code: 'ERR_ACCESS_DENIED' }),
  thenPollution: (proto: string, op: string) => new TypeError(
    `${op} set ${proto}.then: that makes every such object a thenable, and the engine's promises resolved with records would never settle. ` +
    'The property was removed; do not add "then" to built-in prototypes in a function'),
  workerEntryNotAllowed: (href: string) => new Error(`Refusing to start an executor worker from ${href}: only the engine's executor entry can be started`),
  noGetBuiltinModule: (id: string) => new Error(`process.getBuiltinModule is missing: Node 20.16 or later is needed to load ${id} (update Node)`),
  unknownExportLang: (lang: string) => new Error(`Unknown export language "${lang}": expected ts, scala or python`),
};
