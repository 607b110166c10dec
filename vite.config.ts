// @ts-expect-error scripts/serve.js is plain JavaScript without type declarations
import { CONTENT_SECURITY_POLICY, devContentSecurityPolicy, pathHeaders } from './scripts/serve.js';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

/**
 * DStream Studio build.
 *
 * Headers: SharedArrayBuffer (used between the driver and executor workers) needs a
 * cross-origin-isolated page, so the dev server, `vite preview` and scripts/serve.js all send
 * COOP/COEP/CORP. The Content-Security-Policy is a response header, defined once in scripts/serve.js
 * (what each directive allows and why is documented there): the built app's for scripts/serve.js and
 * `vite preview`; in dev the same policy relaxed only where hot reload needs it (the inline React Fast
 * Refresh preamble, the HMR WebSocket). The engine host (engine-host.html, the sandboxed iframe the
 * engine runs in) gets its own policy in all three; its workers, of an opaque origin, import the app's
 * modules with CORS, which the dev server allows for origin "null" besides localhost.
 */
export const CROSS_ORIGIN_ISOLATION_HEADERS: Record<string, string> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

// One policy for the dev/preview servers and scripts/serve.js (the policy is defined there).
export { CONTENT_SECURITY_POLICY };

/** The engine host's policy (and CORS on built assets) in dev and preview, as scripts/serve.js sends them. */
function engineHostHeaders(): Plugin {
  const middleware = (dev: boolean) => (req: { url?: string; headers: { host?: string } }, res: { setHeader(k: string, v: string): void }, next: () => void) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    // In dev the app's policy is set here too, not in server.headers: Vite re-applies server.headers when it sends
    // an HTML page, which would replace the engine host's policy.
    if (dev) res.setHeader('Content-Security-Policy', devContentSecurityPolicy(CONTENT_SECURITY_POLICY));
    for (const [k, v] of Object.entries(pathHeaders(pathname, { dev, host: req.headers.host }) as Record<string, string>)) res.setHeader(k, v);
    next();
  };
  return {
    name: 'dstream-engine-host-headers',
    configureServer(server) { server.middlewares.use(middleware(true)); },
    configurePreviewServer(server) { server.middlewares.use(middleware(false)); },
  };
}

/** Vite's default dev CORS (localhost pages) plus the engine host's opaque origin. */
const DEV_CORS_ORIGINS = [/^https?:\/\/(?:(?:[^:]+\.)?localhost|127\.0\.0\.1|\[::1\])(?::\d+)?$/, 'null'];

const root = fileURLToPath(new URL('.', import.meta.url));

/** d3 modules that @xyflow/react needs for pan/zoom/drag; they stay with the canvas, not in the lazy chart chunk. */
const D3_INTERACTION = /node_modules[\\/]d3-(zoom|drag|selection|transition|interpolate|color|dispatch|ease|timer)[\\/]/;

export default defineConfig({
  root,
  publicDir: 'public',
  plugins: [react(), engineHostHeaders()],
  server: {
    headers: CROSS_ORIGIN_ISOLATION_HEADERS,
    cors: { origin: DEV_CORS_ORIGINS },
  },
  preview: {
    headers: { ...CROSS_ORIGIN_ISOLATION_HEADERS, 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  },
  worker: {
    format: 'es',
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: process.env.SOURCEMAP === '1',
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // The studio, and the engine host page its sandboxed iframe loads.
      input: { main: fileURLToPath(new URL('./index.html', import.meta.url)), engineHost: fileURLToPath(new URL('./engine-host.html', import.meta.url)) },
      output: {
        // Big libraries get their own chunks so that the initial JS stays small and they can be
        // loaded lazily (the editor, ELK auto-layout and the D3 panels are not needed at first paint).
        codeSplitting: {
          groups: [
            { name: 'codemirror', test: /node_modules[\\/](@codemirror|@lezer|style-mod|w3c-keyname|crelt)[\\/]/, priority: 30 },
            { name: 'elk', test: /node_modules[\\/]elkjs[\\/]/, priority: 30 },
            { name: 'd3-interaction', test: D3_INTERACTION, priority: 25 },
            { name: 'd3', test: /node_modules[\\/](d3|d3-[a-z-]+|internmap|delaunator|robust-predicates)[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
});
