import { describe, expect, it } from 'vitest';
import { SparkConf, StreamingContext, Seconds, Some } from '../index';
import type { EngineEvent, EventOf } from '../core/events';
import type { Option } from '../core/option';

/** Runs words → (w, 1) → reduceByKeyAndWindow (with an inverse) and updateStateByKey, both printed, for two batches. */
async function run(): Promise<EngineEvent[]> {
  const conf = new SparkConf().setMaster('local[2]').setAppName('t').set('spark.streaming.clock', 'manual');
  const ssc = new StreamingContext(conf, Seconds(1));
  ssc.stdout = () => {};
  ssc.checkpoint('/tmp/dstream-graph-event-test');
  const events: EngineEvent[] = [];
  ssc.addStreamingListener((e) => { events.push(e); });
  const sc = ssc.sparkContext;
  sc.setCallSite('words');
  const words = ssc.queueStream([sc.parallelize(['a', 'b', 'a'], 2), sc.parallelize(['b'], 2)]);
  sc.setCallSite('pairs');
  const pairs = words.map((w: string) => [w, 1] as [string, number]);
  sc.setCallSite('windowed');
  const windowed = pairs.reduceByKeyAndWindow((a: number, b: number) => a + b, (a: number, b: number) => a - b, Seconds(2), Seconds(1));
  sc.setCallSite('totals');
  const totals = pairs.updateStateByKey((vs: number[], s: Option<number>) => Some(vs.reduce((a, b) => a + b, s.getOrElse(0))));
  sc.setCallSite('out');
  windowed.print();
  totals.print();
  sc.setCallSite(undefined);
  await ssc.start();
  await ssc.step(2);
  await ssc.stop();
  return events;
}

describe('events carry facts: the DStream graph, RDD infos, block ids', () => {
  it('posts the DStream graph once at start, before streamingStarted: ops, parents, window, state, outputs', async () => {
    const events = await run();
    const graphs = events.filter((e): e is EventOf<'dstreamGraph'> => e.type === 'dstreamGraph');
    expect(graphs).toHaveLength(1);
    expect(events.findIndex((e) => e.type === 'dstreamGraph')).toBeLessThan(events.findIndex((e) => e.type === 'streamingStarted'));
    const g = graphs[0];
    expect(g.batchDurationMs).toBe(1000);
    const byId = new Map(g.dstreams.map((d) => [d.id, d]));
    // Parents come before children.
    g.dstreams.forEach((d, i) => { for (const p of d.parentIds) expect(g.dstreams.findIndex((x) => x.id === p)).toBeLessThan(i); });
    const input = g.dstreams.find((d) => d.inputStreamId !== undefined)!;
    expect(input).toMatchObject({ op: 'queueStream', callSite: 'words', parentIds: [], stateful: false, output: false, slideMs: 1000 });
    const win = g.dstreams.find((d) => d.className === 'ReducedWindowedDStream')!;
    expect(win).toMatchObject({ callSite: 'windowed', windowMs: 2000, slideMs: 1000, stateful: false, output: false });
    const state = g.dstreams.find((d) => d.className === 'StateDStream')!;
    expect(state).toMatchObject({ callSite: 'totals', stateful: true, output: false });
    expect(state.checkpointMs).toBeGreaterThan(0);
    const outputs = g.dstreams.filter((d) => d.output);
    expect(outputs).toHaveLength(2);
    expect(outputs.map((o) => byId.get(o.parentIds[0])!.className).sort()).toEqual(['ReducedWindowedDStream', 'StateDStream']);
    for (const d of g.dstreams) expect(d.rememberMs).toBeGreaterThanOrEqual(d.slideMs);
  });

  it('lists every RDD of a stage with its class, op, call site, parents, DStream and batch', async () => {
    const events = await run();
    const stages = events.filter((e): e is EventOf<'stageSubmitted'> => e.type === 'stageSubmitted');
    expect(stages.length).toBeGreaterThan(0);
    for (const s of stages) expect(s.rddInfos.map((r) => r.id)).toEqual(s.rddIds);
    const dstreams = (events.find((e) => e.type === 'dstreamGraph') as EventOf<'dstreamGraph'>).dstreams;
    const mapped = dstreams.find((d) => d.callSite === 'pairs')!;
    const infos = stages.flatMap((s) => s.rddInfos);
    const mappedRdd = infos.find((r) => r.dstreamId === mapped.id && r.batchTime === 1000)!;
    expect(mappedRdd).toMatchObject({ className: 'MapPartitionsRDD', op: 'map', callSite: 'pairs', numPartitions: 2 });
    expect(mappedRdd.parentIds).toHaveLength(1);
    expect(infos.find((r) => r.id === mappedRdd.parentIds[0])).toMatchObject({ callSite: 'words' });
    // Every RDD a batch created names the batch's time (the second batch's RDDs say 2000).
    expect(infos.some((r) => r.dstreamId === mapped.id && r.batchTime === 2000)).toBe(true);
  });

  it('names the RDD and partition of every cached RDD block', async () => {
    const events = await run();
    const rddBlocks = events.filter((e): e is EventOf<'blockUpdated'> => e.type === 'blockUpdated' && e.blockId.startsWith('rdd_'));
    expect(rddBlocks.length).toBeGreaterThan(0);
    for (const b of rddBlocks) expect(b.blockId).toBe(`rdd_${b.rddId}_${b.partition}`);
  });
});
