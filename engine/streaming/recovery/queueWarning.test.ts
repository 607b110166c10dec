/** A recovered queueStream warns (Spark logs it) with a stable code: it restarts from the queue createFn gives it. */
import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '../../core/fileSystem';
import { StreamingContext } from '../../index';
import type { EngineEvent } from '../../core/events';
import { manualContext } from './fixtures';

const create = (dir: string) => () => {
  const ssc = manualContext('Queue');
  ssc.stdout = () => undefined; ssc.stderr = () => undefined;
  ssc.checkpoint(dir);
  ssc.queueStream([ssc.sparkContext.parallelize([1, 2])]).print();
  return ssc;
};

describe('recovering a queueStream', () => {
  it('posts the queueStreamNotCheckpointable warning on the restarted context only', async () => {
    const fs = new MemoryFileSystem();
    const warnings = async () => {
      const ssc = await StreamingContext.getOrCreate('/q', create('/q'), { fs });
      const seen: EngineEvent[] = [];
      ssc.addStreamingListener((e) => { seen.push(e); });
      await ssc.start();
      await ssc.step(2);
      await ssc.stop();
      return seen.flatMap((e) => (e.type === 'warning' ? [e.code] : []));
    };
    expect(await warnings()).toEqual([]);
    expect(await warnings()).toContain('queueStreamNotCheckpointable');
  });
});
