import type { AreaDicts } from './index';

/** Words of the studio's layout: the canvas strip, the dock, dismissable warnings. */
const en: Record<string, string> = {
  'canvas.toolbar': 'Canvas tools',
  'panels.bpSummaryOff': 'Stream {id}: actual {actual} records/s (back-pressure off: no rate bound)',
  'panels.internalRowsNote': 'An "internal DStream" is one an operation creates for itself (a window\'s inner reduce, a state stream\'s snapshots); it has no node on the canvas, but Spark computes, caches and checkpoints it like the others.',
  'panels.faultTargetGone': 'Already gone: it was killed or crashed',
  'console.dismissNotice': 'Dismiss',
  'console.moreNotices': 'Show {n} more',
  'console.fewerNotices': 'Show fewer',
  'panels.execResources': '{cores, plural, one {# core} other {# cores}} · {mib} MiB',
  'panels.execSlots': '{n, plural, one {# slot} other {# slots}}',
  'panels.driverState.down': 'not started',
  'panels.driverState.up': 'running',
  'panels.driverState.crashed': 'crashed',
  'panels.driverState.stopped': 'stopped',
};

const zh: Record<string, string> = {
  'canvas.toolbar': '画布工具',
  'panels.bpSummaryOff': '流 {id}：实际 {actual} 条/秒（背压未开启：没有速率上限）',
  'panels.internalRowsNote': '"内部 DStream"是某个操作为自身创建的 DStream（例如窗口内部的归约、状态流的快照）；画布上没有对应的节点，但 Spark 会像其他 DStream 一样计算、缓存并检查点它。',
  'panels.faultTargetGone': '已不存在：它已被终止或崩溃',
  'console.dismissNotice': '关闭',
  'console.moreNotices': '再显示 {n} 条',
  'console.fewerNotices': '收起',
  'panels.execResources': '{cores} 个核 · {mib} MiB',
  'panels.execSlots': '{n} 个槽位',
  'panels.driverState.down': '未启动',
  'panels.driverState.up': '运行中',
  'panels.driverState.crashed': '已崩溃',
  'panels.driverState.stopped': '已停止',
};

export const looks: AreaDicts = { en, 'zh-CN': zh };
