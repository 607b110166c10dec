/**
 * Where socketTextStream connects: a platform adapter. In Node, a real TCP client; in the browser, a WebSocket
 * for ws:// hosts or the studio's in-page "netcat" box (a virtual socket registered under host:port).
 */
import { StorageLevel } from '../../rdd/storageLevel';
import { Receiver } from '../receiver/Receiver';
import { connectTcp } from '../../cluster/node/tcpSocket';
import { errors } from '../../core/errors';

export interface SocketConnection { close(): void }
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

const connectVirtual: SocketConnector = async (host, port, h) => {
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

const isNode = typeof process !== 'undefined' && !!process.versions?.node;

export function connectSocket(host: string, port: number, h: SocketHandlers): Promise<SocketConnection> {
  if (virtualNetcat.has(host, port)) return connectVirtual(host, port, h);
  if (host.startsWith('ws://') || host.startsWith('wss://')) return connectWebSocket(host, port, h);
  if (isNode) return connectTcp(host, port, h);
  return connectVirtual(host, port, h);
}

/** Spark's SocketReceiver: reads lines, restarts on errors and when the server closes the connection. */
export class SocketReceiver extends Receiver<string> {
  private connection?: SocketConnection;
  constructor(readonly host: string, readonly port: number, storageLevel: StorageLevel = StorageLevel.MEMORY_AND_DISK_SER_2) { super(storageLevel); }
  async onStart(): Promise<void> {
    try {
      this.connection = await connectSocket(this.host, this.port, {
        onLine: (l) => { if (!this.isStopped()) this.store(l); },
        onError: (e) => this.restart(`Error receiving data`, e),
        onClose: () => { if (!this.isStopped()) this.restart('Socket data stream had no more data'); },
      });
    } catch (e) {
      this.restart(`Error connecting to ${this.host}:${this.port}`, e);
    }
  }
  onStop(): void { this.connection?.close(); this.connection = undefined; }
}
