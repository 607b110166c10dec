/** Pair DStream operations (PairDStreamFunctions): records are [key, value] tuples. */
import type { Localized, ParamSpec } from '../types';
import type { DeclaredKind, OpSpec } from '../opSpec';
import { common, defineOp, docs, fnSource, fnParam, intOf, localized as L, pairs, presets } from '../opSpec';
import type { EmitContext } from '../emit';

const np = (e: EmitContext) => (e.has('numPartitions') ? e.lit(e.p.numPartitions) : undefined);
const same = (f: (e: EmitContext) => string) => ({ ts: f, scala: f, python: f });

export const groupByKey = defineOp({
  name: 'groupByKey', category: 'pair',
  label: L('Group by key', '按键分组 groupByKey'),
  description: L('(K, V) pairs → (K, CompactBuffer of V) per batch.', '每个批次把 (K, V) 键值对变为 (K, V 的 CompactBuffer)。'),
  docUrl: docs.transformations,
  inputs: [{ port: 'in', kind: 'pair' }], output: 'pair',
  params: { numPartitions: common.numPartitions() },
  build: (p, [s]) => (p.numPartitions !== undefined ? pairs(s).groupByKey(intOf(p.numPartitions)) : pairs(s).groupByKey()),
  emit: same((e) => e.assign(e.call('groupByKey', np(e)))),
});

export const reduceByKey = defineOp({
  name: 'reduceByKey', category: 'pair',
  label: L('Reduce by key', '按键归约 reduceByKey'),
  description: L('(K, V) pairs → (K, V) where the values of each key are combined with the reduce function.',
    '把 (K, V) 键值对中每个键的值用归约函数合并，得到 (K, V)。'),
  docUrl: docs.transformations,
  inputs: [{ port: 'in', kind: 'pair' }], output: 'pair',
  params: { reduce: common.reduce(), numPartitions: common.numPartitions() },
  build: (p, [s]) => (p.numPartitions !== undefined ? pairs(s).reduceByKey(fnSource(p.reduce), intOf(p.numPartitions)) : pairs(s).reduceByKey(fnSource(p.reduce))),
  emit: same((e) => e.assign(e.call('reduceByKey', e.fn('reduce'), np(e)))),
});

export const combineByKey = defineOp({
  name: 'combineByKey', category: 'pair',
  label: L('Combine by key', '按键组合 combineByKey'),
  description: L('The general per-key aggregation: create a combiner from the first value, merge values into it, merge combiners across partitions.',
    '通用的按键聚合：用第一个值创建组合器，把值合并进组合器，再跨分区合并组合器。'),
  docUrl: docs.transformations,
  inputs: [{ port: 'in', kind: 'pair' }], output: 'pair',
  params: {
    createCombiner: fnParam('v => [v, 1]', L('Create combiner', '创建组合器'), L('v => combiner, for the first value of a key in a partition.', 'v => 组合器，用于分区内某个键的第一个值。')),
    mergeValue: fnParam('(c, v) => [c[0] + v, c[1] + 1]', L('Merge value', '合并值'), L('(combiner, v) => combiner.', '(组合器, v) => 组合器。')),
    mergeCombiners: fnParam('(a, b) => [a[0] + b[0], a[1] + b[1]]', L('Merge combiners', '合并组合器'), L('(combiner, combiner) => combiner.', '(组合器, 组合器) => 组合器。')),
    numPartitions: common.numPartitions(),
  },
  build: (p, [s]) => (p.numPartitions !== undefined
    ? pairs(s).combineByKey(fnSource(p.createCombiner), fnSource(p.mergeValue), fnSource(p.mergeCombiners), intOf(p.numPartitions))
    : pairs(s).combineByKey(fnSource(p.createCombiner), fnSource(p.mergeValue), fnSource(p.mergeCombiners))),
  emit: {
    ts: (e) => e.assign(e.call('combineByKey', e.fn('createCombiner'), e.fn('mergeValue'), e.fn('mergeCombiners'), np(e))),
    scala: (e) => e.assign(e.call('combineByKey', e.fn('createCombiner'), e.fn('mergeValue'), e.fn('mergeCombiners'),
      `new HashPartitioner(${np(e) ?? `${e.ssc}.sparkContext.defaultParallelism`})`)),
    python: (e) => e.assign(e.call('combineByKey', e.fn('createCombiner'), e.fn('mergeValue'), e.fn('mergeCombiners'), np(e))),
  },
});

function valuesOp(name: 'mapValues' | 'flatMapValues', label: Localized, description: Localized, f: ParamSpec): OpSpec {
  return defineOp({
    name, category: 'pair', label, description, docUrl: docs.transformations,
    inputs: [{ port: 'in', kind: 'pair' }], output: 'pair',
    params: { f },
    build: (p, [s]) => pairs(s)[name](fnSource(p.f)),
    emit: same((e) => e.assign(e.call(name, e.fn('f')))),
  });
}

export const mapValues = valuesOp('mapValues',
  L('Map values', '映射值 mapValues'),
  L('Apply a function to the value of each pair, keeping the key (and the partitioning).', '对每个键值对的值应用函数，保留键（以及分区方式）。'),
  fnParam('v => v * 2', L('Function', '函数'), L('Applied to every value.', '作用于每个值。'), { presets: [presets.identity] }));

export const flatMapValues = valuesOp('flatMapValues',
  L('Flat map values', '扁平映射值 flatMapValues'),
  L('Map each value to 0 or more values, each paired with the original key.', '把每个值映射为 0 个或多个值，每个都与原来的键配对。'),
  fnParam("v => String(v).split(' ')", L('Function', '函数'), L('Returns a list of values for every value.', '为每个值返回一个值列表。'), { returnsIterable: true }));

type JoinName = 'join' | 'leftOuterJoin' | 'rightOuterJoin' | 'fullOuterJoin' | 'cogroup';

function joinOp(name: JoinName, label: Localized, description: Localized): OpSpec {
  return defineOp({
    name, category: 'pair', label, description, docUrl: docs.join,
    inputs: [{ port: 'left', kind: 'pair', label: L('left', '左') }, { port: 'right', kind: 'pair', label: L('right', '右') }],
    output: 'pair',
    params: { numPartitions: common.numPartitions() },
    build: (p, [a, b]) => (p.numPartitions !== undefined ? pairs(a)[name](pairs(b), intOf(p.numPartitions)) : pairs(a)[name](pairs(b))),
    emit: same((e) => e.assign(e.call(name, e.in[1], np(e)))),
  });
}

export const join = joinOp('join', L('Join', '连接 join'),
  L('(K, V) and (K, W) → (K, (V, W)) for every key present in both streams in the batch.', '(K, V) 与 (K, W) → (K, (V, W))，对批次中两个流都有的每个键。'));
export const leftOuterJoin = joinOp('leftOuterJoin', L('Left outer join', '左外连接 leftOuterJoin'),
  L('(K, V) and (K, W) → (K, (V, Option W)): every key of the left stream.', '(K, V) 与 (K, W) → (K, (V, Option W))：左侧流的每个键。'));
export const rightOuterJoin = joinOp('rightOuterJoin', L('Right outer join', '右外连接 rightOuterJoin'),
  L('(K, V) and (K, W) → (K, (Option V, W)): every key of the right stream.', '(K, V) 与 (K, W) → (K, (Option V, W))：右侧流的每个键。'));
export const fullOuterJoin = joinOp('fullOuterJoin', L('Full outer join', '全外连接 fullOuterJoin'),
  L('(K, V) and (K, W) → (K, (Option V, Option W)): every key of either stream.', '(K, V) 与 (K, W) → (K, (Option V, Option W))：任一流的每个键。'));
export const cogroup = joinOp('cogroup', L('Cogroup', '协同分组 cogroup'),
  L('(K, V) and (K, W) → (K, (CompactBuffer V, CompactBuffer W)).', '(K, V) 与 (K, W) → (K, (V 的 CompactBuffer, W 的 CompactBuffer))。'));

export const pairOps = [groupByKey, reduceByKey, combineByKey, mapValues, flatMapValues, join, leftOuterJoin, rightOuterJoin, fullOuterJoin, cogroup];
