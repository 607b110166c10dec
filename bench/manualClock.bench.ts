/**
 * Row 11: the cost of `ssc.step(1)` on a manual clock does not depend on the batch interval when no receiver
 * needs the block intervals in between: one step of a 10-minute batch ÷ one step of a 1-second batch, the same
 * pipeline (queueStream → map → reduceByKey → print) on local[2], alternating in one run. Before the clock
 * jumped to the next event, a step walked every 200 ms block interval (3,000 host turns for 10 minutes).
 */
import { Minutes, Seconds, SparkConf, StreamingContext, type Duration, type RDD } from '../engine/index';
import { compare, ratioRow, type BenchOptions, type BenchRow } from './run';

async function started(batch: Duration): Promise<StreamingContext> {
  const conf = new SparkConf().setMaster('local[2]').setAppName('bench-step').set('spark.streaming.clock', 'manual');
  const ssc = new StreamingContext(conf, batch);
  ssc.stdout = () => undefined;
  const sc = ssc.sparkContext;
  const queue: RDD<string>[] = [];
  ssc.queueStream(queue, true, sc.parallelize(['a b', 'b c'], 2)).flatMap((l: string) => l.split(' '))
    .map((w: string) => [w, 1] as [string, number]).reduceByKey((a: number, b: number) => a + b).print();
  await ssc.start();
  return ssc;
}

export async function rows({ quick }: BenchOptions): Promise<BenchRow[]> {
  const tenMinutes = await started(Minutes(10));
  const oneSecond = await started(Seconds(1));
  try {
    const r = await compare(() => tenMinutes.step(1), () => oneSecond.step(1), { rounds: quick ? 9 : 41, warmup: quick ? 3 : 10 });
    return [ratioRow('11.step-10min-vs-1s', 'ssc.step(1) of a 10-minute batch ÷ of a 1-second batch (manual clock, no receivers)', r.ratio,
      { op: '<=', limit: 1.5 }, `median step ${r.aMs.toFixed(2)} ms (10 min) vs ${r.bMs.toFixed(2)} ms (1 s), word count + print() on local[2]`)];
  } finally {
    await tenMinutes.stop();
    await oneSecond.stop();
  }
}
