/**
 * The lesson document (public/lessons/<id>.json) and its validator. A lesson is a pipeline (a gallery example or an
 * inline graph) plus guided steps; each step has short text in en and zh-CN, an action for the learner, a check that
 * the action happened (a small declarative language over the engine's event stream, the graph and the studio's UI)
 * and optionally a "predict, then run" question. Pure: no React, no store, no fetch.
 */
import { preview } from '../../engine/graph/schema';
import type { EngineEvent, EngineEventType, EventOf, FaultKind } from '../../engine/core/events';
import type { PipelineGraph } from '../../engine/graph/types';
import { getOp } from '../../engine/graph/registry';

export const LESSON_VERSION = 1 as const;
export type L10n = { en: string; 'zh-CN': string };

// ---------------------------------------------------------------- the check language

/** A filter value: equality, or a comparison. */
export type FilterValue = string | number | boolean | { gt?: number; gte?: number; lt?: number; lte?: number; includes?: string; matches?: string };

/**
 * An event check: at least `count` (default 1) events of type `event` since the step began (or since the run began,
 * `since: "run"`). Every other key filters on a field of the event (dotted paths: "batchInfo.numRecords").
 *   { "event": "batchCompleted", "count": 3 }
 *   { "event": "faultInjected", "fault": "killExecutor" }
 *   { "event": "clusterStep", "index": 5 }
 *   { "event": "warning", "message": { "includes": "every task slot is held by a receiver" } }
 */
export interface EventCheck { event: EngineEventType; count?: number; since?: 'step' | 'run'; [field: string]: unknown }

/** A graph check: every given property must hold on the current graph. */
export interface GraphCheck {
  hasOp?: string;
  /** An edge from a node of op `from` to a node of op `to` (ops, not node ids: the learner names nodes). */
  hasEdge?: { from: string; to: string };
  /** A node of op `op` whose param `name` passes `is` (with defaults NOT filled in: the learner must set it). */
  param?: { op: string; name: string; is: FilterValue };
  master?: FilterValue;
  batchDuration?: FilterValue;
  conf?: { key: string; is: FilterValue };
  /** Nodes in the graph, at least. */
  minNodes?: number;
}

/** A studio UI check: a dock panel is open, or the code export was opened in a language. */
export interface UiCheck { panel?: string; exported?: ExportLang }
export type ExportLang = 'ts' | 'scala' | 'python';

export type Check =
  | EventCheck
  | { graph: GraphCheck }
  | { ui: UiCheck }
  | { all: Check[] }
  | { any: Check[] };

export const isAll = (c: Check): c is { all: Check[] } => Array.isArray((c as { all?: unknown }).all);
export const isAny = (c: Check): c is { any: Check[] } => Array.isArray((c as { any?: unknown }).any);
export const isGraphCheck = (c: Check): c is { graph: GraphCheck } => typeof (c as { event?: unknown }).event !== 'string' && !!(c as { graph?: unknown }).graph;
export const isUiCheck = (c: Check): c is { ui: UiCheck } => typeof (c as { event?: unknown }).event !== 'string' && !!(c as { ui?: unknown }).ui;
export const isEventCheck = (c: Check): c is EventCheck => typeof (c as { event?: unknown }).event === 'string';

/** A value read from the run: `agg` over field `value` (or over the number of events when `value` is absent). */
export interface Measure { event: EngineEventType; value?: string; agg?: 'first' | 'last' | 'sum' | 'count' | 'max' | 'min'; since?: 'step' | 'run'; [field: string]: unknown }

// ---------------------------------------------------------------- lessons

export type PipelineRef = { example: string } | { graph: PipelineGraph };

export type ActionKind =
  | 'read' | 'run' | 'step' | 'pause' | 'stop' | 'connect' | 'addNode' | 'setParam' | 'setMaster'
  | 'injectFault' | 'openPanel' | 'export';
export const ACTION_KINDS: readonly ActionKind[] = ['read', 'run', 'step', 'pause', 'stop', 'connect', 'addNode', 'setParam', 'setMaster', 'injectFault', 'openPanel', 'export'];

export interface ChoiceQuestion { kind: 'choice'; prompt: L10n; options: L10n[]; answer: number; explain: L10n }
/** The answer is measured from the run (`measure`) or given (`answer`); `tolerance` is absolute. */
export interface NumberQuestion { kind: 'number'; prompt: L10n; answer?: number; measure?: Measure; tolerance?: number; explain: L10n }
export type Question = ChoiceQuestion | NumberQuestion;

export interface LessonStep {
  id: string;
  title: L10n;
  text: L10n;
  action: { kind: ActionKind; hint: L10n; fault?: FaultKind; panel?: string };
  /** Absent for `read` steps: they pass when the learner goes on. */
  check?: Check;
  predict?: Question;
  /** Load this pipeline when the step is entered (the lesson's own pipeline is loaded when it starts). */
  pipeline?: PipelineRef;
  /** Open this dock panel when the step is entered. */
  panel?: string;
}

export interface Lesson {
  version: typeof LESSON_VERSION;
  id: string;
  order: number;
  title: L10n;
  summary: L10n;
  pipeline: PipelineRef;
  steps: LessonStep[];
}

export interface LessonIndexEntry { id: string; file: string; order: number; title: L10n }
export interface LessonIndex { version: typeof LESSON_VERSION; lessons: LessonIndexEntry[] }

// ---------------------------------------------------------------- what the checks may refer to

type FieldsOf<T extends EngineEventType> = readonly (Exclude<keyof EventOf<T>, 'type'> & string)[];
/**
 * Every event type of engine/core/events.ts with the fields a check may filter on. Typed against the EngineEvent
 * union, so a new event type or a renamed field fails the type check here.
 */
export const EVENT_FIELDS: { [K in EngineEventType]: FieldsOf<K> } = {
  applicationStart: ['time', 'appName', 'appId', 'master', 'sparkUser'],
  applicationEnd: ['time'],
  executorAdded: ['time', 'executorId', 'host', 'cores', 'memoryMiB'],
  executorRemoved: ['time', 'executorId', 'reason'],
  clusterStep: ['time', 'step', 'index', 'detail', 'executorId', 'host', 'cores', 'memoryMiB', 'restart'],
  jobStart: ['time', 'jobId', 'stageIds', 'description', 'batchTime', 'outputOpId'],
  jobEnd: ['time', 'jobId', 'result', 'error', 'taskFailures'],
  stageSubmitted: ['time', 'stageId', 'attemptId', 'name', 'numTasks', 'rddIds', 'rddChain', 'parentStageIds', 'isShuffleMap', 'jobId', 'rddInfos'],
  stageCompleted: ['time', 'stageId', 'attemptId', 'failureReason'],
  taskStart: ['time', 'taskId', 'stageId', 'stageAttemptId', 'partition', 'attempt', 'executorId', 'slot', 'speculative'],
  taskEnd: ['time', 'taskId', 'stageId', 'stageAttemptId', 'partition', 'attempt', 'executorId', 'slot', 'speculative', 'reason', 'failureReason', 'metrics'],
  blockUpdated: ['time', 'executorId', 'blockId', 'storageLevel', 'memSize', 'diskSize', 'records', 'rddId', 'partition', 'streamId'],
  dstreamGraph: ['time', 'batchDurationMs', 'dstreams'],
  streamingStarted: ['time', 'batchDurationMs', 'zeroTime', 'blockIntervalMs'],
  batchSubmitted: ['time', 'batchInfo'],
  batchStarted: ['time', 'batchInfo'],
  batchCompleted: ['time', 'batchInfo'],
  outputOperationStarted: ['time', 'outputOperationInfo'],
  outputOperationCompleted: ['time', 'outputOperationInfo'],
  receiverStarted: ['time', 'receiverInfo'],
  receiverError: ['time', 'receiverInfo'],
  receiverStopped: ['time', 'receiverInfo'],
  streamingStopped: ['time'],
  recordsSample: ['time', 'batchTime', 'dstreamId', 'nodeId', 'count', 'records'],
  blockReceived: ['time', 'streamId', 'blockId', 'records', 'executorId', 'replicatedTo', 'wal'],
  checkpointWritten: ['time', 'checkpointTime', 'kind', 'path', 'dstreamId'],
  contextRecovered: ['time', 'checkpointTime', 'path', 'timesToReschedule', 'restartTime', 'skipped'],
  walWritten: ['time', 'streamId', 'blockId', 'records'],
  rateUpdated: ['time', 'streamId', 'rate'],
  faultInjected: ['time', 'fault', 'target', 'detail', 'delayMs'],
  blocksLost: ['time', 'executorId', 'blocks'],
  stdout: ['time', 'text'],
  warning: ['time', 'code', 'message'],
  noJobsAdded: ['time', 'batchTime'],
  outputWritten: ['time', 'path', 'batchTime', 'files'],
};
export const EVENT_TYPES = Object.keys(EVENT_FIELDS) as EngineEventType[];
export const FAULT_KINDS: readonly FaultKind[] = ['killExecutor', 'crashReceiver', 'failNextTask', 'slowTask', 'loseBlock', 'crashDriver'];
/** The dock panels' ids (app/panels/index.ts) plus the console. */
export const PANEL_IDS = ['cluster', 'stats', 'timeline', 'lineage', 'tasks', 'windows', 'state', 'preview', 'backpressure', 'console'] as const;
export const EXPORT_LANGS: readonly ExportLang[] = ['ts', 'scala', 'python'];

/** Keys of an event check / measure that are not field filters. */
const EVENT_RESERVED = new Set(['event', 'count', 'since']);
const MEASURE_RESERVED = new Set(['event', 'value', 'agg', 'since']);
const FILTER_OPS = new Set(['gt', 'gte', 'lt', 'lte', 'includes', 'matches']);

// ---------------------------------------------------------------- validation

export type Validated<T> = { ok: true; value: T } | { ok: false; issues: string[] };

/** Options: which gallery example files exist (the test and the loader pass the real list). */
export interface ValidateOptions { examples?: readonly string[] }

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const CJK = /[\u3400-\u9fff]/;

/** A top-level key as a path: bare when it is an identifier, quoted (and cut) otherwise, so "" or " " stay visible. */
const keyPath = (k: string): string => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : `[${JSON.stringify(k.length > 40 ? `${k.slice(0, 40)}…` : k)}]`);

class Issues {
  list: string[] = [];
  add(path: string, msg: string) { this.list.push(`${path}: ${msg}`); }
}

function l10n(v: unknown, path: string, out: Issues): void {
  if (!isObj(v)) { out.add(path, 'expected { "en": "...", "zh-CN": "..." }'); return; }
  for (const k of Object.keys(v)) if (k !== 'en' && k !== 'zh-CN') out.add(`${path}.${k}`, 'unknown language (en and zh-CN only)');
  for (const lang of ['en', 'zh-CN'] as const) {
    const s = v[lang];
    if (typeof s !== 'string' || s.trim() === '') out.add(`${path}.${lang}`, 'missing text');
  }
  // Chinese text, unless the string is code or a name that reads the same in both languages.
  if (typeof v['zh-CN'] === 'string' && v['zh-CN'].trim() && v['zh-CN'] !== v.en && !CJK.test(v['zh-CN'])) out.add(`${path}.zh-CN`, `not Chinese text: "${v['zh-CN'].slice(0, 40)}"`);
}

function filterValue(v: unknown, path: string, out: Issues): void {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return;
  if (!isObj(v) || Object.keys(v).length === 0) { out.add(path, 'expected a string, number, boolean or { gt|gte|lt|lte|includes|matches }'); return; }
  for (const [k, x] of Object.entries(v)) {
    if (!FILTER_OPS.has(k)) out.add(`${path}.${k}`, `unknown comparison (one of ${[...FILTER_OPS].join(', ')})`);
    else if ((k === 'includes' || k === 'matches') ? typeof x !== 'string' : typeof x !== 'number') out.add(`${path}.${k}`, `expected a ${k === 'includes' || k === 'matches' ? 'string' : 'number'}`);
    if (k === 'matches' && typeof x === 'string') { try { new RegExp(x); } catch { out.add(`${path}.${k}`, 'not a valid regular expression'); } }
  }
}

function eventFilters(c: Record<string, unknown>, reserved: Set<string>, path: string, out: Issues): void {
  const type = c.event;
  if (typeof type !== 'string' || !(type in EVENT_FIELDS)) { out.add(`${path}.event`, `unknown event type ${preview(type)} (see engine/core/events.ts)`); return; }
  const fields = EVENT_FIELDS[type as EngineEventType] as readonly string[];
  for (const [k, v] of Object.entries(c)) {
    if (reserved.has(k)) continue;
    const head = k.split('.')[0];
    if (!fields.includes(head)) { out.add(`${path}.${k}`, `"${type}" events have no field "${head}" (fields: ${fields.join(', ')})`); continue; }
    filterValue(v, `${path}.${k}`, out);
    if (type === 'faultInjected' && k === 'fault' && !FAULT_KINDS.includes(v as FaultKind)) out.add(`${path}.fault`, `unknown fault ${preview(v)} (one of ${FAULT_KINDS.join(', ')})`);
    if (type === 'clusterStep' && k === 'index' && !(typeof v === 'number' && v >= 1 && v <= 5)) out.add(`${path}.index`, 'start-up steps are numbered 1 to 5');
  }
  if (c.since !== undefined && c.since !== 'step' && c.since !== 'run') out.add(`${path}.since`, 'expected "step" or "run"');
}

function opName(v: unknown, path: string, out: Issues): void {
  if (typeof v !== 'string' || !getOp(v)) out.add(path, `unknown op ${preview(v)} (see engine/graph/registry.ts)`);
}

export function validateCheck(c: unknown, path: string, out: Issues): void {
  if (!isObj(c)) { out.add(path, 'expected a check object'); return; }
  if ('all' in c || 'any' in c) {
    const k = 'all' in c ? 'all' : 'any';
    const list = c[k];
    if (!Array.isArray(list) || list.length === 0) { out.add(`${path}.${k}`, 'expected a non-empty list of checks'); return; }
    if (Object.keys(c).length !== 1) out.add(path, `"${k}" stands alone in its object`);
    list.forEach((x, i) => validateCheck(x, `${path}.${k}[${i}]`, out));
    return;
  }
  if ('graph' in c) {
    const g = c.graph;
    if (!isObj(g) || Object.keys(g).length === 0) { out.add(`${path}.graph`, 'expected a graph check'); return; }
    for (const [k, v] of Object.entries(g)) {
      if (k === 'hasOp') opName(v, `${path}.graph.hasOp`, out);
      else if (k === 'hasEdge') {
        if (!isObj(v)) out.add(`${path}.graph.hasEdge`, 'expected { from, to }');
        else { opName(v.from, `${path}.graph.hasEdge.from`, out); opName(v.to, `${path}.graph.hasEdge.to`, out); }
      } else if (k === 'param') {
        if (!isObj(v)) { out.add(`${path}.graph.param`, 'expected { op, name, is }'); continue; }
        opName(v.op, `${path}.graph.param.op`, out);
        const op = typeof v.op === 'string' ? getOp(v.op) : undefined;
        if (op && (typeof v.name !== 'string' || !(v.name in op.params))) out.add(`${path}.graph.param.name`, `op "${op.name}" has no param ${preview(v.name)} (params: ${Object.keys(op.params).join(', ')})`);
        filterValue(v.is, `${path}.graph.param.is`, out);
      } else if (k === 'master' || k === 'batchDuration') filterValue(v, `${path}.graph.${k}`, out);
      else if (k === 'conf') {
        if (!isObj(v) || typeof v.key !== 'string') out.add(`${path}.graph.conf`, 'expected { key, is }');
        else filterValue(v.is, `${path}.graph.conf.is`, out);
      } else if (k === 'minNodes') { if (typeof v !== 'number') out.add(`${path}.graph.minNodes`, 'expected a number'); }
      else out.add(`${path}.graph.${k}`, 'unknown graph check (hasOp, hasEdge, param, master, batchDuration, conf, minNodes)');
    }
    return;
  }
  if ('ui' in c) {
    const u = c.ui;
    if (!isObj(u) || Object.keys(u).length === 0) { out.add(`${path}.ui`, 'expected { panel } or { exported }'); return; }
    for (const [k, v] of Object.entries(u)) {
      if (k === 'panel') { if (!PANEL_IDS.includes(v as never)) out.add(`${path}.ui.panel`, `unknown panel ${preview(v)} (one of ${PANEL_IDS.join(', ')})`); }
      else if (k === 'exported') { if (!EXPORT_LANGS.includes(v as ExportLang)) out.add(`${path}.ui.exported`, `expected one of ${EXPORT_LANGS.join(', ')}`); }
      else out.add(`${path}.ui.${k}`, 'unknown UI check (panel, exported)');
    }
    return;
  }
  if ('event' in c) {
    eventFilters(c, EVENT_RESERVED, path, out);
    if (c.count !== undefined && !(typeof c.count === 'number' && Number.isInteger(c.count) && c.count >= 1)) out.add(`${path}.count`, 'expected a positive integer');
    return;
  }
  out.add(path, 'a check is one of { event, ... }, { graph }, { ui }, { all }, { any }');
}

function validateMeasure(m: unknown, path: string, out: Issues): void {
  if (!isObj(m)) { out.add(path, 'expected { event, value?, agg?, ...filters }'); return; }
  eventFilters(m, MEASURE_RESERVED, path, out);
  if (m.agg !== undefined && !['first', 'last', 'sum', 'count', 'max', 'min'].includes(m.agg as string)) out.add(`${path}.agg`, 'expected first, last, sum, count, max or min');
  if (m.value !== undefined) {
    const fields = typeof m.event === 'string' && m.event in EVENT_FIELDS ? EVENT_FIELDS[m.event as EngineEventType] as readonly string[] : [];
    if (typeof m.value !== 'string' || !fields.includes(m.value.split('.')[0])) out.add(`${path}.value`, `not a field of "${String(m.event)}" events`);
  }
}

function validateQuestion(q: unknown, path: string, out: Issues): void {
  if (!isObj(q)) { out.add(path, 'expected a question'); return; }
  l10n(q.prompt, `${path}.prompt`, out);
  l10n(q.explain, `${path}.explain`, out);
  if (q.kind === 'choice') {
    if (!Array.isArray(q.options) || q.options.length < 2) out.add(`${path}.options`, 'expected at least two options');
    else q.options.forEach((o, i) => l10n(o, `${path}.options[${i}]`, out));
    if (!(typeof q.answer === 'number' && Number.isInteger(q.answer) && Array.isArray(q.options) && q.answer >= 0 && q.answer < q.options.length)) out.add(`${path}.answer`, 'expected the index of the right option');
  } else if (q.kind === 'number') {
    if (q.answer === undefined && q.measure === undefined) out.add(path, 'a number question needs an answer or a measure');
    if (q.answer !== undefined && typeof q.answer !== 'number') out.add(`${path}.answer`, 'expected a number');
    if (q.tolerance !== undefined && !(typeof q.tolerance === 'number' && q.tolerance >= 0)) out.add(`${path}.tolerance`, 'expected a number ≥ 0');
    if (q.measure !== undefined) validateMeasure(q.measure, `${path}.measure`, out);
  } else out.add(`${path}.kind`, 'expected "choice" or "number"');
}

function validatePipelineRef(p: unknown, path: string, out: Issues, opts: ValidateOptions): void {
  if (!isObj(p)) { out.add(path, 'expected { "example": "<file>.json" } or { "graph": {...} }'); return; }
  if ('example' in p) {
    if (typeof p.example !== 'string' || !/^[\w.-]+\.json$/.test(p.example)) out.add(`${path}.example`, 'expected a file name like "hashtags.json"');
    else if (opts.examples && !opts.examples.includes(p.example)) out.add(`${path}.example`, `no gallery example "${p.example}" in public/examples`);
  } else if ('graph' in p) {
    const g = p.graph;
    if (!isObj(g) || !Array.isArray(g.nodes)) { out.add(`${path}.graph`, 'expected a pipeline graph'); return; }
    (g.nodes as unknown[]).forEach((n, i) => { if (isObj(n)) opName(n.op, `${path}.graph.nodes[${i}].op`, out); });
    // The full document check (parsePipeline) runs in the loader and in the tests; here only the ops are checked.
  } else out.add(path, 'expected { "example": ... } or { "graph": ... }');
}

export function validateLesson(doc: unknown, opts: ValidateOptions = {}): Validated<Lesson> {
  const out = new Issues();
  if (!isObj(doc)) return { ok: false, issues: ['lesson: expected a JSON object'] };
  if (doc.version !== LESSON_VERSION) out.add('version', `expected ${LESSON_VERSION}`);
  if (typeof doc.id !== 'string' || !/^[a-z0-9-]+$/.test(doc.id)) out.add('id', 'expected a lower-case id like "fault-tolerance"');
  if (typeof doc.order !== 'number') out.add('order', 'expected a number');
  l10n(doc.title, 'title', out);
  l10n(doc.summary, 'summary', out);
  validatePipelineRef(doc.pipeline, 'pipeline', out, opts);
  if (!Array.isArray(doc.steps) || doc.steps.length === 0) out.add('steps', 'expected a non-empty list of steps');
  else {
    const ids = new Set<string>();
    doc.steps.forEach((s, i) => {
      const p = `steps[${i}]`;
      if (!isObj(s)) { out.add(p, 'expected a step object'); return; }
      if (typeof s.id !== 'string' || !s.id) out.add(`${p}.id`, 'expected an id');
      else if (ids.has(s.id)) out.add(`${p}.id`, `duplicate step id "${s.id}"`); else ids.add(s.id);
      l10n(s.title, `${p}.title`, out);
      l10n(s.text, `${p}.text`, out);
      const a = s.action;
      if (!isObj(a)) out.add(`${p}.action`, 'expected { kind, hint }');
      else {
        if (!ACTION_KINDS.includes(a.kind as ActionKind)) out.add(`${p}.action.kind`, `unknown action ${preview(a.kind)} (one of ${ACTION_KINDS.join(', ')})`);
        l10n(a.hint, `${p}.action.hint`, out);
        if (a.fault !== undefined && !FAULT_KINDS.includes(a.fault as FaultKind)) out.add(`${p}.action.fault`, `unknown fault ${preview(a.fault)}`);
        if (a.panel !== undefined && !PANEL_IDS.includes(a.panel as never)) out.add(`${p}.action.panel`, `unknown panel ${preview(a.panel)}`);
        if (a.kind !== 'read' && s.check === undefined) out.add(`${p}.check`, `a "${String(a.kind)}" step needs a check that the action happened`);
      }
      if (s.check !== undefined) validateCheck(s.check, `${p}.check`, out);
      if (s.predict !== undefined) validateQuestion(s.predict, `${p}.predict`, out);
      if (s.pipeline !== undefined) validatePipelineRef(s.pipeline, `${p}.pipeline`, out, opts);
      if (s.panel !== undefined && !PANEL_IDS.includes(s.panel as never)) out.add(`${p}.panel`, `unknown panel ${preview(s.panel)}`);
    });
  }
  const known = new Set(['version', 'id', 'order', 'title', 'summary', 'pipeline', 'steps']);
  for (const k of Object.keys(doc)) if (!known.has(k)) out.add(keyPath(k), 'unknown key');
  return out.list.length ? { ok: false, issues: out.list } : { ok: true, value: checked<Lesson>(doc) };
}

export function validateIndex(doc: unknown): Validated<LessonIndex> {
  const out = new Issues();
  if (!isObj(doc)) return { ok: false, issues: ['index: expected a JSON object'] };
  if (doc.version !== LESSON_VERSION) out.add('version', `expected ${LESSON_VERSION}`);
  if (!Array.isArray(doc.lessons) || doc.lessons.length === 0) out.add('lessons', 'expected a non-empty list');
  else doc.lessons.forEach((e, i) => {
    if (!isObj(e)) { out.add(`lessons[${i}]`, 'expected { id, file, order, title }'); return; }
    if (typeof e.id !== 'string') out.add(`lessons[${i}].id`, 'expected a string');
    if (typeof e.file !== 'string' || !/^[\w.-]+\.json$/.test(e.file)) out.add(`lessons[${i}].file`, 'expected a file name like "architecture.json"');
    if (typeof e.order !== 'number') out.add(`lessons[${i}].order`, 'expected a number');
    l10n(e.title, `lessons[${i}].title`, out);
  });
  return out.list.length ? { ok: false, issues: out.list } : { ok: true, value: checked<LessonIndex>(doc) };
}

/** Every L10n string of a lesson, with its path (for the language tests). */
export function lessonStrings(lesson: Lesson): { path: string; text: L10n }[] {
  const out: { path: string; text: L10n }[] = [];
  const walk = (v: unknown, path: string) => {
    if (isObj(v) && typeof v.en === 'string' && 'zh-CN' in v) { out.push({ path, text: v as L10n }); return; }
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (isObj(v)) for (const [k, x] of Object.entries(v)) { if (k !== 'pipeline') walk(x, path ? `${path}.${k}` : k); }
  };
  walk(lesson, '');
  return out;
}

/** Every event check / measure of a lesson (for tests). */
export function eventTypesOf(lesson: Lesson): EngineEventType[] {
  const types = new Set<EngineEventType>();
  const walk = (c: Check | undefined) => {
    if (!c) return;
    if (isAll(c)) c.all.forEach(walk); else if (isAny(c)) c.any.forEach(walk);
    else if (isEventCheck(c)) types.add(c.event);
  };
  for (const s of lesson.steps) {
    walk(s.check);
    if (s.predict?.kind === 'number' && s.predict.measure) types.add(s.predict.measure.event);
  }
  return [...types];
}

export type { EngineEvent };

/** A document every rule above has accepted, as the type those rules describe. */
function checked<T>(doc: unknown): T {
  return doc as T;
}
