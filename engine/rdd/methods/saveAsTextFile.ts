/**
 * Spark's saveAsTextFile(path, codec): one compressed part per partition named with the codec's extension
 * (`part-00000.gz` for GzipCodec, as Hadoop's TextOutputFormat names them) and a `_SUCCESS` marker. Compressed
 * parts are bytes: the engine's file system must store bytes (Node's directory and the in-memory one do).
 */
import { errors } from '../../core/errors';
import type { WrittenFile } from '../../core/events';
import { joinPath } from '../../core/fileSystem';
import type { RDD } from '../RDD';
import { codecFor } from './compressionCodec';

export async function saveAsCompressedTextFile(rdd: RDD<unknown>, path: string, codecName: string): Promise<void> {
  const codec = codecFor(codecName);
  const sc = rdd.sc;
  const fs = sc.fs;
  if (!fs.writeBytes) throw errors.unsupportedArgument('saveAsTextFile', `codec = ${codecName}`, `This file system (${fs.kind}) stores text only: save without a codec.`);
  if (await fs.exists(path)) throw errors.outputDirExists(path);
  const parts = await sc.runResultJob(rdd, { t: 'toLines' }) as string[][];
  await fs.mkdirs(path);
  const files: WrittenFile[] = [];
  for (let i = 0; i < parts.length; i++) {
    const name = `part-${String(i).padStart(5, '0')}${codec.extension}`;
    const text = parts[i].map((l) => l + '\n').join('');
    const bytes = codec.compress(text);
    await fs.writeBytes(joinPath(path, name), bytes);
    files.push({ name, bytes: bytes.length, lines: parts[i].length, head: parts[i].slice(0, 50).join('\n').slice(0, 4000), truncated: parts[i].length > 50 });
  }
  await fs.writeFile(joinPath(path, '_SUCCESS'), '');
  files.push({ name: '_SUCCESS', bytes: 0, lines: 0, head: '', truncated: false });
  const batchTime = sc.jobContext?.batchTime;
  sc.post({ type: 'outputWritten', time: sc.clock.getTimeMillis(), path, ...(batchTime !== undefined ? { batchTime } : {}), files });
}
