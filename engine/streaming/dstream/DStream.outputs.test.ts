/** saveAsHadoopFiles (Spark's PairDStreamFunctions) and the foreach Spark removed, on a manual clock. */
import { describe, expect, it } from 'vitest';
import { SparkConf, SparkContext, StreamingContext, Seconds } from '../../index';
import { MemoryFileSystem } from '../../core/fileSystem';
import { errors } from '../../core/errors';
import type { DStream } from './DStream';

function ctx(fs: MemoryFileSystem) {
  const sc = new SparkContext(new SparkConf().setMaster('local[2]').setAppName('hadoop').set('spark.streaming.clock', 'manual'), { fs });
  return new StreamingContext(sc, Seconds(1));
}

describe('saveAsHadoopFiles(prefix, suffix?)', () => {
  it('one directory per batch named as saveAsTextFiles names them, of TextOutputFormat parts', async () => {
    const fs = new MemoryFileSystem();
    const ssc = ctx(fs);
    const sc = ssc.sparkContext;
    const pairs = ssc.queueStream([sc.makeRDD(['#a', '#b', '#a'], 1), sc.makeRDD(['#c'], 1)]).map((t) => [t, 1] as [string, number]).reduceByKey((a, b) => a + b, 1);
    pairs.saveAsHadoopFiles('hdfs://namenode/user/tags', 'txt');
    pairs.saveAsNewAPIHadoopFiles('/plain/tags');
    await ssc.start();
    await ssc.step(2);
    await ssc.stop();
    expect(await fs.readFile('hdfs/namenode/user/tags-1000.txt/part-00000')).toBe('#b\t1\n#a\t2\n');
    expect(await fs.readFile('hdfs/namenode/user/tags-2000.txt/part-00000')).toBe('#c\t1\n');
    expect(await fs.exists('hdfs/namenode/user/tags-2000.txt/_SUCCESS')).toBe(true);
    expect(await fs.readFile('/plain/tags-1000/part-00000')).toBe('#b\t1\n#a\t2\n');
  }, 30000);

  it('on a stream of plain records the batch fails with the PairDStreamFunctions reason', async () => {
    const fs = new MemoryFileSystem();
    const ssc = ctx(fs);
    const words = ssc.queueStream([ssc.sparkContext.makeRDD(['#a'], 1)]);
    const save = (words as DStream<unknown>).saveAsHadoopFiles as (this: DStream<unknown>, prefix: string) => void;
    save.call(words, '/out/tags');
    let logged = '';
    ssc.stderr = (t) => { logged += t; };
    await ssc.start();
    await ssc.step(1).catch(() => undefined);
    await ssc.stop();
    expect(logged).toContain(errors.notPairRecord('saveAsHadoopFile', '"#a"').message);
  }, 30000);
});

describe('DStream.foreach', () => {
  it('says Spark removed it in 2.0 (SPARK-13248) and points to foreachRDD', () => {
    const ssc = ctx(new MemoryFileSystem());
    const tags = ssc.queueStream([ssc.sparkContext.makeRDD(['#a'], 1)]);
    expect(() => tags.foreach((rdd: unknown) => rdd)).toThrow(errors.dstreamForeachRemoved().message);
    expect(errors.dstreamForeachRemoved().message).toMatch(/removed in Spark 2\.0 \(SPARK-13248\).*foreachRDD\(\(rdd, time\) =>/);
    void ssc.stop();
  });
});
