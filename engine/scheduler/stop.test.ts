import { describe, expect, it } from 'vitest';
import { SparkConf, SparkContext, errors } from '../index';

describe('stopping a context while a job runs', () => {
  for (const master of ['local[2]', 'local-cluster[2,1,256]']) {
    it(`${master}: the job ends with Spark's shutdown message and stop() returns`, async () => {
      const sc = new SparkContext(new SparkConf().setMaster(master).setAppName('stop'));
      await sc.whenReady();
      let markStarted: () => void = () => {};
      const started = new Promise<void>((resolve) => { markStarted = resolve; });
      let tasksEnded = 0;
      sc.addSparkListener((e) => {
        if (e.type === 'taskStart') markStarted();
        if (e.type === 'taskEnd') tasksEnded++;
      });
      // 64 slow tasks on 2 slots: most are still queued or running when the context stops, so the job
      // can only end by being cancelled.
      const job = sc.parallelize(Array.from({ length: 64 }, (_, i) => i), 64)
        .map((x) => { let s = 0; for (let i = 0; i < 3e7; i++) s += i % 7; return x + s * 0; }).collect();
      const outcome = job.then(() => 'finished', (e: Error) => e.message);
      await started;
      await sc.stop();
      const msg = await outcome;
      expect(msg.replace(/^Job \d+/, 'Job 0')).toBe(errors.jobCancelledShutdown(0).message);
      expect(tasksEnded).toBeLessThan(64);
    }, 60_000);
  }
});
