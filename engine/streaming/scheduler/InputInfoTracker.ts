import type { StreamInputInfo } from '../../core/events';
import type { Time } from '../../core/time';

/**
 * Spark's InputInfoTracker: input streams report how many records each batch read (by input stream id); the
 * job generator hands the batch's infos to its BatchInfo when the batch is submitted.
 */
export class InputInfoTracker {
  private readonly infos = new Map<number, Record<number, StreamInputInfo>>();

  /** Spark's reportInfo: one info per input stream and batch (a later report for the same stream replaces it). */
  reportInfo(batchTime: Time, info: StreamInputInfo): void {
    let m = this.infos.get(batchTime.milliseconds);
    if (!m) this.infos.set(batchTime.milliseconds, (m = {}));
    m[info.inputStreamId] = info;
  }

  /** The batch's infos, handed over once: a batch generated again (recovery) starts from no infos. */
  takeInfo(batchTime: Time): Record<number, StreamInputInfo> {
    const m = this.infos.get(batchTime.milliseconds) ?? {};
    this.infos.delete(batchTime.milliseconds);
    return m;
  }
}
