import type { Clock } from '../core/clock';
import type { BatchInfo } from '../core/events';
import { Time, type Duration } from '../core/time';
import { RecurringTimer } from '../core/recurringTimer';
import type { DStreamGraph } from './DStreamGraph';
import type { StreamingJob } from './dstream/output';
import type { ReceiverTracker } from './receiver/ReceiverTracker';
import { EventLoop } from './scheduler/EventLoop';

/** What the job generator reads from its StreamingContext: the graph, the clock, the receivers and checkpointing. */
export interface JobGeneratorContext {
  readonly clock: Clock;
  readonly graph: DStreamGraph;
  readonly receiverTracker: ReceiverTracker;
  readonly checkpointDir?: string;
  readonly checkpointDuration?: Duration;
  readonly checkpointer: { write(time: Time): Promise<void> };
}

/** The job scheduler as its generator sees it: where generated job sets go, and where errors are reported. */
export interface JobSetSink {
  submitJobSet(time: Time, jobs: StreamingJob[]): void;
  markBatchDone(time: number): void;
  reportError(message: string, e: unknown): void;
}

/**
 * Spark's JobGeneratorEvent. GenerateJobs and ClearMetadata are each followed by a DoCheckpoint of the same time
 * (Spark's clearCheckpointDataLater false and true); `completed` is the BatchInfo of the batch just completed.
 */
type JobGeneratorEvent =
  | { type: 'generateJobs'; time: Time }
  | { type: 'clearMetadata'; time: Time; completed: BatchInfo }
  | { type: 'doCheckpoint'; time: Time };

/**
 * Spark's JobGenerator: a RecurringTimer on the context's clock posts GenerateJobs at every batch time to the
 * generator's event loop, which allocates received blocks to the batch, asks the graph for one job per output
 * operation and hands them to the JobScheduler; a completed batch comes back as ClearMetadata. The first batch is
 * at the first multiple of the batch duration after start (1000 ms on a manual clock at 0).
 */
export class JobGenerator {
  private readonly timer: RecurringTimer;
  private readonly events: EventLoop<JobGeneratorEvent>;
  lastGeneratedTime?: number;

  constructor(private readonly ssc: JobGeneratorContext, private readonly jobScheduler: JobSetSink) {
    this.timer = new RecurringTimer(ssc.clock, ssc.graph.batchDuration.milliseconds, (t) => this.generateJobs(new Time(t)));
    this.events = new EventLoop('JobGenerator', (e) => this.handle(e), (m, e) => jobScheduler.reportError(m, e));
  }

  /** Spark's RecurringTimer.getStartTime: the next multiple of the period. */
  startTime(): number { return this.timer.startTime(); }

  start(firstBatchTime: number): void { this.timer.start(firstBatchTime); }

  /** Time at which the next batch will be generated. */
  get nextBatchTime(): number { return this.timer.nextTickTime; }

  /** GenerateJobs(time) and its DoCheckpoint; resolves when both have been handled. */
  generateJobs(time: Time): Promise<void> {
    void this.events.post({ type: 'generateJobs', time });
    return this.events.post({ type: 'doCheckpoint', time });
  }

  /** Spark's onBatchCompletion: ClearMetadata(time) and its DoCheckpoint; resolves when both have been handled. */
  onBatchCompletion(time: Time, completed: BatchInfo): Promise<void> {
    void this.events.post({ type: 'clearMetadata', time, completed });
    return this.events.post({ type: 'doCheckpoint', time });
  }

  stop(): void { this.timer.stop(); }

  private async handle(e: JobGeneratorEvent): Promise<void> {
    if (e.type === 'generateJobs') await this.handleGenerateJobs(e.time);
    else if (e.type === 'clearMetadata') this.clearMetadata(e.time, e.completed);
    else await this.doCheckpoint(e.time);
  }

  private async handleGenerateJobs(time: Time): Promise<void> {
    const ssc = this.ssc;
    try {
      await ssc.receiverTracker.cutBlocksUpTo(time.milliseconds);
      ssc.receiverTracker.allocateBlocksToBatch(time);
      for (const s of ssc.graph.inputStreams) await s.prepareBatch(time);
      const jobs = ssc.graph.generateJobs(time);
      this.lastGeneratedTime = time.milliseconds;
      this.jobScheduler.submitJobSet(time, jobs);
    } catch (e) {
      this.jobScheduler.reportError(`Error generating jobs for time ${time}`, e);
      this.jobScheduler.markBatchDone(time.milliseconds);
    }
  }

  /** Spark's clearMetadata: old RDDs and received blocks are forgotten; rate controllers hear of the batch. */
  private clearMetadata(time: Time, completed: BatchInfo): void {
    const graph = this.ssc.graph;
    graph.clearMetadata(time);
    const maxRemember = Math.max(...graph.inputStreams.map((s) => s.rememberDuration?.milliseconds ?? 0), graph.batchDuration.milliseconds);
    this.ssc.receiverTracker.cleanupOldBatches(time.milliseconds - maxRemember);
    this.ssc.receiverTracker.onBatchCompleted(completed);
  }

  /** Spark's DoCheckpoint: at checkpoint-interval batch times, `<dir>/checkpoint-<ms>` (written in order, atomically). */
  private async doCheckpoint(time: Time): Promise<void> {
    const { checkpointDir, checkpointDuration, graph } = this.ssc;
    if (!checkpointDir || !checkpointDuration || !graph.zeroTime) return;
    if (!time.minus(graph.zeroTime).isMultipleOf(checkpointDuration)) return;
    await this.ssc.checkpointer.write(time);
  }
}
