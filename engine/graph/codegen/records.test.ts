/**
 * Record types through the graph (RECORD_TYPES): functions that receive twitterStream's tweets translate their
 * field accesses in Scala (twitter4j Status) and PySpark (JSON dicts); receiver storage levels reach the engine
 * and every export, defaults omitted.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chain, graphOf } from '../testGraphs';
import { exportGraph } from './index';
import { importTypeScript } from '../import/index';
import { inputRecordTypes, outputRecordTypes, RECORD_TYPES } from './records';
import { getOp } from '../registry';
import { resolveParams } from '../opSpec';
import { StorageLevel } from '../../rdd/storageLevel';
import { TwitterReceiver } from '../../streaming/input/twitter';
import { RateReceiver } from '../../streaming/input/rate';

const tweets = chain([
  ['twitterStream', {}, 'tw'],
  ['filter', { f: "t => t.lang === 'en'" }, 'en'],
  ['window', { window: 3000 }, 'w'],
  ['map', { f: 't => [t.user, t.hashtags.length]' }, 'm'],
  ['transform', { f: 'rdd => rdd.map(t => t)' }, 'tr'],
  'print',
]);

describe('record types through the graph', () => {
  it('sources set them, sameAsInput ops keep them, map ends them', () => {
    expect([...outputRecordTypes(tweets)]).toEqual([['tw', 'tweet'], ['en', 'tweet'], ['w', 'tweet']]);
    expect([...inputRecordTypes(tweets)].sort()).toEqual([['en', 'tweet'], ['m', 'tweet'], ['w', 'tweet']]);
    expect(Object.keys(RECORD_TYPES.tweet.fields).sort()).toEqual(['createdAt', 'hashtags', 'id', 'lang', 'text', 'user']);
  });

  it('Scala: Bahir TwitterUtils and twitter4j accessors downstream of twitterStream', () => {
    const code = exportGraph(tweets, 'scala');
    expect(code).toContain('libraryDependencies += "org.apache.bahir" %% "spark-streaming-twitter"');
    expect(code).toContain('import org.apache.spark.streaming.twitter.TwitterUtils');
    expect(code).toContain('val n1 = TwitterUtils.createStream(ssc, None)'.replace('n1', 'twitterStream'));
    expect(code).toContain('.filter(t => t.getLang == "en")');
    expect(code).toContain('.map(t => (("@" + t.getUser.getScreenName), t.getHashtagEntities.map(h => "#" + h.getText).toSeq.size))');
    expect(code).not.toContain('TODO translate');
  });

  it('PySpark: a JSON-lines socket stand-in and dict access downstream of twitterStream; the program compiles', () => {
    const code = exportGraph(tweets, 'python');
    expect(code).toMatch(/^import json$/m);
    expect(code).toContain("twitter_stream = ssc.socketTextStream('localhost', 9999).map(json.loads)");
    expect(code).toContain("#   nc -lk 9999 < tweets.jsonl");
    expect(code).toContain(".filter(lambda t: t['lang'] == 'en')");
    expect(code).toContain(".map(lambda t: (t['user'], len(t['hashtags'])))");
    expect(code).not.toContain('TODO translate');
    expect(code).not.toContain('KafkaUtils');
    const dir = mkdtempSync(join(tmpdir(), 'records-py-'));
    try {
      const f = join(dir, 'tweets.py');
      writeFileSync(f, code);
      execFileSync('python3', ['-m', 'py_compile', f], { stdio: 'pipe' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('twitterStream filters become createStream filters (Scala) and a text filter (PySpark)', () => {
    const g = chain([['twitterStream', { options: { tweetsPerSecond: 5, filters: ['#spark'] } }, 'tw'], 'print']);
    expect(exportGraph(g, 'scala')).toContain('TwitterUtils.createStream(ssc, None, Seq("#spark"))');
    expect(exportGraph(g, 'python')).toContain(".map(json.loads).filter(lambda t: any(f in t['text'] for f in ['#spark']))");
  });
});

describe('receiver storage level', () => {
  const level = (op: string, params: Record<string, unknown>) => chain([[op, params, 's'], 'print']);

  it('is an enum param defaulting to MEMORY_AND_DISK_SER_2 on every receiver source', () => {
    for (const op of ['socketTextStream', 'rateStream', 'twitterStream']) {
      const spec = getOp(op)!.params.storageLevel;
      expect(spec.type, op).toBe('enum');
      expect(spec.default, op).toBe('MEMORY_AND_DISK_SER_2');
      expect(spec.enumValues, op).toContain('MEMORY_ONLY');
      for (const v of spec.enumValues ?? []) expect(StorageLevel.fromString(v).isValid).toBe(true);
    }
    for (const op of ['queueStream', 'textFileStream', 'directKafkaStream']) expect(getOp(op)!.params.storageLevel, op).toBeUndefined();
  });

  it('defaults stay out of every export', () => {
    for (const op of ['socketTextStream', 'rateStream', 'twitterStream']) {
      for (const lang of ['ts', 'scala', 'python'] as const) {
        const code = exportGraph(level(op, {}), lang);
        const stmt = code.split('\n').slice(code.split('\n').findIndex((l) => /node: s$/.test(l))).find((l) => /\b(ssc|TwitterUtils)\./.test(l));
        expect(stmt, `${op} ${lang}`).toBeTruthy();
        expect(stmt, `${op} ${lang}`).not.toContain('StorageLevel');
      }
    }
  });

  it('a chosen level is printed in TS, Scala and PySpark (PySpark has no *_SER levels)', () => {
    const sock = level('socketTextStream', { storageLevel: 'MEMORY_AND_DISK_SER' });
    const ts = exportGraph(sock, 'ts');
    expect(ts).toContain("ssc.socketTextStream('localhost', 9999, StorageLevel.MEMORY_AND_DISK_SER);");
    expect(ts).toMatch(/^import \{[^}]*\bStorageLevel\b[^}]*\} from/m);
    const scala = exportGraph(sock, 'scala');
    expect(scala).toContain('ssc.socketTextStream("localhost", 9999, StorageLevel.MEMORY_AND_DISK_SER)');
    expect(scala).toContain('import org.apache.spark.storage.StorageLevel');
    const py = exportGraph(sock, 'python');
    expect(py).toContain("ssc.socketTextStream('localhost', 9999, StorageLevel.MEMORY_AND_DISK)");
    expect(py).toContain('from pyspark import SparkConf, SparkContext, StorageLevel');

    const tw = level('twitterStream', { storageLevel: 'MEMORY_ONLY', options: { tweetsPerSecond: 5 } });
    expect(exportGraph(tw, 'ts')).toContain('ssc.twitterStream({ tweetsPerSecond: 5, storageLevel: StorageLevel.MEMORY_ONLY });');
    expect(exportGraph(tw, 'scala')).toContain('TwitterUtils.createStream(ssc, None, Nil, StorageLevel.MEMORY_ONLY)');
    expect(exportGraph(tw, 'python')).toContain("ssc.socketTextStream('localhost', 9999, StorageLevel.MEMORY_ONLY).map(json.loads)");
    expect(exportGraph(level('twitterStream', { storageLevel: 'DISK_ONLY' }), 'ts')).toContain('ssc.twitterStream({ storageLevel: StorageLevel.DISK_ONLY });');

    const rate = level('rateStream', { rowsPerSecond: 10, storageLevel: 'MEMORY_ONLY_2' });
    expect(exportGraph(rate, 'ts')).toContain('ssc.rateStream(10, { storageLevel: StorageLevel.MEMORY_ONLY_2 });');
    const rateScala = exportGraph(rate, 'scala');
    expect(rateScala).toContain('new RateReceiver(10, StorageLevel.MEMORY_ONLY_2)');
    expect(rateScala).toContain('class RateReceiver(rowsPerSecond: Int, storageLevel: StorageLevel = StorageLevel.MEMORY_AND_DISK_SER_2)');
  });

  it('the build passes a chosen level to the engine, and nothing extra for the default', () => {
    const calls: unknown[][] = [];
    const ssc = new Proxy({}, { get: (_t, m) => (...args: unknown[]) => { calls.push([m, ...args]); return {}; } });
    const build = (op: string, params: Record<string, unknown>) => {
      const spec = getOp(op)!;
      spec.build(resolveParams(spec, params), [], { ssc } as never);
    };
    build('socketTextStream', {});
    build('socketTextStream', { storageLevel: 'MEMORY_ONLY' });
    build('twitterStream', { storageLevel: 'MEMORY_ONLY', options: { tweetsPerSecond: 3 } });
    build('rateStream', { rowsPerSecond: 4, storageLevel: 'DISK_ONLY' });
    build('rateStream', { rowsPerSecond: 4 });
    expect(calls).toEqual([
      ['socketTextStream', 'localhost', 9999],
      ['socketTextStream', 'localhost', 9999, StorageLevel.MEMORY_ONLY],
      ['twitterStream', { tweetsPerSecond: 3, storageLevel: StorageLevel.MEMORY_ONLY }],
      ['rateStream', 4, { storageLevel: StorageLevel.DISK_ONLY }],
      ['rateStream', 4],
    ]);
    // the engine's receivers take the level from their options
    expect(new TwitterReceiver({ storageLevel: StorageLevel.MEMORY_ONLY }).storageLevel).toBe(StorageLevel.MEMORY_ONLY);
    expect(new RateReceiver(1, { storageLevel: StorageLevel.DISK_ONLY }).storageLevel).toBe(StorageLevel.DISK_ONLY);
    expect(new RateReceiver(1).storageLevel).toBe(StorageLevel.MEMORY_AND_DISK_SER_2);
  });

  it('default-level graphs still round-trip through TypeScript', async () => {
    const g = graphOf(tweets.nodes, tweets.edges);
    const { graph, warnings } = await importTypeScript(exportGraph(g, 'ts'));
    expect(warnings).toEqual([]);
    expect(graph.nodes.map((n) => [n.id, n.op])).toEqual(g.nodes.map((n) => [n.id, n.op]));
  });
});
