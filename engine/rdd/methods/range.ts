/**
 * Spark's SparkContext.range(start, end, step, numSlices): `parallelize(0 until numSlices)` whose partition i
 * generates its share of the numbers, split as ParallelCollectionRDD slices a collection
 * ([floor(i*n/numSlices), floor((i+1)*n/numSlices)) of the n numbers), so glom() shows Spark's partitions.
 */
import { errors } from '../../core/errors';
import type { DataPlan } from '../kinds/ParallelCollectionRDD';
import { RDD, ship } from '../RDD';
import type { SparkContext } from '../SparkContext';

export function range(sc: SparkContext, start: number, end: number | undefined, step: number, numSlices: number): RDD<number> {
  sc.assertNotStopped();
  // PySpark's range(5): one argument is the end.
  const [from, until] = end === undefined ? [0, start] : [start, end];
  for (const [name, v] of [['start', from], ['end', until], ['step', step]] as const) {
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw errors.unsupportedArgument('range', `${name} = ${String(v)}`, 'Give start, end and step as integers (Spark\'s range is of Longs).');
  }
  if (step === 0) throw errors.rangeStepZero();
  if (!Number.isInteger(numSlices) || numSlices < 1) throw errors.numSlicesPositive(numSlices);
  const length = (step > 0 ? until > from : until < from) ? Math.ceil((until - from) / step) : 0;
  const slots = new RDD<number>(sc, {
    className: 'ParallelCollectionRDD', opName: 'range', numPartitions: numSlices, deps: [],
    planFor: (p): DataPlan => ({ k: 'data', values: [p] }),
  });
  const f = ship(`(i, _it) => {
    const first = Math.floor((i * ${length}) / ${numSlices}), last = Math.floor(((i + 1) * ${length}) / ${numSlices});
    const out = [];
    for (let j = first; j < last; j++) out.push(${from} + j * ${step});
    return out;
  }`, 'range');
  return slots.narrow<number>('range', (p) => ({ t: 'mapPartitions', f, withIndex: true, partition: p }));
}
