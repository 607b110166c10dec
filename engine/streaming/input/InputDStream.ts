import type { Duration, Time } from '../../core/time';
import { DStream } from '../dstream/DStream';
import type { DStreamContext } from '../dstream/DStreamContext';

/** Spark's InputDStream: a source of one RDD per batch, with an input stream id (0, 1, ...). */
export abstract class InputDStream<T> extends DStream<T> {
  readonly inputStreamId: number;
  readonly isReceiverBased: boolean = false;
  private lastValidTime?: Time;
  /** Human-readable name (Spark's InputDStream.name, e.g. "socket stream [0]"). */
  abstract readonly name: string;

  constructor(ssc: DStreamContext) {
    super(ssc);
    this.inputStreamId = ssc.graph.nextInputStreamId();
    ssc.graph.addInputStream(this as InputDStream<unknown>);
  }

  get slideDuration(): Duration { return this.ssc.graph.batchDuration; }
  get dependencies(): DStream<unknown>[] { return []; }

  override isTimeValid(time: Time): boolean {
    if (!super.isTimeValid(time)) return false;
    this.lastValidTime = time;
    return true;
  }

  /** Called when the context starts and stops. */
  start(): void | Promise<void> {}
  stop(): void | Promise<void> {}
  /** Asynchronous work before the batch at `time` is generated (listing files, fetching offsets). */
  prepareBatch(_time: Time): void | Promise<void> {}
}
