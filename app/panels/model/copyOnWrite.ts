/**
 * Copy-on-write over plain immutable state, for a reducer that folds many events at once: every object is copied
 * at most once per draft (the first time it is written) and then updated in place. The input state is never
 * modified, so older states (time travel, a recorded run's base) stay exact.
 */
/** The keys of S whose values are objects (the maps a draft may own). */
type ObjectKeys<S> = { [K in keyof S]: S[K] extends object ? K : never }[keyof S];

export class CopyOnWrite<S extends object> {
  private readonly fresh = new WeakSet<object>();
  constructor(public s: S) {}

  /** `o` itself if this draft made it, else a shallow copy this draft now owns. */
  protected own<T extends object>(o: T): T {
    if (this.fresh.has(o)) return o;
    const c = (Array.isArray(o) ? o.slice() : { ...o }) as T;
    this.fresh.add(c);
    return c;
  }
  /** Marks an object this draft created as its own. */
  protected adopt<T extends object>(o: T): T {
    this.fresh.add(o);
    return o;
  }
  protected isOwn(o: object): boolean { return this.fresh.has(o); }
  /** The top-level state, owned. */
  top(): S { return (this.s = this.own(this.s)); }
  /** A top-level map, owned. */
  map<K extends ObjectKeys<S>>(k: K): S[K] {
    const t = this.top();
    return (t[k] = this.own(t[k] as object) as S[K]);
  }
}
