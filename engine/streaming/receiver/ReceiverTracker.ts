import type { EngineEvent, StreamInputInfo } from '../../core/events';
import { formatRecord } from '../../core/format';
import { joinPath } from '../../core/fileSystem';
import type { Time } from '../../core/time';
import type { StreamingContext } from '../StreamingContext';
import type { ReceivedBlock } from './BlockGenerator';
import { PIDRateEstimator } from './PIDRateEstimator';
import { ReceiverSupervisor } from './ReceiverSupervisor';
import type { Receiver } from './Receiver';

/** Spark's ReceivedBlockInfo. */
export interface ReceivedBlockInfo { streamId: number; blockId: string; numRecords: number; executorIds: string[]; walPath?: string; time: number }

/**
 * Spark's ReceiverTracker: launches receivers on executor slots, collects the blocks they report, allocates
 * all unallocated blocks to a batch when its jobs are generated, restarts receivers whose executor died, and
 * keeps write-ahead-logged block data so lost blocks can be recovered.
 */
export class ReceiverTracker {
  readonly supervisors = new Map<number, ReceiverSupervisor>();
  private unallocated = new Map<number, ReceivedBlockInfo[]>();
  private allocated = new Map<number, Map<number, ReceivedBlockInfo[]>>();
  private walData = new Map<string, unknown[]>();
  private rates = new Map<number, number>();
  private estimators = new Map<number, PIDRateEstimator>();
  private active = false;
  readonly blockIntervalMs: number;
  readonly restartDelayMs: number;
  private readonly maxRate: number;
  private readonly walEnabled: boolean;
  private readonly backpressure: boolean;

  constructor(private readonly ssc: StreamingContext) {
    const conf = ssc.conf;
    this.blockIntervalMs = conf.getTimeAsMs('spark.streaming.blockInterval', '200ms');
    if (!(this.blockIntervalMs > 0)) throw new Error('IllegalArgumentException: requirement failed: \'spark.streaming.blockInterval\' should be a positive value');
    this.restartDelayMs = conf.getInt('spark.streaming.receiverRestartDelay', 2000);
    this.maxRate = conf.getDouble('spark.streaming.receiver.maxRate', Number.POSITIVE_INFINITY);
    this.walEnabled = conf.getBoolean('spark.streaming.receiver.writeAheadLog.enable', false);
    this.backpressure = conf.getBoolean('spark.streaming.backpressure.enabled', false);
  }

  get isActive(): boolean { return this.active; }
  now(): number { return this.ssc.clock.getTimeMillis(); }
  post(e: EngineEvent): void { this.ssc.post(e); }
  hostOf(executorId: string): string { return this.ssc.sparkContext.taskScheduler.liveExecutors().find((e) => e.id === executorId)?.host ?? 'localhost'; }
  isExecutorAlive(id: string): boolean { return this.ssc.sparkContext.taskScheduler.liveExecutors().some((e) => e.id === id); }
  reserveSlot(preferred?: string) { return this.ssc.sparkContext.taskScheduler.reserveSlot(preferred); }
  waitOnClock(ms: number): Promise<unknown> { return this.ssc.clock.waitTillTime(this.now() + ms); }

  /** Spreads receivers over executors round-robin (Spark's ReceiverSchedulingPolicy, simplified), avoiding a lost one. */
  scheduleReceiver(streamId: number, avoid?: string): string | undefined {
    const ids = this.ssc.sparkContext.taskScheduler.liveExecutors().map((e) => e.id).filter((id) => id !== avoid);
    return ids.length ? ids[streamId % ids.length] : undefined;
  }

  async start(receivers: { streamId: number; name: string; receiver: Receiver<unknown> }[]): Promise<void> {
    this.active = true;
    if (this.walEnabled && !this.ssc.checkpointDir) {
      throw new Error('SparkException: Cannot enable receiver write-ahead log without checkpoint directory set. Please use streamingContext.checkpoint() to set the checkpoint directory. See documentation for more details.');
    }
    for (const r of receivers) {
      r.receiver.streamId = r.streamId;
      const sup = new ReceiverSupervisor(this, r.receiver, r.streamId, r.name);
      this.supervisors.set(r.streamId, sup);
      this.unallocated.set(r.streamId, []);
      if (this.backpressure) this.estimators.set(r.streamId, this.newEstimator());
    }
    await Promise.all([...this.supervisors.values()].map((s) => s.start()));
  }

  private newEstimator(): PIDRateEstimator {
    const c = this.ssc.conf;
    return new PIDRateEstimator(this.ssc.graph.batchDuration.milliseconds,
      c.getDouble('spark.streaming.backpressure.pid.proportional', 1.0), c.getDouble('spark.streaming.backpressure.pid.integral', 0.2),
      c.getDouble('spark.streaming.backpressure.pid.derived', 0.0), c.getDouble('spark.streaming.backpressure.pid.minRate', 100));
  }

  private blockTimerStopped = true;
  /** Cuts blocks every block interval on the context's clock (real or manual). */
  startBlockTimer(): void {
    if (this.supervisors.size === 0) return;
    this.blockTimerStopped = false;
    void (async () => {
      let next = (Math.floor(this.now() / this.blockIntervalMs) + 1) * this.blockIntervalMs;
      while (!this.blockTimerStopped) {
        await this.ssc.clock.waitTillTime(next);
        if (this.blockTimerStopped) break;
        this.cutBlocksUpTo(next);
        next += this.blockIntervalMs;
      }
    })();
  }
  stopBlockTimer(): void { this.blockTimerStopped = true; }

  async stop(): Promise<void> {
    this.active = false;
    await Promise.all([...this.supervisors.values()].map((s) => s.halt('Stopped by driver')));
  }

  /** The records/s a receiver may store now: spark.streaming.receiver.maxRate, lowered by back-pressure. */
  rateLimit(streamId: number): number | undefined {
    const r = Math.min(this.maxRate, this.rates.get(streamId) ?? Number.POSITIVE_INFINITY);
    return Number.isFinite(r) ? r : undefined;
  }

  /** Back-pressure: feeds a completed batch to each stream's PID estimator (Spark's RateController). */
  onBatchCompleted(info: { processingEndTime?: number; processingDelay?: number; schedulingDelay?: number; streamIdToInputInfo: Record<number, StreamInputInfo> }): void {
    for (const [streamId, est] of this.estimators) {
      const elements = info.streamIdToInputInfo[streamId]?.numRecords;
      if (info.processingEndTime === undefined || info.processingDelay === undefined || info.schedulingDelay === undefined || elements === undefined) continue;
      const rate = est.compute(info.processingEndTime, elements, info.processingDelay, info.schedulingDelay);
      if (rate !== undefined) {
        this.rates.set(streamId, rate);
        this.post({ type: 'rateUpdated', time: this.now(), streamId, rate });
      }
    }
  }

  /** Cuts every receiver's blocks up to `time`, so a batch holds exactly the data received before it. */
  cutBlocksUpTo(time: number): void { for (const s of this.supervisors.values()) s.cutBlocksUpTo(time); }

  /** Stores a block on the receiver's executor (and a replica for *_2 levels), writes it ahead if the WAL is on. */
  pushBlock(sup: ReceiverSupervisor, block: ReceivedBlock): void {
    const level = sup.receiver.storageLevel;
    const sc = this.ssc.sparkContext;
    const executors = sc.taskScheduler.liveExecutors();
    const targets = [sup.executorId];
    if (level.replication > 1) {
      const others = executors.map((e) => e.id).filter((id) => id !== sup.executorId);
      targets.push(...others.slice(0, level.replication - 1));
    }
    for (const id of targets) {
      const handle = executors.find((e) => e.id === id);
      if (!handle) continue;
      void handle.putBlock(block.blockId, block.records, level.name);
      sc.dagScheduler.addBlockLocation(block.blockId, id);
    }
    let walPath: string | undefined;
    if (this.walEnabled && this.ssc.checkpointDir) {
      walPath = joinPath(this.ssc.checkpointDir, 'receivedData', String(block.streamId), `log-${block.time}`);
      this.walData.set(block.blockId, block.records);
      void this.ssc.sparkContext.fs.writeFile(walPath, JSON.stringify({ blockId: block.blockId, records: block.records }))
        .catch((e) => this.ssc.printErr(`WARN ReceivedBlockHandler: could not write block ${block.blockId} to the write-ahead log: ${e instanceof Error ? e.message : e}\n`));
      this.post({ type: 'walWritten', time: this.now(), streamId: block.streamId, blockId: block.blockId, records: block.records.length });
    }
    const info: ReceivedBlockInfo = { streamId: block.streamId, blockId: block.blockId, numRecords: block.records.length, executorIds: targets, walPath, time: block.time };
    this.unallocated.get(block.streamId)?.push(info);
    this.post({ type: 'blockReceived', time: this.now(), streamId: block.streamId, blockId: block.blockId, records: block.records.length,
      executorId: sup.executorId, replicatedTo: targets[1], wal: !!walPath });
    this.post({ type: 'blockUpdated', time: this.now(), executorId: sup.executorId, blockId: block.blockId, storageLevel: level.name,
      memSize: 0, diskSize: 0, records: block.records.length });
  }

  /** Spark's allocateBlocksToBatch: every block received so far belongs to this batch. */
  allocateBlocksToBatch(time: Time): void {
    const t = time.milliseconds;
    if (this.allocated.has(t)) return;
    const byStream = new Map<number, ReceivedBlockInfo[]>();
    for (const [streamId, infos] of this.unallocated) { byStream.set(streamId, infos); this.unallocated.set(streamId, []); }
    this.allocated.set(t, byStream);
  }
  getBlocksOfBatch(time: Time, streamId: number): ReceivedBlockInfo[] { return this.allocated.get(time.milliseconds)?.get(streamId) ?? []; }
  /** Data of a write-ahead-logged block, for recomputing a partition whose block is gone. */
  walRecords(blockId: string): unknown[] | undefined { return this.walData.get(blockId); }

  /** Forgets blocks of batches older than `time` (Spark's cleanupOldBlocksAndBatches). */
  cleanupOldBatches(time: number): void {
    for (const [t, byStream] of this.allocated) {
      if (t >= time) continue;
      this.allocated.delete(t);
      for (const infos of byStream.values()) for (const b of infos) {
        this.walData.delete(b.blockId);
        for (const e of this.ssc.sparkContext.taskScheduler.liveExecutors()) void e.removeBlocks(b.blockId);
        this.ssc.sparkContext.dagScheduler.removeBlockLocations((id) => id === b.blockId);
      }
    }
  }

  /** An executor died: restart its receivers elsewhere and report blocks that existed only there. */
  onExecutorLost(executorId: string): void {
    const lost: { blockId: string; streamId: number; records: number; sample: string[] }[] = [];
    const check = (b: ReceivedBlockInfo) => {
      if (b.executorIds.includes(executorId) && b.executorIds.every((id) => id === executorId || !this.isExecutorAlive(id)) && !this.walData.has(b.blockId)) {
        lost.push({ blockId: b.blockId, streamId: b.streamId, records: b.numRecords, sample: [] });
      }
    };
    for (const infos of this.unallocated.values()) infos.forEach(check);
    for (const byStream of this.allocated.values()) for (const infos of byStream.values()) infos.forEach(check);
    if (lost.length) this.post({ type: 'blocksLost', time: this.now(), executorId, blocks: lost });
    for (const sup of this.supervisors.values()) {
      if (sup.executorId === executorId && sup.isRunning) sup.restart(`Executor ${executorId} running receiver ${sup.streamId} was lost`, undefined, 0);
    }
  }

  /** Studio: formatted first records of a block, for showing what was lost. */
  static sample(records: unknown[], n = 5): string[] { return records.slice(0, n).map(formatRecord); }
}
