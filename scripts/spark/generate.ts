/**
 * Seeded random pipelines for differential testing against Spark: queueStream inputs of random words, then a
 * random chain from the operator registry (stateless, pair, windows with and without inverse, updateStateByKey,
 * mapWithState, joins, unions, transform with RDD operations), ending in print() (every eighth also in
 * saveAsTextFiles). Same seed → same pipelines.
 */
import type { GraphEdge, GraphNode, PipelineGraph } from '../../engine/graph/types';
import { seededRandom } from '../testing/seededRandom';


const WORDS = ['spark', 'stream', 'batch', 'rdd', 'window', 'state', 'key', 'a', 'bb', 'ccc'];

export interface GeneratedCase { graph: PipelineGraph; batches: number }

export function generatePipeline(index: number, seed: number): GeneratedCase {
  const rnd = seededRandom(seed * 7919 + index);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const batches = int(3, 6);
  let n = 0;
  const add = (op: string, params: Record<string, unknown>, from: string[], ports?: string[]): string => {
    const id = `n${n++}`;
    nodes.push({ id, op, params, position: { x: n * 200, y: 0 } });
    from.forEach((src, i) => edges.push({ id: `e${edges.length}`, source: src, target: id, ...(ports ? { targetPort: ports[i] } : {}) }));
    return id;
  };
  const queue = () => add('queueStream', {
    batches: Array.from({ length: batches }, () => Array.from({ length: int(0, 5) }, () => Array.from({ length: int(1, 4) }, () => pick(WORDS)).join(' '))),
    oneAtATime: true,
  }, []);
  const words = (src: string) => add('flatMap', { f: "l => l.split(' ')" }, [src]);
  const pairsOf = (src: string) => add('map', { f: pick(['w => [w, 1]', 'w => [w, w.length]']) }, [src]);

  let cur = words(queue());
  // stateless steps on words
  for (let k = int(0, 2); k > 0; k--) {
    const step = pick(['filter', 'map', 'repartition', 'union', 'window']);
    if (step === 'filter') cur = add('filter', { f: pick(['w => w.length > 1', "w => w !== 'a'"]) }, [cur]);
    else if (step === 'map') cur = add('map', { f: pick(['w => w.toUpperCase()', "w => w + '!'"]) }, [cur]);
    else if (step === 'repartition') cur = add('repartition', { numPartitions: int(1, 3) }, [cur]);
    else if (step === 'union') cur = add('union', {}, [cur, words(queue())], ['in', 'other']);
    else cur = add('window', { window: 2000, slide: 1000 }, [cur]);
  }
  const shape = pick(['words', 'pairs', 'pairs', 'pairs', 'pairs']);
  if (shape === 'words') {
    cur = add(pick(['countByValue', 'count', 'countByValueAndWindow', 'countByWindow']), pick([{}, { window: 2000, slide: 1000 }]), [cur]);
    const last = nodes[nodes.length - 1];
    if (last.op === 'countByValue' || last.op === 'count') last.params = {};
    else last.params = { window: pick([2000, 3000]), slide: 1000 };
  } else {
    cur = pairsOf(cur);
    const step = pick(['reduceByKey', 'reduceByKeyAndWindow', 'reduceByKeyAndWindowInv', 'updateStateByKey', 'mapWithState',
      'join', 'leftOuterJoin', 'mapValues', 'transform', 'reduceByKey']);
    if (step === 'reduceByKey') cur = add('reduceByKey', { reduce: '(a, b) => a + b', ...(rnd() < 0.3 ? { numPartitions: int(1, 3) } : {}) }, [cur]);
    else if (step === 'reduceByKeyAndWindow') cur = add('reduceByKeyAndWindow', { reduce: '(a, b) => a + b', window: pick([2000, 3000]), slide: 1000 }, [cur]);
    else if (step === 'reduceByKeyAndWindowInv') cur = add('reduceByKeyAndWindow', { reduce: '(a, b) => a + b', inverse: '(a, b) => a - b', window: pick([2000, 3000]), slide: 1000 }, [cur]);
    else if (step === 'updateStateByKey') cur = add('updateStateByKey', {}, [cur]);
    else if (step === 'mapWithState') cur = add('mapWithState', {}, [cur]);
    else if (step === 'mapValues') cur = add('mapValues', { f: 'v => v * 2' }, [add('reduceByKey', { reduce: '(a, b) => a + b' }, [cur])]);
    else if (step === 'transform') cur = add('transform', { f: pick(['rdd => rdd.sortByKey()', 'rdd => rdd.reduceByKey((a, b) => a + b).sortByKey(false)']) }, [cur]);
    else {
      const left = add('reduceByKey', { reduce: '(a, b) => a + b' }, [cur]);
      const right = add('reduceByKey', { reduce: '(a, b) => a + b' }, [pairsOf(words(queue()))]);
      cur = add(step, {}, [left, right], ['left', 'right']);
    }
  }
  // every eighth pipeline also saves its stream, so the oracle compares saveAsTextFiles contents (no random draw:
  // the other pipelines stay as they were)
  if (index % 8 === 0) add('saveAsTextFiles', { prefix: 'out/generated', suffix: 'txt' }, [cur]);
  add('print', { num: 20 }, [cur]);
  return {
    batches,
    graph: { version: 1, name: `Generated ${index}`, master: 'local[2]', batchDuration: 1000, seed, nodes, edges } as PipelineGraph,
  };
}
