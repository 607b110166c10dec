/**
 * Spark's BatchPage (Streaming tab → a batch): per output operation, its duration, status and error, and per job
 * of that operation the job's duration, stages succeeded/total and tasks (for all stages) succeeded/total.
 * Pure: folded from the batch's row (streaming statistics) and the execution state (jobs, stages, tasks).
 */
import type { BatchRow } from './streamingStats';
import { runOf, type ExecState } from './execution';
import { totalDelayOf } from './streamingStats';

export interface BatchPageJob {
  jobId: number;
  status: 'running' | 'succeeded' | 'failed';
  durationMs?: number;
  stagesSucceeded: number;
  stagesTotal: number;
  /** Stages the job did not run because their output was already there (Spark's "skipped"). */
  stagesSkipped: number;
  tasksSucceeded: number;
  tasksTotal: number;
  tasksFailed: number;
  error?: string;
}

export interface BatchPageOp {
  id: number;
  name: string;
  status: 'pending' | 'running' | 'succeeded' | 'failed';
  durationMs?: number;
  failureReason?: string;
  jobs: BatchPageJob[];
}

export interface BatchPageData {
  batchTime: number;
  numRecords: number;
  schedulingDelay?: number;
  processingTime?: number;
  totalDelay?: number;
  ops: BatchPageOp[];
}

function jobRow(exec: ExecState, jobId: number): BatchPageJob | undefined {
  const job = exec.jobs[jobId];
  if (!job) return undefined;
  let stagesSucceeded = 0, stagesSkipped = 0, tasksSucceeded = 0, tasksTotal = 0, tasksFailed = 0;
  for (const stageId of job.stageIds) {
    const run = runOf(exec, jobId, stageId);
    if (!run) { stagesSkipped++; continue; }
    if (run.status === 'complete') stagesSucceeded++;
    const last = run.attempts[run.attempts.length - 1];
    tasksTotal += last?.numTasks ?? run.partitions.length;
    // Spark counts a partition once when one of its attempts succeeded; failed attempts are counted apart.
    tasksSucceeded += new Set(run.tasks.filter((t) => t.status === 'success').map((t) => t.partition)).size;
    tasksFailed += run.tasks.filter((t) => t.status === 'failed').length;
  }
  return {
    jobId, status: job.result === undefined ? 'running' : job.result === 'JobSucceeded' ? 'succeeded' : 'failed',
    ...(job.end !== undefined ? { durationMs: job.end - job.start } : {}),
    stagesSucceeded, stagesTotal: job.stageIds.length, stagesSkipped, tasksSucceeded, tasksTotal: Math.max(tasksTotal, tasksSucceeded), tasksFailed,
    ...(job.error ? { error: job.error } : {}),
  };
}

export function batchPageData(b: BatchRow, exec: ExecState): BatchPageData {
  const ops = b.outputOps.map((o): BatchPageOp => ({
    id: o.id, name: o.name, status: o.status,
    ...(o.startTime !== undefined && o.endTime !== undefined ? { durationMs: o.endTime - o.startTime } : {}),
    ...(o.failureReason ? { failureReason: o.failureReason } : {}),
    jobs: b.jobIds.filter((id) => exec.jobs[id]?.outputOpId === o.id).map((id) => jobRow(exec, id)).filter((j): j is BatchPageJob => !!j),
  }));
  return {
    batchTime: b.batchTime, numRecords: b.numRecords, schedulingDelay: b.schedulingDelay, processingTime: b.processingDelay,
    totalDelay: totalDelayOf(b), ops,
  };
}
