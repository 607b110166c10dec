/** Spark's PartitionwiseSampledRDD (RDD.sample): a BernoulliSampler, or with replacement a PoissonSampler, seeded per partition. */
import { errors } from '../../core/errors';
import { BernoulliSampler, PoissonSampler, partitionwiseSamplingSeeds } from '../../core/randomSampler';
import { RDD } from '../RDD';
import type { PartPlan } from './index';
import type { PlanKind } from './kind';

export interface SamplePlan { k: 'sample'; rddId: number; withReplacement: boolean; fraction: number; seed: number; partition: number; parent: PartPlan }

export const partitionwiseSampledKind: PlanKind<SamplePlan> = {
  rddClass: 'PartitionwiseSampledRDD',
  inputs: (plan) => [plan.parent],
  push(plan, run, emit) {
    // Partition i's sampler is seeded with the i-th nextLong() of Random(seed).
    const seed = partitionwiseSamplingSeeds(plan.seed, plan.partition + 1)[plan.partition];
    if (plan.withReplacement) {
      const sampler = new PoissonSampler(plan.fraction);
      sampler.setSeed(seed);
      run.push(plan.parent, (x) => { const n = sampler.sample(); for (let i = 0; i < n; i++) emit(x); });
      return;
    }
    const sampler = new BernoulliSampler(plan.fraction);
    sampler.setSeed(seed);
    run.push(plan.parent, (x) => { if (sampler.sample() > 0) emit(x); });
  },
};

/** Spark's checks on sample's arguments, then the sampled RDD (it keeps the parent's partitioner). */
export function partitionwiseSampledRDD<T>(parent: RDD<T>, withReplacement: boolean, fraction: number, seed: number): RDD<T> {
  if (typeof fraction !== 'number' || Number.isNaN(fraction)) throw errors.sampleFractionNotNumber(fraction);
  if (!(fraction >= 0)) throw errors.fractionNegative(fraction);
  if (!withReplacement && !(fraction <= 1 + 1e-6)) throw errors.samplingFractionRange(fraction);
  if (!Number.isInteger(seed)) throw errors.sampleSeedNotInteger(seed);
  const rdd: RDD<T> = new RDD<T>(parent.sc, {
    className: 'PartitionwiseSampledRDD', opName: 'sample', numPartitions: () => parent.getNumPartitions(),
    deps: [{ kind: 'narrow', rdd: parent }], partitioner: parent.partitioner,
    planFor: (p, ctx): SamplePlan => ({ k: 'sample', rddId: rdd.id, withReplacement, fraction, seed, partition: p, parent: parent.planOf(p, ctx) }),
  });
  return rdd;
}
