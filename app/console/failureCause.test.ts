import { describe, expect, it } from 'vitest';
import { eventToConsoleError, withoutStackFrames } from './consoleModel';

describe('a failed job in the console', () => {
  const error = 'Job aborted due to stage failure: Task 0 in stage 1.0 failed 4 times, most recent failure: Lost task 0.3 in stage 1.0 (TID 19) '
    + '(worker-2 executor 2): SparkException: Could not compute split, block input-0-0 of RDD 0 not found\n'
    + '    at http://localhost:4916/assets/executorWorker-BWgSJa0t.js:1:12558\n    at Array.forEach (<anonymous>)\n    at e (executorWorker-BWgSJa0t.js:2:301)';

  it('drops the stack frames of the bundle', () => {
    expect(withoutStackFrames(error)).toBe(error.split('\n')[0]);
    expect(withoutStackFrames('TypeError: x is undefined\nf@http://localhost/assets/a-1.js:1:2')).toBe('TypeError: x is undefined');
  });

  it('carries the cause (the first task failure) and the failing nodes beside Spark\'s message', () => {
    const e = eventToConsoleError({ type: 'jobEnd', time: 5000, jobId: 3, result: 'JobFailed', error,
      errorCode: 'JOB_ABORTED', cause: 'TaskTimeout: task exceeded 2000 ms (possible infinite loop in map at pairs)', causeCode: 'TASK_TIMEOUT', failedNodeIds: ['pairs'] });
    expect(e).toMatchObject({ level: 'error', cause: 'TaskTimeout: task exceeded 2000 ms (possible infinite loop in map at pairs)', nodeIds: ['pairs'], nodeId: 'pairs', explainKey: 'explain.timeout' });
    expect(e?.message).not.toMatch(/\.js:\d+:\d+/);
  });
});
