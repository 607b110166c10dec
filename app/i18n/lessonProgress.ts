/** Strings of the lesson panel's progress, reset, confirmation and late verdicts (the panel's own: ./lessons.ts). */
import type { AreaDicts } from './index';

const en: Record<string, string> = {
  'lessons.listDone': 'done',
  'lessons.listStarted': '{n} of {total, plural, one {# step} other {# steps}}',
  'lessons.resetAll': 'Reset progress',
  'lessons.resetAsk': 'Forget which steps of every lesson are done?',
  'lessons.cancel': 'Cancel',
  'lessons.replaceAsk': 'A pipeline is running. Opening the lesson stops it and replaces the canvas with the lesson\'s pipeline.',
  'lessons.replaceYes': 'Stop and open the lesson',
  'lessons.judgedByRun': 'Run a batch (Step) to see whether you were right.',
  'lessons.verdictOf': 'Your prediction in step {n}:',
  'lessons.presenterListKeys': '→ open the first unfinished lesson · Esc exit',
};

const zh: Record<string, string> = {
  'lessons.listDone': '已完成',
  'lessons.listStarted': '已完成 {n}/{total} 步',
  'lessons.resetAll': '重置进度',
  'lessons.resetAsk': '清除所有课程中已完成步骤的记录？',
  'lessons.cancel': '取消',
  'lessons.replaceAsk': '有流水线正在运行。打开课程会停止它，并用课程的流水线替换画布。',
  'lessons.replaceYes': '停止并打开课程',
  'lessons.judgedByRun': '运行一个批次（单步）看看你是否答对。',
  'lessons.verdictOf': '你在第 {n} 步的预测：',
  'lessons.presenterListKeys': '→ 打开第一个未完成的课程 · Esc 退出',
};

export const lessonProgress: AreaDicts = { en, 'zh-CN': zh };
