/**
 * Guided fault mode: a pure state machine that narrates, step by step, what Spark does to recover from an
 * injected fault. A `faultInjected` event opens a narration (its steps depend on the fault and, for a lost
 * block, on whether the write-ahead log is on); each later event may complete steps. Steps are translated
 * at render time (keys `sim.guide.<fault>.<step>` in app/i18n/sim.ts with the narration's vars), so the
 * state stays plain data: it replays, clones and is tested in Node on real event sequences.
 */
import type { EngineEvent, FaultKind } from '../../engine/core/events';

export type StepStatus = 'pending' | 'done' | 'skipped';

export interface NarrationStep {
  /** i18n key suffix: sim.guide.<fault>.<id>. */
  id: string;
  status: StepStatus;
  /** Optional steps happen only in some runs (a receiver on the killed executor, a running task lost). */
  optional: boolean;
  /** Engine time the step was seen. */
  time?: number;
}

export interface Narration {
  seq: number;
  fault: FaultKind;
  target: string;
  startedAt: number;
  /** Values the steps' text interpolates (executor id, stage, partition, checkpoint time, ...). */
  vars: Record<string, string | number>;
  steps: NarrationStep[];
  complete: boolean;
  /** Set when recovery did not happen (a job aborted): the i18n key suffix of the explanation. */
  aborted?: string;
}

export interface GuideState {
  enabled: boolean;
  /** Whether received blocks are written ahead (the last blockReceived said so). */
  wal: boolean;
  active: Narration | null;
  /** Finished narrations, newest last (at most 5). */
  history: Narration[];
  seq: number;
}

export const initialGuide = (enabled = false): GuideState => ({ enabled, wal: false, active: null, history: [], seq: 0 });

type Ctx = { n: Narration; done: (id: string) => boolean };
interface StepDef {
  id: string;
  optional?: boolean;
  /** Required earlier steps: the step matches only once they are done. */
  after?: string[];
  /** Returns vars to merge when the event completes the step, true, or false/undefined. */
  match: (e: EngineEvent, c: Ctx) => boolean | Record<string, string | number> | undefined;
}

const failedReasons = new Set(['ExceptionFailure', 'FetchFailed', 'ExecutorLostFailure']);
const isFault = (e: EngineEvent, c: Ctx) => e.type === 'faultInjected' && e.fault === c.n.fault;

/**
 * When recovery fails instead: a failed job after the fault (local[N] does not retry tasks:
 * spark.task.maxFailures is 1 there; or the retries ran out). Returns the explanation's key suffix.
 */
function abortOf(n: Narration, e: EngineEvent): string | undefined {
  if (e.type !== 'jobEnd' || e.result !== 'JobFailed') return undefined;
  return n.fault === 'failNextTask' && e.taskFailures === 1 ? 'abortedLocal' : 'aborted';
}

/** The recovery story of each fault, in the order Spark tells it. */
export function stepsFor(fault: FaultKind, opts: { wal: boolean }): StepDef[] {
  switch (fault) {
    case 'killExecutor': return [
      { id: 'killed', match: isFault },
      { id: 'removed', match: (e, c) => e.type === 'executorRemoved' && e.executorId === c.n.target },
      { id: 'tasksLost', optional: true, match: (e) => e.type === 'taskEnd' && (e.reason === 'ExecutorLostFailure' || e.reason === 'FetchFailed') && { stage: e.stageId, partition: e.partition } },
      { id: 'blocksLost', optional: true, match: (e, c) => e.type === 'blocksLost' && e.executorId === c.n.target && { blocks: e.blocks.length } },
      { id: 'receiverMoved', optional: true, match: (e, c) => e.type === 'receiverStarted' && e.receiverInfo.executorId !== c.n.target && { executor: e.receiverInfo.executorId } },
      { id: 'resubmitted', optional: true, after: ['removed'], match: (e) => (e.type === 'stageSubmitted' && e.attemptId > 0 && { stage: e.stageId, attempt: e.attemptId }) || (e.type === 'taskStart' && e.attempt > 0 && { stage: e.stageId, attempt: e.attempt }) },
      { id: 'replacement', after: ['removed'], match: (e, c) => e.type === 'executorAdded' && e.executorId !== c.n.target && { replacement: e.executorId } },
      { id: 'batchDone', after: ['removed'], match: (e) => e.type === 'batchCompleted' && { batch: e.batchInfo.batchTime } },
    ];
    case 'crashReceiver': return [
      { id: 'crashed', match: isFault },
      { id: 'error', match: (e, c) => e.type === 'receiverError' && String(e.receiverInfo.streamId) === c.n.target },
      { id: 'stopped', match: (e, c) => e.type === 'receiverStopped' && String(e.receiverInfo.streamId) === c.n.target },
      // The tracker waits spark.streaming.receiverRestartDelay before starting the receiver again: the wait is over when it starts.
      { id: 'restartDelay', after: ['stopped'], match: (e, c) => e.type === 'receiverStarted' && String(e.receiverInfo.streamId) === c.n.target },
      { id: 'started', after: ['stopped'], match: (e, c) => e.type === 'receiverStarted' && String(e.receiverInfo.streamId) === c.n.target && { executor: e.receiverInfo.executorId } },
      { id: 'batchDone', after: ['started'], match: (e) => e.type === 'batchCompleted' && { batch: e.batchInfo.batchTime } },
    ];
    case 'failNextTask': return [
      { id: 'armed', match: isFault },
      { id: 'failed', match: (e) => e.type === 'taskEnd' && failedReasons.has(e.reason) && { stage: e.stageId, partition: e.partition, executor: e.executorId } },
      { id: 'retry', after: ['failed'], match: (e, c) => e.type === 'taskStart' && e.attempt > 0 && e.stageId === c.n.vars.stage && e.partition === c.n.vars.partition && { attempt: e.attempt, retryExecutor: e.executorId } },
      { id: 'success', after: ['failed'], match: (e, c) => e.type === 'taskEnd' && e.reason === 'Success' && e.attempt > 0 && e.stageId === c.n.vars.stage && e.partition === c.n.vars.partition },
      { id: 'batchDone', after: ['success'], match: (e) => e.type === 'batchCompleted' && { batch: e.batchInfo.batchTime } },
    ];
    case 'slowTask': return [
      { id: 'armed', match: isFault },
      { id: 'straggler', match: (e, c) => e.type === 'taskEnd' && e.metrics.durationMs >= Number(c.n.vars.ms || 0) && { stage: e.stageId, partition: e.partition, duration: Math.round(e.metrics.durationMs) } },
      { id: 'speculative', optional: true, match: (e) => e.type === 'taskStart' && e.speculative && { stage: e.stageId, partition: e.partition } },
      { id: 'batchDone', after: ['straggler'], match: (e) => e.type === 'batchCompleted' && { batch: e.batchInfo.batchTime } },
    ];
    case 'crashDriver': return [
      { id: 'crashed', match: isFault },
      { id: 'stopped', match: (e) => e.type === 'streamingStopped' || e.type === 'applicationEnd' },
      { id: 'newDriver', after: ['stopped'], match: (e) => e.type === 'clusterStep' && e.index === 1 && e.restart === true },
      { id: 'executors', optional: true, after: ['newDriver'], match: (e) => (e.type === 'clusterStep' && e.index === 4) || e.type === 'executorAdded' },
      { id: 'recovered', after: ['newDriver'], match: (e) => e.type === 'contextRecovered' && { checkpoint: e.checkpointTime, rerun: e.timesToReschedule.length, first: e.timesToReschedule[0] ?? e.restartTime, restart: e.restartTime } },
      { id: 'rerun', after: ['recovered'], match: (e) => e.type === 'batchCompleted' && { batch: e.batchInfo.batchTime } },
    ];
    case 'loseBlock': return opts.wal ? [
      { id: 'lost', match: isFault },
      { id: 'walReread', match: (e) => (e.type === 'stageSubmitted' && e.rddInfos.some((r) => r.className === 'WriteAheadLogBackedBlockRDD')) },
      { id: 'batchDone', after: ['walReread'], match: (e) => e.type === 'batchCompleted' && { batch: e.batchInfo.batchTime } },
    ] : [
      { id: 'lost', match: isFault },
      { id: 'noWal', match: (e) => e.type === 'blocksLost' || (e.type === 'taskEnd' && e.reason !== 'Success') || e.type === 'stageSubmitted' },
      { id: 'batchDone', after: ['noWal'], match: (e) => e.type === 'batchCompleted' && { batch: e.batchInfo.batchTime } },
    ];
  }
}

const MAX_HISTORY = 5;

function open(s: GuideState, e: Extract<EngineEvent, { type: 'faultInjected' }>): GuideState {
  const seq = s.seq + 1;
  const vars: Record<string, string | number> = { target: e.target };
  if (e.fault === 'slowTask') vars.ms = e.delayMs ?? 0;
  const defs = stepsFor(e.fault, { wal: s.wal });
  const n: Narration = { seq, fault: e.fault, target: e.target, startedAt: e.time, vars, complete: false,
    steps: defs.map((d) => ({ id: d.id, status: 'pending', optional: !!d.optional })) };
  const history = s.active ? [...s.history, { ...s.active, steps: closeSteps(s.active.steps) }].slice(-MAX_HISTORY) : s.history;
  return advance({ ...s, seq, history, active: n }, e);
}

const closeSteps = (steps: NarrationStep[]) => steps.map((st) => (st.status === 'pending' ? { ...st, status: 'skipped' as const } : st));

function advance(s: GuideState, e: EngineEvent): GuideState {
  const n = s.active;
  if (!n || n.complete) return s;
  const aborted = abortOf(n, e);
  if (aborted) return { ...s, active: { ...n, complete: true, aborted, vars: { ...n.vars, error: (e as { error?: string }).error ?? '' }, steps: closeSteps(n.steps) } };
  const defs = stepsFor(n.fault, { wal: n.steps.some((st) => st.id === 'walReread') });
  let steps = n.steps;
  let vars = n.vars;
  let changed = false;
  const done = (id: string) => steps.some((st) => st.id === id && st.status === 'done');
  for (let i = 0; i < defs.length; i++) {
    if (steps[i].status !== 'pending') continue;
    const d = defs[i];
    if (d.after && !d.after.every(done)) continue;
    const r = d.match(e, { n: { ...n, vars }, done });
    if (!r) continue;
    if (!changed) { steps = steps.slice(); changed = true; }
    steps[i] = { ...steps[i], status: 'done', time: e.time };
    if (typeof r === 'object') vars = { ...vars, ...r };
  }
  if (!changed) return s;
  const complete = steps.every((st) => st.optional || st.status === 'done');
  const next: Narration = { ...n, vars, steps: complete ? closeSteps(steps) : steps, complete };
  return { ...s, active: next };
}

/** Folds one event into the guide (always tracks the WAL; narrates only when enabled). */
export function reduceGuide(s: GuideState, e: EngineEvent): GuideState {
  if (e.type === 'blockReceived' && e.wal !== s.wal) s = { ...s, wal: e.wal };
  else if (e.type === 'walWritten' && !s.wal) s = { ...s, wal: true };
  if (!s.enabled) return s;
  if (e.type === 'faultInjected') return open(s, e);
  return advance(s, e);
}

export function reduceGuideAll(s: GuideState, events: readonly EngineEvent[]): GuideState {
  let out = s;
  for (const e of events) out = reduceGuide(out, e);
  return out;
}

/** The step Spark is working on now (the first pending required step), or undefined when complete. */
export function currentStep(n: Narration): NarrationStep | undefined {
  return n.complete ? undefined : n.steps.find((st) => st.status === 'pending' && !st.optional);
}

/** i18n key of a step. */
export const stepKey = (fault: FaultKind, id: string) => `sim.guide.${fault}.${id}`;
