import { describe, expect, it } from 'vitest';
import { SparkConf, StreamingContext, Seconds } from '../index';
import type { EngineEvent } from '../core/events';

describe('a batch interval without jobs (Spark: "No jobs added for time")', () => {
  it('posts noJobsAdded instead of a batch, and a batch when the 2 s slide generates a job', async () => {
    const conf = new SparkConf().setMaster('local[2]').setAppName('t').set('spark.streaming.clock', 'manual');
    const ssc = new StreamingContext(conf, Seconds(1));
    ssc.stdout = () => {};
    const events: EngineEvent[] = [];
    ssc.addStreamingListener((e) => { events.push(e); });
    ssc.queueStream([ssc.sparkContext.parallelize([1, 2, 3])]).window(Seconds(4), Seconds(2)).print();
    await ssc.start();
    await ssc.step(3);
    await ssc.stop();
    const seen = events.filter((e) => e.type === 'noJobsAdded' || e.type === 'batchSubmitted')
      .map((e) => (e.type === 'noJobsAdded' ? `none ${e.batchTime}` : `batch ${e.batchInfo.batchTime}`));
    expect(seen).toEqual(['none 1000', 'batch 2000', 'none 3000']);
  });
});
