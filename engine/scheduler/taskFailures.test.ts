import { describe, expect, it } from 'vitest';
import type { TaskOutcome } from '../rdd/plan';
import { countsTowardsTaskFailures, failureText } from './taskFailures';

type Failed = Extract<TaskOutcome, { status: 'failed' }>;
const failed = (over: Partial<Failed>): Failed => ({ status: 'failed', reason: 'ExceptionFailure', errorName: 'Error', message: 'boom',
  metrics: { recordsIn: 0, recordsOut: 0, shuffleReadBytes: 0, shuffleWriteBytes: 0, shuffleReadRecords: 0, shuffleWriteRecords: 0 }, durationMs: 0, ...over });

describe('which failures count towards spark.task.maxFailures (Spark TaskFailedReason.countTowardsTaskFailures)', () => {
  const cases: { name: string; outcome: Failed; counted: boolean }[] = [
    { name: 'an exception in user code', outcome: failed({}), counted: true },
    { name: 'a task timeout (the studio\'s hung-task rule)', outcome: failed({ errorName: 'TaskTimeout' }), counted: true },
    { name: 'executor killed by the driver: exitCausedByApp = false', outcome: failed({ reason: 'ExecutorLostFailure' }), counted: false },
    { name: 'executor exited because of a running task (process.exit, OOM, self.close)', outcome: failed({ reason: 'ExecutorLostFailure', exitCausedByApp: true }), counted: true },
    { name: 'explicit exitCausedByApp = false', outcome: failed({ reason: 'ExecutorLostFailure', exitCausedByApp: false }), counted: false },
    { name: 'a killed attempt (speculation lost the race)', outcome: failed({ reason: 'TaskKilled' }), counted: false },
    { name: 'a fetch failure (the parent stage is resubmitted instead)', outcome: failed({ reason: 'FetchFailed' }), counted: false },
  ];
  for (const c of cases) it(c.name, () => expect(countsTowardsTaskFailures(c.outcome)).toBe(c.counted));

  it('prints the failure as Spark does, without repeating the error name', () => {
    expect(failureText(failed({ errorName: 'TypeError', message: 'x is not a function' }))).toBe('TypeError: x is not a function');
    expect(failureText(failed({ reason: 'ExecutorLostFailure', errorName: 'ExecutorLostFailure', message: 'ExecutorLostFailure (executor 1 exited caused by one of the running tasks) Reason: r' })))
      .toBe('ExecutorLostFailure (executor 1 exited caused by one of the running tasks) Reason: r');
  });
});
