/**
 * The engine's one event stream: Spark's listener events (camelCased, without the SparkListener prefix)
 * plus the studio's own. Every event is a plain, structured-cloneable object with `time` on the
 * engine's clock. The UI, the tests, replays and metrics read only this.
 */
import type { ErrorCode } from './errors';

export interface TaskMetrics {
  durationMs: number;
  recordsIn: number;
  recordsOut: number;
  shuffleReadBytes: number;
  shuffleWriteBytes: number;
  shuffleReadRecords: number;
  shuffleWriteRecords: number;
}

export interface OutputOperationInfo {
  batchTime: number;
  id: number;
  name: string;          // e.g. "print at <node>", "foreachRDD at ..."
  description: string;
  startTime?: number;
  endTime?: number;
  failureReason?: string;
  /** What failed (core/errors.ts ErrorCode): readers switch on it, the reason is for people. */
  failureCode?: ErrorCode;
}

export interface StreamInputInfo { inputStreamId: number; numRecords: number; metadata?: Record<string, unknown> }

/** Spark's BatchInfo. Delays are undefined until known. */
export interface BatchInfo {
  batchTime: number;
  streamIdToInputInfo: Record<number, StreamInputInfo>;
  submissionTime: number;
  processingStartTime?: number;
  processingEndTime?: number;
  numRecords: number;
  schedulingDelay?: number;
  processingDelay?: number;
  totalDelay?: number;
  outputOperationInfos: Record<number, OutputOperationInfo>;
  /** Studio: real milliseconds the batch's jobs took (the engine clock may be simulated and stand still). */
  measuredProcessingMs?: number;
}

export interface ReceiverInfo {
  streamId: number;
  name: string;
  active: boolean;
  location: string;       // host label
  executorId: string;
  /** Task slot of the executor the receiver occupies. */
  slot?: number;
  lastErrorMessage?: string;
  lastError?: string;
  /** The code of the last error, when the engine raised it (a refused connection); a receiver's own reports have none. */
  lastErrorCode?: ErrorCode;
}

/**
 * Spark's RDDInfo, as a stage event carries it for each RDD of the stage: facts, so readers join by id and never
 * parse `toString()` ("MapPartitionsRDD[12] at flatMap at tags").
 */
export interface RddInfo {
  id: number;
  /** The name given by setName, if any. */
  name?: string;
  /** The RDD class Spark would create ("MapPartitionsRDD", "ShuffledRDD", "BlockRDD"). */
  className: string;
  /** The operation that created it ("flatMap", "reduceByKey"). */
  op: string;
  /** Spark's call site: the graph node that created it in the studio. */
  callSite?: string;
  numPartitions: number;
  /** The RDDs it depends on (narrow and shuffle), as Spark's RDDInfo.parentIds. */
  parentIds: number[];
  storageLevel: string;
  /** The DStream whose batch created it (Spark's RDD operation scope of DStream.getOrCompute) and that batch's time. */
  dstreamId?: number;
  batchTime?: number;
}

/** One DStream of the graph, as the dstreamGraph event lists it at start. */
export interface DStreamInfo {
  id: number;
  /** The DStream class ("MappedDStream", "ReducedWindowedDStream"). */
  className: string;
  /** The operation that created it (Spark's DStream scope name). */
  op: string;
  /** The pipeline graph node it was built for (studio); internal DStreams of an operation share their node. */
  nodeId?: string;
  /** Spark's creation site (the graph node in the studio). */
  callSite?: string;
  parentIds: number[];
  slideMs: number;
  /** Window operations: the window's duration. */
  windowMs?: number;
  rememberMs?: number;
  checkpointMs?: number;
  /** Keeps state across batches (updateStateByKey, mapWithState). */
  stateful: boolean;
  /** An output operation (the graph's output streams). */
  output: boolean;
  /** Input DStreams: their input stream id (the id receivers and input infos use). */
  inputStreamId?: number;
}

/** Why the engine warned: stable names readers switch on (the message is for people and may change). */
export type WarningCode =
  | 'receiversNeedMoreSlots'         // local / local[1] with a receiver: no slot is left to process
  | 'batchStarvedByReceivers'        // a batch cannot run because receivers hold every task slot
  | 'checkpointUnreadable'           // a checkpoint file could not be read; an older one is used
  | 'queueStreamNotCheckpointable'   // a recovered queueStream restarts from its createFn queue
  | 'blockStoreFailed'               // an executor could not store a received block
  | 'executorStartFailed'            // an executor process failed to start
  | 'executorRetriesExhausted'       // spark.deploy.maxExecutorRetries reached: no replacement executor
  | 'graphValidation'                // studio: a validation warning of the pipeline graph
  | 'masterUnavailable';             // studio: the requested master is not available; running on local[N]

export type ClusterStepName =
  | 'driverStarted'          // 1. the driver starts and creates the StreamingContext
  | 'resourcesRequested'     // 2. it asks the cluster manager for resources
  | 'executorLaunched'       // 3. the cluster manager tells a worker to launch an executor
  | 'executorRegistered'     // 4. the executor registers with the driver
  | 'dagSubmitted';          // 5. the StreamingContext hands the first batch's tasks to executors

export type FaultKind = 'killExecutor' | 'crashReceiver' | 'failNextTask' | 'slowTask' | 'loseBlock' | 'crashDriver';

export type EngineEvent =
  | { type: 'applicationStart'; time: number; appName: string; appId: string; master: string; sparkUser: string }
  | { type: 'applicationEnd'; time: number }
  | { type: 'executorAdded'; time: number; executorId: string; host: string; cores: number; memoryMiB: number }
  | { type: 'executorRemoved'; time: number; executorId: string; reason: string }
  | { type: 'clusterStep'; time: number; step: ClusterStepName; index: 1 | 2 | 3 | 4 | 5; detail: string; executorId?: string;
      /** executorLaunched: the worker told to launch the executor, and the executor's slots and memory. */
      host?: string; cores?: number; memoryMiB?: number;
      /** driverStarted: a new driver recovering the application from its checkpoint. */
      restart?: boolean }
  | { type: 'jobStart'; time: number; jobId: number; stageIds: number[]; description: string; batchTime?: number; outputOpId?: number }
  | { type: 'jobEnd'; time: number; jobId: number; result: 'JobSucceeded' | 'JobFailed'; error?: string;
      /** A failed job: the code of `error` (JOB_ABORTED, ...). */
      errorCode?: ErrorCode;
      /** A failed job: its first task failure ("TaskTimeout: task exceeded ..."), which Spark's "most recent failure" may hide. */
      cause?: string;
      /** The code of `cause` (TASK_TIMEOUT, USER_FUNCTION_ERROR, ...). */
      causeCode?: ErrorCode;
      /** The graph nodes of the first failed task's user operations (see taskEnd.failedNodeIds). */
      failedNodeIds?: string[];
      /** Aborted because one task failed spark.task.maxFailures times: how many times ("failed N times"). */
      taskFailures?: number }
  | { type: 'stageSubmitted'; time: number; stageId: number; attemptId: number; name: string; numTasks: number;
      rddIds: number[]; rddChain: string[]; parentStageIds: number[]; isShuffleMap: boolean; jobId: number;
      /** The stage's RDDs (the same order as rddIds), as Spark's StageInfo.rddInfos. */
      rddInfos: RddInfo[] }
  | { type: 'stageCompleted'; time: number; stageId: number; attemptId: number; failureReason?: string }
  | { type: 'taskStart'; time: number; taskId: number; stageId: number; stageAttemptId: number; partition: number;
      attempt: number; executorId: string; slot: number; speculative: boolean }
  | { type: 'taskEnd'; time: number; taskId: number; stageId: number; stageAttemptId: number; partition: number;
      attempt: number; executorId: string; slot: number; speculative: boolean;
      reason: 'Success' | 'ExceptionFailure' | 'FetchFailed' | 'ExecutorLostFailure' | 'TaskKilled';
      failureReason?: string; metrics: TaskMetrics;
      /** A failed attempt: the code of its failure. */
      failureCode?: ErrorCode;
      /** A failed attempt: the graph nodes (call sites) of the user operations it ran, in pipeline order (one when exact). */
      failedNodeIds?: string[] }
  | { type: 'blockUpdated'; time: number; executorId: string; blockId: string; storageLevel: string; memSize: number; diskSize: number; records: number;
      /** RDD blocks (Spark's RDDBlockId): the RDD and the partition. */
      rddId?: number; partition?: number;
      /** Received blocks (Spark's StreamBlockId): the input stream. */
      streamId?: number }
  /** The DStream graph as it starts (after remember durations are set): every DStream reachable from an output. */
  | { type: 'dstreamGraph'; time: number; batchDurationMs: number; dstreams: DStreamInfo[] }
  | { type: 'streamingStarted'; time: number; batchDurationMs: number; zeroTime: number; blockIntervalMs: number }
  | { type: 'batchSubmitted'; time: number; batchInfo: BatchInfo }
  | { type: 'batchStarted'; time: number; batchInfo: BatchInfo }
  | { type: 'batchCompleted'; time: number; batchInfo: BatchInfo }
  | { type: 'outputOperationStarted'; time: number; outputOperationInfo: OutputOperationInfo }
  | { type: 'outputOperationCompleted'; time: number; outputOperationInfo: OutputOperationInfo }
  | { type: 'receiverStarted'; time: number; receiverInfo: ReceiverInfo }
  | { type: 'receiverError'; time: number; receiverInfo: ReceiverInfo }
  | { type: 'receiverStopped'; time: number; receiverInfo: ReceiverInfo }
  | { type: 'streamingStopped'; time: number }
  // Studio events.
  | { type: 'recordsSample'; time: number; batchTime: number; dstreamId: number; nodeId?: string; count: number; records: string[] }
  | { type: 'blockReceived'; time: number; streamId: number; blockId: string; records: number; executorId: string; replicatedTo?: string; wal: boolean }
  | { type: 'contextRecovered'; time: number; checkpointTime: number; path: string; timesToReschedule: number[]; restartTime: number; skipped: { path: string; reason: string }[] }
  | { type: 'checkpointWritten'; time: number; checkpointTime: number; kind: 'metadata' | 'data'; path: string; dstreamId?: number }
  | { type: 'walWritten'; time: number; streamId: number; blockId: string; records: number }
  | { type: 'rateUpdated'; time: number; streamId: number; rate: number }
  | { type: 'faultInjected'; time: number; fault: FaultKind; target: string; detail: string; /** slowTask: the added time. */ delayMs?: number }
  | { type: 'blocksLost'; time: number; executorId: string; blocks: { blockId: string; streamId: number; records: number; sample: string[] }[] }
  | { type: 'stdout'; time: number; text: string }
  | { type: 'warning'; time: number; code: WarningCode; message: string }
  /** A batch interval whose output operations generated no job (Spark logs "No jobs added for time <t>" and posts no batch). */
  | { type: 'noJobsAdded'; time: number; batchTime: number }
  /** A directory saveAsTextFile(s)/saveAsObjectFile(s) wrote: its files, each with the head of its text (for the result view). */
  | { type: 'outputWritten'; time: number; path: string; batchTime?: number; files: WrittenFile[] };

/** A file of an output directory: size, line count and its first lines (`truncated` when there is more). */
export interface WrittenFile { name: string; bytes: number; lines: number; head: string; truncated: boolean }

export type EngineEventType = EngineEvent['type'];
export type EventOf<T extends EngineEventType> = Extract<EngineEvent, { type: T }>;
export type EngineListener = (event: EngineEvent) => void;

const STARTUP_EVENTS = new Set<EngineEventType>(['applicationStart', 'clusterStep', 'executorAdded', 'executorRemoved', 'contextRecovered']);

/** Spark's listener bus: synchronous fan-out; a listener that throws is reported, never breaks the engine. */
export class EventBus {
  private listeners: EngineListener[] = [];
  /** Start-up events (application start, cluster steps, executors) kept for listeners that subscribe later. */
  private startup: EngineEvent[] = [];
  /**
   * Adds a listener. With `replay`, it first receives the start-up events posted before it subscribed
   * (a SparkContext posts them while it is being constructed, before anyone can listen).
   */
  add(listener: EngineListener, opts: { replay?: boolean } = {}): () => void {
    if (opts.replay) for (const e of this.startup) listener(e);
    this.listeners.push(listener);
    return () => this.remove(listener);
  }
  remove(listener: EngineListener): void { this.listeners = this.listeners.filter((l) => l !== listener); }
  get size(): number { return this.listeners.length; }
  post(event: EngineEvent): void {
    if (STARTUP_EVENTS.has(event.type) && this.startup.length < 1000) this.startup.push(event);
    for (const l of this.listeners) {
      try { l(event); } catch (e) {
        // Spark logs listener exceptions and keeps going; so do we.
        if (typeof console !== 'undefined') console.error(`Listener threw on ${event.type}:`, e);
      }
    }
  }
}
