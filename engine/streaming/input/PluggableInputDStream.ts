import type { Receiver } from '../receiver/Receiver';
import type { DStreamContext } from '../dstream/DStreamContext';
import { ReceiverInputDStream } from './ReceiverInputDStream';
import { errors } from '../../core/errors';

/** Spark's PluggableInputDStream: ssc.receiverStream(customReceiver). */
export class PluggableInputDStream<T> extends ReceiverInputDStream<T> {
  readonly opName: string;
  readonly name: string;
  constructor(ssc: DStreamContext, private readonly receiver: Receiver<T>, opName = 'receiverStream', name?: string) {
    super(ssc);
    if (!receiver || typeof (receiver as Receiver<T>).onStart !== 'function' || typeof (receiver as Receiver<T>).onStop !== 'function') {
      throw errors.receiverStreamNotReceiver();
    }
    this.opName = opName;
    this.name = name ?? `${opName} [${this.inputStreamId}]`;
  }
  getReceiver(): Receiver<T> { return this.receiver; }
}
