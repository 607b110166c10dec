/** Spark's StateDStream: updateStateByKey. */
import { analyzeFunctionSource } from '../../core/closure';
import type { Duration, Time } from '../../core/time';
import type { Partitioner } from '../../rdd/partitioner';
import { ship, type Fn, type RDD } from '../../rdd/RDD';
import { composeShipped } from '../../rdd/shipCompose';
import { StorageLevel } from '../../rdd/storageLevel';
import { DStream } from './DStream';

type UpdateKind = 'values' | 'time' | 'iterator';

/** Wraps the user's update function into a function over an iterable of [key, values, stateOption] (Spark's internal form). */
const updateTemplates: Record<UpdateKind, (user: string, timeMs: number) => string> = {
  values: (user) => `(rows) => StreamingInternals.updateStates(rows, ${user})`,
  time: (user, timeMs) => `(rows) => StreamingInternals.updateStatesWithTime(rows, ${user}, ${timeMs})`,
  iterator: (user) => `(rows) => ${user}(rows)`,
};

export class StateDStream<K, V, S> extends DStream<[K, S]> {
  readonly opName = 'updateStateByKey';
  override mustCheckpoint = true;
  private readonly updateFn;
  private readonly kind: UpdateKind;

  constructor(readonly parent: DStream<[K, V]>, updateFunc: Fn<never[], unknown>, private readonly partitioner: Partitioner | number,
    private readonly preservePartitioning: boolean, private readonly initialRDD?: RDD<[K, S]>) {
    super(parent.ssc);
    this.updateFn = ship(updateFunc, 'updateStateByKey');
    const arity = analyzeFunctionSource(this.updateFn.source).arity;
    this.kind = arity >= 4 ? 'time' : arity === 1 ? 'iterator' : 'values';
    this.storageLevel = StorageLevel.MEMORY_ONLY_SER;
  }
  get slideDuration(): Duration { return this.parent.slideDuration; }
  get dependencies(): DStream<unknown>[] { return [this.parent as DStream<unknown>]; }

  /** The rows-to-states function for one batch, as a mapPartitions body over `rowsOf(iterable)`. */
  private finalFunc(time: Time, rowsOf: string) {
    return composeShipped('updateStateByKey', (user) => `(it) => (${updateTemplates[this.kind](user, time.milliseconds)})(${rowsOf})`, this.updateFn);
  }

  compute(validTime: Time): RDD<[K, S]> | undefined {
    const prevState = this.getOrCompute(validTime.minus(this.slideDuration));
    const parentRDD = this.parent.getOrCompute(validTime);
    if (prevState) {
      if (parentRDD) return this.computeUsingPreviousRDD(validTime, parentRDD, prevState);
      // No new data: apply the update function to every existing state with no values.
      return prevState.mapPartitions<[K, S]>(this.finalFunc(validTime, 'Array.from(it, (kv) => [kv[0], [], Some(kv[1])])'), this.preservePartitioning);
    }
    if (!parentRDD) return undefined;
    if (this.initialRDD) return this.computeUsingPreviousRDD(validTime, parentRDD, this.initialRDD);
    return parentRDD.groupByKey(this.partitioner)
      .mapPartitions<[K, S]>(this.finalFunc(validTime, 'Array.from(it, (kv) => [kv[0], kv[1], None])'), this.preservePartitioning);
  }

  private computeUsingPreviousRDD(time: Time, parentRDD: RDD<[K, V]>, prevStateRDD: RDD<[K, S]>): RDD<[K, S]> {
    return parentRDD.cogroup(prevStateRDD, this.partitioner)
      .mapPartitions<[K, S]>(this.finalFunc(time, 'Array.from(it, (kv) => [kv[0], kv[1][0], kv[1][1].length > 0 ? Some(kv[1][1][0]) : None])'), this.preservePartitioning);
  }
}

