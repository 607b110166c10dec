/** Strings of the building tools: duration fields, placing and connecting nodes, skip links. */
import type { AreaDicts } from './index';

const en: Record<string, string> = {
  'inspector.unitHint': 'Type the number in this unit. Changing the unit keeps the duration and rewrites the number (2 s = 2000 ms).',
  'inspector.durationUnset': 'not set',
};

const zh: Record<string, string> = {
  'inspector.unitHint': '按此单位输入数字。切换单位时时长不变，数字随之换算（2 s = 2000 ms）。',
  'inspector.durationUnset': '未设置',
};

export const building: AreaDicts = { en, 'zh-CN': zh };
