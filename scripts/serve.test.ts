import { afterEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../vite.config';
// @ts-expect-error scripts/serve.js is plain JavaScript without type declarations
import { devContentSecurityPolicy, engineHostContentSecurityPolicy, originFromHost, pathHeaders } from './serve.js';

const script = fileURLToPath(new URL('./serve.js', import.meta.url));
const cleanup: (() => void)[] = [];

afterEach(() => {
  for (const f of cleanup.splice(0).reverse()) f();
});

function makeDist(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-dist-'));
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>DStream Studio</title><div id="root"></div>');
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), `console.log(${JSON.stringify('x'.repeat(4000))});\n`);
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js.map'), '{"version":3}');
  fs.writeFileSync(path.join(dir, 'assets', 'engine.wasm'), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
  fs.mkdirSync(path.join(dir, 'examples'));
  fs.writeFileSync(path.join(dir, 'examples', 'wordcount.json'), '{"version":1}');
  return dir;
}

interface Server { proc: ChildProcess; port: number; output: () => string }

/** Starts serve.js and resolves once it printed its URL. */
function start(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Server> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [script, ...args], { env: { ...process.env, PORT: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /DStream Studio running at http:\/\/localhost:(\d+)\//.exec(out);
      if (m) resolve({ proc, port: Number(m[1]), output: () => out });
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`serve.js exited with ${code}:\n${out}`)));
    cleanup.push(() => { if (proc.exitCode === null) proc.kill('SIGKILL'); });
  });
}

function get(port: number, urlPath: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: urlPath, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
  });
}

function occupy(): Promise<{ port: number; close: () => void }> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, () => {
      const port = (srv.address() as net.AddressInfo).port;
      const close = () => srv.close();
      cleanup.push(close);
      resolve({ port, close });
    });
  });
}

describe('the engine host policy', () => {
  it('allows scripts only from the built assets of the serving origin, and no network', () => {
    const p = engineHostContentSecurityPolicy('http://localhost:4911');
    expect(p).toContain("default-src 'none'");
    expect(p).toContain("script-src http://localhost:4911/assets/ 'unsafe-eval' blob:");
    expect(p).toContain("connect-src 'none'");
    expect(p).toContain('worker-src blob:');
    expect(engineHostContentSecurityPolicy(undefined)).toContain("script-src 'self' 'unsafe-eval' blob:");
  });

  it('takes the origin only from a plain Host header', () => {
    expect(originFromHost('localhost:4911')).toBe('http://localhost:4911');
    expect(originFromHost('[::1]:80')).toBe('http://[::1]:80');
    expect(originFromHost("evil.com; script-src *")).toBeUndefined();
    expect(originFromHost(undefined)).toBeUndefined();
  });

  it('sends the host policy on engine-host.html, CORS on /assets/ only', () => {
    expect(pathHeaders('/engine-host.html', { host: 'localhost:1' })['Content-Security-Policy']).toBe(engineHostContentSecurityPolicy('http://localhost:1'));
    expect(pathHeaders('/assets/main-1.js')).toEqual({ 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' });
    expect(pathHeaders('/index.html')).toEqual({});
    expect(pathHeaders('/examples/wordcount.json')).toEqual({});
  });

  it('relaxes the dev policies only for hot reload', () => {
    const dev = devContentSecurityPolicy(CONTENT_SECURITY_POLICY);
    expect(dev).toContain("script-src 'self' 'unsafe-inline' 'unsafe-eval' blob:");
    expect(dev).toContain("connect-src 'self' blob: data: ws://localhost:* ws://127.0.0.1:*");
    const host = pathHeaders('/engine-host.html', { dev: true, host: 'localhost:1' })['Content-Security-Policy'];
    expect(host).toContain("connect-src ws://localhost:* ws://127.0.0.1:*");
    expect(host).toContain("default-src 'none'");
  });
});

describe('scripts/serve.js', () => {
  it('serves dist/ with isolation and CSP headers, MIME types, gzip, SPA fallback', async () => {
    const dist = makeDist();
    const { port } = await start(['--dir', dist, '--port', '0']);

    const index = await get(port, '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(index.headers['cross-origin-embedder-policy']).toBe('require-corp');
    expect(index.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers['cache-control']).toBe('no-cache');

    const js = await get(port, '/assets/index-abc123.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['content-encoding']).toBe('gzip');
    expect(js.headers['cache-control']).toContain('immutable');
    expect(zlib.gunzipSync(js.body).toString()).toContain('console.log');
    expect(js.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);

    const plain = await get(port, '/assets/index-abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toContain('console.log');

    expect((await get(port, '/assets/engine.wasm')).headers['content-type']).toBe('application/wasm');
    expect((await get(port, '/assets/index-abc123.js.map')).headers['content-type']).toBe('application/json; charset=utf-8');
    expect((await get(port, '/examples/wordcount.json')).headers['content-type']).toBe('application/json; charset=utf-8');

    const route = await get(port, '/lessons/fault-tolerance');
    expect(route.status).toBe(200);
    expect(route.body.toString()).toContain('<div id="root">');

    expect((await get(port, '/assets/missing-123.js')).status).toBe(404);
    expect((await get(port, '/..%2f..%2f..%2fetc%2fpasswd')).status).toBe(403);

    const etag = index.headers.etag!;
    expect((await get(port, '/', { 'If-None-Match': etag })).status).toBe(304);
  });

  it('says "run npm run build first" when dist/ is missing', () => {
    const r = spawnSync(process.execPath, [script, '--dir', path.join(os.tmpdir(), 'no-such-dist-xyz')], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('run npm run build first');
  });

  it('rejects bad options with exit code 2', () => {
    const r = spawnSync(process.execPath, [script, '--port', 'abc'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Invalid port "abc"/);
    const u = spawnSync(process.execPath, [script, '--bogus'], { encoding: 'utf8' });
    expect(u.status).toBe(2);
    expect(u.stderr).toMatch(/Unknown option --bogus/);
  });

  it('moves to the next port when the port is in use, naming the port and the fix', async () => {
    const dist = makeDist();
    const busy = await occupy();
    const s = await start(['--dir', dist], { PORT: String(busy.port) });
    expect(s.port).toBeGreaterThan(busy.port);
    expect(s.output()).toContain(`Port ${busy.port} is already in use`);
    expect(s.output()).toMatch(/PORT=8080 npm start/);
  });

  it('exits non-zero with --strict-port when the port is in use', () => {
    const dist = makeDist();
    return occupy().then((busy) => {
      const r = spawnSync(process.execPath, [script, '--dir', dist, '--port', String(busy.port), '--strict-port'], { encoding: 'utf8' });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`Port ${busy.port} is already in use`);
    });
  });

  it('stops cleanly on SIGTERM', async () => {
    const dist = makeDist();
    const s = await start(['--dir', dist, '--port', '0']);
    const exited = new Promise<number | null>((resolve) => s.proc.once('exit', (code) => resolve(code)));
    s.proc.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
