/**
 * Driver restart (Spark's CheckpointSuite "recovery with updateStateByKey / reduceByKeyAndWindow"): a run with
 * state and an incremental window is crashed after batch k, recovered with getOrCreate from its checkpoint
 * directory and continued; every batch's output equals an uninterrupted run's. Inputs: a direct Kafka stream
 * (offsets restored) and a receiver with the write-ahead log (blocks re-read from the log).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { MemoryFileSystem, type FileSystem } from '../../core/fileSystem';
import { NodeFileSystem, Seconds, Some, StateSpec, StreamingContext, type Option, type State } from '../../index';
import type { EngineEvent } from '../../core/events';
import type { Tweet } from '../input/twitter';
import { tempCheckpointDir } from '../conformance/__fixtures__/tmpdir';
import { captureEvents, manualContext, sortRecords } from './fixtures';

type Outputs = Map<string, string[]>; // "<output>@<batch ms>" → sorted records

interface Pipeline { name: string; conf?: Record<string, string>; define: (ssc: StreamingContext, out: Outputs) => void }

const record = (out: Outputs, name: string) => async (rdd: { collect(): Promise<unknown[]> }, time: { milliseconds: number }) => {
  out.set(`${name}@${time.milliseconds}`, sortRecords(await rdd.collect()));
};

const pipelines: Pipeline[] = [
  {
    name: 'direct Kafka: updateStateByKey + reduceByKeyAndWindow with inverse + mapWithState',
    define: (ssc, out) => {
      const events = ssc.directKafkaStream(['clicks'], { partitionsPerTopic: 2, messagesPerSecond: 6, seed: 3 });
      const actions = events.map((r) => [r.value.split(' ')[1], 1] as [string, number]);
      actions.updateStateByKey<string, number, number>((vs, s) => Some(vs.reduce((a, b) => a + b, 0) + s.getOrElse(0))).foreachRDD(record(out, 'state'));
      actions.reduceByKeyAndWindow((a, b) => a + b, (a, b) => a - b, Seconds(3), Seconds(1)).foreachRDD(record(out, 'window'));
      const users = events.map((r) => [r.key, 1] as [string, number]);
      const spec = StateSpec.function((k: string, v: Option<number>, st: State<number>) => { const n = (st.exists() ? st.get() : 0) + v.getOrElse(0); st.update(n); return [k, n]; });
      users.mapWithState(spec).stateSnapshots().foreachRDD(record(out, 'mapWithState'));
    },
  },
  {
    name: 'twitterStream receiver with the write-ahead log: updateStateByKey + window',
    conf: { 'spark.streaming.receiver.writeAheadLog.enable': 'true' },
    define: (ssc, out) => {
      const tags = ssc.twitterStream({ tweetsPerSecond: 10 }).flatMap((t: Tweet) => t.hashtags).map((h) => [h, 1] as [string, number]);
      tags.updateStateByKey<string, number, number>((vs, s) => Some(vs.reduce((a, b) => a + b, 0) + s.getOrElse(0))).foreachRDD(record(out, 'state'));
      tags.reduceByKeyAndWindow((a, b) => a + b, (a, b) => a - b, Seconds(4), Seconds(2)).foreachRDD(record(out, 'window'));
    },
  },
];

const TOTAL = 24, CRASH_AFTER = 14;
const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

function creator(p: Pipeline, dir: string, out: Outputs, events: EngineEvent[][]) {
  return () => {
    const ssc = manualContext('DriverRestart', p.conf);
    events.push(captureEvents(ssc));
    ssc.checkpoint(dir);
    p.define(ssc, out);
    return ssc;
  };
}

async function uninterrupted(p: Pipeline): Promise<Outputs> {
  const out: Outputs = new Map();
  const ssc = await StreamingContext.getOrCreate('/uninterrupted', creator(p, '/uninterrupted', out, []), { fs: new MemoryFileSystem() });
  await ssc.start();
  await ssc.step(TOTAL);
  await ssc.stop();
  return out;
}

async function crashAndRecover(p: Pipeline, fs: FileSystem, dir: string) {
  const out: Outputs = new Map();
  const events: EngineEvent[][] = [];
  const first = await StreamingContext.getOrCreate(dir, creator(p, dir, out, events), { fs });
  expect(first.recovery).toBeUndefined();
  await first.start();
  await first.step(CRASH_AFTER);
  await first.faults.crashDriver();
  const beforeCrash = new Map(out);
  const second = await StreamingContext.getOrCreate(dir, creator(p, dir, out, events), { fs });
  expect(second.recovery?.checkpoint.checkpointTime).toBe(CRASH_AFTER * 1000);
  await second.start();
  await second.step(TOTAL - CRASH_AFTER);
  await second.stop();
  return { out, beforeCrash, events };
}

describe('driver restart from a checkpoint', () => {
  for (const p of pipelines) {
    for (const fsKind of ['memory', 'node'] as const) {
      it(`${p.name} (${fsKind} file system)`, async () => {
        const expected = await uninterrupted(p);
        const dir = fsKind === 'node' ? tempCheckpointDir('dstream-restart-') : '/checkpoints/restart';
        if (fsKind === 'node') dirs.push(dir);
        const fs = fsKind === 'node' ? new NodeFileSystem() : new MemoryFileSystem();
        const { out, beforeCrash, events } = await crashAndRecover(p, fs, dir);

        expect([...expected.keys()].length).toBeGreaterThan(TOTAL);
        expect(new Set(out.keys())).toEqual(new Set(expected.keys()));
        for (const [k, v] of expected) expect(out.get(k), k).toEqual(v);
        // The state is not empty (the run would pass trivially otherwise) and was written by both drivers.
        expect(expected.get(`state@${TOTAL * 1000}`)!.length).toBeGreaterThan(0);
        expect(beforeCrash.has(`state@${CRASH_AFTER * 1000}`)).toBe(true);

        const [run1, run2] = events;
        const data1 = run1.filter((e) => e.type === 'checkpointWritten' && e.kind === 'data').map((e) => (e as { checkpointTime: number }).checkpointTime);
        expect(new Set(data1)).toEqual(new Set([10000]));
        // The restarted driver re-runs the checkpointed batch first (Spark's JobGenerator.restart: down times).
        const submitted2 = run2.filter((e) => e.type === 'batchSubmitted').map((e) => (e as { batchInfo: { batchTime: number } }).batchInfo.batchTime);
        expect(submitted2[0]).toBe(CRASH_AFTER * 1000);
        expect(submitted2.slice(1)).toEqual(Array.from({ length: TOTAL - CRASH_AFTER }, (_, i) => (CRASH_AFTER + 1 + i) * 1000));
        // The recovered state stream reads its 10 s data checkpoint: a restart is announced as clusterStep 1.
        expect(run2.some((e) => e.type === 'clusterStep' && e.index === 1 && e.detail.includes('restarted'))).toBe(true);
        const data2 = run2.filter((e) => e.type === 'checkpointWritten' && e.kind === 'data').map((e) => (e as { checkpointTime: number }).checkpointTime);
        expect(new Set(data2)).toEqual(new Set([20000]));
        expect(run2.some((e) => e.type === 'blocksLost')).toBe(false);
      }, 60_000);
    }
  }
});
