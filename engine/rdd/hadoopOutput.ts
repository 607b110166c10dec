/**
 * Hadoop output as Spark writes it with saveAsHadoopFile / saveAsNewAPIHadoopFile and the default
 * TextOutputFormat: one `key<TAB>value` line per record (LineRecordWriter: a null key or value is left out
 * with its tab; a record whose key and value are both null writes no line), `part-0000N` files and `_SUCCESS`.
 *
 * Paths: the engine has one file system per context (a directory in Node, the pipeline's storage in the
 * browser) and no HDFS. A program written for a cluster names `hdfs://namenode:8020/user/tags`; running it
 * here writes to the directory `hdfs/namenode:8020/user/tags` of that file system (relative, so it never
 * lands at the root of the machine), which is what a user trying the program locally expects to find.
 * `file://` paths are local paths; any other scheme is an error naming the two that work.
 */
import { formatRecord } from '../core/format';
import { errors } from '../core/errors';

const URI = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/]*)(.*)$/;

/** Where an output path given as a URI goes on the engine's file system. */
export function resolveOutputPath(path: string, op: string): string {
  const m = URI.exec(path);
  if (!m) return path;
  const [, scheme, authority, rest] = m;
  switch (scheme.toLowerCase()) {
    case 'file': return rest || '/';
    case 'hdfs': return ['hdfs', authority, rest.replace(/^\/+/, '')].filter(Boolean).join('/');
    default: throw errors.unsupportedFileScheme(op, scheme, path);
  }
}

/** Where the engine writes `path` (resolveOutputPath), or `path` itself when its scheme is refused (the write reports that). */
export function localOutputPath(path: string): string {
  try { return resolveOutputPath(path, 'output'); } catch { return path; }
}

function isNullWritable(x: unknown): boolean { return x === null || x === undefined; }

/** TextOutputFormat's line for a record ([] when key and value are both null); a record that is not a pair is refused. */
export function textOutputLines(record: unknown, op: string): string[] {
  if (!Array.isArray(record) || record.length !== 2) throw errors.notPairRecord(op, describeRecord(record));
  const [key, value] = record;
  const nullKey = isNullWritable(key), nullValue = isNullWritable(value);
  if (nullKey && nullValue) return [];
  if (nullKey) return [formatRecord(value)];
  if (nullValue) return [formatRecord(key)];
  return [`${formatRecord(key)}\t${formatRecord(value)}`];
}

function describeRecord(record: unknown): string {
  const text = typeof record === 'string' ? JSON.stringify(record) : formatRecord(record);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
