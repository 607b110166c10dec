/** Stateless DStreams: each batch's RDD is a transformation of the parents' RDDs for the same time. */
import { errors } from '../../core/errors';
import type { Duration, Time } from '../../core/time';
import type { Partitioner } from '../../rdd/partitioner';
import { ship, type Fn, type RDD } from '../../rdd/RDD';
import { DStream } from './DStream';

/** A DStream with one parent and the parent's slide. */
abstract class OneParentDStream<P, T> extends DStream<T> {
  constructor(readonly parent: DStream<P>) { super(parent.ssc); }
  get slideDuration(): Duration { return this.parent.slideDuration; }
  get dependencies(): DStream<unknown>[] { return [this.parent as DStream<unknown>]; }
}

export class MappedDStream<T, U> extends OneParentDStream<T, U> {
  readonly opName = 'map';
  private readonly fn;
  constructor(parent: DStream<T>, f: Fn<[T], U>) { super(parent); this.fn = ship(f, 'map'); }
  compute(t: Time): RDD<U> | undefined { return this.parent.getOrCompute(t)?.map<U>(this.fn); }
}

export class FlatMappedDStream<T, U> extends OneParentDStream<T, U> {
  readonly opName = 'flatMap';
  private readonly fn;
  constructor(parent: DStream<T>, f: Fn<[T], Iterable<U>>) { super(parent); this.fn = ship(f, 'flatMap'); }
  compute(t: Time): RDD<U> | undefined { return this.parent.getOrCompute(t)?.flatMap<U>(this.fn); }
}

export class FilteredDStream<T> extends OneParentDStream<T, T> {
  readonly opName = 'filter';
  private readonly fn;
  constructor(parent: DStream<T>, f: Fn<[T], unknown>) { super(parent); this.fn = ship(f, 'filter'); }
  compute(t: Time): RDD<T> | undefined { return this.parent.getOrCompute(t)?.filter(this.fn); }
}

export class GlommedDStream<T> extends OneParentDStream<T, T[]> {
  readonly opName = 'glom';
  compute(t: Time): RDD<T[]> | undefined { return this.parent.getOrCompute(t)?.glom(); }
}

export class MapPartitionedDStream<T, U> extends OneParentDStream<T, U> {
  readonly opName = 'mapPartitions';
  private readonly fn;
  constructor(parent: DStream<T>, f: Fn<[Iterable<T>], Iterable<U>>, private readonly preservePartitioning: boolean) { super(parent); this.fn = ship(f, 'mapPartitions'); }
  compute(t: Time): RDD<U> | undefined { return this.parent.getOrCompute(t)?.mapPartitions<U>(this.fn, this.preservePartitioning); }
}

export class MapValuedDStream<K, V, U> extends OneParentDStream<[K, V], [K, U]> {
  readonly opName = 'mapValues';
  private readonly fn;
  constructor(parent: DStream<[K, V]>, f: Fn<[V], U>) { super(parent); this.fn = ship(f, 'mapValues'); }
  compute(t: Time): RDD<[K, U]> | undefined { return this.parent.getOrCompute(t)?.mapValues<K, V, U>(this.fn); }
}

export class FlatMapValuedDStream<K, V, U> extends OneParentDStream<[K, V], [K, U]> {
  readonly opName = 'flatMapValues';
  private readonly fn;
  constructor(parent: DStream<[K, V]>, f: Fn<[V], Iterable<U>>) { super(parent); this.fn = ship(f, 'flatMapValues'); }
  compute(t: Time): RDD<[K, U]> | undefined { return this.parent.getOrCompute(t)?.flatMapValues<K, V, U>(this.fn); }
}

/** Spark's ShuffledDStream: combineByKey on every batch (reduceByKey, groupByKey, countByValue ...). */
export class ShuffledDStream<K, V, C> extends OneParentDStream<[K, V], [K, C]> {
  private readonly createCombiner; private readonly mergeValue; private readonly mergeCombiner;
  constructor(parent: DStream<[K, V]>, createCombiner: Fn<[V], C>, mergeValue: Fn<[C, V], C>, mergeCombiner: Fn<[C, C], C>,
    private readonly partitioner: Partitioner | number, private readonly mapSideCombine = true, readonly opName = 'combineByKey') {
    super(parent);
    this.createCombiner = ship(createCombiner, opName);
    this.mergeValue = ship(mergeValue, opName);
    this.mergeCombiner = ship(mergeCombiner, opName);
  }
  compute(t: Time): RDD<[K, C]> | undefined {
    const rdd = this.parent.getOrCompute(t);
    return rdd?.combineByKey<K, V, C>(this.createCombiner, this.mergeValue, this.mergeCombiner, this.partitioner, this.mapSideCombine);
  }
}

/** Spark's TransformedDStream: a driver-side function of the parents' RDDs (transform, transformWith). */
export class TransformedDStream<U> extends DStream<U> {
  constructor(readonly parents: DStream<unknown>[], private readonly transformFunc: (rdds: RDD<unknown>[], time: Time) => RDD<U>, readonly opName = 'transform') {
    super(parents[0].ssc);
    if (parents.some((p) => p.ssc !== this.ssc)) throw errors.differentContexts();
    if (new Set(parents.map((p) => p.slideDuration.milliseconds)).size > 1) throw errors.differentSlideDurations();
  }
  get slideDuration(): Duration { return this.parents[0].slideDuration; }
  get dependencies(): DStream<unknown>[] { return this.parents; }
  compute(t: Time): RDD<U> | undefined {
    const parentRDDs = this.parents.map((p) => {
      const r = p.getOrCompute(t);
      if (!r) throw errors.noParentRDD(t);
      return r;
    });
    const result = this.transformFunc(parentRDDs, t);
    if (result === null || result === undefined) {
      throw errors.transformReturnedNull();
    }
    if (typeof (result as { getNumPartitions?: unknown }).getNumPartitions !== 'function') {
      throw errors.transformNotRDD(this.opName, typeof result);
    }
    return result;
  }
}

/** Spark's UnionDStream: the union of the parents' RDDs for each batch. */
export class UnionDStream<T> extends DStream<T> {
  readonly opName = 'union';
  constructor(readonly parents: DStream<T>[]) {
    super(parents[0].ssc);
    if (parents.some((p) => p.ssc !== this.ssc)) throw errors.differentContexts();
    if (new Set(parents.map((p) => p.slideDuration.milliseconds)).size > 1) throw errors.differentSlideDurations();
  }
  get slideDuration(): Duration { return this.parents[0].slideDuration; }
  get dependencies(): DStream<unknown>[] { return this.parents as DStream<unknown>[]; }
  compute(t: Time): RDD<T> | undefined {
    const rdds: RDD<T>[] = [];
    for (const p of this.parents) {
      const r = p.getOrCompute(t);
      if (!r) throw errors.noParentRDDForUnion(t);
      rdds.push(r);
    }
    return rdds.length ? this.ssc.sparkContext.union(rdds) : undefined;
  }
}

