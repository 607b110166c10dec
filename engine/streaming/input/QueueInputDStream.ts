import type { Time } from '../../core/time';
import type { RDD } from '../../rdd/RDD';
import type { DStreamContext } from '../dstream/DStreamContext';
import { InputDStream } from './InputDStream';
import { errors } from '../../core/errors';

/** Spark's QueueInputDStream: one RDD of the queue per batch (or all of them), else the default or an empty RDD. */
export class QueueInputDStream<T> extends InputDStream<T> {
  readonly opName = 'queueStream';
  readonly name: string;
  constructor(ssc: DStreamContext, private readonly queue: RDD<T>[], private readonly oneAtATime: boolean, private readonly defaultRDD?: RDD<T>) {
    super(ssc);
    if (!Array.isArray(queue)) throw errors.queueStreamNotArray();
    this.name = `queue stream [${this.inputStreamId}]`;
  }
  compute(_validTime: Time): RDD<T> {
    const buffer: RDD<T>[] = [];
    if (this.oneAtATime && this.queue.length > 0) buffer.push(this.queue.shift()!);
    else buffer.push(...this.queue.splice(0, this.queue.length));
    for (const r of buffer) {
      if (!r || typeof (r as { getNumPartitions?: unknown }).getNumPartitions !== 'function') {
        throw errors.queueStreamNotRDD();
      }
    }
    if (buffer.length > 0) return this.oneAtATime ? buffer[0] : this.ssc.sparkContext.union(buffer);
    return this.defaultRDD ?? this.ssc.sparkContext.emptyRDD<T>();
  }
}
