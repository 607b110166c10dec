/**
 * Spark's broadcast variables. The driver creates them through a BroadcastRegistry
 * (`sc.broadcast(v)` → `registry.newBroadcast(v)`); a shipped function receives them through
 * `closure({ b }, fn)` and reads `b.value` on the executor, where the value is fetched by id
 * through the executor's runtime (`getBroadcast(id)`), once.
 *
 * Broadcast values must be plain data (they cross to worker executors by structured clone).
 * The registry keeps a snapshot taken at creation: executors see the value as it was broadcast,
 * the driver's `b.value` is the original object (as in Spark).
 */
import { BROADCAST_BRAND, findNonData } from './closureData';
import { errors } from './errors';

interface BroadcastHooks {
  unpersist?(id: number): void;
  destroy?(id: number): void;
}

type BroadcastSource<T> = { value: T } | { fetch: (id: number) => T };

export class Broadcast<T> {
  readonly [BROADCAST_BRAND] = true;
  #valid = true;
  #loaded: boolean;
  #value: T | undefined;
  readonly #fetch: ((id: number) => T) | undefined;
  readonly #hooks: BroadcastHooks;

  constructor(readonly id: number, source: BroadcastSource<T>, hooks: BroadcastHooks = {}) {
    if ('value' in source) { this.#loaded = true; this.#value = source.value; this.#fetch = undefined; } else { this.#loaded = false; this.#fetch = source.fetch; }
    this.#hooks = hooks;
  }

  /** An executor-side handle: the value is fetched by id on first access. */
  static remote<T>(id: number, fetch: (id: number) => T): Broadcast<T> { return new Broadcast<T>(id, { fetch }); }

  get value(): T {
    this.#assertValid();
    if (!this.#loaded) {
      this.#value = this.#fetch!(this.id);
      this.#loaded = true;
    }
    return this.#value as T;
  }

  /** False once destroyed. */
  get isValid(): boolean { return this.#valid; }

  /** Drops executor copies; the value is fetched again when next used. */
  unpersist(): void {
    this.#assertValid();
    if (this.#fetch) { this.#loaded = false; this.#value = undefined; }
    this.#hooks.unpersist?.(this.id);
  }

  /** Removes the value everywhere; any later use throws. */
  destroy(): void {
    this.#assertValid();
    this.#valid = false;
    this.#value = undefined;
    this.#hooks.destroy?.(this.id);
  }

  toString(): string { return `Broadcast(${this.id})`; }

  #assertValid(): void { if (!this.#valid) throw errors.broadcastDestroyed(this.id); }
}

export type BroadcastEvent = { type: 'unpersist' | 'destroy'; id: number };

/**
 * Driver side: allocates ids (0, 1, 2, ... per registry, so runs are deterministic) and keeps
 * values by id for executors. It is itself a broadcast runtime for in-process executors.
 */
export class BroadcastRegistry {
  #nextId = 0;
  readonly #values = new Map<number, unknown>();
  readonly #listeners = new Set<(e: BroadcastEvent) => void>();

  newBroadcast<T>(value: T): Broadcast<T> {
    const bad = findNonData(value);
    if (bad) throw errors.broadcastNotData(bad.path, bad.what);
    const id = this.#nextId++;
    this.#values.set(id, structuredClone(value));
    return new Broadcast<T>(id, { value }, {
      unpersist: (i) => this.#emit({ type: 'unpersist', id: i }),
      destroy: (i) => { this.#values.delete(i); this.#emit({ type: 'destroy', id: i }); },
    });
  }

  /** The broadcast value for executors; throws Spark's error once it was destroyed. */
  getBroadcast(id: number): unknown {
    if (this.#values.has(id)) return this.#values.get(id);
    if (Number.isInteger(id) && id >= 0 && id < this.#nextId) throw errors.broadcastDestroyed(id);
    throw errors.unknownBroadcast(id);
  }

  has(id: number): boolean { return this.#values.has(id); }

  /** Ids of live (not destroyed) broadcasts, ascending. */
  ids(): number[] { return [...this.#values.keys()].sort((a, b) => a - b); }

  /** Executor runtimes listen to drop cached copies; returns an unsubscribe function. */
  onEvent(listener: (e: BroadcastEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => { this.#listeners.delete(listener); };
  }

  #emit(e: BroadcastEvent): void { for (const l of [...this.#listeners]) l(e); }
}
