/**
 * Module workers inside the engine host. The host runs in an opaque origin (a sandboxed iframe without
 * allow-same-origin), where `new Worker('http://…/assets/x.js')` is a cross-origin worker and refused. Measured in
 * Chromium: a *module* worker from a blob: URL made there fails to load too, while a classic one starts; so the
 * worker is a classic blob: bootstrap of the host's own origin (it inherits the host's Content-Security-Policy)
 * that imports the real module with `import()` (a CORS request from origin "null": the server answers /assets/
 * with Access-Control-Allow-Origin: *). Messages that arrive before the module has installed its handlers are held
 * and delivered after it; a module that fails to load fails the worker (its `error` event). The blob URLs are not
 * revoked: they end with the realm.
 */
export function bootstrapSource(absoluteUrl: string): string {
  return `"use strict";
const held = [];
const hold = (e) => { e.stopImmediatePropagation(); held.push(e); };
self.addEventListener('message', hold);
import(${JSON.stringify(absoluteUrl)}).then(() => {
  self.removeEventListener('message', hold);
  for (const e of held) self.dispatchEvent(new MessageEvent('message', { data: e.data, ports: [...e.ports] }));
}, (err) => { setTimeout(() => { throw new Error('The engine module ' + ${JSON.stringify(absoluteUrl)} + ' failed to load: ' + (err && err.message || err)); }); });
`;
}

/**
 * `scriptUrl` resolved against `base` (a blob: worker's own location cannot be a base: pass import.meta.url). The
 * URL's fragment names the script it imports (blob: URLs ignore fragments), so devtools and the browser tests still
 * tell the driver from an executor by the worker's URL.
 */
export function moduleBootstrapUrl(scriptUrl: string, base: string): string {
  const absolute = new URL(scriptUrl, base);
  const blob = URL.createObjectURL(new Blob([bootstrapSource(absolute.href)], { type: 'text/javascript' }));
  return `${blob}#${absolute.pathname.split('/').pop() ?? ''}`;
}

export function moduleWorker(scriptUrl: string, base: string, name: string): Worker {
  return new Worker(moduleBootstrapUrl(scriptUrl, base), { name });
}
