/** Graph → a complete PySpark (Spark 3.5, pyspark.streaming) application; spark-submit line in the header. */
import type { PipelineGraph } from '../types';
import { emitNode, getOp } from '../registry';
import { comment, literal, noneLiteral, numberLiteral } from '../emit';
import { planGraph, snakeCase } from './plan';
import { translateUdf } from './udf';
import { CLOCK_CONF_KEY, SEED_CONF_KEY, nodeTagComment } from './meta';
import { pyCodeOnly } from './quote/python';
import { inputRecordTypes, recordTypesFor } from './records';
import { recordedQueuePython, recordingNoteLines } from './recordedInputs';
import { pinnedParallelism, submitMaster } from './sparkMaster';
import { slideDurations } from '../validate';
import type { SparkExportOptions } from './exportScala';

const lit = (v: unknown) => literal(v, 'python');

export interface PythonExportResult {
  code: string;
  inexact: number;
  /** `node id (param)` of every function emitted as a stub because it could not be translated. */
  untranslated: string[];
}

export function exportPython(graph: PipelineGraph, opts: SparkExportOptions = {}): string {
  return exportPythonDetailed(graph, opts).code;
}

export function exportPythonDetailed(graph: PipelineGraph, opts: SparkExportOptions = {}): PythonExportResult {
  const plan = planGraph(graph, 'python');
  const records = inputRecordTypes(graph);
  const body: string[] = [];
  const preludes: string[] = [];
  const modules = new Set<string>();
  const usedNames = new Set(plan.nodes.map((p) => p.name));
  let inexact = 0;
  const untranslated: string[] = [];
  const slides = slideDurations(graph);
  for (const p of plan.nodes) {
    const op = getOp(p.node.op);
    const inputs = { ...p.inputs };
    for (const port of op?.inputs ?? []) if (!(port.port in inputs) && !port.optional) inputs[port.port] = noneLiteral('python');
    const fnParams = Object.entries(op?.params ?? {}).filter(([, s]) => s.type === 'function').map(([k]) => k);
    const udf = (source: string) => {
      let name = `${p.name}_fn`;
      for (let i = 2; usedNames.has(name); i++) name = `${p.name}_fn${i}`;
      const param = fnParams.find((k) => String(p.node.params[k] ?? op?.params[k]?.default ?? '') === source);
      const r = translateUdf(source, 'python', { name, recordTypes: recordTypesFor(op, param, records.get(p.node.id)) });
      if (!r.exact) { inexact++; untranslated.push(`${p.node.id} (${p.node.op}.${param ?? 'function'})`); }
      r.imports?.forEach((m) => modules.add(m));
      if (r.prelude) { usedNames.add(name); preludes.push(r.prelude); }
      return r.code;
    };
    const recorded = opts.recordedInputs?.[p.node.id];
    const stmt = recorded ? `${p.name} = ${recordedQueuePython(recorded, 'ssc')}`
      : op ? emitNode(graph, p.node, { lang: 'python', inputs, out: p.name, udf }) : comment('python', `TODO: unknown op "${p.node.op}"`);
    body.push(nodeTagComment('python', p.node.id), ...(recorded ? [comment('python', `the ${p.node.op} records this run received, by batch and partition`)] : []),
      ...(reducedAgainInPySpark(p.node, slides.get(p.node.id)) ? [comment('python', PYSPARK_SHORT_WINDOW_NOTE)] : []), stmt);
  }
  const text = body.join('\n');
  const code = pyCodeOnly(text);
  if (/\bjson\.loads\b/.test(code)) modules.add('json');
  if (graph.checkpointDir) modules.add('sys');
  const pysparkNames = ['SparkConf', 'SparkContext', ...(/\bStorageLevel\b/.test(code) ? ['StorageLevel'] : [])];
  const file = `${snakeCase(graph.name) || 'streaming_app'}.py`;
  const master = submitMaster(graph);
  const pinned = pinnedParallelism(graph);
  const kafka = graph.nodes.some((n) => n.op === 'directKafkaStream' && !opts.recordedInputs?.[n.id]);

  const conf = [`.setAppName(${lit(graph.name)})`, `.setIfMissing('spark.master', ${lit(master)})`,
    ...(pinned !== undefined ? [`.setIfMissing('spark.default.parallelism', ${lit(String(pinned))})`] : [])];
  for (const [k, v] of Object.entries(graph.conf ?? {})) if (k !== CLOCK_CONF_KEY && k !== SEED_CONF_KEY) conf.push(`.set(${lit(k)}, ${lit(String(v))})`);

  const lines = [
    comment('python', `${graph.name} — a DStream Studio pipeline exported as a PySpark ${'3.5'} application (pyspark.streaming, DStream API).`),
    '#',
    '# How to run (README): pip install pyspark==3.5.9 (or use a Spark 3.5 installation), then',
    comment('python', `  spark-submit --master ${master} ${file}${graph.checkpointDir ? ' [checkpoint dir]' : ''}`),
    comment('python', `  On a cluster pass its master URL instead (--master spark://host:7077, yarn, k8s://...).`),
    ...(master !== graph.master ? [comment('python', `  (the studio ran on ${graph.master}, a test-only master${pinned !== undefined ? `; spark.default.parallelism=${pinned} keeps its partitioning` : ''})`)] : []),
    ...(graph.checkpointDir ? [comment('python', `  The checkpoint directory must be on the cluster's file system: pass e.g. hdfs:///checkpoints/${file.replace(/\.py$/, '')} as the first argument (default ${graph.checkpointDir}, a local path).`)] : []),
    '#',
    '# PySpark calls two-argument foreachRDD functions as f(time, rdd); Option values are plain values or None.',
    ...(kafka ? [
      '#',
      '# Kafka: PySpark 3.x has no KafkaUtils (the DStream Kafka integration was removed from Python in Spark 3.0).',
      '# Read Kafka with Structured Streaming instead (package org.apache.spark:spark-sql-kafka-0-10_2.12:3.5.1):',
      "#   spark.readStream.format('kafka').option('kafka.bootstrap.servers', 'localhost:9092')",
      "#     .option('subscribe', 'events').load().selectExpr('CAST(key AS STRING)', 'CAST(value AS STRING)')",
    ] : []),
    ...(inexact ? ['#', `# ${inexact} function${inexact > 1 ? 's' : ''} could not be translated mechanically and ${inexact > 1 ? 'raise' : 'raises'} NotImplementedError (look for "TODO translate"):`,
      ...untranslated.map((u) => comment('python', `   ${u}`))] : []),
    ...(opts.recordingNote ? ['#', ...recordingNoteLines(opts.recordingNote).map((l) => comment('python', l))] : []),
    '',
    ...[...modules].sort().map((m) => `import ${m}`),
    ...(modules.size ? [''] : []),
    `from pyspark import ${pysparkNames.join(', ')}`,
    'from pyspark.streaming import StreamingContext',
    '',
    ...preludes.flatMap((p) => [p, '', '']),
    'def main():',
    `    conf = SparkConf()${conf.join('')}`,
    '    sc = SparkContext(conf=conf)',
    `    ssc = StreamingContext(sc, ${pySeconds(graph.batchDuration)})`,
    ...(graph.checkpointDir ? [`    ssc.checkpoint(sys.argv[1] if len(sys.argv) > 1 else ${lit(graph.checkpointDir)})`] : []),
    '    build(ssc)',
    '    ssc.start()',
    '    ssc.awaitTermination()',
    '',
    '',
    'def build(ssc):',
    '    """The pipeline\'s streams and outputs on ssc (a test harness calls it on its own context)."""',
    indent(text, '    '),
    ...(text.trim() ? [] : ['    pass']),
    '',
    '',
    "if __name__ == '__main__':",
    '    main()',
  ];
  return { code: `${lines.join('\n')}\n`, inexact, untranslated };
}

/**
 * PySpark uses a window's inverse function only when the window spans 5 slides or more (PythonReducedWindowedDStream)
 * and otherwise reduces the window again: keys that left the window are absent instead of printed with the inverse's
 * result, as Scala (and the studio) print them.
 */
const PYSPARK_SHORT_WINDOW_NOTE = 'PySpark reduces a window shorter than 5 slides again instead of applying the inverse: keys that left the window are not printed (Scala and the studio print them, e.g. (key,0))';

function reducedAgainInPySpark(n: PipelineGraph['nodes'][number], slide: number | undefined): boolean {
  const inverse = ((n.op === 'reduceByKeyAndWindow' || n.op === 'reduceByWindow') && typeof n.params.inverse === 'string' && n.params.inverse.trim() !== '')
    || n.op === 'countByWindow';
  return inverse && typeof n.params.window === 'number' && slide !== undefined && n.params.window < 5 * slide;
}

function pySeconds(ms: number): string {
  return String(Number(numberLiteral(ms)) / 1000);
}

function indent(s: string, pad: string): string {
  return s.split('\n').map((l) => (l ? pad + l : l)).join('\n');
}
