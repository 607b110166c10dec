/**
 * directKafkaStream: a simulated partitioned log read the "direct" way (Spark's DirectKafkaInputDStream): no
 * receiver; each batch's RDD has one partition per topic-partition covering an offset range [from, until).
 * Messages are a pure function of (seed, topic, partition, offset), so a re-read after a driver restart gives
 * the same records — which is what makes exactly-once output possible.
 */
import type { EngineEvent } from '../../core/events';
import { Rng } from '../../core/rng';
import type { Time } from '../../core/time';
import { RDD } from '../../rdd/RDD';
import type { CheckpointableInput } from '../checkpoint';
import { PIDRateEstimator } from '../receiver/PIDRateEstimator';
import type { DStreamContext } from '../dstream/DStreamContext';
import { InputDStream } from './InputDStream';
import { errors } from '../../core/errors';

export interface OffsetRange { topic: string; partition: number; fromOffset: number; untilOffset: number }
export interface ConsumerRecord { topic: string; partition: number; offset: number; key: string | null; value: string; timestamp: number }

export interface DirectKafkaOptions {
  partitionsPerTopic?: number;
  /** Messages produced per second into each partition of the simulated log. */
  messagesPerSecond?: number;
  /** spark.streaming.kafka.maxRatePerPartition: messages per second per partition read at most per batch. */
  maxRatePerPartition?: number;
  seed?: number;
  /** Where to start: 'earliest' (offset 0) or explicit offsets per "topic-partition". */
  startingOffsets?: 'earliest' | 'latest' | Record<string, number>;
}

const WORDS = ['order', 'click', 'view', 'cart', 'pay', 'refund', 'login', 'logout', 'search', 'share'];

/** The simulated log: the latest offset of each partition is a function of the clock. */
export class SimulatedLog {
  constructor(readonly seed: number, readonly messagesPerSecond: number) {}
  latestOffset(timeMs: number): number { return Math.floor((timeMs * this.messagesPerSecond) / 1000); }
  message(topic: string, partition: number, offset: number): ConsumerRecord {
    const rng = new Rng(this.seed).fork(`${topic}-${partition}-${offset}`);
    const user = `user${rng.nextInt(20)}`;
    return { topic, partition, offset, key: user, value: `${user} ${rng.pick(WORDS)} ${1 + rng.nextInt(100)}`,
      timestamp: Math.floor((offset * 1000) / Math.max(1, this.messagesPerSecond)) };
  }
}

/** A KafkaRDD: records of the batch's offset ranges, with `offsetRanges` as Spark's HasOffsetRanges. */
export type KafkaRDD = RDD<ConsumerRecord> & { offsetRanges: OffsetRange[] };

/** Spark's DirectKafkaInputDStreamCheckpointData: the offset ranges of every remembered batch, and where to go on. */
export interface KafkaCheckpointData { batches: Record<string, OffsetRange[]>; currentOffsets: Record<string, number> }

export class DirectKafkaInputDStream extends InputDStream<ConsumerRecord> implements CheckpointableInput {
  readonly opName = 'directKafkaStream';
  readonly name: string;
  readonly log: SimulatedLog;
  private readonly partitions: { topic: string; partition: number }[];
  private currentOffsets = new Map<string, number>();
  private readonly maxRatePerPartition?: number;
  /** Offset ranges of each generated batch, by batch time (for the studio and for exactly-once demos). */
  readonly offsetRangesByBatch = new Map<number, OffsetRange[]>();
  private committed = new Map<string, number>();
  /** Back-pressure (Spark's DirectKafkaRateController): the PID estimate of records/s this stream may read. */
  private rateEstimator?: PIDRateEstimator;
  private latestRate = -1;
  private stopRateController?: () => void;
  private readonly restoredTimes = new Set<number>();

  constructor(ssc: DStreamContext, readonly topics: string[], private readonly options: DirectKafkaOptions = {}) {
    super(ssc);
    if (!Array.isArray(topics) || topics.length === 0 || topics.some((t) => typeof t !== 'string' || !t)) {
      throw errors.kafkaTopics();
    }
    this.name = `direct kafka stream [${this.inputStreamId}]`;
    const n = options.partitionsPerTopic ?? 2;
    if (!(Number.isInteger(n) && n > 0)) throw errors.kafkaPartitions(n);
    this.partitions = topics.flatMap((topic) => Array.from({ length: n }, (_, partition) => ({ topic, partition })));
    this.log = new SimulatedLog(options.seed ?? 5, options.messagesPerSecond ?? 20);
    const conf = ssc.conf.getOption('spark.streaming.kafka.maxRatePerPartition');
    this.maxRatePerPartition = options.maxRatePerPartition ?? (conf ? Number(conf) : undefined);
  }

  override start(): void {
    if (this.ssc.conf.getBoolean('spark.streaming.backpressure.enabled', false)) this.startRateController();
    const now = this.ssc.clock.getTimeMillis();
    for (const tp of this.partitions) {
      const key = `${tp.topic}-${tp.partition}`;
      const s = this.options.startingOffsets;
      const offset = typeof s === 'object' ? s[key] ?? 0 : s === 'latest' ? this.log.latestOffset(now) : 0;
      if (!this.currentOffsets.has(key)) this.currentOffsets.set(key, offset);
    }
  }

  override stop(): void { this.stopRateController?.(); this.stopRateController = undefined; }

  /** Spark's RateController: a streaming listener feeding each completed batch of this stream to the PID estimator. */
  private startRateController(): void {
    if (this.stopRateController) return;
    const est = (this.rateEstimator = PIDRateEstimator.fromConf(this.ssc.conf, this.ssc.graph.batchDuration.milliseconds));
    this.stopRateController = this.ssc.addStreamingListener((e: EngineEvent) => {
      if (e.type !== 'batchCompleted') return;
      const info = e.batchInfo;
      const elements = info.streamIdToInputInfo[this.inputStreamId]?.numRecords;
      if (info.processingEndTime === undefined || info.processingDelay === undefined || info.schedulingDelay === undefined || elements === undefined) return;
      const rate = est.compute(info.processingEndTime, elements, info.processingDelay, info.schedulingDelay);
      if (rate === undefined) return;
      this.latestRate = rate;
      this.ssc.post({ type: 'rateUpdated', time: this.ssc.clock.getTimeMillis(), streamId: this.inputStreamId, rate });
    });
  }

  /** The back-pressure rate now in force (records/s for the whole stream), or undefined. */
  get currentRate(): number | undefined { return this.latestRate > 0 ? this.latestRate : undefined; }

  /**
   * Spark's DirectKafkaInputDStream.maxMessagesPerPartition: the estimated rate split over partitions by their lag,
   * capped by maxRatePerPartition, times the batch length; at least 1 message (minRatePerPartition). Undefined: no limit.
   */
  maxMessagesPerPartition(latest: Record<string, number>): Record<string, number> | undefined {
    const initial = this.ssc.conf.getDouble('spark.streaming.backpressure.initialRate', 0);
    const estimated = this.rateEstimator ? (this.latestRate > 0 ? this.latestRate : initial) : 0;
    const maxPer = this.maxRatePerPartition ?? 0;
    const limits: Record<string, number> = {};
    if (estimated > 0) {
      const lag = Object.fromEntries(Object.entries(latest).map(([k, o]) => [k, Math.max(o - (this.currentOffsets.get(k) ?? 0), 0)]));
      const totalLag = Object.values(lag).reduce((a, b) => a + b, 0);
      for (const [k, l] of Object.entries(lag)) {
        const bp = totalLag > 0 ? (l / totalLag) * estimated : 0;
        limits[k] = maxPer > 0 ? Math.min(bp, maxPer) : bp;
      }
    } else {
      for (const k of Object.keys(latest)) limits[k] = maxPer;
    }
    if (!(Object.values(limits).reduce((a, b) => a + b, 0) > 0)) return undefined;
    const secsPerBatch = this.ssc.graph.batchDuration.milliseconds / 1000;
    return Object.fromEntries(Object.entries(limits).map(([k, l]) => [k, Math.max(Math.floor(secsPerBatch * l), 1)]));
  }

  /** Resume from offsets (a driver restart with stored offsets). */
  setOffsets(offsets: Record<string, number>): void { for (const [k, v] of Object.entries(offsets)) this.currentOffsets.set(k, v); }
  /** Spark's CanCommitOffsets.commitAsync: remembers the consumer group's position. */
  commitAsync(ranges: OffsetRange[]): void { for (const r of ranges) this.committed.set(`${r.topic}-${r.partition}`, r.untilOffset); }
  committedOffsets(): Record<string, number> { return Object.fromEntries(this.committed); }

  compute(validTime: Time): RDD<ConsumerRecord> {
    const latestOffset = this.log.latestOffset(validTime.milliseconds);
    const latest = Object.fromEntries(this.partitions.map(({ topic, partition }) => [`${topic}-${partition}`, latestOffset]));
    const maxMessages = this.maxMessagesPerPartition(latest);
    const ranges: OffsetRange[] = this.partitions.map(({ topic, partition }) => {
      const key = `${topic}-${partition}`;
      const from = this.currentOffsets.get(key) ?? 0;
      const cap = maxMessages ? from + maxMessages[key] : Infinity;
      const until = Math.max(from, Math.min(latestOffset, cap));
      this.currentOffsets.set(key, until);
      return { topic, partition, fromOffset: from, untilOffset: until };
    });
    this.offsetRangesByBatch.set(validTime.milliseconds, ranges);
    this.reportRanges(validTime, ranges);
    return this.kafkaRDD(ranges);
  }

  protected override onRDDForgotten(time: number): void { this.offsetRangesByBatch.delete(time); this.restoredTimes.delete(time); }

  /** A batch re-run from restored offset ranges reports its input as a computed one does. */
  override prepareBatch(time: Time): void {
    if (!this.restoredTimes.delete(time.milliseconds)) return;
    const ranges = this.offsetRangesByBatch.get(time.milliseconds);
    if (ranges) this.reportRanges(time, ranges);
  }

  private reportRanges(time: Time, ranges: OffsetRange[]): void {
    const numRecords = ranges.reduce((s, r) => s + r.untilOffset - r.fromOffset, 0);
    this.ssc.jobScheduler.inputInfoTracker.reportInfo(time, { inputStreamId: this.inputStreamId, numRecords,
      metadata: { offsets: ranges.map((r) => ({ ...r })), Description: ranges.map((r) => `topic: ${r.topic}\tpartition: ${r.partition}\toffsets: ${r.fromOffset} to ${r.untilOffset}`).join('\n') } });
  }

  // ---- checkpoint (Spark's DirectKafkaInputDStreamCheckpointData) ------------------------------------------
  checkpointSnapshot(): KafkaCheckpointData {
    const batches: Record<string, OffsetRange[]> = {};
    for (const t of this.generatedRDDs.keys()) {
      const r = this.offsetRangesByBatch.get(t);
      if (r) batches[t] = r.map((x) => ({ ...x }));
    }
    return { batches, currentOffsets: Object.fromEntries(this.currentOffsets) };
  }

  /** The KafkaRDDs of the checkpointed batches are rebuilt from their offset ranges; reading resumes after them. */
  restoreCheckpoint(data: unknown): void {
    const d = data as KafkaCheckpointData;
    if (!d || typeof d !== 'object' || typeof d.batches !== 'object' || typeof d.currentOffsets !== 'object') {
      throw errors.kafkaCheckpointData(this.name);
    }
    for (const [t, ranges] of Object.entries(d.batches).sort((a, b) => Number(a[0]) - Number(b[0]))) {
      this.offsetRangesByBatch.set(Number(t), ranges);
      this.generatedRDDs.set(Number(t), this.kafkaRDD(ranges));
      this.restoredTimes.add(Number(t));
    }
    this.setOffsets(d.currentOffsets);
  }

  private kafkaRDD(ranges: OffsetRange[]): KafkaRDD {
    const log = this.log;
    const rdd = new RDD<ConsumerRecord>(this.ssc.sparkContext, {
      className: 'KafkaRDD', opName: this.opName, numPartitions: ranges.length, deps: [],
      planFor: (p) => {
        const r = ranges[p];
        const values: ConsumerRecord[] = [];
        for (let o = r.fromOffset; o < r.untilOffset; o++) values.push(log.message(r.topic, r.partition, o));
        return { k: 'data', values };
      },
    }) as KafkaRDD;
    rdd.offsetRanges = ranges;
    return rdd;
  }
}
