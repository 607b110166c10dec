/** socketTextStream's receiver; where it connects is the host's (its runtime's connectSocket, socketConnector.ts). */
import type { StorageLevel } from '../../rdd/storageLevel';
import { Receiver } from '../receiver/Receiver';
import { STORED } from '../receiver/BlockGenerator';
import type { SocketConnection, SocketConnector } from './socketConnector';

export { virtualNetcat, type SocketConnection, type SocketConnector, type SocketHandlers } from './socketConnector';

/**
 * Spark's SocketReceiver: reads lines, restarts on errors and when the server closes the connection. While the rate
 * limit holds a store back it stops reading from the connection (Spark's receiving thread blocks in store), so the
 * sender is slowed down instead of the receiver's buffer growing.
 */
export class SocketReceiver extends Receiver<string> {
  private connection?: SocketConnection;
  private held = false;
  constructor(readonly host: string, readonly port: number, storageLevel: StorageLevel, private readonly connect: SocketConnector) { super(storageLevel); }
  async onStart(): Promise<void> {
    try {
      this.connection = await this.connect(this.host, this.port, {
        onLine: (l) => { if (!this.isStopped()) this.holdWhile(this.store(l)); },
        onError: (e) => this.restart(`Error receiving data`, e),
        onClose: () => { if (!this.isStopped()) this.restart('Socket data stream had no more data'); },
      });
    } catch (e) {
      this.restart(`Error connecting to ${this.host}:${this.port}`, e);
    }
  }
  onStop(): void { this.connection?.close(); this.connection = undefined; this.held = false; }

  private holdWhile(stored: Promise<void>): void {
    if (stored === STORED || this.held) return;
    this.held = true;
    const connection = this.connection;
    connection?.pause?.();
    void stored.then(() => {
      if (this.connection !== connection) return;
      this.held = false;
      connection?.resume?.();
    });
  }
}
