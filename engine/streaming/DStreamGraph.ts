import { errors } from '../core/errors';
import type { Duration, Time } from '../core/time';
import type { DStream } from './dstream/DStream';
import type { ForEachDStream, StreamingJob } from './dstream/output';
import type { InputDStream } from './input/InputDStream';

/** Spark's DStreamGraph: the input and output streams, started at one zero time. */
export class DStreamGraph {
  readonly inputStreams: InputDStream<unknown>[] = [];
  readonly outputStreams: ForEachDStream<unknown>[] = [];
  zeroTime?: Time;
  startTime?: Time;
  rememberDuration?: Duration;
  private dstreamCounter = 0;
  private inputCounter = 0;

  constructor(readonly batchDuration: Duration) {}

  nextDStreamId(): number { return this.dstreamCounter++; }
  nextInputStreamId(): number { return this.inputCounter++; }
  addInputStream(s: InputDStream<unknown>): void { this.inputStreams.push(s); }
  addOutputStream(s: ForEachDStream<unknown>): number { this.outputStreams.push(s); return this.outputStreams.length - 1; }
  get receiverInputStreams() { return this.inputStreams.filter((s) => s.isReceiverBased); }

  validate(): void {
    if (this.outputStreams.length === 0) throw errors.noOutputOperations();
  }

  start(zeroTime: Time, startTime: Time): void {
    this.zeroTime = zeroTime;
    this.startTime = startTime;
    for (const s of this.outputStreams) s.initialize(zeroTime);
    for (const s of this.outputStreams) s.remember(this.rememberDuration);
    for (const s of this.outputStreams) s.validateAtStart();
  }

  remember(duration: Duration): void { this.rememberDuration = duration; }

  generateJobs(time: Time): StreamingJob[] {
    const jobs: StreamingJob[] = [];
    for (const s of this.outputStreams) { const j = s.generateJob(time); if (j) jobs.push(j); }
    return jobs;
  }

  clearMetadata(time: Time): void { for (const s of this.outputStreams) s.clearMetadata(time); }

  /** Every DStream reachable from the outputs, parents before children. */
  allStreams(): DStream<unknown>[] {
    const out: DStream<unknown>[] = [];
    const seen = new Set<number>();
    const visit = (d: DStream<unknown>) => { if (seen.has(d.id)) return; seen.add(d.id); d.dependencies.forEach(visit); out.push(d); };
    this.outputStreams.forEach(visit);
    return out;
  }
}
