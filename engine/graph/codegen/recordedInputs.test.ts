import { describe, expect, it } from 'vitest';
import { commonScalaType, recordedQueuePython, recordedQueueScala } from './recordedInputs';
import { exportPython, exportScala } from './index';
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
});
