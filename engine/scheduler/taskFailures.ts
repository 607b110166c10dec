/**
 * Which failed attempts count towards spark.task.maxFailures, as Spark's TaskSetManager.handleFailedTask decides
 * through TaskFailedReason.countTowardsTaskFailures: a fetch failure resubmits the parent stage instead, a killed
 * attempt and an executor lost for reasons unrelated to its tasks (killed, decommissioned) are not the task's
 * fault, and an executor whose exit was caused by one of its running tasks (ExecutorLostFailure with
 * exitCausedByApp: `process.exit`, out of memory, `self.close`) is.
 */
import type { TaskOutcome } from '../rdd/plan';

type FailedOutcome = Extract<TaskOutcome, { status: 'failed' }>;

export function countsTowardsTaskFailures(outcome: FailedOutcome): boolean {
  switch (outcome.reason) {
    case 'ExceptionFailure': return true;
    case 'ExecutorLostFailure': return outcome.exitCausedByApp === true;
    case 'FetchFailed':
    case 'TaskKilled': return false;
  }
}

/** The failure as Spark's TaskFailedReason.toErrorString prints it after "Lost task ...: ". */
export function failureText(outcome: FailedOutcome): string {
  return outcome.message.startsWith(`${outcome.errorName} `) ? outcome.message : `${outcome.errorName}: ${outcome.message}`;
}
