/**
 * Speculation runs on the DAG scheduler's task clock (Spark's TaskSetManager clock), not on wall-time timers:
 * with a ManualClock injected, a straggler is speculated only once that clock has moved past the threshold.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SparkConf, SparkContext, type EngineEvent } from '../index';
import { ManualClock } from '../core/clock';
import { DAGScheduler } from './DAGScheduler';

const contexts: SparkContext[] = [];
afterEach(async () => { await Promise.all(contexts.splice(0).map((sc) => sc.stop())); });

/** Resolves when `pred` holds for the events posted so far (checked after each event). */
function eventually(events: EngineEvent[], subscribe: (l: (e: EngineEvent) => void) => void, pred: (es: EngineEvent[]) => boolean): Promise<void> {
  return new Promise((resolve) => { if (pred(events)) resolve(); else subscribe(() => { if (pred(events)) resolve(); }); });
}

describe('speculation on the task clock', () => {
  it('a straggler gets its copy when the injected clock passes the threshold, not before', async () => {
    const conf = new SparkConf().setMaster('local-cluster[2,2,64]').setAppName('speculation-clock')
      .set('spark.speculation', 'true').set('spark.speculation.interval', '100ms');
    const sc = new SparkContext(conf);
    contexts.push(sc);
    await sc.whenReady();
    // Task events come from the task scheduler (the context's bus); stage events from this DAG scheduler.
    const events: EngineEvent[] = [];
    const listeners: ((e: EngineEvent) => void)[] = [];
    const post = (e: EngineEvent) => { events.push(e); for (const l of listeners) l(e); };
    sc.addSparkListener(post);
    const clock = new ManualClock(0);
    let armed = true;
    const dag = new DAGScheduler({
      post: () => undefined, now: () => clock.getTimeMillis(), taskScheduler: sc.taskScheduler, maxTaskFailures: 4, sampleRdds: () => undefined,
      taskFaults: (_s, p) => (armed && p === 0 ? (armed = false, { delayMs: 30000 }) : undefined),
    }, clock);
    const job = dag.runJob(sc.parallelize([1, 2, 3, 4, 5, 6, 7, 8], 4).map((x) => x * 10), { t: 'collect' });
    const successes = (es: EngineEvent[]) => es.filter((e) => e.type === 'taskEnd' && e.reason === 'Success').length;
    await eventually(events, (l) => listeners.push(l), (es) => successes(es) >= 3);
    const speculated = () => events.some((e) => e.type === 'taskStart' && e.speculative);
    // Three real speculation intervals pass with the task clock standing still: no tick, no copy.
    await new Promise((r) => setTimeout(r, 300));
    expect(speculated()).toBe(false);
    clock.setTime(100);                        // a tick, but the straggler has run 100 ms: not above the 100 ms floor
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(speculated()).toBe(false);
    clock.setTime(300);                        // ticks at 200 and 300: now it is a straggler
    const parts = (await job) as number[][];
    expect(parts.flat()).toEqual([10, 20, 30, 40, 50, 60, 70, 80]);
    expect(speculated()).toBe(true);
  });
});
