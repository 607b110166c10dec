#!/usr/bin/env node
// Static server for the built studio (dist/). Plain Node ESM, no dependencies.
//
//   node scripts/serve.js [--port 5173] [--host HOST] [--dir dist] [--strict-port]
//   PORT=8080 npm start
//
// Every response carries the headers the studio needs:
//   - Cross-Origin-Opener-Policy / -Embedder-Policy / -Resource-Policy: the page is
//     cross-origin isolated, so SharedArrayBuffer works between the driver and executor workers;
//   - Content-Security-Policy: no remote scripts; 'unsafe-eval' because user functions are
//     compiled with `new Function` inside workers; blob: workers allowed. It is a header, not a
//     <meta> tag, so the dev server (`npm run dev`, which needs inline HMR scripts) is unaffected.
//     Keep it identical to CONTENT_SECURITY_POLICY in vite.config.ts (checked by serve.test.ts).
//   - the engine host (engine-host.html, loaded in a sandboxed iframe: an opaque origin) gets its own,
//     stricter policy: scripts only from the app's assets (and blob: bootstraps), no network at all;
//     the app's built assets answer CORS requests from that origin ("null") so its workers can import them.
// Unknown paths without a file extension fall back to index.html (single-page app); missing
// assets are a 404. Responses are gzipped when the client accepts it.

import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

/**
 * The built app's Content-Security-Policy (also used by `vite preview` through vite.config.ts):
 * - no remote scripts: only 'self' (and blob: for workers created from blobs);
 * - 'unsafe-eval': user functions are compiled with `new Function` inside the workers;
 * - 'unsafe-inline' styles: CodeMirror and React Flow inject <style> elements and style attributes;
 * - connect-src 'self': the page and its workers talk only to the origin that served them.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval' blob:",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' blob: data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The engine host's policy (engine-host.html and every worker it starts, which inherit it from their blob: URLs).
 * User code runs under it: no fetch, XHR, WebSocket, EventSource or beacon anywhere (connect-src 'none'; the
 * studio's socket sources are virtual, inside the driver), no frames, images, styles or forms; scripts only from
 * the app's built assets (`<origin>/assets/`, so `import()` or importScripts of any other URL of the server is
 * refused before a request is made), blob: for the workers' bootstraps, and 'unsafe-eval' because user functions
 * are compiled with `new Function`. `origin` comes from the request's Host header; without a usable one the policy
 * falls back to 'self' (the whole server's origin, never the opaque one).
 */
export function engineHostContentSecurityPolicy(origin) {
  const scripts = origin ? `${origin}/assets/` : "'self'";
  return [
    "default-src 'none'",
    `script-src ${scripts} 'unsafe-eval' blob:`,
    'worker-src blob:',
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
  ].join('; ');
}

/** The policy when the request names no usable host (tests, odd clients). */
export const ENGINE_HOST_CONTENT_SECURITY_POLICY = engineHostContentSecurityPolicy(undefined);

/** `http://host:port` from a Host header, or undefined when it is missing or not a plain host[:port]. */
export function originFromHost(host) {
  return typeof host === 'string' && /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host) ? `http://${host}` : undefined;
}

/** The engine host page, relative to the served root. */
export const ENGINE_HOST_PAGE = 'engine-host.html';

/**
 * The dev server's policies (`npm run dev`): the built app's, relaxed only where hot reload needs it: inline
 * scripts (the React Fast Refresh preamble) and the HMR WebSocket; the engine host also gets the HMR client's
 * socket, nothing else.
 */
export function devContentSecurityPolicy(policy) {
  return policy
    .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    .replace(/connect-src [^;]*/, (d) => `${d === "connect-src 'none'" ? 'connect-src' : d} ws://localhost:* ws://127.0.0.1:*`);
}

/**
 * Extra headers by path: the engine host's own policy, and CORS for the built assets (the host's workers run in
 * an opaque origin, so their module imports are cross-origin requests from "null"). Everything else keeps the
 * same-origin defaults of SECURITY_HEADERS.
 */
export function pathHeaders(pathname, { dev = false, host = undefined } = {}) {
  if (pathname === '/' + ENGINE_HOST_PAGE) {
    // In dev the modules come from all over the server (/app, /node_modules/.vite, /@vite): 'self'.
    const policy = engineHostContentSecurityPolicy(dev ? undefined : originFromHost(host));
    return { 'Content-Security-Policy': dev ? devContentSecurityPolicy(policy) : policy };
  }
  if (pathname.startsWith('/assets/')) return { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' };
  return {};
}

export const SECURITY_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.scala': 'text/plain; charset=utf-8',
  '.py': 'text/plain; charset=utf-8',
};

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|manifest\+json|xml|wasm)|image\/svg\+xml)/;
const MAX_PORT_ATTEMPTS = 10;

function usage() {
  return 'usage: node scripts/serve.js [--port N] [--host HOST] [--dir DIR] [--strict-port]';
}

/** Parses argv; returns options or throws an Error with a one-line message. */
export function parseServeArgs(argv, env = process.env) {
  const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const opts = { port: undefined, host: env.HOST || undefined, dir: path.join(projectRoot, 'dist'), strictPort: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value. ${usage()}`);
      return v;
    };
    switch (flag) {
      case '--port': case '-p': opts.port = value(); break;
      case '--host': opts.host = value(); break;
      case '--dir': opts.dir = path.resolve(value()); break;
      case '--strict-port': opts.strictPort = true; break;
      case '--help': case '-h': opts.help = true; break;
      default: throw new Error(`Unknown option ${arg}. ${usage()}`);
    }
  }
  const rawPort = opts.port ?? env.PORT ?? '5173';
  const port = Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port "${rawPort}": use a number from 1 to 65535. ${usage()}`);
  opts.port = port;
  return opts;
}

function isInside(root, file) {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

async function statFile(file) {
  try {
    const st = await fsp.stat(file);
    return st.isFile() ? st : undefined;
  } catch {
    return undefined;
  }
}

/** Cache of gzipped bodies keyed by path, invalidated by mtime/size. */
const gzipCache = new Map();

async function gzipped(file, st) {
  const hit = gzipCache.get(file);
  if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.body;
  const raw = await fsp.readFile(file);
  const body = zlib.gzipSync(raw, { level: 6 });
  gzipCache.set(file, { mtimeMs: st.mtimeMs, size: st.size, body });
  return body;
}

export function createHandler(root) {
  return async function handle(req, res) {
    try {
      for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Method Not Allowed\n');
        return;
      }
      let pathname;
      try {
        pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
      } catch {
        res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Bad Request\n');
        return;
      }
      if (pathname.includes('\0')) {
        res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Bad Request\n');
        return;
      }
      for (const [k, v] of Object.entries(pathHeaders(pathname, { host: req.headers.host }))) res.setHeader(k, v);
      let file = path.join(root, pathname);
      if (!isInside(root, file)) {
        res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Forbidden\n');
        return;
      }
      let st = await statFile(file);
      if (!st && (await fsp.stat(file).catch(() => undefined))?.isDirectory()) {
        file = path.join(file, 'index.html');
        st = await statFile(file);
      }
      if (!st && path.extname(pathname) === '') {
        // Single-page app fallback: client-side routes get the app shell.
        file = path.join(root, 'index.html');
        st = await statFile(file);
      }
      if (!st) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(`Not Found: ${pathname}\n`);
        return;
      }

      const ext = path.extname(file).toLowerCase();
      const type = MIME[ext] ?? 'application/octet-stream';
      const rel = path.relative(root, file).split(path.sep).join('/');
      const etag = `W/"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
      res.setHeader('Content-Type', type);
      res.setHeader('ETag', etag);
      res.setHeader('Last-Modified', st.mtime.toUTCString());
      // Vite puts content-hashed files under assets/: cache them forever; revalidate everything else.
      res.setHeader('Cache-Control', rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      res.setHeader('Vary', 'Accept-Encoding');
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304);
        res.end();
        return;
      }

      const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      if (acceptsGzip && COMPRESSIBLE.test(type) && st.size > 1024) {
        const body = await gzipped(file, st);
        res.writeHead(200, { 'Content-Encoding': 'gzip', 'Content-Length': body.length });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
      res.writeHead(200, { 'Content-Length': st.size });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      const stream = fs.createReadStream(file);
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    } catch (err) {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Internal Server Error\n');
      console.error(err);
    }
  };
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    const onError = (err) => { server.off('listening', onListening); reject(err); };
    const onListening = () => { server.off('error', onError); resolve(server.address()); };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

async function main() {
  let opts;
  try {
    opts = parseServeArgs(process.argv.slice(2));
  } catch (err) {
    console.error(err.message);
    process.exit(2);
  }
  if (opts.help) {
    console.log(usage());
    return;
  }
  const root = opts.dir;
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    console.error(`No built studio in ${path.relative(process.cwd(), root) || root}/ (index.html is missing): run npm run build first (or npm start, which builds and serves).`);
    process.exit(1);
  }

  const server = http.createServer(createHandler(root));
  server.keepAliveTimeout = 5000;

  let stopping = false;
  const shutdown = (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal} received, stopping the server.`);
    if (!server.listening) process.exit(0);
    server.close(() => process.exit(0));
    server.closeIdleConnections?.();
    // Open keep-alive or streaming connections get a moment, then are cut.
    setTimeout(() => { server.closeAllConnections?.(); process.exit(0); }, 2000).unref();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  const attempts = opts.strictPort || opts.port === 0 ? 1 : MAX_PORT_ATTEMPTS + 1;
  let address;
  for (let i = 0; i < attempts; i++) {
    const port = opts.port + i;
    try {
      address = await listen(server, port, opts.host);
      break;
    } catch (err) {
      if (err.code === 'EADDRINUSE') {
        const fix = `stop the other server on port ${port} or choose a port: PORT=8080 npm start (or node scripts/serve.js --port 8080)`;
        if (opts.strictPort) {
          console.error(`Port ${port} is already in use; --strict-port is set, so not trying another. To fix: ${fix}.`);
          process.exit(1);
        }
        if (i + 1 < attempts) {
          console.error(`Port ${port} is already in use (another DStream Studio or dev server?); trying ${port + 1}. To fix: ${fix}.`);
          continue;
        }
        console.error(`Ports ${opts.port}-${port} are all in use; giving up. To fix: ${fix}.`);
        process.exit(1);
      }
      if (err.code === 'EACCES') {
        console.error(`Not allowed to listen on port ${port} (ports below 1024 need root). Choose another: PORT=8080 npm start`);
        process.exit(1);
      }
      console.error(`Cannot listen on port ${port}: ${err.message}`);
      process.exit(1);
    }
  }

  const shownHost = !opts.host || opts.host === '0.0.0.0' || opts.host === '::' ? 'localhost' : opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  console.log(`DStream Studio running at http://${shownHost}:${address.port}/`);
  console.log('Press Ctrl+C to stop.');
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) await main();
