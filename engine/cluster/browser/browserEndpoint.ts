import type { Endpoint } from '../protocol';

interface WebPortLike {
  postMessage(message: unknown, transfer?: unknown[]): void;
  onmessage: ((ev: { data: unknown }) => void) | null;
  close?(): void;
  terminate?(): void;
  start?(): void;
}

/** A Web Worker, a worker's global scope or a MessagePort as an Endpoint. */
export function browserEndpoint(port: WebPortLike): Endpoint {
  return {
    post: (message, transfer) => port.postMessage(message, transfer ?? []),
    listen: (handler) => { port.onmessage = (ev) => handler(ev.data); port.start?.(); },
    close: () => { port.close?.(); },
  };
}
