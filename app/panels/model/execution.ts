/**
 * Jobs, stages and tasks, grouped by batch: the data behind the Lineage and Tasks panels.
 * A fault marks lost partitions red; a resubmitted stage (attempt > 0) is a recomputation and
 * the partitions it computes again are 'recomputed'.
 */
import type { EngineEvent, TaskMetrics } from '../../../engine/core/events';

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
  /** Order of the start event in the stream (a tie-breaker when simulated time does not move). */
  startSeq: number;
  end?: number;
  endSeq?: number;
  status: TaskStatus;
  reason?: string;
  failureReason?: string;
  metrics?: TaskMetrics;
}

export type PartitionState = 'pending' | 'running' | 'done' | 'failed' | 'lost' | 'recomputed';

export interface PartitionCell {
  partition: number;
  state: PartitionState;
  executorId?: string;
  /** Set once the partition was lost or failed: its next success is a recomputation. */
  wasLost: boolean;
  attempts: number;
}

export interface StageAttemptView { attemptId: number; submitted: number; completed?: number; failureReason?: string; numTasks: number }

export interface StageView {
  stageId: number;
  jobId: number;
  name: string;
  numTasks: number;
  rddIds: number[];
  rddChain: string[];
  parentStageIds: number[];
  isShuffleMap: boolean;
  attempts: StageAttemptView[];
  status: 'active' | 'complete' | 'failed';
  /** True once the stage was submitted again (a recomputation from lineage). */
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
  stages: Record<number, StageView>;
  /** Job ids per batch time. */
  batchJobs: Record<number, number[]>;
  /** Jobs that belong to no batch (receiver jobs, ad-hoc actions), newest last, bounded. */
  otherJobs: number[];
}

export const initialExec: ExecState = { seq: 0, jobs: {}, stages: {}, batchJobs: {}, otherJobs: [] };

const MAX_OTHER_JOBS = 20;
const MAX_PARTITIONS = 4096;

function cells(n: number, prev: PartitionCell[] = []): PartitionCell[] {
  const m = Math.min(MAX_PARTITIONS, Math.max(n, prev.length));
  const out = prev.slice(0, m);
  for (let i = out.length; i < m; i++) out.push({ partition: i, state: 'pending', wasLost: false, attempts: 0 });
  return out;
}

function setCell(list: PartitionCell[], p: number, f: (c: PartitionCell) => PartitionCell): PartitionCell[] {
  const next = p >= list.length ? cells(p + 1, list) : list.slice();
  if (p < 0 || p >= next.length) return next;
  next[p] = f(next[p]);
  return next;
}

function withStage(s: ExecState, id: number, f: (st: StageView) => StageView): ExecState {
  const st = s.stages[id];
  if (!st) return s;
  return { ...s, stages: { ...s.stages, [id]: f(st) } };
}

export function reduceExec(s0: ExecState, e: EngineEvent): ExecState {
  const s = { ...s0, seq: s0.seq + 1 };
  switch (e.type) {
    case 'jobStart': {
      const job: JobView = { jobId: e.jobId, batchTime: e.batchTime, outputOpId: e.outputOpId, description: e.description, stageIds: e.stageIds, start: e.time };
      const next = { ...s, jobs: { ...s.jobs, [e.jobId]: job } };
      if (e.batchTime !== undefined) {
        const list = s.batchJobs[e.batchTime] ?? [];
        next.batchJobs = { ...s.batchJobs, [e.batchTime]: list.includes(e.jobId) ? list : [...list, e.jobId] };
      } else {
        const other = [...s.otherJobs, e.jobId];
        const drop = other.length > MAX_OTHER_JOBS ? other.slice(0, other.length - MAX_OTHER_JOBS) : [];
        next.otherJobs = other.slice(drop.length);
        if (drop.length) return dropJobs(next, new Set(drop));
      }
      return next;
    }
    case 'jobEnd': {
      const j = s.jobs[e.jobId];
      if (!j) return s;
      return { ...s, jobs: { ...s.jobs, [e.jobId]: { ...j, end: e.time, result: e.result, error: e.error } } };
    }
    case 'stageSubmitted': {
      const prev = s.stages[e.stageId];
      const attempt: StageAttemptView = { attemptId: e.attemptId, submitted: e.time, numTasks: e.numTasks };
      if (!prev) {
        const st: StageView = {
          stageId: e.stageId, jobId: e.jobId, name: e.name, numTasks: e.numTasks, rddIds: e.rddIds, rddChain: e.rddChain,
          parentStageIds: e.parentStageIds, isShuffleMap: e.isShuffleMap, attempts: [attempt], status: 'active',
          resubmitted: e.attemptId > 0, partitions: cells(e.numTasks), tasks: [],
        };
        return { ...s, stages: { ...s.stages, [e.stageId]: st } };
      }
      // A resubmission: only the missing partitions run again.
      return withStage(s, e.stageId, (st) => ({
        ...st, status: 'active', resubmitted: true,
        attempts: [...st.attempts.filter((a) => a.attemptId !== e.attemptId), attempt],
        partitions: cells(Math.max(st.numTasks, e.numTasks), st.partitions),
      }));
    }
    case 'stageCompleted':
      return withStage(s, e.stageId, (st) => ({
        ...st,
        status: e.failureReason ? 'failed' : 'complete',
        attempts: st.attempts.map((a) => a.attemptId === e.attemptId ? { ...a, completed: e.time, failureReason: e.failureReason } : a),
      }));
    case 'taskStart':
      return withStage(s, e.stageId, (st) => ({
        ...st,
        tasks: [...st.tasks, {
          taskId: e.taskId, stageId: e.stageId, stageAttemptId: e.stageAttemptId, partition: e.partition, attempt: e.attempt,
          executorId: e.executorId, slot: e.slot, speculative: e.speculative, start: e.time, startSeq: s.seq, status: 'running',
        }],
        partitions: setCell(st.partitions, e.partition, (c) => c.state === 'done' || c.state === 'recomputed'
          ? { ...c, attempts: c.attempts + 1 } // a speculative copy of a finished partition
          : { ...c, state: 'running', executorId: e.executorId, attempts: c.attempts + 1 }),
      }));
    case 'taskEnd':
      return withStage(s, e.stageId, (st) => {
        const ok = e.reason === 'Success';
        const status: TaskStatus = ok ? 'success' : e.reason === 'TaskKilled' ? 'killed'
          : e.reason === 'ExecutorLostFailure' || e.reason === 'FetchFailed' ? 'lost' : 'failed';
        let found = false;
        const tasks = st.tasks.map((t) => {
          if (t.taskId !== e.taskId) return t;
          found = true;
          return { ...t, end: e.time, endSeq: s.seq, status, reason: e.reason, failureReason: e.failureReason, metrics: e.metrics };
        });
        if (!found) {
          tasks.push({
            taskId: e.taskId, stageId: e.stageId, stageAttemptId: e.stageAttemptId, partition: e.partition, attempt: e.attempt,
            executorId: e.executorId, slot: e.slot, speculative: e.speculative, start: e.time - (e.metrics?.durationMs ?? 0),
            startSeq: s.seq, end: e.time, endSeq: s.seq, status, reason: e.reason, failureReason: e.failureReason, metrics: e.metrics,
          });
        }
        const partitions = setCell(st.partitions, e.partition, (c) => {
          if (ok) {
            if (c.state === 'done' || c.state === 'recomputed') return c; // the other copy already won
            return { ...c, state: c.wasLost || st.resubmitted ? 'recomputed' : 'done', executorId: e.executorId };
          }
          if (status === 'killed') return c.state === 'running' ? { ...c, state: 'pending' } : c;
          if (c.state === 'done' || c.state === 'recomputed') return c;
          return { ...c, state: status === 'lost' ? 'lost' : 'failed', wasLost: true };
        });
        return { ...st, tasks, partitions };
      });
    case 'executorRemoved': {
      // Shuffle outputs (and running tasks) on the lost executor are gone for unfinished jobs.
      let stages = s.stages;
      for (const k of Object.keys(s.stages)) {
        const st = s.stages[Number(k)];
        const job = s.jobs[st.jobId];
        if (job && job.end !== undefined) continue;
        let changed = false;
        const partitions = st.partitions.map((c) => {
          if (c.executorId !== e.executorId) return c;
          if (c.state === 'running' || ((c.state === 'done' || c.state === 'recomputed') && st.isShuffleMap)) {
            changed = true;
            return { ...c, state: 'lost' as const, wasLost: true };
          }
          return c;
        });
        if (changed) {
          if (stages === s.stages) stages = { ...s.stages };
          stages[st.stageId] = { ...st, partitions };
        }
      }
      return stages === s.stages ? s : { ...s, stages };
    }
    default:
      return s0;
  }
}

function dropJobs(s: ExecState, drop: Set<number>): ExecState {
  if (!drop.size) return s;
  const jobs: Record<number, JobView> = {};
  for (const k of Object.keys(s.jobs)) if (!drop.has(Number(k))) jobs[Number(k)] = s.jobs[Number(k)];
  const stages: Record<number, StageView> = {};
  for (const k of Object.keys(s.stages)) if (!drop.has(s.stages[Number(k)].jobId)) stages[Number(k)] = s.stages[Number(k)];
  return { ...s, jobs, stages };
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

export function lineageData(s: ExecState, batchTime: number | undefined): LineageData {
  const counts: Record<PartitionState, number> = { pending: 0, running: 0, done: 0, failed: 0, lost: 0, recomputed: 0 };
  if (batchTime === undefined) return { batchTime, jobs: [], counts, hasFault: false };
  const jobs = (s.batchJobs[batchTime] ?? []).map((id) => s.jobs[id]).filter(Boolean).map((j) => {
    const ids = new Set<number>(j.stageIds);
    for (const k of Object.keys(s.stages)) if (s.stages[Number(k)].jobId === j.jobId) ids.add(Number(k));
    const present = [...ids].filter((id) => s.stages[id]).sort((a, b) => a - b);
    const depth = new Map<number, number>();
    const depthOf = (id: number, guard = 0): number => {
      if (depth.has(id)) return depth.get(id)!;
      const st = s.stages[id];
      const ps = st ? st.parentStageIds.filter((p) => ids.has(p) && s.stages[p]) : [];
      const d = ps.length && guard < 64 ? Math.max(...ps.map((p) => depthOf(p, guard + 1))) + 1 : 0;
      depth.set(id, d);
      return d;
    };
    const stages: LineageStage[] = present.map((id) => {
      const st = s.stages[id];
      for (const c of st.partitions) counts[c.state]++;
      const lostCount = st.partitions.filter((c) => c.state === 'lost' || c.state === 'failed').length;
      return { ...st, depth: depthOf(id), recomputing: st.resubmitted || st.partitions.some((c) => c.state === 'recomputed'), lostCount };
    });
    return { ...j, stages };
  });
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
  /** 'time' when the engine clock moved during the tasks, else 'sequence' (event order). */
  axis: 'time' | 'sequence';
  domain: [number, number];
  stageIds: number[];
}

/** Tasks of one batch (or of every kept batch when batchTime is undefined), laid out per executor slot. */
export function taskGanttData(s: ExecState, batchTime: number | undefined, now = s.seq): GanttData {
  const jobIds = batchTime === undefined
    ? Object.keys(s.batchJobs).map(Number).sort((a, b) => a - b).flatMap((t) => s.batchJobs[t])
    : s.batchJobs[batchTime] ?? [];
  const jobSet = new Set(jobIds);
  const tasks: (TaskView & { jobId: number })[] = [];
  for (const k of Object.keys(s.stages)) {
    const st = s.stages[Number(k)];
    if (!jobSet.has(st.jobId)) continue;
    for (const t of st.tasks) tasks.push({ ...t, jobId: st.jobId });
  }
  tasks.sort((a, b) => a.startSeq - b.startSeq);
  const t0 = Math.min(...tasks.map((t) => t.start));
  const t1 = Math.max(...tasks.map((t) => t.end ?? t.start));
  const axis: GanttData['axis'] = tasks.length && t1 - t0 >= 1 ? 'time' : 'sequence';
  const bars: GanttBar[] = tasks.map((t) => {
    const x0 = axis === 'time' ? t.start : t.startSeq;
    const x1 = axis === 'time' ? (t.end ?? Math.max(t1, t.start)) : (t.endSeq ?? now);
    return { ...t, row: `${t.executorId}:${t.slot}`, x0, x1: Math.max(x1, x0 + (axis === 'time' ? 0 : 1)) };
  });
  const rows = [...new Set(bars.map((b) => b.row))].sort((a, b) => {
    const [ea, sa] = a.split(':'); const [eb, sb] = b.split(':');
    return ea === eb ? Number(sa) - Number(sb) : ea.localeCompare(eb, 'en', { numeric: true });
  });
  const domain: [number, number] = bars.length ? [Math.min(...bars.map((b) => b.x0)), Math.max(...bars.map((b) => b.x1))] : [0, 1];
  if (domain[1] <= domain[0]) domain[1] = domain[0] + 1;
  return { rows, bars, axis, domain, stageIds: [...new Set(bars.map((b) => b.stageId))].sort((a, b) => a - b) };
}
