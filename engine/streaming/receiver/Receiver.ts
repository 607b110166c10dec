import { StorageLevel } from '../../rdd/storageLevel';
import { errors } from '../../core/errors';

/** What a running receiver talks to (Spark's ReceiverSupervisor), set when it starts. */
export interface ReceiverHost {
  store(records: unknown[]): void;
  reportError(message: string, error?: unknown): void;
  restart(message: string, error?: unknown, delayMs?: number): void;
  stop(message: string, error?: unknown): void;
  readonly executorId: string;
}

/**
 * Spark's Receiver API: a long-running task that pulls data from outside and `store`s it. The block
 * generator cuts stored records into a block every spark.streaming.blockInterval (200 ms).
 * Receivers run in the driver's process and occupy one task slot of the executor they are scheduled on;
 * their blocks are stored in that executor's block manager (and a second one for *_2 storage levels).
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

  store(data: T | T[] | Iterable<T>): void {
    if (!this.supervisor) throw errors.storeBeforeStart();
    if (Array.isArray(data)) this.supervisor.store(data);
    else if (data !== null && typeof data === 'object' && Symbol.iterator in (data as object) && typeof data !== 'string') this.supervisor.store([...(data as Iterable<T>)]);
    else this.supervisor.store([data]);
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
