/** Spark's ForEachDStream: the output operation behind print, saveAs* and foreachRDD. */
import type { Duration, Time } from '../../core/time';
import type { RDD } from '../../rdd/RDD';
import { DStream } from './DStream';

/** One output operation's work for one batch (Spark's streaming Job). */
export interface StreamingJob {
  time: Time;
  outputOpId: number;
  name: string;
  run: () => Promise<void>;
}

export class ForEachDStream<T> extends DStream<never> {
  outputOpId = -1;
  constructor(readonly parent: DStream<T>, private readonly foreachFunc: (rdd: RDD<T>, time: Time) => unknown, readonly opName: string) {
    super(parent.ssc);
  }
  get slideDuration(): Duration { return this.parent.slideDuration; }
  get dependencies(): DStream<unknown>[] { return [this.parent as DStream<unknown>]; }
  compute(): undefined { return undefined; }
  register(): void { this.outputOpId = this.ssc.graph.addOutputStream(this as ForEachDStream<unknown>); }

  generateJob(time: Time): StreamingJob | undefined {
    const rdd = this.parent.getOrCompute(time);
    if (!rdd) return undefined;
    return {
      time, outputOpId: this.outputOpId, name: `${this.opName} at ${this.creationSite ?? `stream ${this.parent.id}`}`,
      run: async () => { await this.foreachFunc(rdd, time); },
    };
  }
}

