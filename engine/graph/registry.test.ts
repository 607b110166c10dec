import { describe, expect, test } from 'vitest';
import { categoryOrder, emitNode, getOp, operators, opsByCategory } from './registry';
import type { GraphNode, PipelineGraph } from './types';

/** Every op of the streaming core API, by family (receiverStream is code, not a graph op). */
const EXPECTED: Record<string, string[]> = {
  source: ['socketTextStream', 'queueStream', 'textFileStream', 'rateStream', 'twitterStream', 'directKafkaStream'],
  transform: ['map', 'flatMap', 'filter', 'glom', 'mapPartitions', 'repartition', 'union', 'count', 'countByValue', 'reduce', 'transform', 'transformWith'],
  pair: ['groupByKey', 'reduceByKey', 'combineByKey', 'mapValues', 'flatMapValues', 'join', 'leftOuterJoin', 'rightOuterJoin', 'fullOuterJoin', 'cogroup'],
  window: ['window', 'countByWindow', 'reduceByWindow', 'countByValueAndWindow', 'groupByKeyAndWindow', 'reduceByKeyAndWindow'],
  state: ['updateStateByKey', 'mapWithState'],
  output: ['print', 'saveAsTextFiles', 'saveAsObjectFiles', 'foreachRDD', 'saveAsHadoopFiles'],
  code: ['code'],
};

const graph: PipelineGraph = { version: 1, name: 't', master: 'local[2]', batchDuration: 1000, seed: 1, nodes: [], edges: [] };
const fakeUdf = (src: string, lang: string) => `<${lang}:${src}>`;

describe('operator registry', () => {
  test('every op of the streaming core API is present exactly once, in its family', () => {
    const names = operators.map((o) => o.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(Object.values(EXPECTED).flat().sort());
    for (const [cat, ops] of Object.entries(EXPECTED)) {
      expect(opsByCategory().get(cat as never)!.map((o) => o.name), cat).toEqual(ops);
    }
    expect(categoryOrder).toEqual(Object.keys(EXPECTED));
  });

  test.each(operators.map((o) => [o.name, o] as const))('%s: labels, docs, ports, params, emitters', (_n, op) => {
    expect(getOp(op.name)).toBe(op);
    for (const loc of [op.label, op.description]) { expect(loc.en.length).toBeGreaterThan(0); expect(loc['zh-CN'].length).toBeGreaterThan(0); }
    expect(op.docUrl).toMatch(/^https:\/\/spark\.apache\.org\/docs\/3\.5\.\d\//);
    expect(op.inputs.length === 0).toBe(op.category === 'source');
    expect(op.output === null).toBe(op.category === 'output');
    for (const [name, p] of Object.entries(op.params)) {
      expect(p.label.en, `${op.name}.${name}`).toBeTruthy();
      expect(p.label['zh-CN'], `${op.name}.${name}`).toBeTruthy();
      expect(p.help.en, `${op.name}.${name}`).toBeTruthy();
      expect(p.help['zh-CN'], `${op.name}.${name}`).toBeTruthy();
      if (p.type === 'function') expect(p.runsOn, `${op.name}.${name}`).toMatch(/^(executor|driver)$/);
      if (p.default === undefined) expect(p.optional, `${op.name}.${name} needs a default or optional`).toBe(true);
    }
    const node: GraphNode = { id: 'n1', op: op.name, params: {}, position: { x: 0, y: 0 } };
    const inputs = Object.fromEntries(op.inputs.map((p, i) => [p.port, `s${i}`]));
    for (const lang of ['ts', 'scala', 'python'] as const) {
      const text = emitNode(graph, node, { lang, inputs, out: 'out', udf: fakeUdf });
      expect(text.length, `${op.name} ${lang}`).toBeGreaterThan(0);
      if (lang === 'ts') expect(text).not.toMatch(/<(scala|python):/);
      if (op.output !== null) expect(text, `${op.name} ${lang} assigns out`).toMatch(/\bout\b/);
      // Every function param reaches Scala/Python through the exporter's udf translator (or a TODO comment).
      if (lang !== 'ts') for (const [name, p] of Object.entries(op.params)) {
        if (p.type === 'function' && p.default !== undefined && op.name !== 'code' && !(op.name === 'mapWithState' && lang === 'python')) {
          expect(text, `${op.name}.${name} ${lang}`).toContain(`<${lang}:${String(p.default)}>`);
        }
      }
    }
  });

  test('getOp ignores prototype names', () => {
    expect(getOp('toString')).toBeUndefined();
    expect(getOp('__proto__')).toBeUndefined();
  });
});

/** Emitted statements for a few ops, as a table: [op, params, inputs, lang, expected]. */
const EMIT_CASES: [string, Record<string, unknown>, Record<string, string>, 'ts' | 'scala' | 'python', string][] = [
  ['reduceByKeyAndWindow', { reduce: '(a, b) => a + b', inverse: '(a, b) => a - b', window: 30000, slide: 10000 }, { in: 'pairs' }, 'ts',
    'const out = pairs.reduceByKeyAndWindow((a, b) => a + b, (a, b) => a - b, Milliseconds(30000), Milliseconds(10000));'],
  ['reduceByKeyAndWindow', { reduce: '(a, b) => a + b', inverse: '(a, b) => a - b', window: 30000, slide: 10000 }, { in: 'pairs' }, 'scala',
    'val out = pairs.reduceByKeyAndWindow(<scala:(a, b) => a + b>, <scala:(a, b) => a - b>, Seconds(30), Seconds(10))'],
  ['reduceByKeyAndWindow', { reduce: '(a, b) => a + b', inverse: '(a, b) => a - b', window: 30000, slide: 10000 }, { in: 'pairs' }, 'python',
    'out = pairs.reduceByKeyAndWindow(<python:(a, b) => a + b>, <python:(a, b) => a - b>, 30, 10)'],
  ['reduceByKeyAndWindow', { window: 3000 }, { in: 'p' }, 'ts', 'const out = p.reduceByKeyAndWindow((a, b) => a + b, Milliseconds(3000));'],
  ['reduceByKeyAndWindow', { window: 3000 }, { in: 'p' }, 'python', 'out = p.reduceByKeyAndWindow(<python:(a, b) => a + b>, None, 3)'],
  ['countByWindow', { window: 3000 }, { in: 's' }, 'scala', 'val out = s.countByWindow(Seconds(3), s.slideDuration)'],
  ['countByWindow', { window: 1500, slide: 500 }, { in: 's' }, 'python', 'out = s.countByWindow(1.5, 0.5)'],
  ['print', {}, { in: 'c' }, 'ts', 'c.print();'],
  ['print', { num: 5 }, { in: 'c' }, 'python', 'c.pprint(5)'],
  ['join', {}, { left: 'a', right: 'b' }, 'scala', 'val out = a.join(b)'],
  ['union', {}, { in: 'a', other: 'b' }, 'ts', 'const out = a.union(b);'],
  ['transformWith', {}, { in: 'a', other: 'b' }, 'python', 'out = a.transformWith(<python:(rdd1, rdd2, time) => rdd1.union(rdd2)>, b)'],
  ['socketTextStream', {}, {}, 'python', "out = ssc.socketTextStream('localhost', 9999)"],
  ['socketTextStream', {}, {}, 'scala', 'val out = ssc.socketTextStream("localhost", 9999)'],
  ['queueStream', { batches: [['a b'], ['c']] }, {}, 'ts', "const out = ssc.queueStream([['a b'], ['c']].map((b) => ssc.sparkContext.parallelize(b)), true);"],
  ['queueStream', { batches: [['a b'], ['c']], oneAtATime: false }, {}, 'python',
    "out = ssc.queueStream([ssc.sparkContext.parallelize(b) for b in [['a b'], ['c']]], oneAtATime=False)"],
  ['queueStream', { batches: [[['ad1', 'home']], [['ad2', 'news'], ['ad3', 'x']]] }, {}, 'scala',
    'val out = ssc.queueStream(mutable.Queue(Seq(Seq(("ad1", "home")), Seq(("ad2", "news"), ("ad3", "x"))).map(b => ssc.sparkContext.parallelize(b)): _*), true)'],
  ['queueStream', { batches: [[['ad1', 'home']]] }, {}, 'python',
    "out = ssc.queueStream([ssc.sparkContext.parallelize(b) for b in [[('ad1', 'home')]]], oneAtATime=True)"],
  ['mapWithState', { mappingFunction: 'f', timeout: 60000, numPartitions: 2 }, { in: 's' }, 'scala',
    'val out = s.mapWithState(StateSpec.function(<scala:f>).timeout(Minutes(1)).numPartitions(2))'],
  ['foreachRDD', { f: '(rdd, time) => rdd' }, { in: 's' }, 'python', 's.foreachRDD(lambda time, rdd: (<python:(rdd, time) => rdd>)(rdd, time))'],
  ['foreachRDD', { f: 'rdd => rdd' }, { in: 's' }, 'python', 's.foreachRDD(<python:rdd => rdd>)'],
  ['saveAsTextFiles', { prefix: 'out/words', suffix: 'txt' }, { in: 's' }, 'ts', "s.saveAsTextFiles('out/words', 'txt');"],
  ['saveAsHadoopFiles', { prefix: 'hdfs://nn/tags', suffix: 'txt' }, { in: 's' }, 'ts', "s.saveAsHadoopFiles('hdfs://nn/tags', 'txt');"],
  ['saveAsHadoopFiles', { prefix: 'out/tags' }, { in: 's' }, 'scala',
    's.foreachRDD((rdd, time) => rdd.map { case (k, v) => s"$k\\t$v" }.saveAsTextFile("out/tags" + "-" + time.milliseconds))'],
  ['saveAsHadoopFiles', { prefix: 'out/tags', suffix: 'txt' }, { in: 's' }, 'python',
    "s.foreachRDD(lambda time, rdd: rdd.map(lambda kv: '%s\\t%s' % kv).saveAsTextFile('out/tags' + '-' + str(int(time.timestamp() * 1000)) + '.' + 'txt'))"],
  ['window', { window: 3000 }, { in: 's' }, 'ts', 'const out = s.window(Milliseconds(3000));'],
];

describe('emitters', () => {
  test.each(EMIT_CASES)('%s %j %j %s', (opName, params, inputs, lang, expected) => {
    const node: GraphNode = { id: 'n', op: opName, params, position: { x: 0, y: 0 } };
    expect(emitNode(graph, node, { lang, inputs, out: 'out', udf: fakeUdf })).toBe(expected);
  });
});
