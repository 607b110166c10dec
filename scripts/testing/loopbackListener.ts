import net from 'node:net';

/**
 * A TCP listener on 127.0.0.1 that counts the connections it is offered and closes each at once: the hostile
 * tests point payloads at it and expect the count to stay 0.
 */
export interface LoopbackListener { readonly port: number; readonly connections: number; close(): void }

export async function listenOnLoopback(): Promise<LoopbackListener> {
  let connections = 0;
  const server = net.createServer((s) => { connections++; s.on('error', () => undefined); s.destroy(); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  return { port, get connections() { return connections; }, close: () => { server.close(); } };
}
