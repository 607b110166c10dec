/**
 * The engine host page (engine-host.html), loaded by the studio in an iframe with sandbox="allow-scripts" and no
 * allow-same-origin: an opaque origin that owns no storage, no cookies, and (by its Content-Security-Policy) no
 * network. It does one thing: when the page hands it a MessagePort, it starts the driver worker (or the TypeScript
 * import worker) and passes the port on. No user code runs in this document itself; it runs in the driver's worker and the executors' workers, which
 * all end when the page removes the iframe (a realm per run).
 */
import driverWorkerUrl from '../workers/driver.worker.ts?worker&url';
import importWorkerUrl from '../workers/import.worker.ts?worker&url';
import { moduleWorker } from './moduleWorker';
import { parseHostConnect, type HostToPage } from './hostMessages';

let started = false;
const toPage = (m: HostToPage) => window.parent.postMessage(m, '*');

window.addEventListener('message', (e: MessageEvent) => {
  if (started || e.source !== window.parent) return;
  const connect = parseHostConnect(e.data);
  const port = e.ports[0];
  if (!connect || !port) return;
  started = true;
  const driver = moduleWorker(connect.name === 'import' ? importWorkerUrl : driverWorkerUrl, location.href, connect.name);
  driver.addEventListener('error', (ev) => {
    ev.preventDefault();
    toPage({ kind: 'hostError', message: ev.message || 'The driver worker failed to start in the engine host (script error)' });
  });
  driver.postMessage({ kind: 'connect' }, [port]);
});

toPage({ kind: 'hostReady' });
