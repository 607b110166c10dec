/**
 * The DAG scheduler as Spark's: task retries (local[N,F] allows F attempts, local[N] one, as Spark's local mode),
 * the job abort message, cached partitions read instead of recomputed, and map stages skipped when their
 * shuffle output already exists.
 */
import { describe, expect, it } from 'vitest';
import { SparkConf } from '../core/conf';
import type { EngineEvent } from '../core/events';
import { TaskContext } from '../executor/evaluate';
import { SparkContext } from './SparkContext';

const context = (master: string, conf: Record<string, string> = {}) => {
  const c = new SparkConf().setMaster(master).setAppName('DAGSchedulerSuite');
  for (const [k, v] of Object.entries(conf)) c.set(k, v);
  const sc = new SparkContext(c);
  const events: EngineEvent[] = [];
  sc.addSparkListener((e) => { events.push(e); });
  return { sc, events };
};
type Ev<T extends EngineEvent['type']> = Extract<EngineEvent, { type: T }>;
const of = <T extends EngineEvent['type']>(events: EngineEvent[], type: T) => events.filter((e): e is Ev<T> => e.type === type);

describe('task retries and job abort', () => {
  it('a function failing on its first attempt succeeds on the retry with local[2,4]', async () => {
    const { sc, events } = context('local[2,4]');
    const doubled = sc.parallelize([1, 2, 3, 4], 2).map((x) => {
      if (TaskContext.get()!.attemptNumber() === 0) throw new Error('first attempt fails');
      return x * 2;
    });
    expect(await doubled.collect()).toEqual([2, 4, 6, 8]);
    const ends = of(events, 'taskEnd').map((e) => [e.partition, e.attempt, e.reason]).sort();
    expect(ends).toEqual([[0, 0, 'ExceptionFailure'], [0, 1, 'Success'], [1, 0, 'ExceptionFailure'], [1, 1, 'Success']]);
    expect(of(events, 'taskEnd').find((e) => e.reason !== 'Success')?.failureReason).toBe('Error: first attempt fails');
    expect(of(events, 'jobEnd').map((e) => e.result)).toEqual(['JobSucceeded']);
    await sc.stop();
  });

  it('a function that always fails aborts the job after 4 attempts, with Spark\'s message and the function\'s stack', async () => {
    const { sc, events } = context('local[2,4]');
    const failing = sc.parallelize([1], 1).map((x) => { if (x > 0) throw new Error('always fails'); return x; });
    const err = await failing.collect().then(() => undefined, (e: Error) => e);
    expect(err?.name).toBe('SparkException');
    const [first, ...stack] = err!.message.split('\n');
    expect(first).toBe('Job aborted due to stage failure: Task 0 in stage 0.0 failed 4 times, most recent failure: ' +
      'Lost task 0.3 in stage 0.0 (TID 3) (localhost executor driver): Error: always fails');
    expect(stack.length).toBeGreaterThan(0);
    expect(stack[0]).toMatch(/^\s+at /);
    expect(of(events, 'taskStart').map((e) => e.attempt)).toEqual([0, 1, 2, 3]);
    expect(of(events, 'jobEnd')[0]).toMatchObject({ result: 'JobFailed' });
    await sc.stop();
  });

  it('with several partitions, the task that reaches 4 failures is named', async () => {
    const { sc } = context('local[2,4]');
    const err = await sc.parallelize([1, 2, 3], 3).map((x: number) => { throw new TypeError(`bad ${x}`); }).count().catch((e: Error) => e) as Error;
    expect(err.message).toMatch(/^Job aborted due to stage failure: Task (\d) in stage 0\.0 failed 4 times, most recent failure: Lost task \1\.3 in stage 0\.0 \(TID \d+\) \(localhost executor driver\): TypeError: bad \d/);
    await sc.stop();
  });

  it.each([
    ['local[2]', {}],
    ['local', {}],
    ['local[2]', { 'spark.task.maxFailures': '4' }],   // Spark's local mode ignores spark.task.maxFailures
  ] as [string, Record<string, string>][])('%s %o fails the job on the first task failure', async (master, conf) => {
    const { sc, events } = context(master, conf);
    const err = await sc.parallelize([1], 1).map((x) => { if (TaskContext.get()!.attemptNumber() === 0) throw new Error('once'); return x; }).collect().catch((e: Error) => e);
    expect((err as Error).message.split('\n')[0]).toBe('Job aborted due to stage failure: Task 0 in stage 0.0 failed 1 times, most recent failure: ' +
      'Lost task 0.0 in stage 0.0 (TID 0) (localhost executor driver): Error: once');
    expect(of(events, 'taskStart').length).toBe(1);
    await sc.stop();
  });

  it('a failure in a shuffle map stage aborts with that stage\'s id', async () => {
    const { sc } = context('local[2]');
    const err = await sc.parallelize([1, 2], 1).map((x) => { throw new Error(`map side ${x}`); }).map((x) => [x, 1] as [unknown, number])
      .reduceByKey((a, b) => a + b).collect().catch((e: Error) => e) as Error;
    expect(err.message.split('\n')[0]).toBe('Job aborted due to stage failure: Task 0 in stage 0.0 failed 1 times, most recent failure: ' +
      'Lost task 0.0 in stage 0.0 (TID 0) (localhost executor driver): Error: map side 1');
    await sc.stop();
  });
});

describe('reuse: cached partitions and skipped stages', () => {
  it('a cached RDD is computed once: the second action reads the blocks the first one stored', async () => {
    const { sc, events } = context('local[2]');
    const stamped = sc.parallelize([1, 2, 3, 4], 2).map((x) => [x, TaskContext.get()!.taskAttemptId()] as [number, number]).cache();
    const first = await stamped.collect();
    expect(of(events, 'blockUpdated').map((e) => e.blockId).sort()).toEqual([`rdd_${stamped.id}_0`, `rdd_${stamped.id}_1`]);
    events.length = 0;
    expect(await stamped.collect()).toEqual(first);                    // same task ids: nothing was recomputed
    expect(await stamped.map((p) => p[1]).collect()).toEqual(first.map((p) => p[1]));
    expect(of(events, 'blockUpdated')).toEqual([]);
    stamped.unpersist();
    const recomputed = await stamped.collect();
    expect(recomputed.map((p) => p[1])).not.toEqual(first.map((p) => p[1]));
    await sc.stop();
  });

  it('a second action on a shuffled RDD skips the map stage (its outputs exist)', async () => {
    const { sc, events } = context('local[2]');
    const counts = sc.parallelize(['a', 'b', 'a', 'c'], 3).map((w) => [w, 1] as [string, number]).reduceByKey((a, b) => a + b, 2);
    await counts.collect();
    const mapTasks = () => {
      const mapStages = new Set(of(events, 'stageSubmitted').filter((e) => e.isShuffleMap).map((e) => e.stageId));
      return of(events, 'taskStart').filter((e) => mapStages.has(e.stageId)).length;
    };
    expect(mapTasks()).toBe(3);
    expect(of(events, 'taskStart').length).toBe(5);
    events.length = 0;
    expect(await counts.count()).toBe(3);
    expect(mapTasks()).toBe(0);
    expect(of(events, 'taskStart').length).toBe(2);              // only the result stage's tasks
    const job = of(events, 'jobStart')[0];
    expect(job.stageIds.length).toBe(2);                          // the job still lists the (skipped) map stage
    // A new shuffle on top reuses the first one's outputs too: only its own map stage runs.
    events.length = 0;
    await counts.map((kv) => [kv[1], kv[0]] as [number, string]).groupByKey(1).collect();
    expect(of(events, 'stageSubmitted').map((e) => [e.isShuffleMap, e.numTasks])).toEqual([[true, 2], [false, 1]]);
    await sc.stop();
  });

  it('a cached shuffled RDD: the second action runs only result tasks, which read the cache', async () => {
    const { sc, events } = context('local[2]');
    const reduced = sc.parallelize([1, 2, 3, 4, 5, 6], 2).map((x) => [x % 3, x] as [number, number]).reduceByKey((a, b) => a + b).cache();
    const first = await reduced.collect();
    events.length = 0;
    expect(await reduced.collect()).toEqual(first);
    expect(of(events, 'stageSubmitted').map((e) => e.isShuffleMap)).toEqual([false]);
    expect(of(events, 'taskEnd').every((e) => e.metrics.shuffleReadRecords === 0)).toBe(true);
    await sc.stop();
  });
});
