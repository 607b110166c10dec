import { stopwatch, type Clock } from '../core/clock';
import type { SparkConf } from '../core/conf';
import type { BatchInfo, EngineEvent, OutputOperationInfo } from '../core/events';
import { Time } from '../core/time';
import type { RDD } from '../rdd/RDD';
import type { SparkContext } from '../rdd/SparkContext';
import type { DStream } from './dstream/DStream';
import type { DStreamScheduler } from './dstream/DStreamContext';
import type { StreamingJob } from './dstream/output';
import { JobGenerator, type JobGeneratorContext } from './JobGenerator';
import { BatchRDDCleaner } from './scheduler/BatchRDDCleaner';
import { EventLoop } from './scheduler/EventLoop';
import { InputInfoTracker } from './scheduler/InputInfoTracker';
import { RecordSampler } from './scheduler/RecordSampler';
import { DEFAULT_RECORDING_LIMITS, InputRecorder } from './scheduler/InputRecorder';
import { errors, failureCodeOf, type ErrorCode } from '../core/errors';

interface BatchState { info: BatchInfo; done: Promise<void>; resolve: () => void; submitted?: boolean; finished?: boolean }

/** What the job scheduler reads from its StreamingContext (besides what its job generator reads). */
export interface JobSchedulerContext extends JobGeneratorContext {
  readonly sparkContext: SparkContext;
  readonly conf: SparkConf;
  readonly clock: Clock;
  post(e: EngineEvent): void;
  printErr(text: string): void;
  readonly checkpointer: JobGeneratorContext['checkpointer'] & { writeDataCheckpoints(batchTime: number): Promise<void> };
}

/**
 * Spark's JobSchedulerEvent: a job of a batch started (the first one starts the batch) or completed (the last one
 * completes it). `time` is the clock's (or the simulated processing time) when it happened.
 */
type JobSchedulerEvent =
  | { type: 'jobStarted'; batch: BatchState; job: StreamingJob; time: number }
  | { type: 'jobCompleted'; batch: BatchState; job: StreamingJob; time: number; failureReason?: string; failureCode?: ErrorCode };

/**
 * Spark's JobScheduler with spark.streaming.concurrentJobs = 1: one batch's output jobs run in order, then the
 * next batch's; their starts and completions go through the scheduler's event loop, which keeps BatchInfo and
 * posts the listener events. A failed output operation is reported (and kept in its BatchInfo); later batches
 * still run. It owns the job generator, the input info tracker, the record sampler and the cleaner of forgotten
 * batch RDDs, as Spark's JobScheduler owns its generator and trackers.
 */
export class JobScheduler implements DStreamScheduler {
  readonly jobGenerator: JobGenerator;
  readonly inputInfoTracker = new InputInfoTracker();
  private readonly sampler: RecordSampler;
  /** What the input streams delivered ("Export with this run's data"); spark.studio.recordInputs, on by default. */
  readonly inputRecorder: InputRecorder;
  private readonly cleaner: BatchRDDCleaner;
  private readonly events: EventLoop<JobSchedulerEvent>;
  /** Spark's jobExecutor with one thread: job sets run one after another. */
  private chain: Promise<void> = Promise.resolve();
  private batches = new Map<number, BatchState>();
  private errorListeners: ((e: Error) => void)[] = [];
  readonly completedBatches: BatchInfo[] = [];
  /**
   * Studio conf `spark.studio.simulatedCostPerRecordMs`: on a simulated clock processing takes no time, so a
   * batch is given a simulated processing time of records × cost, run after the previous batch's simulated end
   * (a backlog shows as scheduling delay). Unset by default: times are the clock's.
   */
  private readonly simulatedCostPerRecordMs?: number;
  private simulatedBusyUntil = 0;

  constructor(private readonly ssc: JobSchedulerContext) {
    const cost = ssc.conf.getOption('spark.studio.simulatedCostPerRecordMs');
    if (cost !== undefined) {
      const n = Number(cost);
      if (!(Number.isFinite(n) && n >= 0)) throw errors.simulatedCost(cost);
      this.simulatedCostPerRecordMs = n;
    }
    const sc = ssc.sparkContext;
    this.sampler = new RecordSampler(sc, ssc.conf.getBoolean('spark.studio.recordsSample', true), (e) => ssc.post(e), () => ssc.clock.getTimeMillis());
    this.inputRecorder = new InputRecorder(sc, ssc.conf.getBoolean('spark.studio.recordInputs', true) ? {
      maxBatches: ssc.conf.getInt('spark.studio.recordInputs.maxBatches', DEFAULT_RECORDING_LIMITS.maxBatches),
      maxRecords: ssc.conf.getInt('spark.studio.recordInputs.maxRecords', DEFAULT_RECORDING_LIMITS.maxRecords),
    } : undefined);
    this.cleaner = new BatchRDDCleaner((shuffleId) => sc.cleanShuffle(shuffleId));
    this.events = new EventLoop('JobScheduler', (e) => this.handle(e), (m, e) => this.reportError(m, e));
    this.jobGenerator = new JobGenerator(ssc, this);
  }

  /** Spark's getPendingTimes: batches whose jobs were submitted and have not finished. */
  pendingTimes(): number[] {
    return [...this.batches.values()].filter((b) => b.submitted && !b.finished).map((b) => b.info.batchTime).sort((a, b) => a - b);
  }

  // ---- what DStreams report (DStreamScheduler) ------------------------------------------------------------
  rddGenerated(dstream: DStream<unknown>, time: Time, rdd: RDD<unknown>): void {
    this.cleaner.rddGenerated(rdd);
    this.sampler.rddGenerated(dstream, time, rdd);
    if ((this.ssc.graph.inputStreams as readonly DStream<unknown>[]).includes(dstream)) this.inputRecorder.inputGenerated(dstream.id, time.milliseconds, rdd);
  }
  rddForgotten(rdd: RDD<unknown>): void { this.cleaner.rddForgotten(rdd); }

  onError(l: (e: Error) => void): void { this.errorListeners.push(l); }
  reportError(message: string, e: unknown): void {
    const err = e instanceof Error ? e : new Error(String(e));
    this.ssc.printErr(`ERROR JobScheduler: ${message}\n${err.stack ?? err.message}\n`);
    for (const l of this.errorListeners) l(err);
  }

  /** Resolves when the batch at `time` has finished (or immediately if it was empty or is unknown and already past). */
  waitForBatch(time: number): Promise<void> { return this.batch(time).done; }
  private batch(time: number): BatchState {
    let b = this.batches.get(time);
    if (!b) {
      let resolve!: () => void;
      const done = new Promise<void>((r) => { resolve = r; });
      b = { info: { batchTime: time, streamIdToInputInfo: {}, submissionTime: 0, numRecords: 0, outputOperationInfos: {} }, done, resolve };
      this.batches.set(time, b);
    }
    return b;
  }
  /** A batch whose jobs could not even be generated still counts as finished for step(). */
  markBatchDone(time: number): void { this.batch(time).resolve(); }

  submitJobSet(time: Time, jobs: StreamingJob[]): void {
    const t = time.milliseconds;
    const b = this.batch(t);
    const now = this.ssc.clock.getTimeMillis();
    const inputInfos = this.inputInfoTracker.takeInfo(time);
    const numRecords = Object.values(inputInfos).reduce((s, i) => s + i.numRecords, 0);
    const outputOperationInfos: Record<number, OutputOperationInfo> = {};
    for (const j of jobs) outputOperationInfos[j.outputOpId] = { batchTime: t, id: j.outputOpId, name: j.name, description: j.name };
    b.info = { batchTime: t, streamIdToInputInfo: inputInfos, submissionTime: now, numRecords, outputOperationInfos };
    if (jobs.length === 0) {
      // Spark's JobScheduler: no BatchSubmitted for an empty job set (not a batch in the Streaming UI), only a log line.
      this.ssc.post({ type: 'noJobsAdded', time: now, batchTime: t });
      b.resolve();
      return;
    }
    b.submitted = true;
    this.ssc.post({ type: 'batchSubmitted', time: now, batchInfo: clone(b.info) });
    this.chain = this.chain.then(() => this.runJobSet(b, jobs)).catch((e) => this.reportError(`Error running batch ${time}`, e));
  }

  /** Spark's JobHandler, one job at a time: JobStarted, the job, JobCompleted. */
  private async runJobSet(b: BatchState, jobs: StreamingJob[]): Promise<void> {
    const sc = this.ssc.sparkContext;
    const info = b.info;
    const elapsed = stopwatch();
    const cost = this.simulatedCostPerRecordMs;
    let sim: { start: number; end: number } | undefined;
    if (cost !== undefined) {
      const start = Math.max(info.submissionTime, this.simulatedBusyUntil);
      sim = { start, end: start + Math.round(info.numRecords * cost) };
      this.simulatedBusyUntil = sim.end;
    }
    const simAt = (i: number) => sim!.start + Math.round(((sim!.end - sim!.start) * i) / jobs.length);
    const now = () => this.ssc.clock.getTimeMillis();
    try {
      for (const [i, job] of jobs.entries()) {
        await this.events.post({ type: 'jobStarted', batch: b, job, time: sim ? simAt(i) : now() });
        sc.jobContext = { batchTime: info.batchTime, outputOpId: job.outputOpId, description: `Streaming job from [output operation ${job.outputOpId}, batch time ${info.batchTime} ms] ${job.name}` };
        let failureReason: string | undefined;
        let failureCode: ErrorCode | undefined;
        try {
          await job.run();
        } catch (e) {
          failureReason = e instanceof Error ? `${e.name === 'Error' ? '' : e.name + ': '}${e.message}` : String(e);
          // The job ran the output operation's function (foreachRDD's runs on the driver) and the actions it called.
          failureCode = failureCodeOf(e);
          this.reportError(`Error running job streaming job ${info.batchTime} ms.${job.outputOpId}`, e);
        } finally {
          sc.jobContext = undefined;
        }
        await this.events.post({ type: 'jobCompleted', batch: b, job, time: sim ? simAt(i + 1) : now(), failureReason, failureCode });
      }
      // Spark's RDD.doCheckpoint after the jobs: state RDDs of checkpoint batches are saved (lineage truncated).
      await this.ssc.checkpointer.writeDataCheckpoints(info.batchTime);
      const end = sim ? sim.end : now();
      info.processingEndTime = end;
      info.processingDelay = end - (info.processingStartTime ?? end);
      info.totalDelay = end - info.submissionTime;
      info.measuredProcessingMs = elapsed();
      this.sampler.emitBatchSamples(info.batchTime);
      this.inputRecorder.batchCompleted(info.batchTime);
      this.ssc.post({ type: 'batchCompleted', time: end, batchInfo: clone(info) });
      const completed = clone(info);
      this.completedBatches.push(completed);
      if (this.completedBatches.length > 1000) this.completedBatches.shift();
      b.finished = true;
      await this.jobGenerator.onBatchCompletion(new Time(info.batchTime), completed);
    } finally {
      b.finished = true;
      b.resolve();
      // Keep a bounded history of batch promises.
      for (const k of this.batches.keys()) if (k < info.batchTime - 1000 * 1000) this.batches.delete(k);
    }
  }

  /** Spark's handleJobStart and handleJobCompletion: BatchInfo bookkeeping and the listener events. */
  private handle(e: JobSchedulerEvent): void {
    const info = e.batch.info;
    const op = info.outputOperationInfos[e.job.outputOpId];
    if (e.type === 'jobStarted') {
      if (info.processingStartTime === undefined) {
        info.processingStartTime = e.time;
        info.schedulingDelay = e.time - info.submissionTime;
        this.ssc.post({ type: 'batchStarted', time: e.time, batchInfo: clone(info) });
      }
      op.startTime = e.time;
      this.ssc.post({ type: 'outputOperationStarted', time: e.time, outputOperationInfo: { ...op } });
    } else {
      if (e.failureReason !== undefined) op.failureReason = e.failureReason;
      if (e.failureCode !== undefined) op.failureCode = e.failureCode;
      op.endTime = e.time;
      this.ssc.post({ type: 'outputOperationCompleted', time: op.endTime, outputOperationInfo: { ...op } });
    }
  }

  /** Resolves when every submitted batch has finished. */
  drain(): Promise<void> { return this.chain; }
}

function clone<T>(x: T): T { return structuredClone(x); }
