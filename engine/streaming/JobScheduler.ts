import { stopwatch } from '../core/clock';
import type { BatchInfo, OutputOperationInfo, StreamInputInfo } from '../core/events';
import type { Time } from '../core/time';
import type { StreamingJob } from './dstream/output';
import type { StreamingContext } from './StreamingContext';
import { errors } from '../core/errors';

interface BatchState { info: BatchInfo; done: Promise<void>; resolve: () => void; submitted?: boolean; finished?: boolean }

/**
 * Spark's JobScheduler with spark.streaming.concurrentJobs = 1: one batch's output jobs run in order, then
 * the next batch's. A failed output operation is reported (and kept in its BatchInfo); later batches still run.
 */
export class JobScheduler {
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

  constructor(private readonly ssc: StreamingContext) {
    const cost = ssc.conf.getOption('spark.studio.simulatedCostPerRecordMs');
    if (cost !== undefined) {
      const n = Number(cost);
      if (!(Number.isFinite(n) && n >= 0)) throw errors.simulatedCost(cost);
      this.simulatedCostPerRecordMs = n;
    }
  }

  /** Spark's getPendingTimes: batches whose jobs were submitted and have not finished. */
  pendingTimes(): number[] {
    return [...this.batches.values()].filter((b) => b.submitted && !b.finished).map((b) => b.info.batchTime).sort((a, b) => a - b);
  }

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

  submitJobSet(time: Time, jobs: StreamingJob[], inputInfos: Record<number, StreamInputInfo>): void {
    const t = time.milliseconds;
    const b = this.batch(t);
    const now = this.ssc.clock.getTimeMillis();
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
    try {
      for (const [i, job] of jobs.entries()) {
        const op = info.outputOperationInfos[job.outputOpId];
        const start = sim ? simAt(i) : this.ssc.clock.getTimeMillis();
        if (info.processingStartTime === undefined) {
          info.processingStartTime = start;
          info.schedulingDelay = start - info.submissionTime;
          this.ssc.post({ type: 'batchStarted', time: start, batchInfo: clone(info) });
        }
        op.startTime = start;
        this.ssc.post({ type: 'outputOperationStarted', time: start, outputOperationInfo: { ...op } });
        sc.jobContext = { batchTime: info.batchTime, outputOpId: job.outputOpId, description: `Streaming job from [output operation ${job.outputOpId}, batch time ${info.batchTime} ms] ${job.name}` };
        try {
          await job.run();
        } catch (e) {
          op.failureReason = e instanceof Error ? `${e.name === 'Error' ? '' : e.name + ': '}${e.message}` : String(e);
          this.reportError(`Error running job streaming job ${info.batchTime} ms.${job.outputOpId}`, e);
        } finally {
          sc.jobContext = undefined;
        }
        op.endTime = sim ? simAt(i + 1) : this.ssc.clock.getTimeMillis();
        this.ssc.post({ type: 'outputOperationCompleted', time: op.endTime, outputOperationInfo: { ...op } });
      }
      // Spark's RDD.doCheckpoint after the jobs: state RDDs of checkpoint batches are saved (lineage truncated).
      await this.ssc.checkpointer.writeDataCheckpoints(info.batchTime);
      const end = sim ? sim.end : this.ssc.clock.getTimeMillis();
      info.processingEndTime = end;
      info.processingDelay = end - (info.processingStartTime ?? end);
      info.totalDelay = end - info.submissionTime;
      info.measuredProcessingMs = elapsed();
      this.ssc.emitBatchSamples(info.batchTime);
      this.ssc.post({ type: 'batchCompleted', time: end, batchInfo: clone(info) });
      this.completedBatches.push(clone(info));
      if (this.completedBatches.length > 1000) this.completedBatches.shift();
      b.finished = true;
      await this.ssc.onBatchCompletion(info.batchTime);
    } finally {
      b.finished = true;
      b.resolve();
      // Keep a bounded history of batch promises.
      for (const k of this.batches.keys()) if (k < info.batchTime - 1000 * 1000) this.batches.delete(k);
    }
  }

  /** Resolves when every submitted batch has finished. */
  drain(): Promise<void> { return this.chain; }
}

function clone<T>(x: T): T { return structuredClone(x); }
