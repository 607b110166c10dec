import { BoundedDouble, PartialResult } from '../../core/partialResult';
import type { RDD } from '../RDD';
import { stats } from './stats';

/** Spark's DoubleRDDFunctions.sumApprox: a StatCounter per partition (SumEvaluator), final once the job ends: count * mean. */
export async function sumApprox(rdd: RDD<number>, _timeout: number, _confidence = 0.95): Promise<PartialResult<BoundedDouble>> {
  return new PartialResult(BoundedDouble.exact((await stats(rdd, 'sumApprox')).sum), true);
}
