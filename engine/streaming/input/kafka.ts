/**
 * directKafkaStream: a simulated partitioned log read the "direct" way (Spark's DirectKafkaInputDStream): no
 * receiver; each batch's RDD has one partition per topic-partition covering an offset range [from, until).
 * Messages are a pure function of (seed, topic, partition, offset), so a re-read after a driver restart gives
 * the same records — which is what makes exactly-once output possible.
 */
import { Rng } from '../../core/rng';
import type { Time } from '../../core/time';
import { RDD } from '../../rdd/RDD';
import type { StreamingContext } from '../StreamingContext';
import { InputDStream } from './InputDStream';

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

export class DirectKafkaInputDStream extends InputDStream<ConsumerRecord> {
  readonly opName = 'directKafkaStream';
  readonly name: string;
  readonly log: SimulatedLog;
  private readonly partitions: { topic: string; partition: number }[];
  private currentOffsets = new Map<string, number>();
  private readonly maxRatePerPartition?: number;
  /** Offset ranges of each generated batch, by batch time (for the studio and for exactly-once demos). */
  readonly offsetRangesByBatch = new Map<number, OffsetRange[]>();
  private committed = new Map<string, number>();

  constructor(ssc: StreamingContext, readonly topics: string[], private readonly options: DirectKafkaOptions = {}) {
    super(ssc);
    if (!Array.isArray(topics) || topics.length === 0 || topics.some((t) => typeof t !== 'string' || !t)) {
      throw new TypeError('directKafkaStream expects a non-empty array of topic names, e.g. ["events"]');
    }
    this.name = `direct kafka stream [${this.inputStreamId}]`;
    const n = options.partitionsPerTopic ?? 2;
    if (!(Number.isInteger(n) && n > 0)) throw new RangeError(`directKafkaStream: partitionsPerTopic must be a positive integer, got ${n}`);
    this.partitions = topics.flatMap((topic) => Array.from({ length: n }, (_, partition) => ({ topic, partition })));
    this.log = new SimulatedLog(options.seed ?? 5, options.messagesPerSecond ?? 20);
    const conf = ssc.conf.getOption('spark.streaming.kafka.maxRatePerPartition');
    this.maxRatePerPartition = options.maxRatePerPartition ?? (conf ? Number(conf) : undefined);
  }

  override start(): void {
    const now = this.ssc.clock.getTimeMillis();
    for (const tp of this.partitions) {
      const key = `${tp.topic}-${tp.partition}`;
      const s = this.options.startingOffsets;
      const offset = typeof s === 'object' ? s[key] ?? 0 : s === 'latest' ? this.log.latestOffset(now) : 0;
      if (!this.currentOffsets.has(key)) this.currentOffsets.set(key, offset);
    }
  }

  /** Resume from offsets (a driver restart with stored offsets). */
  setOffsets(offsets: Record<string, number>): void { for (const [k, v] of Object.entries(offsets)) this.currentOffsets.set(k, v); }
  /** Spark's CanCommitOffsets.commitAsync: remembers the consumer group's position. */
  commitAsync(ranges: OffsetRange[]): void { for (const r of ranges) this.committed.set(`${r.topic}-${r.partition}`, r.untilOffset); }
  committedOffsets(): Record<string, number> { return Object.fromEntries(this.committed); }

  compute(validTime: Time): RDD<ConsumerRecord> {
    const batchSec = this.ssc.graph.batchDuration.milliseconds / 1000;
    const latest = this.log.latestOffset(validTime.milliseconds);
    const ranges: OffsetRange[] = this.partitions.map(({ topic, partition }) => {
      const key = `${topic}-${partition}`;
      const from = this.currentOffsets.get(key) ?? 0;
      const cap = this.maxRatePerPartition !== undefined ? from + Math.max(1, Math.floor(this.maxRatePerPartition * batchSec)) : Infinity;
      const until = Math.max(from, Math.min(latest, cap));
      this.currentOffsets.set(key, until);
      return { topic, partition, fromOffset: from, untilOffset: until };
    });
    this.offsetRangesByBatch.set(validTime.milliseconds, ranges);
    const numRecords = ranges.reduce((s, r) => s + r.untilOffset - r.fromOffset, 0);
    this.ssc.reportInputInfo(validTime, { inputStreamId: this.inputStreamId, numRecords,
      metadata: { offsets: ranges.map((r) => ({ ...r })), Description: ranges.map((r) => `topic: ${r.topic}\tpartition: ${r.partition}\toffsets: ${r.fromOffset} to ${r.untilOffset}`).join('\n') } });
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
