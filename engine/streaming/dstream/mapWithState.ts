/** Spark's mapWithState: MapWithStateDStreamImpl over InternalMapWithStateDStream. */
import { analyzeFunctionSource } from '../../core/closure';
import type { Duration, Time } from '../../core/time';
import { toPartitioner, type Partitioner } from '../../rdd/partitioner';
import { ship, type RDD } from '../../rdd/RDD';
import { composeShipped } from '../../rdd/shipCompose';
import { StorageLevel } from '../../rdd/storageLevel';
import type { StateRecord } from '../internals';
import { DStream } from './DStream';
import type { StateSpec } from './stateSpec';

const DEFAULT_CHECKPOINT_DURATION_MULTIPLIER = 10;

/**
 * The state RDD stream: one StateRecord per partition per batch. Each batch's record is a new version of the
 * partition's persistent state map (internals.ts), so a batch costs O(its records), not O(keys).
 */
export class InternalMapWithStateDStream<K, V, S, M> extends DStream<StateRecord> {
  readonly opName = 'mapWithState';
  override mustCheckpoint = true;
  readonly partitioner: Partitioner;
  private readonly mappingFn;
  private readonly withTime: boolean;

  constructor(readonly parent: DStream<[K, V]>, readonly spec: StateSpec<K, V, S, M>) {
    super(parent.ssc);
    this.partitioner = toPartitioner(spec.partitionerValue ?? parent.ssc.sparkContext.defaultParallelism);
    this.mappingFn = ship(spec.mappingFunction as string, 'mapWithState');
    this.withTime = analyzeFunctionSource(this.mappingFn.source).arity >= 4;
    this.storageLevel = StorageLevel.MEMORY_ONLY;
  }
  get slideDuration(): Duration { return this.parent.slideDuration; }
  get dependencies(): DStream<unknown>[] { return [this.parent as DStream<unknown>]; }
  override initialize(time: Time): void {
    if (!this.checkpointDuration) this.checkpointDuration = this.slideDuration.times(DEFAULT_CHECKPOINT_DURATION_MULTIPLIER);
    super.initialize(time);
  }

  compute(validTime: Time): RDD<StateRecord> | undefined {
    const sc = this.ssc.sparkContext;
    const t = validTime.milliseconds;
    let prevState = this.getOrCompute(validTime.minus(this.slideDuration));
    if (prevState && !this.partitioner.equals(prevState.partitioner)) {
      prevState = this.fromPairs(prevState.flatMap<[K, S]>('(rec) => StreamingInternals.statePairs(rec)'), t);
    }
    prevState ??= this.fromPairs(this.spec.initialStateRDD ?? sc.emptyRDD<[K, S]>(), t);
    const data = (this.parent.getOrCompute(validTime) ?? sc.emptyRDD<[K, V]>()).partitionBy(this.partitioner);
    const threshold = this.spec.timeoutInterval ? t - this.spec.timeoutInterval.milliseconds : null;
    // Spark scans for timed-out states only when the state RDD is checkpointed (its lazy timeout semantics).
    const fullScan = !!this.checkpointDuration && validTime.minus(this.zeroTime!).isMultipleOf(this.checkpointDuration);
    const update = composeShipped('mapWithState', (fn) =>
      `(prev, data) => StreamingInternals.updateRecord(prev, data, ${fn}, ${this.withTime}, ${t}, ${threshold}, ${fullScan})`, this.mappingFn);
    return prevState.zipPartitions<[K, V], StateRecord>(data, update, true);
  }

  private fromPairs(pairs: RDD<[K, S]>, t: number): RDD<StateRecord> {
    return pairs.partitionBy(this.partitioner).mapPartitions<StateRecord>(`(it) => StreamingInternals.initialRecord(it, ${t})`, true);
  }
}

/** The public stream: what the mapping function returned for each record of the batch. */
export class MapWithStateDStream<K, V, S, M> extends DStream<M> {
  readonly opName = 'mapWithState';
  readonly internalStream: InternalMapWithStateDStream<K, V, S, M>;
  constructor(parent: DStream<[K, V]>, spec: StateSpec<K, V, S, M>) {
    super(parent.ssc);
    this.internalStream = new InternalMapWithStateDStream(parent, spec);
  }
  get slideDuration(): Duration { return this.internalStream.slideDuration; }
  get dependencies(): DStream<unknown>[] { return [this.internalStream as DStream<unknown>]; }
  compute(validTime: Time): RDD<M> | undefined {
    return this.internalStream.getOrCompute(validTime)?.flatMap<M>('(rec) => rec.mapped');
  }
  /** Spark's MapWithStateDStreamImpl.checkpoint: the state stream is what gets checkpointed. */
  override checkpoint(interval: Duration): this { this.internalStream.checkpoint(interval); return this; }

  /** Every key's current state after each batch. */
  stateSnapshots(): DStream<[K, S]> {
    return this.internalStream.flatMap<[K, S]>('(rec) => StreamingInternals.statePairs(rec)');
  }
}

