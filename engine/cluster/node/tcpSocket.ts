/** socketTextStream's Node adapter: a real TCP client reading lines (node:net is loaded lazily). */
import type { SocketConnector } from '../../streaming/input/socketConnector';

export const connectTcp: SocketConnector = async (host, port, h) => {
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const socket = net.createConnection({ host, port });
    let buffer = '';
    let connected = false;
    socket.setEncoding('utf8');
    socket.on('connect', () => { connected = true; resolve({ close: () => socket.destroy(), pause: () => socket.pause(), resume: () => socket.resume() }); });
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let i: number;
      while ((i = buffer.indexOf('\n')) >= 0) { h.onLine(buffer.slice(0, i).replace(/\r$/, '')); buffer = buffer.slice(i + 1); }
    });
    socket.on('error', (e) => { if (!connected) reject(e); else h.onError(e); });
    socket.on('close', () => { if (buffer.length) h.onLine(buffer); buffer = ''; if (connected) h.onClose(); });
  });
};

