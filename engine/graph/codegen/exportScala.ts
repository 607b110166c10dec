/** Graph → a complete Spark Streaming 3.5 application in Scala (sbt build and spark-submit line in the header). */
import type { PipelineGraph } from '../types';
import { emitNode, getOp } from '../registry';
import { comment, literal, noneLiteral, numberLiteral } from '../emit';
import { pascalCase, planGraph } from './plan';
import { translateUdf } from './udf';
import { CLOCK_CONF_KEY, SEED_CONF_KEY, nodeTagComment } from './meta';
import { scalaCodeOnly } from './quote/scala';
import { inputRecordTypes, recordTypesFor } from './records';
import { RECORDED_STATUS_CLASS, recordedQueueScala, recordingNoteLines, type RecordedInputs, type RecordingNote } from './recordedInputs';
import { pinnedParallelism, submitMaster } from './sparkMaster';

/** The Spark release `npm run test:spark` runs every export on (spark/pom.xml pins the same). */
export const SPARK_VERSION = '3.5.9';
export const SCALA_VERSION = '2.12.18';

/**
 * Scala cannot infer lambda parameter types for these (overloaded methods, StateSpec.function); the exporter
 * annotates them with the common word-count types, which the reader adjusts when the data differs.
 */
const SCALA_PARAM_TYPES: Record<string, Record<string, string[]>> = {
  updateStateByKey: { update: ['Seq[Int]', 'Option[Int]'] },
  mapWithState: { mappingFunction: ['String', 'Option[Int]', 'State[Int]'] },
  // reduceByKeyAndWindow is overloaded (with and without the inverse): scalac cannot infer `(a, b) => a + b` alone
  reduceByKeyAndWindow: { reduce: ['Int', 'Int'], inverse: ['Int', 'Int'], filterFunc: ['(String, Int)'] },
  reduceByWindow: { reduce: ['Int', 'Int'], inverse: ['Int', 'Int'] },
};

/**
 * DStream.transformWith is overloaded (with and without the batch Time), so scalac cannot infer the parameter types
 * of `(rdd1, rdd2) => ...`; taking the streams in a first parameter list fixes T and U before the function is typed.
 */
const TRANSFORM_WITH_HELPER = [
  '/** a.transformWith(b, f) with f\'s parameter types taken from the two streams (the method is overloaded). */',
  'def transformWithOf[T, U: ClassTag, V: ClassTag](a: DStream[T], b: DStream[U])(f: (RDD[T], RDD[U]) => RDD[V]): DStream[V] =',
  '  a.transformWith(b, f)',
].join('\n');

interface Detect { re: RegExp; imports: string[]; sbt?: string[] }

const DETECT: Detect[] = [
  { re: /\bmutable\./, imports: ['scala.collection.mutable'] },
  { re: /\bRDD\[/, imports: ['org.apache.spark.rdd.RDD'] },
  { re: /\bHashPartitioner\b/, imports: ['org.apache.spark.HashPartitioner'] },
  { re: /\bStateSpec\b/, imports: ['org.apache.spark.streaming.{State, StateSpec}'] },
  { re: /\bKafkaUtils\b/, imports: ['org.apache.kafka.common.serialization.StringDeserializer', 'org.apache.spark.streaming.kafka010.{ConsumerStrategies, KafkaUtils, LocationStrategies}'],
    sbt: [`libraryDependencies += "org.apache.spark" %% "spark-streaming-kafka-0-10" % "${SPARK_VERSION}"`] },
  { re: /\bTwitterUtils\b/, imports: ['org.apache.spark.streaming.twitter.TwitterUtils'],
    sbt: ['libraryDependencies += "org.apache.bahir" %% "spark-streaming-twitter" % "2.4.0"   // Apache Bahir (built for Spark 2.4; see bahir.apache.org)'] },
  { re: /\btransformWithOf\(/, imports: ['org.apache.spark.rdd.RDD', 'org.apache.spark.streaming.dstream.DStream', 'scala.reflect.ClassTag'] },
  { re: /\bStorageLevel\./, imports: ['org.apache.spark.storage.StorageLevel'] },
  { re: /\bnew \w+Receiver\(/, imports: ['org.apache.spark.storage.StorageLevel', 'org.apache.spark.streaming.receiver.Receiver'] },
];

/** Stub receivers for the studio's simulated sources, emitted when the pipeline uses them. */
const RECEIVER_STUBS: Record<string, string> = {
  RateReceiver: [
    '/**',
    ' * Stands in for DStream Studio\'s simulated rateStream (a seeded source): a custom receiver that stores',
    ' * `rowsPerSecond` increasing numbers per second. Replace it with your real input.',
    ' */',
    'class RateReceiver(rowsPerSecond: Int, storageLevel: StorageLevel = StorageLevel.MEMORY_AND_DISK_SER_2)',
    '    extends Receiver[Long](storageLevel) {',
    '  @volatile private var running = false',
    '  def onStart(): Unit = {',
    '    running = true',
    '    new Thread("RateReceiver") {',
    '      override def run(): Unit = {',
    '        var value = 0L',
    '        while (running && !isStopped()) {',
    '          for (_ <- 1 to rowsPerSecond) { store(value); value += 1 }',
    '          Thread.sleep(1000)',
    '        }',
    '      }',
    '    }.start()',
    '  }',
    '  def onStop(): Unit = { running = false }',
    '}',
  ].join('\n'),
};

function genericReceiverStub(name: string): string {
  return [
    `/** TODO: stands in for a source simulated in DStream Studio; implement onStart with your real input. */`,
    `class ${name}(args: Any*) extends Receiver[String](StorageLevel.MEMORY_AND_DISK_2) {`,
    '  def onStart(): Unit = ???',
    '  def onStop(): Unit = {}',
    '}',
  ].join('\n');
}

const lit = (v: unknown) => literal(v, 'scala');

export interface ScalaExportResult {
  code: string;
  inexact: number;
  /** `node id (param)` of every function emitted as a stub because it could not be translated. */
  untranslated: string[];
}

export interface SparkExportOptions {
  /** "Export with this run's data": source node id → the batches (of partitions) the run received. */
  recordedInputs?: RecordedInputs;
  /** How the recording was bounded (printed in the program's header). */
  recordingNote?: RecordingNote;
}

export function exportScala(graph: PipelineGraph, opts: SparkExportOptions = {}): string {
  return exportScalaDetailed(graph, opts).code;
}

export function exportScalaDetailed(graph: PipelineGraph, opts: SparkExportOptions = {}): ScalaExportResult {
  const plan = planGraph(graph, 'scala');
  const records = inputRecordTypes(graph);
  const objectName = scalaObjectName(graph.name);
  const body: string[] = [];
  let inexact = 0;
  const untranslated: string[] = [];
  for (const p of plan.nodes) {
    const op = getOp(p.node.op);
    const inputs = { ...p.inputs };
    for (const port of op?.inputs ?? []) if (!(port.port in inputs) && !port.optional) inputs[port.port] = noneLiteral('scala');
    const types = SCALA_PARAM_TYPES[p.node.op] ?? {};
    const fnParams = Object.entries(op?.params ?? {}).filter(([, s]) => s.type === 'function').map(([k]) => k);
    const recordType = records.get(p.node.id);
    const udf = (source: string) => {
      // which param is this? (the registry passes sources; match by text to pick the type hints)
      const param = fnParams.find((k) => String(p.node.params[k] ?? op?.params[k]?.default ?? '') === source);
      const r = translateUdf(source, 'scala', {
        paramTypes: param ? types[param] : undefined,
        recordTypes: recordTypesFor(op, param, recordType),
        returnsCollection: param !== undefined && op?.params[param]?.returnsIterable === true,
      });
      if (!r.exact) { inexact++; untranslated.push(`${p.node.id} (${p.node.op}.${param ?? 'function'})`); }
      return r.code;
    };
    const recorded = opts.recordedInputs?.[p.node.id];
    const replay = recorded ? recordedQueueScala(recorded, 'ssc') : undefined;
    const stmt = replay ? `val ${p.name} = ${replay}`
      : op ? emitNode(graph, p.node, { lang: 'scala', inputs, out: p.name, udf }) : comment('scala', `TODO: unknown op "${p.node.op}"`);
    body.push(nodeTagComment('scala', p.node.id), ...(replay ? [comment('scala', `the ${p.node.op} records this run received, by batch and partition`)] : []), stmt);
  }
  const text = body.join('\n');
  const code = scalaCodeOnly(text);

  const imports = new Set(['org.apache.spark.SparkConf', 'org.apache.spark.streaming.{Milliseconds, Minutes, Seconds, StreamingContext}']);
  const sbt = [
    `scalaVersion := "${SCALA_VERSION}"`,
    `libraryDependencies += "org.apache.spark" %% "spark-streaming" % "${SPARK_VERSION}" % "provided"`,
  ];
  for (const d of DETECT) {
    if (!d.re.test(code)) continue;
    d.imports.forEach((i) => imports.add(i));
    if (d.sbt) sbt.push(...d.sbt);
  }
  const receivers = [...new Set([...code.matchAll(/\bnew (\w+Receiver)\(/g)].map((m) => m[1]))];
  const stubs = receivers.map((r) => RECEIVER_STUBS[r] ?? genericReceiverStub(r));
  // inside the object: programs compiled together (the Spark oracle) each bring their own
  const recordedClasses = /\bRecordedStatus\(/.test(code) ? [indent(RECORDED_STATUS_CLASS, '  '), ''] : [];
  const helpers = /\btransformWithOf\(/.test(code) ? [indent(TRANSFORM_WITH_HELPER, '  '), ''] : [];

  const master = submitMaster(graph);
  const pinned = pinnedParallelism(graph);
  const conf = [`.setAppName(${lit(graph.name)})`, `.setIfMissing("spark.master", ${lit(master)})`,
    ...(pinned !== undefined ? [`.setIfMissing("spark.default.parallelism", ${lit(String(pinned))})`] : [])];
  for (const [k, v] of Object.entries(graph.conf ?? {})) if (k !== CLOCK_CONF_KEY && k !== SEED_CONF_KEY) conf.push(`.set(${lit(k)}, ${lit(String(v))})`);
  const jar = `target/scala-2.12/${objectName.toLowerCase()}_2.12-0.1.jar`;

  const lines = [
    comment('scala', `${graph.name} — a DStream Studio pipeline exported as a Spark Streaming ${SPARK_VERSION.slice(0, 3)} application (DStream API).`),
    '//',
    '// build.sbt:',
    `//   name := "${objectName.toLowerCase()}"`,
    '//   version := "0.1"',
    ...sbt.map((l) => `//   ${l}`),
    '//',
    '// How to run (README):',
    '//   1. Put this file in src/main/scala/ next to the build.sbt above (or use the pom.xml in DStream Studio\'s spark/',
    '//      folder: mvn package), then: sbt package',
    comment('scala', `  2. spark-submit --class ${objectName} --master ${master} ${jar}${graph.checkpointDir ? ' [checkpoint dir]' : ''}`),
    comment('scala', `     On a cluster pass its master URL instead (--master spark://host:7077, yarn, k8s://...).`),
    ...(master !== graph.master ? [comment('scala', `     (the studio ran on ${graph.master}, a test-only master${pinned !== undefined ? `; spark.default.parallelism=${pinned} keeps its partitioning and so its output order` : ''})`)] : []),
    ...(graph.checkpointDir ? [comment('scala', `  3. The checkpoint directory must be on the cluster's file system: pass e.g. hdfs:///checkpoints/${objectName.toLowerCase()} as the first argument (default ${graph.checkpointDir}, a local path).`)] : []),
    ...(inexact ? [`//`, `// ${inexact} function${inexact > 1 ? 's' : ''} could not be translated mechanically and ${inexact > 1 ? 'throw' : 'throws'} NotImplementedError (look for "TODO translate"):`,
      ...untranslated.map((u) => comment('scala', `   ${u}`))] : []),
    ...(opts.recordingNote ? ['//', ...recordingNoteLines(opts.recordingNote).map((l) => comment('scala', l))] : []),
    '',
    ...[...imports].sort().map((i) => `import ${i}`),
    '',
    `object ${objectName} {`,
    ...recordedClasses,
    ...helpers,
    '  def main(args: Array[String]): Unit = {',
    `    val conf = new SparkConf()${conf.join('')}`,
    `    val ssc = new StreamingContext(conf, ${durationScala(graph.batchDuration)})`,
    ...(graph.checkpointDir ? [`    ssc.checkpoint(if (args.nonEmpty) args(0) else ${lit(graph.checkpointDir)})`] : []),
    '    build(ssc)',
    '    ssc.start()',
    '    ssc.awaitTermination()',
    '  }',
    '',
    '  /** The pipeline\'s streams and outputs on `ssc` (a test harness calls it on its own context). */',
    '  def build(ssc: StreamingContext): Unit = {',
    indent(text, '    '),
    '  }',
    '}',
    ...stubs.flatMap((s) => ['', s]),
  ];
  return { code: `${lines.join('\n')}\n`, inexact, untranslated };
}

/**
 * The application's object name from the pipeline name: PascalCase words, `StreamingApp` when none; `App` is
 * added when it would start with a digit or take a name the program uses (an object `Seq` would hide scala.Seq).
 */
function scalaObjectName(name: string): string {
  const base = pascalCase(name);
  if (!base) return 'StreamingApp';
  return /^[0-9]/.test(base) || SCALA_TAKEN_TYPE_NAMES.has(base) ? `App${base}` : base;
}

const SCALA_TAKEN_TYPE_NAMES = new Set(('Any AnyRef AnyVal Array Boolean Byte Char Double Float Int List Long Map Nil None Nothing Null Object Option ' +
  'Predef Seq Short Some String System Thread Unit Vector SparkConf StreamingContext Milliseconds Minutes Seconds Duration Time State StateSpec ' +
  'HashPartitioner StorageLevel RDD Receiver KafkaUtils LocationStrategies ConsumerStrategies StringDeserializer TwitterUtils RateReceiver').split(' '));

function durationScala(value: number): string {
  const ms = Number(numberLiteral(value));
  if (ms !== 0 && ms % 60000 === 0) return `Minutes(${ms / 60000})`;
  if (ms !== 0 && ms % 1000 === 0) return `Seconds(${ms / 1000})`;
  return `Milliseconds(${ms})`;
}

function indent(s: string, pad: string): string {
  return s.split('\n').map((l) => (l ? pad + l : l)).join('\n');
}
