import type { EngineEvent, StreamInputInfo } from '../../core/events';
import { formatRecord } from '../../core/format';
import { joinPath } from '../../core/fileSystem';
import type { Time } from '../../core/time';
import type { DStreamContext } from '../dstream/DStreamContext';
import { fromCheckpointJson, toCheckpointJson } from '../dataCheckpoint';
import type { ReceivedBlock } from './BlockGenerator';
import { PIDRateEstimator } from './PIDRateEstimator';
import { ReceiverSupervisor } from './ReceiverSupervisor';
import type { Receiver } from './Receiver';
import { errors } from '../../core/errors';

/** The received blocks of the remembered batches and those not yet allocated, as a metadata checkpoint keeps them. */
export interface ReceivedBlocksSnapshot { allocated: Record<string, ReceivedBlockInfo[]>; unallocated: ReceivedBlockInfo[] }

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
  /** Write-ahead-log writes not yet on disk (a checkpoint waits for them before naming their blocks). */
  private walWrites = new Set<Promise<void>>();
  private rates = new Map<number, number>();
  private estimators = new Map<number, PIDRateEstimator>();
  private active = false;
  readonly blockIntervalMs: number;
  readonly restartDelayMs: number;
  private readonly maxRate: number;
  private readonly walEnabled: boolean;
  private readonly backpressure: boolean;

  constructor(private readonly ssc: DStreamContext) {
    const conf = ssc.conf;
    this.blockIntervalMs = conf.getTimeAsMs('spark.streaming.blockInterval', '200ms');
    if (!(this.blockIntervalMs > 0)) throw errors.blockIntervalNotPositive();
    this.restartDelayMs = conf.getInt('spark.streaming.receiverRestartDelay', 2000);
    this.maxRate = conf.getDouble('spark.streaming.receiver.maxRate', Number.POSITIVE_INFINITY);
    this.walEnabled = conf.getBoolean('spark.streaming.receiver.writeAheadLog.enable', false);
    this.backpressure = conf.getBoolean('spark.streaming.backpressure.enabled', false);
    ssc.addStreamingListener((e) => { if (e.type === 'faultInjected' && e.fault === 'loseBlock') this.onBlockRemoved(e.target); });
  }

  get isActive(): boolean { return this.active; }
  now(): number { return this.ssc.clock.getTimeMillis(); }
  post(e: EngineEvent): void { this.ssc.post(e); }
  hostOf(executorId: string): string { return this.ssc.sparkContext.taskScheduler.liveExecutors().find((e) => e.id === executorId)?.host ?? 'localhost'; }
  isExecutorAlive(id: string): boolean { return this.ssc.sparkContext.taskScheduler.liveExecutors().some((e) => e.id === id); }
  executorHandle(id: string) { return this.ssc.sparkContext.taskScheduler.liveExecutors().find((e) => e.id === id); }
  /** Receivers run inside worker executors unless the write-ahead log (written through the driver) is on. */
  get shipsReceivers(): boolean { return !this.walEnabled; }
  /** Executors for the replicas of a block stored on `executorId` (the next live ones, as placeBlock picks them). */
  replicaTargets(executorId: string, count: number): string[] {
    return this.ssc.sparkContext.taskScheduler.liveExecutors().map((e) => e.id).filter((id) => id !== executorId).slice(0, count);
  }
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
      throw errors.walWithoutCheckpointDir();
    }
    for (const r of receivers) {
      r.receiver.streamId = r.streamId;
      const sup = new ReceiverSupervisor(this, r.receiver, r.streamId, r.name);
      this.supervisors.set(r.streamId, sup);
      if (!this.unallocated.has(r.streamId)) this.unallocated.set(r.streamId, []);
      if (this.backpressure) this.estimators.set(r.streamId, this.newEstimator());
    }
    await Promise.all([...this.supervisors.values()].map((s) => s.start()));
  }

  private newEstimator(): PIDRateEstimator {
    return PIDRateEstimator.fromConf(this.ssc.conf, this.ssc.graph.batchDuration.milliseconds);
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
        void this.cutBlocksUpTo(next);
        next += this.blockIntervalMs;
      }
    })();
  }
  stopBlockTimer(): void { this.blockTimerStopped = true; }

  async stop(): Promise<void> {
    this.active = false;
    await Promise.all([...this.supervisors.values()].map((s) => s.halt('Stopped by driver')));
  }

  /**
   * The records/s a receiver may store now: spark.streaming.receiver.maxRate, lowered by back-pressure; before the
   * first estimate, spark.streaming.backpressure.initialRate (Spark's initial rate for the first batch).
   */
  rateLimit(streamId: number): number | undefined {
    const initial = this.backpressure ? this.ssc.conf.getDouble('spark.streaming.backpressure.initialRate', Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY;
    const r = Math.min(this.maxRate, this.rates.get(streamId) ?? initial);
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
  async cutBlocksUpTo(time: number): Promise<void> { await Promise.all([...this.supervisors.values()].map((s) => s.cutBlocksUpTo(time))); }

  /**
   * A block the generator cut: stored on the receiver's executor (and a replica for *_2 levels), written ahead if the
   * WAL is on, and counted for the next batch at once (the executors store it in message order, before any task of
   * that batch reads it).
   */
  pushBlock(sup: ReceiverSupervisor, block: ReceivedBlock): void {
    const placed = this.placeBlock(sup, block);
    this.addBlock(sup, block.blockId, block.records.length, block.time, placed.targets, placed.walPath);
  }

  /**
   * A block a receiver stored whole (`store(array)`): resolves once every copy is stored and the write-ahead log
   * holds it, then the block is counted for the next batch (Spark's ReceivedBlockHandler.storeBlock, then AddBlock).
   * Rejects when no live executor and no log has it: the receiver must not acknowledge those records.
   */
  async storeBlock(sup: ReceiverSupervisor, block: ReceivedBlock): Promise<void> {
    const placed = this.placeBlock(sup, block);
    const [, logged] = await Promise.all([Promise.all(placed.puts), placed.walWrite ?? Promise.resolve(false)]);
    const held = placed.targets.filter((id) => this.isExecutorAlive(id));
    if (!held.length && !logged) throw errors.blockNotStored(block.blockId, sup.receiver.storageLevel.name);
    this.addBlock(sup, block.blockId, block.records.length, block.time, held, placed.walPath);
  }

  private placeBlock(sup: ReceiverSupervisor, block: ReceivedBlock): { targets: string[]; puts: Promise<void>[]; walPath?: string; walWrite?: Promise<boolean> } {
    const level = sup.receiver.storageLevel;
    const sc = this.ssc.sparkContext;
    const executors = sc.taskScheduler.liveExecutors();
    const targets = [sup.executorId];
    if (level.replication > 1) {
      const others = executors.map((e) => e.id).filter((id) => id !== sup.executorId);
      targets.push(...others.slice(0, level.replication - 1));
    }
    const puts: Promise<void>[] = [];
    for (const id of targets) {
      const handle = executors.find((e) => e.id === id);
      if (!handle) continue;
      puts.push(handle.putBlock(block.blockId, block.records, level.name));
      sc.dagScheduler.addBlockLocation(block.blockId, id);
    }
    if (!(this.walEnabled && this.ssc.checkpointDir)) return { targets, puts };
    const walPath = joinPath(this.ssc.checkpointDir, 'receivedData', String(block.streamId), block.logName ?? `log-${block.time}`);
    this.walData.set(block.blockId, block.records);
    const walWrite: Promise<boolean> = this.ssc.sparkContext.fs.writeFile(walPath, toCheckpointJson({ blockId: block.blockId, count: block.records.length, records: block.records }))
      .then(() => true, (e) => {
        this.ssc.printErr(`WARN ReceivedBlockHandler: could not write block ${block.blockId} to the write-ahead log: ${e instanceof Error ? e.message : e}\n`);
        return false;
      });
    const write = walWrite.then(() => undefined).finally(() => { this.walWrites.delete(write); });
    this.walWrites.add(write);
    this.post({ type: 'walWritten', time: this.now(), streamId: block.streamId, blockId: block.blockId, records: block.records.length });
    return { targets, puts, walPath, walWrite };
  }

  /** Spark's AddBlock: the block counts for the next batch; the events say where it is. */
  addBlock(sup: ReceiverSupervisor, blockId: string, numRecords: number, time: number, executorIds: string[], walPath: string | undefined): void {
    const streamId = sup.streamId;
    const info: ReceivedBlockInfo = { streamId, blockId, numRecords, executorIds, walPath, time };
    const dag = this.ssc.sparkContext.dagScheduler;
    for (const id of executorIds) dag.addBlockLocation(blockId, id);
    this.unallocated.get(streamId)?.push(info);
    this.post({ type: 'blockReceived', time: this.now(), streamId, blockId, records: numRecords,
      executorId: executorIds[0] ?? sup.executorId, replicatedTo: executorIds[1], wal: !!walPath });
    this.post({ type: 'blockUpdated', time: this.now(), executorId: executorIds[0] ?? sup.executorId, blockId, storageLevel: sup.receiver.storageLevel.name,
      memSize: 0, diskSize: 0, records: numRecords, streamId });
  }

  /** Spark's allocateBlocksToBatch: every block received so far (and cut by the batch time) belongs to this batch. */
  allocateBlocksToBatch(time: Time): void {
    const t = time.milliseconds;
    if (this.allocated.has(t)) return;
    const byStream = new Map<number, ReceivedBlockInfo[]>();
    // A block cut after the batch time (an executor's cut request that caught up with later intervals too) belongs to
    // the next batch: a batch holds exactly the data received before its time.
    for (const [streamId, infos] of this.unallocated) {
      byStream.set(streamId, infos.filter((b) => b.time <= t));
      this.unallocated.set(streamId, infos.filter((b) => b.time > t));
    }
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
        // Spark's WriteAheadLog.clean: logs of batches no longer remembered are deleted.
        if (b.walPath) void this.ssc.sparkContext.fs.delete(b.walPath).catch(() => undefined);
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

  // ---- write-ahead log and driver recovery ----------------------------------------------------------------
  /** Resolves when every block written ahead so far is in its log file. */
  async flushWal(): Promise<void> { while (this.walWrites.size) await Promise.all([...this.walWrites]); }

  /** The block allocations a restart needs (Spark's ReceivedBlockTracker writes them to its own log). */
  checkpointSnapshot(): ReceivedBlocksSnapshot {
    const allocated: Record<string, ReceivedBlockInfo[]> = {};
    for (const [t, byStream] of this.allocated) allocated[t] = [...byStream.values()].flat().map((b) => ({ ...b, executorIds: [...b.executorIds] }));
    const unallocated = [...this.unallocated.values()].flat().map((b) => ({ ...b, executorIds: [...b.executorIds] }));
    return { allocated, unallocated };
  }

  /**
   * Driver restart: the blocks of remembered batches come back from the write-ahead log (their executors are
   * gone with the old driver); blocks that were not written ahead are reported lost, as Spark loses them.
   * Returns the ids of the blocks that could not be recovered.
   */
  async restoreFromCheckpoint(snapshot: ReceivedBlocksSnapshot | undefined): Promise<string[]> {
    if (!snapshot) return [];
    const lost: { blockId: string; streamId: number; records: number; sample: string[] }[] = [];
    const recover = async (b: ReceivedBlockInfo): Promise<ReceivedBlockInfo | undefined> => {
      if (b.walPath) {
        try {
          const parsed = fromCheckpointJson(await this.ssc.sparkContext.fs.readFile(b.walPath)) as { blockId?: string; count?: number; records?: unknown[] };
          if (parsed.blockId !== b.blockId || !Array.isArray(parsed.records) || (parsed.count !== undefined && parsed.count !== parsed.records.length)) {
            throw errors.walBlockIncomplete(b.walPath, b.blockId);
          }
          this.walData.set(b.blockId, parsed.records);
          return { ...b, executorIds: [] };
        } catch (e) {
          this.ssc.printErr(`WARN ReceivedBlockTracker: could not read block ${b.blockId} from the write-ahead log: ${e instanceof Error ? e.message : e}\n`);
        }
      }
      lost.push({ blockId: b.blockId, streamId: b.streamId, records: b.numRecords, sample: [] });
      return undefined;
    };
    for (const [t, infos] of Object.entries(snapshot.allocated).sort((a, b) => Number(a[0]) - Number(b[0]))) {
      const byStream = new Map<number, ReceivedBlockInfo[]>();
      for (const b of infos) {
        if (!byStream.has(b.streamId)) byStream.set(b.streamId, []);
        const r = await recover(b);
        if (r) byStream.get(b.streamId)!.push(r);
      }
      this.allocated.set(Number(t), byStream);
    }
    for (const b of snapshot.unallocated) {
      const r = await recover(b);
      if (!r) continue;
      if (!this.unallocated.has(b.streamId)) this.unallocated.set(b.streamId, []);
      this.unallocated.get(b.streamId)!.push(r);
    }
    if (lost.length) this.post({ type: 'blocksLost', time: this.now(), executorId: 'driver', blocks: lost });
    return lost.map((b) => b.blockId);
  }

  /** ssc.faults.loseBlock: a received block gone from every executor is lost unless the write-ahead log has it. */
  onBlockRemoved(blockId: string): void {
    const find = (infos: Iterable<ReceivedBlockInfo[]>) => { for (const list of infos) { const b = list.find((x) => x.blockId === blockId); if (b) return b; } return undefined; };
    let info = find(this.unallocated.values());
    for (const byStream of this.allocated.values()) info ??= find(byStream.values());
    if (!info || this.walData.has(blockId)) return;
    this.post({ type: 'blocksLost', time: this.now(), executorId: info.executorIds[0] ?? 'driver', blocks: [{ blockId, streamId: info.streamId, records: info.numRecords, sample: [] }] });
  }

  /** Studio: formatted first records of a block, for showing what was lost. */
  static sample(records: unknown[], n = 5): string[] { return records.slice(0, n).map(formatRecord); }
}
