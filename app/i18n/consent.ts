/** Consent before code and safe mode after a crash. */
import type { AreaDicts } from './index';

const en: Record<string, string> = {
  'consent.title': 'Run the functions of this pipeline?',
  'consent.text': '"{name}" came from a file, a link, a paste, an import or a visit that crashed. Nothing of it has run yet. Pressing Run runs {n, plural, one {this function} other {these # functions}} in the engine; read {n, plural, one {it first} other {them first}}.',
  'consent.list': 'Functions the pipeline will run',
  'consent.default': 'default',
  'consent.acceptOne': 'Run this function',
  'consent.accept': '{n, plural, one {Run this function} other {Run these # functions}}',
  'consent.decline': 'Not now',
  'consent.openedUntrusted': '"{name}" is open. Its functions run only after you read and confirm them at Run.',
  'safe.title': 'Safe mode',
  'safe.text': 'The last visit ended while "{name}" was running (the tab crashed or froze). The graph is shown and nothing runs. Your other saved pipelines are intact.',
  'safe.disable': 'Open with functions disabled',
  'safe.disableHint': 'Opens a copy in which every function is the operator\'s stock one (code and transform pass their input through); the original stays saved, unchanged.',
  'safe.runAnyway': 'Run anyway…',
  'safe.dismiss': 'Dismiss',
  'safe.disabledName': '{name} (functions disabled)',
  'safe.disabledOpened': 'Opened a copy of "{name}" with stock functions; the original is still in Pipelines.',
  'edge.notPair': 'This edge carries records that are not (key, value) pairs into a pair input',
};

const zh: Record<string, string> = {
  'consent.title': '运行此流水线中的函数？',
  'consent.text': '“{name}”来自文件、链接、粘贴、导入或一次崩溃的访问，其中的代码尚未运行。点击“运行”将在引擎中执行下列 {n} 个函数，请先阅读。',
  'consent.list': '流水线将运行的函数',
  'consent.default': '默认',
  'consent.acceptOne': '运行这个函数',
  'consent.accept': '运行这 {n} 个函数',
  'consent.decline': '暂不运行',
  'consent.openedUntrusted': '“{name}”已打开。只有在点击“运行”并确认其函数后，它们才会执行。',
  'safe.title': '安全模式',
  'safe.text': '上次访问在“{name}”运行时结束（标签页崩溃或卡死）。现在只显示流程图，不运行任何内容。其他已保存的流水线完好无损。',
  'safe.disable': '禁用函数后打开',
  'safe.disableHint': '打开一个副本，其中每个函数都换成算子的默认函数（code 和 transform 原样传递输入）；原流水线保持不变。',
  'safe.runAnyway': '仍然运行…',
  'safe.dismiss': '关闭',
  'safe.disabledName': '{name}（已禁用函数）',
  'safe.disabledOpened': '已打开“{name}”使用默认函数的副本；原流水线仍在“流水线”列表中。',
  'edge.notPair': '这条边把不是（键, 值）对的记录送入了需要键值对的输入',
};

export const consent: AreaDicts = { en, 'zh-CN': zh };
