/**
 * The streaming engine on local-cluster[2,2,1024] (worker_threads executors): a representative subset of
 * the conformance suite gives the same results as local[2], and faults injected through ssc.faults
 * (a killed executor mid-stage, a killed receiver executor) leave every batch's output unchanged.
 * The whole suite runs on the cluster with DSTREAM_TEST_MASTER="local-cluster[2,2,1024]".
 */
import { describe, expect, it } from 'vitest';
import { SparkConf, StreamingContext, Seconds, type EngineEvent } from '../index';
import { assertCase, stepWithTimeout, stopQuietly, type StreamCase } from '../streaming/conformance/runner';
import { basicOperationsCases } from '../streaming/conformance/basicOperations.cases';
import { windowOperationsCases } from '../streaming/conformance/windowOperations.cases';
import { mapWithStateCases } from '../streaming/conformance/mapWithState.cases';
import type { LocalClusterBackend } from './clusterBackend';

const CLUSTER = 'local-cluster[2,2,1024]';

const SUBSET = [
  'map', 'flatMap', 'repartition (more partitions)', 'groupByKey', 'reduceByKey', 'countByValue', 'cogroup', 'join', 'leftOuterJoin',
  'fullOuterJoin', 'updateStateByKey', 'updateStateByKey - with initial value RDD', 'window - basic window',
  'reduceByKeyAndWindow - basic reduction', 'reduceByKeyAndWindow with inverse function - basic reduction',
  'groupByKeyAndWindow', 'countByValueAndWindow', 'mapWithState - basic operations with simple API',
];

const all: StreamCase[] = [...basicOperationsCases, ...windowOperationsCases, ...mapWithStateCases];
const subset = all.filter((c) => SUBSET.includes(c.name) && !c.skip && !c.knownBug);

describe(`conformance subset on ${CLUSTER}`, () => {
  it('selects the cases it names', () => { expect(subset.length).toBeGreaterThanOrEqual(14); });
  for (const c of subset) it(c.name, async () => { await assertCase({ ...c, master: CLUSTER }); }, 30000);
});

interface Run { outputs: Map<number, string[]>; events: EngineEvent[]; ssc: StreamingContext }

/** queueStream word count, 3 batches; `fault` runs once the context is started. */
async function wordCountRun(master: string, fault?: (ssc: StreamingContext, events: EngineEvent[]) => void): Promise<Run> {
  const conf = new SparkConf().setMaster(master).setAppName('fault-test').set('spark.streaming.clock', 'manual');
  const ssc = new StreamingContext(conf, Seconds(1));
  ssc.stdout = () => undefined;
  const events: EngineEvent[] = [];
  ssc.sparkContext.addSparkListener((e) => events.push(e));
  const sc = ssc.sparkContext;
  const batches = [0, 1, 2].map((b) => Array.from({ length: 30 }, (_, i) => `w${(i * (b + 3)) % 7} w${i % 4}`));
  const words = ssc.queueStream(batches.map((b) => sc.parallelize(b, 4)))
    .flatMap((l: string) => l.split(' ')).map((w: string) => [w, 1] as [string, number]).reduceByKey((a: number, b: number) => a + b, 2);
  const outputs = new Map<number, string[]>();
  words.foreachRDD(async (rdd, time) => { outputs.set(time.milliseconds, (await rdd.collect()).map(String).sort()); });
  await ssc.start();
  fault?.(ssc, events);
  await stepWithTimeout(ssc, 3, 30000);
  return { outputs, events, ssc };
}

describe('faults on local-cluster', () => {
  it('killing the executor of a running reduce task: the batch output equals the fault-free run', async () => {
    const clean = await wordCountRun('local[2]');
    await stopQuietly(clean.ssc);
    let victim = '';
    const run = await wordCountRun(CLUSTER, (ssc, events) => {
      let stage = -1;
      ssc.sparkContext.addSparkListener((e) => {
        // Batch 2000 ms: make its reduce stage's partition 0 a straggler, and kill its executor when it starts.
        if (e.type === 'jobStart' && e.batchTime === 2000 && stage < 0) stage = Math.max(...e.stageIds);
        if (e.type === 'stageSubmitted' && e.stageId === stage && e.attemptId === 0) ssc.faults.slowTask(5000, stage, 0);
        if (e.type === 'taskStart' && e.stageId === stage && e.partition === 0 && !victim) {
          victim = e.executorId;
          void ssc.faults.killExecutor(e.executorId);
        }
      });
      void events;
    });
    await (run.ssc.sparkContext.backend as LocalClusterBackend).settled();
    const events = run.events;
    await stopQuietly(run.ssc);
    expect(victim).not.toBe('');
    expect([...run.outputs]).toEqual([...clean.outputs]);
    const idx = (pred: (e: EngineEvent) => boolean) => events.findIndex(pred);
    const removed = idx((e) => e.type === 'executorRemoved' && e.executorId === victim);
    const resubmitted = idx((e) => e.type === 'stageSubmitted' && e.attemptId > 0);
    const added = idx((e) => e.type === 'executorAdded' && e.executorId === '2');
    expect(removed).toBeGreaterThanOrEqual(0);
    expect(resubmitted).toBeGreaterThan(removed);
    expect(added).toBeGreaterThan(removed);
    expect(events[removed]).toMatchObject({ reason: 'Executor killed by driver.' });
    expect(events.some((e) => e.type === 'faultInjected' && e.fault === 'killExecutor' && e.target === victim)).toBe(true);
  }, 60000);

  it("killing the receiver's executor restarts the receiver on another executor; replicated blocks are not lost", async () => {
    const runRate = async (master: string, kill: boolean) => {
      const conf = new SparkConf().setMaster(master).setAppName('receiver-kill').set('spark.streaming.clock', 'manual');
      const ssc = new StreamingContext(conf, Seconds(1));
      ssc.stdout = () => undefined;
      const events: EngineEvent[] = [];
      ssc.sparkContext.addSparkListener((e) => events.push(e));
      const outputs: number[][] = [];
      ssc.rateStream(20).map((x) => Number(x) * 2).foreachRDD(async (rdd) => { outputs.push((await rdd.collect()).sort((a, b) => a - b)); });
      await ssc.start();
      await stepWithTimeout(ssc, 2, 30000);
      let victim = '';
      if (kill) {
        const started = events.find((e) => e.type === 'receiverStarted');
        victim = started?.type === 'receiverStarted' ? started.receiverInfo.executorId : '';
        await ssc.faults.killExecutor(victim);
        await (ssc.sparkContext.backend as LocalClusterBackend).settled();
        for (let i = 0; i < 50 && !events.some((e) => e.type === 'receiverStarted' && e.receiverInfo.executorId !== victim); i++) await new Promise((r) => setTimeout(r, 20));
      }
      await stepWithTimeout(ssc, 2, 30000);
      await stopQuietly(ssc);
      return { outputs, events, victim };
    };
    const clean = await runRate(CLUSTER, false);
    const faulty = await runRate(CLUSTER, true);
    expect(faulty.victim).not.toBe('');
    const restarts = faulty.events.filter((e) => e.type === 'receiverStarted').map((e) => e.type === 'receiverStarted' && e.receiverInfo.executorId);
    expect(restarts.length).toBe(2);
    expect(restarts[1]).not.toBe(faulty.victim);
    expect(faulty.events.some((e) => e.type === 'blocksLost')).toBe(false);
    expect(faulty.outputs).toEqual(clean.outputs);
    expect(faulty.outputs.flat().length).toBeGreaterThan(0);
  }, 60000);
});
