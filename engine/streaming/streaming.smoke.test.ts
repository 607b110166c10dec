import { describe, expect, it } from 'vitest';
import { SparkConf, StreamingContext, Seconds, Some, StateSpec, type Option, type State } from '../index';

function ctx(master = 'local[2]') {
  const conf = new SparkConf().setMaster(master).setAppName('t').set('spark.streaming.clock', 'manual');
  const ssc = new StreamingContext(conf, Seconds(1));
  let out = '';
  ssc.stdout = (t) => { out += t; };
  return { ssc, out: () => out };
}

describe('streaming smoke', () => {
  it('word count over a queue', async () => {
    const { ssc, out } = ctx();
    const q = [ssc.sparkContext.parallelize(['hello world', 'hello spark'])];
    ssc.queueStream(q).flatMap((l) => l.split(' ')).map((w) => [w, 1] as [string, number]).reduceByKey((a, b) => a + b).print();
    await ssc.start();
    await ssc.step(2);
    await ssc.stop();
    expect(out()).toContain('Time: 1000 ms');
    expect(out()).toContain('(hello,2)');
  });
  it('queue stream example order', async () => {
    const { ssc, out } = ctx();
    const q = [ssc.sparkContext.makeRDD(Array.from({ length: 1000 }, (_, i) => i + 1), 10)];
    ssc.queueStream(q).map((x) => [x % 10, 1] as [number, number]).reduceByKey((a, b) => a + b).print();
    await ssc.start();
    await ssc.step(1);
    await ssc.stop();
    expect(out()).toContain('(4,100)\n(0,100)\n(6,100)\n(8,100)\n(2,100)\n(1,100)\n(3,100)\n(7,100)\n(9,100)\n(5,100)');
  });
  it('state, window, mapWithState, twitter', async () => {
    const { ssc, out } = ctx();
    ssc.checkpoint('/tmp/dstream-smoke-cp');
    const tweets = ssc.twitterStream({ tweetsPerSecond: 5 });
    const tags = tweets.flatMap((t) => t.hashtags).map((h) => [h, 1] as [string, number]);
    tags.updateStateByKey<string, number, number>((vs, s) => Some(vs.reduce((a, b) => a + b, 0) + s.getOrElse(0))).print(3);
    tags.reduceByKeyAndWindow((a, b) => a + b, (a, b) => a - b, Seconds(3), Seconds(1)).print(3);
    tags.mapWithState(StateSpec.function((k: string, v: Option<number>, st: State<number>) => { const n = (st.exists() ? st.get() : 0) + v.getOrElse(0); st.update(n); return [k, n]; })).print(2);
    tweets.countByWindow(Seconds(2), Seconds(1)).print();
    await ssc.start();
    await ssc.step(4);
    await ssc.stop();
    expect(out()).toContain('Time: 4000 ms');
  });
});
