/**
 * saveAsHadoopFile / saveAsNewAPIHadoopFile against Spark's FileSuite ("text files (using old / new Hadoop API)")
 * and Hadoop's TextOutputFormat.LineRecordWriter (null keys and values), on local[2] and local-cluster[2,2,1024].
 */
import { afterAll, describe, expect, it } from 'vitest';
import { SparkConf } from '../core/conf';
import { errors } from '../core/errors';
import { MemoryFileSystem } from '../core/fileSystem';
import { SparkContext } from './SparkContext';
import { RDD } from './RDD';
import { resolveOutputPath, textOutputLines } from './hadoopOutput';

describe('TextOutputFormat lines (LineRecordWriter.write)', () => {
  const cases: { record: unknown; lines: string[] }[] = [
    { record: [1, 'a'], lines: ['1\ta'] },
    { record: ['#spark', 3], lines: ['#spark\t3'] },
    { record: [['a', 1], [2, 'b']], lines: ['(a,1)\t(2,b)'] },   // tuples print as Scala's toString
    { record: [null, 'v'], lines: ['v'] },                        // a null key: the value alone, no tab
    { record: ['k', null], lines: ['k'] },                        // a null value: the key alone
    { record: [null, null], lines: [] },                          // both null: no line
    { record: [1.5, true], lines: ['1.5\ttrue'] },
  ];
  for (const c of cases) it(`${JSON.stringify(c.record)} → ${JSON.stringify(c.lines)}`, () => expect(textOutputLines(c.record, 'saveAsHadoopFile')).toEqual(c.lines));

  it('a record that is not a pair names PairRDDFunctions and the two ways out', () => {
    expect(() => textOutputLines('#spark', 'saveAsHadoopFiles')).toThrow(errors.notPairRecord('saveAsHadoopFiles', '"#spark"').message);
    expect(errors.notPairRecord('saveAsHadoopFiles', '"#spark"').message).toMatch(/PairDStreamFunctions.*\.map\(\(x\) => \[x, 1\]\).*saveAsTextFiles/);
  });
});

describe('output paths', () => {
  it('hdfs:// goes to the local directory hdfs/<authority>/<path>; file:// is a local path', () => {
    expect(resolveOutputPath('hdfs://namenode:8020/user/spark/tags-1000', 'op')).toBe('hdfs/namenode:8020/user/spark/tags-1000');
    expect(resolveOutputPath('hdfs:///user/tags', 'op')).toBe('hdfs/user/tags');
    expect(resolveOutputPath('file:///tmp/out', 'op')).toBe('/tmp/out');
    expect(resolveOutputPath('/plain/path', 'op')).toBe('/plain/path');
  });
  it('another scheme: Hadoop\'s "No FileSystem for scheme", and what works', () => {
    expect(() => resolveOutputPath('s3a://bucket/x', 'saveAsHadoopFile')).toThrow(errors.unsupportedFileScheme('saveAsHadoopFile', 's3a', 's3a://bucket/x').message);
  });
});

for (const master of ['local[2]', 'local-cluster[2,2,1024]']) {
  describe(`saveAsHadoopFile on ${master}`, () => {
    const fs = new MemoryFileSystem();
    const sc = new SparkContext(new SparkConf().setMaster(master).setAppName('FileSuite'), { fs });
    afterAll(() => sc.stop());

    it('old and new Hadoop API: key\\tvalue lines, part-0000N per partition, _SUCCESS (FileSuite)', async () => {
      const nums = () => sc.makeRDD([1, 2, 3], 1).map((x) => [x, 'a'.repeat(x)] as [number, string]);
      await nums().saveAsHadoopFile('/out/old');
      await nums().saveAsNewAPIHadoopFile('/out/new');
      for (const dir of ['/out/old', '/out/new']) {
        expect(await fs.readFile(`${dir}/part-00000`)).toBe('1\ta\n2\taa\n3\taaa\n');
        expect(await fs.exists(`${dir}/_SUCCESS`)).toBe(true);
      }
      await sc.parallelize([['a', 1], ['b', 2], ['c', 3]] as [string, number][], 3).saveAsHadoopFile('hdfs://nn:8020/user/pairs');
      const files = (await fs.list('hdfs/nn:8020/user/pairs')).map((f) => f.path.split('/').pop()).sort();
      expect(files).toEqual(['_SUCCESS', 'part-00000', 'part-00001', 'part-00002']);
      expect(await fs.readFile('hdfs/nn:8020/user/pairs/part-00002')).toBe('c\t3\n');
    }, 30000);

    it('a non-pair RDD fails its job with the PairRDDFunctions reason', async () => {
      // What JavaScript (or a graph) can do that TypeScript's `this: RDD<[K, V]>` refuses.
      const save = RDD.prototype.saveAsHadoopFile as (this: RDD<unknown>, path: string) => Promise<void>;
      await expect(save.call(sc.makeRDD<unknown>(['x'], 1), '/out/bad')).rejects.toThrow(errors.notPairRecord('saveAsHadoopFile', '"x"').message);
    }, 30000);

    it('output format arguments are refused, not ignored', async () => {
      const rdd = sc.makeRDD([[1, 2] as [number, number]], 1);
      const save = rdd.saveAsHadoopFile as (this: typeof rdd, path: string, ...args: unknown[]) => Promise<void>;
      await expect(save.call(rdd, '/out/codec', 'org.apache.hadoop.io.compress.GzipCodec')).rejects.toThrow(errors.hadoopFormatArgs('saveAsHadoopFile', 1).message);
    });
  });
}
