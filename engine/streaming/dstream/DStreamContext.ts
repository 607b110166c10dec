import type { Clock } from '../../core/clock';
import type { SparkConf } from '../../core/conf';
import type { EngineEvent, EngineListener } from '../../core/events';
import type { Time } from '../../core/time';
import type { RDD } from '../../rdd/RDD';
import type { SparkContext } from '../../rdd/SparkContext';
import type { DStreamGraph } from '../DStreamGraph';
import type { ReceiverTracker } from '../receiver/ReceiverTracker';
import type { InputInfoTracker } from '../scheduler/InputInfoTracker';
import type { DStream } from './DStream';
import type { Families } from './families';

/**
 * The job scheduler as DStreams see it (Spark's `ssc.scheduler`): where input streams report what a batch read,
 * and where every DStream says which RDD it generated for a batch and which it forgot (the record sampler and the
 * cleaner of forgotten RDDs listen there).
 */
export interface DStreamScheduler {
  readonly inputInfoTracker: InputInfoTracker;
  rddGenerated(dstream: DStream<unknown>, time: Time, rdd: RDD<unknown>): void;
  rddForgotten(rdd: RDD<unknown>): void;
}

/** Spark's rdd.checkpoint() as a DStream asks for it: keep the RDD and save it after its batch's jobs. */
export interface CheckpointMarks {
  mark(rdd: RDD<unknown>, dstream: DStream<unknown>, time: number): void;
}

/**
 * What DStreams, input streams and the receiver tracker read from their StreamingContext, and nothing more: the
 * context's type stays out of the DStream layer (no import cycle through it), and a test can build DStreams over a
 * context of its own. StreamingContext implements it.
 */
export interface DStreamContext {
  readonly sparkContext: SparkContext;
  readonly conf: SparkConf;
  readonly clock: Clock;
  readonly graph: DStreamGraph;
  readonly checkpointDir?: string;
  readonly jobScheduler: DStreamScheduler;
  /** The DStream classes DStream methods construct (one explicit table, families.ts). */
  readonly families: Families;
  readonly receiverTracker: ReceiverTracker;
  readonly checkpointer: CheckpointMarks;
  /** Spark's validation: no new DStreams once the context has started or stopped. */
  assertCanAddOperations(): void;
  post(e: EngineEvent): void;
  addStreamingListener(listener: EngineListener, opts?: { replay?: boolean }): () => void;
  /** print() output: an event for the studio and the stdout sink. */
  printOut(text: string): void;
  printErr(text: string): void;
  /** Spark's ssc.union and ssc.transform, reached through `dstream.context`. */
  union<T>(streams: DStream<T>[]): DStream<T>;
  transform<T>(streams: DStream<unknown>[], f: (rdds: RDD<unknown>[], time: Time) => RDD<T>): DStream<T>;
}
