import type { ReceiverInfo } from '../../core/events';
import type { Receiver, ReceiverHost } from './Receiver';
import { BlockGenerator, type ReceivedBlock } from './BlockGenerator';
import type { ReceiverTracker } from './ReceiverTracker';
import { codeOf, type ErrorCode } from '../../core/errors';

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
  lastErrorCode?: ErrorCode;

  constructor(private readonly tracker: ReceiverTracker, readonly receiver: Receiver<unknown>, readonly streamId: number, readonly name: string) {}

  get isRunning(): boolean { return this.running; }

  info(active = this.running): ReceiverInfo {
    return { streamId: this.streamId, name: this.name, active, location: this.tracker.hostOf(this.executorId), executorId: this.executorId,
      lastErrorMessage: this.lastError, lastError: this.lastError, ...(this.lastErrorCode ? { lastErrorCode: this.lastErrorCode } : {}), slot: this.slot };
  }

  async start(avoidExecutor?: string): Promise<void> {
    const preferred = this.receiver.preferredLocation() ?? this.tracker.scheduleReceiver(this.streamId, avoidExecutor);
    const slot = await this.tracker.reserveSlot(preferred);
    this.executorId = slot.executorId;
    this.slot = slot.slot;
    this.release = slot.release;
    const now = this.tracker.now();
    this.generator = new BlockGenerator(this.streamId, this.tracker.blockIntervalMs, now, () => this.tracker.rateLimit(this.streamId),
      (from, to) => { if (this.running) this.receiver.produce?.(from, to); },
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

  store(records: unknown[]): void {
    if (!this.running) return;
    this.generator!.addData(records);
  }

  reportError(message: string, error?: unknown): void {
    this.lastError = error instanceof Error ? `${message}: ${error.message}` : message;
    this.lastErrorCode = codeOf(error);
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
