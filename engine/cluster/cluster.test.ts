/**
 * local-cluster[W,C,M] with real worker_threads executors: start-up sequence, jobs equal to local[2],
 * broadcasts and cached blocks across workers, killed executors, speculation, start-up failures and
 * records that cannot cross a worker boundary.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SparkConf, SparkContext, type EngineEvent, type EngineRuntime } from '../index';
import { closure } from '../core/closure';
import { errors } from '../core/errors';
import type { LocalClusterBackend } from './clusterBackend';
import { NodeWorkerSpawner } from './node/nodeSpawner';
import { nodeRuntime } from '../runtime/nodeRuntime';

const contexts: SparkContext[] = [];
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((sc) => sc.stop()));
});

function context(master: string, settings: Record<string, string> = {}, runtime?: EngineRuntime): { sc: SparkContext; events: EngineEvent[] } {
  const conf = new SparkConf().setMaster(master).setAppName('cluster-test');
  for (const [k, v] of Object.entries(settings)) conf.set(k, v);
  const events: EngineEvent[] = [];
  const sc = new SparkContext(conf, { runtime });
  // The constructor posts the first steps before anyone can listen: read them from a fresh bus below.
  sc.addSparkListener((e) => events.push(e));
  contexts.push(sc);
  return { sc, events };
}

const LINES = Array.from({ length: 40 }, (_, i) => `w${i % 7} w${i % 3} w${(i * 5) % 11}`);

async function wordCount(sc: SparkContext): Promise<[string, number][]> {
  const counts = await sc.parallelize(LINES, 4).flatMap((l) => l.split(' ')).map((w) => [w, 1] as [string, number])
    .reduceByKey((a, b) => a + b, 3).collect();
  return counts as [string, number][];
}

const sorted = <T>(xs: T[]): T[] => [...xs].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

describe('local-cluster start-up', () => {
  it('launches W workers, registers executors "0".."W-1" in order and runs the first job', async () => {
    const { sc, events } = context('local-cluster[2,2,64]');
    await sc.whenReady();
    expect(sc.getExecutorIds().sort()).toEqual(['0', '1']);
    const added = events.filter((e) => e.type === 'executorAdded');
    expect(added.map((e) => e.type === 'executorAdded' && [e.executorId, e.host, e.cores, e.memoryMiB])).toEqual([['0', 'worker-1', 2, 64], ['1', 'worker-2', 2, 64]]);
    await wordCount(sc);
    const steps = events.filter((e) => e.type === 'clusterStep').map((e) => e.type === 'clusterStep' && `${e.index}:${e.step}:${e.executorId ?? ''}`);
    expect(steps).toEqual(['4:executorRegistered:0', '4:executorRegistered:1', '5:dagSubmitted:']);
    expect(sc.defaultParallelism).toBe(4);
    expect((sc.backend as LocalClusterBackend).maxTaskFailures).toBe(4);
  });

  it('posts resourcesRequested and executorLaunched per worker before registration', async () => {
    const events: EngineEvent[] = [];
    const { EventBus } = await import('../core/events');
    const orig = EventBus.prototype.post;
    EventBus.prototype.post = function (e: EngineEvent) { events.push(e); orig.call(this, e); };
    try {
      const { sc } = context('local-cluster[2,1,32]');
      await sc.whenReady();
    } finally { EventBus.prototype.post = orig; }
    const steps = events.filter((e) => e.type === 'clusterStep').map((e) => e.type === 'clusterStep' && `${e.step}${e.executorId ? ':' + e.executorId : ''}`);
    expect(steps).toEqual(['driverStarted', 'resourcesRequested', 'executorLaunched:0', 'executorLaunched:1', 'executorRegistered:0', 'executorRegistered:1']);
  });
});

describe('local-cluster jobs equal local[2]', () => {
  it('word count (shuffle fetched executor to executor)', async () => {
    const local = context('local[2]').sc;
    const expected = await wordCount(local);
    const { sc } = context('local-cluster[2,2,64]');
    expect(sorted(await wordCount(sc))).toEqual(sorted(expected));
  });

  it('groupByKey, join and Options survive the trip', async () => {
    const run = async (sc: SparkContext) => {
      const a = sc.parallelize([[1, 'a'], [2, 'b'], [1, 'c']] as [number, string][], 2);
      const b = sc.parallelize([[1, 10], [3, 30]] as [number, number][], 2);
      const grouped = (await a.groupByKey(2).collect()).map(([k, vs]) => `${k}:${String(vs)}`);
      const joined = (await a.leftOuterJoin(b).collect()).map((r) => `${r[0]}:${r[1][0]}:${String(r[1][1])}`);
      return [sorted(grouped), sorted(joined)];
    };
    const expected = await run(context('local[2]').sc);
    expect(await run(context('local-cluster[2,2,64]').sc)).toEqual(expected);
    expect(expected[0]).toEqual(['1:CompactBuffer(a, c)', '2:CompactBuffer(b)']);
    expect(expected[1]).toContain('1:a:Some(10)');
  });

  it('broadcast variables reach worker executors', async () => {
    const { sc } = context('local-cluster[2,1,64]');
    const stop = sc.broadcast(['w1', 'w2']);
    const kept = await sc.parallelize(['w1', 'w2', 'w3', 'w4'], 4).filter(closure({ stop }, (w: string) => !stop.value.includes(w))).collect();
    expect(kept).toEqual(['w3', 'w4']);
  });

  it('cached partitions are reused from the executor that holds them', async () => {
    const { sc, events } = context('local-cluster[2,2,64]');
    const rdd = sc.parallelize([1, 2, 3, 4, 5, 6], 3).map((x) => x * 2).cache();
    expect(await rdd.collect()).toEqual([2, 4, 6, 8, 10, 12]);
    expect(await rdd.map((x) => x + 1).collect()).toEqual([3, 5, 7, 9, 11, 13]);
    const blocks = events.filter((e) => e.type === 'blockUpdated' && e.blockId.startsWith(`rdd_${rdd.id}_`));
    expect(blocks.length).toBe(3);
    expect(blocks.every((e) => e.type === 'blockUpdated' && ['0', '1'].includes(e.executorId))).toBe(true);
  });
});

describe('killExecutor', () => {
  it('mid-stage: tasks fail as ExecutorLostFailure, lost map outputs are recomputed, no replacement until requestExecutors, output unchanged', async () => {
    const expected = await wordCount(context('local[2]').sc);
    const { sc, events } = context('local-cluster[2,2,64]');
    await sc.whenReady();
    // A straggling reduce task (stage 1, partition 0); kill its executor as soon as it starts.
    let armed = true;
    sc.taskFaults = (stageId, p) => (armed && stageId === 1 && p === 0 ? (armed = false, { delayMs: 5000 }) : undefined);
    let killed: Promise<boolean> | undefined;
    let victim = '';
    sc.addSparkListener((e) => {
      if (e.type === 'taskStart' && e.stageId === 1 && e.partition === 0 && !killed) { victim = e.executorId; killed = sc.killExecutor(e.executorId); }
    });
    const result = await wordCount(sc);
    expect(await killed).toBe(true);
    expect(sorted(result)).toEqual(sorted(expected));
    await (sc.backend as LocalClusterBackend).settled();

    const removed = events.find((e) => e.type === 'executorRemoved');
    expect(removed).toMatchObject({ type: 'executorRemoved', executorId: victim, reason: 'Executor killed by driver.' });
    const lost = events.filter((e) => e.type === 'taskEnd' && e.reason === 'ExecutorLostFailure');
    expect(lost.length).toBeGreaterThan(0);
    expect(lost[0]).toMatchObject({ failureReason: expect.stringContaining(`ExecutorLostFailure (executor ${victim} exited unrelated to the running tasks) Reason: Executor killed by driver.`) });
    // The map stage (0) is resubmitted for the outputs that lived on the killed executor.
    expect(events.some((e) => e.type === 'stageSubmitted' && e.stageId === 0 && e.attemptId > 0)).toBe(true);
    // Spark's sc.killExecutor lowers the target: the cluster manager launches no replacement...
    const survivor = victim === '0' ? '1' : '0';
    const addedIds = () => events.filter((e) => e.type === 'executorAdded').map((e) => e.type === 'executorAdded' && e.executorId);
    expect(addedIds()).not.toContain('2');
    expect(sc.getExecutorIds()).toEqual([survivor]);
    // ...until the application asks for one (SparkContext.requestExecutors).
    expect(await sc.requestExecutors(1)).toBe(true);
    expect(addedIds()).toContain('2');
    expect(sc.getExecutorIds().sort()).toEqual([survivor, '2'].sort());
    const order = ['executorRemoved', 'executorAdded'].map((t) => events.findIndex((e) => e.type === t && (t === 'executorRemoved' || (e as { executorId: string }).executorId === '2')));
    expect(order[0]).toBeLessThan(order[1]);
    // Jobs keep running on the new executor set.
    expect(sorted(await wordCount(sc))).toEqual(sorted(expected));
  });

  it('returns false for an unknown executor', async () => {
    const { sc } = context('local-cluster[1,1,16]');
    await sc.whenReady();
    expect(await sc.killExecutor('7')).toBe(false);
  });

  it('killExecutors removes the live ones it names (skipping unknown ids) and none is replaced; requestExecutors adds them back', async () => {
    const { sc, events } = context('local-cluster[3,1,16]');
    await sc.whenReady();
    expect(await sc.killExecutors(['0', '7', '2'])).toBe(true);
    await (sc.backend as LocalClusterBackend).settled();
    expect(sc.getExecutorIds()).toEqual(['1']);
    expect(events.filter((e) => e.type === 'executorRemoved').map((e) => e.type === 'executorRemoved' && e.executorId)).toEqual(['0', '2']);
    expect(await sc.killExecutors(['7'])).toBe(false);
    expect(await sc.requestExecutors(2)).toBe(true);
    expect(sc.getExecutorIds().sort()).toEqual(['1', '3', '4']);
    // Each new executor goes to a worker left without one (worker-1 and worker-3), as a cluster manager spreads them.
    const hosts = events.filter((e) => e.type === 'executorAdded' && Number(e.executorId) >= 3).map((e) => e.type === 'executorAdded' && e.host);
    expect(hosts.sort()).toEqual(['worker-1', 'worker-3']);
    await expect(sc.requestExecutors(-1)).rejects.toThrow(errors.requestExecutorsCount(-1).message);
  });

  it('local mode cannot kill or request executors (Spark\'s local backend): false', async () => {
    const { sc } = context('local[2]');
    expect(await sc.killExecutor('driver')).toBe(false);
    expect(await sc.requestExecutors(1)).toBe(false);
  });
});

describe('speculation', () => {
  it('a straggler gets a speculative copy on another executor; the copy wins and the original is killed', async () => {
    const { sc, events } = context('local-cluster[2,2,64]', { 'spark.speculation': 'true', 'spark.speculation.interval': '20ms' });
    await sc.whenReady();
    let armed = true;
    sc.taskFaults = (_s, p) => (armed && p === 0 ? (armed = false, { delayMs: 30000 }) : undefined);
    const out = await sc.parallelize([1, 2, 3, 4, 5, 6, 7, 8], 4).map((x) => x * 10).collect();
    expect(out).toEqual([10, 20, 30, 40, 50, 60, 70, 80]);
    const starts = events.filter((e) => e.type === 'taskStart' && e.partition === 0);
    expect(starts.map((e) => e.type === 'taskStart' && e.speculative)).toEqual([false, true]);
    const [orig, copy] = starts as Extract<EngineEvent, { type: 'taskStart' }>[];
    expect(copy.executorId).not.toBe(orig.executorId);
    await new Promise((r) => setTimeout(r, 50));
    const ends = events.filter((e) => e.type === 'taskEnd' && e.partition === 0) as Extract<EngineEvent, { type: 'taskEnd' }>[];
    expect(ends.find((e) => e.speculative)?.reason).toBe('Success');
    expect(ends.find((e) => !e.speculative)?.reason).toBe('TaskKilled');
  });

  it('is off by default', async () => {
    const { sc, events } = context('local-cluster[2,1,64]');
    let armed = true;
    sc.taskFaults = (_s, p) => (armed && p === 0 ? (armed = false, { delayMs: 300 }) : undefined);
    await sc.parallelize([1, 2, 3, 4], 4).collect();
    expect(events.some((e) => e.type === 'taskStart' && e.speculative)).toBe(false);
  });
});

describe('bad input', () => {
  it('a worker that dies at start-up is reported; the others run the job', async () => {
    const { sc, events } = context('local-cluster[2,1,64]', { 'spark.studio.cluster.crashOnStart': '0' });
    expect(await sc.parallelize([1, 2, 3], 3).map((x) => x + 1).collect()).toEqual([2, 3, 4]);
    expect(sc.getExecutorIds()).toEqual(['1']);
    expect((sc.backend as LocalClusterBackend).launchFailures.get('0')).toMatch(/Executor 0 crashed during start-up/);
    expect(events.some((e) => e.type === 'warning' && /executor 0 failed to start/.test(e.message))).toBe(true);
  });

  it('no executor starting fails the job with the error instead of hanging', async () => {
    const { sc } = context('local-cluster[2,1,64]', { 'spark.studio.cluster.crashOnStart': '0,1' });
    await expect(sc.parallelize([1], 1).collect()).rejects.toThrow(/Failed to start any executor for local-cluster\[2,1,64\]: executor 0: .*crashed during start-up/);
  });

  it('a worker script that does not load is reported with its error', async () => {
    const missingEntry = nodeRuntime({ workerSpawner: () => new NodeWorkerSpawner({ entryUrl: new URL('./node/doesNotExist.ts', import.meta.url) }) });
    const { sc } = context('local-cluster[1,1,16]', {}, missingEntry);
    await expect(sc.parallelize([1], 1).collect()).rejects.toThrow(/Failed to start any executor.*doesNotExist/);
  });

  it('a record that cannot be cloned fails the task, naming the record type', async () => {
    const { sc } = context('local-cluster[1,1,16]', { 'spark.task.maxFailures': '2' });
    const job = sc.parallelize([1, 2], 1).map((x) => { class Celsius { constructor(readonly v: number) {} } return new Celsius(x); }).collect();
    await expect(job).rejects.toThrow(/failed 2 times.*NotSerializableException: a record of type Celsius \(at record\[0\]\) cannot be sent to the driver as a task result/s);
  });

  it('a function inside shuffled records fails the map task', async () => {
    const { sc } = context('local-cluster[1,1,16]', { 'spark.task.maxFailures': '1' });
    const job = sc.parallelize([1, 2], 1).map((x) => [x, () => x] as [number, () => number]).groupByKey().collect();
    await expect(job).rejects.toThrow(/a function .*cannot be sent to the reducers of a shuffle/);
  });
});
