/**
 * Spark's SparkContext.textFile(path, minPartitions = min(defaultParallelism, 2)): the lines of a file, of a
 * directory's files or of comma-separated paths, as a HadoopRDD of lines mapped to strings (toDebugString shows
 * both, named by the path). Partitions: see kinds/HadoopRDD.ts.
 */
import { hadoopRDD, splitLines } from '../kinds/HadoopRDD';
import type { RDD } from '../RDD';
import type { SparkContext } from '../SparkContext';

export function textFile(sc: SparkContext, path: string, minPartitions: number): RDD<string> {
  sc.assertNotStopped();
  const lines = hadoopRDD(sc, 'HadoopRDD', 'textFile', path, minPartitions, (files) => files.flatMap((f) => splitLines(f.text)));
  return lines.mapAs<string>('textFile', '(line) => line', true).setName(path);
}

/** Spark's wholeTextFiles: one (path, content) pair per file (WholeTextFileRDD, then a map of the Text values). */
export function wholeTextFiles(sc: SparkContext, path: string, minPartitions: number): RDD<[string, string]> {
  sc.assertNotStopped();
  const files = hadoopRDD<[string, string]>(sc, 'WholeTextFileRDD', 'wholeTextFiles', path, minPartitions, (fs) => fs.map((f) => [f.path, f.text]));
  return files.mapAs<[string, string]>('wholeTextFiles', '(kv) => kv', true).setName(path);
}

/** Spark's objectFile: the records saveAsObjectFile wrote (here one JSON document per line). */
export function objectFile<T>(sc: SparkContext, path: string, minPartitions: number): RDD<T> {
  sc.assertNotStopped();
  const records = hadoopRDD<T>(sc, 'HadoopRDD', 'objectFile', path, minPartitions,
    (files) => files.flatMap((f) => splitLines(f.text).map((l) => JSON.parse(l) as T)));
  return records.mapAs<T>('objectFile', '(x) => x', true);
}
