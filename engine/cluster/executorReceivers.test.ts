/**
 * Receivers are executor tasks: on local-cluster the rate source runs inside the worker executor that holds its
 * slot. Its records are made, cut into blocks and stored there (replicated to the other executor for *_2 levels);
 * the driver hears block ids and sizes only and never stores a received block itself. The batches are the same as
 * on local[2], where the receiver runs in the driver's realm beside the one in-process executor.
 */
import { describe, expect, it } from 'vitest';
import { SparkConf, StreamingContext, Seconds, StorageLevel, type EngineEvent } from '../index';
import { stepWithTimeout, stopQuietly } from '../streaming/conformance/runner';
import type { ExecutorHandle } from './backend';
import { advanceTo, captureEvents, manualContext, settle } from '../streaming/recovery/fixtures';

interface RateRun { outputs: number[][]; events: EngineEvent[]; runsOn: string; driverPuts: number; buffered: number[] }

async function rateRun(master: string, level: StorageLevel, conf: Record<string, string> = {}): Promise<RateRun> {
  const c = new SparkConf().setMaster(master).setAppName('executor-receivers').set('spark.streaming.clock', 'manual');
  for (const [k, v] of Object.entries(conf)) c.set(k, v);
  const ssc = new StreamingContext(c, Seconds(1));
  ssc.stdout = () => undefined;
  const events: EngineEvent[] = [];
  ssc.sparkContext.addSparkListener((e) => events.push(e));
  const outputs: number[][] = [];
  const buffered: number[] = [];
  ssc.rateStream(50, { storageLevel: level }).map((x) => Number(x)).foreachRDD(async (rdd) => { outputs.push((await rdd.collect()).sort((a, b) => a - b)); });
  let driverPuts = 0;
  let runsOn = '';
  try {
    await ssc.start();
    // Count blocks the driver pushes into executors (the receiver-in-the-driver path).
    for (const h of ssc.sparkContext.taskScheduler.liveExecutors() as ExecutorHandle[]) {
      const put = h.putBlock.bind(h);
      h.putBlock = (id, values, lvl) => { driverPuts++; return put(id, values, lvl); };
    }
    const sup = ssc.receiverTracker.supervisors.get(0)!;
    runsOn = sup.runsOn;
    for (let i = 0; i < 3; i++) { await stepWithTimeout(ssc, 1, 30000); buffered.push(sup.bufferedRecords); }
  } finally {
    await stopQuietly(ssc);
  }
  return { outputs, events, runsOn, driverPuts, buffered };
}

const blocksReceived = (events: EngineEvent[]) => events.flatMap((e) => (e.type === 'blockReceived' ? [e] : []));

describe('receivers run as executor tasks', () => {
  it('local-cluster[2,1,256]: the rate source runs in its executor, blocks replicated executor to executor, same batches as local[2]', async () => {
    const local = await rateRun('local[2]', StorageLevel.MEMORY_AND_DISK_SER_2);
    const cluster = await rateRun('local-cluster[2,1,256]', StorageLevel.MEMORY_AND_DISK_SER_2);
    expect(local.runsOn).toBe('driver');
    expect(cluster.runsOn).toBe('executor');
    expect(cluster.driverPuts).toBe(0);
    expect(local.driverPuts).toBeGreaterThan(0);
    expect(cluster.outputs).toEqual(local.outputs);
    expect(cluster.outputs.flat()).toEqual(Array.from({ length: 150 }, (_, i) => i));
    const started = cluster.events.find((e) => e.type === 'receiverStarted');
    const at = started?.type === 'receiverStarted' ? started.receiverInfo.executorId : undefined;
    const blocks = blocksReceived(cluster.events);
    expect(blocks.length).toBe(15);
    for (const b of blocks) {
      expect(b.executorId).toBe(at);
      expect(b.replicatedTo).toBeDefined();
      expect(b.replicatedTo).not.toBe(at);
    }
  }, 60_000);

  it('a single-replica level stays on the receiver\'s executor', async () => {
    const cluster = await rateRun('local-cluster[2,1,256]', StorageLevel.MEMORY_ONLY);
    expect(cluster.runsOn).toBe('executor');
    expect(blocksReceived(cluster.events).every((b) => b.replicatedTo === undefined)).toBe(true);
    expect(cluster.outputs.flat().length).toBe(150);
  }, 60_000);

  it('maxRate holds the producer back on the executor: batches take maxRate × 1 s and the executor buffers at most one block', async () => {
    const cluster = await rateRun('local-cluster[2,1,256]', StorageLevel.MEMORY_ONLY, { 'spark.streaming.receiver.maxRate': '20' });
    expect(cluster.runsOn).toBe('executor');
    expect(cluster.outputs.map((o) => o.length)).toEqual([20, 20, 20]);
    expect(cluster.outputs.flat()).toEqual(Array.from({ length: 60 }, (_, i) => i));
    for (const n of cluster.buffered) expect(n).toBeLessThanOrEqual(4 + 10);   // one block (4) plus one interval (10)
  }, 60_000);

  it('the receiver\'s executor killed while it holds the only copy of two blocks: they are reported lost, the receiver moves and continues', async () => {
    const ssc = manualContext('ExecutorReceiverKill', { 'spark.task.maxFailures': '2' }, 'local-cluster[2,1,64]');
    const events = captureEvents(ssc);
    const batches: number[][] = [];
    ssc.rateStream(25, { storageLevel: StorageLevel.MEMORY_ONLY }).map((x) => Number(x)).foreachRDD(async (rdd) => { batches.push((await rdd.collect()).sort((a, b) => a - b)); });
    let victim = '';
    try {
      await ssc.start();
      await ssc.step(1);
      await advanceTo(ssc, 1400);   // blocks input-0-1000 and input-0-1200 are on the receiver's executor only
      victim = ssc.receiverTracker.supervisors.get(0)!.executorId;
      expect(ssc.receiverTracker.supervisors.get(0)!.runsOn).toBe('executor');
      await ssc.faults.killExecutor(victim);
      await settle(10);
      await ssc.step(2);
    } finally {
      await ssc.stop();
    }
    const lost = events.flatMap((e) => (e.type === 'blocksLost' ? e.blocks.map((b) => b.blockId) : []));
    expect(lost).toEqual(expect.arrayContaining(['input-0-1000', 'input-0-1200']));
    const failure = events.flatMap((e) => (e.type === 'batchCompleted' && e.batchInfo.batchTime === 2000
      ? Object.values(e.batchInfo.outputOperationInfos).map((o) => o.failureReason) : [])).find((r) => r !== undefined);
    expect(failure).toMatch(/Could not compute split, block input-0-1[02]00 of RDD \d+ not found/);
    const starts = events.flatMap((e) => (e.type === 'receiverStarted' ? [e.receiverInfo.executorId] : []));
    expect(starts[0]).toBe(victim);
    expect(starts.at(-1)).not.toBe(victim);
    expect(batches[0]).toEqual(Array.from({ length: 25 }, (_, i) => i));
    // The restarted receiver continues the sequence from what its executor had reported.
    expect(batches.at(-1)!.length).toBeGreaterThan(0);
    expect(Math.min(...batches.at(-1)!)).toBeGreaterThanOrEqual(25);
  }, 60_000);

  it('twitterStream runs in its executor too: the same tweets as on local[2], ids continuing', async () => {
    const tweets = async (master: string) => {
      const ssc = manualContext('ExecutorTwitter', {}, master);
      const out: unknown[][] = [];
      ssc.twitterStream({ tweetsPerSecond: 20, seed: 5 }).map((t) => [t.id, t.text, t.createdAt]).foreachRDD(async (rdd) => { out.push(await rdd.collect()); });
      try {
        await ssc.start();
        await ssc.step(3);
        return { out, runsOn: ssc.receiverTracker.supervisors.get(0)!.runsOn };
      } finally {
        await ssc.stop();
      }
    };
    const local = await tweets('local[2]');
    const cluster = await tweets('local-cluster[2,1,64]');
    expect(cluster.runsOn).toBe('executor');
    expect(cluster.out).toEqual(local.out);
    expect(cluster.out.flat().map((t) => (t as unknown[])[0])).toEqual(Array.from({ length: 60 }, (_, i) => i));
  }, 60_000);
});
