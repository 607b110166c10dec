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
  declare readonly code: 'SHIPPED_SYNTAX_ERROR';
  constructor(readonly reason: string, readonly line: number, readonly column: number, readonly offset: number, opName?: string) {
    super(`${opName ? `Syntax error in the function given to ${opName}: ` : ''}${reason} (line ${line}, column ${column})`);
    this.name = 'SyntaxError';
    coded('SHIPPED_SYNTAX_ERROR', this);
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

/**
 * An error of the catalogue carries a stable `code` (its constructor's name in SCREAMING_SNAKE_CASE): readers (the
 * console's explanations, the studio's panels) switch on the code, never on the words, which are Spark's and may
 * change. The property is not enumerable, so printed and inspected errors look as they always did.
 */
export type CodedError<C extends string = string> = Error & { readonly code: C };

/** Errors given their code by coded(): codeOf trusts only these (a Node error's `code` is Node's, e.g. 'ENOENT'). */
const CODED = new WeakSet<Error>();

/** Gives an error its catalogue code; also what rebuilds an error that crossed a worker with its code. */
export function coded<C extends string, E extends Error>(code: C, error: E): E & { readonly code: C } {
  Object.defineProperty(error, 'code', { value: code, enumerable: false, configurable: true });
  CODED.add(error);
  return error as E & { readonly code: C };
}

/** An Error with another name (Java's exception classes this engine has no class for). */
const named = (name: string, message: string): Error => Object.assign(new Error(message), { name });


/** Spark's AppendOnlyMap says this both when asked for too large a map and when it cannot grow. */
const MAP_CAPACITY_LIMIT = "Can't make capacity bigger than 2^29 elements";

export const errors = {
  // ---- core: functions and closures shipped to executors, broadcast variables ----
  notAFunction: (op: string, what = 'function') => coded('NOT_A_FUNCTION', new TypeError(`${op} expects a ${what}, but was given something else. Pass a function such as (x) => x.`)),
  nativeFunction: (op: string, name: string) => coded('NATIVE_FUNCTION', new TypeError(
    `${op} was given the built-in function ${name ? `'${name}'` : '(anonymous)'}, which has no source text to ship to executors. ` +
    `Wrap it in an arrow function that calls it, e.g. (a, b) => Math.max(a, b).`)),
  boundFunction: (op: string, name: string) => coded('BOUND_FUNCTION', new TypeError(
    `${op} was given a bound function ('${name}'), which has no source text to ship to executors. ` +
    `Use an arrow function instead, e.g. (x) => f(x, 1), with any outside value passed through closure({ ... }, fn).`)),
  sourceNotAFunction: (op: string, found: string) => coded('SOURCE_NOT_A_FUNCTION', new TypeError(
    `${op} expects the source of a function (an arrow function, a function expression or a method), but the source is ${found}.`)),
  accessorNotShippable: (op: string, kind: string) => coded('ACCESSOR_NOT_SHIPPABLE', new TypeError(
    `${op} was given a ${kind}ter; only functions and methods can be shipped. Pass an arrow function instead.`)),
  dynamicImport: (op: string) => coded('DYNAMIC_IMPORT', new NotSerializableException(
    `Task not serializable: the function passed to ${op} uses import(), which cannot run on executors. Import modules on the driver and pass plain data (or a broadcast variable) instead.`)),
  closureVarNotData: (op: string | undefined, name: string, path: string, what: string) => coded('CLOSURE_VAR_NOT_DATA', new NotSerializableException(
    `Task not serializable: the closure variable '${name}'${op ? ` of the function passed to ${op}` : ''} holds ${what}` +
    `${path ? ` at ${name}${path}` : ''}, which cannot be shipped to executors. Closure variables must be plain data ` +
    `(numbers, strings, booleans, null, arrays, plain objects, Map, Set, Date) or a broadcast variable (sc.broadcast(value)).`)),
  broadcastNotData: (path: string, what: string) => coded('BROADCAST_NOT_DATA', new NotSerializableException(
    `Task not serializable: a broadcast value must be plain data (numbers, strings, booleans, null, arrays, plain objects, Map, Set, Date), ` +
    `but it holds ${what}${path ? ` at value${path}` : ''}.`)),
  invalidClosureVarName: (name: string) => coded('INVALID_CLOSURE_VAR_NAME', new TypeError(
    `closure(): '${name}' cannot be a closure variable name: use an identifier that is not a reserved word, a standard global or an engine global.`)),
  closureVarsNotObject: () => coded('CLOSURE_VARS_NOT_OBJECT', new TypeError('closure(vars, fn) expects a plain object of variables as its first argument, e.g. closure({ limit: 10 }, (x) => x < limit).')),
  notShipped: (what: string) => coded('NOT_SHIPPED', new TypeError(`compileShipped expects a shipped function ({ kind: 'shipped', source, opName }), but was given ${what}.`)),
  missingOnExecutor: (op: string, names: string[]) => coded('MISSING_ON_EXECUTOR', new SparkException(
    `The function shipped for ${op} uses ${names.map((n) => `'${n}'`).join(', ')}, which ${names.length === 1 ? 'is' : 'are'} not available on this executor. ` +
    `Driver and executors must compile with the same table of shipped globals: add the value to engine/runtime/shippedGlobals.ts, or pass the table that shipped the function to compileShipped (option globals).`)),
  networkNotAllowed: (op: string, names: string[]) => coded('NETWORK_NOT_ALLOWED', new SparkException(
    `The function shipped for ${op} uses ${names.map((n) => `'${n}'`).join(', ')}, but network access is not allowed on this executor (compileShipped option allowNetwork).`)),
  compileFailed: (op: string, reason: string) => coded('COMPILE_FAILED', new SparkException(`Cannot compile the function shipped for ${op}: ${reason}`)),
  noBroadcastRuntime: (id: number) => coded('NO_BROADCAST_RUNTIME', new SparkException(
    `Broadcast(${id}) is used inside a shipped function, but the function was compiled without a broadcast runtime (compileShipped(fn, runtime)).`)),
  broadcastDestroyed: (id: number) => coded('BROADCAST_DESTROYED', new SparkException(`Attempted to use Broadcast(${id}) after it was destroyed`)),
  unknownBroadcast: (id: number) => coded('UNKNOWN_BROADCAST', new SparkException(`Failed to get broadcast_${id}: no broadcast variable with id ${id} exists`)),
  shippedGlobalsReadOnly: () => coded('SHIPPED_GLOBALS_READ_ONLY', new TypeError('A table of shipped globals is read-only: build a new one with table.with({ name: value })')),
  shippedGlobalsNoDelete: () => coded('SHIPPED_GLOBALS_NO_DELETE', new TypeError('A table of shipped globals is read-only: build a new one with table.without(name)')),
  shippedGlobalNotIdentifier: (name: string) => coded('SHIPPED_GLOBAL_NOT_IDENTIFIER', new TypeError(`Shipped globals: '${name}' is not a valid identifier`)),
  shippedGlobalIsStandard: (name: string) => coded('SHIPPED_GLOBAL_IS_STANDARD', new TypeError(
    `Shipped globals: '${name}' is a standard JavaScript global and cannot be replaced inside shipped functions`)),
  shippedGlobalTaken: (name: string) => coded('SHIPPED_GLOBAL_TAKEN', new TypeError(
    `Shipped globals: '${name}' is already in the table with a different value (pass { replace: true } to replace it)`)),

  // ---- core: configuration, time, options, random numbers, collections ----
  confEmptyKey: () => coded('CONF_EMPTY_KEY', new IllegalArgumentException('requirement failed: SparkConf.set: key must be a non-empty string')),
  confNullValue: (key: string) => coded('CONF_NULL_VALUE', new TypeError(`SparkConf.set: null value for ${key}`)),
  confNoSuchKey: (key: string) => coded('CONF_NO_SUCH_KEY', new Error(`java.util.NoSuchElementException: ${key}`)),
  confNotInteger: (key: string, v: string) => coded('CONF_NOT_INTEGER', new Error(`${key} should be an integer, but was ${v}`)),
  confNotNumber: (key: string, v: string) => coded('CONF_NOT_NUMBER', new Error(`${key} should be a number, but was ${v}`)),
  confNotBoolean: (key: string, v: string) => coded('CONF_NOT_BOOLEAN', new Error(`${key} should be boolean, but was ${v}`)),
  confNotTime: (key: string, v: string) => coded('CONF_NOT_TIME', new Error(`${key} should be a time like 200ms or 10s, but was ${v}`)),
  durationNotFinite: (ms: unknown) => coded('DURATION_NOT_FINITE', new TypeError(`Duration must be a finite number of milliseconds, got ${ms}`)),
  unparsableDuration: (value: unknown) => coded('UNPARSABLE_DURATION', new TypeError(
    `Cannot parse duration "${value}": use a number of milliseconds or a value like "500ms", "2s", "1min"`)),
  noneGet: () => coded('NONE_GET', new Error('NoSuchElementException: None.get')),
  rngSeedNotFinite: (seed: unknown) => coded('RNG_SEED_NOT_FINITE', new TypeError(`Rng seed must be a finite number or a string, got ${seed}`)),
  nextIntBound: (n: number) => coded('NEXT_INT_BOUND', new RangeError(`nextInt bound must be a positive integer, got ${n}`)),
  pickFromEmpty: () => coded('PICK_FROM_EMPTY', new RangeError('pick from an empty array')),
  poissonMean: (mean: number) => coded('POISSON_MEAN', new RangeError(`poisson mean must be a finite number >= 0, got ${mean}`)),
  zipfN: (n: number) => coded('ZIPF_N', new RangeError(`Zipf n must be a positive integer, got ${n}`)),
  zipfExponent: (s: number) => coded('ZIPF_EXPONENT', new RangeError(`Zipf exponent must be a finite number >= 0, got ${s}`)),
  javaSeedNotInteger: (seed: unknown) => coded('JAVA_SEED_NOT_INTEGER', new TypeError(`seed must be an integer (a Java long), got ${seed}`)),
  javaBoundNotPositive: () => coded('JAVA_BOUND_NOT_POSITIVE', new RangeError('bound must be positive')),
  samplingFractionOpen: (f: number) => coded('SAMPLING_FRACTION_OPEN', new RangeError(`requirement failed: Sampling fraction (${f}) must reside on open interval (0, 1)`)),
  samplingFractionPositive: (f: number) => coded('SAMPLING_FRACTION_POSITIVE', new RangeError(`requirement failed: Sampling fraction (${f}) must be > 0`)),
  samplingFractionNonNegative: (f: number) => coded('SAMPLING_FRACTION_NON_NEGATIVE', new RangeError(`requirement failed: Sampling fraction (${f}) must be >= 0`)),
  samplingEpsilon: (epsilon: number) => coded('SAMPLING_EPSILON', new RangeError(`requirement failed: epsilon (${epsilon}) must be > 0`)),
  mapCapacityTooBig: () => coded('MAP_CAPACITY_TOO_BIG', new Error(`requirement failed: ${MAP_CAPACITY_LIMIT}`)),
  mapCapacityInvalid: () => coded('MAP_CAPACITY_INVALID', new Error('requirement failed: Invalid initial capacity')),
  mapCannotGrow: () => coded('MAP_CANNOT_GROW', new Error(MAP_CAPACITY_LIMIT)),
  mapDestroyed: () => coded('MAP_DESTROYED', new Error('assertion failed: Map state is invalid from destructive sorting!')),

  // ---- core: file systems (memory, Node, IndexedDB) ----
  fileNotFound: (path: string) => coded('FILE_NOT_FOUND', new Error(`File does not exist: ${path}`)),
  dirNotFound: (dir: string) => coded('DIR_NOT_FOUND', new Error(`Directory does not exist: ${dir}`)),
  notADirectory: (dir: string) => coded('NOT_A_DIRECTORY', new Error(`Not a directory: ${dir}`)),
  writeToDirectory: (path: string) => coded('WRITE_TO_DIRECTORY', new Error(`Cannot write ${path}: it is a directory`)),
  mkdirOverFile: (path: string, file: string) => coded('MKDIR_OVER_FILE', new Error(`Cannot create directory ${path}: ${file} is a file`)),
  dirNotEmpty: (path: string) => coded('DIR_NOT_EMPTY', new Error(`Directory not empty: ${path}`)),
  noSpaceLeft: (path: string) => coded('NO_SPACE_LEFT', new Error(`No space left on device while writing ${path}: free some disk space or choose another directory`)),
  permissionDenied: (path: string) => coded('PERMISSION_DENIED', new Error(`Permission denied: ${path}: choose a directory you can write to`)),
  writeInterrupted: (path: string) => coded('WRITE_INTERRUPTED', new Error(`Write of ${path} was interrupted: its temporary copy is gone. Write it again`)),
  storageQuotaExceeded: () => coded('STORAGE_QUOTA_EXCEEDED', new Error(
    'The browser storage quota is exhausted: delete old checkpoints or saved outputs, or export them and clear site data')),
  indexedDbError: (detail: string) => coded('INDEXED_DB_ERROR', new Error(`IndexedDB error: ${detail}`)),
  indexedDbBlocked: (dbName: string) => coded('INDEXED_DB_BLOCKED', new Error(`IndexedDB database ${dbName} is blocked by another tab: close the other studio tabs and retry`)),
  indexedDbAborted: () => coded('INDEXED_DB_ABORTED', new Error('transaction aborted')),
  indexedDbUnavailable: () => coded('INDEXED_DB_UNAVAILABLE', new Error('IndexedDB is not available here: use MemoryFileSystem (or NodeFileSystem in Node)')),

  // ---- rdd: SparkContext and batch (RDD) operations ----
  numSlicesPositive: (n: unknown) => coded('NUM_SLICES_POSITIVE', new IllegalArgumentException(`requirement failed: Positive number of partitions required (numSlices = ${n})`)),
  numPartitionsPositive: (n: unknown) => coded('NUM_PARTITIONS_POSITIVE', new IllegalArgumentException(`requirement failed: Number of partitions (${n}) must be positive.`)),
  invalidMaster: (master: string) => coded('INVALID_MASTER', new SparkException(`Could not parse Master URL: '${master}'. Use local, local[N], local[*] or local-cluster[W,C,M].`)),
  noMaster: () => coded('NO_MASTER', new SparkException('A master URL must be set in your configuration')),
  noAppName: () => coded('NO_APP_NAME', new SparkException('An application name must be set in your configuration')),
  contextStopped: () => coded('CONTEXT_STOPPED', new IllegalStateException('Cannot call methods on a stopped SparkContext.')),
  taskNotSerializable: (op: string, names: string[]) => coded('TASK_NOT_SERIALIZABLE', new NotSerializableException(
    `Task not serializable: the function passed to ${op} uses ${names.map((n) => `'${n}'`).join(', ')} from outside the function, ` +
    `and functions are shipped to executors as source text without their surroundings. ` +
    `Fix: broadcast the value (const b = sc.broadcast(value)) and pass it in with closure({ ${names.join(', ')}: b }, fn), reading b.value inside, ` +
    `or move the value inside the function.`)),
  /** Spark's DAGScheduler.cleanUpAfterSchedulerStop. */
  jobCancelledShutdown: (jobId: number) => coded('JOB_CANCELLED_SHUTDOWN', new SparkException(`Job ${jobId} cancelled because SparkContext was shut down`)),
  jobAborted: (taskIndex: number, stageId: number, failures: number, cause: string, attemptId = 0) =>
    coded('JOB_ABORTED', new SparkException(`Job aborted due to stage failure: Task ${taskIndex} in stage ${stageId}.${attemptId} failed ${failures} times, most recent failure: ${cause}`)),
  emptyCollection: () => coded('EMPTY_COLLECTION', new Error('UnsupportedOperationException: empty collection')),
  sparkConfExpected: () => coded('SPARK_CONF_EXPECTED', new TypeError('new SparkContext(conf) expects a SparkConf')),
  noClusterModule: (master: string) => coded('NO_CLUSTER_MODULE', new Error(
    `local-cluster mode is not available in this build: this host's runtime starts no executor workers (give the SparkContext a runtime with a workerSpawner, engine/runtime/), or use local[N]. Master was ${master}.`)),
  parallelizeNotIterable: () => coded('PARALLELIZE_NOT_ITERABLE', new TypeError('parallelize expects an array or another iterable of records')),
  unionNotArray: () => coded('UNION_NOT_ARRAY', new IllegalArgumentException('requirement failed: union needs an array of RDDs')),
  fractionNegative: (f: number) => coded('FRACTION_NEGATIVE', new IllegalArgumentException(`requirement failed: Fraction must be nonnegative, but got ${f}`)),
  samplingFractionRange: (f: number) => coded('SAMPLING_FRACTION_RANGE', new IllegalArgumentException(`requirement failed: Sampling fraction (${f}) must be on interval [0, 1]`)),
  zipUnequalPartitions: (counts: number[]) => coded('ZIP_UNEQUAL_PARTITIONS', new IllegalArgumentException(
    `Can't zip RDDs with unequal numbers of partitions: List(${counts.join(', ')}). ` +
    `Give both RDDs the same number of partitions first (repartition or coalesce one of them).`)),
  outputDirExists: (path: string) => coded('OUTPUT_DIR_EXISTS', named('FileAlreadyExistsException',
    `Output directory ${path} already exists. Save to a new path, or delete the directory first.`)),
  /** A record that structured clone cannot carry between worker executors. */
  notSerializableRecord: (what: string, where: string, path: string) => coded('NOT_SERIALIZABLE_RECORD', new NotSerializableException(
    `NotSerializableException: ${what}${path ? ` (at record${path})` : ''} cannot be sent ${where}: in local-cluster mode records travel ` +
    'between worker executors by structured clone, which keeps only plain data. Fix: map the record to plain data ' +
    '(numbers, strings, arrays as tuples, plain objects, Map, Set, Some/None, CompactBuffer) before the shuffle, collect or cache, ' +
    'or run with master local[N].')),
  storageLevelChange: () => coded('STORAGE_LEVEL_CHANGE', new Error('UnsupportedOperationException: Cannot change storage level of an RDD after it was already assigned a level')),
  invalidStorageLevel: (s: string) => coded('INVALID_STORAGE_LEVEL', new Error(`Invalid StorageLevel: ${s}`)),
  sampleFractionNotNumber: (f: unknown) => coded('SAMPLE_FRACTION_NOT_NUMBER', new TypeError(`sample expects a fraction (a number), but got ${String(f)}`)),
  sampleSeedNotInteger: (seed: unknown) => coded('SAMPLE_SEED_NOT_INTEGER', new TypeError(`sample expects an integer seed (a Java long), but got ${seed}`)),
  noOrdering: (a: string, b: string) => coded('NO_ORDERING', new TypeError(
    `No implicit Ordering defined for ${a} and ${b}: sort keys must be numbers, strings, booleans, tuples or Options`)),
  notAPair: (op: string, record: string) => coded('NOT_A_PAIR', new TypeError(
    `${op} needs (key, value) pairs, but got ${record}. Map each record to a [key, value] array first, for example w => [w, 1].`)),
  notIterableResult: (op: string, result: string) => coded('NOT_ITERABLE_RESULT', new TypeError(
    `The function given to ${op} must return an iterable (an array or a generator), but returned ${result}.`)),

  // ---- scheduler / cluster: jobs, tasks, executors ----
  nonExistentPartition: (p: number, n: number) => coded('NON_EXISTENT_PARTITION', new Error(
    `IllegalArgumentException: Attempting to access a non-existent partition: ${p}. Total number of partitions: ${n}`)),
  stageAborted: (kind: string, stageId: number, name: string, maxAttempts: number, reason: string) => coded('STAGE_ABORTED', new SparkException(
    `Job aborted due to stage failure: ${kind} ${stageId} (${name}) has failed the maximum allowable number of times: ${maxAttempts}. Most recent failure reason: ${reason}`)),
  /** A task that ran past spark.studio.task.timeout (the task fails with this message). */
  taskTimeout: (ms: number, site: string) => coded('TASK_TIMEOUT', named('TaskTimeout', `task exceeded ${ms} ms (possible infinite loop in ${site})`)),
  taskKilled: (reason: string) => coded('TASK_KILLED', named('TaskKilled', `TaskKilled (${reason})`)),
  /** Spark's ExecutorLostFailure.toErrorString for a loss that is not the tasks' fault. */
  executorLost: (executorId: string, reason: string) => coded('EXECUTOR_LOST', named('ExecutorLostFailure',
    `ExecutorLostFailure (executor ${executorId} exited unrelated to the running tasks) Reason: ${reason}`)),
  /** Spark's ExecutorLostFailure.toErrorString with exitCausedByApp = true (counted towards spark.task.maxFailures). */
  executorLostByApp: (executorId: string, reason: string) => coded('EXECUTOR_LOST_BY_APP', named('ExecutorLostFailure',
    `ExecutorLostFailure (executor ${executorId} exited caused by one of the running tasks) Reason: ${reason}`)),
  /** A task whose executor ran out of memory. */
  executorOom: (executorId: string, limitMiB: number, site: string, detail: string) => coded('EXECUTOR_OOM', named('OutOfMemoryError',
    `executor ${executorId} ran out of memory (limit ${limitMiB} MiB) while running ${site}: ${detail}`)),
  heapOverLimit: (usedMiB: string, limitMiB: string, op: string) => coded('HEAP_OVER_LIMIT', new ExecutorOutOfMemoryError(
    `heap in use ${usedMiB} MiB exceeds the limit of ${limitMiB} MiB in ${op}`)),
  arrayBuffersOverLimit: (requestedMiB: string, usedMiB: string, limitMiB: string) => coded('ARRAY_BUFFERS_OVER_LIMIT', new ExecutorOutOfMemoryError(
    `allocating ${requestedMiB} MiB of array buffers (typed arrays, ArrayBuffer, WebAssembly.Memory) with ${usedMiB} MiB already in use would pass the executor's memory limit of ${limitMiB} MiB`)),
  blockBudgetExceeded: (blockId: string, sizeMiB: string, totalMiB: string, budgetMiB: string) => coded('BLOCK_BUDGET_EXCEEDED', new ExecutorOutOfMemoryError(
    `storing ${blockId} (${sizeMiB} MiB) would bring the executor's blocks to ${totalMiB} MiB, over its budget of ${budgetMiB} MiB`)),
  noExecutorStarted: (workers: number, coresPerWorker: number, memoryMiB: number, why: string) => coded('NO_EXECUTOR_STARTED', new SparkException(
    `Failed to start any executor for local-cluster[${workers},${coresPerWorker},${memoryMiB}]: ${why}. ` +
    'Check that the executor worker script loads (the engine must be importable in a worker), or use master local[N].')),
  executorBroadcastMissing: (id: number, executorId: string) => coded('EXECUTOR_BROADCAST_MISSING', new Error(
    `SparkException: Failed to get broadcast_${id} on executor ${executorId}: it was destroyed or never sent. Create the broadcast with sc.broadcast(value) before the job that uses it.`)),
  executorNotInitialised: () => coded('EXECUTOR_NOT_INITIALISED', new Error('executor not initialised')),
  notInWorkerThread: () => coded('NOT_IN_WORKER_THREAD', new Error('executorWorker.ts must run inside a worker_threads Worker')),
  noWebWorkers: () => coded('NO_WEB_WORKERS', new Error('Web Workers are not available here (no Worker constructor): use master local[N]')),
  localThreads: (s: string, master: string) => coded('LOCAL_THREADS', new Error(`Asked to run locally with ${s} threads (master ${master}): use a positive number of threads`)),
  notASize: (key: string, value: string) => coded('NOT_A_SIZE', new Error(`${key} must be a size such as 384m or 1g, but was '${value}'`)),

  // ---- streaming: StreamingContext, DStreams, inputs, receivers ----
  noOutputOperations: () => coded('NO_OUTPUT_OPERATIONS', new IllegalArgumentException('requirement failed: No output operations registered, so nothing to execute')),
  windowNotMultiple: (windowMs: number, parentSlideMs: number) => coded('WINDOW_NOT_MULTIPLE', new SparkException(
    `The window duration of windowed DStream (${windowMs} ms) must be a multiple of the slide duration of parent DStream (${parentSlideMs} ms)`)),
  slideNotMultiple: (slideMs: number, parentSlideMs: number) => coded('SLIDE_NOT_MULTIPLE', new SparkException(
    `The slide duration of windowed DStream (${slideMs} ms) must be a multiple of the slide duration of parent DStream (${parentSlideMs} ms)`)),
  reducedWindowNotMultiple: (windowMs: number, parentSlideMs: number) => coded('REDUCED_WINDOW_NOT_MULTIPLE', new IllegalArgumentException(
    `requirement failed: The window duration of ReducedWindowedDStream (${windowMs} ms) must be multiple of the slide duration of parent DStream (${parentSlideMs} ms)`)),
  reducedSlideNotMultiple: (slideMs: number, parentSlideMs: number) => coded('REDUCED_SLIDE_NOT_MULTIPLE', new IllegalArgumentException(
    `requirement failed: The slide duration of ReducedWindowedDStream (${slideMs} ms) must be multiple of the slide duration of parent DStream (${parentSlideMs} ms)`)),
  checkpointDirNotSet: () => coded('CHECKPOINT_DIR_NOT_SET', new IllegalArgumentException(
    'requirement failed: The checkpoint directory has not been set. Please set it by StreamingContext.checkpoint().')),
  addAfterStart: () => coded('ADD_AFTER_START', new IllegalStateException('Adding new inputs, transformations, and output operations after starting a context is not supported')),
  alreadyStopped: () => coded('ALREADY_STOPPED', new IllegalStateException('StreamingContext has already been stopped')),
  alreadyStarted: () => coded('ALREADY_STARTED', new IllegalStateException('StreamingContext has already been started')),
  differentSlideDurations: () => coded('DIFFERENT_SLIDE_DURATIONS', new IllegalArgumentException('requirement failed: Some of the DStreams have different slide durations')),
  differentContexts: () => coded('DIFFERENT_CONTEXTS', new IllegalArgumentException('requirement failed: Some of the DStreams have different contexts')),
  manualClockOnly: () => coded('MANUAL_CLOCK_ONLY', new IllegalStateException('ssc.step(n) needs the manual clock: set spark.streaming.clock to "manual" in the SparkConf.')),
  batchDurationNotSet: () => coded('BATCH_DURATION_NOT_SET', new SparkException('Batch duration for StreamingContext cannot be null')),
  sscStdoutNotFunction: () => coded('SSC_STDOUT_NOT_FUNCTION', new TypeError('ssc.stdout must be a function (text: string) => void')),
  streamingConfExpected: () => coded('STREAMING_CONF_EXPECTED', new TypeError('new StreamingContext(conf, batchDuration) expects a SparkConf or a SparkContext')),
  batchDurationNotPositive: (d: unknown) => coded('BATCH_DURATION_NOT_POSITIVE', new IllegalArgumentException(`requirement failed: Batch duration must be positive, got ${d}`)),
  stepNeedsStarted: () => coded('STEP_NEEDS_STARTED', new IllegalStateException('ssc.step(n) needs a started context: call await ssc.start() first')),
  stepCount: (n: unknown) => coded('STEP_COUNT', new IllegalArgumentException(`requirement failed: step(n) needs a non-negative integer, got ${n}`)),
  unionNeedsStreams: () => coded('UNION_NEEDS_STREAMS', new IllegalArgumentException('requirement failed: union needs at least one DStream')),
  unknownClock: (name: string) => coded('UNKNOWN_CLOCK', new Error(`Unknown spark.streaming.clock "${name}": use "manual" or "system"`)),
  simulatedCost: (cost: string) => coded('SIMULATED_COST', new Error(`spark.studio.simulatedCostPerRecordMs must be a number of milliseconds >= 0, got "${cost}"`)),
  zeroTimeAlreadySet: (zeroTime: unknown, time: unknown) => coded('ZERO_TIME_ALREADY_SET', new SparkException(
    `ZeroTime is already initialized to ${zeroTime}, cannot initialize it again to ${time}`)),
  dstreamNotInitialized: (dstream: unknown) => coded('DSTREAM_NOT_INITIALIZED', new SparkException(`${dstream} has not been initialized`)),
  rememberDurationNotSet: (dstream: unknown) => coded('REMEMBER_DURATION_NOT_SET', new IllegalArgumentException(`requirement failed: Remember duration is set to null for ${dstream}`)),
  dstreamStorageLevelChange: () => coded('DSTREAM_STORAGE_LEVEL_CHANGE', new Error('UnsupportedOperationException: Cannot change storage level of a DStream after streaming context has started')),
  dstreamCheckpointChange: () => coded('DSTREAM_CHECKPOINT_CHANGE', new Error('UnsupportedOperationException: Cannot change checkpoint interval of a DStream after streaming context has started')),
  printCount: (n: unknown) => coded('PRINT_COUNT', new IllegalArgumentException(`requirement failed: print(num) needs a non-negative integer, got ${n}`)),
  windowDurationExpected: () => coded('WINDOW_DURATION_EXPECTED', new TypeError(
    'reduceByKeyAndWindow(reduce, inverse, windowDuration, slideDuration?, ...) needs a window Duration as its third argument, e.g. Seconds(30)')),
  noParentRDD: (t: unknown) => coded('NO_PARENT_RDD', new SparkException(`Couldn't generate RDD from parent at time ${t}`)),
  noParentRDDForUnion: (t: unknown) => coded('NO_PARENT_RDD_FOR_UNION', new SparkException(`Could not generate RDD from a parent for unifying at time ${t}`)),
  transformReturnedNull: () => coded('TRANSFORM_RETURNED_NULL', new SparkException(
    'Transform function must not return null. Return SparkContext.emptyRDD() instead to represent no element as the result of transformation.')),
  transformNotRDD: (op: string, got: string) => coded('TRANSFORM_NOT_RDD', new TypeError(
    `The function given to ${op} must return an RDD (it runs on the driver and gets the batch's RDD), but it returned ${got}.`)),
  stateNotSet: () => coded('STATE_NOT_SET', new Error('NoSuchElementException: State is not set')),
  stateUpdateAfterRemove: () => coded('STATE_UPDATE_AFTER_REMOVE', new Error('IllegalArgumentException: requirement failed: Cannot update the state after it has been removed')),
  stateUpdateTimingOut: () => coded('STATE_UPDATE_TIMING_OUT', new Error('IllegalArgumentException: requirement failed: Cannot update the state that is timing out')),
  stateRemoveTimingOut: () => coded('STATE_REMOVE_TIMING_OUT', new Error('IllegalArgumentException: requirement failed: Cannot remove the state that is timing out')),
  stateRemoveTwice: () => coded('STATE_REMOVE_TWICE', new Error('IllegalArgumentException: requirement failed: Cannot remove the state that has already been removed')),
  textFileStreamNoPath: () => coded('TEXT_FILE_STREAM_NO_PATH', new TypeError('textFileStream expects a directory path')),
  textFileStreamNoDir: (dir: string) => coded('TEXT_FILE_STREAM_NO_DIR', new Error(
    `textFileStream: the directory ${dir} does not exist. Create it (new files written into it become the stream) or fix the path.`)),
  textFileStreamList: (dir: string, detail: string) => coded('TEXT_FILE_STREAM_LIST', new Error(`textFileStream: cannot list ${dir}: ${detail}`)),
  receiverStreamNotReceiver: () => coded('RECEIVER_STREAM_NOT_RECEIVER', new TypeError('receiverStream expects a Receiver: a class extending Receiver with onStart() and onStop()')),
  queueStreamNotArray: () => coded('QUEUE_STREAM_NOT_ARRAY', new TypeError('queueStream expects an array of RDDs used as a queue (push RDDs onto it later to feed more batches)')),
  queueStreamNotRDD: () => coded('QUEUE_STREAM_NOT_RDD', new TypeError('queueStream: the queue must hold RDDs, e.g. queue.push(ssc.sparkContext.parallelize([1, 2, 3]))')),
  kafkaTopics: () => coded('KAFKA_TOPICS', new TypeError('directKafkaStream expects a non-empty array of topic names, e.g. ["events"]')),
  kafkaPartitions: (n: unknown) => coded('KAFKA_PARTITIONS', new RangeError(`directKafkaStream: partitionsPerTopic must be a positive integer, got ${n}`)),
  rateStreamRate: (rate: unknown) => coded('RATE_STREAM_RATE', new RangeError(`rateStream: rowsPerSecond must be a number >= 0, got ${rate}`)),
  twitterStreamRate: (rate: unknown) => coded('TWITTER_STREAM_RATE', new RangeError(`twitterStream: tweetsPerSecond must be >= 0, got ${rate}`)),
  socketHost: () => coded('SOCKET_HOST', new TypeError('socketTextStream expects a host name, e.g. "localhost"')),
  socketPort: (port: unknown) => coded('SOCKET_PORT', new RangeError(`socketTextStream: port must be an integer from 0 to 65535, got ${port}`)),
  connectionRefused: (host: string, port: number) => coded('CONNECTION_REFUSED', new Error(`Connection refused: nothing listens on ${host}:${port}`)),
  noWebSocket: () => coded('NO_WEB_SOCKET', new Error('WebSocket is not available on this platform')),
  webSocketFailed: (url: string) => coded('WEB_SOCKET_FAILED', new Error(`WebSocket connection to ${url} failed`)),
  storeBeforeStart: () => coded('STORE_BEFORE_START', new Error('Receiver.store called before the receiver was started')),
  blockIntervalNotPositive: () => coded('BLOCK_INTERVAL_NOT_POSITIVE', new Error("IllegalArgumentException: requirement failed: 'spark.streaming.blockInterval' should be a positive value")),
  walWithoutCheckpointDir: () => coded('WAL_WITHOUT_CHECKPOINT_DIR', new Error(
    'SparkException: Cannot enable receiver write-ahead log without checkpoint directory set. Please use streamingContext.checkpoint() to set the checkpoint directory. See documentation for more details.')),
  pidBatchInterval: (ms: number) => coded('PID_BATCH_INTERVAL', new Error(`IllegalArgumentException: requirement failed: Specified batch interval ${ms} in PIDRateEstimator is invalid.`)),
  pidProportional: (v: number) => coded('PID_PROPORTIONAL', new Error(`IllegalArgumentException: requirement failed: Proportional term ${v} in PIDRateEstimator should be >= 0.`)),
  pidIntegral: (v: number) => coded('PID_INTEGRAL', new Error(`IllegalArgumentException: requirement failed: Integral term ${v} in PIDRateEstimator should be >= 0.`)),
  pidDerivative: (v: number) => coded('PID_DERIVATIVE', new Error(`IllegalArgumentException: requirement failed: Derivative term ${v} in PIDRateEstimator should be >= 0.`)),
  pidMinRate: () => coded('PID_MIN_RATE', new Error('IllegalArgumentException: requirement failed: Minimum rate in PIDRateEstimator should be > 0')),
  unknownRateEstimator: (name: string) => coded('UNKNOWN_RATE_ESTIMATOR', new Error(`IllegalArgumentException: Unknown rate estimator: ${name}`)),
  windowValueCount: () => coded('WINDOW_VALUE_COUNT', new Error('Unexpected number of sequences of reduced values')),
  windowKeyHash: () => coded('WINDOW_KEY_HASH', new Error('Neither previous window has value for key, nor new values found. Are you sure your key class hashes consistently?')),
  // Fault injection (the studio's chaos buttons).
  killExecutorLocal: (executorId: string) => coded('KILL_EXECUTOR_LOCAL', new Error(
    `killExecutor(${executorId}): local mode runs tasks in the driver, there is no executor process to kill. Use a local-cluster[W,C,M] master.`)),
  killExecutorUnknown: (executorId: string, live: string[]) => coded('KILL_EXECUTOR_UNKNOWN', new Error(
    `killExecutor: no live executor with id "${executorId}" (live: ${live.join(', ') || 'none'})`)),
  crashReceiverUnknown: (streamId: number) => coded('CRASH_RECEIVER_UNKNOWN', new Error(`crashReceiver: no receiver for input stream ${streamId}`)),
  injectedReceiverCrash: () => coded('INJECTED_RECEIVER_CRASH', new Error('injected receiver crash')),
  /** failNextTask: the task fails with the fault's message. */
  injectedTaskFailure: (message: string) => coded('INJECTED_TASK_FAILURE', new Error(message)),
  slowTaskMs: (ms: number) => coded('SLOW_TASK_MS', new RangeError(`slowTask(ms) needs a positive number of milliseconds, got ${ms}`)),

  // ---- checkpoint / recovery ----
  checkpointIntervalNotSet: (className: string) => coded('CHECKPOINT_INTERVAL_NOT_SET', new IllegalArgumentException(
    `requirement failed: The checkpoint interval for ${className} has not been set. Please use DStream.checkpoint() to set the interval.`)),
  checkpointIntervalBelowSlide: (className: string, interval: unknown, slide: unknown) => coded('CHECKPOINT_INTERVAL_BELOW_SLIDE', new IllegalArgumentException(
    `requirement failed: The checkpoint interval for ${className} has been set to ${interval} which is lower than its slide time (${slide}). Please set it to at least ${slide}.`)),
  checkpointIntervalNotMultiple: (className: string, interval: unknown, slide: unknown) => coded('CHECKPOINT_INTERVAL_NOT_MULTIPLE', new IllegalArgumentException(
    `requirement failed: The checkpoint interval for ${className} has been set to ${interval} which not a multiple of its slide time (${slide}). Please set it to a multiple of ${slide}.`)),
  checkpointNoDir: () => coded('CHECKPOINT_NO_DIR', new TypeError('checkpoint(directory) expects a directory path')),
  checkpointTorn: (path: string, detail: string) => coded('CHECKPOINT_TORN', new Error(`${path} is not a complete checkpoint (${detail})`)),
  checkpointNotObject: (path: string) => coded('CHECKPOINT_NOT_OBJECT', new Error(`${path} is not a checkpoint: expected a JSON object`)),
  checkpointInvalid: (path: string, problems: string[]) => coded('CHECKPOINT_INVALID', new Error(`${path} is not a valid checkpoint: ${problems.join('; ')}`)),
  checkpointUnreadable: (dir: string, files: number, reason: string | undefined) => coded('CHECKPOINT_UNREADABLE', new Error(
    `SparkException: Failed to read checkpoint from directory ${dir}: none of its ${files} checkpoint file(s) is complete (${reason}). ` +
    'Delete the directory to start afresh, or pass { ignoreReadError: true } to getOrCreate to create a new context.')),
  checkpointValueTag: (tag: unknown) => coded('CHECKPOINT_VALUE_TAG', new Error(`Unknown value tag "${tag}" in a checkpoint file`)),
  checkpointFileCorrupt: (path: string, detail: string) => coded('CHECKPOINT_FILE_CORRUPT', new Error(
    `Checkpoint file ${path} is corrupt (${detail}): delete the checkpoint directory or restore it from a backup`)),
  checkpointFileIncomplete: (path: string, count: string) => coded('CHECKPOINT_FILE_INCOMPLETE', new Error(
    `Checkpoint file ${path} is incomplete: expected ${count} records. Delete the checkpoint directory or restore it from a backup`)),
  checkpointRDDPartMissing: (path: string, numPartitions: number, part: string, detail: string) => coded('CHECKPOINT_RDD_PART_MISSING', new Error(
    `Checkpoint RDD ${path} has ${numPartitions} partitions but ${part} cannot be read (${detail}): the checkpoint directory is incomplete`)),
  walBlockIncomplete: (walPath: string, blockId: string) => coded('WAL_BLOCK_INCOMPLETE', new Error(`${walPath} does not hold block ${blockId} completely`)),
  kafkaCheckpointData: (name: string) => coded('KAFKA_CHECKPOINT_DATA', new Error(
    `The checkpoint data of ${name} is not offset ranges: was the checkpoint written by another graph? Use a new checkpoint directory.`)),
  getOrCreateNoDir: () => coded('GET_OR_CREATE_NO_DIR', new TypeError('getOrCreate(checkpointDir, createFn) expects a checkpoint directory path')),
  getOrCreateNoFn: () => coded('GET_OR_CREATE_NO_FN', new TypeError('getOrCreate(checkpointDir, createFn) expects a function that creates the StreamingContext')),
  getOrCreateNotAContext: () => coded('GET_OR_CREATE_NOT_A_CONTEXT', new TypeError('getOrCreate(checkpointDir, createFn): createFn must return the StreamingContext it created')),
  getOrCreateStarted: () => coded('GET_OR_CREATE_STARTED', new Error('getOrCreate(checkpointDir, createFn): createFn must not start the context; getOrCreate returns it for you to start')),
  checkpointBatchDuration: (dir: string, cp: number, now: number) => coded('CHECKPOINT_BATCH_DURATION', new Error(
    `The checkpoint in ${dir} was written by an application with batch duration ${cp} ms, but createFn built one with ${now} ms: use the same batch duration, or a new checkpoint directory`)),
  checkpointGraphMismatch: (dir: string, detail: string) => coded('CHECKPOINT_GRAPH_MISMATCH', new Error(
    `The DStream graph built by createFn does not match the checkpoint in ${dir}: ${detail}. Define exactly the same DStreams and outputs inside createFn (Spark requires all DStream setup to be in the create function), or use a new checkpoint directory`)),

  // ---- graph: pipelines built from the studio's graphs ----
  unknownOp: (op: string, nodeId?: string) => coded('UNKNOWN_OP', new Error(`Unknown op "${op}"${nodeId === undefined ? '' : ` on node ${nodeId}`}`)),
  notFunctionSource: (got: string) => coded('NOT_FUNCTION_SOURCE', new TypeError(`Expected the source of a function, got ${got}`)),
  // Importing a TypeScript program as a graph (the result carries the message).
  importTimeout: (seconds: number) => coded('IMPORT_TIMEOUT', new Error(
    `Import stopped: the program ran longer than ${seconds} s while building its pipeline (an endless loop, or waiting for input?). Its worker was terminated.`)),
  importFailed: (detail: string) => coded('IMPORT_FAILED', new Error(`The program failed while building its pipeline: ${detail}`)),
  importWorkerExited: (code: unknown) => coded('IMPORT_WORKER_EXITED', new Error(`The import worker exited (code ${code}) before the program finished.`)),
  importSyntax: (line: number, column: number, detail: string) => coded('IMPORT_SYNTAX', new Error(`Syntax error at line ${line}, column ${column}: ${detail}`)),
  importDynamicModule: () => coded('IMPORT_DYNAMIC_MODULE', new Error(
    'Import stopped: the program loads a module with import(); modules other than the engine are not available while importing.')),
  importForbidden: (what: string) => coded('IMPORT_FORBIDDEN', new Error(
    `Import stopped: the program uses ${what} while building its pipeline; network, file system and process access are not available during import.`)),
  // Running an untrusted graph from the command line (engine/cluster/node/hardening.ts).
  socketNotDeclared: (target: string, allowed: readonly string[]) => coded('ERR_ACCESS_DENIED', new Error(
    `Connection to ${target} refused: a pipeline graph may only connect to the socket sources it declares (${allowed.length ? allowed.join(', ') : 'none'})`)),
  thenPollution: (proto: string, op: string) => coded('THEN_POLLUTION', new TypeError(
    `${op} set ${proto}.then: that makes every such object a thenable, and the engine's promises resolved with records would never settle. ` +
    'The property was removed; do not add "then" to built-in prototypes in a function')),
  workerEntryNotAllowed: (href: string) => coded('WORKER_ENTRY_NOT_ALLOWED', new Error(`Refusing to start an executor worker from ${href}: only the engine's executor entry can be started`)),
  noGetBuiltinModule: (id: string) => coded('NO_GET_BUILTIN_MODULE', new Error(`process.getBuiltinModule is missing: Node 20.16 or later is needed to load ${id} (update Node)`)),
  unknownExportLang: (lang: string) => coded('UNKNOWN_EXPORT_LANG', new Error(`Unknown export language "${lang}": expected ts, scala or python`)),
  // ---- RDD API part 2: sets, zips, iteration, barriers, checkpointing, SparkContext inputs ----
  zipUnequalElements: () => coded('ZIP_UNEQUAL_ELEMENTS', new SparkException('Can only zip RDDs with same number of elements in each partition')),
  zipPartitionsNoFunction: () => coded('ZIP_PARTITIONS_NO_FUNCTION', new TypeError(
    'zipPartitions(...rdds, f, preservesPartitioning?) expects the other RDDs, then a function over their partitions, e.g. rdd1.zipPartitions(rdd2, (a, b) => ...)')),
  rddCheckpointDirNotSet: () => coded('RDD_CHECKPOINT_DIR_NOT_SET', new SparkException(
    'Checkpoint directory has not been set in the SparkContext: call sc.setCheckpointDir(dir) before rdd.checkpoint()')),
  /** Spark's LocalCheckpointRDD.compute: the cached block a local checkpoint relies on is gone. */
  localCheckpointBlockNotFound: (blockId: string) => coded('LOCAL_CHECKPOINT_BLOCK_NOT_FOUND', new SparkException(
    `Checkpoint block ${blockId} not found! Either the executor that originally checkpointed this partition is no longer alive, ` +
    'or the original RDD is unpersisted. If this problem persists, you may consider using `rdd.checkpoint()` instead, ' +
    'which is slower than local checkpointing but more fault-tolerant.')),
  /** Spark's ReliableCheckpointRDD.writeRDDToCheckpointDirectory check. */
  checkpointPartitionCount: (rddId: number, n: number, cpId: number, m: number) => coded('CHECKPOINT_PARTITION_COUNT', new SparkException(
    `Checkpoint RDD has a different number of partitions from original RDD. Original RDD [ID: ${rddId}, num of partitions: ${n}]; ` +
    `Checkpoint RDD [ID: ${cpId}, num of partitions: ${m}].`)),
  /** Spark's BarrierJobSlotsNumberCheckFailed (DAGScheduler.checkBarrierStageWithNumSlots). */
  barrierNotEnoughSlots: (numTasks: number, slots: number) => coded('BARRIER_NOT_ENOUGH_SLOTS', new SparkException(
    '[SPARK-24819]: Barrier execution mode does not allow run a barrier stage that requires more slots than the total number of ' +
    'slots in the cluster currently. Please init a new cluster with more resources(e.g. CPU, GPU) or repartition the input RDD(s) ' +
    `to reduce the number of slots required to run this barrier stage. (The stage needs ${numTasks} slots; the cluster has ${slots}.)`)),
  /** Spark's BarrierJobUnsupportedRDDChainException (DAGScheduler.checkBarrierStageWithRDDChainPattern). */
  barrierRddChain: () => coded('BARRIER_RDD_CHAIN', new SparkException(
    '[SPARK-24820][SPARK-24821]: Barrier execution mode does not allow the following pattern of RDD chain within a barrier stage: \n' +
    '1. Ancestor RDDs that have different number of partitions from the resulting RDD (e.g. union()/coalesce()/first()/take()/' +
    'PartitionPruningRDD). A workaround for first()/take() can be barrierRdd.collect().head (scala) or barrierRdd.collect()[0] (python).\n' +
    '2. An RDD that depends on multiple barrier RDDs (e.g. barrierRdd1.zip(barrierRdd2)).')),
  rangeStepZero: () => coded('RANGE_STEP_ZERO', new IllegalArgumentException('requirement failed: step cannot be 0')),
  runJobNoFunction: (got: string) => coded('RUN_JOB_NO_FUNCTION', new TypeError(
    `sc.runJob(rdd, func, partitions?) expects a function over a partition's records (e.g. (it) => [...it].length), but got ${got}`)),
  /** An optional argument of Spark's API that this engine does not support: named, with what to use instead. */
  unsupportedArgument: (method: string, arg: string, instead: string) => coded('UNSUPPORTED_ARGUMENT', new IllegalArgumentException(
    `${method}: the argument ${arg} is not supported by this engine. ${instead}`)),
  unsupportedCodec: (codec: string) => coded('UNSUPPORTED_CODEC', new IllegalArgumentException(
    `Compression codec ${codec} is not supported: use org.apache.hadoop.io.compress.GzipCodec (or "gzip"), or no codec`)),
  sparkFileNotAdded: (name: string, added: string[]) => coded('SPARK_FILE_NOT_ADDED', new Error(
    `FileNotFoundException: ${name} was not added with sc.addFile (added: ${added.length ? added.join(', ') : 'none'}). Call sc.addFile(path) on the driver first`)),
  inputPathDoesNotExist: (path: string) => coded('INPUT_PATH_DOES_NOT_EXIST', named('InvalidInputException', `Input path does not exist: ${path}`)),
  /** Spark's addFile of a directory without recursive. */
  addFileDirectory: (path: string) => coded('ADD_FILE_DIRECTORY', new SparkException(`Added file ${path} is a directory and recursive is not turned on.`)),
  /** Spark 3.x's addFile of a second file of the same name. */
  fileAlreadyRegistered: (name: string, oldPath: string, newPath: string) => coded('FILE_ALREADY_REGISTERED', new IllegalArgumentException(
    `requirement failed: File ${name} was already registered with a different path (old path = ${oldPath}, new path = ${newPath}`)),
  // ---- helpers shipped with closures, Hadoop output, APIs Spark removed, executor requests ----
  helperNotSerializable: (op: string, chain: readonly string[], name: string, what: string) => coded('HELPER_NOT_SERIALIZABLE', new NotSerializableException(
    `Task not serializable: the function passed to ${op} calls the helper ${chain.map((h) => `'${h}'`).join(' → ')}, which uses '${name}' (${what}) from outside itself. ` +
    `A helper is shipped to executors as source text, without its surroundings, so each task would get its own copy of '${name}'. ` +
    `Fix: make ${chain[chain.length - 1]} take what it needs as parameters, or define it inside the function; for read-only data, use a broadcast variable (sc.broadcast(value)) passed in with closure({ ... }, fn).`)),
  dstreamForeachRemoved: () => coded('DSTREAM_FOREACH_REMOVED', new TypeError(
    'DStream.foreach was removed in Spark 2.0 (SPARK-13248): it was the old name of foreachRDD. ' +
    'Use stream.foreachRDD((rdd, time) => { ... }), which runs the function on the driver for each batch\'s RDD (call rdd.foreach(...) inside it to run code on the executors).')),
  notPairRecord: (op: string, record: string) => coded('NOT_PAIR_RECORD', new TypeError(
    `${op} is defined in Spark's PairDStreamFunctions / PairRDDFunctions: it needs a DStream or RDD of [key, value] pairs, but a record was ${record}. ` +
    `Map the records to pairs first (e.g. .map((x) => [x, 1])), or write them as text with saveAsTextFiles / saveAsTextFile.`)),
  unsupportedFileScheme: (op: string, scheme: string, path: string) => coded('UNSUPPORTED_FILE_SCHEME', new IllegalArgumentException(
    `${op}: no FileSystem for scheme "${scheme}" (in ${path}). This engine writes to its own file system: use a plain path, file:///path, or hdfs://host/path (written to the local directory hdfs/host/path).`)),
  hadoopFormatArgs: (op: string, n: number) => coded('HADOOP_FORMAT_ARGS', new IllegalArgumentException(
    `${op} was given ${n} argument${n === 1 ? '' : 's'} after the path (key/value/output format classes, a codec or a JobConf): this engine writes Hadoop's TextOutputFormat only. ` +
    `Pass just the path: ${op}(path).`)),
  requestExecutorsCount: (n: unknown) => coded('REQUEST_EXECUTORS_COUNT', new IllegalArgumentException(
    `Attempted to request a negative number of additional executor(s) ${String(n)} from the cluster manager. Please specify a positive number!`)),
  takeNotInteger: (n: unknown) => coded('TAKE_NOT_INTEGER', new IllegalArgumentException(
    `take expects an integer number of records, but got ${String(n)}. Pass an integer (0 or less takes nothing, as Spark's take).`)),
  // ---- rdd: statistics, ordering, tree aggregation, sampling, approximate actions (rddstats) ----
  notANumber: (op: string, record: string) => coded('NOT_ANUMBER', new TypeError(
    `${op} needs numbers (Spark's DoubleRDDFunctions), but got ${record}. Map each record to a number first, for example rdd.map(x => Number(x)).`)),
  histogramInvalidRdd: () => coded('HISTOGRAM_INVALID_RDD', new Error('UnsupportedOperationException: Histogram on either an empty RDD or RDD containing +/-infinity or NaN')),
  histogramBucketsTooFew: () => coded('HISTOGRAM_BUCKETS_TOO_FEW', new IllegalArgumentException('buckets array must have at least two elements')),
  histogramBucketsUnsorted: (buckets: string) => coded('HISTOGRAM_BUCKETS_UNSORTED', new IllegalArgumentException(
    `buckets must be sorted and not contain any duplicates (got ${buckets}): sort them ascending and drop repeated edges (a NaN edge may only be the last)`)),
  histogramBucketCount: (n: unknown) => coded('HISTOGRAM_BUCKET_COUNT', new TypeError(`histogram expects an integer bucket count or an array of bucket edges, but got ${String(n)}`)),
  treeDepth: (depth: unknown) => coded('TREE_DEPTH', new IllegalArgumentException(`requirement failed: Depth must be greater than or equal to 1 but got ${String(depth)}.`)),
  orderedCountNegative: (op: string, n: unknown) => coded('ORDERED_COUNT_NEGATIVE', new IllegalArgumentException(
    `${op}(${String(n)}): the number of elements must be an integer >= 0 (java.util.PriorityQueue refuses a negative capacity)`)),
  takeSampleNegative: () => coded('TAKE_SAMPLE_NEGATIVE', new IllegalArgumentException('requirement failed: Negative number of elements requested')),
  takeSampleTooLarge: () => coded('TAKE_SAMPLE_TOO_LARGE', new IllegalArgumentException('requirement failed: Cannot support a sample size > Int.MaxValue - 10.0 * math.sqrt(Int.MaxValue)')),
  takeSampleNotInteger: (n: unknown) => coded('TAKE_SAMPLE_NOT_INTEGER', new TypeError(`takeSample expects an integer number of elements, but got ${String(n)}`)),
  randomSplitNegative: (weights: string) => coded('RANDOM_SPLIT_NEGATIVE', new IllegalArgumentException(`requirement failed: Weights must be nonnegative, but got ${weights}`)),
  randomSplitSumNotPositive: (weights: string) => coded('RANDOM_SPLIT_SUM_NOT_POSITIVE', new IllegalArgumentException(`requirement failed: Sum of weights must be positive, but got ${weights}`)),
  cellSamplerBounds: (lb: number, ub: number) => coded('CELL_SAMPLER_BOUNDS', new IllegalArgumentException(`requirement failed: Lower bound (${lb}) must be <= upper bound (${ub})`)),
  negativeSamplingRates: () => coded('NEGATIVE_SAMPLING_RATES', new IllegalArgumentException('requirement failed: Negative sampling rates.')),
  keyNotFound: (key: string) => coded('KEY_NOT_FOUND', new Error(`NoSuchElementException: key not found: ${key} (give sampleByKey a fraction for every key in the RDD)`)),
  poissonMeanNotPositive: (mean: number) => coded('POISSON_MEAN_NOT_POSITIVE', new RangeError(`NotStrictlyPositiveException: mean (${mean}) must be positive`)),
  confidenceRange: (c: number) => coded('CONFIDENCE_RANGE', new IllegalArgumentException(`requirement failed: confidence (${c}) must be in [0,1]`)),
  relativeSDTooSmall: (sd: number) => coded('RELATIVE_SDTOO_SMALL', new IllegalArgumentException(`requirement failed: accuracy (${sd}) must be greater than 0.000017`)),
  hllPrecisionTooSmall: (p: number) => coded('HLL_PRECISION_TOO_SMALL', new IllegalArgumentException(`requirement failed: p (${p}) must be >= 4`)),
  hllSparseTooLarge: (sp: number) => coded('HLL_SPARSE_TOO_LARGE', new IllegalArgumentException(`requirement failed: sp (${sp}) must be <= 32`)),
  hllPrecisionAboveSparse: (p: number, sp: number) => coded('HLL_PRECISION_ABOVE_SPARSE', new IllegalArgumentException(`requirement failed: p (${p}) cannot be greater than sp (${sp})`)),
  hllSparseNotPorted: (p: number, sp: number) => coded('HLL_SPARSE_NOT_PORTED', new IllegalArgumentException(
    `countApproxDistinct(${p}, ${sp}): HyperLogLog++'s sparse representation (sp > 0) is not ported; use countApproxDistinct(${p}, 0) or countApproxDistinct(relativeSD)`)),
  hllPrecisionTooLarge: (p: number) => coded('HLL_PRECISION_TOO_LARGE', new IllegalArgumentException(
    `countApproxDistinct: precision p = ${p} needs 2^${p} registers per partition; use p <= 20 (relativeSD >= 0.00103)`)),
  // Receiver.store after the receiver stopped (Spark's BlockGenerator.addData / pushArrayBuffer on a stopped supervisor).
  blockGeneratorStopped: () => coded('BLOCK_GENERATOR_STOPPED', new Error('SparkException: Cannot add data as BlockGenerator has not been started or has been stopped')),
  // store(array/iterator) whose block reached no live executor and no write-ahead log (Spark's BlockManagerBasedBlockHandler).
  blockNotStored: (blockId: string, level: string) => coded('BLOCK_NOT_STORED', new Error(`SparkException: Could not store ${blockId} to block manager with storage level ${level}`)),
  // The driver asked an executor for the blocks of a receiver it does not run (it was restarted elsewhere).
  receiverNotOnExecutor: (streamId: number, executorId: string) => coded('RECEIVER_NOT_ON_EXECUTOR', new Error(`Receiver for stream ${streamId} is not running on executor ${executorId}`)),
  // Every constructor must give its error a code: a constructor without one does not typecheck.
} satisfies Record<string, (...args: never[]) => CodedError>;

/** The code of each error of the catalogue. */
export type CatalogueCode = ReturnType<(typeof errors)[keyof typeof errors]>['code'] | ShippedSyntaxError['code'];

/**
 * What failed, as readers switch on it: a catalogue error, or USER_FUNCTION_ERROR for an error the user's own code
 * threw (a TypeError "x is not a function" in a map function, a ReferenceError): where the engine runs user code it
 * throws only catalogue errors, so a task or a driver-side function that fails with anything else failed in the
 * user's code.
 */
export type ErrorCode = CatalogueCode | 'USER_FUNCTION_ERROR';

/** The catalogue code an error carries (also after crossing a worker: see cluster/protocol.ts errorData). */
export function codeOf(e: unknown): CatalogueCode | undefined {
  return e instanceof Error && CODED.has(e) ? (e as CodedError<CatalogueCode>).code : undefined;
}

/** The code of an error thrown while the engine ran user code (see ErrorCode). */
export function failureCodeOf(e: unknown): ErrorCode {
  return codeOf(e) ?? 'USER_FUNCTION_ERROR';
}
