/** Stateful transformations across batches (the guide's updateStateByKey; PairDStreamFunctions.mapWithState). Both need checkpointing. */
import { common, defineOp, docs, durationParam, fnParam, fnSource, intOf, localized as L, pairs, presets } from '../opSpec';
import { errors } from '../../core/errors';
import { comment } from '../emit';

export const updateStateByKey = defineOp({
  name: 'updateStateByKey', category: 'state',
  label: L('Update state by key', '按键更新状态 updateStateByKey'),
  description: L('Keeps a state per key across batches: every batch, the function gets the key\'s new values and its previous state (an Option) and returns the new state (None removes the key).',
    '跨批次为每个键保存状态：每个批次，函数得到该键的新值和之前的状态（Option），返回新状态（None 表示删除该键）。'),
  docUrl: docs.updateStateByKey,
  inputs: [{ port: 'in', kind: 'pair' }], output: 'pair',
  params: {
    update: fnParam(presets.runningSum.value, L('Update function', '更新函数'),
      L('(values, state) => Option: values is the list of this batch\'s values for the key, state the previous Option.',
        '(values, state) => Option：values 是该键在本批次的值列表，state 是之前的 Option 状态。'),
      { presets: [presets.runningSum] }),
    numPartitions: common.numPartitions(),
  },
  flags: { stateful: true, needsCheckpoint: true },
  build: (p, [s]) => (p.numPartitions !== undefined ? pairs(s).updateStateByKey(fnSource(p.update), intOf(p.numPartitions)) : pairs(s).updateStateByKey(fnSource(p.update))),
  emit: {
    ts: (e) => e.assign(e.call('updateStateByKey', e.fn('update'), e.has('numPartitions') ? e.lit(e.p.numPartitions) : undefined)),
    scala: (e) => e.assign(e.call('updateStateByKey', e.fn('update'), e.has('numPartitions') ? e.lit(e.p.numPartitions) : undefined)),
    python: (e) => e.assign(e.call('updateStateByKey', e.fn('update'), e.has('numPartitions') ? e.lit(e.p.numPartitions) : undefined)),
  },
});

const MAPPING_DEFAULT = '(word, one, state) => { const sum = one.getOrElse(0) + state.getOption().getOrElse(0); state.update(sum); return [word, sum]; }';

export const mapWithState = defineOp({
  name: 'mapWithState', category: 'state',
  label: L('Map with state', '带状态映射 mapWithState'),
  description: L('Per-key state updated only for the keys of the batch (and timed-out keys): (key, value Option, state) => mapped record. StateSpec.function(f).timeout(d).numPartitions(n).',
    '只为本批次出现的键（以及超时的键）更新状态：(键, 值 Option, 状态) => 映射后的记录。StateSpec.function(f).timeout(d).numPartitions(n)。'),
  docUrl: docs.mapWithState,
  inputs: [{ port: 'in', kind: 'pair' }], output: 'any', declaredKind: 'unknown', kindFrom: { fn: 'mappingFunction', arg: 'none', returns: 'record' },
  params: {
    mappingFunction: fnParam(MAPPING_DEFAULT, L('Mapping function', '映射函数'),
      L('(key, value, state) => record; state has exists(), get(), getOption(), update(s), remove(), isTimingOut().',
        '(键, 值, 状态) => 记录；状态有 exists()、get()、getOption()、update(s)、remove()、isTimingOut()。'),
      { presets: [{ label: L('running count', '累计计数'), value: MAPPING_DEFAULT }] }),
    timeout: durationParam(L('Timeout', '超时'),
      L('Keys idle for this long time out (the function is called once more with isTimingOut() true). Empty: never.',
        '空闲超过该时长的键会超时（函数会再被调用一次，isTimingOut() 为 true）。留空则永不超时。'),
      { optional: true }),
    numPartitions: common.numPartitions(),
  },
  flags: { stateful: true, needsCheckpoint: true },
  build: (p, [s], ctx) => {
    let spec = ctx.api.StateSpec.function(fnSource(p.mappingFunction));
    if (p.timeout !== undefined) spec = spec.timeout(ctx.duration(Number(p.timeout)));
    if (p.numPartitions !== undefined) spec = spec.numPartitions(intOf(p.numPartitions));
    return pairs(s).mapWithState(spec);
  },
  emit: {
    ts: (e) => e.assign(e.call('mapWithState', stateSpec(e.fn('mappingFunction'), e.has('timeout') ? e.dur('timeout') : undefined,
      e.has('numPartitions') ? e.lit(e.p.numPartitions) : undefined))),
    scala: (e) => e.assign(e.call('mapWithState', stateSpec(e.fn('mappingFunction'), e.has('timeout') ? e.dur('timeout') : undefined,
      e.has('numPartitions') ? e.lit(e.p.numPartitions) : undefined))),
    python: (e) => `${comment('python', `TODO: PySpark has no mapWithState; rewrite with updateStateByKey. Original (TypeScript):\n${String(e.p.mappingFunction)}`)}\n`
      + e.assign(e.call('updateStateByKey', 'lambda values, state: state')),
  },
});

function stateSpec(fn: string, timeout?: string, numPartitions?: string): string {
  return `StateSpec.function(${fn})${timeout ? `.timeout(${timeout})` : ''}${numPartitions ? `.numPartitions(${numPartitions})` : ''}`;
}

export const stateOps = [updateStateByKey, mapWithState];
