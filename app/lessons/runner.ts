/**
 * The lesson runner: a pure state machine `(state, input) => state`. Inputs are engine events, graph snapshots,
 * UI signals (open panel, export), answers to the "predict, then run" questions, and navigation. A step is done
 * (and stays done) once its check holds and its question, if any, is answered; a question's true answer is revealed
 * once the step's check holds, measured from the run when the lesson says so.
 */
import type { EngineEvent, EngineEventType } from '../../engine/core/events';
import type { PipelineGraph } from '../../engine/graph/types';
import { eventTypesOf, isAll, isAny, isEventCheck, isGraphCheck, isUiCheck, type Check, type EventCheck, type ExportLang, type FilterValue, type GraphCheck, type Lesson, type LessonStep, type Measure, type Question } from './schema';

/** What the runner needs of the graph. */
export type GraphSnapshot = Pick<PipelineGraph, 'master' | 'batchDuration' | 'nodes' | 'edges'> & { conf?: Record<string, string> };

export interface UiSnapshot { panel?: string; exported: ExportLang[] }

export type Answer = { kind: 'choice'; index: number } | { kind: 'number'; value: number };

export interface RunnerState {
  lessonId: string;
  stepIndex: number;
  done: boolean[];
  answers: (Answer | undefined)[];
  /** The true answers of finished steps' questions (measured ones are kept: the run may be reset later). */
  truths: (number | undefined)[];
  /** Events of the types the lesson's checks and measures read, since the current run began (bounded). */
  log: EngineEvent[];
  /** Index in `log` where the current step began. */
  stepStart: number;
  graph: GraphSnapshot | null;
  ui: UiSnapshot;
  /** Event types worth keeping. */
  relevant: EngineEventType[];
  /** Per step: a batch ran (was submitted, or could not run) after the step's question was answered. */
  ranAfterAnswer: boolean[];
}

export type RunnerInput =
  | { kind: 'events'; events: EngineEvent[] }
  | { kind: 'runReset' }
  | { kind: 'graph'; graph: GraphSnapshot }
  | { kind: 'ui'; panel?: string; exported?: ExportLang }
  | { kind: 'answer'; answer: Answer }
  | { kind: 'next' }
  | { kind: 'prev' }
  | { kind: 'goto'; index: number };

export const LOG_LIMIT = 20_000;

export function initialRunner(lesson: Lesson): RunnerState {
  return {
    lessonId: lesson.id, stepIndex: 0,
    done: lesson.steps.map(() => false), answers: lesson.steps.map(() => undefined), truths: lesson.steps.map(() => undefined),
    log: [], stepStart: 0, graph: null, ui: { exported: [] },
    relevant: eventTypesOf(lesson),
    ranAfterAnswer: lesson.steps.map(() => false),
  };
}

/** Events that show a batch time came and went: the run has spoken. */
const BATCH_EVENTS: ReadonlySet<EngineEventType> = new Set<EngineEventType>(['batchSubmitted', 'batchCompleted', 'warning']);

const leafChecks = (c: Check | undefined): Check[] => (!c ? [] : isAll(c) ? c.all.flatMap(leafChecks) : isAny(c) ? c.any.flatMap(leafChecks) : [c]);

/**
 * Whether the step's question is judged by a run that comes after the answer: a prediction about a configuration
 * change (the step's check only looks at the graph, and nothing measured from the run answers it). Such an
 * answer is only judged once a batch has run, never on the change itself.
 */
export function judgedByRun(step: LessonStep): boolean {
  if (!step.predict || !step.check) return false;
  if (step.predict.kind === 'number' && step.predict.measure) return false;
  return leafChecks(step.check).every(isGraphCheck);
}

/**
 * Nodes whose live record counts would answer the current step's question before the learner has predicted (the
 * node a measured question reads): the canvas hides their count badges until the answer is locked in.
 */
export function answeringNodes(lesson: Lesson, s: RunnerState): string[] {
  const step = lesson.steps[s.stepIndex];
  const q = step?.predict;
  if (!q || q.kind !== 'number' || !q.measure || s.answers[s.stepIndex]) return [];
  const node = q.measure.nodeId;
  return typeof node === 'string' ? [node] : [];
}

// ---------------------------------------------------------------- evaluation (pure)

/** Reads a dotted path of an object. */
export function getPath(obj: unknown, path: string): unknown {
  let v: unknown = obj;
  for (const k of path.split('.')) { if (v === null || typeof v !== 'object') return undefined; v = (v as Record<string, unknown>)[k]; }
  return v;
}

export function matchValue(actual: unknown, want: FilterValue | unknown): boolean {
  if (want === null || typeof want !== 'object') return actual === want || (typeof want === 'number' && typeof actual === 'string' && actual === String(want)) || (typeof want === 'string' && typeof actual === 'number' && String(actual) === want);
  const w = want as Exclude<FilterValue, string | number | boolean>;
  const n = typeof actual === 'number' ? actual : Number.NaN;
  if (w.gt !== undefined && !(n > w.gt)) return false;
  if (w.gte !== undefined && !(n >= w.gte)) return false;
  if (w.lt !== undefined && !(n < w.lt)) return false;
  if (w.lte !== undefined && !(n <= w.lte)) return false;
  const s = typeof actual === 'string' ? actual : Array.isArray(actual) ? actual.join('\n') : actual === undefined ? undefined : String(actual);
  if (w.includes !== undefined && !(s !== undefined && s.includes(w.includes))) return false;
  if (w.matches !== undefined && !(s !== undefined && new RegExp(w.matches).test(s))) return false;
  return true;
}

const RESERVED = new Set(['event', 'count', 'since', 'value', 'agg']);

/** Whether `e` is an event of the check's type passing every filter. */
export function matchesEvent(c: EventCheck | Measure, e: EngineEvent): boolean {
  if (e.type !== c.event) return false;
  for (const [k, want] of Object.entries(c)) {
    if (RESERVED.has(k)) continue;
    if (!matchValue(getPath(e, k), want)) return false;
  }
  return true;
}

function scope(state: RunnerState, since: 'step' | 'run' | undefined): EngineEvent[] {
  return since === 'run' ? state.log : state.log.slice(state.stepStart);
}

export function countMatches(state: RunnerState, c: EventCheck): number {
  let n = 0;
  for (const e of scope(state, c.since)) if (matchesEvent(c, e)) n++;
  return n;
}

export function checkGraph(g: GraphSnapshot | null, c: GraphCheck): boolean {
  if (!g) return false;
  const opOf = new Map(g.nodes.map((n) => [n.id, n.op]));
  if (c.hasOp !== undefined && !g.nodes.some((n) => n.op === c.hasOp)) return false;
  if (c.hasEdge && !g.edges.some((e) => opOf.get(e.source) === c.hasEdge!.from && opOf.get(e.target) === c.hasEdge!.to)) return false;
  if (c.param && !g.nodes.some((n) => n.op === c.param!.op && n.params[c.param!.name] !== undefined && matchValue(n.params[c.param!.name], c.param!.is))) return false;
  if (c.master !== undefined && !matchValue(g.master, c.master)) return false;
  if (c.batchDuration !== undefined && !matchValue(g.batchDuration, c.batchDuration)) return false;
  if (c.conf && !matchValue(g.conf?.[c.conf.key], c.conf.is)) return false;
  if (c.minNodes !== undefined && g.nodes.length < c.minNodes) return false;
  return true;
}

export function evaluate(state: RunnerState, c: Check): boolean {
  if (isAll(c)) return c.all.every((x) => evaluate(state, x));
  if (isAny(c)) return c.any.some((x) => evaluate(state, x));
  if (isGraphCheck(c)) return checkGraph(state.graph, c.graph);
  if (isUiCheck(c)) {
    if (c.ui.panel !== undefined && state.ui.panel !== c.ui.panel) return false;
    if (c.ui.exported !== undefined && !state.ui.exported.includes(c.ui.exported)) return false;
    return true;
  }
  if (isEventCheck(c)) return countMatches(state, c) >= (c.count ?? 1);
  return false;
}

/** Progress of the leaves of a check, for the panel: [label-less] satisfied/total. */
export function checkProgress(state: RunnerState, c: Check): { met: number; total: number } {
  if (isAll(c) || isAny(c)) {
    const parts = (isAll(c) ? c.all : c.any).map((x) => checkProgress(state, x));
    return parts.reduce((a, b) => ({ met: a.met + b.met, total: a.total + b.total }), { met: 0, total: 0 });
  }
  if (isEventCheck(c) && (c.count ?? 1) > 1) return { met: Math.min(countMatches(state, c), c.count!), total: c.count! };
  return { met: evaluate(state, c) ? 1 : 0, total: 1 };
}

/** The measured value of a question's measure in the current step, or undefined when nothing was seen yet. */
export function measure(state: RunnerState, m: Measure): number | undefined {
  const vals: number[] = [];
  for (const e of scope(state, m.since)) {
    if (!matchesEvent(m, e)) continue;
    if (m.value === undefined) vals.push(1);
    else { const v = getPath(e, m.value); const n = Array.isArray(v) ? v.length : Number(v); if (Number.isFinite(n)) vals.push(n); }
  }
  const agg = m.agg ?? (m.value === undefined ? 'count' : 'last');
  if (agg === 'count') return vals.length;
  if (agg === 'sum') return vals.reduce((a, b) => a + b, 0);
  if (vals.length === 0) return undefined;
  if (agg === 'first') return vals[0];
  if (agg === 'last') return vals[vals.length - 1];
  return agg === 'max' ? Math.max(...vals) : Math.min(...vals);
}

/** The true answer of a question: the option index, or the measured (else given) number. */
export function trueAnswer(state: RunnerState, q: Question): number | undefined {
  if (q.kind === 'choice') return q.answer;
  if (q.measure) return measure(state, q.measure) ?? q.answer;
  return q.answer;
}

export function isCorrect(q: Question, a: Answer | undefined, truth: number | undefined): boolean | undefined {
  if (!a || truth === undefined) return undefined;
  if (q.kind === 'choice') return a.kind === 'choice' && a.index === truth;
  return a.kind === 'number' && Math.abs(a.value - truth) <= (q.tolerance ?? 0);
}

export interface StepStatus {
  /** The step's check holds now (or the step has no check). */
  checkMet: boolean;
  progress: { met: number; total: number };
  answered: boolean;
  /** The truth is shown once the check holds (predict first, then run). */
  revealed: boolean;
  truth?: number;
  correct?: boolean;
  done: boolean;
}

export function stepStatus(lesson: Lesson, state: RunnerState, index = state.stepIndex): StepStatus {
  const step = lesson.steps[index];
  const current = index === state.stepIndex;
  const checkMet = state.done[index] || !step.check || (current && evaluate(state, step.check));
  const progress = step.check ? (state.done[index] ? fullProgress(state, step.check) : current ? checkProgress(state, step.check) : { met: 0, total: 1 }) : { met: 0, total: 0 };
  const answer = state.answers[index];
  const revealed = !!step.predict && !!answer && checkMet && (!judgedByRun(step) || !!state.ranAfterAnswer[index]);
  const truth = step.predict && revealed ? (state.done[index] ? state.truths[index] : trueAnswer(state, step.predict)) : undefined;
  return {
    checkMet, progress, answered: !!answer, revealed, truth,
    correct: step.predict && revealed ? isCorrect(step.predict, answer, truth) : undefined,
    done: state.done[index],
  };
}

function fullProgress(state: RunnerState, c: Check): { met: number; total: number } {
  const p = checkProgress({ ...state, log: [], stepStart: 0 }, c);
  return { met: p.total, total: p.total };
}

function stepComplete(step: LessonStep, state: RunnerState, index: number): boolean {
  if (step.check && !evaluate(state, step.check)) return false;
  if (step.predict && !state.answers[index]) return false;
  return !!step.check || !!step.predict;   // a read step completes on "next"
}

/** Marks the current step done when it is complete (sticky). */
function settle(lesson: Lesson, s: RunnerState): RunnerState {
  const i = s.stepIndex;
  const step = lesson.steps[i];
  if (!step || s.done[i] || !stepComplete(step, s, i)) return s;
  const done = s.done.slice(); done[i] = true;
  const truths = s.truths.slice(); truths[i] = step.predict ? trueAnswer(s, step.predict) : undefined;
  return { ...s, done, truths };
}

function enter(lesson: Lesson, s: RunnerState, index: number): RunnerState {
  const i = Math.max(0, Math.min(lesson.steps.length - 1, index));
  if (i === s.stepIndex) return s;
  // Leaving a read step forward counts as reading it.
  let done = s.done;
  const cur = lesson.steps[s.stepIndex];
  if (i > s.stepIndex && !cur.check && !cur.predict && !done[s.stepIndex]) { done = done.slice(); done[s.stepIndex] = true; }
  return settle(lesson, { ...s, done, stepIndex: i, stepStart: s.log.length });
}

export function reduceRunner(lesson: Lesson, s: RunnerState, input: RunnerInput): RunnerState {
  switch (input.kind) {
    case 'events': {
      if (input.events.some((e) => BATCH_EVENTS.has(e.type)) && s.answers.some((a, j) => !!a && !s.ranAfterAnswer[j])) {
        s = { ...s, ranAfterAnswer: s.answers.map((a, j) => s.ranAfterAnswer[j] || !!a) };
      }
      const keep = input.events.filter((e) => s.relevant.includes(e.type));
      if (keep.length === 0) return s;
      let log = s.log.concat(keep);
      let stepStart = s.stepStart;
      if (log.length > LOG_LIMIT) { const drop = log.length - LOG_LIMIT; log = log.slice(drop); stepStart = Math.max(0, stepStart - drop); }
      return settle(lesson, { ...s, log, stepStart });
    }
    case 'runReset': return s.log.length === 0 ? s : { ...s, log: [], stepStart: 0 };
    case 'graph': {
      // A prediction about a configuration is judged by a run of the new configuration, not by one before it.
      const i = s.stepIndex;
      const step = lesson.steps[i];
      if (step && judgedByRun(step) && s.ranAfterAnswer[i] && !s.done[i]) { const r = s.ranAfterAnswer.slice(); r[i] = false; s = { ...s, ranAfterAnswer: r }; }
      return settle(lesson, { ...s, graph: input.graph });
    }
    case 'ui': {
      const exported = input.exported && !s.ui.exported.includes(input.exported) ? [...s.ui.exported, input.exported] : s.ui.exported;
      const panel = input.panel !== undefined ? input.panel : s.ui.panel;
      if (exported === s.ui.exported && panel === s.ui.panel) return s;
      return settle(lesson, { ...s, ui: { panel, exported } });
    }
    case 'answer': {
      if (!lesson.steps[s.stepIndex].predict) return s;
      const answers = s.answers.slice(); answers[s.stepIndex] = input.answer;
      const ranAfterAnswer = s.ranAfterAnswer.slice(); ranAfterAnswer[s.stepIndex] = false;
      return settle(lesson, { ...s, answers, ranAfterAnswer });
    }
    case 'next': return enter(lesson, s, s.stepIndex + 1);
    case 'prev': return enter(lesson, s, s.stepIndex - 1);
    case 'goto': return enter(lesson, s, input.index);
  }
}

/** Whether every step of the lesson is done. */
export function lessonComplete(lesson: Lesson, s: RunnerState): boolean {
  return lesson.steps.every((st, i) => s.done[i] || (!st.check && !st.predict && i === s.stepIndex && i === lesson.steps.length - 1));
}
