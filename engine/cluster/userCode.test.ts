/**
 * A UDF that never returns or allocates without bound on a worker executor fails its
 * task with a message naming the operation, the worker is terminated and replaced, and later jobs run.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SparkConf, SparkContext, type EngineEvent } from '../index';
import type { LocalClusterBackend } from './clusterBackend';
import { executorHeapLimitMiB } from './clusterBackend';
import { errors } from '../core/errors';

const contexts: SparkContext[] = [];
afterEach(async () => { await Promise.all(contexts.splice(0).map((sc) => sc.stop())); });

function context(master: string, settings: Record<string, string>): { sc: SparkContext; events: EngineEvent[] } {
  const conf = new SparkConf().setMaster(master).setAppName('user-code-test');
  for (const [k, v] of Object.entries(settings)) conf.set(k, v);
  const sc = new SparkContext(conf);
  const events: EngineEvent[] = [];
  sc.addSparkListener((e) => events.push(e));
  contexts.push(sc);
  return { sc, events };
}

const ofType = <T extends EngineEvent['type']>(events: EngineEvent[], t: T) => events.filter((e): e is Extract<EngineEvent, { type: T }> => e.type === t);

describe('task timeout (spark.studio.task.timeout)', () => {
  it('a looping UDF fails its task, the worker is replaced, the job aborts after maxFailures, the next job runs', async () => {
    const { sc, events } = context('local-cluster[2,1,64]', { 'spark.studio.task.timeout': '500ms', 'spark.task.maxFailures': '2' });
    await sc.whenReady();
    sc.setCallSite('loop-node');
    const looping = sc.parallelize([1, 2, 3], 1).map((x: number) => { for (;;) { if (x < 0) return x; } });
    sc.setCallSite(undefined);
    const err = await looping.collect().then(() => undefined, (e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect(err!.message).toContain('Job aborted due to stage failure: Task 0 in stage 0.0 failed 2 times');
    expect(err!.message).toContain(`TaskTimeout: ${errors.taskTimeout(500, 'map at loop-node').message}`);

    const failed = ofType(events, 'taskEnd').filter((e) => e.reason !== 'Success');
    expect(failed.map((e) => e.failureReason)).toEqual([
      'TaskTimeout: task exceeded 500 ms (possible infinite loop in map at loop-node)',
      'TaskTimeout: task exceeded 500 ms (possible infinite loop in map at loop-node)',
    ]);
    // Each hung executor was terminated and removed; a fresh one registered in its place.
    const removed = ofType(events, 'executorRemoved');
    expect(removed).toHaveLength(2);
    expect(removed[0].reason).toMatch(/terminated by the driver: task \d+ .*exceeded spark\.studio\.task\.timeout \(500 ms\)/);
    await (sc.backend as LocalClusterBackend).settled();
    expect(ofType(events, 'executorAdded').map((e) => e.executorId)).toEqual(['0', '1', '2', '3']);
    expect(sc.getExecutorIds().sort()).toEqual(['2', '3']);

    const counts = await sc.parallelize(['a b', 'b c', 'c'], 2).flatMap((l: string) => l.split(' ')).map((w: string) => [w, 1] as [string, number])
      .reduceByKey((a: number, b: number) => a + b, 2).collectAsMap();
    expect(Object.fromEntries(counts)).toEqual({ a: 1, b: 2, c: 2 });
  }, 60_000);

  it('names every candidate when a task runs several user functions, and a task that finishes in time is untouched', async () => {
    const { sc, events } = context('local-cluster[1,2,64]', { 'spark.studio.task.timeout': '400ms', 'spark.task.maxFailures': '1' });
    await sc.whenReady();
    sc.setCallSite('n1');
    const a = sc.parallelize([1, 2, 3, 4], 2).filter((x: number) => x > 0);
    sc.setCallSite('n2');
    const b = a.map((x: number) => { while (x > 2) { /* spins for x > 2 */ } return x; });
    sc.setCallSite(undefined);
    expect(await a.collect()).toEqual([1, 2, 3, 4]);
    const err = await b.collect().then(() => undefined, (e: unknown) => e as Error);
    expect(err?.message).toContain(errors.taskTimeout(400, 'one of: filter at n1, map at n2').message);
    // Partition 0 ([1, 2]) finished on the same executor before partition 1 hung it, or was lost with it (not counted).
    const ends = ofType(events, 'taskEnd').filter((e) => e.reason !== 'Success');
    expect(ends.every((e) => e.reason === 'ExceptionFailure' || e.reason === 'ExecutorLostFailure')).toBe(true);
    expect(ends.filter((e) => e.reason === 'ExceptionFailure').every((e) => e.partition === 1)).toBe(true);
  }, 60_000);
});

describe('executor memory limits', () => {
  it('derives the worker heap limit from M with Spark\'s memoryOverhead rule', () => {
    expect(executorHeapLimitMiB(1024)).toBe(1024 + 384);
    expect(executorHeapLimitMiB(8192)).toBe(8192 + 820);
    expect(executorHeapLimitMiB(16, 112)).toBe(128);
  });

  it('a UDF that allocates without bound fails with the out-of-memory message; the worker is replaced; the next job runs', async () => {
    const { sc, events } = context('local-cluster[1,1,16]', { 'spark.executor.memoryOverhead': '112m', 'spark.task.maxFailures': '2', 'spark.studio.task.timeout': '60s' });
    await sc.whenReady();
    sc.setCallSite('hog');
    const hog = sc.parallelize([1], 1).map((x: number) => { const keep: number[][] = []; for (;;) keep.push(new Array(1 << 16).fill(x)); });
    sc.setCallSite(undefined);
    const err = await hog.collect().then(() => undefined, (e: unknown) => e as Error);
    expect(err?.message).toContain('failed 2 times');
    expect(err?.message).toMatch(/OutOfMemoryError: executor \d ran out of memory \(limit 128 MiB\) while running map at hog: /);
    const removed = ofType(events, 'executorRemoved');
    expect(removed.length).toBe(2);
    expect(removed[0].reason).toMatch(/^Executor 0 ran out of memory \(heap limit 128 MiB\)/);
    await (sc.backend as LocalClusterBackend).settled();
    expect(sc.getExecutorIds()).toEqual(['2']);
    expect(await sc.parallelize([1, 2, 3], 1).map((x: number) => x * 2).collect()).toEqual([2, 4, 6]);
  }, 60_000);
});

describe('a looping UDF in a streaming job', () => {
  it('fails its batch with the timeout message; later batches run on the replacement executors', async () => {
    const { StreamingContext, Seconds } = await import('../index');
    const { stepWithTimeout, stopQuietly } = await import('../streaming/conformance/runner');
    const conf = new SparkConf().setMaster('local-cluster[2,1,64]').setAppName('udf-loop-stream').set('spark.streaming.clock', 'manual')
      .set('spark.studio.task.timeout', '300ms').set('spark.task.maxFailures', '2');
    const ssc = new StreamingContext(conf, Seconds(1));
    ssc.stdout = () => undefined;
    const events: EngineEvent[] = [];
    const sc = ssc.sparkContext;
    sc.addSparkListener((e) => events.push(e));
    const batches = [['a', 'b'], ['a', 'loop'], ['b', 'c']];
    sc.setCallSite('spin');
    const mapped = ssc.queueStream(batches.map((b) => sc.parallelize(b, 2)))
      .map((w: string) => { while (w === 'loop') { /* never returns */ } return w.toUpperCase(); });
    sc.setCallSite(undefined);
    const outputs = new Map<number, string[]>();
    const errorsSeen: string[] = [];
    mapped.foreachRDD(async (rdd, time) => {
      try { outputs.set(time.milliseconds, (await rdd.collect()).sort()); } catch (e) { errorsSeen.push((e as Error).message); throw e; }
    });
    try {
      await ssc.start();
      await stepWithTimeout(ssc, 3, 30000).catch(() => undefined);
      expect(outputs.get(1000)).toEqual(['A', 'B']);
      expect(outputs.has(2000)).toBe(false);
      expect(outputs.get(3000)).toEqual(['B', 'C']);
      expect(errorsSeen).toHaveLength(1);
      expect(errorsSeen[0]).toContain('task exceeded 300 ms (possible infinite loop in map at spin)');
      expect(ofType(events, 'executorRemoved').length).toBe(2);
    } finally {
      await stopQuietly(ssc);
    }
  }, 60_000);
});

describe('executor exits caused by the application (Spark exitCausedByApp)', () => {
  it('process.exit in a task counts towards spark.task.maxFailures: the job aborts after 4 attempts and no executor is started beyond that', async () => {
    const { sc, events } = context('local-cluster[1,1,32]', { 'spark.studio.task.timeout': '60s' });
    await sc.whenReady();
    sc.setCallSite('quitter');
    // Reaches the real process through the Function constructor (programs are code: nothing stops them here).
    const quit = sc.parallelize([1], 1).map((x: number) => { ((() => 0).constructor('return this')() as { process: { exit(c: number): never } }).process.exit(3); return x; });
    sc.setCallSite(undefined);
    const err = await quit.collect().then(() => undefined, (e: unknown) => e as Error);
    expect(err?.message).toMatch(/^Job aborted due to stage failure: Task 0 in stage 0\.0 failed 4 times, most recent failure: Lost task 0\.3 in stage 0\.0 \(TID 3\) \(worker-1 executor 3\): ExecutorLostFailure \(executor 3 exited caused by one of the running tasks\) Reason: Worker exited unexpectedly while running map at quitter: Worker exited with code 3/);
    await (sc.backend as LocalClusterBackend).settled();
    expect(ofType(events, 'executorRemoved').length).toBe(4);
    expect(ofType(events, 'executorAdded').map((e) => e.executorId)).toEqual(['0', '1', '2', '3', '4']);
    expect(ofType(events, 'taskEnd').map((e) => e.reason)).toEqual(['ExecutorLostFailure', 'ExecutorLostFailure', 'ExecutorLostFailure', 'ExecutorLostFailure']);
    expect(await sc.parallelize([1, 2], 1).map((x: number) => x + 1).collect()).toEqual([2, 3]);
  }, 60_000);
});

describe('array buffers count against the executor memory limit', () => {
  it('a worker executor holding 2 GB of Float64Arrays against a 64 MiB limit fails its task naming the node and the limit', async () => {
    const { sc, events } = context('local-cluster[1,1,16]', { 'spark.executor.memoryOverhead': '48m', 'spark.task.maxFailures': '1', 'spark.studio.task.timeout': '60s' });
    await sc.whenReady();
    sc.setCallSite('bomb');
    // 256 arrays of 8 MiB: 2 GiB if nothing stopped it; the meter refuses the ninth or so.
    const bomb = sc.parallelize([1], 1).map((x: number) => { const keep: Float64Array[] = []; for (let i = 0; i < 256; i++) keep.push(new Float64Array(1 << 20)); return keep.length + x; });
    sc.setCallSite(undefined);
    const err = await bomb.collect().then(() => undefined, (e: unknown) => e as Error);
    expect(err?.message).toMatch(/failed 1 times, most recent failure: .*: OutOfMemoryError: executor 0 ran out of memory \(limit 64 MiB\) while running map at bomb: allocating 8\.0 MiB of array buffers \(typed arrays, ArrayBuffer, WebAssembly\.Memory\) with [\d.]+ MiB already in use would pass the executor's memory limit of 64\.0 MiB/);
    expect(ofType(events, 'executorRemoved')[0]?.reason).toMatch(/^Executor 0 ran out of memory/);
    await (sc.backend as LocalClusterBackend).settled();
    expect(await sc.parallelize([1, 2], 1).map((x: number) => x * 3).collect()).toEqual([3, 6]);
  }, 60_000);

  it('a caught refusal still fails the task (the meter trips)', async () => {
    const { sc } = context('local-cluster[1,1,16]', { 'spark.executor.memoryOverhead': '48m', 'spark.task.maxFailures': '1', 'spark.studio.task.timeout': '60s' });
    await sc.whenReady();
    const sly = sc.parallelize([1], 1).map((x: number) => { try { return new Float64Array(1 << 24).length; } catch { return x; } });
    await expect(sly.collect()).rejects.toThrow(/ran out of memory \(limit 64 MiB\).*allocating 128\.0 MiB of array buffers/);
  }, 60_000);
});

describe('Object.prototype.then set by a function', () => {
  it('local[2]: the task fails naming the prototype, the property is removed, the job does not hang and the next job runs', async () => {
    const sc = new SparkContext(new SparkConf().setMaster('local[2]').setAppName('then-pollution'));
    contexts.push(sc);
    const polluted = sc.parallelize([1, 2], 1).map((x: number) => { (Object.prototype as { then?: unknown }).then = function () { /* never settles */ }; return x; });
    await expect(polluted.collect()).rejects.toThrow(/TypeError: map set Object\.prototype\.then: that makes every such object a thenable/);
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'then')).toBe(false);
    expect(await sc.parallelize([1, 2], 1).map((x: number) => x + 1).collect()).toEqual([2, 3]);
  });
});
