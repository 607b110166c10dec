/**
 * Spark's TaskContext for user functions: `TaskContext.get()` inside a shipped function returns the task that
 * runs it (attemptNumber() is 0 on the first attempt, 1 on the first retry, ...); outside a task it returns null.
 * Its own file so that the table of shipped globals can import it without importing the evaluator.
 */
export interface TaskContextInfo {
  stageId: number; stageAttemptNumber: number; partitionId: number; attemptNumber: number; taskAttemptId: number;
  /** Files added with sc.addFile, by name: their text (SparkFiles). */
  files?: Readonly<Record<string, string>>;
}

/** The task whose user functions run now (they run synchronously inside a push, one at a time per realm). */
const running: { task: TaskContext | undefined } = { task: undefined };

export class TaskContext {
  private constructor(private readonly info: TaskContextInfo) {}
  static get(): TaskContext | null { return running.task ?? null; }
  /** @internal */ static of(info: TaskContextInfo): TaskContext { return new TaskContext(info); }
  stageId(): number { return this.info.stageId; }
  stageAttemptNumber(): number { return this.info.stageAttemptNumber; }
  partitionId(): number { return this.info.partitionId; }
  attemptNumber(): number { return this.info.attemptNumber; }
  taskAttemptId(): number { return this.info.taskAttemptId; }
  /** @internal the files sc.addFile shipped with this task (SparkFiles reads them). */
  addedFiles(): Readonly<Record<string, string>> { return this.info.files ?? {}; }
}

/** Runs `body` (synchronous) with `info`'s task as TaskContext.get(), restoring the previous one after. */
export function withTaskContext<T>(info: TaskContextInfo, body: () => T): T {
  const previous = running.task;
  running.task = TaskContext.of(info);
  try { return body(); } finally { running.task = previous; }
}
