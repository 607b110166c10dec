/** socketTextStream's receiver; where it connects is the host's (its runtime's connectSocket, socketConnector.ts). */
import type { StorageLevel } from '../../rdd/storageLevel';
import { Receiver } from '../receiver/Receiver';
import type { SocketConnection, SocketConnector } from './socketConnector';

export { virtualNetcat, type SocketConnection, type SocketConnector, type SocketHandlers } from './socketConnector';

/** Spark's SocketReceiver: reads lines, restarts on errors and when the server closes the connection. */
export class SocketReceiver extends Receiver<string> {
  private connection?: SocketConnection;
  constructor(readonly host: string, readonly port: number, storageLevel: StorageLevel, private readonly connect: SocketConnector) { super(storageLevel); }
  async onStart(): Promise<void> {
    try {
      this.connection = await this.connect(this.host, this.port, {
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
