/** Spark's StateSpec and State, the API of mapWithState. */
import { errors } from '../../core/errors';
import type { Duration, Time } from '../../core/time';
import type { Option } from '../../core/option';
import { None, Some } from '../../core/option';
import type { Partitioner } from '../../rdd/partitioner';
import type { RDD } from '../../rdd/RDD';

/** Spark's State[S]: what a mapWithState function reads and changes for its key. */
export class State<S> {
  private defined = false;
  private value: S | undefined;
  private timingOut = false;
  private updated = false;
  private removed = false;

  /** Executor side: point this object at the key's current state (Spark's StateImpl.wrap / wrapTimingOutState). */
  wrap(current: Option<S>, timingOut = false): this {
    this.defined = current.isDefined;
    this.value = current.isDefined ? current.get() : undefined;
    this.timingOut = timingOut;
    this.updated = false;
    this.removed = false;
    return this;
  }
  exists(): boolean { return this.defined; }
  get(): S {
    if (!this.defined) throw errors.stateNotSet();
    return this.value as S;
  }
  getOption(): Option<S> { return this.defined ? Some(this.value as S) : None; }
  update(newState: S): void {
    if (this.removed) throw errors.stateUpdateAfterRemove();
    if (this.timingOut) throw errors.stateUpdateTimingOut();
    this.value = newState;
    this.defined = true;
    this.updated = true;
  }
  remove(): void {
    if (this.timingOut) throw errors.stateRemoveTimingOut();
    if (this.removed) throw errors.stateRemoveTwice();
    this.defined = false;
    this.value = undefined;
    this.removed = true;
  }
  isTimingOut(): boolean { return this.timingOut; }
  get isRemoved(): boolean { return this.removed; }
  get isUpdated(): boolean { return this.updated; }
  toString(): string { return this.defined ? `${this.value}` : '<state not set>'; }
}

/** Spark's StateSpec.function(f).initialState(rdd).numPartitions(n).partitioner(p).timeout(d). */
export class StateSpec<K, V, S, M> {
  initialStateRDD?: RDD<[K, S]>;
  partitionerValue?: Partitioner | number;
  timeoutInterval?: Duration;
  private constructor(readonly mappingFunction: unknown) {}

  /** (key, value: Option, state: State) => mapped, or (time, key, value, state) => Option<mapped>. */
  static function<K, V, S, M>(mappingFunction: (key: K, value: Option<V>, state: State<S>) => M): StateSpec<K, V, S, M>;
  static function<K, V, S, M>(mappingFunction: (time: Time, key: K, value: Option<V>, state: State<S>) => Option<M>): StateSpec<K, V, S, M>;
  static function<K, V, S, M>(mappingFunction: string): StateSpec<K, V, S, M>;
  static function<K, V, S, M>(mappingFunction: unknown): StateSpec<K, V, S, M> {
    if (typeof mappingFunction !== 'function' && typeof mappingFunction !== 'string') throw errors.notAFunction('StateSpec.function');
    return new StateSpec<K, V, S, M>(mappingFunction);
  }
  initialState(rdd: RDD<[K, S]>): this { this.initialStateRDD = rdd; return this; }
  numPartitions(n: number): this { this.partitionerValue = n; return this; }
  partitioner(p: Partitioner): this { this.partitionerValue = p; return this; }
  timeout(idleDuration: Duration): this { this.timeoutInterval = idleDuration; return this; }
}
