import type { Endpoint } from '../protocol';

interface NodePortLike {
  postMessage(message: unknown, transfer?: readonly unknown[]): void;
  on(event: 'message', listener: (value: unknown) => void): unknown;
  off?(event: 'message', listener: (value: unknown) => void): unknown;
  close?(): void;
  unref?(): void;
}

/** A worker_threads MessagePort, parentPort or Worker as an Endpoint. */
export function nodeEndpoint(port: NodePortLike, opts: { unref?: boolean } = {}): Endpoint {
  let current: ((value: unknown) => void) | undefined;
  return {
    post: (message, transfer) => port.postMessage(message, transfer as readonly unknown[] | undefined),
    listen: (handler) => {
      if (current) port.off?.('message', current);
      current = handler;
      port.on('message', handler);
      if (opts.unref) port.unref?.();
    },
    close: () => { port.close?.(); },
  };
}
