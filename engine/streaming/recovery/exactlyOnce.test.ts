/**
 * Exactly-once output with a direct Kafka stream across a driver crash: the offsets of every batch come back
 * from the checkpoint, the batch at the checkpoint time runs again (Spark's restart), and
 * - an idempotent sink (one row per topic/partition/offset in a "database") holds every record exactly once;
 * - a naive append-only sink writes the re-run batch's records twice.
 */
import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '../../core/fileSystem';
import { StreamingContext } from '../../index';
import type { ConsumerRecord, DirectKafkaInputDStream, KafkaRDD } from '../input/kafka';
import { manualContext } from './fixtures';

const TOTAL = 12, CRASH_AFTER = 7;

/** The database outlives the drivers: a file per row for the idempotent sink, one log file for the naive one. */
function sinks(db: MemoryFileSystem) {
  let appended = 0;
  return {
    idempotent: async (records: ConsumerRecord[]) => {
      for (const r of records) await db.writeFile(`/db/events/${r.topic}-${r.partition}-${r.offset}`, r.value);
    },
    naive: async (records: ConsumerRecord[]) => {
      for (const r of records) await db.writeFile(`/db/log/${String(appended++).padStart(6, '0')}`, `${r.topic}-${r.partition}-${r.offset}`);
    },
    resetCounter: async () => { appended = (await db.exists('/db/log')) ? (await db.list('/db/log')).length : 0; },
  };
}

function creator(db: MemoryFileSystem, committed: Record<string, number>[]) {
  const sink = sinks(db);
  return async () => {
    await sink.resetCounter();
    const ssc = manualContext('ExactlyOnce');
    ssc.checkpoint('/cp');
    const stream: DirectKafkaInputDStream = ssc.directKafkaStream(['orders'], { partitionsPerTopic: 3, messagesPerSecond: 4, seed: 9 });
    stream.foreachRDD(async (rdd) => {
      const records = (await rdd.collect()) as ConsumerRecord[];
      await sink.idempotent(records);
      await sink.naive(records);
      stream.commitAsync((rdd as KafkaRDD).offsetRanges);
      committed.push(stream.committedOffsets());
    });
    return ssc;
  };
}

async function rows(db: MemoryFileSystem, dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const s of await db.list(dir)) out.push(dir === '/db/log' ? await db.readFile(s.path) : s.path.slice(s.path.lastIndexOf('/') + 1));
  return out.sort();
}

describe('exactly-once output across a driver restart (direct Kafka)', () => {
  it('an idempotent sink writes every record once; a naive one double-writes the re-run batch', async () => {
    // Uninterrupted reference.
    const refDb = new MemoryFileSystem();
    const ref = await StreamingContext.getOrCreate('/cp', creator(refDb, []), { fs: new MemoryFileSystem() });
    await ref.start();
    await ref.step(TOTAL);
    await ref.stop();
    const expected = await rows(refDb, '/db/events');
    expect(expected.length).toBe(3 * 4 * TOTAL); // 3 partitions × 4 messages/s × TOTAL s, each offset once
    expect(await rows(refDb, '/db/log')).toEqual(expected);

    const db = new MemoryFileSystem();
    const checkpoints = new MemoryFileSystem();
    const committed: Record<string, number>[] = [];
    const first = await StreamingContext.getOrCreate('/cp', creator(db, committed), { fs: checkpoints });
    await first.start();
    await first.step(CRASH_AFTER);
    await first.faults.crashDriver();
    expect(committed.at(-1)).toEqual({ 'orders-0': 28, 'orders-1': 28, 'orders-2': 28 });

    const second = await StreamingContext.getOrCreate('/cp', creator(db, committed), { fs: checkpoints });
    const rerun: number[] = [];
    second.addStreamingListener((e) => { if (e.type === 'batchCompleted' && e.batchInfo.batchTime === CRASH_AFTER * 1000) rerun.push(e.batchInfo.numRecords); });
    await second.start();
    await second.step(TOTAL - CRASH_AFTER);
    await second.stop();

    expect(await rows(db, '/db/events')).toEqual(expected);
    const log = await rows(db, '/db/log');
    const counts = new Map<string, number>();
    for (const k of log) counts.set(k, (counts.get(k) ?? 0) + 1);
    const twice = [...counts].filter(([, n]) => n > 1).map(([k]) => k).sort();
    // The batch at the checkpoint time (offsets 24..28 of each partition) was written by both drivers.
    expect(twice).toEqual(['orders-0', 'orders-1', 'orders-2'].flatMap((p) => [24, 25, 26, 27].map((o) => `${p}-${o}`)).sort());
    expect(log.length).toBe(expected.length + twice.length);
    expect(committed.at(-1)).toEqual({ 'orders-0': 48, 'orders-1': 48, 'orders-2': 48 });
    expect(rerun).toEqual([12]); // the re-run batch reports the records of its restored offset ranges
  }, 30_000);
});
