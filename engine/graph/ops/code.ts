/**
 * The opaque code node: TypeScript the graph cannot map to one op (helper functions, custom receivers, arbitrary
 * driver code). Its source is a driver-side function `(stream, ssc) => DStream | void` run when the pipeline is built.
 */
import { defineOp, docs, fnParam, localized as L } from '../opSpec';
import type { DStream } from '../opSpec';
import { comment } from '../emit';

export const code = defineOp({
  name: 'code', category: 'code',
  label: L('Code', '代码'),
  description: L('Any TypeScript run on the driver when the pipeline is built: (stream, ssc) => a DStream (or nothing, for an output). Exported verbatim to TypeScript; a TODO in Scala and Python.',
    '构建流水线时在驱动器上运行的任意 TypeScript：(stream, ssc) => DStream（输出时可不返回）。导出为 TypeScript 时原样保留；导出为 Scala 和 Python 时为 TODO。'),
  docUrl: docs.transform,
  inputs: [{ port: 'in', kind: 'any', optional: true }], output: 'any', declaredKind: 'unknown',
  params: {
    code: fnParam('(stream, ssc) => stream', L('Code', '代码'),
      L('(stream, ssc) => DStream | void; stream is the connected input (undefined when none), ssc the StreamingContext.',
        '(stream, ssc) => DStream | void；stream 为连接的输入（未连接时为 undefined），ssc 为 StreamingContext。'),
      { runsOn: 'driver' }),
  },
  build: (p, [s], ctx) => {
    const result = ctx.driverFn(String(p.code))(s, ctx.ssc);
    return (result ?? undefined) as DStream | undefined;
  },
  emit: {
    ts: (e) => e.assign(`(${String(e.p.code)})(${e.in[0] || 'undefined'}, ${e.ssc})`),
    scala: (e) => `${comment('scala', `TODO: code node "${e.node.id}" has no Scala translation. Original (TypeScript):\n${String(e.p.code)}`)}\n`
      + e.assign(e.in[0] || `${e.ssc}.queueStream(mutable.Queue.empty[RDD[String]])`),
    python: (e) => `${comment('python', `TODO: code node "${e.node.id}" has no Python translation. Original (TypeScript):\n${String(e.p.code)}`)}\n`
      + e.assign(e.in[0] || 'None'),
  },
});

export const codeOps = [code];
