import { errors } from '../../core/errors';

/** The Node built-ins the engine loads synchronously, where an `import` would need top-level await. */
interface Builtins {
  'node:fs': typeof import('node:fs');
  'node:module': typeof import('node:module');
  'node:net': typeof import('node:net');
  'node:vm': typeof import('node:vm');
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

/** A built-in the caller cannot do without (the sandbox's hardening): a clear error on a Node without the API. */
export function requireBuiltin<K extends keyof Builtins>(id: K): Builtins[K] {
  const m = nodeBuiltin(id);
  if (!m) throw errors.noGetBuiltinModule(id);
  return m;
}
