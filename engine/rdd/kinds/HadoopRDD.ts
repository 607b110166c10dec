/**
 * Spark's HadoopRDD (textFile, objectFile) and WholeTextFileRDD (wholeTextFiles): records read from files through
 * the engine's file system. The file system belongs to the driver, so the files are listed and read there, once,
 * before the first job that needs them, and each partition travels in its task's plan.
 *
 * Unlike Hadoop's input splits (byte ranges sized from the files), the partition count is `minPartitions`: a
 * definition must know its partitions before anything is read (the engine's file systems are asynchronous), and
 * the records are then sliced over them as parallelize slices a collection.
 */
import { errors } from '../../core/errors';
import type { FileSystem, FileStatus } from '../../core/fileSystem';
import { codecOfFile } from '../methods/compressionCodec';
import { RDD } from '../RDD';
import type { SparkContext } from '../SparkContext';
import type { PlanKind } from './kind';

/** The records of one input partition, read on the driver (HadoopRDD / WholeTextFileRDD). */
export interface InputPlan { k: 'input'; rddClass: 'HadoopRDD' | 'WholeTextFileRDD'; values: unknown[] }

export const hadoopKind: PlanKind<InputPlan> = {
  rddClass: 'HadoopRDD',
  inputs: () => [],
  push(plan, run, emit) {
    run.env.metrics.recordsIn += plan.values.length;
    for (const v of plan.values) emit(v);
  },
};

/** A file the input reads: its path and text. */
export interface InputFile { path: string; text: string }

export function hadoopRDD<T>(sc: SparkContext, className: InputPlan['rddClass'], opName: string, paths: string, minPartitions: number,
  records: (files: InputFile[]) => T[]): RDD<T> {
  if (!Number.isInteger(minPartitions) || minPartitions < 1) throw errors.numSlicesPositive(minPartitions);
  let slices: T[][] | undefined;
  const rdd = new RDD<T>(sc, {
    className, opName, numPartitions: minPartitions, deps: [],
    prepare: async () => {
      if (slices) return;
      const files: InputFile[] = [];
      for (const f of await listInputFiles(sc.fs, paths)) files.push({ path: f, text: await readText(sc.fs, f) });
      const all = records(files);
      const len = all.length;
      slices = Array.from({ length: minPartitions }, (_, i) => all.slice(Math.floor((i * len) / minPartitions), Math.floor(((i + 1) * len) / minPartitions)));
    },
    planFor: (p): InputPlan => ({ k: 'input', rddClass: className, values: slices![p] }),
  });
  return rdd.setName(paths);
}

/**
 * Hadoop's FileInputFormat.listStatus: comma-separated paths, each a file, a directory (its files, not recursive)
 * or a glob in its last segment (`*`, `?`); names starting with `_` or `.` are hidden (`_SUCCESS`, checksums).
 */
export async function listInputFiles(fs: FileSystem, paths: string): Promise<string[]> {
  const out: string[] = [];
  const visible = (s: FileStatus) => !s.isDirectory && !/^[_.]/.test(s.path.split('/').pop() ?? '');
  for (const path of paths.split(',').map((p) => p.trim()).filter(Boolean)) {
    const slash = path.lastIndexOf('/');
    const last = path.slice(slash + 1);
    if (/[*?]/.test(last)) {
      const dir = slash > 0 ? path.slice(0, slash) : slash === 0 ? '/' : '.';
      const pattern = new RegExp('^' + last.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]') + '$');
      const matched = (await fs.exists(dir) ? await fs.list(dir) : []).filter((s) => pattern.test(s.path.split('/').pop() ?? ''));
      if (matched.length === 0) throw errors.inputPathDoesNotExist(path);
      for (const s of matched) out.push(...(s.isDirectory ? (await fs.list(s.path)).filter(visible).map((f) => f.path) : [s.path]));
      continue;
    }
    if (!(await fs.exists(path))) throw errors.inputPathDoesNotExist(path);
    const st = await fs.stat(path);
    out.push(...(st.isDirectory ? (await fs.list(path)).filter(visible).map((f) => f.path).sort() : [path]));
  }
  return out;
}

/** A file's text, decompressed when its extension names a codec (Hadoop's CompressionCodecFactory). */
async function readText(fs: FileSystem, path: string): Promise<string> {
  const codec = codecOfFile(path);
  return codec && fs.readBytes ? codec.decompress(await fs.readBytes(path)) : fs.readFile(path);
}

/** Hadoop's LineRecordReader: lines end at \n, \r\n or \r; a final terminator adds no empty line. */
export function splitLines(text: string): string[] {
  if (text.length === 0) return [];
  const lines = text.split(/\r\n|\n|\r/);
  if (/(\r\n|\n|\r)$/.test(text)) lines.pop();
  return lines;
}
