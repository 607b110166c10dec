/**
 * An immutable table of the engine's own values usable inside shipped functions (DESIGN.md, "Architecture"):
 * `updateStateByKey((vs, s) => Some(...))` passes the free-variable check and runs on every executor because
 * `Some` is in the table on both sides.
 *
 * The engine's table is built once, by explicit imports, in engine/runtime/shippedGlobals.ts; driver and
 * executors import that one module, so they hold the same names whatever the import order. A table never
 * changes: `with` and `without` return a new one (a host or a test that adds a value builds its own table and
 * passes it to shipFunction / compileShipped).
 */
import { isBindableName, isShadowedGlobal, isStandardGlobal } from './closureGlobals';
import { errors } from './errors';

/** Tables built so far: a table's number is part of the compile cache key (values cannot be keyed by text). */
const built = { count: 0 };

function checkName(name: string): void {
  if (!isBindableName(name)) throw errors.shippedGlobalNotIdentifier(name);
  if (isStandardGlobal(name) || isShadowedGlobal(name)) throw errors.shippedGlobalIsStandard(name);
}

export class ShippedGlobals {
  /** Distinguishes this table from every other one in the realm (compile cache key). */
  readonly serial: number;
  /** Read-only record view (`table.record.Some === Some`); writing to it or deleting from it throws. */
  readonly record: Readonly<Record<string, unknown>>;
  private readonly entries: ReadonlyMap<string, unknown>;

  private constructor(entries: Map<string, unknown>) {
    this.entries = entries;
    this.serial = ++built.count;
    this.record = new Proxy(Object.create(null) as Record<string, unknown>, {
      get: (_t, p) => (typeof p === 'string' ? entries.get(p) : undefined),
      has: (_t, p) => typeof p === 'string' && entries.has(p),
      ownKeys: () => [...entries.keys()],
      getOwnPropertyDescriptor: (_t, p) => (typeof p === 'string' && entries.has(p)
        ? { value: entries.get(p), writable: false, enumerable: true, configurable: true }
        : undefined),
      set: () => { throw errors.shippedGlobalsReadOnly(); },
      defineProperty: () => { throw errors.shippedGlobalsReadOnly(); },
      deleteProperty: () => { throw errors.shippedGlobalsNoDelete(); },
    });
  }

  /** A table holding `entries` (in their order). Names must be identifiers that are not standard globals. */
  static of(entries: Readonly<Record<string, unknown>>): ShippedGlobals {
    return ShippedGlobals.empty().with(entries);
  }

  static empty(): ShippedGlobals { return new ShippedGlobals(new Map()); }

  /**
   * A new table with `entries` added. The same value under a name already there is kept; a different one
   * throws unless `{ replace: true }`. Returns this table when nothing changes.
   */
  with(entries: Readonly<Record<string, unknown>>, options: { replace?: boolean } = {}): ShippedGlobals {
    const next = new Map(this.entries);
    let changed = false;
    for (const [name, value] of Object.entries(entries)) {
      checkName(name);
      if (next.has(name)) {
        if (next.get(name) === value) continue;
        if (!options.replace) throw errors.shippedGlobalTaken(name);
      }
      next.set(name, value);
      changed = true;
    }
    return changed ? new ShippedGlobals(next) : this;
  }

  /** A new table without `names` (this table when none of them is here). */
  without(...names: string[]): ShippedGlobals {
    if (!names.some((n) => this.entries.has(n))) return this;
    const next = new Map(this.entries);
    for (const n of names) next.delete(n);
    return new ShippedGlobals(next);
  }

  has(name: string): boolean { return this.entries.has(name); }
  get(name: string): unknown { return this.entries.get(name); }
  /** Names in table order. */
  names(): string[] { return [...this.entries.keys()]; }
}
