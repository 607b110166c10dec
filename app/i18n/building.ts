/** Strings of the building tools: duration fields, placing and connecting nodes, skip links. */
import type { AreaDicts } from './index';

const en: Record<string, string> = {
  'inspector.unitHint': 'Type the number in this unit. Changing the unit keeps the duration and rewrites the number (2 s = 2000 ms).',
  'inspector.durationUnset': 'not set',
  'inspector.inputFrom': 'Input from', 'inspector.inputFromPort': 'Input from ({port})', 'inspector.inputNone': '— not connected —',
  'skip.nav': 'Skip links', 'skip.canvas': 'Skip to the canvas', 'skip.inspector': 'Skip to the inspector', 'skip.palette': 'Skip to the operators',
};

const zh: Record<string, string> = {
  'inspector.unitHint': '按此单位输入数字。切换单位时时长不变，数字随之换算（2 s = 2000 ms）。',
  'inspector.durationUnset': '未设置',
  'inspector.inputFrom': '输入来自', 'inspector.inputFromPort': '输入来自（{port}）', 'inspector.inputNone': '— 未连接 —',
  'skip.nav': '跳转链接', 'skip.canvas': '跳到画布', 'skip.inspector': '跳到属性面板', 'skip.palette': '跳到算子列表',
};

export const building: AreaDicts = { en, 'zh-CN': zh };
