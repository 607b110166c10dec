/** Window operations (the guide's "Window Operations"). Window and slide must be multiples of the parent's slide. */
import { common, defineOp, docs, fnParam, fnSource, intOf, localized as L, optIntOf, pairs } from '../opSpec';
import type { DStream, BuildContext } from '../opSpec';
import type { EmitContext } from '../emit';

const d = (ctx: BuildContext, ms: unknown) => ctx.duration(Number(ms));
/** The slide param as a Duration, or the parent's slide when empty (Spark's default). */
const slideOf = (p: Record<string, unknown>, s: DStream, ctx: BuildContext) => (p.slide !== undefined ? d(ctx, p.slide) : s.slideDuration);
const np = (e: EmitContext) => (e.has('numPartitions') ? e.lit(e.p.numPartitions) : undefined);
/** The slide literal; when empty, the parent's slide (`s.slideDuration`, Python `s._slideDuration`). */
const slideLit = (e: EmitContext) => (e.has('slide') ? e.dur('slide') : e.lang === 'python' ? `${e.in[0]}._slideDuration` : `${e.in[0]}.slideDuration`);
const hasInverse = (p: Record<string, unknown>) => typeof p.inverse === 'string' && p.inverse.trim() !== '';

export const window = defineOp({
  name: 'window', category: 'window',
  label: L('Window', '窗口 window'),
  description: L('Every `slide`, an RDD of all records of the last `window` (both durations are set below, in s or ms).',
    '每隔“滑动间隔”产生一个 RDD，包含最近“窗口长度”内的全部记录（两个时长在下方设置，单位为 s 或 ms）。'),
  docUrl: docs.window,
  inputs: [{ port: 'in', kind: 'any' }], output: 'any', declaredKind: 'sameAsInput',
  params: { window: common.window(), slide: common.slide() },
  flags: { windowed: true },
  build: (p, [s], ctx) => (p.slide !== undefined ? s.window(d(ctx, p.window), d(ctx, p.slide)) : s.window(d(ctx, p.window))),
  emit: {
    ts: (e) => e.assign(e.call('window', e.dur('window'), e.has('slide') ? e.dur('slide') : undefined)),
    scala: (e) => e.assign(e.call('window', e.dur('window'), e.has('slide') ? e.dur('slide') : undefined)),
    python: (e) => e.assign(e.call('window', e.dur('window'), e.has('slide') ? e.dur('slide') : undefined)),
  },
});

export const countByWindow = defineOp({
  name: 'countByWindow', category: 'window',
  label: L('Count by window', '窗口计数 countByWindow'),
  description: L('The number of records in a sliding window (incremental: needs checkpointing).', '滑动窗口中的记录数（增量计算：需要检查点）。'),
  docUrl: docs.window,
  inputs: [{ port: 'in', kind: 'any' }], output: 'any', declaredKind: 'nonPair',
  params: { window: common.window(), slide: common.slide() },
  flags: { windowed: true, needsCheckpoint: true },
  build: (p, [s], ctx) => s.countByWindow(d(ctx, p.window), slideOf(p, s, ctx)),
  emit: {
    ts: (e) => e.assign(e.call('countByWindow', e.dur('window'), slideLit(e))),
    scala: (e) => e.assign(e.call('countByWindow', e.dur('window'), slideLit(e))),
    python: (e) => e.assign(e.call('countByWindow', e.dur('window'), slideLit(e))),
  },
});

export const reduceByWindow = defineOp({
  name: 'reduceByWindow', category: 'window',
  label: L('Reduce by window', '窗口归约 reduceByWindow'),
  description: L('All records of a sliding window reduced to one; with an inverse function the window is updated incrementally.',
    '把滑动窗口中的全部记录归约为一个；提供逆函数时窗口按增量更新。'),
  docUrl: docs.window,
  inputs: [{ port: 'in', kind: 'any' }], output: 'any', declaredKind: 'sameAsInput',
  params: { reduce: common.reduce(), inverse: common.inverse(), window: common.window(), slide: common.slide() },
  flags: { windowed: true, needsCheckpoint: hasInverse },
  build: (p, [s], ctx) => (hasInverse(p)
    ? s.reduceByWindow(fnSource(p.reduce), fnSource(p.inverse), d(ctx, p.window), slideOf(p, s, ctx))
    : s.reduceByWindow(fnSource(p.reduce), d(ctx, p.window), slideOf(p, s, ctx))),
  emit: {
    ts: (e) => e.assign(hasInverse(e.p)
      ? e.call('reduceByWindow', e.fn('reduce'), e.fn('inverse'), e.dur('window'), slideLit(e))
      : e.call('reduceByWindow', e.fn('reduce'), e.dur('window'), slideLit(e))),
    scala: (e) => e.assign(hasInverse(e.p)
      ? e.call('reduceByWindow', e.fn('reduce'), e.fn('inverse'), e.dur('window'), slideLit(e))
      : e.call('reduceByWindow', e.fn('reduce'), e.dur('window'), slideLit(e))),
    python: (e) => e.assign(e.call('reduceByWindow', e.fn('reduce'), hasInverse(e.p) ? e.fn('inverse') : 'None', e.dur('window'), slideLit(e))),
  },
});

export const countByValueAndWindow = defineOp({
  name: 'countByValueAndWindow', category: 'window',
  label: L('Count by value and window', '窗口内按值计数 countByValueAndWindow'),
  description: L('(value, count) of each distinct record in a sliding window (incremental: needs checkpointing).',
    '滑动窗口中每个不同记录的 (值, 次数)（增量计算：需要检查点）。'),
  docUrl: docs.window,
  inputs: [{ port: 'in', kind: 'any' }], output: 'pair',
  params: { window: common.window(), slide: common.slide(), numPartitions: common.numPartitions() },
  flags: { windowed: true, needsCheckpoint: true },
  build: (p, [s], ctx) => (p.numPartitions !== undefined
    ? s.countByValueAndWindow(d(ctx, p.window), slideOf(p, s, ctx), intOf(p.numPartitions))
    : s.countByValueAndWindow(d(ctx, p.window), slideOf(p, s, ctx))),
  emit: {
    ts: (e) => e.assign(e.call('countByValueAndWindow', e.dur('window'), slideLit(e), np(e))),
    scala: (e) => e.assign(e.call('countByValueAndWindow', e.dur('window'), slideLit(e), np(e))),
    python: (e) => e.assign(e.call('countByValueAndWindow', e.dur('window'), slideLit(e), np(e))),
  },
});

export const groupByKeyAndWindow = defineOp({
  name: 'groupByKeyAndWindow', category: 'window',
  label: L('Group by key and window', '窗口内按键分组 groupByKeyAndWindow'),
  description: L('(K, CompactBuffer of V) over a sliding window.', '滑动窗口上的 (K, V 的 CompactBuffer)。'),
  docUrl: docs.window,
  inputs: [{ port: 'in', kind: 'pair' }], output: 'pair',
  params: { window: common.window(), slide: common.slide(), numPartitions: common.numPartitions() },
  flags: { windowed: true },
  build: (p, [s], ctx) => (p.numPartitions !== undefined
    ? pairs(s).groupByKeyAndWindow(d(ctx, p.window), slideOf(p, s, ctx), intOf(p.numPartitions))
    : p.slide !== undefined ? pairs(s).groupByKeyAndWindow(d(ctx, p.window), d(ctx, p.slide)) : pairs(s).groupByKeyAndWindow(d(ctx, p.window))),
  emit: {
    ts: (e) => e.assign(e.call('groupByKeyAndWindow', e.dur('window'), e.has('slide') || e.has('numPartitions') ? slideLit(e) : undefined, np(e))),
    scala: (e) => e.assign(e.call('groupByKeyAndWindow', e.dur('window'), e.has('slide') || e.has('numPartitions') ? slideLit(e) : undefined, np(e))),
    python: (e) => e.assign(e.call('groupByKeyAndWindow', e.dur('window'), slideLit(e), np(e))),
  },
});

export const reduceByKeyAndWindow = defineOp({
  name: 'reduceByKeyAndWindow', category: 'window',
  label: L('Reduce by key and window', '窗口内按键归约 reduceByKeyAndWindow'),
  description: L('reduceByKey over a sliding window. With an inverse function the window is updated incrementally (add the new batch, subtract the old one): needs checkpointing; filterFunc drops keys (e.g. count 0).',
    '滑动窗口上的 reduceByKey。提供逆函数时窗口按增量更新（加上新批次、减去旧批次）：需要检查点；filterFunc 可去掉键（例如计数为 0 的键）。'),
  docUrl: docs.window,
  inputs: [{ port: 'in', kind: 'pair' }], output: 'pair',
  params: {
    reduce: common.reduce(), inverse: common.inverse(), window: common.window(), slide: common.slide(),
    numPartitions: common.numPartitions(),
    filterFunc: fnParam(null, L('Filter', '过滤函数'),
      L('Optional ([k, v]) => boolean keeping only some keys after each incremental update (only with an inverse function).',
        '可选的 ([k, v]) => boolean，每次增量更新后只保留部分键（仅在提供逆函数时使用）。'),
      { optional: true, presets: [{ label: L('drop zero counts', '去掉计数为 0 的键'), value: '([k, v]) => v > 0' }] }),
  },
  flags: { windowed: true, needsCheckpoint: hasInverse },
  validate(p, ctx) {
    if (typeof p.filterFunc === 'string' && p.filterFunc.trim() !== '' && !hasInverse(p)) {
      return [{ nodeId: ctx.node.id, param: 'filterFunc', severity: 'error',
        message: 'reduceByKeyAndWindow: filterFunc is only used together with an inverse reduce function' }];
    }
    return [];
  },
  build: (p, [s], ctx) => {
    if (hasInverse(p)) {
      const filter = typeof p.filterFunc === 'string' && p.filterFunc.trim() !== '' ? p.filterFunc : undefined;
      const [reduce, inverse, window, slide] = [fnSource(p.reduce), fnSource(p.inverse), d(ctx, p.window), slideOf(p, s, ctx)];
      if (filter !== undefined) return pairs(s).reduceByKeyAndWindow(reduce, inverse, window, slide, optIntOf(p.numPartitions), filter);
      if (p.numPartitions !== undefined) return pairs(s).reduceByKeyAndWindow(reduce, inverse, window, slide, intOf(p.numPartitions));
      return pairs(s).reduceByKeyAndWindow(reduce, inverse, window, slide);
    }
    const reduce = fnSource(p.reduce);
    if (p.numPartitions !== undefined) return pairs(s).reduceByKeyAndWindow(reduce, d(ctx, p.window), slideOf(p, s, ctx), intOf(p.numPartitions));
    return p.slide !== undefined ? pairs(s).reduceByKeyAndWindow(reduce, d(ctx, p.window), d(ctx, p.slide)) : pairs(s).reduceByKeyAndWindow(reduce, d(ctx, p.window));
  },
  emit: {
    ts: (e) => e.assign(emitRbkw(e)),
    scala: (e) => {
      if (hasInverse(e.p) && e.has('filterFunc') && !e.has('numPartitions')) {
        return e.assign(e.call('reduceByKeyAndWindow', e.fn('reduce'), e.fn('inverse'), e.dur('window'), slideLit(e),
          `${e.ssc}.sparkContext.defaultParallelism`, e.fn('filterFunc')));
      }
      return e.assign(emitRbkw(e));
    },
    python: (e) => e.assign(e.call('reduceByKeyAndWindow', e.fn('reduce'), hasInverse(e.p) ? e.fn('inverse') : 'None',
      e.dur('window'), e.has('slide') || e.has('numPartitions') || e.has('filterFunc') ? slideLit(e) : undefined,
      e.has('numPartitions') ? np(e) : e.has('filterFunc') ? 'None' : undefined,
      e.has('filterFunc') ? e.fn('filterFunc') : undefined)),
  },
});

function emitRbkw(e: EmitContext): string {
  if (hasInverse(e.p)) {
    return e.call('reduceByKeyAndWindow', e.fn('reduce'), e.fn('inverse'), e.dur('window'), slideLit(e),
      np(e), e.has('filterFunc') ? e.fn('filterFunc') : undefined);
  }
  return e.call('reduceByKeyAndWindow', e.fn('reduce'), e.dur('window'),
    e.has('slide') || e.has('numPartitions') ? slideLit(e) : undefined, np(e));
}

export const windowOps = [window, countByWindow, reduceByWindow, countByValueAndWindow, groupByKeyAndWindow, reduceByKeyAndWindow];
