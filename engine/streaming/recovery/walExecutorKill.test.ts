/**
 * local-cluster with real worker executors: the receiver's executor is killed while it holds the only copy of
 * two blocks (MEMORY_ONLY, no replica). With the write-ahead log the batch still computes them (read from the
 * log); without it the blocks are reported lost and the batch fails with Spark's "Could not compute split".
 */
import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '../../core/fileSystem';
import type { EngineEvent } from '../../core/events';
import { advanceTo, captureEvents, CountingReceiver, manualContext, settle } from './fixtures';

async function run(wal: boolean) {
  const ssc = manualContext('WALKill', { 'spark.streaming.receiver.writeAheadLog.enable': String(wal), 'spark.task.maxFailures': '2' }, 'local-cluster[2,2,64]');
  ssc.sparkContext.fs = new MemoryFileSystem();
  ssc.checkpoint('/cp');
  const events = captureEvents(ssc);
  const batches: number[][] = [];
  ssc.receiverStream(new CountingReceiver()).foreachRDD(async (rdd) => { batches.push((await rdd.collect()) as number[]); });
  try {
    await ssc.start();
    await ssc.step(1);
    await advanceTo(ssc, 1400);
    const victim = ssc.receiverTracker.supervisors.get(0)!.executorId;
    await ssc.faults.killExecutor(victim);
    await settle(10);
    await ssc.step(1);
    return { events, batches, victim };
  } finally {
    await ssc.stop();
  }
}

const lostIds = (events: EngineEvent[]) => events.flatMap((e) => (e.type === 'blocksLost' ? e.blocks.map((b) => b.blockId) : []));
const failure = (events: EngineEvent[], t: number) => events.flatMap((e) => (e.type === 'batchCompleted' && e.batchInfo.batchTime === t
  ? Object.values(e.batchInfo.outputOperationInfos).map((o) => o.failureReason) : [])).find((r) => r !== undefined);

describe('receiver executor killed (local-cluster)', () => {
  it('with the write-ahead log the blocks it held are read from the log', async () => {
    const { events, batches } = await run(true);
    expect(lostIds(events)).toEqual([]);
    expect(failure(events, 2000)).toBeUndefined();
    expect(batches[0]).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(batches[1].slice(0, 10)).toEqual(Array.from({ length: 10 }, (_, i) => 25 + i)); // the two blocks of the dead executor
  }, 60_000);

  it('without it the blocks are reported lost and the batch fails', async () => {
    const { events, batches } = await run(false);
    expect(lostIds(events)).toEqual(expect.arrayContaining(['input-0-1000', 'input-0-1200']));
    expect(failure(events, 2000)).toMatch(/Could not compute split, block input-0-1[02]00 of RDD \d+ not found/);
    expect(batches.length).toBe(1);
  }, 60_000);
});
