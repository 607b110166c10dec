/**
 * Input DStreams (the guide's "Input DStreams and Receivers"). `receiverStream(receiver)` is not a graph op:
 * a custom Receiver is code, so a program using it imports as an opaque `code` node.
 */
import { boolParam, defineOp, docs, intParam, jsonParam, localized as L, stringListParam, stringParam } from '../opSpec';
import { batchesLiteral, comment, recordLiteral } from '../emit';

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
  },
  flags: { receiver: true },
  build: (p, _in, { ssc }) => ssc.socketTextStream(p.host, p.port),
  emit: {
    ts: (e) => e.assign(`${e.ssc}.socketTextStream(${e.lit(e.p.host)}, ${e.lit(e.p.port)})`),
    scala: (e) => e.assign(`${e.ssc}.socketTextStream(${e.lit(e.p.host)}, ${e.lit(e.p.port)})`),
    python: (e) => e.assign(`${e.ssc}.socketTextStream(${e.lit(e.p.host)}, ${e.lit(e.p.port)})`),
  },
});

export const queueStream = defineOp({
  name: 'queueStream', category: 'source',
  label: L('Queue of RDDs', 'RDD 队列流'),
  description: L('Each batch takes the next RDD from a queue (for testing); here the RDDs are given as lists of records.',
    '每个批次从队列中取出下一个 RDD（用于测试）；这里的 RDD 以记录列表的形式给出。'),
  docUrl: docs.basicSources,
  inputs: [], output: 'any', declaredKind: 'unknown',
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
    const queue = (p.batches as unknown[][]).map((b) => sc.parallelize(b));
    return p.defaultBatch !== undefined
      ? ssc.queueStream(queue, p.oneAtATime, sc.parallelize(p.defaultBatch as unknown[]))
      : ssc.queueStream(queue, p.oneAtATime);
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
  build: (p, _in, { ssc }) => ssc.textFileStream(p.directory),
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
  },
  flags: { receiver: true },
  build: (p, _in, { ssc }) => ssc.rateStream(p.rowsPerSecond),
  emit: {
    ts: (e) => e.assign(`${e.ssc}.rateStream(${e.lit(e.p.rowsPerSecond)})`),
    scala: (e) => `${comment('scala', 'rateStream is simulated in DStream Studio: RateReceiver is a custom receiver stub (see the end of this file).')}\n`
      + e.assign(`${e.ssc}.receiverStream(new RateReceiver(${e.lit(e.p.rowsPerSecond)}))`),
    python: (e) => `${comment('python', TODO_PY(`rateStream(${String(e.p.rowsPerSecond)})`))}\n`
      + e.assign(`${e.ssc}.socketTextStream('localhost', 9999)`),
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
  },
  flags: { receiver: true },
  build: (p, _in, { ssc }) => (p.options !== undefined ? ssc.twitterStream(p.options) : ssc.twitterStream()),
  emit: {
    ts: (e) => e.assign(`${e.ssc}.twitterStream(${e.has('options') ? e.lit(e.p.options) : ''})`),
    scala: (e) => `${comment('scala', 'Apache Bahir spark-streaming-twitter (records are twitter4j Status: getText, getHashtagEntities); credentials come from twitter4j.properties.')}\n`
      + e.assign(`TwitterUtils.createStream(${e.ssc}, None)`),
    python: (e) => `${comment('python', TODO_PY('twitterStream'))}\n` + e.assign(`${e.ssc}.socketTextStream('localhost', 9999)`),
  },
});

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
  build: (p, _in, { ssc }) => ssc.directKafkaStream(p.topics, p.options ?? {}),
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
