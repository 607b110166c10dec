/**
 * The checkpoint writer killed at a seeded random point (every file-system call after it fails, as if
 * the process died): recovery uses the newest checkpoint that was completely written, never a torn one, and
 * the recovered run's outputs equal an uninterrupted run's. Set DSTREAM_SOAK=1 for 200 trials.
 */
import { describe, expect, it } from 'vitest';
import { MemoryFileSystem, type FileStatus, type FileSystem } from '../../core/fileSystem';
import { Rng } from '../../core/rng';
import { Seconds, Some, StreamingContext } from '../../index';
import { manualContext, sortRecords } from './fixtures';

/** A file system whose writer dies after `killAt` mutating calls; what was written before stays. */
class DyingFileSystem implements FileSystem {
  readonly kind = 'dying';
  ops = 0;
  constructor(readonly disk: MemoryFileSystem, private readonly killAt: number) {}
  private mutate<T>(f: () => Promise<T>): Promise<T> { return ++this.ops > this.killAt ? Promise.reject(new Error('killed')) : f(); }
  exists(p: string) { return this.disk.exists(p); }
  readFile(p: string) { return this.disk.readFile(p); }
  list(d: string): Promise<FileStatus[]> { return this.disk.list(d); }
  stat(p: string) { return this.disk.stat(p); }
  mkdirs(p: string) { return this.mutate(() => this.disk.mkdirs(p)); }
  writeFile(p: string, d: string) { return this.mutate(() => this.disk.writeFile(p, d)); }
  rename(a: string, b: string) { return this.mutate(() => this.disk.rename(a, b)); }
  delete(p: string, r?: boolean) { return this.mutate(() => this.disk.delete(p, r)); }
}

const TOTAL = 15, CRASH_AFTER = 13;
type Outputs = Map<number, string[]>;

function creator(out: Outputs) {
  return () => {
    const ssc = manualContext('KilledWriter');
    ssc.checkpoint('/cp');
    const pairs = ssc.directKafkaStream(['t'], { messagesPerSecond: 3, seed: 1 }).map((r) => [r.value.split(' ')[1], 1] as [string, number]);
    pairs.updateStateByKey<string, number, number>((vs, s) => Some(vs.length + s.getOrElse(0)))
      .join(pairs.reduceByKeyAndWindow((a, b) => a + b, (a, b) => a - b, Seconds(3), Seconds(1)))
      .foreachRDD(async (rdd, t) => { out.set(t.milliseconds, sortRecords(await rdd.collect())); });
    return ssc;
  };
}

describe('a checkpoint writer killed at random points', () => {
  it('recovers from the newest complete checkpoint with the same outputs', async () => {
    const expected: Outputs = new Map();
    const refFs = new DyingFileSystem(new MemoryFileSystem(), Infinity);
    const ref = await StreamingContext.getOrCreate('/cp', creator(expected), { fs: refFs });
    await ref.start();
    await ref.step(TOTAL);
    await ref.stop();
    const totalOps = refFs.ops;
    expect(totalOps).toBeGreaterThan(2 * CRASH_AFTER);

    const rng = new Rng(20240611);
    const trials = process.env.DSTREAM_SOAK ? 200 : 12;
    const recoveredFrom = new Set<number | undefined>();
    for (let trial = 0; trial < trials; trial++) {
      const disk = new MemoryFileSystem();
      const out: Outputs = new Map();
      const first = await StreamingContext.getOrCreate('/cp', creator(out), { fs: new DyingFileSystem(disk, 1 + rng.nextInt(totalOps)) });
      await first.start();
      await first.step(CRASH_AFTER);
      await first.faults.crashDriver();
      const second = await StreamingContext.getOrCreate('/cp', creator(out), { fs: disk });
      recoveredFrom.add(second.recovery?.checkpoint.checkpointTime);
      await second.start();
      await second.step(TOTAL - (second.recovery ? second.recovery.checkpoint.checkpointTime / 1000 : 0));
      await second.stop();
      for (const [t, v] of expected) expect(out.get(t), `trial ${trial}, batch ${t}`).toEqual(v);
    }
    expect(recoveredFrom.size).toBeGreaterThan(2); // the kills landed at different points
  }, 120_000);
});
