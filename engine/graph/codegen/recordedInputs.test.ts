import { describe, expect, it } from 'vitest';
import { commonScalaType, recordedQueuePython, recordedQueueScala } from './recordedInputs';
import { exportPython, exportScala, exportTypeScript } from './index';
import type { PipelineGraph } from '../types';

const tweet = { id: 7, user: '@ann', text: 'hi #spark', hashtags: ['#spark'], createdAt: 1000, lang: 'en' };

describe('recorded inputs (Export with this run\'s data)', () => {
  it('keeps every batch and its partitions: one parallelize element per partition, flattened', () => {
    const scala = recordedQueueScala([[['a b'], []], []], 'ssc');
    expect(scala).toBe('ssc.queueStream(mutable.Queue[RDD[String]](ssc.sparkContext.parallelize(Seq[Seq[String]](Seq("a b"), Seq()), 2).flatMap(p => p),\n  ssc.sparkContext.emptyRDD[String]), true)');
    expect(recordedQueuePython([[['a b'], []], []], 'ssc')).toBe(
      "ssc.queueStream([\n  ssc.sparkContext.parallelize([['a b'], []], 2).flatMap(lambda p: p),\n  ssc.sparkContext.emptyRDD()], oneAtATime=True)");
  });

  it('types the records: pairs as tuples, mixed numbers widened, tweets as RecordedStatus, unknown objects not at all', () => {
    expect(commonScalaType([[[['a', 1]]]])).toBe('(String, Int)');
    expect(commonScalaType([[[1, 2.5]]])).toBe('Double');
    expect(commonScalaType([[[1, 2 ** 40]]])).toBe('Long');
    expect(commonScalaType([[[tweet]]])).toBe('RecordedStatus');
    expect(commonScalaType([[[{ x: 1 }]]])).toBeUndefined();
    expect(commonScalaType([[[]]])).toBe('String');
  });

  it('replaces a simulated source in both exports; Scala gets the RecordedStatus stand-in for tweets', () => {
    const graph: PipelineGraph = {
      version: 1, name: 'Tags', master: 'local[2]', batchDuration: 1000, seed: 1,
      nodes: [{ id: 't', op: 'twitterStream', params: {} }, { id: 'm', op: 'map', params: { f: 't => t.text' } }, { id: 'p', op: 'print', params: {} }],
      edges: [{ id: 'e1', source: 't', target: 'm' }, { id: 'e2', source: 'm', target: 'p' }],
    } as PipelineGraph;
    const recordedInputs = { t: [[[tweet], []]] };
    const scala = exportScala(graph, { recordedInputs });
    expect(scala).not.toMatch(/TwitterUtils/);
    expect(scala).toMatch(/RecordedStatus\(7L, "@ann", "hi #spark", Seq\("#spark"\), 1000L, "en"\)/);
    expect(scala).toMatch(/case class RecordedStatus/);
    expect(scala).toMatch(/\.map\(t => t\.getText\)/);
    const py = exportPython(graph, { recordedInputs });
    expect(py).toMatch(/parallelize\(\[\[\{'id': 7, /);
    expect(py).toMatch(/t\['text'\]/);
  });

  it('says in every language how the recording was bounded: batches kept, the limit that cut it, partitions replayed empty', () => {
    const graph: PipelineGraph = {
      version: 1, name: 'Rates', master: 'local[2]', batchDuration: 1000, seed: 1,
      nodes: [{ id: 'r', op: 'rateStream', params: {} }, { id: 'p', op: 'print', params: {} }],
      edges: [{ id: 'e1', source: 'r', target: 'p' }],
    } as PipelineGraph;
    const recordedInputs = { r: [[[[0, 0], [0, 1]]], [[[1000, 2]], []]] };
    const recordingNote = { batches: 2, truncated: { limit: 'maxRecords' as const, value: 3 }, unreadPartitions: 1 };
    const scala = exportScala(graph, { recordedInputs, recordingNote });
    expect(scala).toContain('// Inputs: the records this run\'s sources delivered in its first 2 batches, by batch and partition');
    expect(scala).toContain('// TRUNCATED: the run went on, but the recording stops at 3 records (spark.studio.recordInputs.maxRecords); later batches are not in this program.');
    expect(scala).toContain('// 1 partition was never read by the run');
    expect(scala).toContain('ssc.queueStream(mutable.Queue[RDD[(Int, Int)]](ssc.sparkContext.parallelize(Seq[Seq[(Int, Int)]](Seq((0, 0), (0, 1))), 1).flatMap(p => p),');
    const py = exportPython(graph, { recordedInputs, recordingNote });
    expect(py).toContain('# TRUNCATED: the run went on, but the recording stops at 3 records');
    expect(py).toContain('ssc.sparkContext.parallelize([[(1000, 2)], []], 2).flatMap(lambda p: p)], oneAtATime=True)');
    const ts = exportTypeScript(graph, { recordedInputs, recordingNote: { batches: 1, unreadPartitions: 0 } });
    expect(ts).toContain(' * Inputs: the records this run\'s sources delivered in its first 1 batch, by batch and partition');
    expect(ts).not.toContain('TRUNCATED');
    expect(ts).toContain(' *   npm run pipeline -- <this file> --batches 1');
    expect(ts).toContain('const rateStream = ssc.queueStream([\n  ssc.sparkContext.parallelize([[[0, 0], [0, 1]]], 1).flatMap((p) => p),');
    expect(ts).toContain('await ssc.step(Number(process.env.DSTREAM_BATCHES ?? 1));');
  });
});

