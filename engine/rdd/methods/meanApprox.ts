import { BoundedDouble, PartialResult } from '../../core/partialResult';
import type { RDD } from '../RDD';
import { stats } from './stats';

/** Spark's DoubleRDDFunctions.meanApprox: a StatCounter per partition (MeanEvaluator), final once the job ends. */
export async function meanApprox(rdd: RDD<number>, _timeout: number, _confidence = 0.95): Promise<PartialResult<BoundedDouble>> {
  return new PartialResult(BoundedDouble.exact((await stats(rdd, 'meanApprox')).mean), true);
}
