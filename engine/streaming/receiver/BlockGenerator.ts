/**
 * Spark's BlockGenerator: records stored by a receiver go into a buffer; every block interval the buffer
 * becomes a block `input-<streamId>-<intervalStart>`. A rate limit (spark.streaming.receiver.maxRate or the
 * back-pressure rate) caps how many records one interval's block may take; the rest waits in the buffer.
 */
import { streamBlockId } from '../../core/blockId';

export interface ReceivedBlock { blockId: string; streamId: number; records: unknown[]; time: number }

export class BlockGenerator {
  private buffer: unknown[] = [];
  private lastCut: number;

  constructor(
    private readonly streamId: number,
    private readonly blockIntervalMs: number,
    startTime: number,
    private readonly rateLimit: () => number | undefined,
    private readonly produce: (fromMs: number, toMs: number) => void,
    private readonly onBlock: (block: ReceivedBlock) => void,
  ) {
    this.lastCut = Math.floor(startTime / blockIntervalMs) * blockIntervalMs;
  }

  addData(records: unknown[]): void { for (const r of records) this.buffer.push(r); }
  get pending(): number { return this.buffer.length; }
  get lastCutTime(): number { return this.lastCut; }

  /** Cuts every block interval that ended at or before `time` (idempotent per interval). */
  cutUpTo(time: number): void {
    while (this.lastCut + this.blockIntervalMs <= time) {
      const from = this.lastCut, to = from + this.blockIntervalMs;
      this.produce(from, to);
      const rate = this.rateLimit();
      const limit = rate === undefined ? Infinity : Math.max(0, Math.floor((rate * this.blockIntervalMs) / 1000));
      const records = this.buffer.length <= limit ? this.buffer.splice(0) : this.buffer.splice(0, limit);
      this.lastCut = to;
      if (records.length > 0) this.onBlock({ blockId: streamBlockId(this.streamId, from), streamId: this.streamId, records, time: to });
    }
  }
}
