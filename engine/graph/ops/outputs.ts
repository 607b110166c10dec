/** Output operations (the guide's "Output Operations on DStreams"): each registers a job per batch. */
import { common, defineOp, docs, fnParam, intParam, localized as L, optIntOf, pairs, strOf } from '../opSpec';
import type { EmitContext } from '../emit';
import { functionArity } from '../udfInfo';

export const print = defineOp({
  name: 'print', category: 'output',
  label: L('Print', '打印 print'),
  description: L('Prints the first `num` records of every batch on the driver (the console), with Spark\'s "Time: … ms" header.',
    '在驱动器（控制台）上打印每个批次的前 num 条记录，带有 Spark 的“Time: … ms”标题。'),
  docUrl: docs.outputs,
  inputs: [{ port: 'in', kind: 'any' }], output: null,
  params: { num: intParam(L('Records', '条数'), L('How many records to print per batch.', '每个批次打印多少条记录。'), { default: 10, min: 1 }) },
  build: (p, [s]) => { s.print(optIntOf(p.num)); },
  emit: {
    ts: (e) => e.stmt(e.call('print', e.p.num === 10 ? undefined : e.lit(e.p.num))),
    scala: (e) => e.stmt(e.call('print', e.p.num === 10 ? undefined : e.lit(e.p.num))),
    python: (e) => e.stmt(e.call('pprint', e.p.num === 10 ? undefined : e.lit(e.p.num))),
  },
});

const suffixArg = (e: EmitContext) => (e.has('suffix') ? e.lit(e.p.suffix) : undefined);

export const saveAsTextFiles = defineOp({
  name: 'saveAsTextFiles', category: 'output',
  label: L('Save as text files', '保存为文本文件 saveAsTextFiles'),
  description: L('Writes every batch as a directory prefix-<time ms>[.suffix] of part-0000N text files.',
    '把每个批次写成目录 prefix-<毫秒时间>[.suffix]，内含 part-0000N 文本文件。'),
  docUrl: docs.outputs,
  inputs: [{ port: 'in', kind: 'any' }], output: null,
  params: { prefix: common.prefix(), suffix: common.suffix() },
  flags: { writesFiles: true },
  build: (p, [s]) => { if (p.suffix !== undefined) s.saveAsTextFiles(strOf(p.prefix), strOf(p.suffix)); else s.saveAsTextFiles(strOf(p.prefix)); },
  emit: {
    ts: (e) => e.stmt(e.call('saveAsTextFiles', e.lit(e.p.prefix), suffixArg(e))),
    scala: (e) => e.stmt(e.call('saveAsTextFiles', e.lit(e.p.prefix), suffixArg(e))),
    python: (e) => e.stmt(e.call('saveAsTextFiles', e.lit(e.p.prefix), suffixArg(e))),
  },
});

export const saveAsObjectFiles = defineOp({
  name: 'saveAsObjectFiles', category: 'output',
  label: L('Save as object files', '保存为对象文件 saveAsObjectFiles'),
  description: L('Writes every batch as serialized objects in a directory prefix-<time ms>[.suffix].',
    '把每个批次以序列化对象写入目录 prefix-<毫秒时间>[.suffix]。'),
  docUrl: docs.outputs,
  inputs: [{ port: 'in', kind: 'any' }], output: null,
  params: { prefix: common.prefix(), suffix: common.suffix() },
  flags: { writesFiles: true },
  build: (p, [s]) => { if (p.suffix !== undefined) s.saveAsObjectFiles(strOf(p.prefix), strOf(p.suffix)); else s.saveAsObjectFiles(strOf(p.prefix)); },
  emit: {
    ts: (e) => e.stmt(e.call('saveAsObjectFiles', e.lit(e.p.prefix), suffixArg(e))),
    scala: (e) => e.stmt(e.call('saveAsObjectFiles', e.lit(e.p.prefix), suffixArg(e))),
    // PySpark's DStream has no saveAsObjectFiles: the same per-batch directories, as pickle files.
    python: (e) => e.stmt(e.call('foreachRDD', `lambda time, rdd: rdd.saveAsPickleFile(${e.lit(e.p.prefix)} + '-' + str(int(time.timestamp() * 1000))${e.has('suffix') ? ` + '.' + ${e.lit(e.p.suffix)}` : ''})`)),
  },
});

/** Spark's directory name for a batch (rddToFileName) as a Scala / Python expression: prefix-<ms>[.suffix]. */
function batchDirExpr(e: EmitContext, millis: string): string {
  const q = (text: string) => (e.lang === 'scala' ? `"${text}"` : `'${text}'`);
  return `${e.lit(e.p.prefix)} + ${q('-')} + ${millis}${e.has('suffix') ? ` + ${q('.')} + ${e.lit(e.p.suffix)}` : ''}`;
}

export const saveAsHadoopFiles = defineOp({
  name: 'saveAsHadoopFiles', category: 'output',
  label: L('Save as Hadoop files', '保存为 Hadoop 文件 saveAsHadoopFiles'),
  description: L('Writes every batch of (key, value) pairs as a directory prefix-<time ms>[.suffix] of Hadoop TextOutputFormat parts: one "key<tab>value" line per pair. hdfs://host/path writes to the local directory hdfs/host/path.',
    '把每个批次的 (键, 值) 对写成目录 prefix-<毫秒时间>[.suffix]，内含 Hadoop TextOutputFormat 文件：每对一行“键<制表符>值”。HDFS 路径写入本地的同名目录（这里没有 HDFS）。'),
  docUrl: docs.outputs,
  inputs: [{ port: 'in', kind: 'pair' }], output: null,
  params: { prefix: common.prefix(), suffix: common.suffix() },
  flags: { writesFiles: true, hadoopPaths: true },
  build: (p, [s]) => {
    if (p.suffix !== undefined) pairs(s).saveAsHadoopFiles(strOf(p.prefix), strOf(p.suffix)); else pairs(s).saveAsHadoopFiles(strOf(p.prefix));
  },
  emit: {
    ts: (e) => e.stmt(e.call('saveAsHadoopFiles', e.lit(e.p.prefix), suffixArg(e))),
    // Scala's saveAsHadoopFiles needs the output format's key and value classes as type arguments; the same
    // TextOutputFormat lines written as text need none.
    scala: (e) => e.stmt(e.call('foreachRDD', `(rdd, time) => rdd.map { case (k, v) => s"$k\\t$v" }.saveAsTextFile(${batchDirExpr(e, 'time.milliseconds')})`)),
    // PySpark's DStream has no saveAsHadoopFiles: the same per-batch directories of key<TAB>value lines.
    python: (e) => e.stmt(e.call('foreachRDD', `lambda time, rdd: rdd.map(lambda kv: '%s\\t%s' % kv).saveAsTextFile(${batchDirExpr(e, 'str(int(time.timestamp() * 1000))')})`)),
  },
});

export const foreachRDD = defineOp({
  name: 'foreachRDD', category: 'output',
  label: L('For each RDD', '逐个 RDD 处理 foreachRDD'),
  description: L('Runs a function on the driver for every batch\'s RDD, e.g. to write it to an external system. RDD actions inside run as jobs on the executors.',
    '每个批次在驱动器上对其 RDD 运行函数，例如写入外部系统。函数内的 RDD 行动操作作为作业在执行器上运行。'),
  docUrl: docs.foreachRDD,
  inputs: [{ port: 'in', kind: 'any' }], output: null,
  params: {
    f: fnParam('async (rdd, time) => { const n = await rdd.count(); }', L('Function', '函数'),
      L('(rdd, time) => void, called on the driver once per batch; it may be async (await rdd.collect()).',
        '(rdd, time) => void，每个批次在驱动器上调用一次；可以是 async 函数（await rdd.collect()）。'),
      { runsOn: 'driver' }),
  },
  build: (p, [s], ctx) => { s.foreachRDD(ctx.driverFn(String(p.f))); },
  emit: {
    ts: (e) => e.stmt(e.call('foreachRDD', e.fn('f'))),
    scala: (e) => e.stmt(e.call('foreachRDD', e.fn('f'))),
    // PySpark calls a two-argument function as f(time, rdd): swap to keep the TS order (rdd, time).
    python: (e) => e.stmt(e.call('foreachRDD', functionArity(String(e.p.f)) >= 2 ? `lambda time, rdd: (${e.fn('f')})(rdd, time)` : e.fn('f'))),
  },
});

export const outputOps = [print, saveAsTextFiles, saveAsObjectFiles, foreachRDD, saveAsHadoopFiles];
