import type { Time } from '../../core/time';
import { RDD } from '../../rdd/RDD';
import type { Receiver } from '../receiver/Receiver';
import type { DStreamContext } from '../dstream/DStreamContext';
import { InputDStream } from './InputDStream';

/**
 * Spark's ReceiverInputDStream: each batch's RDD is a BlockRDD over the blocks its receiver stored before the
 * batch time, one partition per block. A block whose executors are gone is read back from the write-ahead log
 * when the WAL is on (Spark's WriteAheadLogBackedBlockRDD); otherwise computing it fails with Spark's error.
 */
export abstract class ReceiverInputDStream<T> extends InputDStream<T> {
  override readonly isReceiverBased = true;
  abstract getReceiver(): Receiver<T>;

  compute(validTime: Time): RDD<T> {
    const ssc = this.ssc, sc = ssc.sparkContext;
    if (ssc.graph.startTime && validTime.less(ssc.graph.startTime)) return sc.blockRDD<T>([]);
    const tracker = ssc.receiverTracker;
    const infos = tracker.getBlocksOfBatch(validTime, this.inputStreamId);
    ssc.jobScheduler.inputInfoTracker.reportInfo(validTime, { inputStreamId: this.inputStreamId, numRecords: infos.reduce((s, b) => s + b.numRecords, 0) });
    const wal = infos.some((b) => b.walPath);
    const rdd: RDD<T> = new RDD<T>(sc, {
      className: wal ? 'WriteAheadLogBackedBlockRDD' : 'BlockRDD', opName: this.opName, numPartitions: infos.length, deps: [],
      planFor: (p) => {
        const info = infos[p];
        const locations = [...(sc.dagScheduler.blockLocations.get(info.blockId) ?? [])];
        const logged = locations.length === 0 ? tracker.walRecords(info.blockId) : undefined;
        if (logged) return { k: 'data', values: logged };
        return { k: 'blocks', rddId: rdd.id, blockIds: [info.blockId], locations: [locations] };
      },
    });
    return rdd;
  }
}
