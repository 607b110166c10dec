/**
 * Hadoop's compression codecs as saveAsTextFile(path, codec) names them: GzipCodec writes gzip parts named
 * `part-00000.gz`, DefaultCodec zlib parts named `part-00000.deflate`; textFile reads both back by extension, as
 * Hadoop's CompressionCodecFactory does. The other Hadoop codecs (BZip2, Snappy, LZ4, ZStandard) are refused.
 */
import { gunzipSync, gzipSync, unzlibSync, zlibSync } from 'fflate';
import { errors } from '../../core/errors';

export interface CompressionCodec { readonly className: string; readonly extension: string; compress(text: string): Uint8Array; decompress(bytes: Uint8Array): string }

const encoder = new TextEncoder(), decoder = new TextDecoder();

const CODECS: readonly CompressionCodec[] = [
  { className: 'org.apache.hadoop.io.compress.GzipCodec', extension: '.gz',
    // mtime 0: the same records give the same bytes (gzip's header otherwise holds the write time).
    compress: (text) => gzipSync(encoder.encode(text), { mtime: 0 }), decompress: (bytes) => decoder.decode(gunzipSync(bytes)) },
  { className: 'org.apache.hadoop.io.compress.DefaultCodec', extension: '.deflate',
    compress: (text) => zlibSync(encoder.encode(text)), decompress: (bytes) => decoder.decode(unzlibSync(bytes)) },
];

/** The codec a class name (or its short name: gzip, deflate, default) names; any other name is an error naming the supported ones. */
export function codecFor(name: string): CompressionCodec {
  const short: Record<string, string> = { gzip: 'GzipCodec', deflate: 'DefaultCodec', default: 'DefaultCodec' };
  const simple = short[name.toLowerCase()] ?? name.split('.').pop();
  const codec = CODECS.find((c) => c.className.endsWith('.' + simple));
  if (!codec) throw errors.unsupportedCodec(name);
  return codec;
}

/** The codec a file's extension says it was written with (Hadoop's CompressionCodecFactory.getCodec), if any. */
export const codecOfFile = (path: string): CompressionCodec | undefined => CODECS.find((c) => path.endsWith(c.extension));
