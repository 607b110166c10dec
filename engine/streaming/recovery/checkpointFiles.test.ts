/**
 * Checkpoint files: which `checkpoint-<ms>` a restart uses (the newest complete one; torn or corrupt ones are
 * skipped with a warning), what getOrCreate refuses (another graph, another batch duration, only unreadable
 * files), the record codec of data checkpoints, and what stays on disk (10 metadata files; data files of the
 * latest checkpoint only).
 */
import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '../../core/fileSystem';
import { CompactBuffer, None, Seconds, Some, StreamingContext } from '../../index';
import { ScalaArrayBuffer } from '../../core/arrayBuffer';
import { readCheckpoint } from '../checkpointReader';
import { decodeRecords, encodeRecords } from '../dataCheckpoint';
import { captureEvents, manualContext } from './fixtures';
import { errors } from '../../core/errors';

function stateful(dir: string, opts: { window?: boolean; batch?: number } = {}) {
  return () => {
    const ssc = opts.batch ? new StreamingContext(manualContext('Files').conf, Seconds(opts.batch)) : manualContext('Files');
    ssc.stdout = () => undefined; ssc.stderr = () => undefined;
    ssc.checkpoint(dir);
    const pairs = ssc.directKafkaStream(['t'], { messagesPerSecond: 2 }).map((r) => [r.partition, 1] as [number, number]);
    pairs.updateStateByKey<number, number, number>((vs, s) => Some(vs.length + s.getOrElse(0))).foreachRDD(async (rdd) => { await rdd.count(); });
    if (opts.window) pairs.reduceByKeyAndWindow((a, b) => a + b, Seconds(2)).print();
    return ssc;
  };
}

async function runFor(fs: MemoryFileSystem, dir: string, batches: number) {
  const ssc = await StreamingContext.getOrCreate(dir, stateful(dir), { fs });
  const events = captureEvents(ssc);
  await ssc.start();
  await ssc.step(batches);
  await ssc.stop();
  return events;
}

const names = async (fs: MemoryFileSystem, dir: string) => (await fs.list(dir)).map((s) => s.path.slice(dir.length + 1));

describe('checkpoint files', () => {
  it('keeps the last 10 metadata checkpoints and only the data files the latest one needs', async () => {
    const fs = new MemoryFileSystem();
    const events = await runFor(fs, '/cp', 31);
    const files = await names(fs, '/cp');
    expect(files.filter((f) => f.startsWith('checkpoint-'))).toEqual(Array.from({ length: 10 }, (_, i) => `checkpoint-${22000 + i * 1000}`).sort());
    const dataDirs = files.filter((f) => f.startsWith('dstream-'));
    expect(dataDirs.length).toBe(1);
    // The state RDDs still remembered (2 × the 10 s checkpoint interval) keep their files; the one of 10 s is gone.
    const rdds = await names(fs, `/cp/${dataDirs[0]}`);
    expect(rdds.map((r) => r.replace(/^rdd-\d+-/, '')).sort()).toEqual(['20000', '30000']);
    const written = events.filter((e) => e.type === 'checkpointWritten' && e.kind === 'data').map((e) => (e as { checkpointTime: number }).checkpointTime);
    expect(written).toEqual([10000, 20000, 30000]);
    const cp = JSON.parse(await fs.readFile('/cp/checkpoint-31000'));
    const withFiles = Object.values(cp.dstreams as Record<string, { files?: Record<string, { time: number }> }>).filter((d) => d.files);
    expect(withFiles.map((d) => Object.keys(d.files!))).toEqual([['20000', '30000']]);
    expect(cp.pendingTimes).toEqual([]);
  });

  it("truncates the checkpointed state RDD's lineage: later batches start from the saved partitions", async () => {
    const ssc = await StreamingContext.getOrCreate('/cp', stateful('/cp'), { fs: new MemoryFileSystem() });
    await ssc.start();
    await ssc.step(11);
    const state = ssc.graph.allStreams().find((d) => d.opName === 'updateStateByKey')!;
    const saved = state.generatedRDDs.get(10000)!;
    expect(saved.className).toBe('ReliableCheckpointRDD');
    expect(saved.partitioner?.numPartitions).toBe(ssc.sparkContext.defaultParallelism);
    const next = state.generatedRDDs.get(11000)!.toDebugString();
    expect(next).toContain('ReliableCheckpointRDD');
    expect((next.match(/KafkaRDD/g) ?? []).length).toBe(1); // only batch 11's input, not batches 1..10
    await ssc.stop();
  });

  it('skips a torn newest checkpoint with a warning and recovers from the previous one', async () => {
    const fs = new MemoryFileSystem();
    await runFor(fs, '/cp', 5);
    const good = await fs.readFile('/cp/checkpoint-5000');
    await fs.writeFile('/cp/checkpoint-6000', good.slice(0, Math.floor(good.length / 2))); // a torn write
    await fs.writeFile('/cp/checkpoint-7000', good); // complete JSON, but for another time: not trusted
    const warnings: string[] = [];
    const read = await readCheckpoint(fs, '/cp', { warn: (m) => warnings.push(m) });
    expect(read?.path).toBe('/cp/checkpoint-5000');
    expect(read?.skipped.map((s) => s.path)).toEqual(['/cp/checkpoint-7000', '/cp/checkpoint-6000']);
    expect(warnings[0]).toContain('Error reading checkpoint from file /cp/checkpoint-7000');
    expect(warnings[1]).toContain('/cp/checkpoint-6000 is not a complete checkpoint');
    const ssc = await StreamingContext.getOrCreate('/cp', stateful('/cp'), { fs });
    expect(ssc.recovery?.checkpoint.checkpointTime).toBe(5000);
    await ssc.stop();
  });

  it('a directory with no checkpoint gives the created context', async () => {
    const ssc = await StreamingContext.getOrCreate('/empty', stateful('/empty'), { fs: new MemoryFileSystem() });
    expect(ssc.recovery).toBeUndefined();
    await ssc.stop();
  });

  const refusals: [string, (fs: MemoryFileSystem) => Promise<unknown>, RegExp | string][] = [
    ['only unreadable checkpoint files', async (fs) => {
      await fs.writeFile('/cp/checkpoint-1000', '{"version":2,');
      return StreamingContext.getOrCreate('/cp', stateful('/cp'), { fs });
    }, /Failed to read checkpoint from directory \/cp.*Delete the directory/],
    ['another graph', async (fs) => {
      await runFor(fs, '/cp', 2);
      return StreamingContext.getOrCreate('/cp', stateful('/cp', { window: true }), { fs });
    }, /does not match the checkpoint in \/cp: .*Define exactly the same DStreams/],
    ['another batch duration', async (fs) => {
      await runFor(fs, '/cp', 2);
      return StreamingContext.getOrCreate('/cp', stateful('/cp', { batch: 2 }), { fs });
    }, errors.checkpointBatchDuration('/cp', 1000, 2000).message],
  ];
  for (const [name, act, message] of refusals) {
    it(`getOrCreate refuses ${name}, saying what to do`, async () => { await expect(act(new MemoryFileSystem())).rejects.toThrow(message); });
  }

  it('ignoreReadError gives a new context instead', async () => {
    const fs = new MemoryFileSystem();
    await fs.writeFile('/cp/checkpoint-1000', 'garbage');
    const ssc = await StreamingContext.getOrCreate('/cp', stateful('/cp'), { fs, ignoreReadError: true });
    expect(ssc.recovery).toBeUndefined();
    await ssc.stop();
  });

  it("records keep the engine's value classes through a data checkpoint file", () => {
    const records = [[['a', 1], Some(CompactBuffer.of(1, 2))], [null, None], [{ $dstream: 'x' }, ScalaArrayBuffer.of('u')], [undefined, Infinity], new Map([[1, new Set([2])]])];
    const back = decodeRecords(encodeRecords(records), 'part-00000') as unknown[][];
    expect(back).toEqual(records);
    expect(back[0][1]).toEqual(Some(CompactBuffer.of(1, 2)));
    expect(((back[0][1] as { get(): unknown }).get())).toBeInstanceOf(CompactBuffer);
    expect(back[2][1]).toBeInstanceOf(ScalaArrayBuffer);
    expect(() => decodeRecords(encodeRecords(records).slice(0, 30), 'p')).toThrow('Checkpoint file p is corrupt');
    expect(() => decodeRecords('{"count":3,"records":[1]}', 'p')).toThrow(errors.checkpointFileIncomplete('p', '3').message);
  });
});
