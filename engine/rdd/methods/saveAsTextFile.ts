/**
 * Spark's saveAsTextFile(path, codec): one compressed part per partition named with the codec's extension
 * (`part-00000.gz` for GzipCodec, as Hadoop's TextOutputFormat names them) and a `_SUCCESS` marker. Compressed
 * parts are bytes: the engine's file system must store bytes (Node's directory and the in-memory one do).
 */
import { errors } from '../../core/errors';
import { linesText, writeParts } from '../actions';
import type { RDD } from '../RDD';
import { codecFor } from './compressionCodec';

export async function saveAsCompressedTextFile(rdd: RDD<unknown>, path: string, codecName: string): Promise<void> {
  const codec = codecFor(codecName);
  const fs = rdd.sc.fs;
  const writeBytes = fs.writeBytes?.bind(fs);
  if (!writeBytes) throw errors.unsupportedArgument('saveAsTextFile', `codec = ${codecName}`, `This file system (${fs.kind}) stores text only: save without a codec.`);
  await writeParts(rdd, path, { t: 'toLines' }, linesText, {
    extension: codec.extension,
    write: async (file, text) => { const bytes = codec.compress(text); await writeBytes(file, bytes); return bytes.length; },
  });
}
