/**
 * Where socketTextStream connects: the parts every host shares. A host's runtime (engine/runtime/) builds its
 * connector with `socketConnector(fallback)`: the studio's in-page "netcat" box (a virtual socket registered under
 * host:port) first, then a WebSocket for ws:// hosts, then the host's own way (Node: a TCP client, a browser:
 * the netcat box again, which refuses an unknown host:port).
 */
import { errors } from '../../core/errors';

export interface SocketConnection {
  close(): void;
  /** Stops reading (TCP: the kernel's window fills and the sender slows down) while the receiver's rate limit holds it. */
  pause?(): void;
  resume?(): void;
}
export interface SocketHandlers { onLine(line: string): void; onError(e: Error): void; onClose(): void }
export type SocketConnector = (host: string, port: number, h: SocketHandlers) => Promise<SocketConnection>;

const virtualSockets = new Map<string, Set<SocketHandlers>>();

/** The studio's netcat box: lines typed there reach every socketTextStream connected to host:port. */
export const virtualNetcat = {
  listen(host: string, port: number): { send(text: string): void; close(): void } {
    const key = `${host}:${port}`;
    if (!virtualSockets.has(key)) virtualSockets.set(key, new Set());
    return {
      send: (text) => { for (const h of virtualSockets.get(key) ?? []) for (const l of text.split('\n')) if (l.length) h.onLine(l); },
      close: () => { const hs = virtualSockets.get(key); virtualSockets.delete(key); for (const h of hs ?? []) h.onClose(); },
    };
  },
  has(host: string, port: number): boolean { return virtualSockets.has(`${host}:${port}`); },
};

export const connectVirtual: SocketConnector = async (host, port, h) => {
  const set = virtualSockets.get(`${host}:${port}`);
  if (!set) throw errors.connectionRefused(host, port);
  set.add(h);
  return { close: () => set.delete(h) };
};

const connectWebSocket: SocketConnector = async (host, port, h) => {
  const WS = (globalThis as { WebSocket?: typeof WebSocket }).WebSocket;
  if (!WS) throw errors.noWebSocket();
  const url = host.startsWith('ws') ? host : `ws://${host}:${port}`;
  return new Promise((resolve, reject) => {
    const ws = new WS(url);
    ws.onopen = () => resolve({ close: () => ws.close() });
    ws.onmessage = (m) => { for (const l of String(m.data).split('\n')) if (l.length) h.onLine(l); };
    ws.onerror = () => reject(errors.webSocketFailed(url));
    ws.onclose = () => h.onClose();
  });
};

/** The host's connector: the netcat box, then WebSocket for ws:// and wss:// hosts, then `fallback`. */
export function socketConnector(fallback: SocketConnector): SocketConnector {
  return (host, port, h) => {
    if (virtualNetcat.has(host, port)) return connectVirtual(host, port, h);
    if (host.startsWith('ws://') || host.startsWith('wss://')) return connectWebSocket(host, port, h);
    return fallback(host, port, h);
  };
}
