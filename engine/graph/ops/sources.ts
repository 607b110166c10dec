/**
 * Input DStreams (the guide's "Input DStreams and Receivers"). `receiverStream(receiver)` is not a graph op:
 * a custom Receiver is code, so a program using it imports as an opaque `code` node.
 */
import type { EmitContext } from '../emit';
import type { ParamSpec } from '../types';
import {
  boolParam, defineOp, docs, enumParam, intOf, intParam, jsonParam, localized as L, optBoolOf, optionsOf, recordsOf, strListOf, strOf,
  stringListParam, stringParam,
} from '../opSpec';
import { batchesLiteral, comment, literal, recordLiteral } from '../emit';
import { StorageLevel } from '../../rdd/storageLevel';
import type { TwitterOptions } from '../../streaming/input/twitter';
import type { DirectKafkaOptions } from '../../streaming/input/kafka';

/** Storage levels a receiver may store its blocks with (Spark's receiver default first). */
export const RECEIVER_STORAGE_LEVELS = ['MEMORY_AND_DISK_SER_2', 'MEMORY_AND_DISK_SER', 'MEMORY_AND_DISK_2', 'MEMORY_AND_DISK',
  'MEMORY_ONLY_SER_2', 'MEMORY_ONLY_SER', 'MEMORY_ONLY_2', 'MEMORY_ONLY', 'DISK_ONLY_2', 'DISK_ONLY'];
export const DEFAULT_RECEIVER_STORAGE_LEVEL = RECEIVER_STORAGE_LEVELS[0];

const storageLevelParam = (): ParamSpec => enumParam(RECEIVER_STORAGE_LEVELS, L('Storage level', '存储级别'),
  L('Where the receiver stores the blocks it receives (Spark: storageLevel; default MEMORY_AND_DISK_SER_2, replicated to a second executor).',
    '接收器存放所接收数据块的位置（Spark 的 storageLevel；默认 MEMORY_AND_DISK_SER_2，复制到第二个执行器）。'),
  { default: DEFAULT_RECEIVER_STORAGE_LEVEL });

/** The chosen storage level when it is not the default (defaults stay out of the exported code). */
const storageLevelOf = (p: Record<string, unknown>): string | undefined =>
  (typeof p.storageLevel === 'string' && p.storageLevel !== DEFAULT_RECEIVER_STORAGE_LEVEL ? p.storageLevel : undefined);

/** The engine's StorageLevel for the param (build). */
const engineStorageLevel = (p: Record<string, unknown>): StorageLevel => StorageLevel.fromString(String(p.storageLevel ?? DEFAULT_RECEIVER_STORAGE_LEVEL));

/**
 * A storage level as code: `StorageLevel.MEMORY_ONLY` in TS and Scala; PySpark 3 has no *_SER levels (Python data
 * is always serialized), so `MEMORY_AND_DISK_SER_2` prints as `MEMORY_AND_DISK_2` there.
 */
export function storageLevelCode(level: string, lang: 'ts' | 'scala' | 'python'): string {
  // a crafted document may hold any text here: only a name-shaped level is printed as a name
  if (!/^[A-Z][A-Z0-9_]*$/.test(level)) {
    return lang === 'python' ? `getattr(StorageLevel, ${literal(level, lang)})` : `StorageLevel.fromString(${literal(level, lang)})`;
  }
  return `StorageLevel.${lang === 'python' ? level.replace('_SER', '') : level}`;
}

const levelArg = (e: EmitContext): string => {
  const l = storageLevelOf(e.p);
  return l ? `, ${storageLevelCode(l, e.lang)}` : '';
};

/** TS: options object literal with the storage level added (the engine's twitterStream/rateStream options). */
const tsOptions = (e: EmitContext, options: unknown): string | undefined => {
  const l = storageLevelOf(e.p);
  const base = options !== undefined && options !== null && typeof options === 'object' && !Array.isArray(options) ? e.lit(options) : undefined;
  if (!l) return base;
  const level = `storageLevel: ${storageLevelCode(l, 'ts')}`;
  if (!base || base === '{  }') return `{ ${level} }`;
  return `${base.slice(0, -2)}, ${level} }`;
};

const TODO_PY = (what: string) =>
  `TODO: ${what} is simulated in DStream Studio and has no PySpark DStream counterpart; replace this socket source with your real input.`;

export const socketTextStream = defineOp({
  name: 'socketTextStream', category: 'source',
  label: L('Socket text', '套接字文本流'),
  description: L('Lines of text received over a TCP socket by a receiver (like `nc -lk 9999`).',
    '由接收器（Receiver）从 TCP 套接字接收的文本行（类似 `nc -lk 9999`）。'),
  docUrl: docs.basicSources,
  inputs: [], output: 'any', declaredKind: 'nonPair',
  params: {
    host: stringParam(L('Host', '主机'), L('Host name to connect to.', '要连接的主机名。'), { default: 'localhost' }),
    port: intParam(L('Port', '端口'), L('TCP port to connect to.', '要连接的 TCP 端口。'), { default: 9999, min: 1, max: 65535 }),
    storageLevel: storageLevelParam(),
  },
  flags: { receiver: true, socket: true },
  build: (p, _in, { ssc }) => (storageLevelOf(p)
    ? ssc.socketTextStream(strOf(p.host), intOf(p.port), engineStorageLevel(p))
    : ssc.socketTextStream(strOf(p.host), intOf(p.port))),
  emit: {
    ts: (e) => e.assign(`${e.ssc}.socketTextStream(${e.lit(e.p.host)}, ${e.lit(e.p.port)}${levelArg(e)})`),
    scala: (e) => e.assign(`${e.ssc}.socketTextStream(${e.lit(e.p.host)}, ${e.lit(e.p.port)}${levelArg(e)})`),
    python: (e) => e.assign(`${e.ssc}.socketTextStream(${e.lit(e.p.host)}, ${e.lit(e.p.port)}${levelArg(e)})`),
  },
});

export const queueStream = defineOp({
  name: 'queueStream', category: 'source',
  label: L('Queue of RDDs', 'RDD 队列流'),
  description: L('Each batch takes the next RDD from a queue (for testing); here the RDDs are given as lists of records.',
    '每个批次从队列中取出下一个 RDD（用于测试）；这里的 RDD 以记录列表的形式给出。'),
  docUrl: docs.basicSources,
  inputs: [], output: 'any', declaredKind: 'unknown', kindFrom: { data: 'batches' },
  params: {
    batches: jsonParam(L('Batches', '批次数据'),
      L('A list of batches, each a list of records: [["hello world"], ["hello spark"]].',
        '批次列表，每个批次是一个记录列表：[["hello world"], ["hello spark"]]。'),
      { default: [['hello world', 'hello spark'], ['hello streaming']] }),
    oneAtATime: boolParam(L('One at a time', '每批一个'),
      L('true: one RDD per batch; false: every queued RDD in the first batch.', 'true：每个批次取一个 RDD；false：第一个批次取走全部 RDD。'),
      { default: true }),
    defaultBatch: jsonParam(L('Default batch', '默认批次'),
      L('Records of the RDD used once the queue is empty (Spark: defaultRDD). Empty: an empty RDD.',
        '队列取空后每个批次使用的 RDD 的记录（Spark 的 defaultRDD）。留空则为空 RDD。'),
      { optional: true }),
  },
  validate(p, ctx) {
    const b = p.batches;
    if (!Array.isArray(b) || !b.every((x) => Array.isArray(x))) {
      return [{ nodeId: ctx.node.id, param: 'batches', severity: 'error', message: 'queueStream batches must be a list of lists of records, e.g. [["a b"], ["c"]]' }];
    }
    if (p.defaultBatch !== undefined && !Array.isArray(p.defaultBatch)) {
      return [{ nodeId: ctx.node.id, param: 'defaultBatch', severity: 'error', message: 'queueStream defaultBatch must be a list of records' }];
    }
    return [];
  },
  build: (p, _in, { ssc }) => {
    const sc = ssc.sparkContext;
    const queue = recordsOf(p.batches).map((b) => sc.parallelize(recordsOf(b)));
    return p.defaultBatch !== undefined
      ? ssc.queueStream(queue, optBoolOf(p.oneAtATime), sc.parallelize(recordsOf(p.defaultBatch)))
      : ssc.queueStream(queue, optBoolOf(p.oneAtATime));
  },
  emit: {
    ts: (e) => e.assign(`${e.ssc}.queueStream(${e.lit(e.p.batches)}.map((b) => ${e.ssc}.sparkContext.parallelize(b)), ${e.lit(e.p.oneAtATime)}`
      + (e.has('defaultBatch') ? `, ${e.ssc}.sparkContext.parallelize(${e.lit(e.p.defaultBatch)}))` : ')')),
    scala: (e) => e.assign(`${e.ssc}.queueStream(mutable.Queue(${batchesLiteral(e.p.batches, 'scala')}.map(b => ${e.ssc}.sparkContext.parallelize(b)): _*), ${e.lit(e.p.oneAtATime)}`
      + (e.has('defaultBatch') ? `, ${e.ssc}.sparkContext.parallelize(${defaultBatch(e.p.defaultBatch, 'scala')}))` : ')')),
    python: (e) => e.assign(`${e.ssc}.queueStream([${e.ssc}.sparkContext.parallelize(b) for b in ${batchesLiteral(e.p.batches, 'python')}], oneAtATime=${e.lit(e.p.oneAtATime)}`
      + (e.has('defaultBatch') ? `, default=${e.ssc}.sparkContext.parallelize(${defaultBatch(e.p.defaultBatch, 'python')}))` : ')')),
  },
});

const defaultBatch = (b: unknown, lang: 'scala' | 'python') => (Array.isArray(b)
  ? (lang === 'scala' ? `Seq(${b.map((r) => recordLiteral(r, lang)).join(', ')})` : `[${b.map((r) => recordLiteral(r, lang)).join(', ')}]`)
  : String(b));

export const textFileStream = defineOp({
  name: 'textFileStream', category: 'source',
  label: L('Text files', '文本文件流'),
  description: L('Lines of the new files that appear in a directory (no receiver: the driver lists the directory each batch).',
    '目录中新出现的文件的文本行（不需要接收器：驱动器每个批次列出目录）。'),
  docUrl: docs.basicSources,
  inputs: [], output: 'any', declaredKind: 'nonPair',
  params: {
    directory: stringParam(L('Directory', '目录'), L('The directory to monitor for new files.', '要监视新文件的目录。'), { default: 'in/' }),
  },
  build: (p, _in, { ssc }) => ssc.textFileStream(strOf(p.directory)),
  emit: {
    ts: (e) => e.assign(`${e.ssc}.textFileStream(${e.lit(e.p.directory)})`),
    scala: (e) => e.assign(`${e.ssc}.textFileStream(${e.lit(e.p.directory)})`),
    python: (e) => e.assign(`${e.ssc}.textFileStream(${e.lit(e.p.directory)})`),
  },
});

export const rateStream = defineOp({
  name: 'rateStream', category: 'source',
  label: L('Rate source', '速率源'),
  description: L('A seeded receiver producing a fixed number of records per second (for load and back-pressure experiments).',
    '一个带随机种子的接收器，每秒产生固定数量的记录（用于负载与背压实验）。'),
  docUrl: docs.customReceivers,
  inputs: [], output: 'any', declaredKind: 'unknown',
  params: {
    rowsPerSecond: intParam(L('Rows per second', '每秒行数'), L('Records produced per second.', '每秒产生的记录数。'), { default: 100, min: 1 }),
    storageLevel: storageLevelParam(),
  },
  flags: { receiver: true },
  build: (p, _in, { ssc }) => (storageLevelOf(p)
    ? ssc.rateStream(intOf(p.rowsPerSecond), { storageLevel: engineStorageLevel(p) })
    : ssc.rateStream(intOf(p.rowsPerSecond))),
  emit: {
    ts: (e) => {
      const o = tsOptions(e, undefined);
      return e.assign(`${e.ssc}.rateStream(${e.lit(e.p.rowsPerSecond)}${o ? `, ${o}` : ''})`);
    },
    scala: (e) => `${comment('scala', 'rateStream is simulated in DStream Studio: RateReceiver is a custom receiver stub (see the end of this file).')}\n`
      + e.assign(`${e.ssc}.receiverStream(new RateReceiver(${e.lit(e.p.rowsPerSecond)}${levelArg(e)}))`),
    python: (e) => `${comment('python', TODO_PY(`rateStream(${String(e.p.rowsPerSecond)})`))}\n`
      + e.assign(`${e.ssc}.socketTextStream('localhost', 9999${levelArg(e)})`),
  },
});

export const twitterStream = defineOp({
  name: 'twitterStream', category: 'source',
  label: L('Twitter (simulated)', 'Twitter（模拟）'),
  description: L('A seeded simulated tweet stream: Zipf-distributed hashtags with bursts. Records are tweets { id, user, text, hashtags, createdAt, lang }.',
    '带随机种子的模拟推文流：话题标签服从 Zipf 分布并带有突发。记录为推文对象 { id, user, text, hashtags, createdAt, lang }。'),
  docUrl: docs.advancedSources,
  inputs: [], output: 'any', declaredKind: 'nonPair',
  params: {
    options: jsonParam(L('Options', '选项'),
      L('Options of the simulated stream, e.g. { "tweetsPerSecond": 20 }. Empty: the defaults.',
        '模拟流的选项，例如 { "tweetsPerSecond": 20 }。留空则使用默认值。'),
      { optional: true }),
    storageLevel: storageLevelParam(),
  },
  flags: { receiver: true },
  build: (p, _in, { ssc }) => {
    const level = storageLevelOf(p);
    const options = optionsOf<TwitterOptions>(p.options);
    if (level) return ssc.twitterStream({ ...(options ?? {}), storageLevel: engineStorageLevel(p) });
    return p.options !== undefined ? ssc.twitterStream(options) : ssc.twitterStream();
  },
  emit: {
    ts: (e) => e.assign(`${e.ssc}.twitterStream(${tsOptions(e, e.has('options') ? e.p.options : undefined) ?? (e.has('options') ? e.lit(e.p.options) : '')})`),
    scala: (e) => {
      const filters = twitterFilters(e.p.options);
      const level = storageLevelOf(e.p);
      const args = [e.ssc, 'None', ...(filters || level ? [filters ? `Seq(${filters.map((f) => e.lit(f)).join(', ')})` : 'Nil'] : []),
        ...(level ? [storageLevelCode(level, 'scala')] : [])];
      return `${comment('scala', [
        'Apache Bahir spark-streaming-twitter: records are twitter4j Status (the exporter maps the studio\'s tweet fields:',
        'text → getText, hashtags → getHashtagEntities, ...); credentials come from twitter4j.properties or the',
        'twitter4j.oauth.* system properties.',
      ].join('\n'))}\n` + e.assign(`TwitterUtils.createStream(${args.join(', ')})`);
    },
    python: (e) => {
      const filters = twitterFilters(e.p.options);
      const filter = filters ? `.filter(lambda t: any(f in t['text'] for f in ${e.lit(filters)}))` : '';
      return `${comment('python', [
        'twitterStream: PySpark has no Twitter source. This stand-in reads one tweet per line as JSON with the studio\'s',
        'record shape {"id", "user", "text", "hashtags", "createdAt", "lang"} and parses it with json.loads, so the',
        "functions below see dicts (t['text'], t['hashtags'], ...). Feed it with a tiny line server, e.g.",
        '  nc -lk 9999 < tweets.jsonl',
        'or from Kafka, one JSON tweet per message:',
        '  kafka-console-consumer.sh --bootstrap-server localhost:9092 --topic tweets | nc -lk 9999',
      ].join('\n'))}\n` + e.assign(`${e.ssc}.socketTextStream('localhost', 9999${levelArg(e)}).map(json.loads)${filter}`);
    },
  },
});

/** The simulated stream's `filters` option (track terms), when set. */
function twitterFilters(options: unknown): string[] | undefined {
  const f = options && typeof options === 'object' ? (options as Record<string, unknown>).filters : undefined;
  return Array.isArray(f) && f.length > 0 && f.every((x) => typeof x === 'string') ? f as string[] : undefined;
}

export const directKafkaStream = defineOp({
  name: 'directKafkaStream', category: 'source',
  label: L('Kafka (direct)', 'Kafka（直连）'),
  description: L('A receiver-less stream reading offset ranges of a (simulated) partitioned log: each batch knows exactly which offsets it read, the basis of exactly-once.',
    '无接收器的流，读取（模拟的）分区日志的偏移量范围：每个批次都确切知道自己读了哪些偏移量，这是恰好一次（exactly-once）的基础。'),
  docUrl: docs.kafka,
  inputs: [], output: 'any', declaredKind: 'unknown',
  params: {
    topics: stringListParam(L('Topics', '主题'), L('Topics to subscribe to.', '要订阅的主题。'), { default: ['events'] }),
    options: jsonParam(L('Options', '选项'),
      L('Options of the simulated log, e.g. { "partitionsPerTopic": 2, "messagesPerSecond": 10, "maxRatePerPartition": 100 }. Records are { topic, partition, offset, key, value }.',
        '模拟日志的选项，例如 { "partitionsPerTopic": 2, "messagesPerSecond": 10, "maxRatePerPartition": 100 }。记录为 { topic, partition, offset, key, value }。'),
      { optional: true }),
  },
  validate(p, ctx) {
    return Array.isArray(p.topics) && p.topics.length > 0 ? [] :
      [{ nodeId: ctx.node.id, param: 'topics', severity: 'error', message: 'directKafkaStream needs at least one topic' }];
  },
  build: (p, _in, { ssc }) => ssc.directKafkaStream(strListOf(p.topics), optionsOf<DirectKafkaOptions>(p.options) ?? {}),
  emit: {
    ts: (e) => e.assign(`${e.ssc}.directKafkaStream(${e.lit(e.p.topics)}, ${e.has('options') ? e.lit(e.p.options) : '{}'})`),
    scala: (e) => [
      `val ${e.out}KafkaParams = Map[String, Object]("bootstrap.servers" -> "localhost:9092", "key.deserializer" -> classOf[StringDeserializer], "value.deserializer" -> classOf[StringDeserializer], "group.id" -> "dstream-studio", "enable.auto.commit" -> (false: java.lang.Boolean))`,
      e.assign(`KafkaUtils.createDirectStream[String, String](${e.ssc}, LocationStrategies.PreferConsistent, ConsumerStrategies.Subscribe[String, String](${e.lit(e.p.topics)}, ${e.out}KafkaParams))`),
    ].join('\n'),
    python: (e) => `${comment('python', TODO_PY('directKafkaStream (PySpark 3.x has no Kafka DStream; use Structured Streaming)'))}\n`
      + e.assign(`${e.ssc}.socketTextStream('localhost', 9999)`),
  },
});

export const sourceOps = [socketTextStream, queueStream, textFileStream, rateStream, twitterStream, directKafkaStream];
