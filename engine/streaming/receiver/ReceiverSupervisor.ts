import type { ReceiverInfo } from '../../core/events';
import type { Receiver, ReceiverHost } from './Receiver';
import { BlockGenerator, STORED, type ReceivedBlock } from './BlockGenerator';
import { streamBlockId } from '../../core/blockId';
import { errors } from '../../core/errors';
import type { ReceiverTracker } from './ReceiverTracker';
import { codeOf, type ErrorCode } from '../../core/errors';
import type { ExecutorHandle } from '../../cluster/backend';
import { followShippedPosition, shippedReceiverSpec } from './shippedReceiver';

/**
 * Spark's ReceiverSupervisor: runs one receiver on a task slot, turns what it stores into blocks, stores the
 * blocks (replicated for *_2 levels, written ahead when the WAL is on) and reports them to the tracker.
 *
 * Where the receiver's code runs: a receiver the executors can build (the simulated sources, see
 * shippedReceiver.ts) on a worker executor runs inside that worker (ExecutorReceiver.ts): its records are made,
 * cut and stored there and this driver-side supervisor only asks for each interval's blocks and hears their ids
 * and sizes. Other receivers (custom, socket), and every receiver of local[N] (whose one executor is in the
 * driver's realm), run here and hand their blocks to the executor's block manager. With the write-ahead log on,
 * receivers run here too (the log is written through the driver's file system).
 */
export class ReceiverSupervisor implements ReceiverHost {
  executorId = '';
  slot = -1;
  private generator?: BlockGenerator;
  private release?: () => void;
  private running = false;
  private restarting = false;
  /** The worker executor running this receiver's code, when it runs there. */
  private remote?: ExecutorHandle;
  private cutting: Promise<void> = Promise.resolve();
  private remotePending = 0;
  private remoteLagMs = 0;
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
      (from, to) => { if (this.running) this.produceInterval(from, to); },
      (block) => this.tracker.pushBlock(this, block));
    this.running = true;
    this.cutRequested = -Infinity;
    this.receiver.attach(this);
    const handle = this.tracker.executorHandle(this.executorId);
    const spec = this.tracker.shipsReceivers ? shippedReceiverSpec(this.receiver) : undefined;
    try {
      if (spec && handle?.receivers) {
        this.remote = handle;
        await handle.receivers.start({ streamId: this.streamId, spec, blockIntervalMs: this.tracker.blockIntervalMs, startTime: now });
      } else {
        this.remote = undefined;
        await this.receiver.onStart();
      }
    } catch (e) {
      this.restart(`Error starting receiver ${this.streamId}`, e);
      return;
    }
    this.tracker.post({ type: 'receiverStarted', time: now, receiverInfo: this.info() });
  }

  /** Where the receiver's code runs: 'executor' inside its worker executor, 'driver' in the driver's realm. */
  get runsOn(): 'executor' | 'driver' { return this.remote ? 'executor' : 'driver'; }

  /**
   * Cuts the blocks of every interval that ended by `time`; resolves once the tracker knows them. A receiver on a
   * worker executor cuts and stores them there: one request at a time, so blocks arrive in order, and requests
   * made while one is in flight are merged into the next (a busy executor gets one request for all the intervals
   * it owes, not one per interval).
   */
  cutBlocksUpTo(time: number): Promise<void> {
    if (!this.running) return STORED;
    if (!this.remote?.receivers) { this.generator?.cutUpTo(time); return STORED; }
    if (time <= this.cutRequested) return this.cutDone;
    this.cutRequested = time;
    if (!this.nextCut) {
      this.nextCut = this.cutting.then(() => { this.nextCut = undefined; return this.cutRemote(this.cutRequested); });
      this.cutting = this.nextCut;
    }
    this.cutDone = this.nextCut;
    return this.nextCut;
  }

  private cutRequested = -Infinity;
  private nextCut?: Promise<void>;
  private cutDone: Promise<void> = STORED;

  private async cutRemote(time: number): Promise<void> {
    const remote = this.remote;
    if (!this.running || !remote?.receivers) return;
    const level = this.receiver.storageLevel;
    const replicateTo = level.replication > 1 ? this.tracker.replicaTargets(remote.id, level.replication - 1) : [];
    try {
      const reply = await remote.receivers.cut(this.streamId, time, this.tracker.rateLimit(this.streamId), level.name, replicateTo);
      this.remotePending = reply.pending;
      this.remoteLagMs = reply.productionLagMs;
      followShippedPosition(this.receiver, reply.position);
      if (this.remote === remote) for (const b of reply.blocks) this.tracker.addBlock(this, b.blockId, b.numRecords, b.time, b.executorIds, undefined);
    } catch (e) {
      // The executor died (the tracker restarts the receiver elsewhere) or the receiver failed there.
      if (this.running && this.remote === remote && this.tracker.isExecutorAlive(remote.id)) this.restart(`Error receiving data on executor ${remote.id}`, e);
    }
  }

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
    this.generator?.release();
    const remote = this.remote;
    this.remote = undefined;
    try {
      if (remote?.receivers) await remote.receivers.stop(this.streamId);
      else await this.receiver.onStop();
    } catch { /* a receiver that fails to stop is stopped anyway */ }
    this.receiver.attach(undefined);
    this.release?.();
    this.release = undefined;
    this.tracker.post({ type: 'receiverStopped', time: this.tracker.now(), receiverInfo: this.info(false) });
  }

  /** Records stored but not yet in a block (lost if the receiver's executor dies, as in Spark). */
  get bufferedRecords(): number { return this.remote ? this.remotePending : this.generator?.pending ?? 0; }
  /** How far a simulated source's production is behind the clock because the rate limit held it back (ms). */
  get productionLagMs(): number { return this.remote ? this.remoteLagMs : this.generator?.productionLagMs ?? 0; }
  pushed(_b: ReceivedBlock): void {}
}
