/** Window families: Spark's WindowedDStream and ReducedWindowedDStream. */
import { errors } from '../../core/errors';
import type { Duration, Time } from '../../core/time';
import type { Partitioner } from '../../rdd/partitioner';
import { ship, type Fn, type RDD } from '../../rdd/RDD';
import { cogroupAll } from '../../rdd/pairFunctions';
import { composeShipped } from '../../rdd/shipCompose';
import { StorageLevel } from '../../rdd/storageLevel';
import { DStream } from './DStream';

/** All RDDs of the parent inside the window ending at each batch time, unioned. */
export class WindowedDStream<T> extends DStream<T> {
  readonly opName = 'window';
  constructor(readonly parent: DStream<T>, readonly windowDuration: Duration, private readonly slide: Duration) {
    super(parent.ssc);
    if (!windowDuration.isMultipleOf(parent.slideDuration)) throw errors.windowNotMultiple(windowDuration.milliseconds, parent.slideDuration.milliseconds);
    if (!slide.isMultipleOf(parent.slideDuration)) throw errors.slideNotMultiple(slide.milliseconds, parent.slideDuration.milliseconds);
    // The parent's RDDs are reused by several windows.
    parent.persist(StorageLevel.MEMORY_ONLY_SER);
  }
  get slideDuration(): Duration { return this.slide; }
  get dependencies(): DStream<unknown>[] { return [this.parent as DStream<unknown>]; }
  override parentRememberDuration(): Duration | undefined { return this.rememberDuration?.plus(this.windowDuration); }
  /** Windowed RDDs share the parent's data: persisting them would store copies, so the parent is persisted instead. */
  override persist(level: StorageLevel = StorageLevel.MEMORY_ONLY_SER): this { this.parent.persist(level); return this; }
  compute(validTime: Time): RDD<T> | undefined {
    const begin = validTime.minus(this.windowDuration).plus(this.parent.slideDuration);
    return this.ssc.sparkContext.union(this.parent.slice(begin, validTime));
  }
}

/**
 * The incremental window: the previous window's result, minus (inverse reduce) the batches that slid out,
 * plus the batches that slid in, merged per key with a cogroup.
 */
export class ReducedWindowedDStream<K, V> extends DStream<[K, V]> {
  readonly opName = 'reduceByKeyAndWindow';
  private readonly reducedStream: DStream<[K, V]>;
  private readonly reduceFn; private readonly invReduceFn; private readonly filterFn;
  override mustCheckpoint = true;

  constructor(readonly parent: DStream<[K, V]>, reduceFunc: Fn<[V, V], V>, invReduceFunc: Fn<[V, V], V>, filterFunc: Fn<[[K, V]], boolean> | undefined,
    readonly windowDuration: Duration, private readonly slide: Duration, private readonly partitioner: Partitioner | number) {
    super(parent.ssc);
    if (!windowDuration.isMultipleOf(parent.slideDuration)) throw errors.reducedWindowNotMultiple(windowDuration.milliseconds, parent.slideDuration.milliseconds);
    if (!slide.isMultipleOf(parent.slideDuration)) throw errors.reducedSlideNotMultiple(slide.milliseconds, parent.slideDuration.milliseconds);
    this.reduceFn = ship(reduceFunc, 'reduceByKeyAndWindow');
    this.invReduceFn = ship(invReduceFunc, 'reduceByKeyAndWindow');
    this.filterFn = filterFunc ? ship(filterFunc, 'reduceByKeyAndWindow') : undefined;
    this.reducedStream = parent.reduceByKey(this.reduceFn, partitioner);
    this.storageLevel = StorageLevel.MEMORY_ONLY_SER;
    this.reducedStream.persist(StorageLevel.MEMORY_ONLY_SER);
  }
  get slideDuration(): Duration { return this.slide; }
  get dependencies(): DStream<unknown>[] { return [this.reducedStream as DStream<unknown>]; }
  override parentRememberDuration(): Duration | undefined { return this.rememberDuration?.plus(this.windowDuration); }
  override persist(level: StorageLevel = StorageLevel.MEMORY_ONLY_SER): this {
    this.storageLevel = level;
    this.reducedStream.persist(level);
    return this;
  }

  compute(validTime: Time): RDD<[K, V]> | undefined {
    const parentSlide = this.parent.slideDuration;
    const currentBegin = validTime.minus(this.windowDuration).plus(parentSlide);
    const previousBegin = currentBegin.minus(this.slide), previousEnd = validTime.minus(this.slide);
    const oldRDDs = this.reducedStream.slice(previousBegin, currentBegin.minus(parentSlide));
    const newRDDs = this.reducedStream.slice(previousEnd.plus(parentSlide), validTime);
    const sc = this.ssc.sparkContext;
    const previousWindowRDD = this.getOrCompute(previousEnd) ?? sc.makeRDD<[K, V]>([]);
    const cogrouped = cogroupAll<K>([previousWindowRDD, ...oldRDDs, ...newRDDs], this.partitioner);
    const numOld = oldRDDs.length, numNew = newRDDs.length;
    const merge = composeShipped('reduceByKeyAndWindow', (reduce, inv) =>
      `(arrayOfValues) => StreamingInternals.mergeWindowValues(arrayOfValues, ${reduce}, ${inv}, ${numOld}, ${numNew})`,
    this.reduceFn, this.invReduceFn);
    const merged = cogrouped.mapValues<K, unknown[][], V>(merge);
    return this.filterFn ? merged.filter(this.filterFn) : merged;
  }
}

