/** The Node built-ins the engine loads synchronously, where an `import` would need top-level await. */
interface Builtins {
  'node:fs': typeof import('node:fs');
  'node:worker_threads': typeof import('node:worker_threads');
}

/**
 * A built-in module through `process.getBuiltinModule` (Node ≥ 20.16, and also inside a permission-limited child);
 * undefined on older Node 20, whose callers fall back to a dynamic import.
 */
export function nodeBuiltin<K extends keyof Builtins>(id: K): Builtins[K] | undefined {
  const get: unknown = Reflect.get(process, 'getBuiltinModule');
  return typeof get === 'function' ? (get.call(process, id) as Builtins[K]) : undefined;
}
