import { errors } from '../../core/errors';
import { BoundedDouble, PartialResult } from '../../core/partialResult';
import type { RDD } from '../RDD';
import * as actions from '../actions';

/**
 * Spark's RDD.countApprox(timeout, confidence): a count job evaluated by CountEvaluator. The engine's job
 * always completes, so the result is final: `(final: [n.000, n.000])`, as Spark's when the job finishes
 * within the timeout.
 */
export async function countApprox(rdd: RDD<unknown>, _timeout: number, confidence = 0.95): Promise<PartialResult<BoundedDouble>> {
  checkConfidence(confidence);
  return new PartialResult(BoundedDouble.exact(await actions.count(rdd)), true);
}

export function checkConfidence(confidence: unknown): void {
  if (typeof confidence !== 'number' || !(confidence >= 0 && confidence <= 1)) throw errors.confidenceRange(Number(confidence));
}
