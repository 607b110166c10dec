/**
 * The executor side of a receiver (Spark's ReceiverSupervisorImpl inside the receiver's task): the receiver's code
 * and its BlockGenerator run here, in the worker that holds the receiver's slot. The driver's block timer asks for
 * the blocks of each interval (`cutUpTo`, with the rate limit in force); the executor stores them in its own block
 * manager and replicates them, and only their ids and sizes go back to the driver.
 */
import type { Receiver, ReceiverHost } from './Receiver';
import { BlockGenerator, type ReceivedBlock } from './BlockGenerator';
import { buildShippedReceiver, shippedReceiverPosition, type ShippedReceiverSpec } from './shippedReceiver';

/** What the driver sends to start a receiver on an executor. */
export interface ExecutorReceiverStart {
  streamId: number;
  spec: ShippedReceiverSpec;
  blockIntervalMs: number;
  /** The engine clock's time at start: the first block interval starts at its block boundary. */
  startTime: number;
}

/** A block the executor stored, as the driver's ReceiverTracker hears of it (Spark's ReceivedBlockInfo). */
export interface ReceivedBlockMeta { blockId: string; numRecords: number; time: number; executorIds: string[] }

/** The executor's answer to a cut: the blocks it stored, and what the receiver still holds. */
export interface ReceiverCutReply {
  blocks: ReceivedBlockMeta[]; pending: number; productionLagMs: number;
  /** Where the receiver has got to (see shippedReceiverPosition). */
  position?: number;
}

export class ExecutorReceiver implements ReceiverHost {
  private readonly generator: BlockGenerator;
  private readonly receiver: Receiver<unknown>;
  private rate: number | undefined;
  private cut: ReceivedBlock[] = [];
  lastError?: string;

  constructor(readonly executorId: string, start: ExecutorReceiverStart) {
    this.receiver = buildShippedReceiver(start.spec);
    this.receiver.streamId = start.streamId;
    this.generator = new BlockGenerator(start.streamId, start.blockIntervalMs, start.startTime, () => this.rate,
      (from, to) => this.receiver.produce?.(from, to), (b) => this.cut.push(b));
  }

  async start(): Promise<void> {
    this.receiver.attach(this);
    await this.receiver.onStart();
  }

  async shutdown(): Promise<void> {
    this.generator.release();
    try { await this.receiver.onStop(); } finally { this.receiver.attach(undefined); }
  }

  /** The blocks of every interval that ended by `time`, under the rate limit the driver sent (undefined: none). */
  cutUpTo(time: number, rateLimit: number | undefined): ReceivedBlock[] {
    this.rate = rateLimit;
    this.generator.cutUpTo(time);
    return this.cut.splice(0);
  }

  get pending(): number { return this.generator.pending; }
  get position(): number | undefined { return shippedReceiverPosition(this.receiver); }
  get productionLagMs(): number { return this.generator.productionLagMs; }

  store(records: unknown[]): Promise<void> { return this.generator.addData(records); }
  /** The shipped receivers store whole arrays only while producing an interval: they join that interval's block. */
  storeBlock(records: unknown[]): Promise<void> { return this.generator.addData(records); }
  // The shipped (simulated) receivers never fail on their own; a message they would report stays in lastError.
  reportError(message: string): void { this.lastError = message; }
  restart(message: string): void { this.lastError = message; }
  stop(message: string): void { this.lastError = message; }
}
