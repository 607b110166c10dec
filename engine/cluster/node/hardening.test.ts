/**
 * The Node hardening measures, each in a fresh child process (they change process-wide prototypes): the
 * socket allow-list, the compiler that hides host names, the then-guard, and code generation disallowed.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenOnLoopback, type LoopbackListener } from '../../../scripts/testing/loopbackListener';

const ROOT = path.resolve(__dirname, '../../..');
let listener: LoopbackListener;
let port = 0;
beforeAll(async () => { listener = await listenOnLoopback(); port = listener.port; });
afterAll(() => { listener.close(); });

function inChild(code: string, nodeFlags: string[] = []): Promise<string> {
  const script = `import { nodeCodeCompiler, restrictSockets } from ${JSON.stringify(path.join(ROOT, 'engine/cluster/node/hardening.ts'))};
import { guardThenables, thenablesGuarded } from ${JSON.stringify(path.join(ROOT, 'engine/core/thenGuard.ts'))};
import { compileCode, setCodeCompiler } from ${JSON.stringify(path.join(ROOT, 'engine/core/closure.ts'))};
import net from 'node:net';
const out = [];
const attempt = async (name, f) => { try { out.push(name + ': ' + String(await f())); } catch (e) { out.push(name + ': ' + e.message); } };
${code}
process.stdout.write(out.join('\\n'));`;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [...nodeFlags, '--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, timeout: 30_000 },
      (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout)));
  });
}

describe('Node hardening for untrusted graphs', () => {
  it('restrictSockets lets TCP reach only the declared sources', async () => {
    const out = await inChild(`restrictSockets(['localhost:${port}']);
await attempt('declared', () => new Promise((res, rej) => { const s = net.connect(${port}, '127.0.0.1', () => { s.destroy(); res('connected'); }); s.on('error', rej); }));
await attempt('other port', () => new Promise((res, rej) => { const s = net.connect(${port + 1 === 65536 ? 1 : port + 1}, '127.0.0.1', () => res('connected')); s.on('error', rej); }));
await attempt('fetch', () => fetch('http://127.0.0.1:1/').then(() => 'fetched'));`);
    expect(out).toMatch(/^declared: connected$/m);
    expect(out).toMatch(/^other port: Connection to 127\.0\.0\.1:\d+ refused: a pipeline graph may only connect to the socket sources it declares \(localhost:\d+\)$/m);
    expect(out).toMatch(/^fetch: fetch failed$/m);
    expect(listener.connections).toBe(1);
  }, 40_000);

  it('nodeCodeCompiler hides the host names; with code generation disallowed, Function and eval throw', async () => {
    const out = await inChild(`setCodeCompiler(nodeCodeCompiler());
const f = compileCode([], '"use strict"; return [typeof process, typeof require, typeof Buffer, typeof globalThis, typeof Math];');
await attempt('names', () => f().join(','));
await attempt('Function', () => compileCode([], 'return (() => {}).constructor("return this")()')());
await attempt('import()', () => compileCode([], 'return import("node:fs")')());`, ['--disallow-code-generation-from-strings']);
    expect(out).toMatch(/^names: undefined,undefined,undefined,undefined,object$/m);
    expect(out).toMatch(/^Function: Code generation from strings disallowed for this context$/m);
    expect(out).toMatch(/^import\(\): .*dynamic import callback was not specified/mi);
  }, 40_000);

  it('guardThenables: assigning Object.prototype.then throws and objects stay non-thenable', async () => {
    const out = await inChild(`await attempt('guarded before', () => thenablesGuarded());
guardThenables();
await attempt('guarded after', () => thenablesGuarded());
await attempt('assign', () => { 'use strict'; Object.prototype.then = () => {}; return 'assigned'; });
await attempt('array', () => { Object.defineProperty(Array.prototype, 'then', { value: () => {} }); return 'defined'; });
await attempt('resolve', async () => JSON.stringify(await Promise.resolve({ a: 1 })));`);
    expect(out).toMatch(/^assign: Cannot assign to read only property 'then' of object '#<Object>'$/m);
    expect(out).toMatch(/^array: Cannot redefine property: then$/m);
    expect(out).toMatch(/^resolve: \{"a":1\}$/m);
    expect(out).toMatch(/^guarded before: false$/m);
    expect(out).toMatch(/^guarded after: true$/m);
  }, 40_000);
});
