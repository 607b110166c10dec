import { shipFunction, type ShippedFn } from '../core/closure';
import { errors } from '../core/errors';
import type { Dependency, ShuffleDependency } from './dependency';
import { HashPartitioner, toPartitioner, type Partitioner } from './partitioner';
import type { MapLocations, NarrowOp, PartPlan, ResultOp } from './plan';
import type { CachedPlan } from './kinds/CachedPartition';
import type { RecordedPlan } from './kinds/RecordedPartition';
import { cartesianRDD } from './kinds/CartesianRDD';
import { coalescedRDD } from './kinds/CoalescedRDD';
import { mapPartitionsRDD } from './kinds/MapPartitionsRDD';
import { partitionwiseSampledRDD } from './kinds/PartitionwiseSampledRDD';
import { shuffledRDD } from './kinds/ShuffledRDD';
import { zippedWithIndexRDD } from './kinds/ZippedWithIndexRDD';
import { StorageLevel } from './storageLevel';
import { rddBlockId } from '../core/blockId';
import { rddDebugString } from './debugString';
import * as actions from './actions';
import * as pair from './pairFunctions';
import * as m from './methods/setsAndZips';
import { saveAsCompressedTextFile } from './methods/saveAsTextFile';
import { rejectPartitionFunc, rejectUnsupportedArguments } from './methods/unsupportedArguments';
import * as stat from './methods/statisticsGroup';
import type { StatCounter } from '../core/statCounter';
import type { BoundedDouble, PartialResult } from '../core/partialResult';
import type { SparkContext } from './SparkContext';
import type { Option } from '../core/option';
import type { CompactBuffer } from '../core/compactBuffer';
import type { CheckpointData } from './methods/checkpoint';

/** What an RDD needs from the driver to resolve a partition into a plan. */
export interface PlanContext {
  mapLocations(shuffleId: number): MapLocations;
  blockLocations(blockId: string): string[];
  /** RDDs whose partitions tasks hand back (the streaming input recorder's), if any. */
  recordedRdds?: ReadonlySet<number>;
}

export interface RDDInit {
  className: string;
  opName: string;
  /** A function when the count follows another's that is known only at the first action (a RangePartitioner's). */
  numPartitions: number | (() => number);
  deps: Dependency[];
  planFor: (partition: number, ctx: PlanContext) => PartPlan;
  partitioner?: Partitioner;
  /** Work the driver must do before tasks can be planned (e.g. zipWithIndex counts, sortByKey sampling). */
  prepare?: () => Promise<void>;
  callSite?: string;
  /** Spark's RDD.isBarrier: the stage computing this RDD must launch all its tasks at once (RDDBarrier). */
  barrier?: boolean;
}

/** The DStream and batch an RDD was created for (Spark's RDDOperationScope of a DStream's batch). */
export interface RddScope { dstreamId: number; batchTime: number }

/** A user function, its source text, or an already shipped function. */
// Method-style signature: parameters are checked bivariantly, so RDD<T> stays assignable to RDD<unknown>.
export type Fn<A extends unknown[], R> = { bivarianceHack(...args: A): R }['bivarianceHack'] | string | ShippedFn;

/**
 * How top/takeOrdered/max/min order records: a key function `(x) => key` (PySpark's `key=`, keys compared by
 * Scala's default Ordering) or a comparator `(a, b) => number` (Scala's Ordering); told apart by arity.
 */
export type KeyOrOrdering<T> = Fn<[T, T], unknown>;

/** Ships a user function (or its source text) for an executor-side operation. */
export const ship = (f: unknown, op: string): ShippedFn => shipFunction(f as Function | string | ShippedFn, op);

/** Spark's RDD: an immutable, partitioned collection computed from its lineage. */
export class RDD<T> {
  readonly id: number;
  readonly className: string;
  readonly opName: string;
  private readonly deps: Dependency[];
  readonly partitioner?: Partitioner;
  readonly isBarrier: boolean;
  /** Spark's checkpointData: set by checkpoint() / localCheckpoint(), materialized after the first job (methods/checkpoint.ts). */
  checkpointData?: CheckpointData;
  readonly callSite?: string;
  readonly scope?: RddScope;
  name?: string;
  private storage = StorageLevel.NONE;
  private readonly numPartitionsOf: number | (() => number);
  private readonly planForPartition: RDDInit['planFor'];
  readonly prepare?: () => Promise<void>;

  constructor(readonly sc: SparkContext, init: RDDInit) {
    sc.assertNotStopped();
    this.id = sc.newRddId();
    this.className = init.className;
    this.opName = init.opName;
    this.numPartitionsOf = init.numPartitions;
    this.deps = init.deps;
    this.isBarrier = init.barrier ?? false;
    this.planForPartition = init.planFor;
    this.partitioner = init.partitioner;
    this.prepare = init.prepare;
    this.callSite = init.callSite ?? sc.callSite;
    this.scope = sc.rddScope;
  }

  /** The parents; once checkpointed, only the checkpoint RDD (Spark's markCheckpointed truncates the lineage). */
  get dependencies(): Dependency[] {
    const cp = this.checkpointData?.checkpointRDD;
    return cp ? [{ kind: 'narrow', rdd: cp }] : this.deps;
  }
  get context(): SparkContext { return this.sc; }
  get sparkContext(): SparkContext { return this.sc; }
  get partitions(): { index: number }[] { return Array.from({ length: this.getNumPartitions() }, (_, index) => ({ index })); }
  getNumPartitions(): number { const n = this.numPartitionsOf; return typeof n === 'number' ? n : n(); }
  setName(name: string): this { this.name = name; return this; }
  toString(): string { return `${this.name ? this.name + ' ' : ''}${this.className}[${this.id}] at ${this.opName}${this.callSite ? ` at ${this.callSite}` : ''}`; }
  toDebugString(): string { return rddDebugString(this); }

  // ---- persistence -------------------------------------------------------------------------
  persist(level: StorageLevel = StorageLevel.MEMORY_ONLY): this {
    if (this.storage !== StorageLevel.NONE && !this.storage.equals(level)) {
      throw errors.storageLevelChange();
    }
    this.storage = level;
    this.sc.persistRDD(this);
    return this;
  }
  cache(): this { return this.persist(StorageLevel.MEMORY_ONLY); }
  /** Spark's persist(level, allowOverride = true), for localCheckpoint raising a level to use disk. */
  persistOverriding(level: StorageLevel): this { this.storage = level; this.sc.persistRDD(this); return this; }
  unpersist(_blocking = false): this { this.sc.unpersistRDD(this.id); this.storage = StorageLevel.NONE; return this; }
  getStorageLevel(): StorageLevel { return this.storage; }

  /** Resolves partition `p` into a serializable plan, reading a cached block when there is one. */
  planOf(p: number, ctx: PlanContext): PartPlan {
    const cp = this.checkpointData?.checkpointRDD;
    const inner = cp ? cp.planOf(p, ctx) : this.planForPartition(p, ctx);
    const plan: PartPlan = this.storage === StorageLevel.NONE ? inner : this.cachedPlan(p, inner, ctx);
    if (!ctx.recordedRdds?.has(this.id)) return plan;
    const recorded: RecordedPlan = { k: 'recorded', rddId: this.id, partition: p, inner: plan };
    return recorded;
  }

  private cachedPlan(p: number, inner: PartPlan, ctx: PlanContext): CachedPlan {
    const blockId = rddBlockId(this.id, p);
    return { k: 'cached', rddId: this.id, blockId, level: this.storage.toJSON(), inner, locations: ctx.blockLocations(blockId) };
  }

  // ---- narrow transformations --------------------------------------------------------------
  /** A MapPartitionsRDD-style child applying `op` to each partition. */
  narrow<U>(opName: string, op: (p: number) => NarrowOp, preservesPartitioning = false): RDD<U> {
    return mapPartitionsRDD<U>(this, opName, op, preservesPartitioning);
  }

  /** A map with an engine-written function, named after the operation that uses it (Spark shows the user's call site). */
  mapAs<U>(opName: string, source: string, preservesPartitioning = false): RDD<U> {
    const fn = ship(source, opName);
    return this.narrow(opName, () => ({ t: 'map', f: fn }), preservesPartitioning);
  }

  map<U>(f: Fn<[T], U>): RDD<U> { const fn = ship(f, 'map'); return this.narrow('map', () => ({ t: 'map', f: fn })); }
  flatMap<U>(f: Fn<[T], Iterable<U>>): RDD<U> { const fn = ship(f, 'flatMap'); return this.narrow('flatMap', () => ({ t: 'flatMap', f: fn })); }
  filter(f: Fn<[T], unknown>): RDD<T> { const fn = ship(f, 'filter'); return this.narrow('filter', () => ({ t: 'filter', f: fn }), true); }
  mapPartitions<U>(f: Fn<[Iterable<T>], Iterable<U>>, preservesPartitioning = false): RDD<U> {
    const fn = ship(f, 'mapPartitions');
    return this.narrow('mapPartitions', (p) => ({ t: 'mapPartitions', f: fn, withIndex: false, partition: p }), preservesPartitioning);
  }
  mapPartitionsWithIndex<U>(f: Fn<[number, Iterable<T>], Iterable<U>>, preservesPartitioning = false): RDD<U> {
    const fn = ship(f, 'mapPartitionsWithIndex');
    return this.narrow('mapPartitionsWithIndex', (p) => ({ t: 'mapPartitions', f: fn, withIndex: true, partition: p }), preservesPartitioning);
  }
  glom(): RDD<T[]> { return this.narrow('glom', () => ({ t: 'glom' })); }
  keyBy<K>(f: Fn<[T], K>): RDD<[K, T]> { const fn = ship(f, 'keyBy'); return this.narrow('keyBy', () => ({ t: 'keyBy', f: fn })); }
  /** Spark's sample: a PartitionwiseSampledRDD with a BernoulliSampler (or, with replacement, a PoissonSampler), seeded per partition. */
  sample(withReplacement: boolean, fraction: number, seed: number = this.sc.nextSeed()): RDD<T> {
    return partitionwiseSampledRDD(this, withReplacement, fraction, seed);
  }

  union(other: RDD<T>): RDD<T> { return this.sc.union([this, other]); }
  /** Spark's distinct: deduplicated in place when already partitioned into as many partitions, else through reduceByKey. */
  distinct(numPartitions: number = this.getNumPartitions()): RDD<T> {
    if (this.partitioner && numPartitions === this.getNumPartitions()) return this.narrow('distinct', () => ({ t: 'distinct' }), true);
    return pair.reduceByKey(this.mapAs<[T, null]>('distinct', '(x) => [x, null]'), '(x, _y) => x', numPartitions, 'distinct')
      .mapAs<T>('distinct', '(kv) => kv[0]');
  }

  coalesce(numPartitions: number, shuffle = false): RDD<T> {
    rejectUnsupportedArguments('coalesce', arguments, 2, ['partitionCoalescer']);
    return coalesceAs(this, numPartitions, shuffle, 'coalesce');
  }
  repartition(numPartitions: number): RDD<T> { return coalesceAs(this, numPartitions, true, 'repartition'); }

  sortBy<K>(f: Fn<[T], K>, ascending = true, numPartitions: number = this.getNumPartitions()): RDD<T> {
    const fn = ship(f, 'sortBy');
    const keyed = this.narrow<[K, T]>('sortBy', () => ({ t: 'keyBy', f: fn }));
    return pair.sortByKey(keyed, ascending, numPartitions, 'sortBy').mapAs<T>('sortBy', '(kv) => kv[1]', true);
  }

  zipWithIndex(): RDD<[T, number]> { return zippedWithIndexRDD(this); }

  cartesian<U>(other: RDD<U>): RDD<[T, U]> { return cartesianRDD(this, other); }

  // ---- actions (async, each runs a job) ----------------------------------------------------
  collect(): Promise<T[]> { return actions.collect(this); }
  count(): Promise<number> { return actions.count(this); }
  take(num: number): Promise<T[]> { return actions.take(this, num); }
  first(): Promise<T> { return actions.first(this); }
  isEmpty(): Promise<boolean> { return actions.isEmpty(this); }
  reduce(f: Fn<[T, T], T>): Promise<T> { return actions.reduce(this, ship(f, 'reduce')); }
  fold(zeroValue: T, f: Fn<[T, T], T>): Promise<T> { return actions.fold(this, zeroValue, ship(f, 'fold')); }
  aggregate<U>(zeroValue: U, seqOp: Fn<[U, T], U>, combOp: Fn<[U, U], U>): Promise<U> {
    return actions.aggregate(this, zeroValue, ship(seqOp, 'aggregate'), ship(combOp, 'aggregate'));
  }
  foreach(f: Fn<[T], unknown>): Promise<void> { return actions.runForeach(this, { t: 'foreach', f: ship(f, 'foreach') }); }
  foreachPartition(f: Fn<[Iterable<T>], unknown>): Promise<void> {
    return actions.runForeach(this, { t: 'foreachPartition', f: ship(f, 'foreachPartition') });
  }
  countByValue(): Promise<Map<T, number>> { return pair.countByKey(this.mapAs<[T, null]>('countByValue', '(x) => [x, null]'), 'countByValue'); }
  /** Spark's saveAsTextFile; with a codec (org.apache.hadoop.io.compress.GzipCodec, DefaultCodec) the parts are compressed. */
  saveAsTextFile(path: string, compressionCodecClass?: string): Promise<void> {
    return compressionCodecClass === undefined ? actions.saveAsTextFile(this, path) : saveAsCompressedTextFile(this, path, compressionCodecClass);
  }
  saveAsObjectFile(path: string): Promise<void> { return actions.saveAsObjectFile(this, path); }
  // Hadoop output
  saveAsHadoopFile<K, V>(this: RDD<[K, V]>, path: string, ...formatArgs: never[]): Promise<void> { return pair.saveAsHadoopFile(this, path, 'saveAsHadoopFile', formatArgs); }
  saveAsNewAPIHadoopFile<K, V>(this: RDD<[K, V]>, path: string, ...formatArgs: never[]): Promise<void> { return pair.saveAsHadoopFile(this, path, 'saveAsNewAPIHadoopFile', formatArgs); }
  /** Runs `op` on every partition (or the given ones) and returns per-partition results. */
  runJob(op: ResultOp, partitions?: number[]): Promise<unknown[]> { return this.sc.runJob(this, op, partitions); }

  // Statistics, ordering, tree aggregation, sampling, approximate actions
  sum(this: RDD<number>): Promise<number> { return stat.sum(this); }
  max(keyOrOrdering?: KeyOrOrdering<T>): Promise<T> { return stat.max(this, keyOrOrdering); }
  min(keyOrOrdering?: KeyOrOrdering<T>): Promise<T> { return stat.min(this, keyOrOrdering); }
  mean(this: RDD<number>): Promise<number> { return stat.mean(this); }
  variance(this: RDD<number>): Promise<number> { return stat.variance(this); }
  stdev(this: RDD<number>): Promise<number> { return stat.stdev(this); }
  sampleStdev(this: RDD<number>): Promise<number> { return stat.sampleStdev(this); }
  sampleVariance(this: RDD<number>): Promise<number> { return stat.sampleVariance(this); }
  stats(this: RDD<number>): Promise<StatCounter> { return stat.stats(this); }
  histogram(this: RDD<number>, bucketCount: number): Promise<[number[], number[]]>;
  histogram(this: RDD<number>, buckets: number[], evenBuckets?: boolean): Promise<number[]>;
  histogram(this: RDD<string>, buckets: string[]): Promise<number[]>;
  histogram(this: RDD<number> | RDD<string>, spec: number | number[] | string[], evenBuckets = false): Promise<[number[], number[]] | number[]> {
    if (typeof spec === 'number') return stat.histogram(this as RDD<number>, spec);
    return Array.isArray(spec) && spec.every((b) => typeof b === 'string')
      ? stat.histogram(this as RDD<string>, spec as string[]) : stat.histogram(this as RDD<number>, spec as number[], evenBuckets);
  }
  top(num: number, keyOrOrdering?: KeyOrOrdering<T>): Promise<T[]> { return stat.top(this, num, keyOrOrdering); }
  takeOrdered(num: number, keyOrOrdering?: KeyOrOrdering<T>): Promise<T[]> { return stat.takeOrdered(this, num, keyOrOrdering); }
  treeReduce(f: Fn<[T, T], T>, depth = 2): Promise<T> { return stat.treeReduce(this, f, depth); }
  treeAggregate<U>(zeroValue: U, seqOp: Fn<[U, T], U>, combOp: Fn<[U, U], U>, depth = 2): Promise<U> {
    return stat.treeAggregate(this, zeroValue, seqOp, combOp, depth);
  }
  reduceByKeyLocally<K, V>(this: RDD<[K, V]>, f: Fn<[V, V], V>): Promise<Map<K, V>> { return stat.reduceByKeyLocally(this, f); }
  takeSample(withReplacement: boolean, num: number, seed?: number): Promise<T[]> { return stat.takeSample(this, withReplacement, num, seed); }
  randomSplit(weights: number[], seed?: number | bigint): RDD<T>[] { return stat.randomSplit(this, weights, seed); }
  sampleByKey<K, V>(this: RDD<[K, V]>, withReplacement: boolean, fractions: Map<K, number> | Record<string, number>, seed?: number | bigint): RDD<[K, V]> {
    return stat.sampleByKey(this, withReplacement, fractions, seed);
  }
  /** Spark's sampleByKeyExact (runs its sampling jobs now, so it is async here where Spark's returns the RDD at once). */
  sampleByKeyExact<K, V>(this: RDD<[K, V]>, withReplacement: boolean, fractions: Map<K, number> | Record<string, number>, seed?: number | bigint): Promise<RDD<[K, V]>> {
    return stat.sampleByKeyExact(this, withReplacement, fractions, seed);
  }
  countApprox(timeout: number, confidence = 0.95): Promise<PartialResult<BoundedDouble>> { return stat.countApprox(this, timeout, confidence); }
  sumApprox(this: RDD<number>, timeout: number, confidence = 0.95): Promise<PartialResult<BoundedDouble>> { return stat.sumApprox(this, timeout, confidence); }
  meanApprox(this: RDD<number>, timeout: number, confidence = 0.95): Promise<PartialResult<BoundedDouble>> { return stat.meanApprox(this, timeout, confidence); }
  countByValueApprox(timeout: number, confidence = 0.95): Promise<PartialResult<Map<T, BoundedDouble>>> { return stat.countByValueApprox(this, timeout, confidence); }
  /** `countApproxDistinct(relativeSD = 0.05)`, or Spark's `countApproxDistinct(p, sp)` with two arguments. */
  countApproxDistinct(relativeSDOrP = 0.05, sp?: number): Promise<number> { return stat.countApproxDistinct(this, relativeSDOrP, sp); }

  // ---- pair functions (Spark's PairRDDFunctions, available on RDD<[K, V]>) -----------------
  reduceByKey<K, V>(this: RDD<[K, V]>, f: Fn<[V, V], V>, numPartitions?: number | Partitioner): RDD<[K, V]> {
    rejectUnsupportedArguments('reduceByKey', arguments, 2, ['partitionFunc']);
    return pair.reduceByKey(this, f, numPartitions);
  }
  groupByKey<K, V>(this: RDD<[K, V]>, numPartitions?: number | Partitioner): RDD<[K, CompactBuffer<V>]> {
    rejectUnsupportedArguments('groupByKey', arguments, 1, ['partitionFunc']);
    return pair.groupByKey(this, numPartitions);
  }
  combineByKey<K, V, C>(this: RDD<[K, V]>, createCombiner: Fn<[V], C>, mergeValue: Fn<[C, V], C>, mergeCombiners: Fn<[C, C], C>,
    numPartitions?: number | Partitioner, mapSideCombine = true): RDD<[K, C]> {
    rejectPartitionFunc('combineByKey', mapSideCombine);
    rejectUnsupportedArguments('combineByKey', arguments, 5, ['serializer']);
    return pair.combineByKey(this, createCombiner, mergeValue, mergeCombiners, numPartitions, mapSideCombine);
  }
  aggregateByKey<K, V, U>(this: RDD<[K, V]>, zeroValue: U, seqOp: Fn<[U, V], U>, combOp: Fn<[U, U], U>, numPartitions?: number | Partitioner): RDD<[K, U]> {
    rejectUnsupportedArguments('aggregateByKey', arguments, 4, ['partitionFunc']);
    return pair.aggregateByKey(this, zeroValue, seqOp, combOp, numPartitions);
  }
  foldByKey<K, V>(this: RDD<[K, V]>, zeroValue: V, f: Fn<[V, V], V>, numPartitions?: number | Partitioner): RDD<[K, V]> {
    rejectUnsupportedArguments('foldByKey', arguments, 3, ['partitionFunc']);
    return pair.foldByKey(this, zeroValue, f, numPartitions);
  }
  mapValues<K, V, U>(this: RDD<[K, V]>, f: Fn<[V], U>): RDD<[K, U]> {
    const fn = ship(f, 'mapValues');
    return this.narrow('mapValues', () => ({ t: 'mapValues', f: fn }), true);
  }
  flatMapValues<K, V, U>(this: RDD<[K, V]>, f: Fn<[V], Iterable<U>>): RDD<[K, U]> {
    const fn = ship(f, 'flatMapValues');
    return this.narrow('flatMapValues', () => ({ t: 'flatMapValues', f: fn }), true);
  }
  keys<K, V>(this: RDD<[K, V]>): RDD<K> { return this.mapAs<K>('keys', '(kv) => kv[0]'); }
  values<K, V>(this: RDD<[K, V]>): RDD<V> { return this.mapAs<V>('values', '(kv) => kv[1]'); }
  partitionBy<K, V>(this: RDD<[K, V]>, partitioner: Partitioner | number): RDD<[K, V]> {
    rejectUnsupportedArguments('partitionBy', arguments, 1, ['partitionFunc']);
    const p = toPartitioner(partitioner);
    return p.equals(this.partitioner) ? this : shuffledRDD(this, p, undefined, false, 'partitionBy');
  }
  sortByKey<K, V>(this: RDD<[K, V]>, ascending = true, numPartitions: number = this.getNumPartitions()): RDD<[K, V]> {
    rejectUnsupportedArguments('sortByKey', arguments, 2, ['keyfunc']);
    return pair.sortByKey(this, ascending, numPartitions);
  }
  cogroup<K, V, W>(this: RDD<[K, V]>, other: RDD<[K, W]>, numPartitions?: number | Partitioner): RDD<[K, [CompactBuffer<V>, CompactBuffer<W>]]> {
    if (numPartitions instanceof RDD) throw errors.unsupportedArgument('cogroup', 'other2', 'To group with several RDDs use groupWith(other1, other2, ...).');
    return pair.cogroup(this, other, numPartitions);
  }
  join<K, V, W>(this: RDD<[K, V]>, other: RDD<[K, W]>, numPartitions?: number | Partitioner): RDD<[K, [V, W]]> { return pair.join(this, other, numPartitions); }
  leftOuterJoin<K, V, W>(this: RDD<[K, V]>, other: RDD<[K, W]>, numPartitions?: number | Partitioner): RDD<[K, [V, Option<W>]]> {
    return pair.leftOuterJoin(this, other, numPartitions);
  }
  rightOuterJoin<K, V, W>(this: RDD<[K, V]>, other: RDD<[K, W]>, numPartitions?: number | Partitioner): RDD<[K, [Option<V>, W]]> {
    return pair.rightOuterJoin(this, other, numPartitions);
  }
  fullOuterJoin<K, V, W>(this: RDD<[K, V]>, other: RDD<[K, W]>, numPartitions?: number | Partitioner): RDD<[K, [Option<V>, Option<W>]]> {
    return pair.fullOuterJoin(this, other, numPartitions);
  }
  subtractByKey<K, V, W>(this: RDD<[K, V]>, other: RDD<[K, W]>, numPartitions?: number | Partitioner): RDD<[K, V]> {
    return pair.subtractByKey(this, other, numPartitions);
  }
  countByKey<K, V>(this: RDD<[K, V]>): Promise<Map<K, number>> { return pair.countByKey(this); }
  collectAsMap<K, V>(this: RDD<[K, V]>): Promise<Map<K, V>> { return pair.collectAsMap(this); }
  lookup<K, V>(this: RDD<[K, V]>, key: K): Promise<V[]> { return pair.lookup(this, key); }

  // Sets, zips, grouping, iteration, barriers, checkpointing
  intersection(other: RDD<T>, numPartitions?: number | Partitioner): RDD<T> { return m.intersection(this, other, numPartitions); }
  subtract(other: RDD<T>, numPartitions?: number | Partitioner): RDD<T> { return m.subtract(this, other, numPartitions); }
  zip<U>(other: RDD<U>): RDD<[T, U]> { return m.zip(this, other); }
  /** Spark's zipPartitions: partition i of this and every other RDD, given together to `f` (all with as many partitions). */
  zipPartitions<U, R>(other: RDD<U>, f: Fn<[T[], U[]], Iterable<R>>, preservesPartitioning?: boolean): RDD<R>;
  zipPartitions<U, V, R>(b: RDD<U>, c: RDD<V>, f: Fn<[T[], U[], V[]], Iterable<R>>, preservesPartitioning?: boolean): RDD<R>;
  zipPartitions<U, V, W, R>(b: RDD<U>, c: RDD<V>, d: RDD<W>, f: Fn<[T[], U[], V[], W[]], Iterable<R>>, preservesPartitioning?: boolean): RDD<R>;
  zipPartitions<R>(...args: m.ZipPartitionsArgs): RDD<R> { return m.zipPartitions<R>(this, args); }
  zipWithUniqueId(): RDD<[T, number]> { return m.zipWithUniqueId(this); }
  groupBy<K>(f: Fn<[T], K>, numPartitions?: number | Partitioner): RDD<[K, CompactBuffer<T>]> {
    rejectUnsupportedArguments('groupBy', arguments, 2, ['partitionFunc']);
    return m.groupBy(this, f, numPartitions);
  }
  groupWith<K, V, W>(this: RDD<[K, V]>, other: RDD<[K, W]>): RDD<[K, [CompactBuffer<V>, CompactBuffer<W>]]>;
  groupWith<K, V, W1, W2>(this: RDD<[K, V]>, o1: RDD<[K, W1]>, o2: RDD<[K, W2]>): RDD<[K, [CompactBuffer<V>, CompactBuffer<W1>, CompactBuffer<W2>]]>;
  groupWith<K, V, W1, W2, W3>(this: RDD<[K, V]>, o1: RDD<[K, W1]>, o2: RDD<[K, W2]>, o3: RDD<[K, W3]>): RDD<[K, [CompactBuffer<V>, CompactBuffer<W1>, CompactBuffer<W2>, CompactBuffer<W3>]]>;
  groupWith<K>(this: RDD<[K, unknown]>, ...others: RDD<[K, unknown]>[]): RDD<[K, CompactBuffer<unknown>[]]> { return m.groupWith(this, others); }
  repartitionAndSortWithinPartitions<K, V>(this: RDD<[K, V]>, partitioner?: number | Partitioner, ascending = true): RDD<[K, V]> {
    rejectPartitionFunc('repartitionAndSortWithinPartitions', ascending);
    rejectUnsupportedArguments('repartitionAndSortWithinPartitions', arguments, 2, ['keyfunc']);
    return m.repartitionAndSortWithinPartitions(this, partitioner, ascending);
  }
  /** The records, one partition (one job) at a time: `for await (const x of rdd.toLocalIterator())`. */
  toLocalIterator(prefetchPartitions = false): AsyncGenerator<T, void, undefined> { return m.toLocalIterator(this, prefetchPartitions); }
  barrier(): m.RDDBarrier<T> { return new m.RDDBarrier(this); }
  checkpoint(): void { m.checkpoint(this); }
  localCheckpoint(): this { m.localCheckpoint(this); return this; }
  isCheckpointed(): boolean { return m.isCheckpointed(this); }
  isLocallyCheckpointed(): boolean { return m.isLocallyCheckpointed(this); }
  getCheckpointFile(): Option<string> { return m.getCheckpointFile(this); }
}

export function range(n: number): number[] { return Array.from({ length: n }, (_, i) => i); }

/** Spark's coalesce (and repartition, which is coalesce with a shuffle). */
function coalesceAs<T>(self: RDD<T>, numPartitions: number, shuffle: boolean, opName: string): RDD<T> {
  if (!(Number.isInteger(numPartitions) && numPartitions > 0)) throw errors.numPartitionsPositive(numPartitions);
  if (shuffle) {
    // Spark: each map task spreads its records round-robin from a position drawn by XORShiftRandom(partition index),
    // through a HashPartitioner on that position; the shuffled RDD is coalesced to itself and its values kept.
    const distributed = self.narrow<[number, T]>(opName, (p) => ({ t: 'distributePartition', numPartitions, partition: p }));
    const shuffled = shuffledRDD(distributed, new HashPartitioner(numPartitions), undefined, false, opName);
    return coalescedRDD(shuffled, numPartitions, opName).mapAs<T>(opName, '(kv) => kv[1]');
  }
  return coalescedRDD(self, numPartitions, opName);
}

export type { ShuffleDependency };
