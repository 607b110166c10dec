import type { ReceiverInfo } from '../../core/events';
import type { Receiver, ReceiverHost } from './Receiver';
import { BlockGenerator, STORED, type ReceivedBlock } from './BlockGenerator';
import { streamBlockId } from '../../core/blockId';
import { errors } from '../../core/errors';
import type { ReceiverTracker } from './ReceiverTracker';

/**
 * Spark's ReceiverSupervisor: runs one receiver on a task slot, turns what it stores into blocks, stores the
 * blocks (replicated for *_2 levels, written ahead when the WAL is on) and reports them to the tracker.
 */
export class ReceiverSupervisor implements ReceiverHost {
  executorId = '';
  slot = -1;
  private generator?: BlockGenerator;
  private release?: () => void;
  private running = false;
  private restarting = false;
  lastError?: string;

  constructor(private readonly tracker: ReceiverTracker, readonly receiver: Receiver<unknown>, readonly streamId: number, readonly name: string) {}

  get isRunning(): boolean { return this.running; }

  info(active = this.running): ReceiverInfo {
    return { streamId: this.streamId, name: this.name, active, location: this.tracker.hostOf(this.executorId), executorId: this.executorId,
      lastErrorMessage: this.lastError, lastError: this.lastError, slot: this.slot };
  }

  async start(avoidExecutor?: string): Promise<void> {
    const preferred = this.receiver.preferredLocation() ?? this.tracker.scheduleReceiver(this.streamId, avoidExecutor);
    const slot = await this.tracker.reserveSlot(preferred);
    this.executorId = slot.executorId;
    this.slot = slot.slot;
    this.release = slot.release;
    const now = this.tracker.now();
    this.generator = new BlockGenerator(this.streamId, this.tracker.blockIntervalMs, now, () => this.tracker.rateLimit(this.streamId),
      (from, to) => { if (this.running) this.produceInterval(from, to); },
      (block) => this.tracker.pushBlock(this, block));
    this.running = true;
    this.receiver.attach(this);
    try {
      await this.receiver.onStart();
    } catch (e) {
      this.restart(`Error starting receiver ${this.streamId}`, e);
      return;
    }
    this.tracker.post({ type: 'receiverStarted', time: now, receiverInfo: this.info() });
  }

  /** Cuts the blocks of every interval that ended by `time`. */
  cutBlocksUpTo(time: number): void { if (this.running) this.generator?.cutUpTo(time); }

  store(records: unknown[]): Promise<void> {
    if (!this.running) return STORED;   // a receiver's late callbacks after stop are dropped, as before its restart
    return this.generator!.addData(records);
  }

  /**
   * Spark's pushArrayBuffer: the records become a block of their own at once, stored (and replicated / written
   * ahead) before the promise resolves; the tracker hears of it (AddBlock) only then. A simulated source's records
   * for the interval being cut go into that interval's block instead (its `produce` stores arrays).
   */
  storeBlock(records: unknown[]): Promise<void> {
    if (!this.running) return Promise.reject(errors.blockGeneratorStopped());
    if (this.producing) return this.generator!.addData(records);
    const now = this.tracker.now();
    const uniqueId = this.nextBlockUniqueId();
    const block: ReceivedBlock = { blockId: streamBlockId(this.streamId, uniqueId), streamId: this.streamId, records, time: now, logName: `log-${now}-${uniqueId}` };
    return this.tracker.storeBlock(this, block);
  }

  private producing = false;
  private produceInterval(from: number, to: number): void {
    this.producing = true;
    try { this.receiver.produce?.(from, to); } finally { this.producing = false; }
  }

  private lastUniqueId = -1;
  /**
   * Ids of blocks stored whole: increasing, never a multiple of the block interval, so never the id of a block the
   * generator cuts (`input-<streamId>-<intervalStart>`), and deterministic on the manual clock.
   */
  private nextBlockUniqueId(): number {
    const interval = this.tracker.blockIntervalMs;
    let id = Math.max(this.lastUniqueId + 1, this.generator!.lastCutTime + 1);
    if (interval > 1 && id % interval === 0) id++;
    this.lastUniqueId = id;
    return id;
  }

  reportError(message: string, error?: unknown): void {
    this.lastError = error instanceof Error ? `${message}: ${error.message}` : message;
    this.tracker.post({ type: 'receiverError', time: this.tracker.now(), receiverInfo: this.info() });
  }

  /** Stops the receiver and starts it again after the restart delay, possibly on another executor. */
  restart(message: string, error?: unknown, delayMs = this.tracker.restartDelayMs): void {
    if (this.restarting) return;
    this.restarting = true;
    this.reportError(message, error);
    void (async () => {
      const lostExecutor = this.executorId;
      await this.halt(`Restarting receiver with delay ${delayMs} ms: ${message}`);
      await this.tracker.waitOnClock(delayMs);
      this.restarting = false;
      if (this.tracker.isActive) await this.start(this.tracker.isExecutorAlive(lostExecutor) ? undefined : lostExecutor);
    })();
  }

  stop(message: string, error?: unknown): void {
    if (error) this.reportError(message, error);
    void this.halt(message);
  }

  /** Stops receiving; blocks already cut stay where they were stored. */
  async halt(_message: string): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.generator?.release();
    try { await this.receiver.onStop(); } catch { /* a receiver that fails to stop is stopped anyway */ }
    this.receiver.attach(undefined);
    this.release?.();
    this.release = undefined;
    this.tracker.post({ type: 'receiverStopped', time: this.tracker.now(), receiverInfo: this.info(false) });
  }

  /** Records stored but not yet in a block (lost if the receiver's executor dies, as in Spark). */
  get bufferedRecords(): number { return this.generator?.pending ?? 0; }
  pushed(_b: ReceivedBlock): void {}
}
