/** Stateless transformations (the guide's "Transformations on DStreams"), one batch at a time. */
import type { Localized, ParamSpec } from '../types';
import type { DeclaredKind, KindSource, OpSpec } from '../opSpec';
import { common, defineOp, docs, fnSource, fnParam, intOf, intParam, localized as L, optIntOf, presets } from '../opSpec';

/** An op `in.name(f)` with one executor-side function param `f`, printed the same way in all three languages. */
function fnOp(name: 'map' | 'flatMap' | 'filter' | 'mapPartitions', label: Localized, description: Localized, f: ParamSpec, declaredKind: DeclaredKind, kindFrom?: KindSource): OpSpec {
  return defineOp({
    name, category: 'transform', label, description, docUrl: docs.transformations,
    inputs: [{ port: 'in', kind: 'any' }], output: 'any', declaredKind, ...(kindFrom ? { kindFrom } : {}),
    params: { f },
    build: (p, [s]) => s[name](fnSource(p.f)),
    emit: {
      ts: (e) => e.assign(e.call(name, e.fn('f'))),
      scala: (e) => e.assign(e.call(name, e.fn('f'))),
      python: (e) => e.assign(e.call(name, e.fn('f'))),
    },
  });
}

export const map = fnOp('map',
  L('Map', '映射 map'),
  L('Return a new DStream by passing each element through a function.', '对每个元素应用函数，返回新的 DStream。'),
  fnParam('w => [w, 1]', L('Function', '函数'), L('Applied to every record; returns one record.', '作用于每条记录，返回一条记录。'),
    { presets: [presets.toPair, presets.identity] }),
  'unknown', { fn: 'f', arg: 'record', returns: 'record' });

export const flatMap = fnOp('flatMap',
  L('Flat map', '扁平映射 flatMap'),
  L('Like map, but each input item can be mapped to 0 or more output items.', '与 map 类似，但每个输入元素可以映射为 0 个或多个输出元素。'),
  fnParam("l => l.split(' ')", L('Function', '函数'), L('Returns a list (any iterable) of records for every record.', '为每条记录返回一个记录列表（任意可迭代对象）。'),
    { presets: [presets.splitWords, presets.hashtags], returnsIterable: true }),
  'unknown', { fn: 'f', arg: 'record', returns: 'records' });

export const filter = fnOp('filter',
  L('Filter', '过滤 filter'),
  L('Keep only the records on which the function returns true.', '只保留函数返回 true 的记录。'),
  fnParam('x => x.length > 0', L('Predicate', '谓词'), L('Returns true to keep the record.', '返回 true 则保留该记录。'),
    { presets: [presets.nonEmpty] }),
  'sameAsInput');

export const mapPartitions = fnOp('mapPartitions',
  L('Map partitions', '按分区映射 mapPartitions'),
  L('Apply a function to each partition of each RDD: it receives an iterable and returns an iterable.',
    '对每个 RDD 的每个分区应用函数：输入一个可迭代对象，返回一个可迭代对象。'),
  fnParam('it => [...it].map(x => x)', L('Function', '函数'), L('Receives the partition\'s records as an iterable; returns an array or a generator.',
    '以可迭代对象接收分区中的记录；返回数组或生成器。')),
  'unknown', { fn: 'f', arg: 'records', returns: 'records' });

export const glom = defineOp({
  name: 'glom', category: 'transform',
  label: L('Glom', '分区合并 glom'),
  description: L('Each partition becomes one array record: shows how the records are partitioned.', '每个分区变成一条数组记录：显示记录如何分区。'),
  docUrl: docs.transformations,
  inputs: [{ port: 'in', kind: 'any' }], output: 'any', declaredKind: 'nonPair',
  params: {},
  build: (_p, [s]) => s.glom(),
  emit: { ts: (e) => e.assign(e.call('glom')), scala: (e) => e.assign(e.call('glom')), python: (e) => e.assign(e.call('glom')) },
});

export const repartition = defineOp({
  name: 'repartition', category: 'transform',
  label: L('Repartition', '重新分区 repartition'),
  description: L('Change the level of parallelism by creating more or fewer partitions (a shuffle).', '通过增减分区数改变并行度（会产生 shuffle）。'),
  docUrl: docs.transformations,
  inputs: [{ port: 'in', kind: 'any' }], output: 'any', declaredKind: 'sameAsInput',
  params: {
    numPartitions: intParam(L('Partitions', '分区数'), L('The new number of partitions.', '新的分区数。'), { default: 4, min: 1 }),
  },
  build: (p, [s]) => s.repartition(intOf(p.numPartitions)),
  emit: {
    ts: (e) => e.assign(e.call('repartition', e.lit(e.p.numPartitions))),
    scala: (e) => e.assign(e.call('repartition', e.lit(e.p.numPartitions))),
    python: (e) => e.assign(e.call('repartition', e.lit(e.p.numPartitions))),
  },
});

export const union = defineOp({
  name: 'union', category: 'transform',
  label: L('Union', '合并 union'),
  description: L('The union of the records of two DStreams with the same slide duration.', '两个滑动间隔相同的 DStream 的记录的并集。'),
  docUrl: docs.transformations,
  inputs: [{ port: 'in', kind: 'any', label: L('first', '第一个') }, { port: 'other', kind: 'any', label: L('other', '另一个') }],
  output: 'any', declaredKind: 'sameAsInput',
  params: {},
  build: (_p, [a, b]) => a.union(b),
  emit: {
    ts: (e) => e.assign(e.call('union', e.in[1])),
    scala: (e) => e.assign(e.call('union', e.in[1])),
    python: (e) => e.assign(e.call('union', e.in[1])),
  },
});

export const count = defineOp({
  name: 'count', category: 'transform',
  label: L('Count', '计数 count'),
  description: L('A DStream of single-element RDDs: the number of records in each batch.', '由单元素 RDD 组成的 DStream：每个批次的记录数。'),
  docUrl: docs.transformations,
  inputs: [{ port: 'in', kind: 'any' }], output: 'any', declaredKind: 'nonPair',
  params: {},
  build: (_p, [s]) => s.count(),
  emit: { ts: (e) => e.assign(e.call('count')), scala: (e) => e.assign(e.call('count')), python: (e) => e.assign(e.call('count')) },
});

export const countByValue = defineOp({
  name: 'countByValue', category: 'transform',
  label: L('Count by value', '按值计数 countByValue'),
  description: L('A pair DStream of (value, count): how often each distinct record occurs in the batch.',
    '由 (值, 次数) 组成的键值对 DStream：每个不同记录在批次中出现的次数。'),
  docUrl: docs.transformations,
  inputs: [{ port: 'in', kind: 'any' }], output: 'pair',
  params: { numPartitions: common.numPartitions() },
  build: (p, [s]) => (p.numPartitions !== undefined ? s.countByValue(optIntOf(p.numPartitions)) : s.countByValue()),
  emit: {
    ts: (e) => e.assign(e.call('countByValue', e.has('numPartitions') ? e.lit(e.p.numPartitions) : undefined)),
    scala: (e) => e.assign(e.call('countByValue', e.has('numPartitions') ? e.lit(e.p.numPartitions) : undefined)),
    python: (e) => e.assign(e.call('countByValue')),
  },
});

export const reduce = defineOp({
  name: 'reduce', category: 'transform',
  label: L('Reduce', '归约 reduce'),
  description: L('A DStream of single-element RDDs: all records of the batch combined with an associative, commutative function.',
    '由单元素 RDD 组成的 DStream：用满足结合律和交换律的函数合并批次中的所有记录。'),
  docUrl: docs.transformations,
  inputs: [{ port: 'in', kind: 'any' }], output: 'any', declaredKind: 'sameAsInput',
  params: { f: common.reduce() },
  build: (p, [s]) => s.reduce(fnSource(p.f)),
  emit: {
    ts: (e) => e.assign(e.call('reduce', e.fn('f'))),
    scala: (e) => e.assign(e.call('reduce', e.fn('f'))),
    python: (e) => e.assign(e.call('reduce', e.fn('f'))),
  },
});

export const transform = defineOp({
  name: 'transform', category: 'transform',
  label: L('Transform (RDD → RDD)', '任意 RDD 变换 transform'),
  description: L('Apply any RDD-to-RDD function to every batch (sortBy, join with a static RDD, ...). The function runs on the driver.',
    '对每个批次应用任意 RDD 到 RDD 的函数（sortBy、与静态 RDD 连接等）。该函数在驱动器上运行。'),
  docUrl: docs.transform,
  inputs: [{ port: 'in', kind: 'any' }], output: 'any', declaredKind: 'unknown',
  params: {
    f: fnParam('(rdd, time) => rdd', L('RDD function', 'RDD 函数'),
      L('(rdd, time) => rdd, called on the driver once per batch; the functions it passes to RDD operations are shipped to executors.',
        '(rdd, time) => rdd，每个批次在驱动器上调用一次；它传给 RDD 操作的函数会被发送到执行器。'),
      { runsOn: 'driver', presets: [{ label: L('top 10 by count', '按计数取前 10'), value: '(rdd) => rdd.sortBy(([k, v]) => v, false)' }] }),
  },
  build: (p, [s], ctx) => s.transform(ctx.driverFn(String(p.f))),
  emit: {
    ts: (e) => e.assign(e.call('transform', e.fn('f'))),
    scala: (e) => e.assign(e.call('transform', e.fn('f'))),
    python: (e) => e.assign(e.call('transform', e.fn('f'))),
  },
});

export const transformWith = defineOp({
  name: 'transformWith', category: 'transform',
  label: L('Transform with', '双流变换 transformWith'),
  description: L('Combine the RDDs of two DStreams of each batch with any function. The function runs on the driver.',
    '用任意函数合并两个 DStream 在每个批次中的 RDD。该函数在驱动器上运行。'),
  docUrl: docs.transform,
  inputs: [{ port: 'in', kind: 'any', label: L('first', '第一个') }, { port: 'other', kind: 'any', label: L('other', '另一个') }],
  output: 'any', declaredKind: 'unknown',
  params: {
    f: fnParam('(rdd1, rdd2, time) => rdd1.union(rdd2)', L('RDD function', 'RDD 函数'),
      L('(rdd1, rdd2, time) => rdd, called on the driver once per batch.', '(rdd1, rdd2, time) => rdd，每个批次在驱动器上调用一次。'),
      { runsOn: 'driver' }),
  },
  build: (p, [a, b], ctx) => a.transformWith(b, ctx.driverFn(String(p.f))),
  emit: {
    ts: (e) => e.assign(e.call('transformWith', e.in[1], e.fn('f'))),
    // transformWith is overloaded, so scalac cannot infer the function's parameter types: a helper takes the streams first
    scala: (e) => e.assign(`transformWithOf(${e.in[0]}, ${e.in[1]})(${e.fn('f')})`),
    python: (e) => e.assign(e.call('transformWith', e.fn('f'), e.in[1])),
  },
});

export const statelessOps = [map, flatMap, filter, glom, mapPartitions, repartition, union, count, countByValue, reduce, transform, transformWith];
