/**
 * Node-only measures for running untrusted functions (a `.json` graph under `npm run pipeline`), used by the
 * command line's graph runner and by every Node executor worker. node:* modules come from
 * process.getBuiltinModule, which this runtime has (Node ≥ 20.16).
 *
 * - nodeCodeCompiler: compiles with vm.compileFunction, which needs no code generation from strings (so the
 *   process can run with --disallow-code-generation-from-strings: `Function('...')`, `eval` and `new
 *   AsyncFunction(...)` then throw inside user code) and gets no importModuleDynamically (so `import()` throws).
 *   Host names (process, require, Buffer, ...) become parameters that are never passed: undefined in the
 *   function's scope, driver-side functions included.
 * - restrictSockets: a TCP connection to anything but the declared socket sources fails (Node 20's permission
 *   model has no network switch).
 */
import type { CodeCompiler } from '../../core/closure';
import { errors } from '../../core/errors';
import { requireBuiltin } from './builtin';

/** Names a Node module scope or the Node global has that user functions must not see. */
const NODE_HOST_NAMES = ['process', 'require', 'module', 'exports', '__filename', '__dirname', 'global', 'globalThis', 'Buffer'] as const;


export function nodeCodeCompiler(): CodeCompiler {
  const vm = requireBuiltin('node:vm');
  return (params, body) => {
    const hidden = NODE_HOST_NAMES.filter((n) => !params.includes(n));
    return vm.compileFunction(body, [...params, ...hidden]);
  };
}

/** "host:port" of every socket source a graph declares. */
export type SocketAllowList = readonly string[];

export function restrictSockets(allowed: SocketAllowList): void {
  const net = requireBuiltin('node:net');
  const proto = net.Socket.prototype as { connect: (...args: unknown[]) => unknown };
  const connect = proto.connect;
  const ok = new Set(allowed.map((a) => a.toLowerCase()));
  const local = (h: string) => (h === 'localhost' || h === '127.0.0.1' || h === '::1' ? 'localhost' : h);
  const allowedTarget = (host: string, port: number) => ok.has(`${host}:${port}`.toLowerCase()) || [...ok].some((a) => {
    const i = a.lastIndexOf(':');
    return Number(a.slice(i + 1)) === port && local(a.slice(0, i)) === local(host.toLowerCase());
  });
  Object.defineProperty(proto, 'connect', {
    value: function (this: unknown, ...args: unknown[]): unknown {
      const first = args[0];
      const opts = (Array.isArray(first) ? first[0] : first) as { host?: string; port?: number | string; path?: string } | number | string;
      const host = typeof opts === 'object' && opts !== null ? (opts.path ?? opts.host ?? 'localhost') : typeof args[1] === 'string' ? args[1] : 'localhost';
      const port = Number(typeof opts === 'object' && opts !== null ? opts.port : opts);
      if (!allowedTarget(String(host), port)) throw errors.socketNotDeclared(`${host}:${Number.isNaN(port) ? '?' : port}`, allowed);
      return connect.apply(this, args);
    },
    writable: false, configurable: false,
  });
}

/** Set by the command line's graph runner; executor workers inherit it with the environment. */
export const SANDBOX_ENV = 'DSTREAM_SANDBOX_SOCKETS';

/** The sandbox a graph runner put this process in, or undefined (a program, the tests, the studio). */
export function readSandboxEnv(env: Record<string, string | undefined>): { sockets: SocketAllowList } | undefined {
  const raw = env[SANDBOX_ENV];
  if (raw === undefined) return undefined;
  return { sockets: raw.split(',').map((s) => s.trim()).filter(Boolean) };
}
