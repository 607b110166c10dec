/**
 * The TypeScript import worker (one per import, in its own engine host: an opaque origin with no storage or network): records the program's pipeline-building calls with
 * engine/graph/import's recording API and replies with a RecordResult. The page terminates it after
 * IMPORT_TIMEOUT_MS (app/code/importRunner.ts), so an endless loop in a program never blocks the studio.
 *
 * The recorder already runs the program with network, storage and process access replaced by stand-ins that stop
 * the import with a message; as a second wall, this worker removes those capabilities from its own global scope
 * before any program runs, so code that reaches the real global object (e.g. through a constructor chain) finds
 * nothing to call either.
 */
import { installImportWorker } from '../../engine/graph/import/worker';

const CUT = ['fetch', 'XMLHttpRequest', 'WebSocket', 'WebSocketStream', 'EventSource', 'importScripts', 'indexedDB', 'caches', 'Worker', 'SharedWorker', 'BroadcastChannel', 'navigator', 'WebTransport', 'RTCPeerConnection'];
for (const name of CUT) {
  const blocked = () => { throw new Error(`Import stopped: the program uses ${name} while building its pipeline; network, file system and process access are not available during import.`); };
  try { Object.defineProperty(self, name, { value: blocked, configurable: false, writable: false, enumerable: false }); } catch { /* not definable: the recorder's stand-in still applies */ }
}

// In the engine host the page's MessagePort arrives first (app/host/main.ts); the import is served on it.
self.addEventListener('message', function connect(e: MessageEvent) {
  const port = e.ports[0];
  if (!port) return;
  self.removeEventListener('message', connect);
  const onPort: Parameters<typeof installImportWorker>[0] = { postMessage: (d) => port.postMessage(d), onmessage: null };
  installImportWorker(onPort);
  port.onmessage = (ev) => onPort.onmessage?.({ data: ev.data });
});
