import { Time } from '../core/time';
import type { StreamingContext } from './StreamingContext';

/**
 * Spark's JobGenerator: a recurring timer on the context's clock; at every batch time it allocates received
 * blocks to the batch, asks the graph for one job per output operation and hands them to the JobScheduler.
 * The first batch is at the first multiple of the batch duration after start (1000 ms on a manual clock at 0).
 */
export class JobGenerator {
  private stopped = false;
  private nextTime = 0;
  private loop?: Promise<void>;
  lastGeneratedTime?: number;

  constructor(private readonly ssc: StreamingContext) {}

  /** Spark's RecurringTimer.getStartTime: the next multiple of the period. */
  startTime(): number {
    const period = this.ssc.graph.batchDuration.milliseconds;
    return (Math.floor(this.ssc.clock.getTimeMillis() / period) + 1) * period;
  }

  start(firstBatchTime: number): void {
    this.nextTime = firstBatchTime;
    this.loop = this.run();
  }

  /** Times at which the next batch will be generated. */
  get nextBatchTime(): number { return this.nextTime; }

  private async run(): Promise<void> {
    const period = this.ssc.graph.batchDuration.milliseconds;
    while (!this.stopped) {
      await this.ssc.clock.waitTillTime(this.nextTime);
      if (this.stopped) break;
      const t = this.nextTime;
      this.nextTime += period;
      await this.generateJobs(new Time(t));
    }
  }

  async generateJobs(time: Time): Promise<void> {
    const ssc = this.ssc;
    try {
      ssc.receiverTracker.cutBlocksUpTo(time.milliseconds);
      ssc.receiverTracker.allocateBlocksToBatch(time);
      for (const s of ssc.graph.inputStreams) await s.prepareBatch(time);
      const jobs = ssc.graph.generateJobs(time);
      this.lastGeneratedTime = time.milliseconds;
      ssc.jobScheduler.submitJobSet(time, jobs, ssc.takeInputInfo(time));
    } catch (e) {
      ssc.jobScheduler.reportError(`Error generating jobs for time ${time}`, e);
      ssc.jobScheduler.markBatchDone(time.milliseconds);
    }
    await ssc.doCheckpoint(time);
  }

  stop(): void { this.stopped = true; }
}
