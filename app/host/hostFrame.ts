/**
 * One sandboxed engine-host iframe (allow-scripts only: an opaque origin) and the MessagePort the page talks to the
 * worker it starts on. Removing the iframe ends that worker and every worker it started.
 */
import { parseHostToPage, type WorkerName } from './hostMessages';

/** The host's URL (served with its own Content-Security-Policy: see scripts/serve.js). */
export const ENGINE_HOST_PATH = 'engine-host.html';

export interface HostFrame {
  /** The page's end of the channel to the host's worker. */
  readonly port: MessagePort;
  destroy(): void;
}

export function openHostFrame(name: WorkerName, onFailure: (message: string) => void): HostFrame {
  const iframe = document.createElement('iframe');
  iframe.setAttribute('sandbox', 'allow-scripts');
  iframe.setAttribute('aria-hidden', 'true');
  iframe.tabIndex = -1;
  iframe.title = 'engine host';
  iframe.dataset.engineHost = name;
  iframe.style.cssText = 'position:absolute;width:0;height:0;border:0;visibility:hidden';
  iframe.src = `${import.meta.env.BASE_URL}${ENGINE_HOST_PATH}`;
  const channel = new MessageChannel();
  let gone = false;
  const onWindowMessage = (e: MessageEvent) => {
    if (gone || e.source !== iframe.contentWindow) return;
    const m = parseHostToPage(e.data);
    if (!m) return;
    if (m.kind === 'hostReady') iframe.contentWindow?.postMessage({ kind: 'connect', name }, '*', [channel.port2]);
    else onFailure(m.message);
  };
  window.addEventListener('message', onWindowMessage);
  document.body.appendChild(iframe);
  return {
    port: channel.port1,
    destroy() {
      if (gone) return;
      gone = true;
      window.removeEventListener('message', onWindowMessage);
      channel.port1.onmessage = null;
      channel.port1.close();
      iframe.remove();
    },
  };
}
