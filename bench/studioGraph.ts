/**
 * Row 8: a large seeded pipeline graph for the studio frame-budget benchmark.
 *
 * One rateStream receiver (a single receiver, so `local[2]` keeps a task slot free) fans out to `chains`
 * word-count-like chains:
 *
 *   map → flatMap → filter → map → reduceByKey → mapValues → filter → map → print
 *
 * Each chain's functions differ slightly (moduli picked by a seeded PRNG), so the graph is not one repeated
 * string. The last chain drops optional nodes so the total is exactly `nodes`. Pure: no DOM, no engine.
 */
import type { GraphEdge, GraphNode, PipelineGraph } from '../engine/graph/types';
import { seededRandom } from '../scripts/testing/seededRandom';

export interface StudioGraphOptions {
  /** Total node count (default 200). */
  nodes?: number;
  /** Number of parallel chains after the shared source (default 20). */
  chains?: number;
  seed?: number;
  master?: string;
  /** Batch interval in ms (default 1000). */
  batchDuration?: number;
  /** Records per second from the rate source (default 100). */
  rowsPerSecond?: number;
}


interface Step { op: string; params: Record<string, unknown>; optional?: boolean }

function chainSteps(i: number, rnd: () => number): Step[] {
  const a = 3 + Math.floor(rnd() * 7);
  const b = 11 + Math.floor(rnd() * 13);
  const k = 1 + Math.floor(rnd() * 4);
  return [
    { op: 'map', params: { f: `(v) => 'c${i}w' + (Number(v) % ${a}) + ' c${i}x' + (Number(v) % ${b})` } },
    { op: 'flatMap', params: { f: `(line) => line.split(' ')` } },
    { op: 'filter', params: { f: `(w) => w.length > 2` }, optional: true },
    { op: 'map', params: { f: `(w) => [w, 1]` } },
    { op: 'reduceByKey', params: { reduce: `(a, b) => a + b` } },
    { op: 'mapValues', params: { f: `(n) => n * ${k}` }, optional: true },
    { op: 'filter', params: { f: `([w, n]) => n > 0` }, optional: true },
    { op: 'map', params: { f: `([w, n]) => w + '=' + n` }, optional: true },
    { op: 'print', params: { num: 2 } },
  ];
}

/** A seeded PipelineGraph with exactly `nodes` nodes (1 source + chains). */
export function studioGraph(opts: StudioGraphOptions = {}): PipelineGraph {
  const total = opts.nodes ?? 200;
  const chains = opts.chains ?? 20;
  const seed = opts.seed ?? 42;
  const rnd = seededRandom(seed);
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const src: GraphNode = { id: 'src', op: 'rateStream', params: { rowsPerSecond: opts.rowsPerSecond ?? 100 }, position: { x: 0, y: ((chains - 1) * 110) / 2 }, label: 'rate' };
  nodes.push(src);

  let remaining = total - 1;
  for (let i = 0; i < chains && remaining > 0; i++) {
    const chainsLeft = chains - i;
    // Spread the remaining nodes over the chains left (the extra ones go to the first chains).
    const want = Math.ceil(remaining / chainsLeft);
    let steps = chainSteps(i, rnd);
    // Pad with extra maps when a chain needs more nodes than the template, or drop optional steps when fewer.
    while (steps.length < want) steps.splice(steps.length - 1, 0, { op: 'map', params: { f: `(x) => x` }, optional: true });
    for (let j = steps.length - 1; steps.length > want && j >= 0; j--) if (steps[j].optional) steps.splice(j, 1);
    // A chain always ends with print; when even that is too long (tiny totals), keep its prefix.
    if (steps.length > want) steps = [...steps.slice(0, Math.max(0, want - 1)), steps[steps.length - 1]].slice(-want);
    let prev = src.id;
    steps.forEach((s, j) => {
      const id = `c${i}n${j}`;
      nodes.push({ id, op: s.op, params: s.params, position: { x: 240 + j * 220, y: i * 110 }, label: `c${i}_${s.op}${j}` });
      edges.push({ id: `e_${prev}_${id}`, source: prev, target: id });
      prev = id;
    });
    remaining -= steps.length;
  }

  return {
    version: 1,
    name: `studio-bench-${total}-nodes`,
    master: opts.master ?? 'local[2]',
    batchDuration: opts.batchDuration ?? 1000,
    seed,
    nodes,
    edges,
  };
}
