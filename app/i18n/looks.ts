import type { AreaDicts } from './index';

/** Words of the studio's layout: the canvas strip, the dock, dismissable warnings. */
const en: Record<string, string> = {
  'canvas.toolbar': 'Canvas tools',
};

const zh: Record<string, string> = {
  'canvas.toolbar': '画布工具',
};

export const looks: AreaDicts = { en, 'zh-CN': zh };
