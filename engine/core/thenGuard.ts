/**
 * The engine resolves promises with records, task outcomes and arrays; a promise resolved with an object looks
 * up its `then`, so a user function that sets `Object.prototype.then = ...` turns every such object into a
 * thenable whose `then` never calls back, and the run hangs. Hosts that run untrusted functions (Node executor
 * workers, the command line's graph runner) call guardThenables() before any user code loads: `then` becomes a
 * read-only, non-configurable `undefined` on the prototypes the engine's values inherit from, so the assignment
 * throws in the user's strict-mode function (its task fails with the TypeError) and no object of these kinds can
 * become thenable.
 */
const PROTOTYPES: readonly object[] = [Object.prototype, Array.prototype, Function.prototype, Error.prototype, Map.prototype, Set.prototype];

export function guardThenables(): void {
  for (const proto of PROTOTYPES) {
    const existing = Object.getOwnPropertyDescriptor(proto, 'then');
    if (existing && !existing.configurable) continue;   // already guarded
    Object.defineProperty(proto, 'then', { value: undefined, writable: false, enumerable: false, configurable: false });
  }
}

/**
 * Where the realm cannot be guarded (local mode runs user functions in the program's or the driver worker's own
 * realm), the executor checks after every user-function call: a `then` added to one of the prototypes is removed
 * at once, before the engine resolves a promise with an object, and the call fails naming the prototype.
 * Returns the prototype's name, or undefined when none was polluted.
 */
export function removeThenPollution(): string | undefined {
  // The check runs after every user-function call, so it starts with one that costs a few property lookups: `in`
  // follows the prototype chain without calling a getter, and every prototype listed inherits from Object.prototype.
  if (!('then' in Array.prototype || 'then' in Function.prototype || 'then' in Error.prototype || 'then' in Map.prototype || 'then' in Set.prototype)) {
    return undefined;
  }
  for (const proto of PROTOTYPES) {
    const d = Object.getOwnPropertyDescriptor(proto, 'then');
    if (!d || !d.configurable) continue;
    delete (proto as { then?: unknown }).then;
    return `${(proto as { constructor: { name: string } }).constructor.name}.prototype`;
  }
  return undefined;
}

/** Whether guardThenables() ran in this realm: then no `then` can be added to these prototypes, and no call needs the check. */
export function thenablesGuarded(): boolean {
  return PROTOTYPES.every((proto) => {
    const d = Object.getOwnPropertyDescriptor(proto, 'then');
    return d !== undefined && !d.configurable && !d.writable && d.value === undefined && !('get' in d);
  });
}
