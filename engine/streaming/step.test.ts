/**
 * ssc.step(n) on the manual clock: with receivers, time moves one block interval at a time (each interval cuts a
 * block); without them it jumps straight to the next time something waits for, so a step costs the same for any
 * batch interval. Counted in clock moves, not timed.
 */
import { describe, expect, it } from 'vitest';
import { SparkConf, StreamingContext, Milliseconds, Minutes, Seconds, type Duration } from '../index';
import { ManualClock } from '../core/clock';

function counted(batch: Duration) {
  const ssc = new StreamingContext(new SparkConf().setMaster('local[2]').setAppName('step').set('spark.streaming.clock', 'manual'), batch);
  let out = '';
  ssc.stdout = (t) => { out += t; };
  const clock = ssc.clock as ManualClock;
  const moves: number[] = [];
  const setTime = clock.setTime.bind(clock);
  clock.setTime = (t: number) => { moves.push(t); setTime(t); };
  return { ssc, moves, out: () => out };
}

describe('ssc.step(n) on a manual clock', () => {
  for (const [name, batch, first] of [['1 s', Seconds(1), 1000], ['10 min', Minutes(10), 600000], ['12,345,678,910 ms', Milliseconds(12345678910), 12345678910]] as const) {
    it(`without receivers, a ${name} batch is one clock move per step`, async () => {
      const { ssc, moves, out } = counted(batch);
      ssc.queueStream([ssc.sparkContext.makeRDD([1, 2, 3], 1)]).count().print();
      await ssc.start();
      await ssc.step(2);
      await ssc.stop();
      expect(moves).toEqual([first, 2 * first]);
      expect(out()).toContain(`Time: ${first} ms\n-------------------------------------------\n3\n`);
    }, 30000);
  }

  it('with a receiver, every block interval (200 ms) is a clock move, so each interval cuts its block', async () => {
    const { ssc, moves } = counted(Seconds(1));
    ssc.twitterStream({ tweetsPerSecond: 10 }).count().print();
    await ssc.start();
    await ssc.step(1);
    await ssc.stop();
    expect(moves).toEqual([200, 400, 600, 800, 1000]);
  }, 30000);
});
