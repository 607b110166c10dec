/**
 * The engine's own values usable inside shipped functions (DESIGN.md, "Architecture"):
 * `updateStateByKey((vs, s) => Some(...))` passes the free-variable check and runs on every
 * executor because `Some` is in this registry on both sides.
 *
 * Later engine modules add themselves with `registerShippedGlobal('HashPartitioner', HashPartitioner)`
 * at module top level, so this file imports nothing from them (no circular imports).
 *
 * ORDER MATTERS: `shipFunction` consults the registry as it is when the operation is defined, and
 * `compileShipped` as it is on the executor. A module must therefore be imported (and so have
 * registered) before a function using its value is shipped, and the executor's entry point must
 * import the same modules as the driver (importing `engine/index.ts` does this).
 */
import { CompactBuffer } from './compactBuffer';
import { isBindableName, isShadowedGlobal, isStandardGlobal } from './closureGlobals';
import { None, Some } from './option';
import { Duration, Milliseconds, Minutes, Seconds, Time } from './time';
import { errors } from './errors';

const registry = new Map<string, unknown>();
let version = 0;

/**
 * Read-only view of the registry (`SHIPPED_GLOBALS.Some === Some`). Writing to it throws:
 * use `registerShippedGlobal`.
 */
export const SHIPPED_GLOBALS: Record<string, unknown> = new Proxy(Object.create(null) as Record<string, unknown>, {
  get: (_t, p) => (typeof p === 'string' ? registry.get(p) : undefined),
  has: (_t, p) => typeof p === 'string' && registry.has(p),
  ownKeys: () => [...registry.keys()],
  getOwnPropertyDescriptor: (_t, p) => (typeof p === 'string' && registry.has(p)
    ? { value: registry.get(p), writable: false, enumerable: true, configurable: true }
    : undefined),
  set: () => { throw errors.shippedGlobalsReadOnly(); },
  defineProperty: () => { throw errors.shippedGlobalsReadOnly(); },
  deleteProperty: () => { throw errors.shippedGlobalsNoDelete(); },
});

/**
 * Makes `value` available under `name` inside every shipped function. Registering the same value
 * again is a no-op; a different value under a taken name throws unless `{ replace: true }`.
 */
export function registerShippedGlobal(name: string, value: unknown, options: { replace?: boolean } = {}): void {
  if (!isBindableName(name)) throw errors.shippedGlobalNotIdentifier(name);
  if (isStandardGlobal(name) || isShadowedGlobal(name)) {
    throw errors.shippedGlobalIsStandard(name);
  }
  if (registry.has(name)) {
    if (registry.get(name) === value) return;
    if (!options.replace) {
      throw errors.shippedGlobalTaken(name);
    }
  }
  registry.set(name, value);
  version++;
}

/** Removes a registered name (tests, hot reload). */
export function unregisterShippedGlobal(name: string): boolean {
  const had = registry.delete(name);
  if (had) version++;
  return had;
}

export function isShippedGlobal(name: string): boolean { return registry.has(name); }

/** Registered names in registration order. */
export function shippedGlobalNames(): string[] { return [...registry.keys()]; }

/** Changes whenever the registry changes; part of the compile cache key. */
export function shippedGlobalsVersion(): number { return version; }

registerShippedGlobal('Some', Some);
registerShippedGlobal('None', None);
registerShippedGlobal('CompactBuffer', CompactBuffer);
registerShippedGlobal('Seconds', Seconds);
registerShippedGlobal('Milliseconds', Milliseconds);
registerShippedGlobal('Minutes', Minutes);
registerShippedGlobal('Duration', Duration);
registerShippedGlobal('Time', Time);
