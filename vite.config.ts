// @ts-expect-error scripts/serve.js is plain JavaScript without type declarations
import { CONTENT_SECURITY_POLICY } from './scripts/serve.js';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

/**
 * DStream Studio build.
 *
 * Headers: SharedArrayBuffer (used between the driver and executor workers) needs a
 * cross-origin-isolated page, so the dev server, `vite preview` and scripts/serve.js all send
 * COOP/COEP/CORP. The Content-Security-Policy is sent only for the built app (scripts/serve.js
 * and `vite preview`), never in dev: the dev server injects inline scripts (React Fast Refresh
 * preamble, HMR client) that a strict policy would block. It is a response header, not a
 * <meta> tag, so dev HMR is never affected. The policy itself is defined once, in scripts/serve.js
 * (what each directive allows and why is documented there).
 */
export const CROSS_ORIGIN_ISOLATION_HEADERS: Record<string, string> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

// One policy for the dev/preview servers and scripts/serve.js (the policy is defined there).
export { CONTENT_SECURITY_POLICY };

const root = fileURLToPath(new URL('.', import.meta.url));

/** d3 modules that @xyflow/react needs for pan/zoom/drag; they stay with the canvas, not in the lazy chart chunk. */
const D3_INTERACTION = /node_modules[\\/]d3-(zoom|drag|selection|transition|interpolate|color|dispatch|ease|timer)[\\/]/;

export default defineConfig({
  root,
  publicDir: 'public',
  plugins: [react()],
  server: {
    headers: CROSS_ORIGIN_ISOLATION_HEADERS,
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
