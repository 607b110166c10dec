import { errors } from '../../core/errors';
import { formatPrintedBatch } from '../../core/format';
import { Duration, Time } from '../../core/time';
import type { Option } from '../../core/option';
import type { CompactBuffer } from '../../core/compactBuffer';
import type { ScalaArrayBuffer } from '../../core/arrayBuffer';
import { StorageLevel } from '../../rdd/storageLevel';
import type { Partitioner } from '../../rdd/partitioner';
import type { RDD, Fn } from '../../rdd/RDD';
import type { DStreamContext } from './DStreamContext';
import type { StateSpec } from './stateSpec';
import type { Families } from './families';

/**
 * Spark's DStream: a sequence of RDDs, one per batch time. Each family answers three questions —
 * `slideDuration`, `dependencies`, `compute(time)` — and this base class does the rest once: caching
 * generated RDDs, remember durations, checkpoint marks, validation and every operation of the API.
 */
export abstract class DStream<T> {
  readonly id: number;
  /** Batch time (ms) → the RDD generated for it. */
  readonly generatedRDDs = new Map<number, RDD<T>>();
  zeroTime?: Time;
  rememberDuration?: Duration;
  storageLevel: StorageLevel = StorageLevel.NONE;
  mustCheckpoint = false;
  checkpointDuration?: Duration;
  /** Graph node (studio) or call site that created this stream; shown in RDD names and events. */
  creationSite?: string;
  /** Studio: the pipeline graph node this stream was built for (set by buildPipeline). */
  nodeId?: string;
  /** Name of the operation that created it (Spark's DStream scope name, e.g. "reduceByKey"). */
  abstract readonly opName: string;

  constructor(readonly ssc: DStreamContext) {
    ssc.assertCanAddOperations();
    this.id = ssc.graph.nextDStreamId();
    this.creationSite = ssc.sparkContext.callSite;
  }

  abstract get slideDuration(): Duration;
  abstract get dependencies(): DStream<unknown>[];
  abstract compute(validTime: Time): RDD<T> | undefined;

  /** Spark's DStream.context: the StreamingContext, seen through what DStreams need of it. */
  get context(): DStreamContext { return this.ssc; }
  /** The DStream families this context builds with (the explicit table in families.ts). */
  private get families(): Families { return this.ssc.families; }
  get isInitialized(): boolean { return this.zeroTime !== undefined; }
  /** How long generated RDDs are kept for windows and slices over this stream. */
  parentRememberDuration(): Duration | undefined { return this.rememberDuration; }
  toString(): string { return `${this.constructor.name}@${this.id}`; }

  // ---- lifecycle (called by the DStreamGraph) ---------------------------------------------
  initialize(time: Time): void {
    if (this.zeroTime && !this.zeroTime.equals(time)) {
      throw errors.zeroTimeAlreadySet(this.zeroTime, time);
    }
    this.zeroTime = time;
    if (this.mustCheckpoint && !this.checkpointDuration) {
      this.checkpointDuration = this.slideDuration.times(Math.ceil(10000 / this.slideDuration.milliseconds));
    }
    let minRemember = this.slideDuration;
    if (this.checkpointDuration && minRemember.lessEq(this.checkpointDuration)) minRemember = this.checkpointDuration.times(2);
    if (!this.rememberDuration || this.rememberDuration.less(minRemember)) this.rememberDuration = minRemember;
    for (const d of this.dependencies) d.initialize(time);
  }

  remember(duration: Duration | undefined): void {
    if (duration && (!this.rememberDuration || duration.greater(this.rememberDuration))) this.rememberDuration = duration;
    for (const d of this.dependencies) d.remember(this.parentRememberDuration());
  }

  validateAtStart(): void {
    if (this.rememberDuration === undefined) throw errors.rememberDurationNotSet(this);
    if (this.mustCheckpoint) {
      if (this.checkpointDuration === undefined) throw errors.checkpointIntervalNotSet(this.constructor.name);
      if (!this.ssc.checkpointDir) throw errors.checkpointDirNotSet();
    }
    if (this.checkpointDuration) {
      const args = [this.constructor.name, this.checkpointDuration, this.slideDuration] as const;
      if (!this.checkpointDuration.greaterEq(this.slideDuration)) throw errors.checkpointIntervalBelowSlide(...args);
      if (!this.checkpointDuration.isMultipleOf(this.slideDuration)) throw errors.checkpointIntervalNotMultiple(...args);
    }
    for (const d of this.dependencies) d.validateAtStart();
  }

  isTimeValid(time: Time): boolean {
    if (!this.zeroTime) throw errors.dstreamNotInitialized(this);
    return time.greater(this.zeroTime) && time.minus(this.zeroTime).isMultipleOf(this.slideDuration);
  }

  /** The RDD for `time`: from the cache, or computed once and then cached, persisted and marked for checkpoint. */
  getOrCompute(time: Time): RDD<T> | undefined {
    const cached = this.generatedRDDs.get(time.milliseconds);
    if (cached) return cached;
    if (!this.isTimeValid(time)) return undefined;
    const sc = this.ssc.sparkContext;
    const previousSite = sc.callSite, previousScope = sc.rddScope;
    sc.setCallSite(this.creationSite ?? previousSite);
    sc.setRddScope({ dstreamId: this.id, batchTime: time.milliseconds });
    let rdd: RDD<T> | undefined;
    try { rdd = this.compute(time); } finally { sc.setCallSite(previousSite); sc.setRddScope(previousScope); }
    if (!rdd) return undefined;
    if (this.storageLevel !== StorageLevel.NONE && rdd.getStorageLevel() === StorageLevel.NONE) rdd.persist(this.storageLevel);
    if (this.checkpointDuration && time.minus(this.zeroTime!).isMultipleOf(this.checkpointDuration)) this.ssc.checkpointer.mark(rdd, this, time.milliseconds);
    this.generatedRDDs.set(time.milliseconds, rdd);
    this.ssc.jobScheduler.rddGenerated(this, time, rdd);
    return rdd;
  }

  /** Forgets RDDs older than the remember duration (and unpersists them, as spark.streaming.unpersist does). */
  clearMetadata(time: Time): void {
    const cutoff = time.minus(this.rememberDuration!).milliseconds;
    for (const [t, rdd] of [...this.generatedRDDs]) {
      if (t > cutoff) continue;
      this.generatedRDDs.delete(t);
      if (rdd.getStorageLevel() !== StorageLevel.NONE) rdd.unpersist();
      this.ssc.jobScheduler.rddForgotten(rdd as RDD<unknown>);
      this.onRDDForgotten(t, rdd);
    }
    for (const d of this.dependencies) d.clearMetadata(time);
  }
  /** Hook for input streams to drop received blocks. */
  protected onRDDForgotten(_time: number, _rdd: RDD<T>): void {}

  /** Spark's DStream.slice: the RDDs of batches from `fromTime` to `toTime`, both inclusive, aligned to the slide. */
  slice(fromTime: Time, toTime: Time): RDD<T>[] {
    if (!this.zeroTime) throw errors.dstreamNotInitialized(this);
    const align = (t: Time) => (t.minus(this.zeroTime!).isMultipleOf(this.slideDuration) ? t : t.floor(this.slideDuration, this.zeroTime));
    const from = align(fromTime), to = align(toTime);
    if (from.greater(to)) return [];
    const out: RDD<T>[] = [];
    for (const t of from.to(to, this.slideDuration)) {
      if (t.greaterEq(this.zeroTime)) { const r = this.getOrCompute(t); if (r) out.push(r); }
    }
    return out;
  }

  // ---- persistence and checkpointing ------------------------------------------------------
  persist(level: StorageLevel = StorageLevel.MEMORY_ONLY_SER): this {
    if (this.isInitialized) throw errors.dstreamStorageLevelChange();
    this.storageLevel = level;
    return this;
  }
  cache(): this { return this.persist(); }
  checkpoint(interval: Duration): this {
    if (this.isInitialized) throw errors.dstreamCheckpointChange();
    this.persist();
    this.checkpointDuration = interval;
    return this;
  }

  // ---- transformations ------------------------------------------------------------------------
  map<U>(f: Fn<[T], U>): DStream<U> { return new this.families.MappedDStream<T, U>(this, f); }
  flatMap<U>(f: Fn<[T], Iterable<U>>): DStream<U> { return new this.families.FlatMappedDStream<T, U>(this, f); }
  filter(f: Fn<[T], unknown>): DStream<T> { return new this.families.FilteredDStream<T>(this, f); }
  glom(): DStream<T[]> { return new this.families.GlommedDStream<T>(this); }
  mapPartitions<U>(f: Fn<[Iterable<T>], Iterable<U>>, preservePartitioning = false): DStream<U> {
    return new this.families.MapPartitionedDStream<T, U>(this, f, preservePartitioning);
  }
  repartition(numPartitions: number): DStream<T> {
    if (!(Number.isInteger(numPartitions) && numPartitions > 0)) throw errors.numPartitionsPositive(numPartitions);
    return this.transformNamed('repartition', (rdd) => rdd.repartition(numPartitions));
  }
  /** Spark: map((null, _)).reduceByKey(f, 1).map(_._2). */
  reduce(f: Fn<[T, T], T>): DStream<T> {
    return this.map<[null, T]>('(x) => [null, x]').reduceByKey(f, 1).map<T>('(kv) => kv[1]');
  }
  /** Spark: counts with a (null, 0) row unioned in, so an empty batch counts 0. */
  count(): DStream<number> {
    const sc = this.ssc.sparkContext;
    return this.map<[null, number]>('(_x) => [null, 1]')
      .transformNamed('count', (rdd) => rdd.union(sc.makeRDD([[null, 0] as [null, number]], 1)))
      .reduceByKey('(a, b) => a + b').map<number>('(kv) => kv[1]');
  }
  countByValue(numPartitions: number = this.ssc.sparkContext.defaultParallelism): DStream<[T, number]> {
    return this.map<[T, number]>('(x) => [x, 1]').reduceByKey('(a, b) => a + b', numPartitions);
  }
  transform<U>(f: (rdd: RDD<T>, time: Time) => RDD<U>): DStream<U> { return this.transformNamed('transform', f); }
  private transformNamed<U>(opName: string, f: (rdd: RDD<T>, time: Time) => RDD<U>): DStream<U> {
    if (typeof f !== 'function') throw errors.notAFunction(opName);
    return new this.families.TransformedDStream<U>([this], (rdds, time) => f(rdds[0] as RDD<T>, time), opName);
  }
  transformWith<U, V>(other: DStream<U>, f: (rdd: RDD<T>, other: RDD<U>, time: Time) => RDD<V>): DStream<V> {
    if (typeof f !== 'function') throw errors.notAFunction('transformWith');
    return new this.families.TransformedDStream<V>([this, other as DStream<unknown>], (rdds, time) => f(rdds[0] as RDD<T>, rdds[1] as RDD<U>, time), 'transformWith');
  }
  union(that: DStream<T>): DStream<T> { return new this.families.UnionDStream<T>([this, that]); }

  // ---- windows -----------------------------------------------------------------------------------
  window(windowDuration: Duration, slideDuration: Duration = this.slideDuration): DStream<T> {
    return new this.families.WindowedDStream<T>(this, windowDuration, slideDuration);
  }
  reduceByWindow(reduceFunc: Fn<[T, T], T>, windowDuration: Duration, slideDuration?: Duration): DStream<T>;
  reduceByWindow(reduceFunc: Fn<[T, T], T>, invReduceFunc: Fn<[T, T], T>, windowDuration: Duration, slideDuration?: Duration): DStream<T>;
  reduceByWindow(reduceFunc: Fn<[T, T], T>, a: Duration | Fn<[T, T], T>, b?: Duration, c?: Duration): DStream<T> {
    if (a instanceof Duration) return this.reduce(reduceFunc).window(a, b ?? this.slideDuration).reduce(reduceFunc);
    return this.map<[number, T]>('(x) => [1, x]').reduceByKeyAndWindow(reduceFunc, a, b!, c ?? this.slideDuration, 1).map<T>('(kv) => kv[1]');
  }
  countByWindow(windowDuration: Duration, slideDuration: Duration = this.slideDuration): DStream<number> {
    return this.map<number>('(_x) => 1').reduceByWindow('(a, b) => a + b', '(a, b) => a - b', windowDuration, slideDuration);
  }
  countByValueAndWindow(windowDuration: Duration, slideDuration: Duration = this.slideDuration,
    numPartitions: number = this.ssc.sparkContext.defaultParallelism): DStream<[T, number]> {
    return this.map<[T, number]>('(x) => [x, 1]').reduceByKeyAndWindow('(a, b) => a + b', '(a, b) => a - b', windowDuration, slideDuration,
      numPartitions, '(kv) => kv[1] !== 0');
  }

  // ---- outputs -------------------------------------------------------------------------------------
  foreachRDD(f: (rdd: RDD<T>, time: Time) => unknown, opName = 'foreachRDD'): void {
    if (typeof f !== 'function') throw errors.notAFunction('foreachRDD');
    new this.families.ForEachDStream<T>(this, f, opName).register();
  }
  /**
   * @deprecated Removed in Spark 2.0 (SPARK-13248); kept only to say so. Use foreachRDD.
   * Older programs (and the lecture) call `foreach`, which Spark 1.x had as another name of foreachRDD.
   */
  foreach(_f?: unknown): never { throw errors.dstreamForeachRemoved(); }
  /** Spark's print: the first `num` records of every batch, with a header even when the batch is empty. */
  print(num = 10): void {
    if (!(Number.isInteger(num) && num >= 0)) throw errors.printCount(num);
    const ssc = this.ssc;
    this.foreachRDD(async (rdd, time) => {
      const first = await rdd.take(num + 1);
      ssc.printOut(formatPrintedBatch(time.milliseconds, first, num));
    }, 'print');
  }
  saveAsTextFiles(prefix: string, suffix = ''): void {
    this.foreachRDD((rdd, time) => rdd.saveAsTextFile(rddToFileName(prefix, suffix, time)), 'saveAsTextFiles');
  }
  saveAsObjectFiles(prefix: string, suffix = ''): void {
    this.foreachRDD((rdd, time) => rdd.saveAsObjectFile(rddToFileName(prefix, suffix, time)), 'saveAsObjectFiles');
  }

  // ---- pair operations (Spark's PairDStreamFunctions, on DStream<[K, V]>) --------------------------
  /** Spark's saveAsHadoopFiles with TextOutputFormat: one directory per batch, `prefix-<ms>[.suffix]`, of `key\tvalue` lines. */
  saveAsHadoopFiles<K, V>(this: DStream<[K, V]>, prefix: string, suffix = '', ...formatArgs: never[]): void {
    if (formatArgs.length > 0) throw errors.hadoopFormatArgs('saveAsHadoopFiles', formatArgs.length);
    this.foreachRDD((rdd, time) => rdd.saveAsHadoopFile(rddToFileName(prefix, suffix, time)), 'saveAsHadoopFiles');
  }
  saveAsNewAPIHadoopFiles<K, V>(this: DStream<[K, V]>, prefix: string, suffix = '', ...formatArgs: never[]): void {
    if (formatArgs.length > 0) throw errors.hadoopFormatArgs('saveAsNewAPIHadoopFiles', formatArgs.length);
    this.foreachRDD((rdd, time) => rdd.saveAsNewAPIHadoopFile(rddToFileName(prefix, suffix, time)), 'saveAsNewAPIHadoopFiles');
  }
  private defaultPartitioner(n: number = this.ssc.sparkContext.defaultParallelism): Partitioner | number { return n; }

  combineByKey<K, V, C>(this: DStream<[K, V]>, createCombiner: Fn<[V], C>, mergeValue: Fn<[C, V], C>, mergeCombiner: Fn<[C, C], C>,
    partitioner?: Partitioner | number, mapSideCombine = true): DStream<[K, C]> {
    return new this.families.ShuffledDStream<K, V, C>(this, createCombiner, mergeValue, mergeCombiner, partitioner ?? this.defaultPartitioner(), mapSideCombine);
  }
  reduceByKey<K, V>(this: DStream<[K, V]>, f: Fn<[V, V], V>, partitioner?: Partitioner | number): DStream<[K, V]> {
    return new this.families.ShuffledDStream<K, V, V>(this, '(v) => v', f, f, partitioner ?? this.defaultPartitioner(), true, 'reduceByKey');
  }
  /** Spark's DStream groupByKey collects into ArrayBuffers (not CompactBuffers), with map-side combining. */
  groupByKey<K, V>(this: DStream<[K, V]>, partitioner?: Partitioner | number): DStream<[K, ScalaArrayBuffer<V>]> {
    return new this.families.ShuffledDStream<K, V, ScalaArrayBuffer<V>>(this, '(v) => ScalaArrayBuffer.of(v)', '(c, v) => { c.push(v); return c; }',
      '(c1, c2) => ScalaArrayBuffer.concat(c1, c2)', partitioner ?? this.defaultPartitioner(), true, 'groupByKey');
  }
  mapValues<K, V, U>(this: DStream<[K, V]>, f: Fn<[V], U>): DStream<[K, U]> { return new this.families.MapValuedDStream<K, V, U>(this, f); }
  flatMapValues<K, V, U>(this: DStream<[K, V]>, f: Fn<[V], Iterable<U>>): DStream<[K, U]> { return new this.families.FlatMapValuedDStream<K, V, U>(this, f); }

  cogroup<K, V, W>(this: DStream<[K, V]>, other: DStream<[K, W]>, partitioner?: Partitioner | number): DStream<[K, [CompactBuffer<V>, CompactBuffer<W>]]> {
    const p = partitioner ?? this.defaultPartitioner();
    return this.transformWith(other, (a, b) => a.cogroup(b, p));
  }
  join<K, V, W>(this: DStream<[K, V]>, other: DStream<[K, W]>, partitioner?: Partitioner | number): DStream<[K, [V, W]]> {
    const p = partitioner ?? this.defaultPartitioner();
    return this.transformWith(other, (a, b) => a.join(b, p));
  }
  leftOuterJoin<K, V, W>(this: DStream<[K, V]>, other: DStream<[K, W]>, partitioner?: Partitioner | number): DStream<[K, [V, Option<W>]]> {
    const p = partitioner ?? this.defaultPartitioner();
    return this.transformWith(other, (a, b) => a.leftOuterJoin(b, p));
  }
  rightOuterJoin<K, V, W>(this: DStream<[K, V]>, other: DStream<[K, W]>, partitioner?: Partitioner | number): DStream<[K, [Option<V>, W]]> {
    const p = partitioner ?? this.defaultPartitioner();
    return this.transformWith(other, (a, b) => a.rightOuterJoin(b, p));
  }
  fullOuterJoin<K, V, W>(this: DStream<[K, V]>, other: DStream<[K, W]>, partitioner?: Partitioner | number): DStream<[K, [Option<V>, Option<W>]]> {
    const p = partitioner ?? this.defaultPartitioner();
    return this.transformWith(other, (a, b) => a.fullOuterJoin(b, p));
  }

  groupByKeyAndWindow<K, V>(this: DStream<[K, V]>, windowDuration: Duration, slideDuration: Duration = this.slideDuration,
    partitioner?: Partitioner | number): DStream<[K, ScalaArrayBuffer<V>]> {
    const p = partitioner ?? this.defaultPartitioner();
    return this.groupByKey(p).window(windowDuration, slideDuration)
      .combineByKey<K, ScalaArrayBuffer<V>, ScalaArrayBuffer<V>>('(vs) => ScalaArrayBuffer.from(vs)', '(buf, vs) => { for (const v of vs) buf.push(v); return buf; }',
        '(b1, b2) => { for (const v of b2) b1.push(v); return b1; }', p);
  }

  /**
   * Spark's reduceByKeyAndWindow, all overloads:
   * (reduce, window, slide?, partitioner?) — reduce each batch, window, reduce again;
   * (reduce, inverse, window, slide?, partitioner?, filterFunc?) — incremental: add the new slide, subtract the old one.
   */
  reduceByKeyAndWindow<K, V>(this: DStream<[K, V]>, reduceFunc: Fn<[V, V], V>, windowDuration: Duration, slideDuration?: Duration, partitioner?: Partitioner | number): DStream<[K, V]>;
  reduceByKeyAndWindow<K, V>(this: DStream<[K, V]>, reduceFunc: Fn<[V, V], V>, invReduceFunc: Fn<[V, V], V> | null | undefined, windowDuration: Duration,
    slideDuration?: Duration, partitioner?: Partitioner | number, filterFunc?: Fn<[[K, V]], boolean> | null): DStream<[K, V]>;
  reduceByKeyAndWindow<K, V>(this: DStream<[K, V]>, reduceFunc: Fn<[V, V], V>, a: Duration | Fn<[V, V], V> | null | undefined, b?: Duration | Partitioner | number,
    c?: Duration | Partitioner | number, d?: Partitioner | number, e?: Fn<[[K, V]], boolean> | null): DStream<[K, V]> {
    if (a instanceof Duration) {
      const slide = (b as Duration | undefined) ?? this.slideDuration;
      const p = (c as Partitioner | number | undefined) ?? this.defaultPartitioner();
      return this.reduceByKey(reduceFunc, p).window(a, slide).reduceByKey(reduceFunc, p);
    }
    if (!(b instanceof Duration)) throw errors.windowDurationExpected();
    const slide = (c as Duration | undefined) ?? this.slideDuration;
    const p = d ?? this.defaultPartitioner();
    if (a === null || a === undefined) return this.reduceByKey(reduceFunc, p).window(b, slide).reduceByKey(reduceFunc, p);
    return new this.families.ReducedWindowedDStream<K, V>(this, reduceFunc, a, e ?? undefined, b, slide, p);
  }

  /**
   * Spark's updateStateByKey. The function's arity picks the overload, as Scala's types do:
   * (values, state) => Option (Spark's common form), (time, key, values, state) => Option (with time),
   * or (iterator of [key, values, state]) => iterable of [key, state].
   */
  updateStateByKey<K, V, S>(this: DStream<[K, V]>, updateFunc: Fn<[V[], Option<S>], Option<S>>, partitioner?: Partitioner | number, initialRDD?: RDD<[K, S]>): DStream<[K, S]>;
  updateStateByKey<K, V, S>(this: DStream<[K, V]>, updateFunc: Fn<[Time, K, V[], Option<S>], Option<S>> | Fn<[Iterable<[K, V[], Option<S>]>], Iterable<[K, S]>>,
    partitioner: Partitioner | number, rememberPartitioner: boolean, initialRDD?: RDD<[K, S]> | Option<RDD<[K, S]>>): DStream<[K, S]>;
  updateStateByKey<K, V, S>(this: DStream<[K, V]>, updateFunc: Fn<never[], unknown>,
    partitioner?: Partitioner | number, rememberPartitionerOrInitialRDD?: boolean | RDD<[K, S]>, initialRDD?: RDD<[K, S]> | Option<RDD<[K, S]>>): DStream<[K, S]> {
    // Spark's overloads: (f, partitioner, initialRDD) and (f, partitioner, rememberPartitioner, initialRDD | Option(initialRDD)).
    let remember = true;
    let initial: RDD<[K, S]> | undefined;
    if (typeof rememberPartitionerOrInitialRDD === 'boolean') remember = rememberPartitionerOrInitialRDD;
    else initial = rememberPartitionerOrInitialRDD;
    if (initialRDD !== undefined) {
      const o = initialRDD as { isDefined?: boolean; get?: () => RDD<[K, S]> };
      initial = typeof o.isDefined === 'boolean' && typeof o.get === 'function' ? (o.isDefined ? o.get() : undefined) : initialRDD as RDD<[K, S]>;
    }
    return new this.families.StateDStream<K, V, S>(this, updateFunc, partitioner ?? this.defaultPartitioner(), remember, initial);
  }

  mapWithState<K, V, S, M>(this: DStream<[K, V]>, spec: StateSpec<K, V, S, M>): import('./mapWithState').MapWithStateDStream<K, V, S, M> {
    return new this.families.MapWithStateDStream<K, V, S, M>(this, spec);
  }
}

/** Spark's rddToFileName: prefix-<ms>[.suffix]. */
export function rddToFileName(prefix: string, suffix: string, time: Time): string {
  return suffix ? `${prefix}-${time.milliseconds}.${suffix}` : `${prefix}-${time.milliseconds}`;
}
