import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from './lecture-hashtags';
import { errors } from '../engine/core/errors';
import { SparkConf, StreamingContext, Seconds, type DStream } from '../engine/index';

// hdfs:// paths are written under the working directory (hdfs/<authority>/<path>): run in a temporary one.
const home = process.cwd();
afterEach(() => process.chdir(home));
function inTempDir(): string { const dir = mkdtempSync(join(tmpdir(), 'lecture-')); process.chdir(dir); return dir; }

async function run(master: string, batches = 3): Promise<{ dir: string; text: string }> {
  const dir = inTempDir();
  let text = '';
  await main({ batches, seed: 42, master, stdout: (t) => { text += t.endsWith('\n') ? t : `${t}\n`; } });
  return { dir, text };
}

describe('examples/lecture-hashtags.ts: the lecture\'s program as written', () => {
  for (const master of ['local[2]', 'local-cluster[2,2,1024]']) {
    it(`getTags ships with the closure, saveAsHadoopFiles writes one hdfs/ directory per batch (${master})`, async () => {
      const { dir, text } = await run(master);
      const out = join(dir, 'hdfs/namenode:8020/user/spark');
      expect(readdirSync(out).sort()).toEqual(['hashtags-1000', 'hashtags-2000', 'hashtags-3000']);
      let lines: string[] = [];
      for (const batch of ['hashtags-1000', 'hashtags-2000', 'hashtags-3000']) {
        const files = readdirSync(join(out, batch)).sort();
        expect(files[0]).toBe('_SUCCESS');
        expect(files.slice(1).every((f) => /^part-\d{5}$/.test(f))).toBe(true);
        lines = lines.concat(files.slice(1).flatMap((f) => readFileSync(join(out, batch, f), 'utf8').split('\n').filter(Boolean)));
      }
      // TextOutputFormat: "#tag<TAB>count".
      expect(lines.length).toBeGreaterThan(5);
      for (const l of lines) expect(l).toMatch(/^#\w+\t\d+$/);
      // The foreachRDD report (the lecture's foreach), once per batch, agrees with the files of its batch.
      const reports = text.match(/^Hashtags in batch \d+ ms: .+$/gm) ?? [];
      expect(reports.map((r) => /batch (\d+)/.exec(r)![1])).toEqual(['1000', '2000', '3000']);
      const [, tag, n] = /: (#\w+) \((\d+)\)/.exec(reports[0] ?? '') ?? [];
      const batch1 = readdirSync(join(out, 'hashtags-1000')).filter((f) => f.startsWith('part-'))
        .flatMap((f) => readFileSync(join(out, 'hashtags-1000', f), 'utf8').split('\n'));
      expect(batch1).toContain(`${tag}\t${n}`);
    }, 60000);
  }

  it('prints the same on local[2] and on local-cluster (the helper runs the same on executor workers)', async () => {
    expect((await run('local-cluster[2,2,1024]', 2)).text).toBe((await run('local[2]', 2)).text);
  }, 60000);

  it('its literal forms fail with what Spark says: foreach (SPARK-13248), saveAsHadoopFiles on plain hashtags (PairDStreamFunctions)', async () => {
    inTempDir();
    const ssc = new StreamingContext(new SparkConf().setMaster('local[2]').setAppName('literal').set('spark.streaming.clock', 'manual'), Seconds(1));
    let logged = '';
    ssc.stderr = (t) => { logged += t; };
    const hashTags = ssc.twitterStream({ seed: 1 }).flatMap((s) => s.getHashtagEntities().map((h) => h.getText()));
    expect(() => hashTags.foreach((hashTagRDD: unknown) => hashTagRDD)).toThrow(errors.dstreamForeachRemoved().message);
    // TypeScript refuses saveAsHadoopFiles on DStream<string> (it is typed for pairs); JavaScript reaches it at run time.
    const save = (hashTags as DStream<unknown>).saveAsHadoopFiles as (this: DStream<unknown>, prefix: string) => void;
    save.call(hashTags, 'hdfs://namenode/tags');
    await ssc.start();
    await ssc.step(1);
    await ssc.stop();
    expect(logged).toMatch(/saveAsHadoopFile is defined in Spark's PairDStreamFunctions \/ PairRDDFunctions: it needs a DStream or RDD of \[key, value\] pairs, but a record was "\w+"\. Map the records to pairs first/);
  }, 60000);
});
