/**
 * Receiver blocks and the write-ahead log: a block lost from every executor is read back from the log when
 * `spark.streaming.receiver.writeAheadLog.enable` is on; without the log (and without a replica) the loss is
 * reported (blocksLost) and the batch fails with Spark's "Could not compute split, block ... not found".
 */
import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '../../core/fileSystem';
import type { EngineEvent } from '../../core/events';
import { StorageLevel } from '../../index';
import { advanceTo, captureEvents, CountingReceiver, manualContext } from './fixtures';

interface Case { name: string; wal: boolean; level: StorageLevel; expectLoss: boolean }
const cases: Case[] = [
  { name: 'with the write-ahead log nothing is lost', wal: true, level: StorageLevel.MEMORY_ONLY, expectLoss: false },
  { name: 'without the log or a replica the block is lost and the batch fails', wal: false, level: StorageLevel.MEMORY_ONLY, expectLoss: true },
];

async function run(c: Case) {
  const fs = new MemoryFileSystem();
  const ssc = manualContext('WAL', { 'spark.streaming.receiver.writeAheadLog.enable': String(c.wal), 'spark.task.maxFailures': '1' });
  ssc.sparkContext.fs = fs;
  ssc.checkpoint('/cp');
  const events = captureEvents(ssc);
  const counts: number[] = [];
  ssc.receiverStream(new CountingReceiver(5, c.level)).count().foreachRDD(async (rdd) => { counts.push(...((await rdd.collect()) as number[])); });
  await ssc.start();
  await ssc.step(1); // batch 1000: blocks cut at 200..1000 ms
  await advanceTo(ssc, 1400); // blocks input-0-1000 and input-0-1200 received for batch 2000
  await ssc.faults.loseBlock('input-0-1000');
  await ssc.step(1);
  await ssc.stop();
  return { events, counts, fs };
}

const failureOf = (events: EngineEvent[], batchTime: number) => events.flatMap((e) => (e.type === 'batchCompleted' && e.batchInfo.batchTime === batchTime
  ? Object.values(e.batchInfo.outputOperationInfos).map((o) => o.failureReason) : [])).find((r) => r !== undefined);

describe('write-ahead log', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const { events, counts, fs } = await run(c);
      const lost = events.filter((e): e is Extract<EngineEvent, { type: 'blocksLost' }> => e.type === 'blocksLost');
      if (!c.expectLoss) {
        expect(counts).toEqual([25, 25]); // 5 blocks of 5 records per batch
        expect(lost).toEqual([]);
        expect(failureOf(events, 2000)).toBeUndefined();
        expect(events.filter((e) => e.type === 'walWritten').length).toBeGreaterThanOrEqual(9);
        expect(await fs.readFile('/cp/receivedData/0/log-1200')).toContain('input-0-1000');
      } else {
        expect(counts).toEqual([25]);
        expect(lost.flatMap((e) => e.blocks.map((b) => [b.blockId, b.records]))).toEqual([['input-0-1000', 5]]);
        expect(failureOf(events, 2000)).toMatch(/Could not compute split, block input-0-1000 of RDD \d+ not found/);
        expect(events.some((e) => e.type === 'walWritten')).toBe(false);
      }
    });
  }
});
