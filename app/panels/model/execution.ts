/**
 * Jobs, stages and tasks, grouped by batch: the data behind the Lineage and Tasks panels.
 *
 * Real streams share stages across jobs and batches: a windowed or stateful DStream's job lists the
 * stages of earlier batches (their shuffle outputs are reused: Spark's "skipped" stages), and when an
 * executor is lost those stages are submitted again, with attemptId > 0, by a later job (a
 * recomputation from lineage). So a stage's static description (StageMeta) is kept once, and what a
 * stage did within one job is a StageRun keyed `${jobId}:${stageId}`. Tasks name their stage and
 * stage attempt, not their job; the attempt's submission says which job it belongs to.
 */
import type { EngineEvent, TaskMetrics } from '../../../engine/core/events';
import { CopyOnWrite } from './copyOnWrite';

export type TaskStatus = 'running' | 'success' | 'failed' | 'killed' | 'lost';

export interface TaskView {
  taskId: number;
  stageId: number;
  stageAttemptId: number;
  partition: number;
  attempt: number;
  executorId: string;
  slot: number;
  speculative: boolean;
  start: number;
  /** Order of the start event in the stream (the engine's clock may stand still while tasks run). */
  startSeq: number;
  end?: number;
  endSeq?: number;
  status: TaskStatus;
  reason?: string;
  failureReason?: string;
  metrics?: TaskMetrics;
}

/** skipped: the stage's output of an earlier job was reused (Spark UI's "skipped" stages). */
export type PartitionState = 'pending' | 'running' | 'done' | 'failed' | 'lost' | 'recomputed' | 'skipped';

export const PARTITION_STATES: PartitionState[] = ['pending', 'running', 'done', 'skipped', 'failed', 'lost', 'recomputed'];

export interface PartitionCell {
  partition: number;
  state: PartitionState;
  executorId?: string;
  /** Set once the partition was lost or failed: its next success is a recomputation. */
  wasLost: boolean;
  attempts: number;
  /** A lost output recomputed by a later job. */
  recomputedInJob?: number;
}

export interface StageAttemptView { attemptId: number; submitted: number; completed?: number; failureReason?: string; numTasks: number }

/** What a stage is (the same in every job that uses it). */
export interface StageMeta {
  stageId: number;
  /** The job that first submitted it. */
  jobId: number;
  name: string;
  /** Partitions of the stage's RDD (the largest task count or partition index seen). */
  numPartitions: number;
  rddIds: number[];
  rddChain: string[];
  parentStageIds: number[];
  isShuffleMap: boolean;
}

/** What a stage did within one job. */
export interface StageRun {
  jobId: number;
  stageId: number;
  attempts: StageAttemptView[];
  status: 'active' | 'complete' | 'failed';
  /** True when this job submitted an attempt > 0 (a recomputation from lineage). */
  resubmitted: boolean;
  partitions: PartitionCell[];
  tasks: TaskView[];
}

/** A stage as a panel shows it within one job (meta + this job's run, or skipped). */
export interface StageView extends StageMeta {
  numTasks: number;
  attempts: StageAttemptView[];
  status: 'active' | 'complete' | 'failed' | 'skipped';
  resubmitted: boolean;
  partitions: PartitionCell[];
  tasks: TaskView[];
}

export interface JobView {
  jobId: number;
  batchTime?: number;
  outputOpId?: number;
  description: string;
  stageIds: number[];
  start: number;
  end?: number;
  result?: 'JobSucceeded' | 'JobFailed';
  error?: string;
}

export interface ExecState {
  seq: number;
  jobs: Record<number, JobView>;
  stages: Record<number, StageMeta>;
  /** Job id → stage id → what the stage did in that job (by job, so old jobs go as a whole). */
  runs: Record<number, Record<number, StageRun>>;
  /** `${stageId}.${attemptId}` → the job that submitted that attempt. */
  attemptJob: Record<string, number>;
  /** Stage id → job ids that ran it, ascending. */
  stageRuns: Record<number, number[]>;
  /** Job ids per batch time. */
  batchJobs: Record<number, number[]>;
  /** Jobs that belong to no batch (ad-hoc actions), newest last, bounded. */
  otherJobs: number[];
}

export const initialExec: ExecState = { seq: 0, jobs: {}, stages: {}, runs: {}, attemptJob: {}, stageRuns: {}, batchJobs: {}, otherJobs: [] };

const MAX_OTHER_JOBS = 20;
const MAX_PARTITIONS = 4096;

/** What `stageId` did in job `jobId`, if it ran there. */
export const runOf = (s: ExecState, jobId: number, stageId: number): StageRun | undefined => s.runs[jobId]?.[stageId];

/** Every stage run, by job. */
function allRuns(s: ExecState): StageRun[] {
  const out: StageRun[] = [];
  for (const byStage of Object.values(s.runs)) for (const r of Object.values(byStage)) out.push(r);
  return out;
}

function cells(n: number, prev: PartitionCell[] = [], fill: PartitionState = 'pending'): PartitionCell[] {
  const m = Math.min(MAX_PARTITIONS, Math.max(n, prev.length));
  const out = prev.slice(0, m);
  for (let i = out.length; i < m; i++) out.push({ partition: i, state: fill, wasLost: false, attempts: 0 });
  return out;
}

interface RunKey { job: number; stage: number }

/**
 * A copy-on-write view of an ExecState for one run of events: each map, run, task list and partition list is
 * copied at most once per call and then updated in place. Folding a frame's events one immutable step at a time
 * copied every map per event (O(kept stages) per task event: seconds per frame on a 200-node graph).
 */
class ExecDraft extends CopyOnWrite<ExecState> {
  /** Job `jobId`'s runs, owned by this draft. */
  private jobRuns(jobId: number): Record<number, StageRun> {
    const runs = this.map('runs');
    return (runs[jobId] = this.own(runs[jobId] ?? {}));
  }
  /** The run of `key`, owned by this draft (undefined when there is none). */
  run(key: RunKey | undefined): StageRun | undefined {
    const r = key === undefined ? undefined : runOf(this.s, key.job, key.stage);
    if (!r || key === undefined) return undefined;
    if (this.isOwn(r)) return r;
    return (this.jobRuns(key.job)[key.stage] = this.own(r));
  }
  addRun(r: StageRun): void {
    this.jobRuns(r.jobId)[r.stageId] = this.adopt(r);
  }
  tasks(r: StageRun): TaskView[] { return (r.tasks = this.own(r.tasks)); }
  setCell(r: StageRun, p: number, f: (c: PartitionCell) => PartitionCell): void {
    if (p < 0 || p >= MAX_PARTITIONS) return;
    const list = p >= r.partitions.length ? this.adopt(cells(p + 1, r.partitions)) : this.own(r.partitions);
    list[p] = f(list[p]);
    r.partitions = list;
  }
  growStage(stageId: number, n: number): void {
    const st = this.s.stages[stageId];
    if (!st || st.numPartitions >= n) return;
    this.map('stages')[stageId] = { ...st, numPartitions: Math.min(MAX_PARTITIONS, n) };
  }
  /** The run a task event belongs to (via the job that submitted its stage attempt). */
  runOf(stageId: number, attemptId: number): RunKey | undefined {
    const job = this.s.attemptJob[`${stageId}.${attemptId}`];
    return job === undefined ? undefined : { job, stage: stageId };
  }
}

/** Folds events into the state; pure (the input is not modified), O(changes) per event. */
export function reduceExecEvents(s0: ExecState, events: readonly EngineEvent[]): ExecState {
  const d = new ExecDraft(s0);
  for (const e of events) applyExecEvent(d, e);
  return d.s;
}

function applyExecEvent(d: ExecDraft, e: EngineEvent): void {
  switch (e.type) {
    case 'jobStart': case 'jobEnd': case 'stageSubmitted': case 'stageCompleted': case 'taskStart': case 'taskEnd': case 'executorRemoved':
      break;
    default:
      return;
  }
  // Tasks record the sequence number of the event that started / ended them.
  const seq = d.s.seq + 1;
  d.top().seq = seq;
  switch (e.type) {
    case 'jobStart': {
      d.map('jobs')[e.jobId] = { jobId: e.jobId, batchTime: e.batchTime, outputOpId: e.outputOpId, description: e.description, stageIds: e.stageIds, start: e.time };
      if (e.batchTime !== undefined) {
        const list = d.s.batchJobs[e.batchTime] ?? [];
        if (!list.includes(e.jobId)) d.map('batchJobs')[e.batchTime] = [...list, e.jobId];
      } else {
        const other = [...d.s.otherJobs, e.jobId];
        const drop = other.length > MAX_OTHER_JOBS ? other.slice(0, other.length - MAX_OTHER_JOBS) : [];
        d.top().otherJobs = other.slice(drop.length);
        if (drop.length) d.s = dropJobs(d.s, new Set(drop));
      }
      return;
    }
    case 'jobEnd': {
      const j = d.s.jobs[e.jobId];
      if (j) d.map('jobs')[e.jobId] = { ...j, end: e.time, result: e.result, error: e.error };
      return;
    }
    case 'stageSubmitted': {
      const key: RunKey = { job: e.jobId, stage: e.stageId };
      const attempt: StageAttemptView = { attemptId: e.attemptId, submitted: e.time, numTasks: e.numTasks };
      d.map('attemptJob')[`${e.stageId}.${e.attemptId}`] = e.jobId;
      if (!d.s.stages[e.stageId]) {
        d.map('stages')[e.stageId] = {
          stageId: e.stageId, jobId: e.jobId, name: e.name, numPartitions: Math.min(MAX_PARTITIONS, e.numTasks), rddIds: e.rddIds, rddChain: e.rddChain,
          parentStageIds: e.parentStageIds, isShuffleMap: e.isShuffleMap,
        };
      } else d.growStage(e.stageId, e.numTasks);
      const n = d.s.stages[e.stageId].numPartitions;
      const prev = d.run(key);
      if (prev) {
        prev.status = 'active';
        prev.resubmitted = prev.resubmitted || e.attemptId > 0;
        prev.attempts = [...prev.attempts.filter((a) => a.attemptId !== e.attemptId), attempt];
        prev.partitions = cells(n, prev.partitions);
      } else {
        // A resubmission runs only the missing partitions; the others are reused ("skipped").
        const fill: PartitionState = e.attemptId > 0 ? 'skipped' : 'pending';
        d.addRun({ jobId: e.jobId, stageId: e.stageId, attempts: [attempt], status: 'active', resubmitted: e.attemptId > 0, partitions: cells(n, [], fill), tasks: [] });
        const list = d.s.stageRuns[e.stageId] ?? [];
        if (!list.includes(e.jobId)) d.map('stageRuns')[e.stageId] = [...list, e.jobId].sort((a, b) => a - b);
      }
      return;
    }
    case 'stageCompleted': {
      const r = d.run(d.runOf(e.stageId, e.attemptId));
      if (!r) return;
      r.status = e.failureReason ? 'failed' : 'complete';
      r.attempts = r.attempts.map((a) => a.attemptId === e.attemptId ? { ...a, completed: e.time, failureReason: e.failureReason } : a);
      return;
    }
    case 'taskStart': {
      const key = d.runOf(e.stageId, e.stageAttemptId);
      d.growStage(e.stageId, e.partition + 1);
      const r = d.run(key);
      if (!r) return;
      d.tasks(r).push({
        taskId: e.taskId, stageId: e.stageId, stageAttemptId: e.stageAttemptId, partition: e.partition, attempt: e.attempt,
        executorId: e.executorId, slot: e.slot, speculative: e.speculative, start: e.time, startSeq: seq, status: 'running',
      });
      d.setCell(r, e.partition, (c) => c.state === 'done' || c.state === 'recomputed'
        ? { ...c, attempts: c.attempts + 1 } // a speculative copy of a finished partition
        : { ...c, state: 'running', executorId: e.executorId, attempts: c.attempts + 1 });
      return;
    }
    case 'taskEnd': {
      const key = d.runOf(e.stageId, e.stageAttemptId);
      const ok = e.reason === 'Success';
      const status: TaskStatus = ok ? 'success' : e.reason === 'TaskKilled' ? 'killed' : e.reason === 'ExecutorLostFailure' ? 'lost' : 'failed';
      const r = d.run(key);
      if (r) {
        const tasks = d.tasks(r);
        const i = tasks.findIndex((t) => t.taskId === e.taskId);
        if (i >= 0) tasks[i] = { ...tasks[i], end: e.time, endSeq: seq, status, reason: e.reason, failureReason: e.failureReason, metrics: e.metrics };
        else {
          tasks.push({
            taskId: e.taskId, stageId: e.stageId, stageAttemptId: e.stageAttemptId, partition: e.partition, attempt: e.attempt,
            executorId: e.executorId, slot: e.slot, speculative: e.speculative, start: e.time - (e.metrics?.durationMs ?? 0),
            startSeq: seq, end: e.time, endSeq: seq, status, reason: e.reason, failureReason: e.failureReason, metrics: e.metrics,
          });
        }
        const resubmitted = r.resubmitted;
        d.setCell(r, e.partition, (c) => {
          if (ok) {
            if (c.state === 'done' || c.state === 'recomputed') return c; // the other copy already won
            return { ...c, state: c.wasLost || resubmitted ? 'recomputed' : 'done', executorId: e.executorId };
          }
          if (status === 'killed') return c.state === 'running' ? { ...c, state: 'pending' } : c;
          if (c.state === 'done' || c.state === 'recomputed') return c;
          return { ...c, state: status === 'lost' ? 'lost' : 'failed', wasLost: true };
        });
      }
      // A resubmitted stage recomputing a partition that an earlier job's run lost.
      const job = key ? d.s.attemptJob[`${e.stageId}.${e.stageAttemptId}`] : undefined;
      if (ok && job !== undefined && e.stageAttemptId > 0) {
        for (const j of d.s.stageRuns[e.stageId] ?? []) {
          if (j === job) continue;
          const k: RunKey = { job: j, stage: e.stageId };
          const c = runOf(d.s, j, e.stageId)?.partitions[e.partition];
          if (c && c.state === 'lost') d.setCell(d.run(k)!, e.partition, (x) => ({ ...x, state: 'recomputed', recomputedInJob: job }));
        }
      }
      return;
    }
    case 'executorRemoved': {
      // Shuffle outputs held by the lost executor are gone (until a later job recomputes them);
      // running tasks there are lost.
      for (const r0 of allRuns(d.s)) {
        const meta = d.s.stages[r0.stageId];
        r0.partitions.forEach((c, p) => {
          if (c.executorId !== e.executorId) return;
          if (c.state === 'running' || ((c.state === 'done' || c.state === 'recomputed') && meta?.isShuffleMap)) {
            d.setCell(d.run({ job: r0.jobId, stage: r0.stageId })!, p, (x) => ({ ...x, state: 'lost' as const, wasLost: true }));
          }
        });
      }
      return;
    }
  }
}

function dropJobs(s: ExecState, drop: Set<number>): ExecState {
  if (!drop.size) return s;
  const jobs: Record<number, JobView> = {};
  for (const k of Object.keys(s.jobs)) if (!drop.has(Number(k))) jobs[Number(k)] = s.jobs[Number(k)];
  const runs: ExecState['runs'] = {};
  for (const k of Object.keys(s.runs)) if (!drop.has(Number(k))) runs[Number(k)] = s.runs[Number(k)];
  const stageRuns: Record<number, number[]> = {};
  for (const k of Object.keys(s.stageRuns)) {
    const l = s.stageRuns[Number(k)].filter((j) => !drop.has(j));
    if (l.length) stageRuns[Number(k)] = l;
  }
  // Keep a stage while a kept job runs or references it.
  const used = new Set<number>(Object.keys(stageRuns).map(Number));
  for (const k of Object.keys(jobs)) for (const id of jobs[Number(k)].stageIds) used.add(id);
  const stages: Record<number, StageMeta> = {};
  for (const k of Object.keys(s.stages)) if (used.has(Number(k))) stages[Number(k)] = s.stages[Number(k)];
  const attemptJob: Record<string, number> = {};
  for (const k of Object.keys(s.attemptJob)) if (!drop.has(s.attemptJob[k])) attemptJob[k] = s.attemptJob[k];
  return { ...s, jobs, runs, stages, stageRuns, attemptJob };
}

export function evictExec(s: ExecState, keep: (t: number) => boolean): ExecState {
  const times = Object.keys(s.batchJobs).map(Number);
  const gone = times.filter((t) => !keep(t));
  if (!gone.length) return s;
  const drop = new Set(gone.flatMap((t) => s.batchJobs[t]));
  const batchJobs: Record<number, number[]> = {};
  for (const t of times) if (keep(t)) batchJobs[t] = s.batchJobs[t];
  return { ...dropJobs(s, drop), batchJobs };
}

/** A stage as seen from one job: its run there, or skipped (its earlier output reused). */
export function stageInJob(s: ExecState, jobId: number, stageId: number): StageView {
  // A stage the job lists but nobody ever ran (its RDD came from a checkpoint or cache): skipped, nothing known.
  const meta: StageMeta = s.stages[stageId] ?? { stageId, jobId, name: '', numPartitions: 0, rddIds: [], rddChain: [], parentStageIds: [], isShuffleMap: true };
  const run = runOf(s, jobId, stageId);
  if (run) {
    const n = Math.max(meta.numPartitions, run.partitions.length);
    return {
      ...meta, numTasks: run.attempts[0]?.numTasks ?? n, attempts: run.attempts, status: run.status, resubmitted: run.resubmitted,
      partitions: cells(n, run.partitions, run.resubmitted ? 'skipped' : 'pending'), tasks: run.tasks,
    };
  }
  // Skipped: each partition shows the state of the latest earlier run that produced it (lost if its executor died since).
  const earlier = (s.stageRuns[stageId] ?? []).filter((j) => j < jobId);
  const partitions = cells(meta.numPartitions, [], 'skipped').map((c) => {
    for (let i = earlier.length - 1; i >= 0; i--) {
      const x = runOf(s, earlier[i], stageId)?.partitions[c.partition];
      if (x && x.state !== 'skipped' && x.state !== 'pending') {
        return { ...c, executorId: x.executorId, state: x.state === 'lost' ? 'lost' as const : 'skipped' as const, wasLost: x.wasLost };
      }
    }
    return c;
  });
  return { ...meta, numTasks: 0, attempts: [], status: 'skipped', resubmitted: false, partitions, tasks: [] };
}

// ---- derived: lineage ----------------------------------------------------------------------

export interface LineageStage extends StageView {
  /** Column in the DAG layout: 0 for stages without parents, parent's depth + 1 otherwise. */
  depth: number;
  recomputing: boolean;
  lostCount: number;
}

export interface LineageJob extends JobView { stages: LineageStage[] }

export interface LineageData {
  batchTime?: number;
  jobs: LineageJob[];
  counts: Record<PartitionState, number>;
  hasFault: boolean;
}

export function emptyCounts(): Record<PartitionState, number> {
  return { pending: 0, running: 0, done: 0, failed: 0, lost: 0, recomputed: 0, skipped: 0 };
}

export function lineageData(s: ExecState, batchTime: number | undefined): LineageData {
  const counts = emptyCounts();
  if (batchTime === undefined) return { batchTime, jobs: [], counts, hasFault: false };
  const unique = new Map<string, PartitionState>();
  const jobs = (s.batchJobs[batchTime] ?? []).map((id) => s.jobs[id]).filter(Boolean).map((j) => {
    const ids = new Set<number>(j.stageIds);
    for (const r of Object.values(s.runs[j.jobId] ?? {})) ids.add(r.stageId);
    const views = new Map<number, StageView>();
    for (const id of ids) views.set(id, stageInJob(s, j.jobId, id));
    const present = [...views.keys()].sort((a, b) => a - b);
    const depth = new Map<number, number>();
    const depthOf = (id: number, guard = 0): number => {
      if (depth.has(id)) return depth.get(id)!;
      const st = views.get(id);
      const ps = st ? st.parentStageIds.filter((p) => views.has(p)) : [];
      const d = ps.length && guard < 64 ? Math.max(...ps.map((p) => depthOf(p, guard + 1))) + 1 : 0;
      depth.set(id, d);
      return d;
    };
    const stages: LineageStage[] = present.map((id) => {
      const st = views.get(id)!;
      // A partition counts once per batch, however many of the batch's jobs show its stage.
      for (const c of st.partitions) {
        const k = `${id}:${c.partition}`;
        const prev = unique.get(k);
        if (prev === undefined || prev === 'skipped' || prev === 'pending') unique.set(k, c.state);
      }
      const lostCount = st.partitions.filter((c) => c.state === 'lost' || c.state === 'failed').length;
      return { ...st, depth: depthOf(id), recomputing: st.resubmitted || st.partitions.some((c) => c.state === 'recomputed'), lostCount };
    });
    return { ...j, stages };
  });
  for (const st of unique.values()) counts[st]++;
  return { batchTime, jobs, counts, hasFault: counts.lost + counts.failed + counts.recomputed > 0 || jobs.some((j) => j.stages.some((x) => x.resubmitted)) };
}

// ---- derived: task Gantt -------------------------------------------------------------------

export interface GanttBar extends TaskView {
  /** Row key `${executorId}:${slot}`. */
  row: string;
  jobId: number;
  x0: number;
  x1: number;
}

export interface GanttData {
  rows: string[];
  bars: GanttBar[];
  /**
   * 'time': the engine clock moved while the tasks ran (system clock): bars span engine time.
   * 'measured': the simulated clock stood still, so bars are laid out from the tasks' measured
   * durations, in the order the driver saw them start and end (a task that started after another
   * ended starts no earlier than that end; a slot runs one task at a time).
   */
  axis: 'time' | 'measured';
  domain: [number, number];
  stageIds: number[];
}

function tasksOfJobs(s: ExecState, jobIds: number[]): (TaskView & { jobId: number })[] {
  const set = new Set(jobIds);
  const out: (TaskView & { jobId: number })[] = [];
  for (const jobId of set) for (const r of Object.values(s.runs[jobId] ?? {})) for (const t of r.tasks) out.push({ ...t, jobId });
  return out.sort((a, b) => a.startSeq - b.startSeq);
}

const rowOf = (t: TaskView) => `${t.executorId}:${t.slot}`;

/** Tasks of one batch (or of every kept batch when batchTime is undefined), laid out per executor slot. */
export function taskGanttData(s: ExecState, batchTime: number | undefined): GanttData {
  const jobIds = batchTime === undefined
    ? Object.keys(s.batchJobs).map(Number).sort((a, b) => a - b).flatMap((t) => s.batchJobs[t])
    : s.batchJobs[batchTime] ?? [];
  const tasks = tasksOfJobs(s, jobIds);
  let clockSpan = 0, measured = 0;
  for (const t of tasks) {
    if (t.end !== undefined) clockSpan += t.end - t.start;
    measured += t.metrics?.durationMs ?? 0;
  }
  const axis: GanttData['axis'] = tasks.length && clockSpan > 0 && clockSpan >= measured * 0.5 ? 'time' : 'measured';
  let bars: GanttBar[];
  if (axis === 'time') {
    const t1 = Math.max(...tasks.map((t) => t.end ?? t.start));
    bars = tasks.map((t) => ({ ...t, row: rowOf(t), x0: t.start, x1: Math.max(t.end ?? t1, t.start) }));
  } else {
    // Causal layout on measured durations.
    const ends = tasks.filter((t) => t.endSeq !== undefined).sort((a, b) => a.endSeq! - b.endSeq!);
    const x1Of = new Map<number, number>();
    const rowFree = new Map<string, number>();
    let frontier = 0, ei = 0;
    const MIN = 0.05;
    bars = tasks.map((t) => {
      while (ei < ends.length && ends[ei].endSeq! < t.startSeq) { frontier = Math.max(frontier, x1Of.get(ends[ei].taskId) ?? frontier); ei++; }
      const row = rowOf(t);
      const x0 = Math.max(frontier, rowFree.get(row) ?? 0);
      const x1 = x0 + Math.max(MIN, t.metrics?.durationMs ?? MIN);
      x1Of.set(t.taskId, x1);
      rowFree.set(row, x1);
      return { ...t, row, x0, x1 };
    });
    // Running tasks extend to the right edge.
    const right = bars.reduce((m, b) => Math.max(m, b.x1), 0);
    bars = bars.map((b) => (b.end === undefined ? { ...b, x1: Math.max(b.x1, right) } : b));
  }
  const rows = [...new Set(bars.map((b) => b.row))].sort((a, b) => {
    const [ea, sa] = a.split(':'); const [eb, sb] = b.split(':');
    return ea === eb ? Number(sa) - Number(sb) : ea.localeCompare(eb, 'en', { numeric: true });
  });
  let lo = Infinity, hi = -Infinity;
  for (const b of bars) { if (b.x0 < lo) lo = b.x0; if (b.x1 > hi) hi = b.x1; }
  const domain: [number, number] = bars.length ? [lo, hi] : [0, 1];
  if (!(domain[1] > domain[0])) domain[1] = domain[0] + 1;
  return { rows, bars, axis, domain, stageIds: [...new Set(bars.map((b) => b.stageId))].sort((a, b) => a - b) };
}
