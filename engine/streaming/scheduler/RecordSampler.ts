import type { EngineEvent } from '../../core/events';
import type { Time } from '../../core/time';
import type { RecordSample } from '../../rdd/plan';
import type { RDD } from '../../rdd/RDD';
import type { SparkContext } from '../../rdd/SparkContext';

/** The DStream an RDD was generated for, as the sampler names it in its events. */
export interface SampledDStream { readonly id: number; readonly nodeId?: string }

/**
 * The studio's record samples (spark.studio.recordsSample, on by default): the tasks of a batch's jobs sample the
 * RDDs its DStreams generated; when the batch completes, one `recordsSample` per DStream gives its count and
 * first records, partitions in order.
 */
export class RecordSampler {
  private readonly generated = new Map<number, { dstream: SampledDStream; rdd: RDD<unknown> }[]>();
  private readonly samples = new Map<number, Map<number, RecordSample>>();

  constructor(private readonly sc: SparkContext, private readonly enabled: boolean, private readonly post: (e: EngineEvent) => void,
    private readonly now: () => number) {
    sc.sampledRdds = () => {
      const t = sc.jobContext?.batchTime;
      if (t === undefined) return undefined;
      return this.generated.get(t)?.map((g) => g.rdd.id);
    };
    sc.onRecordSample = (rddId, partition, sample) => {
      let m = this.samples.get(rddId);
      if (!m) this.samples.set(rddId, (m = new Map()));
      m.set(partition, sample);
    };
  }

  rddGenerated(dstream: SampledDStream, time: Time, rdd: RDD<unknown>): void {
    if (!this.enabled) return;
    let list = this.generated.get(time.milliseconds);
    if (!list) this.generated.set(time.milliseconds, (list = []));
    list.push({ dstream, rdd });
  }

  /** Posts one recordsSample per DStream computed in the batch: its count and first records, partitions in order. */
  emitBatchSamples(time: number): void {
    const list = this.generated.get(time) ?? [];
    this.generated.delete(time);
    for (const { dstream, rdd } of list) {
      const parts = this.samples.get(rdd.id);
      if (!parts) continue;
      this.samples.delete(rdd.id);
      let count = 0;
      const records: string[] = [];
      for (const p of [...parts.keys()].sort((a, b) => a - b)) {
        const s = parts.get(p)!;
        count += s.count;
        for (const r of s.records) if (records.length < 20) records.push(r);
      }
      this.post({ type: 'recordsSample', time: this.now(), batchTime: time, dstreamId: dstream.id, nodeId: dstream.nodeId, count, records });
    }
  }
}
