/**
 * Serializable plans: how one partition of an RDD is computed. The driver resolves an RDD's lineage into a
 * plan per task (shuffle locations, cached blocks, data slices included), and an executor — in the driver's
 * thread, a Web Worker or a worker_thread — interprets it. Plans hold only cloneable data and function source.
 * Each kind of partition plan is defined with its RDD class in ./kinds/.
 */
import type { ShippedFn } from '../core/closure';
import type { TaskMetrics } from '../core/events';
import type { ErrorCode } from '../core/errors';
import type { PartitionerDesc } from './partitioner';
import type { PartPlan } from './kinds/index';
import type { RecordedPartitionValues } from './kinds/RecordedPartition';

export type { PartPlan } from './kinds/index';
export type { NarrowOp } from './kinds/MapPartitionsRDD';

export interface AggregatorDesc {
  createCombiner: ShippedFn;
  mergeValue: ShippedFn;
  mergeCombiners: ShippedFn;
}

/** Where map output of one shuffle map task lives (executor id), by map id. */
export type MapLocations = (string | null)[];

/** What a task does with the records of its partition. */
export type ResultOp =
  | { t: 'collect' }
  | { t: 'count' }
  | { t: 'take'; n: number }
  | { t: 'foreach'; f: ShippedFn }
  | { t: 'foreachPartition'; f: ShippedFn }
  | { t: 'reduce'; f: ShippedFn }
  | { t: 'fold'; zero: unknown; f: ShippedFn }
  | { t: 'aggregate'; zero: unknown; seqOp: ShippedFn }
  | { t: 'toLines' }
  | { t: 'sampleKeys'; max: number }
  /** sc.runJob(rdd, func): the user's function over the partition's records; its result is the task's. */
  | { t: 'partitionFunc'; f: ShippedFn };

export type TaskKind =
  | { kind: 'result'; op: ResultOp }
  | { kind: 'shuffleMap'; shuffleId: number; mapId: number; partitioner: PartitionerDesc;
      aggregator?: AggregatorDesc; mapSideCombine: boolean; /** the operation that shuffles, for errors */ opName?: string };

export type TaskDesc = TaskKind & {
  taskId: number;
  jobId: number;
  stageId: number;
  stageAttemptId: number;
  partition: number;
  attempt: number;
  plan: PartPlan;
  /** Studio: sample the first records of these RDD ids (DStream nodes) while computing. */
  sampleRdds?: number[];
  /** Fault injection: the task throws this message (ssc.faults.failNextTask). */
  injectFailure?: string;
  /** Fault injection: the task takes this much longer (ssc.faults.slowTask), for speculation demos. */
  delayMs?: number;
  /** Files added with sc.addFile (name → text), shipped with every task as Spark fetches them to every executor. */
  files?: Record<string, string>;
};

/** What an executor measures for a task; the driver adds the duration (events.ts TaskMetrics). */
export type TaskMetricsData = Omit<TaskMetrics, 'durationMs'>;

export interface BlockUpdate { blockId: string; executorId: string; storageLevel: string; memSize: number; diskSize: number; records: number; removed?: boolean }

export type TaskOutcome =
  | { status: 'success'; value: unknown; metrics: TaskMetricsData; durationMs: number; blockUpdates: BlockUpdate[];
      mapStatus?: { executorId: string; sizes: number[]; records: number[] }; samples?: Record<number, RecordSample>;
      /** Records of the recorded input partitions this task computed ("Export with this run's data"). */
      recorded?: RecordedPartitionValues[] }
  | { status: 'failed'; reason: 'ExceptionFailure' | 'FetchFailed' | 'ExecutorLostFailure' | 'TaskKilled';
      message: string; errorName: string; stack?: string; metrics: TaskMetricsData; durationMs: number;
      /** What failed, as readers switch on it (see core/errors.ts ErrorCode). */
      errorCode?: ErrorCode;
      fetchFailed?: { shuffleId: number; mapId: number; executorId: string | null };
      /** ExecutorLostFailure only: the executor exited because of a running task (Spark's exitCausedByApp). */
      exitCausedByApp?: boolean };

/** First records (formatted as Spark prints them) and the count of one RDD's partition, for the studio's data preview. */
export interface RecordSample { count: number; records: string[] }
