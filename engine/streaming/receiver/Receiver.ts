import { StorageLevel } from '../../rdd/storageLevel';
import { errors } from '../../core/errors';

/** What a running receiver talks to (Spark's ReceiverSupervisor), set when it starts. */
export interface ReceiverHost {
  /** One record into the block generator; waits (resolves later) while the rate limit holds the producer back. */
  store(records: unknown[]): Promise<void>;
  /** Records as a block of their own; resolves once the block is stored (replicated, written ahead) and reported. */
  storeBlock(records: unknown[]): Promise<void>;
  reportError(message: string, error?: unknown): void;
  restart(message: string, error?: unknown, delayMs?: number): void;
  stop(message: string, error?: unknown): void;
  readonly executorId: string;
}

/**
 * Spark's Receiver API: a long-running task that pulls data from outside and `store`s it. The block
 * generator cuts stored records into a block every spark.streaming.blockInterval (200 ms).
 * A receiver occupies one task slot of the executor it is scheduled on; its blocks are stored in that executor's
 * block manager (and a second one for *_2 storage levels). Receivers the executors can build run inside their
 * worker executor; the others run in the driver's realm (see ReceiverSupervisor).
 */
export abstract class Receiver<T> {
  streamId = -1;
  private supervisor?: ReceiverHost;
  private started = false;
  private stopped = true;

  constructor(readonly storageLevel: StorageLevel = StorageLevel.MEMORY_AND_DISK_SER_2) {}

  /** Start receiving: open connections, start timers. Must not block. */
  abstract onStart(): void | Promise<void>;
  /** Stop receiving: close what onStart opened. */
  abstract onStop(): void | Promise<void>;
  /** Executor (id) this receiver prefers to run on. */
  preferredLocation(): string | undefined { return undefined; }
  /**
   * Simulated sources (twitterStream, rateStream) generate their records for each block interval here,
   * driven by the engine's clock, so that runs are deterministic.
   */
  produce?(fromMs: number, toMs: number): void;

  /**
   * Spark's store forms. `store(record)` adds one record to the block generator; the promise resolves at once, or
   * later when spark.streaming.receiver.maxRate / back-pressure holds the producer back (Spark's RateLimiter blocks
   * the receiving thread there): a receiver that awaits it never outruns the rate limit. `store(array)` and
   * `store(iterable)` store the records as one block and resolve only once that block is stored on its executor,
   * replicated for *_2 levels and written to the write-ahead log when it is on, so a reliable receiver may
   * acknowledge its source after awaiting them. The promise rejects when the block could not be stored (the
   * receiver stopped, its executor is gone and nothing else holds it); a caller that does not await it never sees
   * an unhandled rejection.
   */
  store(data: T | T[] | Iterable<T>): Promise<void> {
    if (!this.supervisor) throw errors.storeBeforeStart();
    const multi = Array.isArray(data) ? data as T[]
      : data !== null && typeof data === 'object' && Symbol.iterator in (data as object) && typeof data !== 'string' ? [...(data as Iterable<T>)] : undefined;
    const stored = multi ? this.supervisor.storeBlock(multi) : this.supervisor.store([data]);
    stored.catch(() => undefined);
    return stored;
  }
  reportError(message: string, error?: unknown): void { this.supervisor?.reportError(message, error); }
  /** Restarts the receiver after `delayMs` (spark.streaming.receiverRestartDelay, 2 s) on the engine's clock. */
  restart(message: string, error?: unknown, delayMs?: number): void { this.supervisor?.restart(message, error, delayMs); }
  stop(message: string, error?: unknown): void { this.supervisor?.stop(message, error); }
  isStarted(): boolean { return this.started; }
  isStopped(): boolean { return this.stopped; }
  get executorId(): string | undefined { return this.supervisor?.executorId; }

  /** Engine side. */
  attach(host: ReceiverHost | undefined): void {
    this.supervisor = host;
    this.started = !!host;
    this.stopped = !host;
  }
}
