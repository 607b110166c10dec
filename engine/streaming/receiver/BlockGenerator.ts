/**
 * Spark's BlockGenerator: records stored one at a time by a receiver go into a buffer; every block interval the
 * buffer becomes a block `input-<streamId>-<intervalStart>`.
 *
 * A rate limit (spark.streaming.receiver.maxRate or the back-pressure rate) blocks the producer, as Spark's
 * RateLimiter blocks the receiving thread in addData: a block takes at most `rate × blockInterval` records, a
 * receiver's `store(record)` waits while the buffer already holds a full block, and a simulated source
 * (`produce`) is asked for its next interval only while the buffer has room. Its production then falls behind the
 * clock (it resumes where it stopped), so the buffer never holds more than one block plus one interval's records,
 * whatever the offered rate.
 */
import { streamBlockId } from '../../core/blockId';

export interface ReceivedBlock {
  blockId: string; streamId: number; records: unknown[]; time: number;
  /** File name of its write-ahead-log record when not `log-<time>` (blocks stored whole share their time). */
  logName?: string;
}

/** One resolved promise for every store that did not have to wait (no allocation per record). */
export const STORED: Promise<void> = Promise.resolve();

export class BlockGenerator {
  private buffer: unknown[] = [];
  private lastCut: number;
  /** End of the last interval a simulated source produced; behind lastCut while the rate limit holds it back. */
  private producedUpTo: number;
  private waiting: { resolve: () => void }[] = [];
  private room?: Promise<void>;

  constructor(
    private readonly streamId: number,
    private readonly blockIntervalMs: number,
    startTime: number,
    private readonly rateLimit: () => number | undefined,
    private readonly produce: (fromMs: number, toMs: number) => void,
    private readonly onBlock: (block: ReceivedBlock) => void,
  ) {
    this.lastCut = Math.floor(startTime / blockIntervalMs) * blockIntervalMs;
    this.producedUpTo = this.lastCut;
  }

  /** Records one block may take under the current rate limit (Infinity without one). */
  private blockLimit(): number {
    const rate = this.rateLimit();
    return rate === undefined ? Infinity : Math.max(0, Math.floor((rate * this.blockIntervalMs) / 1000));
  }

  /** Adds records to the current block; resolves at once, or once a cut made room when the rate limit is reached. */
  addData(records: unknown[]): Promise<void> {
    for (const r of records) this.buffer.push(r);
    if (this.buffer.length < this.blockLimit()) return STORED;
    this.room ??= new Promise<void>((resolve) => this.waiting.push({ resolve }));
    return this.room;
  }
  get pending(): number { return this.buffer.length; }
  get lastCutTime(): number { return this.lastCut; }
  /** How far a simulated source's production is behind the clock (ms): time its producer spent blocked. */
  get productionLagMs(): number { return this.lastCut - this.producedUpTo; }

  /** Cuts every block interval that ended at or before `time` (idempotent per interval). */
  cutUpTo(time: number): void {
    while (this.lastCut + this.blockIntervalMs <= time) {
      const from = this.lastCut, to = from + this.blockIntervalMs;
      const limit = this.blockLimit();
      while (this.producedUpTo < to && this.buffer.length < limit) {
        this.produce(this.producedUpTo, this.producedUpTo + this.blockIntervalMs);
        this.producedUpTo += this.blockIntervalMs;
      }
      const records = this.buffer.length <= limit ? this.buffer.splice(0) : this.buffer.splice(0, limit);
      this.lastCut = to;
      if (records.length > 0) this.onBlock({ blockId: streamBlockId(this.streamId, from), streamId: this.streamId, records, time: to });
    }
    if (this.waiting.length && this.buffer.length < this.blockLimit()) this.release();
  }

  /** Wakes every blocked store (the receiver stopped: they fail or give up there). */
  release(): void {
    const w = this.waiting.splice(0);
    this.room = undefined;
    for (const x of w) x.resolve();
  }
}
