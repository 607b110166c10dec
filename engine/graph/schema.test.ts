import { describe, expect, test } from 'vitest';
import { parsePipeline, serializePipeline, isValidMaster } from './schema';

const good = () => ({
  version: 1, name: 'wc', master: 'local[2]', batchDuration: 1000, seed: 42,
  nodes: [
    { id: 'src', op: 'queueStream', params: { batches: [['hello world', 'hello']] }, position: { x: 0, y: 0 } },
    { id: 'words', op: 'flatMap', params: { f: "l => l.split(' ')" }, position: { x: 200, y: 0 } },
    { id: 'pairs', op: 'map', params: { f: 'w => [w, 1]' }, position: { x: 400, y: 0 } },
    { id: 'counts', op: 'reduceByKeyAndWindow', params: { window: 3000, slide: 1000 }, position: { x: 600, y: 0 } },
    { id: 'a', op: 'union', params: {}, position: { x: 700, y: 0 } },
    { id: 'out', op: 'print', params: { num: 10 }, position: { x: 800, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'src', target: 'words' },
    { id: 'e2', source: 'words', target: 'pairs', targetPort: 'in' },
    { id: 'e3', source: 'pairs', target: 'counts' },
    { id: 'e4', source: 'counts', target: 'out' },
  ],
});

type Doc = ReturnType<typeof good> & Record<string, unknown>;
/** [case name, mutation of a good document (or raw input), expected issue substrings]. */
const BAD: [string, (d: Doc) => unknown, string[]][] = [
  ['not JSON', () => '{"version": 1,', ['(document): not valid JSON']],
  ['empty text', () => '   ', ['(document): empty']],
  ['array document', () => [], ['(document): expected a JSON object']],
  ['null document', () => null, ['(document): expected a JSON object']],
  ['newer version', (d) => ({ ...d, version: 2 }), ['version: this file was made by a newer DStream Studio (pipeline version 2)']],
  ['bad version', (d) => ({ ...d, version: 'one' }), ['version: expected a positive integer, got "one"']],
  ['name not string', (d) => ({ ...d, name: 5 }), ['name: expected a string, got 5']],
  ['master missing', (d) => { const { master: _m, ...rest } = d; return rest; }, ['master: expected a master URL']],
  ['master syntax', (d) => ({ ...d, master: 'yarn' }), ['master: Could not parse Master URL: "yarn"']],
  ['master local[0]', (d) => ({ ...d, master: 'local[0]' }), ['master: Could not parse Master URL']],
  ['batchDuration zero', (d) => ({ ...d, batchDuration: 0 }), ['batchDuration: expected a positive number of milliseconds, got 0']],
  ['batchDuration string', (d) => ({ ...d, batchDuration: '1s' }), ['batchDuration: expected a positive number of milliseconds, got "1s"']],
  ['seed float', (d) => ({ ...d, seed: 1.5 }), ['seed: expected an integer, got 1.5']],
  ['checkpointDir empty', (d) => ({ ...d, checkpointDir: '' }), ['checkpointDir: expected a non-empty directory name']],
  ['conf value number', (d) => ({ ...d, conf: { 'spark.x': 1 } }), ['conf["spark.x"]: expected a string value, got 1']],
  ['nodes not array', (d) => ({ ...d, nodes: {} }), ['nodes: expected a list of nodes, got an object']],
  ['edges missing', (d) => { const { edges: _e, ...rest } = d; return rest; }, ['edges: expected a list of edges, got nothing']],
  ['node not object', (d) => { d.nodes[1] = 'x' as never; return d; }, ['nodes[1]: expected a node object']],
  ['duplicate node id', (d) => { d.nodes[2].id = 'src'; return d; }, ['nodes[2].id: duplicate node id "src" (also nodes[0])']],
  ['empty node id', (d) => { d.nodes[0].id = ''; return d; }, ['nodes[0].id: expected a non-empty string id, got ""']],
  ['unknown op', (d) => { d.nodes[1].op = 'flatMapp'; return d; }, ['nodes[1].op: unknown op "flatMapp"']],
  ['prototype op', (d) => { d.nodes[1].op = 'toString'; return d; }, ['nodes[1].op: unknown op "toString"']],
  ['bad position', (d) => { d.nodes[3].position = { x: 'a' } as never; return d; }, ['nodes[3].position: expected { "x": number, "y": number }']],
  ['duration as text', (d) => { d.nodes[3].params = { window: 'abc' } as never; return d; }, ['nodes[3].params.window: expected a duration in milliseconds, got "abc"']],
  ['negative duration', (d) => { d.nodes[3].params = { window: -1000 } as never; return d; }, ['nodes[3].params.window: expected a duration in milliseconds, got -1000']],
  ['unknown param', (d) => { d.nodes[1].params = { fn: 'x => x' } as never; return d; }, ['nodes[1].params.fn: unknown parameter of flatMap (known: f)']],
  ['function not string', (d) => { d.nodes[1].params = { f: 42 } as never; return d; }, ['nodes[1].params.f: expected the source text of a function, got 42']],
  ['int param float', (d) => { d.nodes[5].params = { num: 2.5 }; return d; }, ['nodes[5].params.num: expected an integer, got 2.5']],
  ['int below min', (d) => { d.nodes[5].params = { num: 0 }; return d; }, ['nodes[5].params.num: must be at least 1, got 0']],
  ['boolean param', (d) => { d.nodes[0].params = { batches: [], oneAtATime: 'yes' } as never; return d; }, ['nodes[0].params.oneAtATime: expected true or false, got "yes"']],
  ['params array', (d) => { d.nodes[0].params = [] as never; return d; }, ['nodes[0].params: expected an object, got an array of 0']],
  ['edge to missing node', (d) => { d.edges[0].target = 'nope'; return d; }, ['edges[0].target: no node with id "nope"']],
  ['edge from missing node', (d) => { d.edges[1].source = 'ghost'; return d; }, ['edges[1].source: no node with id "ghost"']],
  ['duplicate edge id', (d) => { d.edges[1].id = 'e1'; return d; }, ['edges[1].id: duplicate edge id "e1" (also edges[0])']],
  ['bad port', (d) => { d.edges[1].targetPort = 'left'; return d; }, ['edges[1].targetPort: map has no port "left" (ports: in)']],
  ['edge into a source', (d) => { d.edges.push({ id: 'e9', source: 'words', target: 'src' }); return d; }, ['edges[4].target: src is a source (queueStream) and has no input port']],
  ['edge out of an output', (d) => { d.edges.push({ id: 'e9', source: 'out', target: 'a' }); return d; }, ['edges[4].source: out is an output (print) and has no output port']],
  ['port connected twice', (d) => { d.edges.push({ id: 'e9', source: 'words', target: 'counts' }); return d; }, ['edges[4]: port "in" of counts is already connected by edges[2]']],
  ['deep json param', (d) => { let v: unknown = 1; for (let i = 0; i < 200; i++) v = [v]; d.nodes[0].params = { batches: v } as never; return d; }, ['nodes[0].params.batches: nested deeper than 64 levels']],
  ['huge string', (d) => { d.nodes[1].params = { f: 'x'.repeat(200_000) }; return d; }, ['nodes[1].params.f: function source longer than 100000 characters']],
];

describe('parsePipeline', () => {
  test('a good document loads, normalised and detached from its input', () => {
    const doc = good();
    const r = parsePipeline(JSON.stringify(doc));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toEqual([]);
    expect(r.graph.nodes.map((n) => n.id)).toEqual(['src', 'words', 'pairs', 'counts', 'a', 'out']);
    expect(parsePipeline(JSON.parse(serializePipeline(r.graph)))).toEqual(r);
    const r2 = parsePipeline(doc);
    if (r2.ok) { (r2.graph.nodes[0].params.batches as unknown[][])[0].push('x'); expect((doc.nodes[0].params as { batches: string[][] }).batches[0]).toHaveLength(2); }
  });

  test('missing version is read as 1 with a warning', () => {
    const { version: _v, ...doc } = good();
    const r = parsePipeline(doc);
    expect(r).toMatchObject({ ok: true, warnings: ['version: missing; read as version 1'] });
  });

  test.each(BAD)('%s', (_name, mutate, expected) => {
    const r = parsePipeline(mutate(good() as Doc));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    for (const msg of expected) expect(r.issues.some((i) => i.includes(msg)), `${JSON.stringify(r.issues)}\n  should include: ${msg}`).toBe(true);
  });

  test('every problem is listed, not only the first', () => {
    const d = good() as Doc;
    d.batchDuration = -1; d.master = 'mesos://x'; d.nodes[1].op = 'nope'; d.nodes[3].params = { window: 'abc' } as never;
    const r = parsePipeline(d);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues).toHaveLength(4);
  });

  test('master URLs', () => {
    for (const m of ['local', 'local[1]', 'local[4]', 'local[*]', 'local[2,3]', 'local-cluster[2,2,1024]']) expect(isValidMaster(m), m).toBe(true);
    for (const m of ['', 'local[]', 'local[0]', 'local[x]', 'spark://h:7077', 'local-cluster[2,2]', 'LOCAL[2]']) expect(isValidMaster(m), m).toBe(false);
  });

  test('never throws on mutated documents (seeded fuzz)', () => {
    let seed = 12345;
    const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
    const junk = [null, 0, -1, 1e308, '', 'x', [], {}, true, { x: 1 }, [[]], '__proto__', 'toString', NaN];
    const base = JSON.stringify(good());
    for (let i = 0; i < 2000; i++) {
      const doc = JSON.parse(base);
      const mutateAt = (o: Record<string, unknown> | unknown[]) => {
        const keys = Object.keys(o);
        if (!keys.length) return;
        const k = keys[Math.floor(rnd() * keys.length)];
        const v = (o as Record<string, unknown>)[k];
        if (v && typeof v === 'object' && rnd() < 0.7) mutateAt(v as Record<string, unknown>);
        else (o as Record<string, unknown>)[k] = structuredClone(junk[Math.floor(rnd() * junk.length)]);
      };
      for (let m = 0; m < 1 + Math.floor(rnd() * 3); m++) mutateAt(doc);
      const text = JSON.stringify(doc);
      const cut = rnd() < 0.1 ? text.slice(0, Math.floor(rnd() * text.length)) : text;
      const r = parsePipeline(rnd() < 0.5 ? cut : doc);
      expect(typeof r.ok).toBe('boolean');
      if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
    }
  });
});
