/** PySpark's doctests of SparkContext's file inputs (pyspark/context.py, Spark 3.5), ported to this engine. */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SparkFiles } from '../methods/addFile';
import { runDoctests } from './runDoctests';
import type { RddDoctest } from './doctestCase';

const tempDir = () => mkdtempSync(join(tmpdir(), 'rdd-inputs-'));
const sorted = <T>(xs: T[]) => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

const cases: RddDoctest[] = [
  { source: 'pyspark/context.py SparkContext.textFile',
    run: async (sc) => {
      const d = tempDir();
      const path1 = join(d, 'text1'), path2 = join(d, 'text2');
      await sc.parallelize(['x', 'y', 'z']).saveAsTextFile(path1);
      await sc.parallelize(['aa', 'bb', 'cc']).saveAsTextFile(path2);
      return [sorted(await sc.textFile(path1, 3).collect()), sorted(await sc.textFile(path2, 4).collect()),
        sorted(await sc.textFile(`${path1},${path2}`, 5).collect())];
    },
    expected: [['x', 'y', 'z'], ['aa', 'bb', 'cc'], ['aa', 'bb', 'cc', 'x', 'y', 'z']] },
  { source: 'pyspark/context.py SparkContext.textFile (sample-text.txt)',
    run: (sc) => { const p = join(tempDir(), 'sample-text.txt'); writeFileSync(p, 'Hello world!'); return sc.textFile(p).collect(); },
    expected: ['Hello world!'] },
  { source: 'pyspark/context.py SparkContext.wholeTextFiles',
    run: async (sc) => {
      const d = tempDir();
      writeFileSync(join(d, '1.txt'), '123');
      writeFileSync(join(d, '2.txt'), 'xyz');
      return (await sc.wholeTextFiles(d).collect()).map(([p, text]) => [p.slice(d.length), text]).sort();
    },
    expected: [['/1.txt', '123'], ['/2.txt', 'xyz']] },
  { source: 'pyspark/context.py SparkContext.pickleFile (objectFile)',
    run: async (sc) => {
      const d = tempDir();
      const path1 = join(d, 'pickled1'), path2 = join(d, 'pickled2');
      await sc.parallelize([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 3).saveAsObjectFile(path1);
      await sc.parallelize([-10, -9, -8, -7, -6], 3).saveAsObjectFile(path2);
      const num = (xs: number[]) => [...xs].sort((a, b) => a - b);
      return [num(await sc.objectFile<number>(path1, 3).collect()), num(await sc.objectFile<number>(path2, 4).collect()),
        num(await sc.objectFile<number>(`${path1},${path2}`, 5).collect())];
    },
    expected: [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [-10, -9, -8, -7, -6], [-10, -9, -8, -7, -6, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]] },
  { source: 'pyspark/context.py SparkContext.union (with a textFile)',
    run: async (sc) => {
      const d = tempDir();
      writeFileSync(join(d, 'union-text.txt'), 'Hello');
      return sorted(await sc.union([sc.textFile(d), sc.parallelize(['World!'])]).collect());
    },
    expected: ['Hello', 'World!'] },
  { source: 'pyspark/rdd.py RDD.saveAsTextFile (read back)',
    run: async (sc) => {
      const p = join(tempDir(), 'text_file1');
      await sc.parallelize([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]).saveAsTextFile(p);
      return sorted(await sc.textFile(`${p}/part-0000*`).collect()).map((l) => l + '\n').join('');
    },
    expected: '0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n' },
  { source: 'pyspark/rdd.py RDD.saveAsTextFile (empty lines)',
    run: async (sc) => {
      const p = join(tempDir(), 'text2_file2');
      await sc.parallelize(['', 'foo', '', 'bar', '']).saveAsTextFile(p);
      return sorted(await sc.textFile(`${p}/part-0000*`).collect()).map((l) => l + '\n').join('');
    },
    expected: '\n\n\nbar\nfoo\n' },
  { source: 'pyspark/rdd.py RDD.saveAsTextFile (GzipCodec)',
    // Read back with Node's zlib, as the doctest reads them with Python's gzip: real gzip parts named part-NNNNN.gz.
    run: async (sc) => {
      const p = join(tempDir(), 'text3');
      await sc.parallelize(['foo', 'bar']).saveAsTextFile(p, 'org.apache.hadoop.io.compress.GzipCodec');
      const parts = readdirSync(p).filter((n) => /^part.*\.gz$/.test(n));
      const lines = parts.flatMap((n) => gunzipSync(readFileSync(join(p, n))).toString('utf8').split('\n').filter(Boolean).map((l) => l + '\n'));
      return [parts.length, sorted(lines).join(''), sorted(await sc.textFile(p).collect())];
    },
    expected: [4, 'bar\nfoo\n', ['bar', 'foo']] },
  { source: 'saveAsTextFile with a codec Hadoop has but this engine does not',
    run: (sc) => sc.parallelize(['x']).saveAsTextFile(join(tempDir(), 'bz'), 'org.apache.hadoop.io.compress.BZip2Codec'),
    error: 'Compression codec org.apache.hadoop.io.compress.BZip2Codec is not supported: use org.apache.hadoop.io.compress.GzipCodec' },
  { source: 'pyspark/context.py SparkContext.addFile',
    // SparkFiles.read(name) stands for Python's open(SparkFiles.get(name)).read(): tasks have no file system.
    run: async (sc) => {
      const d = tempDir();
      const path1 = join(d, 'test1.txt'), path2 = join(d, 'test2.txt');
      writeFileSync(path1, '100');
      writeFileSync(path2, '200');
      sc.addFile(path1);
      const fileList1 = [...sc.listFiles()].sort();
      sc.addFile(path2);
      const fileList2 = [...sc.listFiles()].sort();
      sc.addFile(path2);
      const fileList3 = [...sc.listFiles()].sort();
      const collected = await sc.parallelize([1, 2, 3, 4]).mapPartitions((it) => {
        const mul = parseInt(SparkFiles.read('test1.txt').split('\n')[0], 10);
        return [...it].map((x) => x * mul);
      }).collect();
      return [fileList1.map((p) => p.slice(d.length)), fileList2.map((p) => p.slice(d.length)), fileList3.map((p) => p.slice(d.length)), collected];
    },
    expected: [['/test1.txt'], ['/test1.txt', '/test2.txt'], ['/test1.txt', '/test2.txt'], [100, 200, 300, 400]] },
  { source: 'SparkFiles.get of a file that was not added',
    run: (sc) => sc.parallelize([1]).map(() => SparkFiles.get('nope.txt')).collect(), error: /nope.txt was not added with sc.addFile/ },
  { source: 'textFile toDebugString: a MapPartitionsRDD over a HadoopRDD, both named by the path',
    run: (sc) => sc.textFile('/data.txt').toDebugString().replace(/\[\d+\]/g, '[N]'),
    expected: '(2) /data.txt MapPartitionsRDD[N] at textFile []\n |  /data.txt HadoopRDD[N] at textFile []' },
  { source: 'PairRDDFunctionsSuite "zero-partition RDD" (records; Spark also has no partitions there, here minPartitions)',
    run: async (sc) => {
      const file = sc.textFile(tempDir());
      return [await file.collect(), await file.map((line) => [line, 1] as [string, number]).reduceByKey((a, b) => a + b).collect()];
    },
    expected: [[], []] },
  { source: 'HadoopRDD: an input path that does not exist',
    run: (sc) => sc.textFile(join(tempDir(), 'missing')).collect(), error: /Input path does not exist: .*missing/ },
  { source: 'Hadoop LineRecordReader: \\n, \\r\\n and \\r end lines',
    run: (sc) => { const p = join(tempDir(), 'crlf.txt'); writeFileSync(p, 'a\r\nb\rc\n\nd\n'); return sc.textFile(p, 1).collect(); },
    expected: ['a', 'b', 'c', '', 'd'] },
];

runDoctests('file inputs', cases);
