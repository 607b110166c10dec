import { describe, expect, it } from 'vitest';
import { SparkConf, SparkContext, errors } from '../index';

describe('stopping a context while a job runs', () => {
  for (const master of ['local[2]', 'local-cluster[2,1,256]']) {
    it(`${master}: the job ends with Spark's shutdown message and stop() returns`, async () => {
      const sc = new SparkContext(new SparkConf().setMaster(master).setAppName('stop'));
      await sc.whenReady();
      // Many tasks on few slots: some are queued when the context stops.
      const job = sc.parallelize(Array.from({ length: 64 }, (_, i) => i), 32)
        .map((x) => { let s = 0; for (let i = 0; i < 2e6; i++) s += i % 7; return x + s * 0; }).collect();
      const outcome = job.then(() => 'finished', (e: Error) => e.message);
      await new Promise((r) => setTimeout(r, 20));
      await sc.stop();
      const msg = await outcome;
      // A job that raced to completion before stop() is also fine; otherwise it must say why it ended.
      if (msg !== 'finished') expect(msg.replace(/^Job \d+/, 'Job 0')).toBe(errors.jobCancelledShutdown(0).message);
    }, 30_000);
  }
});
