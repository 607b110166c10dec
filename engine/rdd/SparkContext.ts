import { BroadcastRegistry, type Broadcast } from '../core/broadcast';
import type { BroadcastRuntime } from '../core/closure';
import type { Clock } from '../core/clock';
import { SparkConf } from '../core/conf';
import { errors } from '../core/errors';
import { EventBus, type EngineEvent, type EngineListener } from '../core/events';
import type { FileSystem } from '../core/fileSystem';
import { Rng } from '../core/rng';
import { None, Some, type Option } from '../core/option';
import type { SchedulerBackend } from '../cluster/backend';
import { LocalBackend, type BackendContext } from '../cluster/localBackend';
import { availableCores, parseMaster, type MasterSpec } from '../cluster/masterUrl';
import { localClusterDeployment } from '../cluster/index';
import type { EngineRuntime } from '../runtime/runtime';
import { HOST_RUNTIME } from '../runtime/hostRuntime';
import { DAGScheduler, type JobOptions } from '../scheduler/DAGScheduler';
import { TaskScheduler } from '../scheduler/TaskScheduler';
import type { RDD, RddScope } from './RDD';
import { blockRDD } from './kinds/BlockRDD';
import { emptyRDD } from './kinds/EmptyRDD';
import { parallelCollectionRDD } from './kinds/ParallelCollectionRDD';
import { partitionerAwareUnionRDD } from './kinds/PartitionerAwareUnionRDD';
import { unionRDD } from './kinds/UnionRDD';
import type { RecordSample, ResultOp } from './plan';
import type { Fn } from './RDD';
import { doCheckpoint } from './methods/checkpoint';
import { checkBarrierStages } from './methods/barrier';
import { isResultOp, runJob as userRunJob } from './methods/runJob';
import { range as rangeRDD } from './methods/range';
import * as fileInputs from './methods/textFile';
import { AddedFiles } from './methods/addFile';
import { rejectUnsupportedArguments } from './methods/unsupportedArguments';
import { checkpointDirFor } from './methods/setCheckpointDir';
import type { RecordedPartitionValues } from './kinds/RecordedPartition';

export interface SparkContextOptions {
  /** Default: the runtime's clock. */
  clock?: Clock;
  /** Default: the runtime's file system. */
  fs?: FileSystem;
  /** What the host gives the engine (files, worker spawner, sockets, shipped globals); default: this realm's host runtime. */
  runtime?: EngineRuntime;
}

/** Spark's SparkContext: the driver's entry point to the cluster. */
export class SparkContext {
  readonly conf: SparkConf;
  readonly master: string;
  readonly appName: string;
  readonly applicationId: string;
  readonly listenerBus = new EventBus();
  readonly broadcasts = new BroadcastRegistry();
  readonly taskScheduler: TaskScheduler;
  readonly dagScheduler: DAGScheduler;
  readonly backend: SchedulerBackend;
  readonly masterSpec: MasterSpec;
  /** The host's runtime this context was built with (its file system, spawner, socket connector, shipped globals). */
  readonly runtime: EngineRuntime;
  clock: Clock;
  fs: FileSystem;
  /** Spark's call site, shown in RDD and stage names (the studio sets the graph node). */
  callSite?: string;
  /** The DStream batch whose RDDs are being created (Spark's RDD operation scope, set by DStream.getOrCompute). */
  rddScope?: RddScope;
  /** RDD ids whose records are sampled into recordsSample events, and the sink for them (set by streaming). */
  sampledRdds?: () => number[] | undefined;
  onRecordSample?: (rddId: number, partition: number, sample: RecordSample) => void;
  /** RDD ids whose partitions' records tasks hand back, and the sink for them (set by streaming's input recorder). */
  recordedRdds?: () => ReadonlySet<number> | undefined;
  onRecordedPartition?: (recorded: RecordedPartitionValues) => void;
  /** Properties of the streaming job now running (Spark's local properties), stamped on jobStart events. */
  jobContext?: JobOptions;
  /** Fault hook consulted at every task launch (ssc.faults). */
  taskFaults?: (stageId: number, partition: number) => { injectFailure?: string; delayMs?: number } | undefined;

  /** Files added with addFile, shipped with every task (SparkFiles). */
  private readonly addedFiles = new AddedFiles();
  /** Where RDD checkpoints are written (sc.setCheckpointDir). */
  checkpointDir?: string;

  private nextRddId = 0;
  private nextShuffleIdValue = 0;
  private stopped = false;
  private readonly started: Promise<void>;
  private readonly persistent = new Map<number, RDD<unknown>>();
  private readonly seeds: Rng;
  /** Sizes of cached RDD blocks by executor and block id, from blockUpdated events (Spark's storage status). */
  private readonly blockSizes = new Map<string, { blockId: string; memSize: number; diskSize: number }>();

  constructor(conf: SparkConf = new SparkConf(), opts: SparkContextOptions = {}) {
    if (!(conf instanceof SparkConf)) throw errors.sparkConfExpected();
    this.conf = conf.clone();
    const runtime = opts.runtime ?? HOST_RUNTIME;
    this.runtime = runtime;
    const overrides = runtime.overrides();
    // The command line's --master (npm run pipeline) overrides what a program sets, like spark-submit's --master.
    const master = overrides.master ?? this.conf.getOption('spark.master');
    if (!master) throw errors.noMaster();
    const appName = this.conf.getOption('spark.app.name');
    if (!appName) throw errors.noAppName();
    this.master = master;
    this.appName = appName;
    this.applicationId = runtime.nextApplicationId();
    this.masterSpec = parseMaster(master, availableCores());
    this.clock = opts.clock ?? runtime.clock();
    this.fs = opts.fs ?? runtime.fileSystem();
    this.seeds = new Rng(this.conf.getInt('spark.dstream.seed', this.conf.getInt('spark.studio.seed', 42)));

    const ctx: BackendContext = { post: (e) => this.post(e), now: () => this.clock.getTimeMillis(), getBroadcast: (id) => this.broadcasts.getBroadcast(id) };
    if (this.masterSpec.kind === 'local') {
      this.taskScheduler = new TaskScheduler(ctx.post, ctx.now);
      this.backend = new LocalBackend(this.masterSpec.cores, this.masterSpec.maxFailures, ctx, this.conf.getInt('spark.studio.executor.memoryMiB', 1024));
    } else {
      if (!runtime.workerSpawner) throw errors.noClusterModule(master);
      const deployment = localClusterDeployment(this.masterSpec, this.conf, overrides.taskTimeoutMs);
      this.taskScheduler = new TaskScheduler(ctx.post, ctx.now, deployment.scheduling);
      this.listenerBus.add(deployment.listener);
      this.backend = deployment.backend(ctx, this.broadcasts, runtime.workerSpawner());
    }
    const maxTaskFailures = this.backend.maxTaskFailures;
    this.dagScheduler = new DAGScheduler({
      post: ctx.post, now: ctx.now, taskScheduler: this.taskScheduler, maxTaskFailures,
      sampleRdds: () => this.sampledRdds?.(),
      onSample: (rddId, p, s) => this.onRecordSample?.(rddId, p, s),
      recordedRdds: () => this.recordedRdds?.(),
      onRecorded: (r) => this.onRecordedPartition?.(r),
      taskFaults: (stageId, p) => this.taskFaults?.(stageId, p),
      taskFiles: () => this.addedFiles.shipped(),
    });
    this.backend.onExecutorAdded((h) => this.taskScheduler.addExecutor(h));
    this.backend.onExecutorLost((id, reason) => {
      this.taskScheduler.removeExecutor(id, reason);
      this.dagScheduler.executorLost(id);
      this.post({ type: 'executorRemoved', time: this.clock.getTimeMillis(), executorId: id, reason });
    });
    this.post({ type: 'applicationStart', time: this.clock.getTimeMillis(), appName, appId: this.applicationId, master, sparkUser: 'studio' });
    this.post({ type: 'clusterStep', time: this.clock.getTimeMillis(), step: 'driverStarted', index: 1, detail: `driver started for ${appName} (${master})` });
    this.listenerBus.add((e) => {
      if (e.type !== 'blockUpdated' || e.rddId === undefined) return;
      const key = `${e.executorId}/${e.blockId}`;
      if (e.storageLevel === 'NONE') this.blockSizes.delete(key);
      else this.blockSizes.set(key, { blockId: e.blockId, memSize: e.memSize, diskSize: e.diskSize });
    });
    this.started = this.backend.start();
    this.started.catch(() => undefined);
  }

  get isStopped(): boolean { return this.stopped; }
  get defaultParallelism(): number {
    return this.conf.getInt('spark.default.parallelism', this.backend.defaultParallelism());
  }
  get startTime(): number { return 0; }
  /** Resolves once the executors have registered. */
  whenReady(): Promise<void> { return this.started; }

  post(e: EngineEvent): void { this.listenerBus.post(e); }
  addSparkListener(l: EngineListener, opts: { replay?: boolean } = {}): () => void { return this.listenerBus.add(l, opts); }

  assertNotStopped(): void { if (this.stopped) throw errors.contextStopped(); }
  newRddId(): number { return this.nextRddId++; }
  newShuffleId(): number { return this.nextShuffleIdValue++; }
  /** A deterministic seed for seeded operations that were not given one (sample). */
  nextSeed(): number { return this.seeds.nextInt(2 ** 31 - 1); }
  get closureRuntime(): BroadcastRuntime { return this.broadcasts; }

  setCallSite(site: string | undefined): void { this.callSite = site; }
  setRddScope(scope: RddScope | undefined): void { this.rddScope = scope; }

  // ---- creating RDDs ------------------------------------------------------------------------
  /** Spark's ParallelCollectionRDD slicing: partition i holds [floor(i*len/n), floor((i+1)*len/n)). */
  parallelize<T>(data: Iterable<T>, numSlices: number = this.defaultParallelism): RDD<T> {
    this.assertNotStopped();
    if (data === null || data === undefined || typeof (data as Iterable<T>)[Symbol.iterator] !== 'function') {
      throw errors.parallelizeNotIterable();
    }
    if (!Number.isInteger(numSlices) || numSlices < 1) throw errors.numSlicesPositive(numSlices);
    return parallelCollectionRDD(this, Array.from(data), numSlices);
  }
  makeRDD<T>(data: Iterable<T>, numSlices: number = this.defaultParallelism): RDD<T> { return this.parallelize(data, numSlices); }
  emptyRDD<T>(): RDD<T> { return emptyRDD<T>(this); }
  /** An RDD over blocks stored by receivers (Spark's BlockRDD); `locations[i]` are the executors holding block i. */
  blockRDD<T>(blockIds: string[], locations: (string[] | null)[] = [], opName = 'blockRDD'): RDD<T> {
    return blockRDD<T>(this, blockIds, locations, opName);
  }

  /** Spark's SparkContext.union: a PartitionerAwareUnionRDD when all inputs share a partitioner, else a UnionRDD. */
  union<T>(rdds: RDD<T>[]): RDD<T> {
    if (!Array.isArray(rdds)) throw errors.unionNotArray();
    const nonEmpty = rdds.filter((r) => r.getNumPartitions() > 0);
    const first = nonEmpty[0]?.partitioner;
    if (first && nonEmpty.length > 0 && nonEmpty.every((r) => first.equals(r.partitioner))) return partitionerAwareUnionRDD(this, nonEmpty, first);
    return unionRDD(this, rdds);
  }

  // Sets, zips, grouping, iteration, barriers, checkpointing
  /** Spark's sc.range: start until end by step, as `numSlices` partitions (ParallelCollectionRDD then MapPartitionsRDD). */
  range(start: number, end?: number, step = 1, numSlices: number = this.defaultParallelism): RDD<number> {
    return rangeRDD(this, start, end, step, numSlices);
  }
  /** Spark's defaultMinPartitions: min(defaultParallelism, 2), the partitions of file inputs unless asked for more. */
  get defaultMinPartitions(): number { return Math.min(this.defaultParallelism, 2); }
  textFile(path: string, minPartitions: number = this.defaultMinPartitions): RDD<string> {
    rejectUnsupportedArguments('textFile', arguments, 2, ['use_unicode']);
    return fileInputs.textFile(this, path, minPartitions);
  }
  wholeTextFiles(path: string, minPartitions: number = this.defaultMinPartitions): RDD<[string, string]> {
    rejectUnsupportedArguments('wholeTextFiles', arguments, 2, ['use_unicode']);
    return fileInputs.wholeTextFiles(this, path, minPartitions);
  }
  objectFile<T>(path: string, minPartitions: number = this.defaultMinPartitions): RDD<T> { return fileInputs.objectFile<T>(this, path, minPartitions); }
  /** Spark's setCheckpointDir: RDD checkpoints go to a fresh directory under `dir` (written at the first checkpoint). */
  setCheckpointDir(dir: string): void { this.checkpointDir = checkpointDirFor(this, dir); }
  /** Spark's addFile: the file is read from the engine's file system and shipped with every task; SparkFiles.get(name) finds it. */
  addFile(path: string, recursive = false): void { this.assertNotStopped(); this.addedFiles.add(path, recursive); }
  /** Spark's listFiles: the paths of the files added so far. */
  listFiles(): string[] { return this.addedFiles.paths(); }
  getCheckpointDir(): Option<string> { return this.checkpointDir === undefined ? None : Some(this.checkpointDir); }

  broadcast<T>(value: T): Broadcast<T> { this.assertNotStopped(); return this.broadcasts.newBroadcast(value); }

  // ---- jobs -----------------------------------------------------------------------------------
  /**
   * Spark's SparkContext.runJob(rdd, func, partitions): `func` runs on each partition's records on the executors
   * and the per-partition results come back in partition order. (The engine-internal form, with a result
   * descriptor instead of a function, is `runResultJob`; it is still accepted here.)
   */
  runJob<T, U>(rdd: RDD<T>, func: Fn<[Iterable<T>], U>, partitions?: number[]): Promise<Awaited<U>[]>;
  /** @deprecated engine-internal: use runResultJob. */
  runJob(rdd: RDD<unknown>, op: ResultOp, partitions?: number[], opts?: JobOptions): Promise<unknown[]>;
  runJob(rdd: RDD<unknown>, func: ResultOp | Fn<[Iterable<unknown>], unknown>, partitions?: number[], opts?: JobOptions): Promise<unknown[]> {
    if (isResultOp(func)) return this.runResultJob(rdd, func, partitions, opts);
    return userRunJob(this, rdd, func, partitions);
  }

  /** Runs `op` on every partition (or the given ones) and returns per-partition results; then checkpoints marked RDDs. */
  async runResultJob(rdd: RDD<unknown>, op: ResultOp, partitions?: number[], opts?: JobOptions): Promise<unknown[]> {
    this.assertNotStopped();
    await this.started;
    checkBarrierStages(this, rdd, partitions);
    await this.addedFiles.load(this.fs);
    const results = await this.dagScheduler.runJob(rdd, op, partitions, opts ?? this.jobContext);
    await doCheckpoint(rdd);
    return results;
  }

  // ---- persistence ------------------------------------------------------------------------------
  persistRDD(rdd: RDD<unknown>): void { this.persistent.set(rdd.id, rdd); }
  unpersistRDD(rddId: number): void {
    this.persistent.delete(rddId);
    const prefix = `rdd_${rddId}_`;
    for (const [key, b] of [...this.blockSizes]) if (b.blockId.startsWith(prefix)) this.blockSizes.delete(key);
    for (const e of this.taskScheduler.liveExecutors()) void e.removeBlocks(prefix);
    this.dagScheduler.removeBlockLocations((id) => id.startsWith(prefix));
  }
  /** Forgets a shuffle: its map outputs on the driver and its blocks on every executor (Spark's ContextCleaner). */
  cleanShuffle(shuffleId: number): void {
    this.dagScheduler.unregisterShuffle(shuffleId);
    for (const e of this.taskScheduler.liveExecutors()) void e.removeBlocks(`shuffle_${shuffleId}_`);
  }
  getPersistentRDDs(): Map<number, RDD<unknown>> { return new Map(this.persistent); }
  /** Spark's getRDDStorageInfo for one RDD: undefined unless it is persisted and has cached partitions (RDDInfo.isCached). */
  getRDDStorageInfo(rddId: number): { numCachedPartitions: number; memSize: number; diskSize: number } | undefined {
    if (!this.persistent.has(rddId)) return undefined;
    const prefix = `rdd_${rddId}_`;
    const cached = [...this.dagScheduler.blockLocations.keys()].filter((id) => id.startsWith(prefix));
    let memSize = 0, diskSize = 0;
    for (const b of this.blockSizes.values()) if (b.blockId.startsWith(prefix)) { memSize += b.memSize; diskSize += b.diskSize; }
    return cached.length > 0 && memSize + diskSize > 0 ? { numCachedPartitions: cached.length, memSize, diskSize } : undefined;
  }

  // ---- executors ----------------------------------------------------------------------------------
  getExecutorIds(): string[] { return this.taskScheduler.liveExecutors().map((e) => e.id).filter((id) => id !== 'driver'); }
  /**
   * Spark's sc.killExecutor: the application wants one executor fewer, so the cluster manager kills it and launches
   * none in its place (follow with requestExecutors for a replacement); lineage recomputes what it held. False when
   * the executor does not exist, and in local mode, which cannot kill executors (as Spark's local backend).
   */
  killExecutor(executorId: string): Promise<boolean> { return this.killExecutors([executorId]); }
  /** Spark's sc.killExecutors: true if the cluster manager killed any of them (unknown ids are skipped). */
  async killExecutors(executorIds: readonly string[]): Promise<boolean> {
    const killed = await this.backend.killExecutors(executorIds.map(String), 'Executor killed by driver.');
    return killed.length > 0;
  }
  /** Spark's sc.requestExecutors: asks the cluster manager for `n` more executors; false in local mode. */
  requestExecutors(numAdditionalExecutors: number): Promise<boolean> {
    if (!(Number.isInteger(numAdditionalExecutors) && numAdditionalExecutors >= 0)) return Promise.reject(errors.requestExecutorsCount(numAdditionalExecutors));
    return this.backend.requestExecutors(numAdditionalExecutors);
  }
  /** What ssc.faults.killExecutor stands for: the executor crashes, and the cluster manager replaces it. */
  crashExecutor(executorId: string): Promise<boolean> {
    this.post({ type: 'faultInjected', time: this.clock.getTimeMillis(), fault: 'killExecutor', target: executorId, detail: `executor ${executorId} killed` });
    return this.backend.killExecutor(executorId, 'Executor killed by driver.');
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.dagScheduler.stop();
    this.taskScheduler.stop('SparkContext was shut down');
    await this.started.catch(() => undefined);
    await this.backend.stop();
    this.post({ type: 'applicationEnd', time: this.clock.getTimeMillis() });
  }
}
